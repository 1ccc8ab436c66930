//! The bundled datasets (`data/jakarta.json`, `data/chennai.json`): they load without
//! errors, every action is sourced and has a provenance, Jakarta's counts and area tree are
//! what the research found, each file points at the committed JSON Schema, that schema is
//! the one generated from the Rust types (the files are checked against it by the
//! `jsonschema` crate in `tests/json_schema.rs`).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{HashMap, HashSet};

use jrs::model::schema::schema_json;
use jrs::model::{load_bytes, ActionsAre, AreaLevel, ProvenanceKind, Status, Tie};
use serde_json::Value;

mod support;

const DATASETS: [&str; 2] = ["data/jakarta.json", "data/chennai.json"];

use support::{dataset, read_bytes as read, root};

#[test]
fn bundled_datasets_load_without_errors_or_unknown_fields() {
    for rel in DATASETS {
        let outcome = load_bytes(&read(rel));
        let errors: Vec<String> = outcome.errors().map(|p| p.to_string()).collect();
        assert!(errors.is_empty(), "{rel}:\n{}", errors.join("\n"));
        assert!(outcome.dataset.is_some(), "{rel} does not load");
        // A misspelt field would be silently dropped: the loader warns, and here it fails.
        let unknown: Vec<String> = outcome
            .warnings()
            .filter(|p| p.message.starts_with("unknown field"))
            .map(|p| p.to_string())
            .collect();
        assert!(unknown.is_empty(), "{rel}:\n{}", unknown.join("\n"));
    }
}

#[test]
fn every_action_is_sourced_and_has_a_provenance() {
    for rel in DATASETS {
        let d = dataset(rel);
        let sources: HashSet<&str> = d.sources.iter().map(|s| s.id.as_str()).collect();
        assert!(!d.actions.is_empty(), "{rel} has no actions");
        for a in &d.actions {
            assert!(
                !a.sources.is_empty(),
                "{rel}: action {} has no source",
                a.id
            );
            for s in &a.sources {
                assert!(
                    sources.contains(s.as_str()),
                    "{rel}: action {} cites unknown source {s}",
                    a.id
                );
            }
            let note = &a.provenance.note;
            assert!(
                !note.id.trim().is_empty() && !note.en.trim().is_empty(),
                "{rel}: action {} needs a provenance note in both languages",
                a.id
            );
        }
    }
}

#[test]
fn jakarta_counts_and_framing() {
    let d = dataset("data/jakarta.json");
    assert_eq!(d.actions.len(), 48, "Jakarta aligned initiatives");
    let count = |k: ProvenanceKind| d.actions.iter().filter(|a| a.provenance.kind == k).count();
    // Every initiative's pillar and hazard tags are the editors': partly confirmed, partly
    // derived is derived (DATA.md). What a source confirms is the tie.
    assert_eq!(count(ProvenanceKind::Confirmed), 0, "tags are the editors'");
    assert_eq!(count(ProvenanceKind::Derived), 48);
    let ties = |t: Tie| d.actions.iter().filter(|a| a.tie == Some(t)).count();
    assert_eq!(
        Tie::ALL.map(ties),
        [4, 8, 4, 2, 30],
        "ties: strategy, programme, partnership, reported, theme (as meta.note says)"
    );
    // Statuses are the editors' inference, and say so.
    for a in &d.actions {
        let claims = matches!(
            a.status,
            Some(Status::Planned | Status::Ongoing | Status::Completed)
        );
        assert_eq!(
            a.status_basis.is_some(),
            claims,
            "{}: a stated status carries its basis",
            a.id
        );
    }
    assert_eq!(
        count(ProvenanceKind::Illustrative),
        0,
        "no illustrative initiatives"
    );
    assert_eq!(
        d.meta.actions_are,
        ActionsAre::AlignedInitiatives,
        "Jakarta's actions are initiatives aligned with the strategy, not its action list"
    );
    assert!(!d.meta.synthetic);
    let level = |l: AreaLevel| d.areas.iter().filter(|a| a.level == l).count();
    assert_eq!(level(AreaLevel::Region), 6);
    assert_eq!(level(AreaLevel::Kecamatan), 44);
    assert_eq!(level(AreaLevel::Kelurahan), 267);
}

#[test]
fn jakarta_carries_both_rankings_with_their_sources() {
    let d = dataset("data/jakarta.json");
    let ranking = |id: &str| {
        d.rankings
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("ranking {id}"))
    };
    let main = ranking("strategy-main-threats");
    assert_eq!(main.shocks, ["flood", "earthquake"]);
    assert!(main.stresses.is_empty());
    assert_eq!(main.sources, ["dml-strategi-ketahanan"]);
    let pra = ranking("pra-top-three");
    assert_eq!(pra.shocks, ["civil-unrest", "disease-outbreak", "flood"]);
    assert_eq!(
        pra.stresses,
        ["safe-food", "clean-water-access", "poverty-inequality"]
    );
    assert_eq!(pra.sources, ["preventionweb-sorkin"]);
    // The PRA piece names disease outbreak: it is confirmed by it, not derived.
    let disease = d
        .hazards
        .iter()
        .find(|h| h.id == "disease-outbreak")
        .expect("hazard");
    assert_eq!(disease.provenance.kind, ProvenanceKind::Confirmed);
    assert!(disease
        .sources
        .contains(&"preventionweb-sorkin".to_string()));
    // Every source is cited somewhere (pra-jakarta was defined but never cited).
    let json = String::from_utf8(read("data/jakarta.json")).expect("UTF-8");
    for s in &d.sources {
        let cited = format!("\"{}\"", s.id);
        assert!(
            json.matches(&cited).count() >= 2,
            "source {} is never cited",
            s.id
        );
    }
}

