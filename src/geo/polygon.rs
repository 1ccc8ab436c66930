//! Small planar polygon helpers: area, centroid, point-in-polygon, convex hull,
//! regular n-gon discs and convex clipping (by half-plane, convex polygon or disc).
//!
//! Polygons are vertex lists without a repeated closing vertex. Functions that build
//! polygons return them with positive signed area (counter-clockwise when y points up).
//! Nothing here panics on empty, degenerate or non-finite input.

use std::f64::consts::TAU;

/// A point in the plane, `[x, y]`.
pub type Point = [f64; 2];

/// Points closer than this are treated as the same vertex when cleaning up polygons.
const SAME_POINT: f64 = 1e-9;

/// True when both coordinates are finite.
pub fn is_finite_point(p: Point) -> bool {
    p[0].is_finite() && p[1].is_finite()
}

fn sub(a: Point, b: Point) -> Point {
    [a[0] - b[0], a[1] - b[1]]
}

fn cross(o: Point, a: Point, b: Point) -> f64 {
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
}

/// Euclidean distance between two points.
pub fn distance(a: Point, b: Point) -> f64 {
    let d = sub(a, b);
    d[0].hypot(d[1])
}

/// Signed area (shoelace formula): positive for counter-clockwise vertices in a y-up frame.
pub fn signed_area(poly: &[Point]) -> f64 {
    if poly.len() < 3 {
        return 0.0;
    }
    let mut sum = 0.0;
    for (i, a) in poly.iter().enumerate() {
        let b = poly[(i + 1) % poly.len()];
        sum += a[0] * b[1] - b[0] * a[1];
    }
    sum / 2.0
}

/// Unsigned area.
pub fn area(poly: &[Point]) -> f64 {
    signed_area(poly).abs()
}

/// Area-weighted centroid; the vertex mean when the area is zero. `None` when empty
/// or not finite.
pub fn centroid(poly: &[Point]) -> Option<Point> {
    if poly.is_empty() {
        return None;
    }
    let a = signed_area(poly);
    let result = if a.abs() > 0.0 && poly.len() >= 3 {
        // Shift to the first vertex for precision.
        let o = poly[0];
        let (mut cx, mut cy) = (0.0, 0.0);
        for (i, p) in poly.iter().enumerate() {
            let q = poly[(i + 1) % poly.len()];
            let (px, py) = (p[0] - o[0], p[1] - o[1]);
            let (qx, qy) = (q[0] - o[0], q[1] - o[1]);
            let f = px * qy - qx * py;
            cx += (px + qx) * f;
            cy += (py + qy) * f;
        }
        [o[0] + cx / (6.0 * a), o[1] + cy / (6.0 * a)]
    } else {
        let n = poly.len() as f64;
        let sx: f64 = poly.iter().map(|p| p[0]).sum();
        let sy: f64 = poly.iter().map(|p| p[1]).sum();
        [sx / n, sy / n]
    };
    is_finite_point(result).then_some(result)
}

/// Area-weighted centroid of several polygons taken together.
pub fn centroid_of_many<'a, I>(polys: I) -> Option<Point>
where
    I: IntoIterator<Item = &'a [Point]>,
{
    let (mut sx, mut sy, mut total) = (0.0, 0.0, 0.0);
    for poly in polys {
        let a = area(poly);
        if let (Some(c), true) = (centroid(poly), a > 0.0) {
            sx += c[0] * a;
            sy += c[1] * a;
            total += a;
        }
    }
    let c = [sx / total, sy / total];
    (total > 0.0 && is_finite_point(c)).then_some(c)
}

