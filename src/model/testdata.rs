//! Fixtures for the domain and geometry tests: one area record with its centroid (geo builds
//! its made-up cities from it).

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
