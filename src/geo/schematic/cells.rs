//! The cells of one part of the map (the mainland or the inset group), in a local km
//! projection: a Voronoi cell per site, clipped to the grown hull of the sites and to a disc
//! around the site, with the gaps left inside shared out to their neighbours.

use super::SchematicOptions;
use crate::geo::gaps::gap_pieces;
use crate::geo::polygon::{buffered_hull, clip_disc, distance, Point};
use crate::geo::projection::{GeoBounds, Projection};
use crate::geo::voronoi::voronoi_cells;

/// Cells of one part (mainland or inset) in a local km projection.
pub(super) struct Part {
    pub local: Projection,
    pub sites: Vec<Point>,
    /// Per site: the clipped cell followed by its gap pieces; empty when it has no cell.
    pub cells: Vec<Vec<Vec<Point>>>,
}

/// Median over sites of the distance to the nearest other (distinct) site.
fn median_nearest_neighbour(sites: &[Point]) -> Option<f64> {
    let mut nn: Vec<f64> = sites
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let d = sites
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, t)| distance(*s, *t))
                .filter(|d| *d > 1e-9)
                .fold(f64::INFINITY, f64::min);
            d.is_finite().then_some(d)
        })
        .collect();
    if nn.is_empty() {
        return None;
    }
    nn.sort_by(f64::total_cmp);
    Some(nn[nn.len() / 2])
}

/// The cells of the sites at `lon_lats`; `None` when they have no extent to project.
pub(super) fn build_part(lon_lats: &[[f64; 2]], opts: &SchematicOptions) -> Option<Part> {
    let center = GeoBounds::from_points(lon_lats.iter().copied()).center()?;
    let local = Projection::local_km(center);
    let sites: Vec<Point> = lon_lats.iter().map(|p| local.project(*p)).collect();
    let radius = median_nearest_neighbour(&sites)
        .map_or(opts.single_site_radius_km, |d| d * opts.radius_factor);
    let clip = buffered_hull(&sites, radius * opts.hull_margin_factor, opts.arc_steps);
    let voronoi = voronoi_cells(&sites, &clip, None, opts.arc_steps);
    let clipped: Vec<Option<Vec<Point>>> = voronoi
        .iter()
        .zip(&sites)
        .map(|(v, s)| {
            v.as_ref()
                .map(|v| clip_disc(v, *s, radius, opts.arc_steps))
                .filter(|c| c.len() >= 3)
        })
        .collect();
    let extra = gap_pieces(&clipped, &voronoi, 1e-6);
    let cells = clipped
        .into_iter()
        .zip(extra)
        .map(|(c, e)| c.map_or_else(Vec::new, |c| std::iter::once(c).chain(e).collect()))
        .collect();
    Some(Part {
        local,
        sites,
        cells,
    })
}
