//! The bundled datasets (`data/jakarta.json`, `data/chennai.json`): they load without
//! errors, every action is sourced and has a provenance, Jakarta's counts and area tree are
//! what the research found, each file points at the committed JSON Schema, that schema is
//! the one generated from the Rust types, and the files follow it structurally.
//!
//! The structural check is a small JSON Schema reader written here for the keywords the
//! generated schema uses (`$ref`, `type`, `properties`, `required`, `items`, `minItems`,
//! `maxItems`, `const`, `enum`, `anyOf`, `oneOf`, `minimum`, integer `format`s): a full
//! validator crate would be a heavy dependency for one test.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{HashMap, HashSet};

use jrs::model::schema::schema_json;
use jrs::model::{load_bytes, ActionsAre, AreaLevel, ProvenanceKind};
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
    assert_eq!(
        count(ProvenanceKind::Confirmed),
        18,
        "linked to the strategy by a source"
    );
    assert_eq!(count(ProvenanceKind::Derived), 30, "linked by the editors");
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
        "data/strategy.schema.json is out of date with the Rust types in src/model/types.rs.\n\
         Regenerate it with:\n    cargo run --bin jrs-data -- schema > data/strategy.schema.json"
    );
}

// ---- structural check against the committed JSON Schema ---------------------------------

struct SchemaCheck<'a> {
    root: &'a Value,
    errors: Vec<String>,
    /// Keys the schema does not declare (the schema allows them; the datasets should not
    /// have any).
    undeclared: Vec<String>,
}

impl<'a> SchemaCheck<'a> {
    fn new(root: &'a Value) -> Self {
        SchemaCheck {
            root,
            errors: Vec::new(),
            undeclared: Vec::new(),
        }
    }

    fn resolve(&self, s: &'a Value) -> &'a Value {
        match s.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let name = r
                    .strip_prefix("#/$defs/")
                    .unwrap_or_else(|| panic!("unsupported $ref {r}"));
                let target = &self.root["$defs"][name];
                assert!(!target.is_null(), "$ref {r} points nowhere");
                self.resolve(target)
            }
            None => s,
        }
    }

    /// True when `v` matches schema `s`; problems go to `errors` only when `report`.
    fn check(&mut self, s: &'a Value, v: &Value, path: &str, report: bool) -> bool {
        let s = self.resolve(s);
        let mut ok = true;
        let fail = |me: &mut Self, msg: String| {
            if report {
                me.errors.push(format!("{path}: {msg}"));
            }
            false
        };
        for known in s.as_object().into_iter().flat_map(|o| o.keys()) {
            assert!(
                [
                    "$schema",
                    "title",
                    "description",
                    "type",
                    "properties",
                    "required",
                    "$defs",
                    "$ref",
                    "items",
                    "minItems",
                    "maxItems",
                    "const",
                    "enum",
                    "anyOf",
                    "oneOf",
                    "minimum",
                    "maximum",
                    "format",
                    "default",
                    "additionalProperties",
                ]
                .contains(&known.as_str()),
                "the schema uses {known:?}, which this checker does not understand"
            );
        }
        if let Some(t) = s.get("type") {
            let types: Vec<&str> = match t {
                Value::String(x) => vec![x.as_str()],
                Value::Array(xs) => xs.iter().filter_map(Value::as_str).collect(),
                _ => panic!("odd type {t}"),
            };
            let matches = |ty: &str| match ty {
                "object" => v.is_object(),
                "array" => v.is_array(),
                "string" => v.is_string(),
                "boolean" => v.is_boolean(),
                "null" => v.is_null(),
                "number" => v.is_number(),
                "integer" => v.is_i64() || v.is_u64(),
                other => panic!("unknown type {other}"),
            };
            if !types.iter().any(|ty| matches(ty)) {
                return fail(self, format!("expected {types:?}, found {v}"));
            }
        }
        if let Some(c) = s.get("const") {
            if c != v {
                return fail(self, format!("expected {c}, found {v}"));
            }
        }
        if let Some(Value::Array(options)) = s.get("enum") {
            if !options.contains(v) {
                return fail(self, format!("{v} is not one of {options:?}"));
            }
        }
        if let Some(n) = v.as_f64() {
            if let Some(min) = s.get("minimum").and_then(Value::as_f64) {
                if n < min {
                    ok = fail(self, format!("{n} < minimum {min}"));
                }
            }
            if let Some(max) = s.get("maximum").and_then(Value::as_f64) {
                if n > max {
                    ok = fail(self, format!("{n} > maximum {max}"));
                }
            }
            let range = match s.get("format").and_then(Value::as_str) {
                Some("uint32") => Some((0.0, u32::MAX as f64)),
                Some("int32") => Some((i32::MIN as f64, i32::MAX as f64)),
                Some("uint64") => Some((0.0, u64::MAX as f64)),
                _ => None,
            };
            if let Some((lo, hi)) = range {
                if n < lo || n > hi {
                    ok = fail(self, format!("{n} does not fit {}", s["format"]));
                }
            }
        }
        // A value under anyOf/oneOf is checked (and its fields listed) by the branch it
        // matches.
        for key in ["anyOf", "oneOf"] {
            if let Some(Value::Array(branches)) = s.get(key) {
                let branches: Vec<&'a Value> = branches.iter().collect();
                let matching: Vec<&'a Value> = branches
                    .iter()
                    .copied()
                    .filter(|sub| self.check(sub, v, path, false))
                    .collect();
                let enough = if key == "oneOf" {
                    matching.len() == 1
                } else {
                    !matching.is_empty()
                };
                if !enough {
                    return fail(
                        self,
                        format!("{v} matches {} branches of {key}", matching.len()),
                    );
                }
                if report {
                    self.check(matching[0], v, path, true);
                }
            }
        }
        if let Value::Object(obj) = v {
            if let Some(Value::Array(required)) = s.get("required") {
                for r in required.iter().filter_map(Value::as_str) {
                    if !obj.contains_key(r) {
                        ok = fail(self, format!("missing required {r}"));
                    }
                }
            }
            // Fields are listed by the level that declares properties (not by an
            // anyOf wrapper around it).
            let props = s.get("properties").and_then(Value::as_object);
            for (k, val) in obj.iter().filter(|_| props.is_some()) {
                match props.and_then(|p| p.get(k)) {
                    Some(sub) => ok &= self.check(sub, val, &format!("{path}.{k}"), report),
                    None => {
                        if s.get("additionalProperties") == Some(&Value::Bool(false)) {
                            ok = fail(self, format!("property {k} is not allowed"));
                        } else if report {
                            self.undeclared.push(format!("{path}.{k}"));
                        }
                    }
                }
            }
        }
        if let Value::Array(items) = v {
            if let Some(min) = s.get("minItems").and_then(Value::as_u64) {
                if (items.len() as u64) < min {
                    ok = fail(self, format!("{} items < minItems {min}", items.len()));
                }
            }
            if let Some(max) = s.get("maxItems").and_then(Value::as_u64) {
                if (items.len() as u64) > max {
                    ok = fail(self, format!("{} items > maxItems {max}", items.len()));
                }
            }
            if let Some(sub) = s.get("items") {
                for (i, item) in items.iter().enumerate() {
                    ok &= self.check(sub, item, &format!("{path}[{i}]"), report);
                }
            }
        }
        ok
    }
}

