//! Equirectangular projection with cos(latitude) scaling, fitted to an SVG viewBox.
//!
//! x grows east and y grows south (the SVG convention), so north is up. Over a
//! city-sized area distances are faithful to a few parts per thousand, which is all a
//! schematic map needs. Also: geographic bounds, viewBox rectangles and the
//! scale-and-shift maps used to fit content into them.

use super::polygon::{is_finite_point, Point};

/// Kilometres per degree of latitude (and of longitude at the equator), from the mean
/// Earth radius 6,371 km.
pub const KM_PER_DEGREE: f64 = 111.195;

/// True for a finite `[lon, lat]` with lon in [-180, 180] and lat in [-90, 90].
pub fn is_valid_lon_lat(p: [f64; 2]) -> bool {
    is_finite_point(p) && p[0].abs() <= 180.0 && p[1].abs() <= 90.0
}

/// A longitude/latitude bounding box. Starts empty; ignores invalid points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoBounds {
    /// Westernmost longitude.
    pub min_lon: f64,
    /// Southernmost latitude.
    pub min_lat: f64,
    /// Easternmost longitude.
    pub max_lon: f64,
    /// Northernmost latitude.
    pub max_lat: f64,
}

impl Default for GeoBounds {
    fn default() -> Self {
        GeoBounds::empty()
    }
}

impl GeoBounds {
    /// Bounds containing nothing.
    pub fn empty() -> GeoBounds {
        GeoBounds {
            min_lon: f64::INFINITY,
            min_lat: f64::INFINITY,
            max_lon: f64::NEG_INFINITY,
            max_lat: f64::NEG_INFINITY,
        }
    }

    /// Bounds of the valid points among `points`.
    pub fn from_points<I: IntoIterator<Item = [f64; 2]>>(points: I) -> GeoBounds {
        let mut b = GeoBounds::empty();
        for p in points {
            b.extend(p);
        }
        b
    }

    /// True when no point has been added.
    pub fn is_empty(&self) -> bool {
        !(self.min_lon <= self.max_lon && self.min_lat <= self.max_lat)
    }

    /// Adds a `[lon, lat]` point (ignored when invalid).
    pub fn extend(&mut self, p: [f64; 2]) {
        if is_valid_lon_lat(p) {
            self.min_lon = self.min_lon.min(p[0]);
            self.max_lon = self.max_lon.max(p[0]);
            self.min_lat = self.min_lat.min(p[1]);
            self.max_lat = self.max_lat.max(p[1]);
        }
    }

    /// The smallest bounds containing both.
    pub fn union(&self, other: &GeoBounds) -> GeoBounds {
        GeoBounds {
            min_lon: self.min_lon.min(other.min_lon),
            min_lat: self.min_lat.min(other.min_lat),
            max_lon: self.max_lon.max(other.max_lon),
            max_lat: self.max_lat.max(other.max_lat),
        }
    }

    /// The centre `[lon, lat]`, if not empty.
    pub fn center(&self) -> Option<[f64; 2]> {
        (!self.is_empty()).then(|| {
            [
                (self.min_lon + self.max_lon) / 2.0,
                (self.min_lat + self.max_lat) / 2.0,
            ]
        })
    }

    /// Approximate distance in km from `p` to the box (0 inside); infinite when the box
    /// is empty or `p` invalid.
    pub fn distance_km(&self, p: [f64; 2]) -> f64 {
        if self.is_empty() || !is_valid_lon_lat(p) {
            return f64::INFINITY;
        }
        let dlon = (self.min_lon - p[0]).max(p[0] - self.max_lon).max(0.0);
        let dlat = (self.min_lat - p[1]).max(p[1] - self.max_lat).max(0.0);
        let kx = p[1].to_radians().cos();
        (dlon * kx).hypot(dlat) * KM_PER_DEGREE
    }
}

/// An axis-aligned rectangle in map (viewBox) units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Rect {
    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// True when `p` lies inside or on the edge.
    pub fn contains(&self, p: Point) -> bool {
        p[0] >= self.x && p[0] <= self.right() && p[1] >= self.y && p[1] <= self.bottom()
    }

    /// Bounding rectangle of the finite points, if any.
    pub fn bounding<I: IntoIterator<Item = Point>>(points: I) -> Option<Rect> {
        let (mut x0, mut y0, mut x1, mut y1) = (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        );
        for p in points.into_iter().filter(|p| is_finite_point(*p)) {
            x0 = x0.min(p[0]);
            y0 = y0.min(p[1]);
            x1 = x1.max(p[0]);
            y1 = y1.max(p[1]);
        }
        (x0 <= x1 && y0 <= y1).then_some(Rect {
            x: x0,
            y: y0,
            width: x1 - x0,
            height: y1 - y0,
        })
    }
}

/// A uniform scale followed by a shift: `p' = scale · p + (dx, dy)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Affine {
    /// Scale factor.
    pub scale: f64,
    /// Horizontal shift.
    pub dx: f64,
    /// Vertical shift.
    pub dy: f64,
}

impl Affine {
    /// The identity map.
    pub const IDENTITY: Affine = Affine {
        scale: 1.0,
        dx: 0.0,
        dy: 0.0,
    };

