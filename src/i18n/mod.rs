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

/// `template` with each `{name}` placeholder replaced by its value in `args`, in one pass
/// (a value is never searched for placeholders itself); a placeholder without a value stays.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut s = String::with_capacity(template.len() + 16 * args.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        s.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v, close))
        });
        match value {
            Some((v, close)) => {
                s.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                s.push('{');
                rest = after;
            }
        }
    }
    s.push_str(rest);
    s
}

/// A count in words, in the right number: `text` (of `lang`) is one form ("{n} lembaga"), or the
/// form for exactly one and the form for any other count separated by `|` ("{n} agency|{n}
/// agencies"); `{n}` is the count with the language's separator. Other placeholders stay.
pub fn plural(lang: Lang, text: &'static str, n: usize) -> String {
    fill(form(text, n == 1), &[("n", format_int(n, lang))])
}

/// One of a text's two forms, "for one|for several" (a text without `|` has one form): the
/// first when `one`. Counts in words use it, and sentences about the leader of a count (one
/// leader, or several tied).
pub fn form(text: &'static str, one: bool) -> &'static str {
    match text.split_once('|') {
        Some((first, _)) if one => first,
        Some((_, other)) => other,
        None => text,
    }
}

/// Names joined as a sentence lists them: "A", "A and B", "A, B, C and D"; of more than
/// four, the first three and "N others".
pub fn join(lang: Lang, names: &[String]) -> String {
    let t = &texts(lang).words;
    let mut parts = names.to_vec();
    if parts.len() > 4 {
        let more = format_int(parts.len() - 3, lang);
        parts.truncate(3);
        parts.push(fill(t.others, &[("n", more)]));
    }
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}{}{last}", rest.join(", "), t.and),
        _ => parts.concat(),
    }
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
    fn fill_replaces_each_placeholder_once_and_keeps_unknown_ones() {
        let args = [
            ("n", "25".to_string()),
            ("name", "Banjir {n} & {x}".to_string()),
        ];
        assert_eq!(
            fill("{name}: {n} of {n} — {other} {", &args),
            "Banjir {n} & {x}: 25 of 25 — {other} {"
        );
        assert_eq!(fill("Pulau Seribu {n}}", &args), "Pulau Seribu 25}");
        assert_eq!(fill("", &args), "");
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
    fn counts_take_the_form_for_their_number() {
        let agencies = |l| plural(l, texts(l).charts.agencies, 1200);
        assert_eq!(agencies(Lang::En), "1,200 agencies");
        assert_eq!(agencies(Lang::Id), "1.200 lembaga");
        let en = texts(Lang::En).charts.agencies;
        assert_eq!(plural(Lang::En, en, 1), "1 agency");
        assert_eq!(plural(Lang::En, en, 0), "0 agencies");
        assert_eq!(
            plural(Lang::Id, texts(Lang::Id).charts.agencies, 1),
            "1 lembaga"
        );
        // Every two-form text has exactly two forms, each naming the same placeholders
        // but {n}, which the one-form may leave out.
        for lang in [Lang::Id, Lang::En] {
            for (name, text) in texts(lang).entries() {
                let forms: Vec<&str> = text.split('|').collect();
                assert!(forms.len() <= 2, "{name}: more than two forms");
                if let [one, many] = forms[..] {
                    assert!(many.contains("{n}"), "{name}: the plural form needs {{n}}");
                    let mut a = placeholders(one);
                    a.remove("n");
                    let mut b = placeholders(many);
                    b.remove("n");
                    assert_eq!(a, b, "{name}: the forms name different placeholders");
                }
            }
        }
    }

    #[test]
    fn the_completeness_line_agrees_in_number() {
        let item = |l: Lang, n: usize| {
            fill(
                texts(l).overview.completeness_item,
                &[
                    ("what", plural(l, texts(l).what.pillars, n)),
                    ("n", "3".to_string()),
                ],
            )
        };
        assert_eq!(
            item(Lang::En, 1),
            "The official document names 1 pillar; this dataset itemises 3."
        );
        assert_eq!(
            item(Lang::En, 3),
            "The official document names 3 pillars; this dataset itemises 3."
        );
        assert_eq!(
            item(Lang::Id, 1),
            "Dokumen resmi menyebut 1 pilar; dataset ini merinci 3."
        );
    }

    #[test]
    fn names_are_joined_as_a_sentence_lists_them() {
        let names = |n: usize| (1..=n).map(|i| format!("N{i}")).collect::<Vec<_>>();
        assert_eq!(join(Lang::En, &names(1)), "N1");
        assert_eq!(join(Lang::En, &names(2)), "N1 and N2");
        assert_eq!(join(Lang::Id, &names(2)), "N1 dan N2");
        assert_eq!(join(Lang::En, &names(4)), "N1, N2, N3 and N4");
        assert_eq!(join(Lang::En, &names(10)), "N1, N2, N3 and 7 others");
        assert_eq!(join(Lang::Id, &names(10)), "N1, N2, N3 dan 7 lainnya");
        assert_eq!(join(Lang::En, &[]), "");
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
