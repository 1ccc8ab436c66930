//! Official boundary files: a GeoJSON FeatureCollection of Polygon / MultiPolygon
//! features carrying area codes, supplied by a deployer. Parsed with clear error
//! messages that say where the problem is, then projected like the schematic (far-away
//! groups in the inset) into per-area SVG paths.

use std::collections::HashMap;

use serde_json::Value;

use crate::model::{Area, AreaLevel};

use super::hierarchy::Hierarchy;
use super::inset::{far_groups, place_inset, Group, InsetStyle, DEFAULT_THRESHOLD_KM};
use super::path::PathData;
use super::polygon::{area, centroid, Point};
use super::projection::{is_valid_lon_lat, Affine, GeoBounds, Projection, Rect};
use super::shape::AreaShape;

/// A ring of `[lon, lat]` positions, without the closing repeat.
pub type Ring = Vec<[f64; 2]>;

/// One feature: its code and its polygons (each an outer ring followed by holes).
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryFeature {
    /// Position in the file's `features` array.
    pub index: usize,
    /// The area code from the feature's properties.
    pub code: String,
    /// Polygons, each a list of rings (the first is the outer ring).
    pub polygons: Vec<Vec<Ring>>,
}

/// A parsed boundary file.
#[derive(Debug, Clone, PartialEq)]
pub struct Boundaries {
    /// The features, in file order.
    pub features: Vec<BoundaryFeature>,
}

/// Boundary shapes of one level, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryMap {
    /// The level the features were matched against.
    pub level: AreaLevel,
    /// ViewBox width.
    pub width: f64,
    /// ViewBox height.
    pub height: f64,
    /// The inset frame, when some features are drawn in it.
    pub inset: Option<Rect>,
    /// Ids of the matched areas drawn in the inset.
    pub inset_areas: Vec<String>,
    /// One shape per matched area, in dataset order. Fill with `fill-rule="evenodd"`
    /// so holes stay open whatever the file's ring orientation.
    pub areas: Vec<AreaShape>,
    /// Codes of features that match no area of the level (each once, in file order).
    pub unmatched_features: Vec<String>,
    /// Ids of areas of the level that no feature matches.
    pub areas_without_feature: Vec<String>,
    /// The mainland projection.
    pub projection: Option<Projection>,
    /// The inset's projection.
    pub inset_projection: Option<Projection>,
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn parse_position(v: &Value, at: &str) -> Result<[f64; 2], String> {
    let arr = v.as_array().ok_or_else(|| {
        format!(
            "{at}: expected a position [longitude, latitude], found {}",
            kind(v)
        )
    })?;
    if arr.len() < 2 {
        return Err(format!(
            "{at}: a position needs 2 numbers, found {}",
            arr.len()
        ));
    }
    let num = |k: usize| {
        arr[k].as_f64().filter(|x| x.is_finite()).ok_or_else(|| {
            format!(
                "{at}[{k}]: expected a finite number, found {}",
                kind(&arr[k])
            )
        })
    };
    let p = [num(0)?, num(1)?];
    if !is_valid_lon_lat(p) {
        return Err(format!(
            "{at}: [{}, {}] is not a [longitude, latitude] position (longitude −180..180, latitude −90..90)",
            p[0], p[1]
        ));
    }
    Ok(p)
}

fn parse_ring(v: &Value, at: &str) -> Result<Ring, String> {
    let arr = v.as_array().ok_or_else(|| {
        format!(
            "{at}: expected a ring (array of positions), found {}",
            kind(v)
        )
    })?;
    let mut ring = arr
        .iter()
        .enumerate()
        .map(|(k, p)| parse_position(p, &format!("{at}[{k}]")))
        .collect::<Result<Vec<_>, _>>()?;
    while ring.len() > 1 && ring[0] == ring[ring.len() - 1] {
        ring.pop();
    }
    ring.dedup();
    if ring.len() < 3 {
        return Err(format!(
            "{at}: a ring needs at least 3 distinct positions, found {}",
            ring.len()
        ));
    }
    Ok(ring)
}

