//! Voronoi cells of a set of sites, each clipped to a convex clip polygon and,
//! optionally, to a disc around its own site (which gives a natural rounded outline
//! instead of a straight-edged one).
//!
//! Each cell is the clip polygon cut by the perpendicular bisector half-planes to the
//! other sites (O(n²) in the worst case, with a sweep over x that skips sites too far
//! away to matter). Deterministic; never panics: non-finite sites and repeats of an
//! earlier site get no cell.

use super::polygon::{clip_disc, clip_half_plane, convex_hull, distance, is_finite_point, Point};

/// Sites closer than this are treated as the same site.
const SAME_SITE: f64 = 1e-12;

/// The cells of `sites`, in the same order: `None` for a site that is not finite,
/// repeats an earlier site, or whose cell is empty. `clip` is made convex (its hull is
/// used). `radius`, when finite and positive, also clips each cell to the disc of that
/// radius around its site, sampled with `arc_steps` steps per full turn.
pub fn voronoi_cells(
    sites: &[Point],
    clip: &[Point],
    radius: Option<f64>,
    arc_steps: usize,
) -> Vec<Option<Vec<Point>>> {
    let mut cells = vec![None; sites.len()];
    let clip = convex_hull(clip);
    if clip.len() < 3 {
        return cells;
    }
    let radius = radius.filter(|r| r.is_finite() && *r > 0.0);

    // Valid sites sorted by x, then y, then index; repeats after their first occurrence dropped.
    let mut order: Vec<usize> = (0..sites.len())
        .filter(|&i| is_finite_point(sites[i]))
        .collect();
    order.sort_by(|&a, &b| {
        let (p, q) = (sites[a], sites[b]);
        p[0].total_cmp(&q[0])
            .then(p[1].total_cmp(&q[1]))
            .then(a.cmp(&b))
    });
    let mut unique: Vec<usize> = Vec::with_capacity(order.len());
    for i in order {
        // Equal points are adjacent in this order, with the earliest index first.
        if let Some(&last) = unique.last() {
            if distance(sites[last], sites[i]) <= SAME_SITE {
                continue;
            }
        }
        unique.push(i);
    }

    for (pos, &i) in unique.iter().enumerate() {
        let s = sites[i];
        let mut poly = clip.clone();
        let reach_of = |poly: &[Point]| {
            let far = poly.iter().map(|v| distance(*v, s)).fold(0.0, f64::max);
            radius.map_or(far, |r| far.min(r))
        };
        let mut reach = reach_of(&poly);
        // Walk outward from the site in x order, nearest |dx| first.
        let (mut left, mut right) = (pos, pos + 1);
        loop {
            let dl = if left > 0 {
                s[0] - sites[unique[left - 1]][0]
            } else {
                f64::INFINITY
            };
            let dr = if right < unique.len() {
                sites[unique[right]][0] - s[0]
            } else {
                f64::INFINITY
            };
            if dl.min(dr) > 2.0 * reach {
                break;
            }
            let j = if dl <= dr {
                left -= 1;
                unique[left]
            } else {
                right += 1;
                unique[right - 1]
            };
            let t = sites[j];
            if distance(s, t) > 2.0 * reach {
                continue;
            }
            // Keep the points nearer to s than to t: (p − mid) · (t − s) <= 0.
            let n = [t[0] - s[0], t[1] - s[1]];
            let mid = [(s[0] + t[0]) / 2.0, (s[1] + t[1]) / 2.0];
            poly = clip_half_plane(&poly, n, n[0] * mid[0] + n[1] * mid[1]);
            if poly.is_empty() {
                break;
            }
            reach = reach_of(&poly);
        }
        if let (Some(r), false) = (radius, poly.is_empty()) {
            poly = clip_disc(&poly, s, r, arc_steps);
        }
        if poly.len() >= 3 {
            cells[i] = Some(poly);
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::polygon::{area, contains, regular_polygon, signed_area};

    fn square(size: f64) -> Vec<Point> {
        vec![[0.0, 0.0], [size, 0.0], [size, size], [0.0, size]]
    }

    /// A small deterministic pseudo-random generator for test points.
    fn points(n: usize, seed: u64) -> Vec<Point> {
        let mut x = seed;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 11) as f64 / (1u64 << 53) as f64
        };
        (0..n).map(|_| [next() * 100.0, next() * 100.0]).collect()
    }

    #[test]
    fn cells_tile_the_clip_polygon() {
        let sites = points(200, 7);
        let cells = voronoi_cells(&sites, &square(100.0), None, 32);
        let total: f64 = cells.iter().flatten().map(|c| area(c)).sum();
        assert!((total - 10_000.0).abs() < 1e-6, "{total}");
        for (s, c) in sites.iter().zip(&cells) {
            let c = c.as_ref().unwrap();
            assert!(contains(c, *s));
            assert!(signed_area(c) > 0.0);
        }
    }

    #[test]
    fn cells_match_brute_force_nearest_site() {
        let sites = points(60, 3);
        let cells = voronoi_cells(&sites, &square(100.0), Some(12.0), 64);
        for p in points(2000, 99) {
            let nearest = (0..sites.len())
                .min_by(|&a, &b| distance(p, sites[a]).total_cmp(&distance(p, sites[b])))
                .unwrap();
            let d = distance(p, sites[nearest]);
            let owner: Vec<usize> = (0..sites.len())
                .filter(|&i| cells[i].as_ref().is_some_and(|c| contains(c, p)))
                .collect();
            // Away from the circle (n-gon sampling) and from ties the answer is exact.
            if (d - 12.0).abs() < 0.2 {
                continue;
            }
            if d < 12.0 {
                assert_eq!(owner, vec![nearest], "{p:?}");
            } else {
                assert!(owner.is_empty(), "{p:?}");
            }
        }
    }

    #[test]
    fn disc_clip_bounds_every_cell() {
        let sites = vec![[10.0, 10.0], [90.0, 90.0]];
        let cells = voronoi_cells(&sites, &square(100.0), Some(5.0), 64);
        for (s, c) in sites.iter().zip(&cells) {
            let c = c.as_ref().unwrap();
            assert!(c.iter().all(|v| distance(*v, *s) <= 5.0 + 1e-9));
            let disc = area(&regular_polygon(*s, 5.0, 64));
            assert!((area(c) - disc).abs() < 1e-9);
        }
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        let clip = square(10.0);
        assert!(voronoi_cells(&[], &clip, Some(1.0), 16).is_empty());
        // One site: the clip polygon (or the disc).
        let one = voronoi_cells(&[[5.0, 5.0]], &clip, None, 16);
        assert!((area(one[0].as_ref().unwrap()) - 100.0).abs() < 1e-9);
        // Duplicates: the first keeps the cell, the repeat gets none.
        let dup = voronoi_cells(&[[2.0, 2.0], [8.0, 8.0], [2.0, 2.0]], &clip, None, 16);
        assert!(dup[0].is_some() && dup[1].is_some() && dup[2].is_none());
        let total: f64 = dup.iter().flatten().map(|c| area(c)).sum();
        assert!((total - 100.0).abs() < 1e-9);
        // Collinear sites: strips.
        let line: Vec<Point> = (0..5).map(|i| [1.0 + 2.0 * i as f64, 5.0]).collect();
        let strips = voronoi_cells(&line, &clip, None, 16);
        for c in &strips {
            assert!((area(c.as_ref().unwrap()) - 20.0).abs() < 1e-9);
        }
        // NaN and infinite sites are skipped, the rest unaffected.
        let bad = voronoi_cells(
            &[[f64::NAN, 1.0], [5.0, 5.0], [f64::INFINITY, 0.0]],
            &clip,
            None,
            16,
        );
        assert!(bad[0].is_none() && bad[2].is_none());
        assert!((area(bad[1].as_ref().unwrap()) - 100.0).abs() < 1e-9);
        // Degenerate clip polygons and radii.
        assert!(voronoi_cells(&[[1.0, 1.0]], &[[0.0, 0.0], [1.0, 1.0]], None, 16)[0].is_none());
        assert!(voronoi_cells(&[[1.0, 1.0]], &[], None, 16)[0].is_none());
        assert!(voronoi_cells(&[[5.0, 5.0]], &clip, Some(f64::NAN), 16)[0].is_some());
        assert!(voronoi_cells(&[[5.0, 5.0]], &clip, Some(-1.0), 16)[0].is_some());
        // A site outside the clip polygon.
        let out = voronoi_cells(&[[50.0, 50.0], [5.0, 5.0]], &clip, Some(3.0), 16);
        assert!(out[0].is_none() && out[1].is_some());
    }

    #[test]
    fn deterministic() {
        let sites = points(300, 11);
        let a = voronoi_cells(&sites, &square(100.0), Some(8.0), 48);
        let b = voronoi_cells(&sites, &square(100.0), Some(8.0), 48);
        assert_eq!(a, b);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::geo::polygon::{area, contains};
    use proptest::prelude::*;

    fn coordinate() -> impl Strategy<Value = f64> {
        prop_oneof![
            8 => (0i32..40).prop_map(|v| v as f64 * 2.5),
            4 => 0.0..100.0f64,
            1 => Just(f64::NAN),
            1 => Just(f64::INFINITY),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the sites (repeats, collinear, NaN), no panic; the cells of the
        /// first occurrence of each finite site contain it and tile the square.
        #[test]
        fn cells_partition_the_square(sites in prop::collection::vec((coordinate(), coordinate()), 0..60)) {
            let sites: Vec<Point> = sites.into_iter().map(|(x, y)| [x, y]).collect();
            let square = vec![[0.0, 0.0], [100.0, 0.0], [100.0, 100.0], [0.0, 100.0]];
            let cells = voronoi_cells(&sites, &square, None, 16);
            prop_assert_eq!(cells.len(), sites.len());
            let mut any = false;
            for (i, c) in cells.iter().enumerate() {
                let first = sites[..i].iter().all(|s| s != &sites[i]);
                let valid = is_finite_point(sites[i]) && first;
                prop_assert_eq!(c.is_some(), valid, "site {} {:?}", i, sites[i]);
                if let Some(c) = c {
                    any = true;
                    let s = sites[i];
                    let on_edge = s[0] == 0.0 || s[1] == 0.0 || s[0] == 100.0 || s[1] == 100.0;
                    prop_assert!(on_edge || contains(c, s) || area(c) < 1e-6);
                }
            }
            if any {
                let total: f64 = cells.iter().flatten().map(|c| area(c)).sum();
                prop_assert!((total - 10_000.0).abs() < 1e-6, "total {}", total);
            }
        }
    }
}
