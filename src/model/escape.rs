//! Escaping text for markup: one escaper for everything the project writes as HTML or SVG
//! (chart SVGs and tables, hit targets, the embed snippet), safe in element content and in
//! quoted attribute values of both.

/// Escapes `&`, `<`, `>`, `"` and `'`, and drops control characters other than tab and
/// newline (XML does not allow them, and they have no place in an HTML attribute).
pub fn escape(s: &str) -> String {
    // Most texts (names, counts, labels) need nothing: one scan and a copy.
    let Some(first) = s
        .bytes()
        .position(|b| b < 0x20 || matches!(b, b'<' | b'>' | b'&' | b'"' | b'\''))
    else {
        return s.to_string();
    };
    let mut out = String::with_capacity(s.len() + 16);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_neutralises_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("a&b'c"), "a&amp;b&#39;c");
    }

    #[test]
    fn control_characters_are_dropped_but_lines_and_tabs_stay() {
        assert_eq!(escape("a\u{0}b\u{1b}c\u{7f}"), "abc\u{7f}");
        assert_eq!(escape("a\nb\tc"), "a\nb\tc");
        assert_eq!(escape("Pulau Seribu — ĳ"), "Pulau Seribu — ĳ");
    }
}
