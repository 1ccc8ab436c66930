//! Text for charts without a browser: an estimate of how wide a label is, word wrapping and
//! truncation with an ellipsis, and file-name slugs (the markup escaper, `model::escape`, is
//! re-exported here for the SVG we compose ourselves). The estimate is deliberately a little generous so labels never overflow; the same
//! numbers are used natively and in the browser, so layouts are reproducible in tests.

/// Estimated width in pixels of `s` set in a sans-serif font of `size` pixels.
pub fn width(s: &str, size: f64) -> f64 {
    s.chars().map(char_em).sum::<f64>() * size * SAFETY
}

/// Fonts differ between systems (DejaVu Sans is wider than Arial): estimate on the wide side.
const SAFETY: f64 = 1.08;

/// Estimated width of a bold label (about 7 % wider).
pub fn width_bold(s: &str, size: f64) -> f64 {
    width(s, size) * 1.07
}

fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'í' | 'ì' => 0.28,
        ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '-' | 'I' => 0.36,
        'm' | 'w' | '—' | '…' => 0.86,
        'M' | 'W' | '%' | '@' => 0.92,
        '0'..='9' => 0.57,
        c if c.is_ascii_uppercase() => 0.70,
        c if c.is_ascii() => 0.53,
        _ => 0.62,
    }
}

/// `s` cut to fit `max` pixels, ending with "…" when cut.
pub fn truncate(s: &str, size: f64, max: f64) -> String {
    if width(s, size) <= max {
        return s.to_string();
    }
    let budget = max - width("…", size);
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let cw = char_em(c) * size * SAFETY;
        if w + cw > budget {
            break;
        }
        w += cw;
        out.push(c);
    }
    let trimmed = out.trim_end().to_string();
    format!("{trimmed}…")
}

/// Wraps `s` into at most `max_lines` lines of at most `max` pixels; the last line ends
/// with "…" when the text does not fit. Words longer than a line are cut.
pub fn wrap(s: &str, size: f64, max: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if width(&candidate, size) <= max {
            current = candidate;
            i += 1;
            continue;
        }
        if current.is_empty() {
            // A single word wider than the line: cut it.
            current = truncate(word, size, max);
            i += 1;
        }
        if lines.len() + 1 == max_lines {
            // Last line: put the rest on it and cut.
            let rest = words[i..].join(" ");
            let full = if rest.is_empty() {
                current.clone()
            } else {
                format!("{current} {rest}")
            };
            lines.push(truncate(&full, size, max));
            return lines;
        }
        lines.push(std::mem::take(&mut current));
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

pub use crate::model::escape::escape;

/// A file-name-safe slug: lowercase ASCII letters, digits and single hyphens.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_is_wider() {
        assert!(width("Jakarta Siap", 12.0) > width("Siap", 12.0));
        assert!(width("MMM", 12.0) > width("iii", 12.0));
        assert!((width("ab", 24.0) - 2.0 * width("ab", 12.0)).abs() < 1e-9);
    }

    #[test]
    fn truncation_fits_and_marks_the_cut() {
        let s = "Tata kelola metropolitan yang terfragmentasi";
        let t = truncate(s, 12.0, 100.0);
        assert!(t.ends_with('…'), "{t}");
        assert!(width(&t, 12.0) <= 100.0 + 0.01);
        assert_eq!(truncate("Banjir", 12.0, 100.0), "Banjir");
    }

    #[test]
    fn wrapping_keeps_words_and_limits_lines() {
        let s = "Meeting to monitor the targets of the cooperation between the Provincial Government and 100 Resilient Cities";
        let lines = wrap(s, 12.0, 150.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        for l in &lines {
            assert!(width(l, 12.0) <= 150.0 + 0.01, "{l}");
        }
        let all = wrap(s, 12.0, 150.0, 20);
        assert_eq!(all.join(" "), s, "no words lost when there is room");
        assert_eq!(wrap("", 12.0, 100.0, 2), vec![String::new()]);
        let long = wrap("Supercalifragilisticexpialidocious", 12.0, 50.0, 2);
        assert!(long[0].ends_with('…'));
    }

    #[test]
    fn slugs_are_file_safe() {
        assert_eq!(slug("Jakarta Siap × Banjir!"), "jakarta-siap-banjir");
        assert_eq!(slug("jakarta-2019"), "jakarta-2019");
        assert_eq!(slug("../../etc"), "etc");
    }
}