fn parse_polygon(v: &Value, at: &str) -> Result<Vec<Ring>, String> {
    let arr = v.as_array().ok_or_else(|| {
        format!(
            "{at}: expected a polygon (array of rings), found {}",
            kind(v)
        )
    })?;
    if arr.is_empty() {
        return Err(format!("{at}: empty polygon (no rings)"));
    }
    arr.iter()
        .enumerate()
        .map(|(k, r)| parse_ring(r, &format!("{at}[{k}]")))
        .collect()
}

fn parse_feature(f: &Value, index: usize, code_property: &str) -> Result<BoundaryFeature, String> {
    let at = format!("features[{index}]");
    let obj = f
        .as_object()
        .ok_or_else(|| format!("{at}: expected a Feature object, found {}", kind(f)))?;
    let props = match obj.get("properties") {
        Some(Value::Object(p)) => p,
        Some(other) => {
            return Err(format!(
                "{at}.properties: expected an object, found {}",
                kind(other)
            ))
        }
        None => return Err(format!("{at}.properties: missing")),
    };
    let code = match props.get(code_property) {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::String(_)) => return Err(format!("{at}.properties.{code_property}: empty")),
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => {
            return Err(format!(
                "{at}.properties.{code_property}: expected a string or number, found {}",
                kind(other)
            ))
        }
        None => {
            return Err(format!(
                "{at}.properties.{code_property}: missing (the area code property)"
            ))
        }
    };
    let geom = match obj.get("geometry") {
        Some(Value::Object(g)) => g,
        Some(Value::Null) | None => return Err(format!("{at}.geometry: missing")),
        Some(other) => {
            return Err(format!(
                "{at}.geometry: expected an object, found {}",
                kind(other)
            ))
        }
    };
    let coords = || {
        geom.get("coordinates")
            .ok_or_else(|| format!("{at}.geometry.coordinates: missing"))
    };
    let polygons = match geom.get("type").and_then(Value::as_str) {
        Some("Polygon") => vec![parse_polygon(coords()?, &format!("{at}.geometry.coordinates"))?],
        Some("MultiPolygon") => {
            let c = coords()?;
            let arr = c.as_array().ok_or_else(|| {
                format!("{at}.geometry.coordinates: expected an array of polygons, found {}", kind(c))
            })?;
            if arr.is_empty() {
                return Err(format!("{at}.geometry.coordinates: empty MultiPolygon"));
            }
            arr.iter()
                .enumerate()
                .map(|(k, p)| parse_polygon(p, &format!("{at}.geometry.coordinates[{k}]")))
                .collect::<Result<Vec<_>, _>>()?
        }
        Some(other) => {
            return Err(format!(
                "{at}.geometry: unsupported type \"{other}\" (expected \"Polygon\" or \"MultiPolygon\")"
            ))
        }
        None => return Err(format!("{at}.geometry.type: missing")),
    };
    Ok(BoundaryFeature {
        index,
        code,
        polygons,
    })
}

/// Parses a GeoJSON FeatureCollection whose features are Polygons or MultiPolygons
/// (coordinates `[lon, lat]`) with the area code in `properties[code_property]`
/// (a string or a number). Errors say where the problem is, e.g.
/// `features[3].geometry: unsupported type "Point" …`.
pub fn parse_boundaries(geojson: &str, code_property: &str) -> Result<Boundaries, String> {
    let root: Value = serde_json::from_str(geojson).map_err(|e| format!("not valid JSON: {e}"))?;
    let obj = root.as_object().ok_or_else(|| {
        format!(
            "top level: expected a GeoJSON object, found {}",
            kind(&root)
        )
    })?;
    match obj.get("type") {
        Some(Value::String(t)) if t == "FeatureCollection" => {}
        Some(Value::String(t)) => {
            return Err(format!(
                "type: expected \"FeatureCollection\", found \"{t}\""
            ))
        }
        Some(other) => {
            return Err(format!(
                "type: expected \"FeatureCollection\", found {}",
                kind(other)
            ))
        }
        None => return Err("type: missing (expected \"FeatureCollection\")".to_string()),
    }
    let features = match obj.get("features") {
        Some(Value::Array(f)) => f,
        Some(other) => {
            return Err(format!(
                "features: expected an array, found {}",
                kind(other)
            ))
        }
        None => return Err("features: missing".to_string()),
    };
    if features.is_empty() {
        return Err("features: empty (no boundaries to draw)".to_string());
    }
    let features = features
        .iter()
        .enumerate()
        .map(|(i, f)| parse_feature(f, i, code_property))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Boundaries { features })
}

