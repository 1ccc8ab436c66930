//! The map's visible window (an SVG `viewBox`): zooming about a point, panning, fitting
//! a region, pinching, always kept over the map at the map's aspect ratio; the mapping
//! between screen pixels and map units for an SVG drawn with the default
//! `preserveAspectRatio` (`xMidYMid meet`); and the bounding box of SVG path data.

use super::polygon::Point;
use super::projection::Rect;

/// Most the map can be magnified.
pub const MAX_ZOOM: f64 = 16.0;

/// A viewBox: the rectangle of map units shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// How a viewBox is drawn in a box of `width` × `height` pixels: pixels per map unit
/// and the offset of the drawing inside the box (letterboxing).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Screen {
    /// Pixels per map unit.
    pub scale: f64,
    /// Left offset of the drawing in the box, in pixels.
    pub dx: f64,
    /// Top offset of the drawing in the box, in pixels.
    pub dy: f64,
}

fn finite_pos(v: f64) -> bool {
    v.is_finite() && v > 0.0
}

impl ViewBox {
    /// The whole map, `width` × `height` units from the origin.
    pub fn full(width: f64, height: f64) -> ViewBox {
        ViewBox {
            x: 0.0,
            y: 0.0,
            w: if finite_pos(width) { width } else { 1.0 },
            h: if finite_pos(height) { height } else { 1.0 },
        }
    }

    /// The `viewBox` attribute value, rounded to a tenth of a unit.
    pub fn attr(&self) -> String {
        let r = |v: f64| (v * 10.0).round() / 10.0;
        format!("{} {} {} {}", r(self.x), r(self.y), r(self.w), r(self.h))
    }

    /// Magnification relative to `full` (1 = the whole map).
    pub fn zoom_level(&self, full: &ViewBox) -> f64 {
        full.w / self.w
    }

    /// True when (nearly) the whole map is shown.
    pub fn is_full(&self, full: &ViewBox) -> bool {
        let eps = full.w.max(full.h) * 1e-3;
        (self.x - full.x).abs() < eps
            && (self.y - full.y).abs() < eps
            && (self.w - full.w).abs() < eps
            && (self.h - full.h).abs() < eps
    }

    /// The centre.
    pub fn center(&self) -> Point {
        [self.x + self.w / 2.0, self.y + self.h / 2.0]
    }

    /// This window with `full`'s aspect ratio and a magnification between 1 and
    /// [`MAX_ZOOM`] (an empty window gets the largest), moved so that it stays over the
    /// map. Non-finite input gives `full`.
    pub fn clamped(&self, full: &ViewBox) -> ViewBox {
        if ![self.x, self.y, self.w, self.h]
            .iter()
            .all(|v| v.is_finite())
        {
            return *full;
        }
        let w = self.w.clamp(full.w / MAX_ZOOM, full.w);
        let h = w * full.h / full.w;
        let c = self.center();
        let x = (c[0] - w / 2.0).clamp(full.x, full.x + full.w - w);
        let y = (c[1] - h / 2.0).clamp(full.y, full.y + full.h - h);
        ViewBox { x, y, w, h }
    }

    /// Zoomed by `factor` (above 1 zooms in) keeping map point `about` where it is on
    /// screen, then clamped.
    pub fn zoom(&self, factor: f64, about: Point, full: &ViewBox) -> ViewBox {
        if !finite_pos(factor) {
            return *self;
        }
        let w = (self.w / factor).clamp(full.w / MAX_ZOOM, full.w);
        let k = w / self.w;
        let h = self.h * k;
        ViewBox {
            x: about[0] - (about[0] - self.x) * k,
            y: about[1] - (about[1] - self.y) * k,
            w,
            h,
        }
        .clamped(full)
    }

    /// Moved by fractions of its own size (positive: right, down), then clamped.
    pub fn pan(&self, fx: f64, fy: f64, full: &ViewBox) -> ViewBox {
        ViewBox {
            x: self.x + fx * self.w,
            y: self.y + fy * self.h,
            ..*self
        }
        .clamped(full)
    }