fn schema() -> Value {
    serde_json::from_slice(&read("data/strategy.schema.json")).expect("the schema is JSON")
}

fn check_against_schema(schema: &Value, rel: &str) -> (Vec<String>, Vec<String>) {
    let v: Value = serde_json::from_slice(&read(rel)).expect("JSON");
    let mut c = SchemaCheck::new(schema);
    c.check(schema, &v, "", true);
    (c.errors, c.undeclared)
}

#[test]
fn datasets_follow_the_committed_schema_structurally() {
    let schema = schema();
    for rel in DATASETS
        .iter()
        .copied()
        .chain(["tests/fixtures/valid/minimal.json"])
    {
        let (errors, undeclared) = check_against_schema(&schema, rel);
        assert!(errors.is_empty(), "{rel}:\n{}", errors.join("\n"));
        assert!(
            undeclared.is_empty(),
            "{rel} has fields the schema does not declare:\n{}",
            undeclared.join("\n")
        );
    }
}

#[test]
fn the_schema_check_can_fail() {
    let schema = schema();
    for (fixture, expected) in [
        ("09-wrong-type-count", ".timeline[0].participant_count"),
        ("12-negative-population", ".areas[0].population"),
        ("13-centroid-three-numbers", ".areas[1].centroid"),
        ("14-unknown-enum-status", ".actions[0].status"),
        (
            "07-missing-required-field",
            ".actions[0]: missing required title",
        ),
    ] {
        let (errors, _) =
            check_against_schema(&schema, &format!("tests/fixtures/invalid/{fixture}.json"));
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "{fixture}: expected a schema error at {expected}, got {errors:?}"
        );
    }
    let (_, undeclared) = check_against_schema(
        &schema,
        "tests/fixtures/invalid/77-warning-unknown-nested-field.json",
    );
    assert_eq!(undeclared, [".actions[0].colour"]);
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
        "focus_areas",
        "crf",
        "actions",
        "areas",
        "timeline",
    ] {
        assert!(props.contains_key(key), "the schema lacks {key}");
    }
}
