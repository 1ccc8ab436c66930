//! Fixtures for the geometry tests: one area record with its centroid, and boundary files
//! made of square features.

use crate::model::{Area, AreaLevel, Provenance, ProvenanceKind, Text};

/// An area with the given id (also its code and name), level, parent and centroid.
pub fn area(id: &str, level: AreaLevel, parent: Option<&str>, lon: f64, lat: f64) -> Area {
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

/// A square Polygon feature with area code `code`, its south-west corner at `lon`, `lat`.
pub fn square_feature(code: &str, lon: f64, lat: f64, size: f64) -> String {
    format!(
        r#"{{"type":"Feature","properties":{{"code":"{code}"}},"geometry":{{"type":"Polygon","coordinates":[[[{a},{b}],[{c},{b}],[{c},{d}],[{a},{d}],[{a},{b}]]]}}}}"#,
        a = lon,
        b = lat,
        c = lon + size,
        d = lat + size
    )
}

/// A FeatureCollection of `features`.
pub fn collection(features: &[String]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}