    /// Applies the map to a point.
    pub fn apply(&self, p: Point) -> Point {
        [self.scale * p[0] + self.dx, self.scale * p[1] + self.dy]
    }

    /// Maps `content` onto a canvas `width` wide, leaving `margin` on every side; the
    /// canvas height follows from the aspect. Returns the map and the height.
    pub fn fit_width(content: &Rect, width: f64, margin: f64) -> (Affine, f64) {
        let width = if width.is_finite() && width > 0.0 {
            width
        } else {
            1000.0
        };
        let margin = if margin.is_finite() && margin >= 0.0 && 2.0 * margin < width {
            margin
        } else {
            0.0
        };
        let inner = width - 2.0 * margin;
        // Guard against zero-width content (all points on one meridian).
        let cw = content.width.max(content.height * 0.1).max(1e-9);
        let scale = inner / cw;
        let dx = margin + (inner - content.width * scale) / 2.0 - content.x * scale;
        let dy = margin - content.y * scale;
        (
            Affine { scale, dx, dy },
            content.height * scale + 2.0 * margin,
        )
    }

    /// Maps `content` into `target` with `padding` inside it, keeping the aspect and
    /// centring it.
    pub fn fit_into(content: &Rect, target: &Rect, padding: f64) -> Affine {
        let padding = if padding.is_finite() && padding >= 0.0 {
            padding
        } else {
            0.0
        };
        let tw = (target.width - 2.0 * padding).max(1e-9);
        let th = (target.height - 2.0 * padding).max(1e-9);
        let scale = (tw / content.width.max(1e-9)).min(th / content.height.max(1e-9));
        let cx = target.x + target.width / 2.0;
        let cy = target.y + target.height / 2.0;
        Affine {
            scale,
            dx: cx - (content.x + content.width / 2.0) * scale,
            dy: cy - (content.y + content.height / 2.0) * scale,
        }
    }
}

/// Equirectangular projection: `x = x0 + s·cos(lat0)·(lon − lon0)`,
/// `y = y0 − s·(lat − lat0)`, with `s` map units per degree of latitude.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    lon0: f64,
    lat0: f64,
    kx: f64,
    scale: f64,
    x0: f64,
    y0: f64,
}

impl Projection {
    /// A local projection in kilometres centred on `center` (`[lon, lat]`), which maps
    /// to (0, 0). An invalid centre falls back to (0, 0).
    pub fn local_km(center: [f64; 2]) -> Projection {
        let c = if is_valid_lon_lat(center) {
            center
        } else {
            [0.0, 0.0]
        };
        Projection {
            lon0: c[0],
            lat0: c[1],
            kx: c[1].to_radians().cos(),
            scale: KM_PER_DEGREE,
            x0: 0.0,
            y0: 0.0,
        }
    }

    /// Fits `bounds` to a viewBox `width` wide with `margin` on each side; returns the
    /// projection and the viewBox height. `None` for empty bounds.
    pub fn fit(bounds: &GeoBounds, width: f64, margin: f64) -> Option<(Projection, f64)> {
        let (local, content) = Projection::local_with_content(bounds)?;
        let (a, height) = Affine::fit_width(&content, width, margin);
        Some((local.then(&a), height))
    }

    /// Fits `bounds` inside `target` with `padding`, keeping the aspect, centred.
    pub fn fit_into(bounds: &GeoBounds, target: &Rect, padding: f64) -> Option<Projection> {
        let (local, content) = Projection::local_with_content(bounds)?;
        Some(local.then(&Affine::fit_into(&content, target, padding)))
    }

    /// The local km projection of the bounds' centre and the bounds' projected
    /// rectangle (at least 10 m across).
    fn local_with_content(bounds: &GeoBounds) -> Option<(Projection, Rect)> {
        let center = bounds.center()?;
        let local = Projection::local_km(center);
        let a = local.project([bounds.min_lon, bounds.max_lat]);
        let b = local.project([bounds.max_lon, bounds.min_lat]);
        let (w, h) = ((b[0] - a[0]).max(0.01), (b[1] - a[1]).max(0.01));
        let content = Rect {
            x: (a[0] + b[0]) / 2.0 - w / 2.0,
            y: (a[1] + b[1]) / 2.0 - h / 2.0,
            width: w,
            height: h,
        };
        Some((local, content))
    }

    /// This projection followed by `a`.
    pub fn then(&self, a: &Affine) -> Projection {
        Projection {
            scale: self.scale * a.scale,
            x0: self.x0 * a.scale + a.dx,
            y0: self.y0 * a.scale + a.dy,
            ..*self
        }
    }

    /// Projects `[lon, lat]` to map coordinates.
    pub fn project(&self, p: [f64; 2]) -> Point {
        [
            self.x0 + self.scale * self.kx * (p[0] - self.lon0),
            self.y0 - self.scale * (p[1] - self.lat0),
        ]
    }

    /// Map coordinates back to `[lon, lat]`.
    pub fn unproject(&self, p: Point) -> [f64; 2] {
        [
            self.lon0 + (p[0] - self.x0) / (self.scale * self.kx),
            self.lat0 - (p[1] - self.y0) / self.scale,
        ]
    }