/// Even-odd point-in-polygon over several rings (holes included).
fn inside_rings(rings: &[Vec<Point>], p: Point) -> bool {
    rings
        .iter()
        .filter(|r| super::polygon::contains(r, p))
        .count()
        % 2
        == 1
}

impl Boundaries {
    /// Matches features to the areas of `level` by code and projects them into a map
    /// `width` wide (north up, far-away groups in a top-left inset, as in the
    /// schematic). Several features with the same code are drawn as one shape.
    pub fn to_level_paths(&self, areas: &[Area], level: AreaLevel, width: f64) -> BoundaryMap {
        self.to_level_paths_with(
            areas,
            level,
            width,
            DEFAULT_THRESHOLD_KM,
            &InsetStyle::default(),
        )
    }

    /// [`Boundaries::to_level_paths`] with an explicit inset threshold and style.
    pub fn to_level_paths_with(
        &self,
        areas: &[Area],
        level: AreaLevel,
        width: f64,
        threshold_km: f64,
        style: &InsetStyle,
    ) -> BoundaryMap {
        let width = if width.is_finite() && width > 0.0 {
            width
        } else {
            1000.0
        };
        let margin = width * 0.012;
        let h = Hierarchy::new(areas);
        let mut by_code: HashMap<&str, usize> = HashMap::new();
        for (i, a) in areas.iter().enumerate() {
            if a.level == level && h.is_primary(i) {
                by_code.entry(a.code.trim()).or_insert(i);
            }
        }
        let matched: Vec<Option<usize>> = self
            .features
            .iter()
            .map(|f| by_code.get(f.code.as_str()).copied())
            .collect();
        let any_matched = matched.iter().any(Option::is_some);

        // Group the drawn features by region (unmatched features are not drawn; they
        // only shape the frame when nothing matches).
        let mut group_key: HashMap<usize, usize> = HashMap::new();
        let mut groups: Vec<Group> = Vec::new();
        let mut group_area: Vec<Option<usize>> = Vec::new();
        let mut feature_group: Vec<Option<usize>> = vec![None; self.features.len()];
        for (fi, f) in self.features.iter().enumerate() {
            if any_matched && matched[fi].is_none() {
                continue;
            }
            let root = matched[fi].and_then(|a| h.group(a));
            let g = match root {
                Some(r) => *group_key.entry(r).or_insert_with(|| {
                    groups.push(Group {
                        anchor: [f64::NAN, f64::NAN],
                        bounds: GeoBounds::empty(),
                        weight: 0,
                    });
                    group_area.push(Some(r));
                    groups.len() - 1
                }),
                None => {
                    groups.push(Group {
                        anchor: [f64::NAN, f64::NAN],
                        bounds: GeoBounds::empty(),
                        weight: 0,
                    });
                    group_area.push(None);
                    groups.len() - 1
                }
            };
            for ring in f.polygons.iter().flatten() {
                for p in ring {
                    groups[g].bounds.extend(*p);
                }
            }
            groups[g].weight += 1;
            feature_group[fi] = Some(g);
        }
        for (g, group) in groups.iter_mut().enumerate() {
            let own = group_area[g]
                .map(|a| areas[a].centroid)
                .filter(|c| is_valid_lon_lat(*c));
            group.anchor = own
                .or_else(|| group.bounds.center())
                .unwrap_or([f64::NAN, f64::NAN]);
        }
        let group_inset = far_groups(&groups, threshold_km);
        let bounds_of = |inset: bool| {
            groups
                .iter()
                .zip(&group_inset)
                .filter(|(_, i)| **i == inset)
                .fold(GeoBounds::empty(), |b, (g, _)| b.union(&g.bounds))
        };

        let mut map = BoundaryMap {
            level,
            width,
            height: width * 0.75,
            inset: None,
            inset_areas: Vec::new(),
            areas: Vec::new(),
            unmatched_features: Vec::new(),
            areas_without_feature: Vec::new(),
            projection: None,
            inset_projection: None,
        };
        for (fi, f) in self.features.iter().enumerate() {
            if matched[fi].is_none() && !map.unmatched_features.contains(&f.code) {
                map.unmatched_features.push(f.code.clone());
            }
        }
        let mut has_feature = vec![false; areas.len()];
        for a in matched.iter().flatten() {
            has_feature[*a] = true;
        }
        map.areas_without_feature = (0..areas.len())
            .filter(|&i| areas[i].level == level && h.is_primary(i) && !has_feature[i])
            .map(|i| areas[i].id.clone())
            .collect();

        let Some((mut projection, mut height)) = Projection::fit(&bounds_of(false), width, margin)
        else {
            return map;
        };
        let project_feature = |f: &BoundaryFeature, p: &Projection| -> Vec<Vec<Point>> {
            f.polygons
                .iter()
                .flatten()
                .map(|r| r.iter().map(|q| p.project(*q)).collect())
                .collect()
        };
        let inset_bounds = bounds_of(true);
        if let Some(center) = inset_bounds.center() {
            let mainland: Vec<Vec<Point>> = self
                .features
                .iter()
                .enumerate()
                .filter(|(fi, _)| feature_group[*fi].is_some_and(|g| !group_inset[g]))
                .flat_map(|(_, f)| project_feature(f, &projection))
                .collect();
            let local = Projection::local_km(center);
            let a = local.project([inset_bounds.min_lon, inset_bounds.max_lat]);
            let b = local.project([inset_bounds.max_lon, inset_bounds.min_lat]);
            let aspect = (b[0] - a[0]).max(0.01) / (b[1] - a[1]).max(0.01);
            let layout = place_inset(width, height, aspect, style, &mainland);
            projection = projection.then(&Affine {
                scale: 1.0,
                dx: 0.0,
                dy: layout.shift_y,
            });
            height = layout.height;
            map.inset = Some(layout.rect);
            map.inset_projection = Projection::fit_into(&inset_bounds, &layout.content, 0.0);
        }
        map.height = height;
        map.projection = Some(projection);

        for (ai, a) in areas.iter().enumerate() {
            if !has_feature[ai] {
                continue;
            }
            let fs: Vec<usize> = (0..self.features.len())
                .filter(|&fi| matched[fi] == Some(ai))
                .collect();
            let in_inset = fs
                .iter()
                .any(|&fi| feature_group[fi].is_some_and(|g| group_inset[g]));
            let Some(proj) = (if in_inset {
                map.inset_projection
            } else {
                Some(projection)
            }) else {
                continue;
            };
            let rings: Vec<Vec<Point>> = fs
                .iter()
                .flat_map(|&fi| project_feature(&self.features[fi], &proj))
                .collect();
            let mut d = PathData::new();
            for r in &rings {
                d.ring(r);
            }
            let own = is_valid_lon_lat(a.centroid).then(|| proj.project(a.centroid));
            let anchor = match own {
                Some(p) if inside_rings(&rings, p) => Some(p),
                _ => rings
                    .iter()
                    .max_by(|x, y| area(x).total_cmp(&area(y)))
                    .and_then(|r| centroid(r)),
            };
            if in_inset {
                map.inset_areas.push(a.id.clone());
            }
            map.areas.push(AreaShape {
                id: a.id.clone(),
                d: d.into_string(),
                anchor: anchor.or(own).unwrap_or([0.0, 0.0]),
                in_inset,
            });
        }
        map
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

    fn square_feature(code: &str, lon: f64, lat: f64, size: f64) -> String {
        format!(
            r#"{{"type":"Feature","properties":{{"code":"{code}"}},"geometry":{{"type":"Polygon","coordinates":[[[{a},{b}],[{c},{b}],[{c},{d}],[{a},{d}],[{a},{b}]]]}}}}"#,
            a = lon,
            b = lat,
            c = lon + size,
            d = lat + size
        )
    }

    fn collection(features: &[String]) -> String {
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        )
    }

