//! The checks shared by every record: ids, sources and provenance, texts in both languages,
//! plain texts (size, direction controls), unique ids, references, dates, years and declared
//! counts.

use super::ids::Ids;
use super::{Validator, MAX_ID_LEN, MAX_TEXT_CHARS, YEARS};
use crate::model::date::PartialDate;
use crate::model::problem::{msg, quote, Message};
use crate::model::types::{Provenance, Text};
use std::collections::HashMap;
use std::fmt::Display;

/// Characters that are invisible or change the direction of text: zero-width spaces and
/// joiners, bidirectional controls, the byte-order mark, soft hyphens, tag characters.
pub(super) fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}' | '\u{E0000}'..='\u{E0FFF}')
        || c.is_control()
}

/// Characters that mean something in HTML, SVG or scripts: refused in ids, which end up in
/// links, attributes and element ids.
const MARKUP: &str = "<>\"'`&\\";
const MARKUP_SHOWN: &str = "< > \" ' ` & \\";

/// Bidirectional embedding, override and isolate controls, which can make a text display
/// in a misleading order.
fn direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

pub(super) fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

impl Validator<'_> {
    pub(super) fn id(&mut self, path: impl Display + Copy, id: &str) {
        let q = quote(id);
        if id.trim().is_empty() {
            self.err(
                path,
                Message::new(
                    "missing: every record needs a non-empty id",
                    "tidak ada: setiap catatan memerlukan id yang tidak kosong",
                ),
            );
        } else if id.len() > MAX_ID_LEN {
            let n = id.chars().count();
            self.err(
                path,
                msg!(
                    "id {q} is {n} characters long; at most {MAX_ID_LEN} are allowed",
                    "id {q} panjangnya {n} karakter; paling banyak {MAX_ID_LEN} yang diizinkan",
                ),
            );
        } else if id.chars().any(char::is_whitespace) {
            self.err(
                path,
                msg!(
                    "id {q} contains a space: ids may not contain spaces",
                    "id {q} memuat spasi: id tidak boleh memuat spasi",
                ),
            );
        } else if let Some(c) = id.chars().find(|&c| invisible(c)) {
            let cp = code_point(c);
            self.err(
                path,
                msg!(
                    "id {q} contains an invisible or direction-changing character ({cp}): ids \
                     may use only visible characters",
                    "id {q} memuat karakter tak terlihat atau pengubah arah teks ({cp}): id \
                     hanya boleh memakai karakter yang terlihat",
                ),
            );
        } else if id.contains(',') {
            self.err(
                path,
                msg!(
                    "id {q} contains a comma: commas separate ids in links",
                    "id {q} memuat koma: koma memisahkan id di dalam tautan",
                ),
            );
        } else if let Some(c) = id.chars().find(|c| MARKUP.contains(*c)) {
            let qc = quote(&c.to_string());
            self.err(
                path,
                msg!(
                    "id {q} contains {qc}: ids may not contain the characters {MARKUP_SHOWN}",
                    "id {q} memuat {qc}: id tidak boleh memuat karakter {MARKUP_SHOWN}",
                ),
            );
        }
    }

    /// Checks what every record has: an id, at least one known source, and a provenance note.
    pub(super) fn record(
        &mut self,
        path: impl Display + Copy,
        id: &str,
        srcs: &[String],
        prov: &Provenance,
        sources: &Ids,
    ) {
        self.id(format_args!("{path}.id"), id);
        if srcs.is_empty() {
            self.err(
                format!("{path}.sources"),
                Message::new(
                    "missing: every record needs at least one source",
                    "tidak ada: setiap catatan memerlukan paling sedikit satu sumber",
                ),
            );
        }
        self.refs(format_args!("{path}.sources"), srcs, sources);
        if prov.note.id.trim().is_empty() && prov.note.en.trim().is_empty() {
            let kind = prov.kind.code();
            self.err(
                format!("{path}.provenance.note"),
                msg!(
                    "missing: say how this {kind} record is known",
                    "tidak ada: jelaskan dari mana catatan {kind} ini diketahui",
                ),
            );
        } else {
            self.text(format_args!("{path}.provenance.note"), &prov.note, false);
        }
    }

    pub(super) fn text(&mut self, path: impl Display + Copy, t: &Text, required: bool) {
        self.plain(format_args!("{path}.id"), &t.id);
        self.plain(format_args!("{path}.en"), &t.en);
        let id_empty = t.id.trim().is_empty();
        let en_empty = t.en.trim().is_empty();
        if id_empty && en_empty {
            if required {
                self.err(
                    path,
                    Message::new(
                        "missing: the text is empty in both languages",
                        "tidak ada: teksnya kosong dalam kedua bahasa",
                    ),
                );
            }
            return;
        }
        if id_empty {
            self.warn(
                format!("{path}.id"),
                Message::new(
                    "missing Indonesian translation (English is shown)",
                    "terjemahan bahasa Indonesia tidak ada (bahasa Inggris yang ditampilkan)",
                ),
            );
        }
        if en_empty {
            self.warn(
                format!("{path}.en"),
                Message::new(
                    "missing English translation (Indonesian is shown)",
                    "terjemahan bahasa Inggris tidak ada (bahasa Indonesia yang ditampilkan)",
                ),
            );
        }
    }

    /// Checks a text shown as it is: not oversized, no direction-changing controls.
    pub(super) fn plain(&mut self, path: impl Display + Copy, s: &str) {
        if s.len() > MAX_TEXT_CHARS {
            let n = s.chars().count();
            if n > MAX_TEXT_CHARS {
                self.err(
                    path,
                    msg!(
                        "the text is {n} characters long; at most {MAX_TEXT_CHARS} are accepted",
                        "teksnya {n} karakter; paling banyak {MAX_TEXT_CHARS} yang diterima",
                    ),
                );
                return;
            }
        }
        if let Some(c) = s.chars().find(|&c| direction_control(c)) {
            let cp = code_point(c);
            self.warn(
                path,
                msg!(
                    "contains a direction-changing control character ({cp}), which can make the \
                     text display in a misleading order",
                    "memuat karakter kendali pengubah arah teks ({cp}), yang dapat membuat \
                     teks tampil dengan urutan yang menyesatkan",
                ),
            );
        }
    }

    pub(super) fn unique<'a>(&mut self, path: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.enumerate() {
            if let Some(first) = seen.get(id) {
                self.duplicate(&format!("{path}[{i}]"), id, &format!("{path}[{first}]"));
            } else {
                seen.insert(id, i);
            }
        }
    }

    /// Like `unique`, for records spread over several lists (pillar targets).
    pub(super) fn unique_paths(&mut self, records: &[(String, &str)]) {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for (path, id) in records {
            if let Some(first) = seen.get(id) {
                self.duplicate(path, id, first);
            } else {
                seen.insert(id, path);
            }
        }
    }

    /// The record at `path` repeats the id of the record at `first`.
    fn duplicate(&mut self, path: &str, id: &str, first: &str) {
        let q = quote(id);
        self.err(
            format!("{path}.id"),
            msg!(
                "duplicate id {q} (already used by {first})",
                "id {q} ganda (sudah dipakai oleh {first})",
            ),
        );
    }

    pub(super) fn refs(&mut self, path: impl Display + Copy, refs: &[String], known: &Ids) {
        // A short list (every one in practice) is searched, a long one hashed: the validator
        // runs on every dataset opened, and most lists have a handful of ids.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let short = refs.len() <= 32;
        let (what_en, what_id) = known.what;
        for (j, r) in refs.iter().enumerate() {
            let earlier = if short {
                refs[..j].iter().position(|x| x == r)
            } else {
                seen.get(r.as_str()).copied()
            };
            if let Some(first) = earlier {
                let q = quote(r);
                self.err(
                    format!("{path}[{j}]"),
                    msg!(
                        "{what_en} {q} is listed twice (first at {path}[{first}])",
                        "{what_id} {q} tercantum dua kali (pertama di {path}[{first}])",
                    ),
                );
                continue;
            }
            if !short {
                seen.insert(r, j);
            }
            self.one_ref(format_args!("{path}[{j}]"), r, known);
        }
    }

    pub(super) fn one_ref(&mut self, path: impl Display + Copy, r: &str, known: &Ids) {
        if !known.contains(r) {
            let q = quote(r);
            let (what_en, what_id) = known.what;
            let (list_en, list_id) = known.known_list();
            self.err(
                path,
                msg!(
                    "unknown {what_en} {q} ({list_en})",
                    "{what_id} {q} tidak dikenal ({list_id})",
                ),
            );
        }
    }

    pub(super) fn date(&mut self, path: &str, s: &str) {
        // Longer than YYYY-MM-DD: refuse before parsing, so messages stay short.
        if s.len() > 10 {
            let q = quote(s);
            self.err(
                path,
                msg!(
                    "date {q} is not of the form YYYY, YYYY-MM or YYYY-MM-DD",
                    "tanggal {q} tidak berbentuk YYYY, YYYY-MM atau YYYY-MM-DD",
                ),
            );
        } else if let Err(m) = PartialDate::parse(s) {
            self.err(path, m);
        }
    }

    pub(super) fn year(&mut self, path: impl Display + Copy, y: i32) {
        if !YEARS.contains(&y) {
            let (from, to) = (YEARS.start(), YEARS.end());
            self.err(
                path,
                msg!(
                    "year {y} is outside {from}–{to}",
                    "tahun {y} di luar {from}–{to}",
                ),
            );
        }
    }

    /// `what` is the collection: pillars, goals, strategies or actions.
    pub(super) fn completeness(&mut self, what: &str, declared: Option<u32>, itemised: usize) {
        if let Some(n) = declared {
            if (n as usize) > itemised {
                let what_id = match what {
                    "pillars" => "pilar",
                    "goals" => "arahan",
                    "strategies" => "strategi",
                    "actions" => "aksi",
                    other => other,
                };
                self.warn(
                    format!("meta.declared_counts.{what}"),
                    msg!(
                        "the official document declares {n} {what}; this dataset itemises {itemised}",
                        "dokumen resmi menyebut {n} {what_id}; dataset ini merinci {itemised}",
                    ),
                );
            }
        }
    }
}
