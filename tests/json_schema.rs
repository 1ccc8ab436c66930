//! The committed JSON Schema (`data/strategy.schema.json`) checked by an independent
//! implementation, the `jsonschema` crate: every bundled dataset passes it, and every
//! invalid fixture the schema can express is rejected by the schema and by the validator.
//! The fixtures it cannot express (references to ids elsewhere in the file, duplicate ids,
//! dates that do not exist, relations between fields) are listed here, checked to pass the
//! schema, and left to the validator alone, as DATA.md says.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use jrs::model::load_bytes;
use serde_json::Value;

mod support;

use support::root;

fn read_json(path: &Path) -> Option<Value> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).ok()
}

fn validator() -> jsonschema::Validator {
    let schema = read_json(&root().join("data/strategy.schema.json")).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the committed schema compiles")
}

/// The schema's complaints about a file, as "path: message" lines.
fn schema_errors(v: &jsonschema::Validator, path: &Path) -> Vec<String> {
    let instance = read_json(path).expect("JSON");
    v.iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Fixtures with a rule the schema cannot express: the validator alone rejects them.
const VALIDATOR_ONLY: &[&str] = &[
    "17-duplicate-id-pillars",
    "18-duplicate-id-sources",
    "19-duplicate-id-goals",
    "20-duplicate-id-strategies",
    "21-duplicate-id-hazards",
    "22-duplicate-id-focus-areas",
    "23-duplicate-id-crf-dimensions",
    "24-duplicate-id-crf-drivers",
    "25-duplicate-id-crf-qualities",
    "26-duplicate-id-actions",
    "27-duplicate-id-areas",
    "28-duplicate-id-timeline",
    "29-duplicate-id-targets",
    "30-duplicate-reference",
    "31-dangling-action-pillar",
    "32-dangling-action-goal",
    "33-dangling-action-strategy",
    "34-dangling-action-hazard",
    "35-dangling-action-focus-area",
    "36-dangling-action-crf-driver",
    "37-dangling-action-crf-quality",
    "38-dangling-action-area",
    "39-dangling-action-source",
    "40-dangling-goal-pillar",
    "41-dangling-strategy-goal",
    "42-dangling-driver-dimension",
    "43-dangling-area-parent",
    "44-dangling-focus-area-pillar",
    "45-dangling-meta-source",
    "46-dangling-declared-counts-source",
    "47-dangling-timeline-source",
    "49-empty-provenance-note",
    "51-area-parent-wrong-level",
    "52-region-with-parent",
    "53-kelurahan-without-parent",
    "58-impossible-date",
    "64-timeframe-end-before-start",
    "66-empty-title",
];

/// Not JSON at all: refused before any schema applies.
const NOT_JSON: &[&str] = &["01-json-syntax"];

/// Datasets that load with a warning only; the schema accepts them too.
const WARNINGS_SCHEMA_ACCEPTS: &[&str] = &[
    "74-warning-missing-translation",
    "75-warning-declared-counts",
    "78-warning-direction-control",
];

/// An unknown field: the schema rejects it (`additionalProperties: false`, so an editor sees
/// a misspelt field at once); the explorer still opens the file and names the field in a
/// warning. See DATA.md, "Unknown fields".
const UNKNOWN_FIELDS: &[&str] = &[
    "76-warning-unknown-top-level-field",
    "77-warning-unknown-nested-field",
];

#[test]
fn bundled_datasets_and_the_minimal_fixture_pass_the_schema() {
    let v = validator();
    let mut checked = 0;
    for entry in std::fs::read_dir(root().join("data")).expect("data/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") && !path.ends_with("strategy.schema.json")
        {
            let errors = schema_errors(&v, &path);
            assert!(
                errors.is_empty(),
                "{}:\n{}",
                path.display(),
                errors.join("\n")
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 2,
        "data/jakarta.json and data/chennai.json at least"
    );
    let minimal = root().join("tests/fixtures/valid/minimal.json");
    let errors = schema_errors(&v, &minimal);
    assert!(errors.is_empty(), "minimal.json:\n{}", errors.join("\n"));
}

#[test]
fn every_invalid_fixture_is_rejected_by_schema_and_validator_or_listed() {
    let v = validator();
    let dir = root().join("tests/fixtures/invalid");
    let mut names = BTreeSet::new();
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file name")
            .to_string();
        names.insert(name.clone());
        let n = name.as_str();
        if NOT_JSON.contains(&n) {
            if read_json(&path).is_some() {
                failures.push(format!("{n}: listed as not JSON, but it parses"));
            }
            continue;
        }
        let schema = schema_errors(&v, &path);
        let outcome = load_bytes(&std::fs::read(&path).expect("read"));
        let validator_errors = outcome.errors().count();
        let warnings = outcome.warnings().count();
        if WARNINGS_SCHEMA_ACCEPTS.contains(&n) {
            if !schema.is_empty() || validator_errors > 0 || warnings == 0 {
                failures.push(format!("{n}: expected schema pass and a warning only; schema {schema:?}, {validator_errors} errors, {warnings} warnings"));
            }
        } else if UNKNOWN_FIELDS.contains(&n) {
            if schema.is_empty() || validator_errors > 0 || warnings == 0 {
                failures.push(format!("{n}: expected the schema to reject it and the validator to warn; schema {schema:?}, {validator_errors} errors, {warnings} warnings"));
            }
        } else if VALIDATOR_ONLY.contains(&n) {
            // Listed as beyond the schema: it must really pass the schema (else move it to
            // the expressed rules), and the validator must reject it.
            if !schema.is_empty() || validator_errors == 0 {
                failures.push(format!("{n}: listed as validator-only; schema {schema:?}, {validator_errors} validator errors"));
            }
        } else if schema.is_empty() || validator_errors == 0 {
            failures.push(format!("{n}: the schema must reject it and so must the validator; schema {schema:?}, {validator_errors} validator errors"));
        }
    }
    for listed in VALIDATOR_ONLY
        .iter()
        .chain(NOT_JSON)
        .chain(WARNINGS_SCHEMA_ACCEPTS)
        .chain(UNKNOWN_FIELDS)
    {
        if !names.contains(*listed) {
            failures.push(format!(
                "{listed}: listed here but there is no such fixture"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Most fixtures are expressed by the schema.
    assert!(names.len() - VALIDATOR_ONLY.len() - NOT_JSON.len() > 30);
}

/// Breaks one rule in a copy of the minimal dataset.
type Breaker = fn(&mut Value);

#[test]
fn the_schema_rejects_what_the_issue_found_it_accepting() {
    // An unknown field, the date "30 Aug 2019" and the centroid [999, 999]: each must be
    // refused by the schema at its own path.
    let v = validator();
    let base = read_json(&root().join("tests/fixtures/valid/minimal.json")).expect("JSON");
    let cases: [(&str, Breaker); 5] = [
        ("/meta", |d| {
            d["meta"]["colour"] = Value::from("red");
        }),
        ("/timeline/0/date", |d| {
            d["timeline"][0]["date"] = Value::from("30 Aug 2019");
        }),
        ("/areas/0/centroid/0", |d| {
            d["areas"][0]["centroid"] = serde_json::json!([999, 999]);
        }),
        ("/pillars/0/id", |d| {
            d["pillars"][0]["id"] = Value::from("a pillar");
        }),
        ("/sources/0/url", |d| {
            d["sources"][0]["url"] = Value::from("javascript:alert(1)");
        }),
    ];
    for (at, break_it) in cases {
        let mut d = base.clone();
        break_it(&mut d);
        let paths: Vec<String> = v
            .iter_errors(&d)
            .map(|e| e.instance_path().to_string())
            .collect();
        assert!(
            paths.iter().any(|p| p == at),
            "expected a schema error at {at}, got {paths:?}"
        );
    }
}