    #[test]
    fn parses_polygons_multipolygons_and_codes() {
        let multi = r#"{"type":"Feature","properties":{"code":3171},"geometry":{"type":"MultiPolygon","coordinates":[[[[1,1],[2,1],[2,2],[1,1]]],[[[3,3],[4,3],[4,4]],[[3.2,3.1],[3.8,3.1],[3.8,3.5]]]]}}"#;
        let text = collection(&[
            square_feature(" 31.71 ", 106.8, -6.2, 0.1),
            multi.to_string(),
        ]);
        let b = parse_boundaries(&text, "code").unwrap();
        assert_eq!(b.features.len(), 2);
        assert_eq!(b.features[0].code, "31.71");
        assert_eq!(b.features[0].polygons[0][0].len(), 4);
        assert_eq!(b.features[1].code, "3171");
        assert_eq!(b.features[1].index, 1);
        assert_eq!(b.features[1].polygons.len(), 2);
        assert_eq!(b.features[1].polygons[1].len(), 2);
    }

    #[test]
    fn errors_say_where() {
        let cases: Vec<(String, &str)> = vec![
            ("nope".into(), "not valid JSON"),
            ("[]".into(), "top level: expected a GeoJSON object"),
            (r#"{"features":[]}"#.into(), "type: missing"),
            (r#"{"type":"Feature"}"#.into(), "type: expected \"FeatureCollection\", found \"Feature\""),
            (r#"{"type":"FeatureCollection"}"#.into(), "features: missing"),
            (r#"{"type":"FeatureCollection","features":{}}"#.into(), "features: expected an array"),
            (r#"{"type":"FeatureCollection","features":[]}"#.into(), "features: empty"),
            (collection(&["1".into()]), "features[0]: expected a Feature object, found a number"),
            (collection(&[r#"{"type":"Feature","geometry":null}"#.into()]), "features[0].properties: missing"),
            (
                collection(&[r#"{"properties":{"name":"x"},"geometry":null}"#.into()]),
                "features[0].properties.code: missing",
            ),
            (collection(&[r#"{"properties":{"code":""}}"#.into()]), "features[0].properties.code: empty"),
            (
                collection(&[r#"{"properties":{"code":[1]}}"#.into()]),
                "features[0].properties.code: expected a string or number, found an array",
            ),
            (collection(&[r#"{"properties":{"code":"a"},"geometry":null}"#.into()]), "features[0].geometry: missing"),
            (
                collection(&[
                    square_feature("a", 1.0, 1.0, 1.0),
                    square_feature("b", 1.0, 1.0, 1.0),
                    square_feature("c", 1.0, 1.0, 1.0),
                    r#"{"properties":{"code":"d"},"geometry":{"type":"Point","coordinates":[1,2]}}"#.into(),
                ]),
                "features[3].geometry: unsupported type \"Point\"",
            ),
            (
                collection(&[r#"{"properties":{"code":"a"},"geometry":{"coordinates":[]}}"#.into()]),
                "features[0].geometry.type: missing",
            ),
            (
                collection(&[r#"{"properties":{"code":"a"},"geometry":{"type":"Polygon"}}"#.into()]),
                "features[0].geometry.coordinates: missing",
            ),
            (
                collection(&[r#"{"properties":{"code":"a"},"geometry":{"type":"Polygon","coordinates":[]}}"#.into()]),
                "features[0].geometry.coordinates: empty polygon",
            ),
            (
                collection(&[r#"{"properties":{"code":"a"},"geometry":{"type":"MultiPolygon","coordinates":[]}}"#.into()]),
                "features[0].geometry.coordinates: empty MultiPolygon",
            ),
            (
                collection(&[r#"{"properties":{"code":"a"},"geometry":{"type":"Polygon","coordinates":[[[1,1],[2,2],[1,1]]]}}"#.into()]),
                "features[0].geometry.coordinates[0]: a ring needs at least 3 distinct positions, found 2",
            ),
            (
                collection(&[r#"{"properties":{"code":"a"},"geometry":{"type":"Polygon","coordinates":[[[1,1],[2,"x"],[3,1]]]}}"#.into()]),
                "features[0].geometry.coordinates[0][1][1]: expected a finite number, found a string",
            ),
            (
                collection(&[r#"{"properties":{"code":"a"},"geometry":{"type":"Polygon","coordinates":[[[1,1],[2],[3,1]]]}}"#.into()]),
                "features[0].geometry.coordinates[0][1]: a position needs 2 numbers, found 1",
            ),
            (
                collection(&[r#"{"properties":{"code":"a"},"geometry":{"type":"Polygon","coordinates":[[[1,1],[2,95],[3,1]]]}}"#.into()]),
                "features[0].geometry.coordinates[0][1]: [2, 95] is not a [longitude, latitude] position",
            ),
            (
                collection(&[r#"{"properties":{"code":"a"},"geometry":{"type":"MultiPolygon","coordinates":[[[[1,1],[2,2],[3,1]]], 5]}}"#.into()]),
                "features[0].geometry.coordinates[1]: expected a polygon",
            ),
            (
                collection(&[r#"{"properties":{"code":"a"},"geometry":{"type":"Polygon","coordinates":[[[1,1],[2,2],[1e999,1]]]}}"#.into()]),
                "not valid JSON",
            ),
        ];
        for (text, expected) in cases {
            let err = parse_boundaries(&text, "code").unwrap_err();
            assert!(
                err.starts_with(expected),
                "{text}\n→ {err}\nexpected {expected}"
            );
        }
    }

    #[test]
    fn matches_codes_and_puts_far_features_in_the_inset() {
        let areas = vec![
            area("R1", AreaLevel::Region, None, 106.85, -6.15),
            area("R2", AreaLevel::Region, None, 106.60, -5.70),
            area("K1", AreaLevel::Kecamatan, Some("R1"), 106.80, -6.20),
            area("K2", AreaLevel::Kecamatan, Some("R1"), 106.90, -6.10),
            area("K3", AreaLevel::Kecamatan, Some("R2"), 106.60, -5.70),
            area("K4", AreaLevel::Kecamatan, Some("R1"), 106.95, -6.30),
            area("K5", AreaLevel::Kecamatan, Some("R1"), 106.80, -6.10),
        ];
        let text = collection(&[
            square_feature("K1", 106.75, -6.25, 0.1),
            square_feature("K2", 106.85, -6.15, 0.1),
            square_feature("K3", 106.55, -5.75, 0.1),
            square_feature("K3", 106.65, -5.65, 0.05),
            square_feature("X9", 110.0, -7.0, 0.1),
            square_feature("K5", 106.75, -6.15, 0.1),
        ]);
        let b = parse_boundaries(&text, "code").unwrap();
        let map = b.to_level_paths(&areas, AreaLevel::Kecamatan, 1000.0);
        assert_eq!(map.areas.len(), 4);
        assert_eq!(map.unmatched_features, vec!["X9"]);
        assert_eq!(map.areas_without_feature, vec!["K4"]);
        assert_eq!(map.inset_areas, vec!["K3"]);
        let inset = map.inset.unwrap();
        let k3 = map.areas.iter().find(|a| a.id == "K3").unwrap();
        assert!(k3.in_inset && inset.contains(k3.anchor));
        assert_eq!(k3.d.matches('M').count(), 2);
        let k1 = map.areas.iter().find(|a| a.id == "K1").unwrap();
        assert!(!k1.in_inset && !inset.contains(k1.anchor));
        // The mainland fills the width.
        let p = map.projection.unwrap();
        let west = p.project([106.75, -6.2])[0];
        let east = p.project([106.95, -6.2])[0];
        assert!(
            (west - 12.0).abs() < 1e-6 && (east - 988.0).abs() < 1e-6,
            "{west} {east}"
        );
        // The anchor is the area's centroid when inside its shape.
        let c = p.project([106.80, -6.20]);
        assert!((k1.anchor[0] - c[0]).abs() < 1e-9 && (k1.anchor[1] - c[1]).abs() < 1e-9);
        // No match at another level: nothing drawn, everything reported.
        let none = b.to_level_paths(&areas, AreaLevel::Region, 1000.0);
        assert!(none.areas.is_empty());
        assert_eq!(none.unmatched_features, vec!["K1", "K2", "K3", "X9", "K5"]);
        assert_eq!(none.areas_without_feature, vec!["R1", "R2"]);
        assert!(none.height.is_finite());
        // Bad width.
        assert_eq!(
            b.to_level_paths(&areas, AreaLevel::Kecamatan, f64::NAN)
                .width,
            1000.0
        );
        assert_eq!(
            b.to_level_paths(&[], AreaLevel::Kecamatan, 800.0)
                .unmatched_features
                .len(),
            5
        );
    }
}
