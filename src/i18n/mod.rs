//! Every user-interface string, one table per language (`id.rs`, `en.rs`), plus number
//! formatting per language. A test fails when a key is missing in either table or when the
//! interface asks for a key that no table has.

mod en;
mod id;

use crate::model::Lang;

fn table(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Id => id::STRINGS,
        Lang::En => en::STRINGS,
    }
}

/// The string for `key` in `lang` (the key itself when missing, which tests forbid).
pub fn t(lang: Lang, key: &str) -> &'static str {
    table(lang)
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| *v)
        .unwrap_or("⟨missing text⟩")
}

/// The string for `key` with `{name}` placeholders replaced.
pub fn tf(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let mut s = t(lang, key).to_string();
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

/// All keys of a language's table (for tests and tools).
pub fn keys(lang: Lang) -> Vec<&'static str> {
    table(lang).iter().map(|(k, _)| *k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn both_tables_have_the_same_keys_once() {
        for lang in [Lang::Id, Lang::En] {
            let ks = keys(lang);
            let set: BTreeSet<_> = ks.iter().collect();
            assert_eq!(set.len(), ks.len(), "duplicate key in the {lang:?} table");
        }
        let id: BTreeSet<_> = keys(Lang::Id).into_iter().collect();
        let en: BTreeSet<_> = keys(Lang::En).into_iter().collect();
        let only_id: Vec<_> = id.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&id).collect();
        assert!(only_id.is_empty(), "keys missing in English: {only_id:?}");
        assert!(
            only_en.is_empty(),
            "keys missing in Indonesian: {only_en:?}"
        );
    }

    #[test]
    fn no_empty_strings() {
        for lang in [Lang::Id, Lang::En] {
            for (k, v) in table(lang) {
                assert!(!v.trim().is_empty(), "{k} is empty in {lang:?}");
            }
        }
    }

    /// Every `t(…, "key")` / `tf(…, "key"` in the interface code names a key in the tables.
    #[test]
    fn every_key_used_in_the_interface_exists() {
        let known: BTreeSet<_> = keys(Lang::Id).into_iter().collect();
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    let text = std::fs::read_to_string(&p).unwrap_or_default();
                    for pat in [
                        "t(lang, \"",
                        "tf(lang, \"",
                        "t(lang.get(), \"",
                        "tf(lang.get(), \"",
                        "t(lang.get_untracked(), \"",
                        "tf(lang.get_untracked(), \"",
                    ] {
                        for (i, _) in text.match_indices(pat) {
                            let before = text[..i].chars().next_back().unwrap_or(' ');
                            if before.is_alphanumeric() || before == '_' {
                                continue;
                            }
                            let rest = &text[i + pat.len()..];
                            if let Some(end) = rest.find('"') {
                                let key = &rest[..end];
                                if !known.contains(key) {
                                    missing.push(format!("{}: {key}", p.display()));
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys used but not in the tables: {missing:?}"
        );
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
            "count.shown",
            &[("n", "12".into()), ("total", "84".into())],
        );
        assert_eq!(s, "12 dari 84 aksi ditampilkan");
    }
}
