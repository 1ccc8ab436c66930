//! Reading a dataset from JSON text: syntax errors with line and column, type errors with
//! their JSON path in plain words (every bad record is reported, not only the first),
//! unknown fields as warnings, then validation.

use super::problem::{quote, Problem, Severity};
use super::types::*;
use super::validate::{validate_into, Collector, Unread};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

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
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return LoadOutcome::failed(vec![Problem::error(
            "line 1, column 1",
            "the file is UTF-16 text: save it as UTF-8",
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
        return LoadOutcome::failed(vec![Problem::error("(file)", "the file is empty")]);
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let column = char_column(text, e.line(), e.column());
            return LoadOutcome::failed(vec![Problem::error(
                format!("line {}, column {column}", e.line()),
                format!("JSON syntax: {}", syntax_message(&e, text)),
            )]);
        }
    };
    load_value(value)
}

/// The 1-based line `line` of `text`.
fn nth_line(text: &str, line: usize) -> &str {
    text.split('\n').nth(line.saturating_sub(1)).unwrap_or("")
}

/// Converts serde_json's byte column to a character column (as editors count).
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let l = nth_line(text, line);
    let mut end = byte_column.min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    let chars = l[..end].chars().count();
    // serde_json's column is the byte just read; at a character boundary it is 1-based.
    if end == byte_column {
        chars.max(1)
    } else {
        chars + 1
    }
}

