//! Filling the gaps between disc-clipped cells, so the map is one solid city.
//!
//! Clipping each Voronoi cell to a disc around its site gives a natural outline, but
//! where sites are sparse the discs can leave a hole inside the city. Each such hole
//! (a clockwise ring of the union of all cells) is split among the sites by their
//! unclipped Voronoi cells, and each piece is added to the cell of its site.

use super::outline::{union_outline, Welder};
use super::polygon::{area, clip_convex, signed_area, Point};
use super::projection::Rect;

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x <= b.right() && b.x <= a.right() && a.y <= b.bottom() && b.y <= a.bottom()
}

/// For each site, the pieces of interior holes that belong to it. `cells` are the
/// disc-clipped cells and `voronoi` the same sites' cells before the disc clip (both
/// positively oriented); `tolerance` is the distance under which two computed corners
/// are the same point.
pub fn gap_pieces(
    cells: &[Option<Vec<Point>>],
    voronoi: &[Option<Vec<Point>>],
    tolerance: f64,
) -> Vec<Vec<Vec<Point>>> {
    let mut extra = vec![Vec::new(); cells.len()];
    let mut welder = Welder::new(tolerance);
    let rings: Vec<Vec<usize>> = cells
        .iter()
        .map(|c| c.as_ref().map_or_else(Vec::new, |c| welder.ring(c)))
        .collect();
    let refs: Vec<&[usize]> = rings
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| r.as_slice())
        .collect();
    let Some(outline) = union_outline(&refs) else {
        return extra;
    };
    let boxes: Vec<Option<Rect>> = voronoi
        .iter()
        .map(|v| v.as_ref().and_then(|v| Rect::bounding(v.iter().copied())))
        .collect();
    for ring in outline {
        let mut hole: Vec<Point> = ring.iter().map(|&v| welder.point(v)).collect();
        if signed_area(&hole) >= 0.0 {
            continue; // an outer boundary, not a hole
        }
        hole.reverse();
        let hole_area = area(&hole);
        let Some(hole_box) = Rect::bounding(hole.iter().copied()) else {
            continue;
        };
        for (i, v) in voronoi.iter().enumerate() {
            let (Some(v), Some(b), true) = (v, &boxes[i], cells[i].is_some()) else {
                continue;
            };
            if !overlaps(b, &hole_box) {
                continue;
            }
            let piece = clip_convex(&hole, v);
            if area(&piece) > hole_area * 1e-9 {
                extra[i].push(piece);
            }
        }
    }
    extra
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::polygon::{buffered_hull, clip_disc, contains};
    use crate::geo::voronoi::voronoi_cells;

    #[test]
    fn the_hole_between_three_discs_is_shared_out() {
        // Three sites on a triangle with discs too small to meet at the centre.
        let sites = vec![[0.0, 0.0], [10.0, 0.0], [5.0, 8.66]];
        let clip = buffered_hull(&sites, 6.0, 64);
        let voronoi = voronoi_cells(&sites, &clip, None, 64);
        let cells: Vec<Option<Vec<Point>>> = sites
            .iter()
            .zip(&voronoi)
            .map(|(s, v)| v.as_ref().map(|v| clip_disc(v, *s, 5.5, 64)))
            .collect();
        let centre = [5.0, 2.887];
        assert!(
            !cells.iter().flatten().any(|c| contains(c, centre)),
            "there is a hole"
        );
        let extra = gap_pieces(&cells, &voronoi, 1e-9);
        assert!(extra.iter().all(|e| e.len() == 1));
        let owners = extra
            .iter()
            .filter(|e| e.iter().any(|p| contains(p, [5.0, 2.8])))
            .count();
        assert_eq!(owners, 1);
        let hole: f64 = extra.iter().flatten().map(|p| area(p)).sum();
        assert!(hole > 0.1 && hole < 5.0, "{hole}");
    }

    #[test]
    fn no_holes_no_pieces() {
        let sites = vec![[0.0, 0.0], [10.0, 0.0]];
        let clip = buffered_hull(&sites, 6.0, 64);
        let voronoi = voronoi_cells(&sites, &clip, None, 64);
        let cells: Vec<Option<Vec<Point>>> = sites
            .iter()
            .zip(&voronoi)
            .map(|(s, v)| v.as_ref().map(|v| clip_disc(v, *s, 6.0, 64)))
            .collect();
        assert!(gap_pieces(&cells, &voronoi, 1e-9).iter().all(Vec::is_empty));
        assert!(gap_pieces(&[], &[], 1e-9).is_empty());
        assert_eq!(gap_pieces(&[None], &[None], 1e-9).len(), 1);
    }
}