    /// The smallest window with `full`'s aspect that shows `rect` with a margin of
    /// `padding` (a fraction of the rectangle's size) on every side, clamped.
    pub fn fit(rect: &Rect, padding: f64, full: &ViewBox) -> ViewBox {
        let pad = padding.max(0.0);
        let rw = rect.width * (1.0 + 2.0 * pad);
        let rh = rect.height * (1.0 + 2.0 * pad);
        let aspect = full.w / full.h;
        let (w, h) = if rw / rh.max(1e-9) > aspect {
            (rw, rw / aspect)
        } else {
            (rh * aspect, rh)
        };
        let cx = rect.x + rect.width / 2.0;
        let cy = rect.y + rect.height / 2.0;
        ViewBox {
            x: cx - w / 2.0,
            y: cy - h / 2.0,
            w,
            h,
        }
        .clamped(full)
    }

    /// How this window is drawn in a box of `width` × `height` pixels (`meet`).
    pub fn screen(&self, width: f64, height: f64) -> Screen {
        let scale = (width / self.w).min(height / self.h);
        let scale = if finite_pos(scale) { scale } else { 1.0 };
        Screen {
            scale,
            dx: (width - self.w * scale) / 2.0,
            dy: (height - self.h * scale) / 2.0,
        }
    }

    /// The map point under pixel `(px, py)` of a `width` × `height` box.
    pub fn to_map(&self, px: f64, py: f64, width: f64, height: f64) -> Point {
        let s = self.screen(width, height);
        [
            self.x + (px - s.dx) / s.scale,
            self.y + (py - s.dy) / s.scale,
        ]
    }

    /// The pixel of a `width` × `height` box where map point `p` is drawn.
    pub fn to_screen(&self, p: Point, width: f64, height: f64) -> (f64, f64) {
        let s = self.screen(width, height);
        (
            s.dx + (p[0] - self.x) * s.scale,
            s.dy + (p[1] - self.y) * s.scale,
        )
    }

    /// A two-finger gesture (or, with `factor` 1, a drag): the map point that was under
    /// pixel `from` in this window ends up under pixel `to`, magnified by `factor`.
    /// Pixels are relative to a `width` × `height` box.
    pub fn pinch(
        &self,
        from: (f64, f64),
        to: (f64, f64),
        factor: f64,
        size: (f64, f64),
        full: &ViewBox,
    ) -> ViewBox {
        let (width, height) = size;
        let p = self.to_map(from.0, from.1, width, height);
        let factor = if finite_pos(factor) { factor } else { 1.0 };
        let w = (self.w / factor).clamp(full.w / MAX_ZOOM, full.w);
        let h = w * full.h / full.w;
        let moved = ViewBox {
            x: 0.0,
            y: 0.0,
            w,
            h,
        };
        let s = moved.screen(width, height);
        ViewBox {
            x: p[0] - (to.0 - s.dx) / s.scale,
            y: p[1] - (to.1 - s.dy) / s.scale,
            w,
            h,
        }
        .clamped(full)
    }
}

/// Union of two optional rectangles.
pub fn union(a: Option<Rect>, b: Option<Rect>) -> Option<Rect> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let x = a.x.min(b.x);
            let y = a.y.min(b.y);
            Some(Rect {
                x,
                y,
                width: a.right().max(b.right()) - x,
                height: a.bottom().max(b.bottom()) - y,
            })
        }
        (a, None) => a,
        (None, b) => b,
    }
}