fn syntax_message(e: &serde_json::Error, text: &str) -> String {
    // serde_json appends " at line X column Y"; the path already says where.
    let s = e.to_string();
    let s = match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    };
    if s == "recursion limit exceeded" {
        return "the data is nested too deeply (at most 128 levels of lists and objects)"
            .to_string();
    }
    if let Some(inside) = s.strip_prefix("EOF while parsing ") {
        return format!("the file ends too early, inside {inside} (is it cut off?)");
    }
    // Point out the usual culprits of hand-written or exported JSON, found where the
    // error is.
    let l = nth_line(text, e.line());
    let mut start = e.column().saturating_sub(1).min(l.len());
    while !l.is_char_boundary(start) {
        start -= 1;
    }
    let here = &l[start..];
    let rest = here.trim_start_matches(['-', '+']);
    if ["NaN", "Infinity", "undefined"]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        return format!("{s}: NaN, Infinity and undefined are not JSON (write null or a number)");
    }
    if here.starts_with('\'') {
        return format!("{s}: strings must be in double quotes (\"), not single quotes");
    }
    if here.starts_with("//") || here.starts_with("/*") {
        return format!("{s}: JSON does not allow comments");
    }
    s
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
    let mut r = Reader {
        out: Collector::default(),
        unread: Unread::default(),
    };

    let schema = match root.remove("$schema") {
        Some(Value::String(s)) => Some(s),
        Some(Value::Null) | None => None,
        Some(other) => {
            r.out.push(Problem::error(
                "$schema",
                format!("expected a string, found {}", kind_of(&other)),
            ));
            None
        }
    };
    let meta: Option<Meta> = match root.remove("meta") {
        Some(v) => r.typed("meta", v),
        None => {
            r.out
                .push(Problem::error("meta", "missing: every dataset needs meta"));
            None
        }
    };
    let sources = r.list::<Source>(&mut root, "sources", true);
    let pillars = r.list::<Pillar>(&mut root, "pillars", true);
    let goals = r.list::<Goal>(&mut root, "goals", false);
    let strategies = r.list::<Strategy>(&mut root, "strategies", false);
    let hazards = r.list::<Hazard>(&mut root, "hazards", false);
    let focus_areas = r.list::<FocusArea>(&mut root, "focus_areas", false);
    let crf = match root.remove("crf") {
        Some(Value::Object(mut c)) => {
            let crf = Crf {
                dimensions: r.list(&mut c, "crf.dimensions", false),
                drivers: r.list(&mut c, "crf.drivers", false),
                qualities: r.list(&mut c, "crf.qualities", false),
            };
            for key in c.keys() {
                r.out.push(Problem::warning(
                    field_path("crf", key),
                    "unknown field, ignored (check its spelling)",
                ));
            }
            crf
        }
        Some(Value::Null) | None => Crf::default(),
        Some(other) => {
            r.out.push(Problem::error(
                "crf",
                format!(
                    "expected an object with dimensions, drivers and qualities, found {}",
                    kind_of(&other)
                ),
            ));
            r.unread
                .whole
                .extend(["crf.dimensions", "crf.drivers", "crf.qualities"]);
            Crf::default()
        }
    };
    let actions = r.list::<Action>(&mut root, "actions", false);
    let areas = r.list::<Area>(&mut root, "areas", false);
    let timeline = r.list::<TimelineEvent>(&mut root, "timeline", false);
    for key in root.keys() {
        r.out.push(Problem::warning(
            field_path("", key),
            "unknown field, ignored (check its spelling)",
        ));
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

/// The state of one reading: problems so far and the records that could not be read.
struct Reader {
    out: Collector,
    unread: Unread,
}

impl Reader {
    /// Reads one list, record by record, so that every bad record is reported.
    fn list<T: DeserializeOwned + Serialize>(
        &mut self,
        obj: &mut serde_json::Map<String, Value>,
        path: &'static str,
        required: bool,
    ) -> Vec<T> {
        let key = path.rsplit('.').next().unwrap_or(path);
        match obj.remove(key) {
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, v) in items.into_iter().enumerate() {
                    let id = match &v {
                        Value::Object(o) => o.get("id").and_then(Value::as_str).map(str::to_owned),
                        _ => None,
                    };
                    match self.typed(&format!("{path}[{i}]"), v) {
                        Some(t) => out.push(t),
                        None => {
                            *self.unread.counts.entry(path).or_default() += 1;
                            if let Some(id) = id {
                                self.unread.ids.entry(path).or_default().insert(id);
                            }
                        }
                    }
                }
                out
            }
            Some(Value::Null) | None => {
                if required {
                    self.out
                        .push(Problem::error(path, "missing: expected a list"));
                }
                Vec::new()
            }
            Some(other) => {
                self.out.push(Problem::error(
                    path,
                    format!("expected a list, found {}", kind_of(&other)),
                ));
                self.unread.whole.insert(path);
                Vec::new()
            }
        }
    }

    /// Converts one value to a typed record, reporting the exact path of a type error and
    /// any field the record type does not know.
    fn typed<T: DeserializeOwned + Serialize>(&mut self, path: &str, v: Value) -> Option<T> {
        match serde_path_to_error::deserialize::<_, T>(&v) {
            Ok(t) => {
                // What serde ignored is what the typed record does not write back.
                if let Ok(back) = serde_json::to_value(&t) {
                    unknown_fields(path, &v, &back, &mut self.out);
                }
                Some(t)
            }
            Err(_) if self.out.errors_full() => {
                self.out.omit_error();
                None
            }
            Err(e) => {
                let inner = e.path().to_string();
                let mut full = if inner == "." || inner.is_empty() {
                    path.to_string()
                } else if inner.starts_with('[') {
                    format!("{path}{inner}")
                } else {
                    format!("{path}.{inner}")
                };
                let raw = e.into_inner().to_string();
                let raw = match raw.rfind(" at line ") {
                    Some(i) => &raw[..i],
                    None => &raw[..],
                };
                let mut message = match missing_field(raw) {
                    Some(field) => {
                        full = format!("{full}.{field}");
                        "missing: this field is required".to_string()
                    }
                    None => type_message(raw),
                };
                if let Some(words) = allowed_words(&full) {
                    message = message.replace(
                        "one of the allowed words (as text)",
                        &format!("one of the words {words}"),
                    );
                }
                if full.ends_with(".centroid") || full.contains(".centroid[") {
                    message.push_str(" (centroid is [longitude, latitude])");
                }
                self.out.push(Problem::error(full, message));
                None
            }
        }
    }
}

