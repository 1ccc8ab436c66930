//! Every user-interface text, one value of [`Texts`] per language (`id.rs`, `en.rs`), plus
//! number formatting per language. A text is a struct field, so a text missing in either
//! language, or asked for but never written, is a build error rather than a blank.

mod en;
mod id;
mod texts;

pub use texts::*;

use crate::model::Lang;

/// All texts of `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Id => &id::ID,
        Lang::En => &en::EN,
    }
}

/// A text chosen at run time (e.g. the label of a status): which field of [`Texts`] to read,
/// written `|t| t.status.ongoing`.
pub type Key = fn(&Texts) -> &'static str;

/// The text `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    key(texts(lang))
}

/// The text `key` in `lang` with its `{name}` placeholders filled.
pub fn tf(lang: Lang, key: Key, args: &[(&str, String)]) -> String {
    fill(key(texts(lang)), args)
}

/// `template` with each `{name}` placeholder replaced by its value in `args`.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut s = template.to_string();
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

/// Formats a whole number with the language's thousands separator (1.234 / 1,234).
pub fn format_int(n: usize, lang: Lang) -> String {
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// "3 inisiatif" / "1 initiative" / "3 aksi" (`aligned`: initiatives, else actions).
pub fn count_text(lang: Lang, n: usize, aligned: bool) -> String {
    let t = &texts(lang).map;
    match (aligned, n == 1) {
        (true, true) => t.count_one.to_string(),
        (true, false) => fill(t.count_many, &[("n", format_int(n, lang))]),
        (false, true) => t.count_one_official.to_string(),
        (false, false) => fill(t.count_many_official, &[("n", format_int(n, lang))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The `{name}` placeholders of a text.
    fn placeholders(s: &str) -> BTreeSet<&str> {
        s.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn no_empty_texts() {
        for lang in [Lang::Id, Lang::En] {
            for (name, text) in texts(lang).entries() {
                assert!(!text.trim().is_empty(), "{name} is empty in {lang:?}");
            }
        }
    }

    #[test]
    fn both_languages_fill_the_same_placeholders() {
        let id = texts(Lang::Id).entries();
        let en = texts(Lang::En).entries();
        assert_eq!(id.len(), en.len());
        for ((name, id_text), (_, en_text)) in id.iter().zip(&en) {
            assert_eq!(
                placeholders(id_text),
                placeholders(en_text),
                "{name}: the languages name different placeholders"
            );
        }
    }

    /// A text the same in both languages is most likely an untranslated copy; only these
    /// may be: "Status" and "Menu" are the word in both, area levels are Indonesian names, and the rest
    /// are placeholders and symbols only.
    const SAME_IN_BOTH: &[&str] = &[
        "filters.status",
        "app.tools",
        "overview.coverage_cell",
        "actions.status",
        "charts.matrix_cell",
        "charts.bar_hit",
        "map.level_kecamatan",
        "map.level_kelurahan",
        "map.per_kecamatan",
        "map.per_kelurahan",
        "map.kecamatan_name",
        "map.kelurahan_name",
    ];

    #[test]
    fn texts_differ_between_languages() {
        let id = texts(Lang::Id).entries();
        let en = texts(Lang::En).entries();
        let same: Vec<&str> = id
            .iter()
            .zip(&en)
            .filter(|((name, a), (_, b))| a == b && !SAME_IN_BOTH.contains(name))
            .map(|((name, _), _)| *name)
            .collect();
        assert!(same.is_empty(), "same in both languages: {same:?}");
    }

    #[test]
    fn numbers_use_the_language_separator() {
        assert_eq!(format_int(1234567, Lang::Id), "1.234.567");
        assert_eq!(format_int(1234567, Lang::En), "1,234,567");
        assert_eq!(format_int(12, Lang::Id), "12");
    }

    #[test]
    fn placeholders_are_filled() {
        let s = tf(
            Lang::Id,
            |t| t.count.shown,
            &[("n", "12".into()), ("total", "84".into())],
        );
        assert_eq!(s, "12 dari 84 aksi ditampilkan");
        assert_eq!(
            fill(texts(Lang::En).count.shown, &[("n", "1".into())]),
            "1 of {total} actions shown"
        );
    }
}
