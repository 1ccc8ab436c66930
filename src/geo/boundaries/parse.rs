//! Reading a boundary file: a GeoJSON FeatureCollection of Polygon and MultiPolygon
//! features with an area code each, checked so that every error says where it is.

use serde_json::Value;

use super::{Boundaries, BoundaryFeature, Ring};
use crate::geo::projection::is_valid_lon_lat;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::testdata::{collection, square_feature};

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

    /// A collection of one feature with code "a" and this geometry.
    fn geometry(json: &str) -> String {
        collection(&[format!(
            r#"{{"properties":{{"code":"a"}},"geometry":{json}}}"#
        )])
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
            (geometry(r#"{"coordinates":[]}"#), "features[0].geometry.type: missing"),
            (geometry(r#"{"type":"Polygon"}"#), "features[0].geometry.coordinates: missing"),
            (
                geometry(r#"{"type":"Polygon","coordinates":[]}"#),
                "features[0].geometry.coordinates: empty polygon",
            ),
            (
                geometry(r#"{"type":"MultiPolygon","coordinates":[]}"#),
                "features[0].geometry.coordinates: empty MultiPolygon",
            ),
            (
                geometry(r#"{"type":"Polygon","coordinates":[[[1,1],[2,2],[1,1]]]}"#),
                "features[0].geometry.coordinates[0]: a ring needs at least 3 distinct positions, found 2",
            ),
            (
                geometry(r#"{"type":"Polygon","coordinates":[[[1,1],[2,"x"],[3,1]]]}"#),
                "features[0].geometry.coordinates[0][1][1]: expected a finite number, found a string",
            ),
            (
                geometry(r#"{"type":"Polygon","coordinates":[[[1,1],[2],[3,1]]]}"#),
                "features[0].geometry.coordinates[0][1]: a position needs 2 numbers, found 1",
            ),
            (
                geometry(r#"{"type":"Polygon","coordinates":[[[1,1],[2,95],[3,1]]]}"#),
                "features[0].geometry.coordinates[0][1]: [2, 95] is not a [longitude, latitude] position",
            ),
            (
                geometry(r#"{"type":"MultiPolygon","coordinates":[[[[1,1],[2,2],[3,1]]], 5]}"#),
                "features[0].geometry.coordinates[1]: expected a polygon",
            ),
            (
                geometry(r#"{"type":"Polygon","coordinates":[[[1,1],[2,2],[1e999,1]]]}"#),
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
}