/// Warns about keys of `given` that the typed record did not keep (`back`). Keys a record
/// skips when writing (absent options, `false` flags) are only accepted as null or false.
fn unknown_fields(path: &str, given: &Value, back: &Value, out: &mut Collector) {
    match (given, back) {
        (Value::Object(g), Value::Object(b)) => {
            for (k, v) in g {
                match b.get(k) {
                    Some(bv) => unknown_fields(&field_path(path, k), v, bv, out),
                    None if v.is_null() || *v == Value::Bool(false) => {}
                    None => out.push(Problem::warning(
                        field_path(path, k),
                        "unknown field, ignored (check its spelling)",
                    )),
                }
            }
        }
        (Value::Array(g), Value::Array(b)) => {
            for (i, (gv, bv)) in g.iter().zip(b).enumerate() {
                unknown_fields(&format!("{path}[{i}]"), gv, bv, out);
            }
        }
        _ => {}
    }
}

/// `path.key`, or `path["key"]` (shortened, escaped) when the key is not a plain name.
fn field_path(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key.len() <= 60
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '$');
    match (path.is_empty(), plain) {
        (true, true) => key.to_string(),
        (false, true) => format!("{path}.{key}"),
        (_, false) => format!("{path}[{}]", quote(key)),
    }
}

/// The words an enumerated field accepts, by the field's name in `path`.
fn allowed_words(path: &str) -> Option<String> {
    let field = path.rsplit('.').next().unwrap_or(path);
    let join = |codes: &[&str]| codes.join(", ");
    Some(match field {
        "status" => join(&Status::ALL.map(Status::code)),
        "level" => join(&AreaLevel::ALL.map(AreaLevel::code)),
        "kind" if path.contains("provenance") => {
            join(&ProvenanceKind::ALL.map(ProvenanceKind::code))
        }
        "kind" => join(&["shock", "stress"]),
        "editor_translated" => join(&["id", "en"]),
        "actions_are" => join(&["strategy_actions", "aligned_initiatives"]),
        _ => return None,
    })
}

/// The field named by serde's "missing field `x`".
fn missing_field(raw: &str) -> Option<&str> {
    raw.strip_prefix("missing field `")?.strip_suffix('`')
}

/// serde's wording ("invalid type: string \"x\", expected u32") in plain words.
fn type_message(raw: &str) -> String {
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        if let Some(i) = rest.rfind(", expected ") {
            return format!(
                "expected {}, found {}",
                expected_phrase(&rest[i + 11..]),
                found_phrase(&rest[..i])
            );
        }
    }
    if let Some(rest) = raw.strip_prefix("invalid value: ") {
        if let Some(i) = rest.rfind(", expected ") {
            return format!(
                "expected {}, found {}",
                expected_phrase(&rest[i + 11..]),
                found_phrase(&rest[..i])
            );
        }
    }
    if let Some(rest) = raw.strip_prefix("invalid length ") {
        if rest.contains(", expected struct ") {
            return "expected an object, found a list".to_string();
        }
        if let Some((n, expected)) = rest.split_once(", expected ") {
            return format!("expected {}, found {n} items", expected_phrase(expected));
        }
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        if let Some((value, expected)) = rest.split_once("`, expected ") {
            let options = expected.trim_start_matches("one of ").replace('`', "");
            return format!("unknown value {} (allowed: {options})", quote(value));
        }
    }
    if let Some(rest) = raw.strip_prefix("duplicate field `") {
        return format!(
            "the field {} is given twice",
            quote(rest.trim_end_matches('`'))
        );
    }
    // Anything else: serde's words, shortened.
    let short: String = raw.chars().take(200).collect();
    short
}

