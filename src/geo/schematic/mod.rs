//! The schematic map generated from area centroids: one Voronoi cell per finest-level
//! area (clipped to the grown convex hull of the sites and to a disc around its own
//! centroid, with any gap left inside the city shared out), merged upward into
//! kecamatan and region shapes, with the far-away group (Kepulauan Seribu) drawn in an
//! inset box in the top-left corner.
//!
//! Everything is computed from the dataset at load time; no geometry file is shipped.

mod build;
mod cells;
mod level;
mod options;

pub use build::build_schematic_with;
pub use options::SchematicOptions;

use crate::model::{Area, AreaLevel};

use super::polygon::{area, centroid_of_many, contains, Point};
use super::projection::{Projection, Rect};
use super::shape::AreaShape;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::inset::InsetStyle;
    use crate::geo::testdata::{area, city};

    #[test]
    fn levels_cells_and_inset() {
        let areas = city();
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
        let areas: Vec<Area> = city()
            .into_iter()
            .filter(|a| a.level != AreaLevel::Kelurahan)
            .collect();
        let map = build_schematic(&areas);
        assert_eq!(map.cells.len(), 5);
        assert_eq!(map.level(AreaLevel::Kecamatan).unwrap().areas.len(), 5);
        assert_eq!(map.level(AreaLevel::Region).unwrap().areas.len(), 3);
        assert!(map.level(AreaLevel::Kelurahan).unwrap().areas.is_empty());
        let regions: Vec<Area> = city()
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
        let mut areas = city();
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
        let map = build_schematic_with(&city(), &opts);
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
                name_en: None,
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
