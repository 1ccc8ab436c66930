//! Compact SVG path data: coordinates rounded to one decimal, an absolute `M` per
//! subpath followed by relative `l` steps (computed from the rounded absolute points,
//! so rounding errors do not accumulate), repeated, zero-length and collinear steps
//! dropped.

use super::polygon::Point;

/// Builds an SVG path `d` string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathData {
    d: String,
}

/// A point in tenths of a map unit; `None` when not finite or absurdly large.
fn tenths(p: Point) -> Option<(i64, i64)> {
    let ok = |v: f64| v.is_finite() && v.abs() < 1e12;
    (ok(p[0]) && ok(p[1])).then(|| ((p[0] * 10.0).round() as i64, (p[1] * 10.0).round() as i64))
}

fn rounded(points: &[Point]) -> Vec<(i64, i64)> {
    let mut out: Vec<(i64, i64)> = points.iter().filter_map(|p| tenths(*p)).collect();
    out.dedup();
    out
}

/// Drops vertices lying exactly on the line through their neighbours (in the rounded
/// integer grid, so this is exact), treating the list as a closed ring.
fn drop_collinear_ring(mut pts: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    while pts.len() > 1 && pts[0] == pts[pts.len() - 1] {
        pts.pop();
    }
    let mut changed = true;
    while changed && pts.len() >= 3 {
        changed = false;
        let mut i = 0;
        while i < pts.len() && pts.len() >= 3 {
            let n = pts.len();
            let (a, b, c) = (pts[(i + n - 1) % n], pts[i], pts[(i + 1) % n]);
            let cross = (b.0 - a.0) as i128 * (c.1 - a.1) as i128
                - (b.1 - a.1) as i128 * (c.0 - a.0) as i128;
            let dot = (b.0 - a.0) as i128 * (c.0 - b.0) as i128
                + (b.1 - a.1) as i128 * (c.1 - b.1) as i128;
            // Collinear and going forward (a spike back is kept: removing it would change the shape).
            if b == a || b == c || (cross == 0 && dot > 0) {
                pts.remove(i);
                changed = true;
            } else {
                i += 1;
            }
        }
    }
    pts
}

impl PathData {
    /// An empty path.
    pub fn new() -> PathData {
        PathData::default()
    }

    /// The `d` string.
    pub fn as_str(&self) -> &str {
        &self.d
    }

    /// The `d` string, owned.
    pub fn into_string(self) -> String {
        self.d
    }

    /// True when nothing has been written.
    pub fn is_empty(&self) -> bool {
        self.d.is_empty()
    }

    /// Adds a closed ring (`M … z`); skipped when fewer than 3 distinct rounded points
    /// remain. Non-finite points are ignored.
    pub fn ring(&mut self, points: &[Point]) {
        let pts = drop_collinear_ring(rounded(points));
        if pts.len() >= 3 {
            self.write(&pts, true);
        }
    }

    /// Adds an open polyline (`M … l …`), or a closed ring when it ends where it
    /// starts; skipped when fewer than 2 distinct rounded points remain.
    pub fn polyline(&mut self, points: &[Point]) {
        let pts = rounded(points);
        if pts.len() >= 4 && pts[0] == pts[pts.len() - 1] {
            let ring = drop_collinear_ring(pts);
            if ring.len() >= 3 {
                self.write(&ring, true);
            }
        } else if pts.len() >= 2 {
            self.write(&pts, false);
        }
    }

    fn write(&mut self, pts: &[(i64, i64)], close: bool) {
        self.d.push('M');
        push_number(&mut self.d, pts[0].0, false);
        push_number(&mut self.d, pts[0].1, true);
        self.d.push('l');
        let mut first = true;
        for w in pts.windows(2) {
            push_number(&mut self.d, w[1].0 - w[0].0, !first);
            push_number(&mut self.d, w[1].1 - w[0].1, true);
            first = false;
        }
        if close {
            self.d.push('z');
        }
    }
}

/// Writes `tenths / 10` with at most one decimal, preceded by a space when it follows
/// another number and does not start with a minus sign.
fn push_number(out: &mut String, tenths: i64, separate: bool) {
    if separate && tenths >= 0 {
        out.push(' ');
    }
    if tenths < 0 {
        out.push('-');
    }
    let v = tenths.unsigned_abs();
    out.push_str(&(v / 10).to_string());
    if !v.is_multiple_of(10) {
        out.push('.');
        out.push(char::from(b'0' + (v % 10) as u8));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_is_compact_and_relative() {
        let mut p = PathData::new();
        p.ring(&[[10.04, 20.0], [12.0, 20.0], [12.0, 18.5], [10.0, 18.4]]);
        assert_eq!(p.as_str(), "M10 20l2 0 0-1.5-2-0.1z");
    }

    #[test]
    fn rounding_does_not_accumulate() {
        let pts: Vec<Point> = (0..50)
            .map(|i| [i as f64 * 0.333, (i as f64 * 0.7).sin() * 5.0])
            .collect();
        let mut p = PathData::new();
        p.polyline(&pts);
        // Re-add the relative steps: the end must be the rounded last point.
        let d = p.as_str();
        let nums: Vec<f64> = d
            .replace(['M', 'l'], " ")
            .replace('-', " -")
            .split_whitespace()
            .map(|s| s.parse().unwrap())
            .collect();
        let (mut x, mut y) = (nums[0], nums[1]);
        for c in nums[2..].chunks(2) {
            x += c[0];
            y += c[1];
        }
        let last = pts[pts.len() - 1];
        assert!(
            (x - last[0]).abs() < 0.051 && (y - last[1]).abs() < 0.051,
            "{x} {y} {last:?}"
        );
    }

    #[test]
    fn degenerate_input_is_skipped() {
        let mut p = PathData::new();
        p.ring(&[]);
        p.ring(&[[0.0, 0.0], [0.01, 0.0], [f64::NAN, 1.0], [0.0, 0.02]]);
        p.ring(&[[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]]);
        p.polyline(&[[1.0, 1.0]]);
        p.polyline(&[[1.0, 1.0], [f64::INFINITY, 1.0]]);
        assert!(p.is_empty());
        p.polyline(&[[1.0, 1.0], [2.0, 1.0]]);
        assert_eq!(p.as_str(), "M1 1l1 0");
    }

    #[test]
    fn collinear_points_are_dropped_and_closed_polylines_become_rings() {
        let mut p = PathData::new();
        p.polyline(&[
            [0.0, 0.0],
            [1.0, 0.0],
            [2.0, 0.0],
            [2.0, 2.0],
            [0.0, 2.0],
            [0.0, 0.0],
        ]);
        assert_eq!(p.as_str(), "M0 0l2 0 0 2-2 0z");
        assert_eq!(p.clone().into_string().len(), p.as_str().len());
    }

    #[test]
    fn numbers() {
        let mut s = String::new();
        push_number(&mut s, -5, false);
        push_number(&mut s, 123, true);
        push_number(&mut s, 0, true);
        push_number(&mut s, -120, true);
        assert_eq!(s, "-0.5 12.3 0-12");
    }
}
