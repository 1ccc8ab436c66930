//! One drawable level of the map, whatever its geometry came from (the generated
//! schematic or a deployer's boundary file): the viewBox size, the inset frame, and
//! per area its path, label anchor and bounding box, so the interface can draw, label
//! and zoom to areas without knowing the source.

use crate::model::AreaLevel;

use super::boundaries::BoundaryMap;
use super::polygon::Point;
use super::projection::Rect;
use super::schematic::SchematicMap;
use super::view_box::{path_bounds, union, ViewBox};

/// Where a layer's shapes come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerSource {
    /// Generated from the dataset's area centroids.
    Schematic,
    /// An official boundary file.
    Boundaries,
}

impl LayerSource {
    /// The value used in `data-source` attributes.
    pub fn code(self) -> &'static str {
        match self {
            LayerSource::Schematic => "schematic",
            LayerSource::Boundaries => "boundaries",
        }
    }
}

/// An area as drawn in a layer.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerArea {
    /// The area's id.
    pub id: String,
    /// SVG path data.
    pub d: String,
    /// Label anchor in map units.
    pub anchor: Point,
    /// True when drawn in the inset.
    pub in_inset: bool,
    /// Bounding box of the path in map units.
    pub bounds: Option<Rect>,
}

/// One level ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLayer {
    /// The level.
    pub level: AreaLevel,
    /// Where the shapes come from.
    pub source: LayerSource,
    /// ViewBox width.
    pub width: f64,
    /// ViewBox height.
    pub height: f64,
    /// The inset frame, if any.
    pub inset: Option<Rect>,
    /// The areas, in dataset order.
    pub areas: Vec<LayerArea>,
    /// Borders to stroke over the fills (schematic only; boundary shapes are stroked
    /// one by one).
    pub borders: Option<String>,
}

fn layer_area(id: &str, d: &str, anchor: Point, in_inset: bool) -> LayerArea {
    LayerArea {
        id: id.to_string(),
        d: d.to_string(),
        anchor,
        in_inset,
        bounds: path_bounds(d),
    }
}

impl MapLayer {
    /// The schematic's shapes of `level` (an empty layer when the level has none).
    pub fn from_schematic(map: &SchematicMap, level: AreaLevel) -> MapLayer {
        let lm = map.level(level);
        MapLayer {
            level,
            source: LayerSource::Schematic,
            width: map.width,
            height: map.height,
            inset: map.inset,
            areas: lm
                .map(|l| {
                    l.areas
                        .iter()
                        .map(|a| layer_area(&a.id, &a.d, a.anchor, a.in_inset))
                        .collect()
                })
                .unwrap_or_default(),
            borders: lm.map(|l| l.borders.clone()).filter(|b| !b.is_empty()),
        }
    }

    /// The matched shapes of a boundary file.
    pub fn from_boundaries(map: &BoundaryMap) -> MapLayer {
        MapLayer {
            level: map.level,
            source: LayerSource::Boundaries,
            width: map.width,
            height: map.height,
            inset: map.inset,
            areas: map
                .areas
                .iter()
                .map(|a| layer_area(&a.id, &a.d, a.anchor, a.in_inset))
                .collect(),
            borders: None,
        }
    }

    /// The whole map as a viewBox.
    pub fn full_view(&self) -> ViewBox {
        ViewBox::full(self.width, self.height)
    }

    /// The area `id`, if drawn.
    pub fn area(&self, id: &str) -> Option<&LayerArea> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// Bounding box of the drawn areas for which `keep(id)` holds.
    pub fn bounds_where(&self, keep: impl Fn(&str) -> bool) -> Option<Rect> {
        self.areas
            .iter()
            .filter(|a| keep(&a.id))
            .fold(None, |acc, a| union(acc, a.bounds))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::schematic::build_schematic;
    use crate::geo::testdata::city;

    #[test]
    fn schematic_layers_have_bounds_inside_the_map() {
        let map = build_schematic(&city());
        for level in AreaLevel::ALL {
            let layer = MapLayer::from_schematic(&map, level);
            assert_eq!(layer.source, LayerSource::Schematic);
            assert!(layer.borders.is_some());
            let full = layer.full_view();
            for a in &layer.areas {
                let b = a.bounds.expect("every schematic area has bounds");
                assert!(b.width > 0.0 && b.height > 0.0, "{}", a.id);
                assert!(b.x >= -0.1 && b.right() <= full.w + 0.1, "{}", a.id);
                assert!(b.y >= -0.1 && b.bottom() <= full.h + 0.1, "{}", a.id);
                assert!(b.contains(a.anchor), "{} anchor outside its box", a.id);
            }
        }
        let counts: Vec<usize> = AreaLevel::ALL
            .iter()
            .map(|&l| MapLayer::from_schematic(&map, l).areas.len())
            .collect();
        assert_eq!(counts, vec![3, 5, 18]);
    }

    /// The bundled dataset's map: 6 / 44 / 267 areas with bounds. Prints (does not
    /// assert) how long the generation takes natively and how big the kecamatan paths are;
    /// `cargo test --release -- --nocapture bundled` for representative numbers.
    #[test]
    fn bundled_jakarta_layers() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/jakarta.json"))
                .expect("data/jakarta.json");
        let d = crate::model::load_str(&text)
            .dataset
            .expect("the bundled dataset loads");
        let t0 = std::time::Instant::now();
        let map = build_schematic(&d.areas);
        let layers: Vec<MapLayer> = AreaLevel::ALL
            .iter()
            .map(|&l| MapLayer::from_schematic(&map, l))
            .collect();
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        let counts: Vec<usize> = layers.iter().map(|l| l.areas.len()).collect();
        assert_eq!(counts, vec![6, 44, 267]);
        assert!(layers
            .iter()
            .all(|l| l.areas.iter().all(|a| a.bounds.is_some())));
        let kec = &layers[1];
        let bytes = kec.areas.iter().map(|a| a.d.len()).sum::<usize>()
            + kec.borders.as_ref().map_or(0, String::len);
        println!(
            "schematic map of the bundled dataset: {ms:.1} ms natively; \
             kecamatan path data {bytes} bytes (generated in the browser, not shipped)"
        );
    }

    #[test]
    fn region_bounds_cover_their_kecamatan() {
        let map = build_schematic(&city());
        let regions = MapLayer::from_schematic(&map, AreaLevel::Region);
        let kec = MapLayer::from_schematic(&map, AreaLevel::Kecamatan);
        let a = regions.area("A").unwrap().bounds.unwrap();
        let from_kec = kec.bounds_where(|id| id.starts_with("A.")).unwrap();
        assert!((a.x - from_kec.x).abs() < 0.2 && (a.width - from_kec.width).abs() < 0.2);
        assert!(kec.bounds_where(|_| false).is_none());
        assert!(regions.area("nope").is_none());
    }
}
