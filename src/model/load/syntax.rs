//! JSON syntax errors in plain words, located by line and character column (as editors
//! count), with hints for the usual culprits (comments, single quotes, NaN, cut-off files).

use crate::model::problem::{msg, Message};

/// The 1-based line `line` of `text`.
fn nth_line(text: &str, line: usize) -> &str {
    text.split('\n').nth(line.saturating_sub(1)).unwrap_or("")
}

/// Converts serde_json's byte column to a character column (as editors count).
pub(super) fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
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

/// What is wrong with the JSON at `e`'s place, in plain words. serde_json's own wording is
/// kept (in both languages) when there is nothing plainer to say.
pub(super) fn syntax_message(e: &serde_json::Error, text: &str) -> Message {
    // serde_json appends " at line X column Y"; the path already says where.
    let s = e.to_string();
    let s = match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    };
    if s == "recursion limit exceeded" {
        return Message::new(
            "the data is nested too deeply (at most 128 levels of lists and objects)",
            "datanya bersarang terlalu dalam (paling banyak 128 tingkat daftar dan objek)",
        );
    }
    if let Some(inside) = s.strip_prefix("EOF while parsing ") {
        let inside_id = match inside {
            "a string" => "teks",
            "a list" => "daftar",
            "an object" => "objek",
            "a value" => "nilai",
            other => other,
        };
        return msg!(
            "the file ends too early, inside {inside} (is it cut off?)",
            "berkasnya berakhir terlalu cepat, di dalam {inside_id} (apakah terpotong?)",
        );
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
        return msg!(
            "{s}: NaN, Infinity and undefined are not JSON (write null or a number)",
            "{s}: NaN, Infinity dan undefined bukan JSON (tulis null atau angka)",
        );
    }
    if here.starts_with('\'') {
        return msg!(
            "{s}: strings must be in double quotes (\"), not single quotes",
            "{s}: teks harus diapit tanda kutip ganda (\"), bukan tanda kutip tunggal",
        );
    }
    if here.starts_with("//") || here.starts_with("/*") {
        return msg!(
            "{s}: JSON does not allow comments",
            "{s}: JSON tidak membolehkan komentar",
        );
    }
    Message::new(s.clone(), s)
}
#[cfg(test)]
mod tests {
    use crate::model::load::load_str;

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
}