#[test]
fn jakarta_area_tree_is_kelurahan_kecamatan_region() {
    let d = dataset("data/jakarta.json");
    let by_id: HashMap<&str, _> = d.areas.iter().map(|a| (a.id.as_str(), a)).collect();
    let parent_of = |id: &str| {
        let a = by_id[id];
        let p = a
            .parent
            .as_deref()
            .unwrap_or_else(|| panic!("{id} has no parent"));
        *by_id
            .get(p)
            .unwrap_or_else(|| panic!("{id}: parent {p} is not an area"))
    };
    for a in &d.areas {
        match a.level {
            AreaLevel::Region => assert!(a.parent.is_none(), "region {} has a parent", a.id),
            AreaLevel::Kecamatan => {
                assert_eq!(parent_of(&a.id).level, AreaLevel::Region, "{}", a.id)
            }
            AreaLevel::Kelurahan => {
                let kec = parent_of(&a.id);
                assert_eq!(kec.level, AreaLevel::Kecamatan, "parent of {}", a.id);
                let region = parent_of(&kec.id);
                assert_eq!(region.level, AreaLevel::Region, "grandparent of {}", a.id);
                assert!(region.parent.is_none());
            }
        }
    }
}

#[test]
fn datasets_point_at_the_committed_schema() {
    for rel in DATASETS {
        let d = dataset(rel);
        assert_eq!(
            d.schema.as_deref(),
            Some("strategy.schema.json"),
            "{rel}: \"$schema\" must be \"strategy.schema.json\" (the file beside it)"
        );
    }
    assert!(root().join("data/strategy.schema.json").is_file());
}

#[test]
fn committed_schema_is_up_to_date() {
    let committed = String::from_utf8(read("data/strategy.schema.json")).expect("UTF-8");
    assert!(
        committed == schema_json(),
        "data/strategy.schema.json is out of date with the Rust types in src/model/types/.\n\
         Regenerate it with:\n    cargo run --bin jrs-data -- schema > data/strategy.schema.json"
    );
}

// The files are checked against the schema by an independent implementation in
// tests/json_schema.rs.

fn schema() -> Value {
    serde_json::from_slice(&read("data/strategy.schema.json")).expect("the schema is JSON")
}

#[test]
fn schema_describes_every_top_level_field() {
    let s = schema();
    let props = s["properties"].as_object().expect("properties");
    for key in [
        "$schema",
        "meta",
        "sources",
        "pillars",
        "goals",
        "strategies",
        "hazards",
        "rankings",
        "focus_areas",
        "crf",
        "actions",
        "areas",
        "timeline",
    ] {
        assert!(props.contains_key(key), "the schema lacks {key}");
    }
}

/// The overview's coverage table links each count to a filtered list: for every pillar and
/// shock or stress of both datasets, that list holds exactly as many actions as the cell says.
#[test]
fn coverage_cells_link_to_lists_of_their_count() {
    use jrs::model::coverage::{cell_filters, coverage_matrix};
    use jrs::model::Index;
    for rel in DATASETS {
        let d = dataset(rel);
        let index = Index::new(&d);
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let m = coverage_matrix(&d, &all);
        assert!(m.max() > 0, "{rel}: some cell has actions");
        for row in &m.rows {
            for (col, hazard) in m.columns.iter().enumerate() {
                let f = cell_filters(&d, &row.id, hazard).expect("matrix columns are hazards");
                let listed = index.matching(&d, &f).len();
                assert_eq!(listed, row.counts[col], "{rel}: {} × {hazard}", row.id);
            }
        }
    }
}

#[test]
fn the_tie_facet_keeps_what_a_source_ties_to_the_strategy_itself() {
    use jrs::model::{Facet, Filters, Index, ViewState};
    let d = dataset("data/jakarta.json");
    let index = Index::new(&d);
    let expected: Vec<&str> = d
        .actions
        .iter()
        .filter(|a| a.tie == Some(Tie::Strategy))
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(
        expected.len(),
        4,
        "the data ties four initiatives to the strategy itself"
    );
    let f = Filters::only(Facet::Tie, "strategy");
    let ids: Vec<&str> = index
        .matching(&d, &f)
        .into_iter()
        .map(|i| d.actions[i].id.as_str())
        .collect();
    assert_eq!(ids, expected);
    // The panel offers every tie, with the count each would leave.
    let codes: Vec<&str> = index
        .options(Facet::Tie)
        .iter()
        .map(|o| o.value.as_str())
        .collect();
    assert_eq!(codes, Tie::ALL.map(|t| t.code()));
    let counts = index.facet_counts(&d, &Filters::default());
    let total: usize = Tie::ALL
        .iter()
        .map(|t| counts.get(Facet::Tie, t.code()))
        .sum();
    assert_eq!(
        total,
        d.actions.len(),
        "every initiative has exactly one tie"
    );
    // The filter is part of the link; a value that is no tie is dropped with a notice.
    let (state, notices) = ViewState::from_query("?view=actions&tie=strategy,nope");
    assert_eq!(state.filters.values(Facet::Tie), ["strategy"]);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        state.to_query().contains("tie=strategy"),
        "{}",
        state.to_query()
    );
    // A dataset that records no ties offers no tie filter.
    let chennai = dataset("data/chennai.json");
    assert!(chennai.actions.iter().all(|a| a.tie.is_none()));
    assert!(Index::new(&chennai).options(Facet::Tie).is_empty());
}
