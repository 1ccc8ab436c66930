//! Reading a dataset's lists record by record, so every bad record is reported with its
//! exact JSON path, and warning about fields the record types do not know.

use super::serde_words::{allowed_words, kind_of, missing_field, type_message, ALLOWED_WORDS};
use super::tracked;
use crate::model::problem::{quote, Message, Problem, Severity};
use crate::model::validate::{Collector, Unread};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The state of one reading: problems so far and the records that could not be read.
pub(super) struct Reader {
    pub(super) out: Collector,
    pub(super) unread: Unread,
}

impl Reader {
    /// Reads one list, record by record, so that every bad record is reported.
    pub(super) fn list<T: DeserializeOwned>(
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
                    self.out.push(Problem::error(
                        path,
                        "missing: expected a list",
                        "tidak ada: seharusnya daftar",
                    ));
                }
                Vec::new()
            }
            Some(other) => {
                let (en, id) = kind_of(&other);
                self.out.push(Problem::error(
                    path,
                    format!("expected a list, found {en}"),
                    format!("seharusnya daftar, ditemukan {id}"),
                ));
                self.unread.whole.insert(path);
                Vec::new()
            }
        }
    }

    /// Converts one value to a typed record, reporting the exact path of a type error and
    /// any field the record type does not know.
    pub(super) fn typed<T: DeserializeOwned>(&mut self, path: &str, v: Value) -> Option<T> {
        match tracked::read::<T>(&v) {
            Ok((t, unknown)) => {
                for u in unknown {
                    let parent = within(path, &u.parent);
                    self.out.push(unknown_field(field_path(&parent, &u.key)));
                }
                Some(t)
            }
            Err(_) if self.out.errors_full() => {
                self.out.omit_error();
                None
            }
            Err(e) => {
                let mut full = within(path, &e.place);
                let raw = e.error.to_string();
                let raw = match raw.rfind(" at line ") {
                    Some(i) => &raw[..i],
                    None => &raw[..],
                };
                let mut message = match missing_field(raw) {
                    Some(field) => {
                        full = format!("{full}.{field}");
                        Message::new(
                            "missing: this field is required",
                            "tidak ada: bidang ini wajib diisi",
                        )
                    }
                    None => type_message(raw),
                };
                if let Some(words) = allowed_words(&full) {
                    let (any_en, any_id) = ALLOWED_WORDS;
                    message.en = message
                        .en
                        .replace(any_en, &format!("one of the words {words}"));
                    message.id = message
                        .id
                        .replace(any_id, &format!("salah satu kata {words}"));
                }
                if full.ends_with(".centroid") || full.contains(".centroid[") {
                    message.en.push_str(" (centroid is [longitude, latitude])");
                    message.id.push_str(" (centroid adalah [bujur, lintang])");
                }
                self.out.push(Problem::new(Severity::Error, full, message));
                None
            }
        }
    }
}

/// The path of `inner` (a place inside a record: `a.b[2]`, `.` or empty for the record) below
/// the record's own `path`.
fn within(path: &str, inner: &str) -> String {
    if inner == "." || inner.is_empty() {
        path.to_string()
    } else if inner.starts_with('[') {
        format!("{path}{inner}")
    } else {
        format!("{path}.{inner}")
    }
}

/// The warning for a field no record type knows.
pub(super) fn unknown_field(path: String) -> Problem {
    Problem::warning(
        path,
        "unknown field, ignored (check its spelling)",
        "bidang tidak dikenal, diabaikan (periksa ejaannya)",
    )
}

/// `path.key`, or `path["key"]` (shortened, escaped) when the key is not a plain name.
pub(super) fn field_path(path: &str, key: &str) -> String {
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
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_quote_odd_keys() {
        assert_eq!(field_path("", "extra"), "extra");
        assert_eq!(field_path("actions[0]", "colour"), "actions[0].colour");
        assert_eq!(field_path("actions[0]", "a b"), "actions[0][\"a b\"]");
        assert_eq!(field_path("", "\u{202e}x"), "[\"\\u{202e}x\"]");
    }
}