    /// Map units per kilometre.
    pub fn units_per_km(&self) -> f64 {
        self.scale / KM_PER_DEGREE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jakarta() -> GeoBounds {
        GeoBounds::from_points([[106.69, -6.37], [106.97, -6.09]])
    }

    #[test]
    fn bounds() {
        let mut b = GeoBounds::empty();
        assert!(b.is_empty());
        assert_eq!(b.center(), None);
        b.extend([f64::NAN, 1.0]);
        b.extend([200.0, 1.0]);
        assert!(b.is_empty());
        b.extend([106.8, -6.2]);
        assert!(!b.is_empty());
        assert_eq!(b.center(), Some([106.8, -6.2]));
        let j = jakarta();
        assert_eq!(j.distance_km([106.8, -6.2]), 0.0);
        // 0.39° north of the box ≈ 43 km.
        let d = j.distance_km([106.8, -5.7]);
        assert!((d - 0.39 * KM_PER_DEGREE).abs() < 0.01, "{d}");
        assert_eq!(j.distance_km([f64::NAN, 0.0]), f64::INFINITY);
        assert_eq!(GeoBounds::empty().distance_km([0.0, 0.0]), f64::INFINITY);
        assert_eq!(j.union(&GeoBounds::empty()), j);
    }

    #[test]
    fn fit_puts_north_up_and_east_right_with_margins() {
        let (p, h) = Projection::fit(&jakarta(), 1000.0, 20.0).unwrap();
        let nw = p.project([106.69, -6.09]);
        let se = p.project([106.97, -6.37]);
        assert!(
            (nw[0] - 20.0).abs() < 1e-9 && (nw[1] - 20.0).abs() < 1e-9,
            "{nw:?}"
        );
        assert!(
            (se[0] - 980.0).abs() < 1e-9 && (se[1] - (h - 20.0)).abs() < 1e-9,
            "{se:?} {h}"
        );
        // cos(lat) scaling: the box is 0.28° square, so it is taller than wide.
        let expected = 960.0 / (6.23f64.to_radians().cos()) + 40.0;
        assert!((h - expected).abs() < 0.5, "{h} vs {expected}");
        // Units per km consistent with distances.
        let km = p.units_per_km();
        let a = p.project([106.8, -6.2]);
        let b = p.project([106.8, -6.2 - 1.0 / KM_PER_DEGREE]);
        assert!(((b[1] - a[1]) - km).abs() < 1e-9);
        // Inverse.
        let back = p.unproject(a);
        assert!((back[0] - 106.8).abs() < 1e-12 && (back[1] + 6.2).abs() < 1e-12);
    }

    #[test]
    fn fit_into_a_box_keeps_aspect_and_centres() {
        let target = Rect {
            x: 10.0,
            y: 10.0,
            width: 200.0,
            height: 400.0,
        };
        let p = Projection::fit_into(&jakarta(), &target, 5.0).unwrap();
        let nw = p.project([106.69, -6.09]);
        let se = p.project([106.97, -6.37]);
        assert!((nw[0] - 15.0).abs() < 1e-9 && (se[0] - 205.0).abs() < 1e-9);
        assert!(((nw[1] + se[1]) / 2.0 - 210.0).abs() < 1e-9);
        assert!(target.contains(nw) && target.contains(se));
    }

    #[test]
    fn degenerate_bounds_do_not_explode() {
        assert!(Projection::fit(&GeoBounds::empty(), 1000.0, 10.0).is_none());
        let one = GeoBounds::from_points([[106.8, -6.2]]);
        let (p, h) = Projection::fit(&one, 1000.0, 10.0).unwrap();
        assert!(h.is_finite() && h > 0.0);
        assert!(is_finite_point(p.project([106.8, -6.2])));
        let line = GeoBounds::from_points([[106.8, -6.2], [106.8, -6.3]]);
        let (p, h) = Projection::fit(&line, 1000.0, 10.0).unwrap();
        assert!(h.is_finite() && is_finite_point(p.project([106.8, -6.25])));
        let (_, h) = Projection::fit(&jakarta(), f64::NAN, f64::NAN).unwrap();
        assert!(h.is_finite());
    }

    #[test]
    fn rect_helpers() {
        let r = Rect::bounding([[1.0, 2.0], [3.0, -1.0], [f64::NAN, 9.0]]).unwrap();
        assert_eq!(
            r,
            Rect {
                x: 1.0,
                y: -1.0,
                width: 2.0,
                height: 3.0
            }
        );
        assert_eq!(r.right(), 3.0);
        assert_eq!(r.bottom(), 2.0);
        assert!(r.contains([2.0, 0.0]));
        assert!(!r.contains([4.0, 0.0]));
        assert!(Rect::bounding(Vec::new()).is_none());
        let a = Affine {
            scale: 2.0,
            dx: 1.0,
            dy: -1.0,
        };
        assert_eq!(a.apply([1.0, 1.0]), [3.0, 1.0]);
        assert_eq!(Affine::IDENTITY.apply([1.0, 1.0]), [1.0, 1.0]);
    }
}
