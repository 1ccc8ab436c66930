//! serde's wording of type errors ("invalid type: string \"x\", expected u32") in plain
//! words, and the words an enumerated field accepts.

use crate::model::problem::{msg, quote, Message};
use crate::model::types::*;
use serde_json::Value;

/// The words an enumerated field accepts, by the field's name in `path`.
pub(super) fn allowed_words(path: &str) -> Option<String> {
    let field = path.rsplit('.').next().unwrap_or(path);
    let join = |codes: &[&str]| codes.join(", ");
    Some(match field {
        "status" => join(&Status::ALL.map(Status::code)),
        "status_basis" => join(&[StatusBasis::Sourced.code(), StatusBasis::Inferred.code()]),
        "tie" => join(&Tie::ALL.map(Tie::code)),
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
pub(super) fn missing_field(raw: &str) -> Option<&str> {
    raw.strip_prefix("missing field `")?.strip_suffix('`')
}

/// serde's wording ("invalid type: string \"x\", expected u32") in plain words.
pub(super) fn type_message(raw: &str) -> Message {
    let expected_found = |expected: &str, found: &str| {
        let ((e_en, e_id), (f_en, f_id)) = (expected_phrase(expected), found_phrase(found));
        msg!(
            "expected {e_en}, found {f_en}",
            "seharusnya {e_id}, ditemukan {f_id}"
        )
    };
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = raw.strip_prefix(prefix) {
            if let Some(i) = rest.rfind(", expected ") {
                return expected_found(&rest[i + 11..], &rest[..i]);
            }
        }
    }
    if let Some(rest) = raw.strip_prefix("invalid length ") {
        if rest.contains(", expected struct ") {
            return Message::new(
                "expected an object, found a list",
                "seharusnya objek, ditemukan daftar",
            );
        }
        if let Some((n, expected)) = rest.split_once(", expected ") {
            let (e_en, e_id) = expected_phrase(expected);
            return msg!(
                "expected {e_en}, found {n} items",
                "seharusnya {e_id}, ditemukan {n} butir"
            );
        }
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        if let Some((value, expected)) = rest.split_once("`, expected ") {
            let options = expected.trim_start_matches("one of ").replace('`', "");
            let q = quote(value);
            return msg!(
                "unknown value {q} (allowed: {options})",
                "nilai {q} tidak dikenal (yang diizinkan: {options})"
            );
        }
    }
    if let Some(rest) = raw.strip_prefix("duplicate field `") {
        let q = quote(rest.trim_end_matches('`'));
        return msg!(
            "the field {q} is given twice",
            "bidang {q} diberikan dua kali"
        );
    }
    // Anything else: serde's words, shortened (the same in both languages).
    let short: String = raw.chars().take(200).collect();
    Message::new(short.clone(), short)
}

/// What serde expected, in plain words: (English, Indonesian).
fn expected_phrase(e: &str) -> (String, String) {
    let both = |en: &str, id: &str| (en.to_string(), id.to_string());
    match e {
        "u8" | "u16" | "u32" | "u64" | "usize" => both(
            "a whole number (0 or more)",
            "bilangan bulat (0 atau lebih)",
        ),
        "i8" | "i16" | "i32" | "i64" | "isize" => both("a whole number", "bilangan bulat"),
        "f32" | "f64" => both("a number", "angka"),
        "a boolean" => both("true or false", "true atau false"),
        "a sequence" => both("a list", "daftar"),
        _ => {
            if let Some(n) = e.strip_prefix("an array of length ") {
                (
                    format!("a list of {n} items"),
                    format!("daftar berisi {n} butir"),
                )
            } else if e == "fewer elements in array" {
                both(
                    "fewer items in the list",
                    "lebih sedikit butir dalam daftar",
                )
            } else if e == "struct Text" {
                both(
                    "an object with the text in each language, like {\"id\": \"…\", \"en\": \"…\"}",
                    "objek berisi teks dalam tiap bahasa, seperti {\"id\": \"…\", \"en\": \"…\"}",
                )
            } else if e.starts_with("struct ") || e.starts_with("a map") {
                both("an object", "objek")
            } else if e.starts_with("enum ") || e == "variant identifier" || e == "string or map" {
                both(ALLOWED_WORDS.0, ALLOWED_WORDS.1)
            } else {
                both(e, e)
            }
        }
    }
}

/// What serde says was expected of an enumerated field, replaced by the field's words when
/// they are known: (English, Indonesian).
pub(super) const ALLOWED_WORDS: (&str, &str) = (
    "one of the allowed words (as text)",
    "salah satu kata yang diizinkan (sebagai teks)",
);

/// What serde found, in plain words: (English, Indonesian).
fn found_phrase(f: &str) -> (String, String) {
    let unquote = |s: &str| s.trim_start_matches('`').trim_end_matches('`').to_string();
    let same = |s: String| (s.clone(), s);
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
        return (
            format!("the text \"{shown}{more}\""),
            format!("teks \"{shown}{more}\""),
        );
    }
    for prefix in ["integer ", "floating point ", "boolean "] {
        if let Some(x) = f.strip_prefix(prefix) {
            return same(unquote(x));
        }
    }
    match f {
        "map" => ("an object".to_string(), "objek".to_string()),
        "sequence" => ("a list".to_string(), "daftar".to_string()),
        "null" | "unit" => same("null".to_string()),
        other => same(other.chars().take(60).collect()),
    }
}

/// A plain name for the kind of a JSON value: (English, Indonesian).
pub(super) fn kind_of(v: &Value) -> (&'static str, &'static str) {
    match v {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("true/false", "true/false"),
        Value::Number(_) => ("a number", "angka"),
        Value::String(_) => ("a string", "teks"),
        Value::Array(_) => ("a list", "daftar"),
        Value::Object(_) => ("an object", "objek"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;

    #[test]
    fn serde_messages_in_plain_words() {
        assert_eq!(
            type_message("invalid type: string \"95\", expected u32"),
            Message::new(
                "expected a whole number (0 or more), found the text \"95\"",
                "seharusnya bilangan bulat (0 atau lebih), ditemukan teks \"95\""
            )
        );
        assert_eq!(
            type_message("invalid value: integer `-5`, expected u64").en,
            "expected a whole number (0 or more), found -5"
        );
        assert_eq!(
            type_message("invalid length 3, expected an array of length 2").en,
            "expected a list of 2 items, found 3 items"
        );
        assert_eq!(
            type_message(
                "unknown variant `done`, expected one of `planned`, `ongoing`, `completed`, `unknown`"
            ),
            Message::new(
                "unknown value \"done\" (allowed: planned, ongoing, completed, unknown)",
                "nilai \"done\" tidak dikenal (yang diizinkan: planned, ongoing, completed, unknown)"
            )
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
        all_parse::<Tie>("actions[0].tie");
        all_parse::<StatusBasis>("actions[0].status_basis");
    }
}