/// The bounding box of the vertices of SVG path data made of `M`, `L`, `H`, `V` and
/// `Z` commands, absolute or relative (curves are not used by the map). `None` when
/// the path has no vertex or uses another command.
pub fn path_bounds(d: &str) -> Option<Rect> {
    let mut points: Vec<Point> = Vec::new();
    let mut cur = [0.0, 0.0];
    let mut start = [0.0, 0.0];
    let mut cmd = ' ';
    let mut nums: Vec<f64> = Vec::new();

    fn flush(
        cmd: char,
        nums: &[f64],
        cur: &mut Point,
        start: &mut Point,
        points: &mut Vec<Point>,
    ) -> bool {
        let rel = cmd.is_ascii_lowercase();
        let base = |cur: &Point, rel: bool| if rel { *cur } else { [0.0, 0.0] };
        match cmd.to_ascii_uppercase() {
            ' ' => nums.is_empty(),
            'M' | 'L' => {
                if !nums.len().is_multiple_of(2) {
                    return false;
                }
                for (k, pair) in nums.chunks(2).enumerate() {
                    let b = base(cur, rel);
                    *cur = [b[0] + pair[0], b[1] + pair[1]];
                    if k == 0 && cmd.eq_ignore_ascii_case(&'M') {
                        *start = *cur;
                    }
                    points.push(*cur);
                }
                true
            }
            'H' => {
                for v in nums.iter() {
                    cur[0] = if rel { cur[0] + v } else { *v };
                    points.push(*cur);
                }
                true
            }
            'V' => {
                for v in nums.iter() {
                    cur[1] = if rel { cur[1] + v } else { *v };
                    points.push(*cur);
                }
                true
            }
            'Z' => {
                *cur = *start;
                nums.is_empty()
            }
            _ => false,
        }
    }

    let bytes = d.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i] as char;
        if c.is_ascii_alphabetic() && c != 'e' && c != 'E' {
            if !flush(cmd, &nums, &mut cur, &mut start, &mut points) {
                return None;
            }
            nums.clear();
            cmd = c;
            i += 1;
        } else if c == '-' || c == '+' || c == '.' || c.is_ascii_digit() {
            let s = i;
            i += 1;
            let mut seen_dot = c == '.';
            while i < bytes.len() {
                let ch = bytes[i] as char;
                if ch.is_ascii_digit() {
                    i += 1;
                } else if ch == '.' && !seen_dot {
                    seen_dot = true;
                    i += 1;
                } else if (ch == 'e' || ch == 'E') && i + 1 < bytes.len() {
                    i += 1;
                    if bytes[i] == b'-' || bytes[i] == b'+' {
                        i += 1;
                    }
                } else {
                    break;
                }
            }
            match d[s..i].parse::<f64>() {
                Ok(v) if v.is_finite() => nums.push(v),
                _ => return None,
            }
        } else if c == ',' || c.is_ascii_whitespace() {
            i += 1;
        } else {
            return None;
        }
    }
    if !flush(cmd, &nums, &mut cur, &mut start, &mut points) {
        return None;
    }
    Rect::bounding(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f64, y: f64, width: f64, height: f64) -> Rect {
        Rect {
            x,
            y,
            width,
            height,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    const FULL: ViewBox = ViewBox {
        x: 0.0,
        y: 0.0,
        w: 1000.0,
        h: 1250.0,
    };

    #[test]
    fn zoom_keeps_the_point_fixed_and_the_aspect() {
        let v = FULL.zoom(2.0, [500.0, 625.0], &FULL);
        assert!(close(v.w, 500.0) && close(v.h, 625.0));
        assert!(close(v.x, 250.0) && close(v.y, 312.5));
        // About an off-centre point: the point keeps its relative position.
        let v2 = v.zoom(2.0, [300.0, 400.0], &FULL);
        assert!(close((300.0 - v2.x) / v2.w, (300.0 - v.x) / v.w));
        assert!(close(v2.w / v2.h, FULL.w / FULL.h));
        assert!(close(v2.zoom_level(&FULL), 4.0));
    }

    #[test]
    fn zoom_is_limited_both_ways() {
        let out = FULL.zoom(0.25, [10.0, 10.0], &FULL);
        assert_eq!(out, FULL);
        assert!(out.is_full(&FULL));
        let deep = FULL.zoom(1000.0, [500.0, 500.0], &FULL);
        assert!(close(deep.zoom_level(&FULL), MAX_ZOOM));
        assert_eq!(FULL.zoom(f64::NAN, [0.0, 0.0], &FULL), FULL);
        assert_eq!(FULL.zoom(-2.0, [0.0, 0.0], &FULL), FULL);
    }

    #[test]
    fn pan_stays_over_the_map() {
        let v = FULL.zoom(2.0, [500.0, 625.0], &FULL);
        let right = v.pan(0.2, 0.0, &FULL);
        assert!(close(right.x, v.x + 100.0));
        let far = v.pan(10.0, 10.0, &FULL);
        assert!(close(far.x + far.w, 1000.0) && close(far.y + far.h, 1250.0));
        let back = v.pan(-10.0, -10.0, &FULL);
        assert!(close(back.x, 0.0) && close(back.y, 0.0));
        // The whole map cannot move.
        assert_eq!(FULL.pan(0.3, -0.3, &FULL), FULL);
    }

    #[test]
    fn fit_contains_the_rectangle_with_the_map_aspect() {
        let r = rect(600.0, 700.0, 200.0, 100.0);
        let v = ViewBox::fit(&r, 0.1, &FULL);
        assert!(close(v.w / v.h, 0.8));
        assert!(v.x <= r.x && v.y <= r.y);
        assert!(v.x + v.w >= r.right() && v.y + v.h >= r.bottom());
        assert!(v.w < FULL.w);
        // A rectangle larger than the map gives the whole map.
        let big = rect(-10.0, -10.0, 2000.0, 2000.0);
        assert_eq!(ViewBox::fit(&big, 0.0, &FULL), FULL);
        // A tiny rectangle is limited by the zoom limit, still centred on it.
        let dot = rect(500.0, 600.0, 0.0, 0.0);
        let z = ViewBox::fit(&dot, 0.1, &FULL);
        assert!(close(z.zoom_level(&FULL), MAX_ZOOM));
        assert!(close(z.center()[0], 500.0) && close(z.center()[1], 600.0));
    }

    #[test]
    fn screen_mapping_round_trips_with_letterboxing() {
        // A 400×300 box shows the tall map letterboxed left and right.
        let s = FULL.screen(400.0, 300.0);
        assert!(close(s.scale, 0.24));
        assert!(close(s.dy, 0.0) && close(s.dx, (400.0 - 240.0) / 2.0));
        let v = FULL.zoom(3.0, [200.0, 900.0], &FULL);
        let p = [250.0, 870.0];
        let (px, py) = v.to_screen(p, 400.0, 300.0);
        let q = v.to_map(px, py, 400.0, 300.0);
        assert!(close(p[0], q[0]) && close(p[1], q[1]));
    }

    #[test]
    fn pinch_keeps_the_fingers_on_the_same_map_point() {
        let size = (400.0, 500.0);
        let v = FULL.zoom(1.5, [500.0, 600.0], &FULL);
        let from = (180.0, 260.0);
        let under = v.to_map(from.0, from.1, size.0, size.1);
        let to = (200.0, 250.0);
        let p = v.pinch(from, to, 2.0, size, &FULL);
        assert!(close(p.zoom_level(&FULL), 3.0));
        let now = p.to_map(to.0, to.1, size.0, size.1);
        assert!(close(now[0], under[0]) && close(now[1], under[1]));
        // A drag (factor 1) moves the map with the pointer.
        let d = v.pinch((100.0, 100.0), (80.0, 100.0), 1.0, size, &FULL);
        assert!(d.x > v.x && close(d.y, v.y) && close(d.w, v.w));
    }

    #[test]
    fn attr_is_rounded() {
        let v = ViewBox {
            x: 1.04,
            y: 2.06,
            w: 3.0,
            h: 4.55,
        };
        assert_eq!(v.attr(), "1 2.1 3 4.6");
        assert_eq!(ViewBox::full(f64::NAN, -1.0), ViewBox::full(1.0, 1.0));
    }

    #[test]
    fn path_bounds_of_the_map_path_format() {
        // Absolute M, relative l, several subpaths, negative numbers without separators.
        let r = path_bounds("M10 20l5 0 0-5-5.5 0zM100 200l-10-10z").unwrap();
        assert!(close(r.x, 9.5) && close(r.y, 15.0));
        assert!(close(r.right(), 100.0) && close(r.bottom(), 200.0));
        let abs = path_bounds("M 1,2 L 3,4 H 10 V -1 Z").unwrap();
        assert!(close(abs.x, 1.0) && close(abs.y, -1.0) && close(abs.right(), 10.0));
        let rel = path_bounds("m1 1 2 2h1v1z").unwrap();
        assert!(close(rel.right(), 4.0) && close(rel.bottom(), 4.0));
        assert!(path_bounds("M1e1 2L3 4").is_some());
        assert_eq!(path_bounds(""), None);
        assert_eq!(path_bounds("M1 2 C 3 4 5 6 7 8"), None);
        assert_eq!(path_bounds("M1 2 3"), None);
        assert_eq!(path_bounds("M1 2 <script>"), None);
    }

    #[test]
    fn union_of_rectangles() {
        let a = rect(0.0, 0.0, 1.0, 1.0);
        let b = rect(2.0, -1.0, 1.0, 1.0);
        let u = union(Some(a), Some(b)).unwrap();
        assert!(close(u.x, 0.0) && close(u.y, -1.0) && close(u.width, 3.0) && close(u.height, 2.0));
        assert_eq!(union(None, Some(b)), Some(b));
        assert_eq!(union(None, None), None);
    }
}
