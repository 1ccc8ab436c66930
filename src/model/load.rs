//! Reading a dataset from JSON text: syntax errors with line and column, type errors with
//! their JSON path (every bad record is reported, not only the first), then validation.

use super::problem::{Problem, Severity};
use super::types::*;
use super::validate::validate;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Largest dataset accepted, in bytes. Larger files are refused with a clear error rather
/// than freezing a phone.
pub const MAX_DATASET_BYTES: usize = 8 * 1024 * 1024;

/// What loading a dataset gives: the dataset when it has no errors, and every problem.
#[derive(Debug, Clone)]
pub struct LoadOutcome {
    /// The dataset, when it could be read and has no errors.
    pub dataset: Option<Dataset>,
    /// All problems found (errors and warnings), in document order.
    pub problems: Vec<Problem>,
}

impl LoadOutcome {
    /// Problems that are errors.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }

    /// Problems that are warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
    }

    fn failed(problems: Vec<Problem>) -> LoadOutcome {
        LoadOutcome {
            dataset: None,
            problems,
        }
    }
}

/// Reads and validates a dataset from bytes (checks size and UTF-8 first).
pub fn load_bytes(bytes: &[u8]) -> LoadOutcome {
    if bytes.len() > MAX_DATASET_BYTES {
        return LoadOutcome::failed(vec![Problem::error(
            "(file)",
            format!(
                "the file is {} bytes; the largest dataset accepted is {} bytes",
                bytes.len(),
                MAX_DATASET_BYTES
            ),
        )]);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(text),
        Err(e) => {
            let upto = &bytes[..e.valid_up_to()];
            let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = upto.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
            LoadOutcome::failed(vec![Problem::error(
                format!("line {line}, column {column}"),
                "the file is not valid UTF-8 text (save it as UTF-8)",
            )])
        }
    }
}

/// Reads and validates a dataset from JSON text.
pub fn load_str(text: &str) -> LoadOutcome {
    if text.len() > MAX_DATASET_BYTES {
        return load_bytes(text.as_bytes());
    }
    // A byte-order mark is harmless: skip it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return LoadOutcome::failed(vec![Problem::error(
                format!("line {}, column {}", e.line(), e.column()),
                format!("JSON syntax: {}", syntax_message(&e)),
            )])
        }
    };
    load_value(value)
}

fn syntax_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line X column Y"; the path already says where.
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Reads and validates a dataset from a parsed JSON value.
pub fn load_value(value: Value) -> LoadOutcome {
    let Value::Object(mut root) = value else {
        return LoadOutcome::failed(vec![Problem::error(
            "(root)",
            format!(
                "expected a JSON object with meta, sources, pillars, hazards, actions…; found {}",
                kind_of(&value)
            ),
        )]);
    };
    let mut problems = Vec::new();

    let schema = match root.remove("$schema") {
        Some(Value::String(s)) => Some(s),
        Some(Value::Null) | None => None,
        Some(other) => {
            problems.push(Problem::error(
                "$schema",
                format!("expected a string, found {}", kind_of(&other)),
            ));
            None
        }
    };
    let meta: Option<Meta> = match root.remove("meta") {
        Some(v) => typed("meta", v, &mut problems),
        None => {
            problems.push(Problem::error("meta", "missing: every dataset needs meta"));
            None
        }
    };
    let sources = list::<Source>(&mut root, "sources", true, &mut problems);
    let pillars = list::<Pillar>(&mut root, "pillars", true, &mut problems);
    let goals = list::<Goal>(&mut root, "goals", false, &mut problems);
    let strategies = list::<Strategy>(&mut root, "strategies", false, &mut problems);
    let hazards = list::<Hazard>(&mut root, "hazards", false, &mut problems);
    let focus_areas = list::<FocusArea>(&mut root, "focus_areas", false, &mut problems);
    let crf = match root.remove("crf") {
        Some(Value::Object(mut c)) => Crf {
            dimensions: list(&mut c, "crf.dimensions", false, &mut problems),
            drivers: list(&mut c, "crf.drivers", false, &mut problems),
            qualities: list(&mut c, "crf.qualities", false, &mut problems),
        },
        Some(Value::Null) | None => Crf::default(),
        Some(other) => {
            problems.push(Problem::error(
                "crf",
                format!(
                    "expected an object with dimensions, drivers and qualities, found {}",
                    kind_of(&other)
                ),
            ));
            Crf::default()
        }
    };
    let actions = list::<Action>(&mut root, "actions", false, &mut problems);
    let areas = list::<Area>(&mut root, "areas", false, &mut problems);
    let timeline = list::<TimelineEvent>(&mut root, "timeline", false, &mut problems);
    for key in root.keys() {
        problems.push(Problem::warning(
            key.clone(),
            "unknown field, ignored (check its spelling)",
        ));
    }

    let Some(meta) = meta else {
        return LoadOutcome::failed(problems);
    };
    let dataset = Dataset {
        schema,
        meta,
        sources,
        pillars,
        goals,
        strategies,
        hazards,
        focus_areas,
        crf,
        actions,
        areas,
        timeline,
    };
    let had_type_errors = problems.iter().any(Problem::is_error);
    problems.extend(validate(&dataset));
    if had_type_errors || problems.iter().any(Problem::is_error) {
        LoadOutcome::failed(problems)
    } else {
        LoadOutcome {
            dataset: Some(dataset),
            problems,
        }
    }
}

/// Reads one list, record by record, so that every bad record is reported.
fn list<T: DeserializeOwned>(
    obj: &mut serde_json::Map<String, Value>,
    path: &str,
    required: bool,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    let key = path.rsplit('.').next().unwrap_or(path);
    match obj.remove(key) {
        Some(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .filter_map(|(i, v)| typed(&format!("{path}[{i}]"), v, problems))
            .collect(),
        Some(Value::Null) | None => {
            if required {
                problems.push(Problem::error(path, "missing: expected a list"));
            }
            Vec::new()
        }
        Some(other) => {
            problems.push(Problem::error(
                path,
                format!("expected a list, found {}", kind_of(&other)),
            ));
            Vec::new()
        }
    }
}

/// Converts one value to a typed record, reporting the exact path of a type error.
fn typed<T: DeserializeOwned>(path: &str, v: Value, problems: &mut Vec<Problem>) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(v) {
        Ok(t) => Some(t),
        Err(e) => {
            let inner = e.path().to_string();
            let full = if inner == "." || inner.is_empty() {
                path.to_string()
            } else if inner.starts_with('[') {
                format!("{path}{inner}")
            } else {
                format!("{path}.{inner}")
            };
            problems.push(Problem::error(full, type_message(&e.into_inner())));
            None
        }
    }
}

fn type_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    // serde's wording is "invalid type: string \"x\", expected u32"; keep it, minus position.
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// A plain name for the kind of a JSON value.
pub fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
