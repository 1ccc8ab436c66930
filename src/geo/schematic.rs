//! The schematic map generated from area centroids: one Voronoi cell per finest-level
//! area (clipped to the grown convex hull of the sites and to a disc around its own
//! centroid, with any gap left inside the city shared out), merged upward into
//! kecamatan and region shapes, with the far-away group (Kepulauan Seribu) drawn in an
//! inset box in the top-left corner.
//!
//! Everything is computed from the dataset at load time; no geometry file is shipped.

use std::collections::HashMap;

use crate::model::{Area, AreaLevel};

use super::gaps::gap_pieces;
use super::hierarchy::Hierarchy;
use super::inset::{far_groups, place_inset, Group, InsetStyle, DEFAULT_THRESHOLD_KM};
use super::outline::{chain_segments, union_outline, Welder};
use super::path::PathData;
use super::polygon::{
    area, buffered_hull, centroid, centroid_of_many, clip_disc, contains, distance, Point,
};
use super::projection::{is_valid_lon_lat, Affine, GeoBounds, Projection, Rect};
use super::shape::AreaShape;
use super::voronoi::voronoi_cells;

/// Tuning of the schematic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SchematicOptions {
    /// ViewBox width; the height follows from the aspect.
    pub width: f64,
    /// Space around the mainland.
    pub margin: f64,
    /// Cell disc radius as a multiple of the median nearest-neighbour distance.
    pub radius_factor: f64,
    /// How far the clip hull is grown around the outermost sites, as a multiple of the
    /// disc radius.
    pub hull_margin_factor: f64,
    /// Steps per full turn when drawing disc arcs.
    pub arc_steps: usize,
    /// Groups whose centroid lies farther than this from the others go to the inset.
    pub inset_threshold_km: f64,
    /// Size and spacing of the inset box.
    pub inset: InsetStyle,
    /// Disc radius (km) when a part has a single site.
    pub single_site_radius_km: f64,
}

impl Default for SchematicOptions {
    fn default() -> Self {
        SchematicOptions {
            width: 1000.0,
            margin: 12.0,
            // Tuned on Jakarta's 267 kelurahan (see examples/map_preview.rs): 2.0 joins
            // neighbours along the coast (Jakarta Utara stays one piece) and 0.7 trims
            // the outermost discs to a calmer outline.
            radius_factor: 2.0,
            hull_margin_factor: 0.7,
            arc_steps: 48,
            inset_threshold_km: DEFAULT_THRESHOLD_KM,
            inset: InsetStyle::default(),
            single_site_radius_km: 2.0,
        }
    }
}

impl SchematicOptions {
    /// A copy with unusable values replaced by the defaults.
    fn sanitized(&self) -> SchematicOptions {
        let d = SchematicOptions::default();
        let pos = |v: f64, def: f64| if v.is_finite() && v > 0.0 { v } else { def };
        SchematicOptions {
            width: pos(self.width, d.width),
            margin: if self.margin.is_finite() && self.margin >= 0.0 {
                self.margin
            } else {
                d.margin
            },
            radius_factor: pos(self.radius_factor, d.radius_factor),
            hull_margin_factor: if self.hull_margin_factor.is_finite()
                && self.hull_margin_factor >= 0.0
            {
                self.hull_margin_factor
            } else {
                d.hull_margin_factor
            },
            arc_steps: self.arc_steps.clamp(8, 720),
            inset_threshold_km: pos(self.inset_threshold_km, d.inset_threshold_km),
            inset: self.inset,
            single_site_radius_km: pos(self.single_site_radius_km, d.single_site_radius_km),
        }
    }
}

/// One cell: the finest-level area it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct SchematicCell {
    /// The area and its ancestors' ids, nearest first (`chain[0]` is the cell's area).
    pub chain: Vec<String>,
    /// The area's projected centroid.
    pub site: Point,
    /// The cell in map units: the clipped Voronoi cell first, then any pieces of
    /// filled gaps next to it (they share edges with it).
    pub polygons: Vec<Vec<Point>>,
    /// True when drawn in the inset.
    pub in_inset: bool,
}

