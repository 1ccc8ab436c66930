//! Reading a dataset from JSON text: syntax errors with line and column, type errors with
//! their JSON path in plain words (every bad record is reported, not only the first),
//! unknown fields as warnings, then validation.
//! The reading of records and the wording of type errors live in the files of this folder.

pub mod lean;
mod reader;
mod serde_words;
mod syntax;
mod tracked;

use super::problem::{Problem, Severity};
use super::types::*;
use super::validate::{validate_into, Collector, Unread};
use reader::{field_path, unknown_field, Reader};
use serde_json::Value;
use serde_words::kind_of;
use syntax::{char_column, syntax_message};

/// Largest dataset accepted, in bytes. Larger files are refused with a clear error rather
/// than freezing a phone.
pub const MAX_DATASET_BYTES: usize = 8 * 1024 * 1024;

/// What loading a dataset gives: the dataset when it has no errors, and every problem.
#[derive(Debug, Clone)]
pub struct LoadOutcome {
    /// The dataset, when it could be read and has no errors.
    pub dataset: Option<Dataset>,
    /// All problems found: errors first, then warnings, each in document order; past
    /// [`super::validate::MAX_PROBLEMS`], a last `(more)` problem counts the rest.
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

    pub(crate) fn failed(problems: Vec<Problem>) -> LoadOutcome {
        LoadOutcome {
            dataset: None,
            problems,
        }
    }
}

/// Reads and validates a dataset from bytes (checks size and UTF-8 first).
pub fn load_bytes(bytes: &[u8]) -> LoadOutcome {
    if bytes.len() > MAX_DATASET_BYTES {
        return LoadOutcome::failed(vec![lean::too_large(bytes.len())]);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return LoadOutcome::failed(vec![Problem::error(
            "line 1, column 1",
            "the file is UTF-16 text: save it as UTF-8",
            "berkasnya teks UTF-16: simpan sebagai UTF-8",
        )]);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(text),
        Err(e) => {
            let upto = &bytes[..e.valid_up_to()];
            let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            // The valid prefix is UTF-8, so columns count characters as editors do.
            let column =
                std::str::from_utf8(&upto[line_start..]).map_or(0, |s| s.chars().count()) + 1;
            LoadOutcome::failed(vec![Problem::error(
                format!("line {line}, column {column}"),
                "the file is not valid UTF-8 text (save it as UTF-8)",
                "berkasnya bukan teks UTF-8 yang sah (simpan sebagai UTF-8)",
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
    if text.trim().is_empty() {
        return LoadOutcome::failed(vec![Problem::error(
            "(file)",
            "the file is empty",
            "berkasnya kosong",
        )]);
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let column = char_column(text, e.line(), e.column());
            let m = syntax_message(&e, text);
            return LoadOutcome::failed(vec![Problem::error(
                format!("line {}, column {column}", e.line()),
                format!("JSON syntax: {}", m.en),
                format!("sintaks JSON: {}", m.id),
            )]);
        }
    };
    load_value(value)
}

/// Reads and validates a dataset from a parsed JSON value.
pub fn load_value(value: Value) -> LoadOutcome {
    let Value::Object(mut root) = value else {
        let (en, id) = kind_of(&value);
        return LoadOutcome::failed(vec![Problem::error(
            "(root)",
            format!(
                "expected a JSON object with meta, sources, pillars, hazards, actions…; found {en}"
            ),
            format!(
                "seharusnya objek JSON berisi meta, sources, pillars, hazards, actions…; \
                 ditemukan {id}"
            ),
        )]);
    };
    let mut r = Reader {
        out: Collector::default(),
        unread: Unread::default(),
    };

    let schema = match root.remove("$schema") {
        Some(Value::String(s)) => Some(s),
        Some(Value::Null) | None => None,
        Some(other) => {
            let (en, id) = kind_of(&other);
            r.out.push(Problem::error(
                "$schema",
                format!("expected a string, found {en}"),
                format!("seharusnya teks, ditemukan {id}"),
            ));
            None
        }
    };
    let meta: Option<Meta> = match root.remove("meta") {
        Some(v) => r.typed("meta", v),
        None => {
            r.out.push(Problem::error(
                "meta",
                "missing: every dataset needs meta",
                "tidak ada: setiap dataset memerlukan meta",
            ));
            None
        }
    };
    let sources = r.list::<Source>(&mut root, "sources", true);
    let pillars = r.list::<Pillar>(&mut root, "pillars", true);
    let goals = r.list::<Goal>(&mut root, "goals", false);
    let strategies = r.list::<Strategy>(&mut root, "strategies", false);
    let hazards = r.list::<Hazard>(&mut root, "hazards", false);
    let rankings = r.list::<Ranking>(&mut root, "rankings", false);
    let focus_areas = r.list::<FocusArea>(&mut root, "focus_areas", false);
    let crf = match root.remove("crf") {
        Some(Value::Object(mut c)) => {
            let crf = Crf {
                dimensions: r.list(&mut c, "crf.dimensions", false),
                drivers: r.list(&mut c, "crf.drivers", false),
                qualities: r.list(&mut c, "crf.qualities", false),
            };
            for key in c.keys() {
                r.out.push(unknown_field(field_path("crf", key)));
            }
            crf
        }
        Some(Value::Null) | None => Crf::default(),
        Some(other) => {
            let (en, id) = kind_of(&other);
            r.out.push(Problem::error(
                "crf",
                format!("expected an object with dimensions, drivers and qualities, found {en}"),
                format!(
                    "seharusnya objek berisi dimensions, drivers dan qualities, ditemukan {id}"
                ),
            ));
            r.unread
                .whole
                .extend(["crf.dimensions", "crf.drivers", "crf.qualities"]);
            Crf::default()
        }
    };
    let actions = r.list::<Box<Action>>(&mut root, "actions", false);
    let areas = r.list::<Area>(&mut root, "areas", false);
    let timeline = r.list::<TimelineEvent>(&mut root, "timeline", false);
    for key in root.keys() {
        r.out.push(unknown_field(field_path("", key)));
    }

    let Some(meta) = meta else {
        return LoadOutcome::failed(r.out.finish());
    };
    let dataset = Dataset {
        schema,
        meta,
        sources,
        pillars,
        goals,
        strategies,
        hazards,
        rankings,
        focus_areas,
        crf,
        actions,
        areas,
        timeline,
    };
    validate_into(&dataset, &r.unread, &mut r.out);
    if r.out.has_errors() {
        LoadOutcome::failed(r.out.finish())
    } else {
        LoadOutcome {
            dataset: Some(dataset),
            problems: r.out.finish(),
        }
    }
}
