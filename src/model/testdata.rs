//! Fixtures for the domain and geometry tests: one area record with its centroid (geo builds
//! its made-up cities from it) and one action (search and filter tests).

use crate::model::{Action, Area, AreaLevel, Provenance, ProvenanceKind, Text};

/// An area with the given id (also its code and name), level, parent and centroid.
pub fn area(id: &str, level: AreaLevel, parent: Option<&str>, lon: f64, lat: f64) -> Area {
    Area {
        id: id.into(),
        code: id.into(),
        level,
        parent: parent.map(Into::into),
        name: id.into(),
        name_en: None,
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

/// An action titled `title` (in both languages) with `hazards`, recorded for `areas`.
pub fn action(id: &str, title: &str, hazards: &[&str], areas: &[&str]) -> Action {
    let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    Action {
        id: id.into(),
        title: Text::new(title, title),
        description: None,
        pillars: vec![],
        goals: vec![],
        strategies: vec![],
        hazards: list(hazards),
        focus_areas: vec![],
        crf_drivers: vec![],
        crf_qualities: vec![],
        areas: list(areas),
        lead: None,
        partners: vec![],
        status: None,
        status_basis: None,
        timeframe: None,
        tie: None,
        sources: vec!["s".into()],
        provenance: Provenance {
            kind: ProvenanceKind::Derived,
            note: Text::new("", ""),
            uncertain: false,
        },
    }
}