impl SchematicCell {
    /// True when `p` lies in the cell.
    pub fn contains(&self, p: Point) -> bool {
        self.polygons.iter().any(|poly| contains(poly, p))
    }

    /// The cell's area in square map units.
    pub fn area(&self) -> f64 {
        self.polygons.iter().map(|poly| area(poly)).sum()
    }
}

/// The shapes of one level.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelMap {
    /// The level.
    pub level: AreaLevel,
    /// Areas of this level that have at least one cell, in dataset order.
    pub areas: Vec<AreaShape>,
    /// Boundaries between areas of this level and the outer outline, as one path of
    /// open polylines (stroke it, do not fill it).
    pub borders: String,
}

/// The generated map.
#[derive(Debug, Clone, PartialEq)]
pub struct SchematicMap {
    /// ViewBox width.
    pub width: f64,
    /// ViewBox height.
    pub height: f64,
    /// The inset frame, when some areas are drawn in it.
    pub inset: Option<Rect>,
    /// Ids of all areas (any level) drawn in the inset, in dataset order.
    pub inset_areas: Vec<String>,
    /// The cells, in dataset order.
    pub cells: Vec<SchematicCell>,
    /// One entry per level: region, kecamatan, kelurahan.
    pub levels: Vec<LevelMap>,
    /// The mainland projection.
    pub projection: Option<Projection>,
    /// The inset's projection.
    pub inset_projection: Option<Projection>,
}

impl SchematicMap {
    /// The shapes of `level`.
    pub fn level(&self, level: AreaLevel) -> Option<&LevelMap> {
        self.levels.iter().find(|l| l.level == level)
    }

    /// The shape of area `id` at `level`.
    pub fn shape(&self, level: AreaLevel, id: &str) -> Option<&AreaShape> {
        self.level(level)?.areas.iter().find(|a| a.id == id)
    }

    /// The SVG `viewBox` attribute value.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", round1(self.width), round1(self.height))
    }

    /// Area-weighted centroid of all cells of area `id` (any level), in map units.
    pub fn shape_centroid(&self, id: &str) -> Option<Point> {
        centroid_of_many(
            self.cells
                .iter()
                .filter(|c| c.chain.iter().any(|a| a == id))
                .flat_map(|c| c.polygons.iter().map(Vec::as_slice)),
        )
    }

    /// Bytes of all path strings of `level`: the area fills plus the borders path.
    pub fn path_bytes(&self, level: AreaLevel) -> usize {
        self.level(level).map_or(0, |l| {
            l.areas.iter().map(|a| a.d.len()).sum::<usize>() + l.borders.len()
        })
    }
}