fn expected_phrase(e: &str) -> String {
    match e {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number (0 or more)".to_string(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".to_string(),
        "f32" | "f64" => "a number".to_string(),
        "a boolean" => "true or false".to_string(),
        "a sequence" => "a list".to_string(),
        _ => {
            if let Some(n) = e.strip_prefix("an array of length ") {
                format!("a list of {n} items")
            } else if e == "fewer elements in array" {
                "fewer items in the list".to_string()
            } else if e == "struct Text" {
                "an object with the text in each language, like {\"id\": \"…\", \"en\": \"…\"}"
                    .to_string()
            } else if e.starts_with("struct ") || e.starts_with("a map") {
                "an object".to_string()
            } else if e.starts_with("enum ") || e == "variant identifier" || e == "string or map" {
                "one of the allowed words (as text)".to_string()
            } else {
                e.to_string()
            }
        }
    }
}

fn found_phrase(f: &str) -> String {
    let unquote = |s: &str| s.trim_start_matches('`').trim_end_matches('`').to_string();
    if let Some(s) = f.strip_prefix("string ") {
        // serde quotes strings with Debug formatting; re-quote from the raw text, shortened.
        let inner = s
            .strip_prefix('"')
            .and_then(|x| x.strip_suffix('"'))
            .unwrap_or(s);
        let shown: String = inner.chars().take(60).collect();
        let more = if inner.chars().count() > 60 {
            "…"
        } else {
            ""
        };
        return format!("the text \"{shown}{more}\"");
    }
    if let Some(n) = f.strip_prefix("integer ") {
        return unquote(n);
    }
    if let Some(n) = f.strip_prefix("floating point ") {
        return unquote(n);
    }
    if let Some(b) = f.strip_prefix("boolean ") {
        return unquote(b);
    }
    match f {
        "map" => "an object".to_string(),
        "sequence" => "a list".to_string(),
        "null" | "unit" => "null".to_string(),
        other => other.chars().take(60).collect(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_in_plain_words() {
        assert_eq!(
            type_message("invalid type: string \"95\", expected u32"),
            "expected a whole number (0 or more), found the text \"95\""
        );
        assert_eq!(
            type_message("invalid value: integer `-5`, expected u64"),
            "expected a whole number (0 or more), found -5"
        );
        assert_eq!(
            type_message("invalid length 3, expected an array of length 2"),
            "expected a list of 2 items, found 3 items"
        );
        assert_eq!(
            type_message(
                "unknown variant `done`, expected one of `planned`, `ongoing`, `completed`, `unknown`"
            ),
            "unknown value \"done\" (allowed: planned, ongoing, completed, unknown)"
        );
        assert_eq!(missing_field("missing field `sources`"), Some("sources"));
    }

    #[test]
    fn allowed_words_are_the_types_words() {
        fn all_parse<T: DeserializeOwned>(path: &str) {
            let words = allowed_words(path).expect("an enumerated field");
            for w in words.split(", ") {
                assert!(
                    serde_json::from_value::<T>(Value::from(w)).is_ok(),
                    "{path}: {w}"
                );
            }
        }
        all_parse::<Status>("actions[0].status");
        all_parse::<AreaLevel>("areas[0].level");
        all_parse::<ProvenanceKind>("actions[0].provenance.kind");
        all_parse::<HazardKind>("hazards[0].kind");
        all_parse::<Lang>("meta.title.editor_translated");
        all_parse::<ActionsAre>("meta.actions_are");
    }

    #[test]
    fn syntax_errors_are_located_in_characters() {
        // "x" is the 14th character of line 2, but its 17th byte.
        let text = "{\n  \"a\": \"é€\", x}";
        let outcome = load_str(text);
        assert_eq!(outcome.problems[0].path, "line 2, column 14");
        assert_eq!(
            outcome.problems[0].message,
            "JSON syntax: key must be a string"
        );
    }

    #[test]
    fn field_paths_quote_odd_keys() {
        assert_eq!(field_path("", "extra"), "extra");
        assert_eq!(field_path("actions[0]", "colour"), "actions[0].colour");
        assert_eq!(field_path("actions[0]", "a b"), "actions[0][\"a b\"]");
        assert_eq!(field_path("", "\u{202e}x"), "[\"\\u{202e}x\"]");
    }
}