/// Point-in-polygon by ray casting (even-odd rule). Points exactly on an edge may go
/// either way.
pub fn contains(poly: &[Point], p: Point) -> bool {
    if poly.len() < 3 || !is_finite_point(p) {
        return false;
    }
    let mut inside = false;
    let mut j = poly.len() - 1;
    for i in 0..poly.len() {
        let (a, b) = (poly[i], poly[j]);
        if (a[1] > p[1]) != (b[1] > p[1]) {
            let x = a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
            if p[0] < x {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

/// Distance from `p` to the segment `a`–`b`.
pub fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let d = sub(b, a);
    let len2 = d[0] * d[0] + d[1] * d[1];
    let t = if len2 > 0.0 {
        (((p[0] - a[0]) * d[0] + (p[1] - a[1]) * d[1]) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    distance(p, [a[0] + t * d[0], a[1] + t * d[1]])
}

/// Distance from `p` to the polygon's outline (infinite for an empty polygon).
pub fn distance_to_boundary(poly: &[Point], p: Point) -> f64 {
    let mut best = f64::INFINITY;
    for (i, a) in poly.iter().enumerate() {
        let b = poly[(i + 1) % poly.len()];
        best = best.min(distance_to_segment(p, *a, b));
    }
    best
}

/// A regular polygon with `sides` vertices (at least 3) on the circle of `radius`
/// around `center`, the first vertex at angle 0. Empty for a non-positive or
/// non-finite radius or centre.
pub fn regular_polygon(center: Point, radius: f64, sides: usize) -> Vec<Point> {
    if !is_finite_point(center) || !radius.is_finite() || radius <= 0.0 {
        return Vec::new();
    }
    let n = sides.max(3);
    (0..n)
        .map(|k| {
            let t = TAU * k as f64 / n as f64;
            [center[0] + radius * t.cos(), center[1] + radius * t.sin()]
        })
        .collect()
}

/// Convex hull (Andrew's monotone chain) of the finite points, positive orientation,
/// without collinear vertices. May have 0, 1 or 2 points for degenerate input.
pub fn convex_hull(points: &[Point]) -> Vec<Point> {
    let mut pts: Vec<Point> = points
        .iter()
        .copied()
        .filter(|p| is_finite_point(*p))
        .collect();
    pts.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    pts.dedup();
    if pts.len() < 3 {
        return pts;
    }
    let mut lower: Vec<Point> = Vec::with_capacity(pts.len());
    for &p in &pts {
        while lower.len() >= 2 && cross(lower[lower.len() - 2], lower[lower.len() - 1], p) <= 0.0 {
            lower.pop();
        }
        lower.push(p);
    }
    let mut upper: Vec<Point> = Vec::with_capacity(pts.len());
    for &p in pts.iter().rev() {
        while upper.len() >= 2 && cross(upper[upper.len() - 2], upper[upper.len() - 1], p) <= 0.0 {
            upper.pop();
        }
        upper.push(p);
    }
    lower.pop();
    upper.pop();
    lower.extend(upper);
    lower
}

/// The convex hull of `points` grown outward by `margin` (the hull of n-gon discs
/// around each hull vertex), so corners come out rounded.
pub fn buffered_hull(points: &[Point], margin: f64, sides: usize) -> Vec<Point> {
    let hull = convex_hull(points);
    if !margin.is_finite() || margin <= 0.0 {
        return hull;
    }
    let discs: Vec<Point> = hull
        .iter()
        .flat_map(|v| regular_polygon(*v, margin, sides))
        .collect();
    convex_hull(&discs)
}

/// Removes repeated consecutive vertices (including a closing repeat) and returns an
/// empty polygon when fewer than 3 remain.
fn cleaned(mut poly: Vec<Point>) -> Vec<Point> {
    poly.dedup_by(|b, a| distance(*a, *b) <= SAME_POINT);
    while poly.len() > 1 && distance(poly[0], poly[poly.len() - 1]) <= SAME_POINT {
        poly.pop();
    }
    if poly.len() < 3 {
        poly.clear();
    }
    poly
}

/// Keeps the part of a convex polygon where `normal · p <= offset` (Sutherland–Hodgman
/// against one half-plane). Non-finite parameters leave the polygon unchanged.
pub fn clip_half_plane(poly: &[Point], normal: Point, offset: f64) -> Vec<Point> {
    if !is_finite_point(normal) || !offset.is_finite() {
        return poly.to_vec();
    }
    let side = |p: Point| normal[0] * p[0] + normal[1] * p[1] - offset;
    let mut out = Vec::with_capacity(poly.len() + 1);
    for (i, &a) in poly.iter().enumerate() {
        let b = poly[(i + 1) % poly.len()];
        let (da, db) = (side(a), side(b));
        if da <= 0.0 {
            out.push(a);
        }
        if (da <= 0.0) != (db <= 0.0) {
            let t = da / (da - db);
            out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
        }
    }
    cleaned(out)
}

/// The positively oriented copy of a polygon.
pub fn oriented(poly: &[Point]) -> Vec<Point> {
    let mut p = poly.to_vec();
    if signed_area(&p) < 0.0 {
        p.reverse();
    }
    p
}

/// Clips `subject` (any polygon) to the convex polygon `clip`.
pub fn clip_convex(subject: &[Point], clip: &[Point]) -> Vec<Point> {
    let clip = oriented(clip);
    if clip.len() < 3 {
        return Vec::new();
    }
    let mut out = subject.to_vec();
    for (i, &a) in clip.iter().enumerate() {
        let b = clip[(i + 1) % clip.len()];
        let d = sub(b, a);
        // Inside is the left of a→b: cross(d, p − a) >= 0  ⇔  n·p <= n·a, n = (d.y, −d.x).
        let n = [d[1], -d[0]];
        out = clip_half_plane(&out, n, n[0] * a[0] + n[1] * a[1]);
        if out.is_empty() {
            break;
        }
    }
    out
}

/// Intersects a convex polygon with the disc of `radius` around `center`. The parts of
/// the result on the circle are sampled at the angles `k · 2π / steps`, plus the exact
/// points where the polygon's edges cross the circle, so two polygons sharing an edge
/// get the same crossing points.
pub fn clip_disc(poly: &[Point], center: Point, radius: f64, steps: usize) -> Vec<Point> {
    if !is_finite_point(center) || !radius.is_finite() || radius <= 0.0 {
        return poly.to_vec();
    }
    let poly = oriented(poly);
    let n = poly.len();
    if n < 3 {
        return Vec::new();
    }
    let r2 = radius * radius;
    let inside: Vec<bool> = poly
        .iter()
        .map(|p| {
            let d = sub(*p, center);
            d[0] * d[0] + d[1] * d[1] <= r2
        })
        .collect();
    if inside.iter().all(|x| *x) {
        return poly;
    }
    enum Item {
        Vertex(Point),
        Entry(Point),
        Exit(Point),
    }
    let mut items = Vec::new();
    for i in 0..n {
        let (a, b) = (poly[i], poly[(i + 1) % n]);
        let d = sub(b, a);
        let f = sub(a, center);
        let qa = d[0] * d[0] + d[1] * d[1];
        let qb = 2.0 * (d[0] * f[0] + d[1] * f[1]);
        let qc = f[0] * f[0] + f[1] * f[1] - r2;
        let disc = qb * qb - 4.0 * qa * qc;
        let roots = if qa > 0.0 && disc >= 0.0 {
            let s = disc.sqrt();
            Some(((-qb - s) / (2.0 * qa), (-qb + s) / (2.0 * qa)))
        } else {
            None
        };
        let at = |t: f64| {
            let t = t.clamp(0.0, 1.0);
            [a[0] + t * d[0], a[1] + t * d[1]]
        };
        match (inside[i], inside[(i + 1) % n], roots) {
            (true, true, _) => items.push(Item::Vertex(a)),
            (true, false, r) => {
                items.push(Item::Vertex(a));
                items.push(Item::Exit(at(r.map_or(1.0, |r| r.1))));
            }
            (false, true, r) => items.push(Item::Entry(at(r.map_or(0.0, |r| r.0)))),
            (false, false, Some((t1, t2))) if t1 > 0.0 && t2 < 1.0 && t2 - t1 > 1e-12 => {
                items.push(Item::Entry(at(t1)));
                items.push(Item::Exit(at(t2)));
            }
            _ => {}
        }
    }
    if !items.iter().any(|it| matches!(it, Item::Exit(_))) {
        // No crossings: the disc is inside the polygon or they are disjoint.
        return if contains(&poly, center) {
            regular_polygon(center, radius, steps)
        } else {
            Vec::new()
        };
    }
    let steps = steps.max(3);
    let step = TAU / steps as f64;
    let angle = |p: Point| (p[1] - center[1]).atan2(p[0] - center[0]);
    let mut out = Vec::with_capacity(items.len() + steps);
    for (k, item) in items.iter().enumerate() {
        match item {
            Item::Vertex(p) | Item::Entry(p) => out.push(*p),
            Item::Exit(p) => {
                out.push(*p);
                if let Item::Entry(q) = &items[(k + 1) % items.len()] {
                    let a1 = angle(*p);
                    let mut delta = (angle(*q) - a1).rem_euclid(TAU);
                    if delta > TAU - 1e-9 {
                        delta = 0.0;
                    }
                    let first = ((a1 + 0.25 * step) / step).ceil() as i64;
                    let last = ((a1 + delta - 0.25 * step) / step).floor() as i64;
                    for j in first..=last {
                        let t = j as f64 * step;
                        out.push([center[0] + radius * t.cos(), center[1] + radius * t.sin()]);
                    }
                }
            }
        }
    }
    cleaned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Vec<Point> {
        vec![[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]]
    }

    #[test]
    fn area_and_centroid_of_a_square() {
        assert_eq!(signed_area(&square()), 4.0);
        let mut cw = square();
        cw.reverse();
        assert_eq!(signed_area(&cw), -4.0);
        assert_eq!(area(&cw), 4.0);
        assert_eq!(centroid(&square()), Some([1.0, 1.0]));
        assert_eq!(centroid(&cw), Some([1.0, 1.0]));
        assert_eq!(centroid(&[]), None);
        assert_eq!(centroid(&[[f64::NAN, 0.0]]), None);
        assert_eq!(centroid(&[[0.0, 0.0], [2.0, 0.0]]), Some([1.0, 0.0]));
    }

    #[test]
    fn centroid_of_many_weights_by_area() {
        let a = square();
        let b: Vec<Point> = vec![[2.0, 0.0], [6.0, 0.0], [6.0, 2.0], [2.0, 2.0]];
        let c = centroid_of_many([a.as_slice(), b.as_slice()]).unwrap();
        assert!((c[0] - (1.0 * 4.0 + 4.0 * 8.0) / 12.0).abs() < 1e-12);
        assert!((c[1] - 1.0).abs() < 1e-12);
        assert_eq!(centroid_of_many(Vec::<&[Point]>::new()), None);
    }

    #[test]
    fn point_in_polygon() {
        let sq = square();
        assert!(contains(&sq, [1.0, 1.0]));
        assert!(!contains(&sq, [3.0, 1.0]));
        assert!(!contains(&sq, [f64::NAN, 1.0]));
        assert!(!contains(&[], [0.0, 0.0]));
        // Concave L shape.
        let l = vec![
            [0.0, 0.0],
            [2.0, 0.0],
            [2.0, 1.0],
            [1.0, 1.0],
            [1.0, 2.0],
            [0.0, 2.0],
        ];
        assert!(contains(&l, [0.5, 1.5]));
        assert!(!contains(&l, [1.5, 1.5]));
    }

    #[test]
    fn distances() {
        assert_eq!(distance_to_segment([1.0, 1.0], [0.0, 0.0], [2.0, 0.0]), 1.0);
        assert_eq!(distance_to_segment([3.0, 0.0], [0.0, 0.0], [2.0, 0.0]), 1.0);
        assert_eq!(distance_to_segment([0.0, 1.0], [0.0, 0.0], [0.0, 0.0]), 1.0);
        assert_eq!(distance_to_boundary(&square(), [1.0, 0.5]), 0.5);
        assert_eq!(distance_to_boundary(&[], [1.0, 0.5]), f64::INFINITY);
    }

    #[test]
    fn regular_polygon_is_positive_and_on_the_circle() {
        let p = regular_polygon([1.0, 2.0], 3.0, 12);
        assert_eq!(p.len(), 12);
        assert!(signed_area(&p) > 0.0);
        for v in &p {
            assert!((distance(*v, [1.0, 2.0]) - 3.0).abs() < 1e-12);
        }
        assert_eq!(regular_polygon([0.0, 0.0], 1.0, 1).len(), 3);
        assert!(regular_polygon([0.0, 0.0], -1.0, 8).is_empty());
        assert!(regular_polygon([0.0, 0.0], f64::NAN, 8).is_empty());
        assert!(regular_polygon([f64::INFINITY, 0.0], 1.0, 8).is_empty());
    }

    #[test]
    fn hull() {
        let pts = vec![
            [0.0, 0.0],
            [1.0, 1.0],
            [2.0, 0.0],
            [2.0, 2.0],
            [0.0, 2.0],
            [1.0, 0.0],
            [f64::NAN, 5.0],
        ];
        let h = convex_hull(&pts);
        assert_eq!(h.len(), 4);
        assert!(signed_area(&h) > 0.0);
        assert_eq!(area(&h), 4.0);
        assert!(convex_hull(&[]).is_empty());
        assert_eq!(convex_hull(&[[1.0, 1.0], [1.0, 1.0]]).len(), 1);
        assert_eq!(convex_hull(&[[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]).len(), 2);
        let grown = buffered_hull(&pts, 1.0, 16);
        assert!(grown.len() > 4);
        assert!(area(&grown) > 4.0 + 8.0 - 0.1 && area(&grown) < 4.0 + 8.0 + std::f64::consts::PI);
        // Collinear and single points grow into a stadium or a disc.
        assert!(area(&buffered_hull(&[[0.0, 0.0], [4.0, 0.0]], 1.0, 32)) > 8.0);
        assert!(area(&buffered_hull(&[[0.0, 0.0]], 1.0, 32)) > 3.0);
    }

    #[test]
    fn half_plane_clip() {
        // Keep x <= 1.
        let c = clip_half_plane(&square(), [1.0, 0.0], 1.0);
        assert!((area(&c) - 2.0).abs() < 1e-12);
        assert!(signed_area(&c) > 0.0);
        // Everything kept or nothing kept.
        assert_eq!(clip_half_plane(&square(), [1.0, 0.0], 5.0).len(), 4);
        assert!(clip_half_plane(&square(), [1.0, 0.0], -1.0).is_empty());
        // Touching a vertex only gives nothing degenerate.
        assert!(clip_half_plane(&square(), [1.0, 1.0], 0.0).is_empty());
        assert_eq!(clip_half_plane(&square(), [f64::NAN, 0.0], 0.0).len(), 4);
        assert!(clip_half_plane(&[], [1.0, 0.0], 0.0).is_empty());
    }

    #[test]
    fn convex_clip() {
        let other: Vec<Point> = vec![[1.0, 1.0], [1.0, 3.0], [3.0, 3.0], [3.0, 1.0]]; // clockwise
        let c = clip_convex(&square(), &other);
        assert!((area(&c) - 1.0).abs() < 1e-12);
        assert!(clip_convex(&square(), &[[0.0, 0.0], [1.0, 1.0]]).is_empty());
        assert!(clip_convex(&square(), &[[5.0, 5.0], [6.0, 5.0], [6.0, 6.0]]).is_empty());
    }

    #[test]
    fn disc_clip() {
        let big: Vec<Point> = vec![[-10.0, -10.0], [10.0, -10.0], [10.0, 10.0], [-10.0, 10.0]];
        // Disc inside the polygon: the full n-gon.
        let d = clip_disc(&big, [0.0, 0.0], 1.0, 64);
        assert_eq!(d.len(), 64);
        // Polygon inside the disc: unchanged.
        assert_eq!(clip_disc(&square(), [1.0, 1.0], 10.0, 64), square());
        // Disjoint.
        assert!(clip_disc(&square(), [20.0, 20.0], 1.0, 64).is_empty());
        // Half disc: keep y <= 0 of a unit disc.
        let half = clip_half_plane(&big, [0.0, 1.0], 0.0);
        let h = clip_disc(&half, [0.0, 0.0], 1.0, 720);
        assert!(
            (area(&h) - std::f64::consts::PI / 2.0).abs() < 1e-3,
            "{}",
            area(&h)
        );
        assert!(signed_area(&h) > 0.0);
        for p in &h {
            assert!(p[1] <= 1e-12 && distance(*p, [0.0, 0.0]) <= 1.0 + 1e-12);
        }
        // The crossing points are exact.
        assert!(h.iter().any(|p| distance(*p, [1.0, 0.0]) < 1e-12));
        assert!(h.iter().any(|p| distance(*p, [-1.0, 0.0]) < 1e-12));
        // A strip through the disc: two arcs.
        let strip = vec![[-5.0, -0.5], [5.0, -0.5], [5.0, 0.5], [-5.0, 0.5]];
        let s = clip_disc(&strip, [0.0, 0.0], 1.0, 360);
        let exact = 2.0 * (0.5f64.asin() + 0.5 * 0.75f64.sqrt());
        assert!((area(&s) - exact).abs() < 1e-3, "{} vs {exact}", area(&s));
        // Bad parameters.
        assert_eq!(clip_disc(&square(), [f64::NAN, 0.0], 1.0, 8), square());
        assert!(clip_disc(&[], [0.0, 0.0], 1.0, 8).is_empty());
    }
}