/// Bytes of all kecamatan-level path strings (fills and borders) of the schematic of
/// `areas`: the size of the geometry the map draws at that level.
pub fn kecamatan_path_bytes(map: &SchematicMap) -> usize {
    map.path_bytes(AreaLevel::Kecamatan)
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The schematic with default options.
pub fn build_schematic(areas: &[Area]) -> SchematicMap {
    build_schematic_with(areas, &SchematicOptions::default())
}

/// Cells of one part (mainland or inset) in a local km projection.
struct Part {
    local: Projection,
    sites: Vec<Point>,
    /// Per site: the clipped cell followed by its gap pieces; empty when it has no cell.
    cells: Vec<Vec<Vec<Point>>>,
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

fn build_part(lon_lats: &[[f64; 2]], opts: &SchematicOptions) -> Option<Part> {
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

fn empty_map(opts: &SchematicOptions) -> SchematicMap {
    SchematicMap {
        width: opts.width,
        height: opts.width * 0.75,
        inset: None,
        inset_areas: Vec::new(),
        cells: Vec::new(),
        levels: AreaLevel::ALL
            .iter()
            .map(|&level| LevelMap {
                level,
                areas: Vec::new(),
                borders: String::new(),
            })
            .collect(),
        projection: None,
        inset_projection: None,
    }
}

/// Builds the schematic map of `areas`.
///
/// Sites are the leaf areas (those no other area names as parent) with a valid
/// centroid, normally the kelurahan. Areas whose centroid is missing or invalid get
/// no cell; an area with no descendant cell is left out of its level. Never panics.
pub fn build_schematic_with(areas: &[Area], opts: &SchematicOptions) -> SchematicMap {
    let opts = opts.sanitized();
    let h = Hierarchy::new(areas);
    let valid = |i: usize| h.is_primary(i) && is_valid_lon_lat(areas[i].centroid);

    let mut has_child = vec![false; areas.len()];
    for i in (0..areas.len()).filter(|&i| valid(i)) {
        if let Some(p) = h.parent(i) {
            has_child[p] = true;
        }
    }
    let leaves: Vec<usize> = (0..areas.len())
        .filter(|&i| valid(i) && !has_child[i])
        .collect();
    if leaves.is_empty() {
        return empty_map(&opts);
    }

    // Group the leaves by region and decide which groups go to the inset.
    let mut group_of_root: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut sums: Vec<[f64; 2]> = Vec::new();
    let mut leaf_group = Vec::with_capacity(leaves.len());
    for &i in &leaves {
        let root = h.group(i).unwrap_or(i);
        let g = *group_of_root.entry(root).or_insert_with(|| {
            groups.push(Group {
                anchor: [f64::NAN, f64::NAN],
                bounds: GeoBounds::empty(),
                weight: 0,
            });
            roots.push(root);
            sums.push([0.0, 0.0]);
            groups.len() - 1
        });
        let c = areas[i].centroid;
        groups[g].bounds.extend(c);
        groups[g].weight += 1;
        sums[g] = [sums[g][0] + c[0], sums[g][1] + c[1]];
        leaf_group.push(g);
    }
    for (g, group) in groups.iter_mut().enumerate() {
        let root = areas[roots[g]].centroid;
        group.anchor = if is_valid_lon_lat(root) {
            root
        } else {
            let n = group.weight.max(1) as f64;
            [sums[g][0] / n, sums[g][1] / n]
        };
    }
    let group_inset = far_groups(&groups, opts.inset_threshold_km);
    let leaf_inset: Vec<bool> = leaf_group.iter().map(|&g| group_inset[g]).collect();

    // Cells of each part, in local km coordinates.
    let part_members = |inset: bool| -> Vec<usize> {
        (0..leaves.len())
            .filter(|&k| leaf_inset[k] == inset)
            .collect()
    };
    let (main_members, inset_members) = (part_members(false), part_members(true));
    let lon_lats = |members: &[usize]| -> Vec<[f64; 2]> {
        members.iter().map(|&k| areas[leaves[k]].centroid).collect()
    };
    let Some(main) = build_part(&lon_lats(&main_members), &opts) else {
        return empty_map(&opts);
    };
    let inset_part = if inset_members.is_empty() {
        None
    } else {
        build_part(&lon_lats(&inset_members), &opts)
    };

    // Fit the mainland to the width, then place the inset and move the mainland down if needed.
    let Some(content) = Rect::bounding(main.cells.iter().flatten().flatten().copied()) else {
        return empty_map(&opts);
    };
    let (mut main_affine, mut height) = Affine::fit_width(&content, opts.width, opts.margin);
    let mut inset_rect = None;
    let mut inset_affine = None;
    if let Some(part) = &inset_part {
        if let Some(ic) = Rect::bounding(part.cells.iter().flatten().flatten().copied()) {
            let rings: Vec<Vec<Point>> = main
                .cells
                .iter()
                .flatten()
                .map(|poly| poly.iter().map(|p| main_affine.apply(*p)).collect())
                .collect();
            let layout = place_inset(
                opts.width,
                height,
                ic.width / ic.height,
                &opts.inset,
                &rings,
            );
            main_affine.dy += layout.shift_y;
            height = layout.height;
            inset_rect = Some(layout.rect);
            inset_affine = Some(Affine::fit_into(&ic, &layout.content, 0.0));
        }
    }
    let projection = main.local.then(&main_affine);
    let inset_projection = inset_part
        .as_ref()
        .zip(inset_affine)
        .map(|(p, a)| p.local.then(&a));

    // Cells in map units, in dataset (leaf) order.
    let mut local_index = vec![0usize; leaves.len()];
    for (j, &k) in main_members.iter().enumerate() {
        local_index[k] = j;
    }
    for (j, &k) in inset_members.iter().enumerate() {
        local_index[k] = j;
    }
    let mut cells: Vec<SchematicCell> = Vec::new();
    let mut cell_area: Vec<usize> = Vec::new();
    for (k, &i) in leaves.iter().enumerate() {
        let (part, affine) = if leaf_inset[k] {
            match (&inset_part, inset_affine) {
                (Some(p), Some(a)) => (p, a),
                _ => continue,
            }
        } else {
            (&main, main_affine)
        };
        let j = local_index[k];
        let (Some(polys), Some(site)) = (part.cells.get(j), part.sites.get(j)) else {
            continue;
        };
        if polys.is_empty() {
            continue;
        }
        cells.push(SchematicCell {
            chain: h
                .chain(i)
                .into_iter()
                .map(|a| areas[a].id.clone())
                .collect(),
            site: affine.apply(*site),
            polygons: polys
                .iter()
                .map(|poly| poly.iter().map(|p| affine.apply(*p)).collect())
                .collect(),
            in_inset: leaf_inset[k],
        });
        cell_area.push(i);
    }

    // Shared vertices get one id so shared edges can be recognised.
    let mut welder = Welder::new(1e-3);
    let ids: Vec<Vec<Vec<usize>>> = cells
        .iter()
        .map(|c| c.polygons.iter().map(|poly| welder.ring(poly)).collect())
        .collect();

    let levels = AreaLevel::ALL
        .iter()
        .map(|&level| {
            let keys: Vec<Option<usize>> =
                cell_area.iter().map(|&i| h.ancestor_at(i, level)).collect();
            level_map(
                level,
                areas,
                &h,
                &cells,
                &keys,
                &ids,
                &welder,
                &projection,
                inset_projection.as_ref(),
            )
        })
        .collect();

    let mut in_inset = vec![false; areas.len()];
    for (c, &i) in cells.iter().zip(&cell_area) {
        if c.in_inset {
            for a in h.chain(i) {
                in_inset[a] = true;
            }
        }
    }
    let inset_areas = (0..areas.len())
        .filter(|&i| in_inset[i])
        .map(|i| areas[i].id.clone())
        .collect();

    SchematicMap {
        width: opts.width,
        height,
        inset: inset_rect,
        inset_areas,
        cells,
        levels,
        projection: Some(projection),
        inset_projection,
    }
}

#[allow(clippy::too_many_arguments)]
fn level_map(
    level: AreaLevel,
    areas: &[Area],
    h: &Hierarchy,
    cells: &[SchematicCell],
    keys: &[Option<usize>],
    ids: &[Vec<Vec<usize>>],
    welder: &Welder,
    projection: &Projection,
    inset_projection: Option<&Projection>,
) -> LevelMap {
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (c, key) in keys.iter().enumerate() {
        if let Some(a) = key {
            members.entry(*a).or_default().push(c);
        }
    }
    let mut shapes = Vec::new();
    for (a, area_def) in areas.iter().enumerate() {
        if area_def.level != level || !h.is_primary(a) {
            continue;
        }
        let Some(list) = members.get(&a) else {
            continue;
        };
        let in_inset = list.iter().any(|&c| cells[c].in_inset);
        let mut d = PathData::new();
        let rings: Vec<&[usize]> = list
            .iter()
            .flat_map(|&c| ids[c].iter().map(Vec::as_slice))
            .filter(|r| !r.is_empty())
            .collect();
        match union_outline(&rings) {
            Some(outline) => {
                for ring in outline {
                    let pts: Vec<Point> = ring.iter().map(|&v| welder.point(v)).collect();
                    d.ring(&pts);
                }
            }
            None => {
                for poly in list.iter().flat_map(|&c| &cells[c].polygons) {
                    d.ring(poly);
                }
            }
        }
        let proj = if in_inset {
            inset_projection
        } else {
            Some(projection)
        };
        let projected = proj
            .filter(|_| is_valid_lon_lat(area_def.centroid))
            .map(|p| p.project(area_def.centroid));
        let anchor = match projected {
            Some(p) if list.iter().any(|&c| cells[c].contains(p)) => Some(p),
            _ => list
                .iter()
                .max_by(|&&x, &&y| cells[x].area().total_cmp(&cells[y].area()))
                .and_then(|&c| cells[c].polygons.first())
                .and_then(|poly| centroid(poly)),
        };
        shapes.push(AreaShape {
            id: area_def.id.clone(),
            d: d.into_string(),
            anchor: anchor.unwrap_or([0.0, 0.0]),
            in_inset,
        });
    }

    // Borders: edges used by one cell only (the outline) or by two cells of different areas.
    let mut edge_index: HashMap<(usize, usize), usize> = HashMap::new();
    let mut edges: Vec<((usize, usize), usize, usize, bool)> = Vec::new();
    for (c, rings) in ids.iter().enumerate() {
        let Some(key) = keys[c] else { continue };
        for ring in rings {
            for (k, &u) in ring.iter().enumerate() {
                let v = ring[(k + 1) % ring.len()];
                let e = (u.min(v), u.max(v));
                match edge_index.get(&e) {
                    Some(&n) => {
                        edges[n].2 += 1;
                        if edges[n].1 != key {
                            edges[n].3 = true;
                        }
                    }
                    None => {
                        edge_index.insert(e, edges.len());
                        edges.push((e, key, 1, false));
                    }
                }
            }
        }
    }
    let segments: Vec<(usize, usize)> = edges
        .iter()
        .filter(|(_, _, count, differ)| *count == 1 || *differ)
        .map(|(e, ..)| *e)
        .collect();
    let mut borders = PathData::new();
    for line in chain_segments(&segments) {
        let pts: Vec<Point> = line.iter().map(|&v| welder.point(v)).collect();
        borders.polyline(&pts);
    }
    LevelMap {
        level,
        areas: shapes,
        borders: borders.into_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Provenance, ProvenanceKind, Text};

    fn area(id: &str, level: AreaLevel, parent: Option<&str>, lon: f64, lat: f64) -> Area {
        Area {
            id: id.into(),
            code: id.into(),
            level,
            parent: parent.map(Into::into),
            name: id.into(),
            centroid: [lon, lat],
            population: None,
            sources: vec![],
            provenance: Provenance {
                kind: ProvenanceKind::Derived,
                note: Text::new("", ""),
                uncertain: false,
            },
        }
    }

    /// Two mainland regions of 2 kecamatan × 4 kelurahan on a grid, and a far island
    /// region of 1 kecamatan × 2 kelurahan.
    fn sample() -> Vec<Area> {
        let mut v = vec![
            area("A", AreaLevel::Region, None, 106.80, -6.20),
            area("B", AreaLevel::Region, None, 106.90, -6.20),
            area("I", AreaLevel::Region, None, 106.60, -5.70),
            area("I.1", AreaLevel::Kecamatan, Some("I"), 106.60, -5.70),
            area("I.1.1", AreaLevel::Kelurahan, Some("I.1"), 106.60, -5.65),
            area("I.1.2", AreaLevel::Kelurahan, Some("I.1"), 106.62, -5.75),
        ];
        for (r, x0) in [("A", 106.75), ("B", 106.85)] {
            for k in 0..2 {
                let kid = format!("{r}.{k}");
                v.push(area(
                    &kid,
                    AreaLevel::Kecamatan,
                    Some(r),
                    x0 + 0.05 * k as f64,
                    -6.2,
                ));
                for l in 0..4 {
                    let x = x0 + 0.05 * k as f64 + 0.02 * (l % 2) as f64;
                    let y = -6.15 - 0.02 * (l / 2) as f64 - 0.05 * k as f64;
                    v.push(area(
                        &format!("{kid}.{l}"),
                        AreaLevel::Kelurahan,
                        Some(&kid),
                        x,
                        y,
                    ));
                }
            }
        }
        v
    }

    #[test]
    fn levels_cells_and_inset() {
        let areas = sample();
        let map = build_schematic(&areas);
        assert_eq!(map.cells.len(), 18);
        assert_eq!(map.level(AreaLevel::Region).unwrap().areas.len(), 3);
        assert_eq!(map.level(AreaLevel::Kecamatan).unwrap().areas.len(), 5);
        assert_eq!(map.level(AreaLevel::Kelurahan).unwrap().areas.len(), 18);
        for c in &map.cells {
            assert!(c.contains(c.site), "{:?}", c.chain);
        }
        assert_eq!(map.inset_areas, vec!["I", "I.1", "I.1.1", "I.1.2"]);
        let inset = map.inset.unwrap();
        for c in &map.cells {
            let inside = c.polygons.iter().flatten().all(|p| inset.contains(*p));
            assert_eq!(inside, c.in_inset, "{:?}", c.chain);
            assert!(c
                .polygons
                .iter()
                .flatten()
                .all(|p| p[0] >= 0.0 && p[0] <= map.width && p[1] >= 0.0 && p[1] <= map.height));
        }
        for l in &map.levels {
            assert!(!l.borders.is_empty());
            for s in &l.areas {
                assert!(s.d.starts_with('M') && s.d.ends_with('z'), "{}", s.d);
                assert_eq!(s.in_inset, s.id.starts_with('I'));
            }
        }
        // Merged regions are one ring each (the union of their cells).
        let a = map.shape(AreaLevel::Region, "A").unwrap();
        assert_eq!(a.d.matches('M').count(), 1, "{}", a.d);
        assert!(map.view_box().starts_with("0 0 1000 "));
        assert!(map.path_bytes(AreaLevel::Kecamatan) > 0);
        assert_eq!(
            kecamatan_path_bytes(&map),
            map.path_bytes(AreaLevel::Kecamatan)
        );
        let c = map.shape_centroid("A").unwrap();
        assert!(c[0] > 0.0 && c[0] < map.width);
        assert!(map.shape_centroid("nothing").is_none());
        // Deterministic.
        assert_eq!(build_schematic(&areas), map);
    }

    #[test]
    fn coarser_datasets_use_their_finest_level() {
        let areas: Vec<Area> = sample()
            .into_iter()
            .filter(|a| a.level != AreaLevel::Kelurahan)
            .collect();
        let map = build_schematic(&areas);
        assert_eq!(map.cells.len(), 5);
        assert_eq!(map.level(AreaLevel::Kecamatan).unwrap().areas.len(), 5);
        assert_eq!(map.level(AreaLevel::Region).unwrap().areas.len(), 3);
        assert!(map.level(AreaLevel::Kelurahan).unwrap().areas.is_empty());
        let regions: Vec<Area> = sample()
            .into_iter()
            .filter(|a| a.level == AreaLevel::Region)
            .collect();
        let map = build_schematic(&regions);
        assert_eq!(map.cells.len(), 3);
        assert_eq!(map.inset_areas, vec!["I"]);
    }

    #[test]
    fn many_sites_stay_fast_and_solid() {
        // 5,000 jittered grid sites in one region.
        let mut areas = vec![area("R", AreaLevel::Region, None, 106.8, -6.2)];
        let mut x: u64 = 42;
        let mut rnd = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        for i in 0..5000 {
            let (gx, gy) = ((i % 100) as f64, (i / 100) as f64);
            let lon = 106.6 + 0.004 * (gx + 0.6 * rnd());
            let lat = -6.0 - 0.004 * (gy + 0.6 * rnd());
            areas.push(area(
                &format!("k{i}"),
                AreaLevel::Kelurahan,
                Some("R"),
                lon,
                lat,
            ));
        }
        let map = build_schematic(&areas);
        assert_eq!(map.cells.len(), 5000);
        assert!(map.cells.iter().all(|c| c.contains(c.site)));
        let region = map.shape(AreaLevel::Region, "R").unwrap();
        assert_eq!(region.d.matches('M').count(), 1);
    }

    #[test]
    fn bad_input_does_not_panic() {
        assert!(build_schematic(&[]).cells.is_empty());
        let mut areas = sample();
        areas[6].centroid = [f64::NAN, 1.0]; // a kecamatan: drawn from its kelurahan anyway
        areas[7].centroid = [500.0, 1.0]; // a kelurahan: no cell
        areas[8].parent = Some("missing".into()); // orphan: no kecamatan, no region
        areas.push(areas[9].clone()); // repeated id: ignored
        areas.push(area(
            "dup",
            AreaLevel::Kelurahan,
            Some("A.0"),
            areas[10].centroid[0],
            areas[10].centroid[1],
        ));
        let map = build_schematic(&areas);
        assert_eq!(map.cells.len(), 17); // 18 − 1 invalid + 0 repeated + 0 duplicate position
        assert!(map.shape(AreaLevel::Kecamatan, "A.0").is_some());
        assert!(map.shape(AreaLevel::Kelurahan, "dup").is_none());
        // One site only.
        let one = vec![area("x", AreaLevel::Kelurahan, None, 106.8, -6.2)];
        let map = build_schematic(&one);
        assert_eq!(map.cells.len(), 1);
        assert_eq!(map.level(AreaLevel::Kelurahan).unwrap().areas.len(), 1);
        // Collinear sites.
        let line: Vec<Area> = (0..5)
            .map(|i| {
                area(
                    &format!("k{i}"),
                    AreaLevel::Kelurahan,
                    None,
                    106.8 + 0.01 * i as f64,
                    -6.2,
                )
            })
            .collect();
        assert_eq!(build_schematic(&line).cells.len(), 5);
        // Silly options are replaced.
        let opts = SchematicOptions {
            width: f64::NAN,
            margin: -1.0,
            radius_factor: 0.0,
            hull_margin_factor: f64::INFINITY,
            arc_steps: 0,
            inset_threshold_km: f64::NAN,
            inset: InsetStyle::default(),
            single_site_radius_km: -2.0,
        };
        let map = build_schematic_with(&sample(), &opts);
        assert_eq!(map.width, 1000.0);
        assert_eq!(map.cells.len(), 18);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::model::{Provenance, ProvenanceKind, Text};
    use proptest::prelude::*;

    fn any_area() -> impl Strategy<Value = Area> {
        let level = prop_oneof![
            Just(AreaLevel::Region),
            Just(AreaLevel::Kecamatan),
            Just(AreaLevel::Kelurahan)
        ];
        let coord = prop_oneof![
            6 => (-100i32..100).prop_map(|v| v as f64 * 0.002),
            1 => Just(f64::NAN),
            1 => Just(1e300),
        ];
        (
            0u8..30,
            level,
            prop::option::of(0u8..30),
            coord.clone(),
            coord,
        )
            .prop_map(|(id, level, parent, x, y)| Area {
                id: format!("a{id}"),
                code: format!("a{id}"),
                level,
                parent: parent.map(|p| format!("a{p}")),
                name: String::new(),
                centroid: [106.8 + x, -6.2 + y],
                population: None,
                sources: vec![],
                provenance: Provenance {
                    kind: ProvenanceKind::Illustrative,
                    note: Text::new("", ""),
                    uncertain: false,
                },
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Random hierarchies (cycles, orphans, repeated ids, bad centroids) never
        /// panic, and every cell holds its own site.
        #[test]
        fn random_areas_never_panic(areas in prop::collection::vec(any_area(), 0..40)) {
            let map = build_schematic(&areas);
            prop_assert_eq!(map.levels.len(), 3);
            prop_assert!(map.width.is_finite() && map.height.is_finite());
            for c in &map.cells {
                prop_assert!(c.contains(c.site), "{:?}", c.chain);
            }
        }
    }
}
