//! Cells: how one value is written to and read from a spreadsheet cell (`;`-separated lists,
//! numbers, enums, `true`/empty), and the row reader that reports a bad cell as
//! `file: row N, column "x"` (the sheet that gives it its rows is `super::sheet`).

use super::sheet::Sheet;
use super::spec::{LANGS, PROVENANCE_KINDS};
use crate::model::problem::{msg, quote, Message, Problem, Severity};
use crate::model::types::{Lang, Provenance, ProvenanceKind, Text};
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::str::FromStr;

/// Where a cell is: `actions.csv: row 5, column "hazards"`.
pub fn at(file: &str, row: usize, column: Option<&str>) -> String {
    match column {
        Some(c) => format!("{file}: row {row}, column \"{c}\""),
        None => format!("{file}: row {row}"),
    }
}

/// Writes a list: items joined by `; `; a `;` or `\` inside an item is escaped with `\`.
pub fn write_list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| s.replace('\\', "\\\\").replace(';', "\\;"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Reads a list: split at `;` (not at `\;`), items trimmed, empty items dropped.
pub fn read_list(cell: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut cur = String::new();
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some(';') | Some('\\')) => {
                cur.push(chars.next().unwrap_or('\\'));
            }
            ';' => items.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    items.push(cur);
    items
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The JSON code of a unit enum value (`confirmed`, `shock`…).
pub fn code<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn lang_code(l: Option<Lang>) -> String {
    l.map(|l| l.code().to_string()).unwrap_or_default()
}

/// Builds one row, cell by cell, in column order.
#[derive(Default)]
pub struct RowOut {
    /// The cells so far.
    pub cells: Vec<String>,
}

impl RowOut {
    /// A plain cell.
    pub fn s(&mut self, v: &str) -> &mut Self {
        self.cells.push(v.to_string());
        self
    }

    /// An optional cell (empty when absent).
    pub fn opt<T: ToString>(&mut self, v: &Option<T>) -> &mut Self {
        self.cells
            .push(v.as_ref().map(|x| x.to_string()).unwrap_or_default());
        self
    }

    /// A list cell.
    pub fn list(&mut self, v: &[String]) -> &mut Self {
        self.cells.push(write_list(v));
        self
    }

    /// An enum code.
    pub fn code<T: serde::Serialize>(&mut self, v: &T) -> &mut Self {
        self.cells.push(code(v));
        self
    }

    /// An optional enum code.
    pub fn opt_code<T: serde::Serialize>(&mut self, v: &Option<T>) -> &mut Self {
        self.cells
            .push(v.as_ref().map(|x| code(x)).unwrap_or_default());
        self
    }

    /// `true` or empty.
    pub fn flag(&mut self, v: bool) -> &mut Self {
        self.cells
            .push(if v { "true".into() } else { String::new() });
        self
    }

    /// The three cells of a text.
    pub fn text(&mut self, t: &Text) -> &mut Self {
        self.cells.push(t.id.clone());
        self.cells.push(t.en.clone());
        self.cells.push(lang_code(t.editor_translated));
        self
    }

    /// The three cells of an optional text (empty when absent).
    pub fn opt_text(&mut self, t: &Option<Text>) -> &mut Self {
        match t {
            Some(t) => self.text(t),
            None => self.text(&Text::default()),
        }
    }

    /// The five provenance cells.
    pub fn prov(&mut self, p: &Provenance) -> &mut Self {
        self.code(&p.kind);
        self.text(&p.note);
        self.flag(p.uncertain)
    }
}

/// Reads the cells of one row by column name, reporting bad values where they are.
pub struct Cells<'a> {
    /// The file.
    pub file: &'static str,
    /// The spreadsheet row.
    pub row: usize,
    index: &'a HashMap<String, usize>,
    cells: &'a [String],
    /// For `meta.csv`: field → spreadsheet row.
    meta_rows: Option<&'a HashMap<String, usize>>,
    /// Problems found so far.
    pub problems: &'a mut Vec<Problem>,
}

impl<'a> Cells<'a> {
    /// A reader for one row of `sheet`.
    pub fn new(
        sheet: &'a Sheet,
        row: usize,
        cells: &'a [String],
        problems: &'a mut Vec<Problem>,
    ) -> Cells<'a> {
        Cells {
            file: sheet.file,
            row,
            index: &sheet.index,
            cells,
            meta_rows: None,
            problems,
        }
    }

    /// A reader over named values (for `meta.csv`, whose rows are fields): `index` gives
    /// each field's position in `cells`, `rows` its spreadsheet row.
    pub fn named(
        file: &'static str,
        index: &'a HashMap<String, usize>,
        rows: &'a HashMap<String, usize>,
        cells: &'a [String],
        problems: &'a mut Vec<Problem>,
    ) -> Cells<'a> {
        Cells {
            file,
            row: 0,
            index,
            cells,
            meta_rows: Some(rows),
            problems,
        }
    }

    fn err(&mut self, col: &str, m: Message) {
        let path = match self.meta_rows {
            Some(rows) => match rows.get(col) {
                Some(&r) => at(self.file, r, Some("value")),
                None => format!("{}: field \"{col}\"", self.file),
            },
            None => at(self.file, self.row, Some(col)),
        };
        self.problems.push(Problem::new(Severity::Error, path, m));
    }

    fn warn(&mut self, col: &str, m: Message) {
        let path = at(self.file, self.row, Some(col));
        self.problems.push(Problem::new(Severity::Warning, path, m));
    }

    /// A year, `None` when empty. A date written as dates are elsewhere in the files
    /// (`YYYY-MM` or `YYYY-MM-DD`) counts as its year, with a warning that the month and day
    /// are not kept; anything else is an error that says what was expected.
    pub fn year(&mut self, col: &str, what: (&str, &str)) -> Option<i32> {
        let raw = self.raw(col)?.trim();
        if raw.is_empty() {
            return None;
        }
        if let Ok(y) = raw.parse::<i32>() {
            return Some(y);
        }
        let q = quote(raw);
        match crate::model::date::PartialDate::parse(raw) {
            Ok(d) => {
                let y = d.year;
                self.warn(
                    col,
                    msg!(
                        "this column holds a year: {q} was read as {y} (the month and day are not kept)",
                        "kolom ini berisi tahun: {q} dibaca sebagai {y} (bulan dan tanggalnya tidak disimpan)"
                    ),
                );
                Some(y)
            }
            Err(_) => {
                let (what_en, what_id) = what;
                self.err(
                    col,
                    msg!(
                        "expected {what_en} (or a date YYYY-MM or YYYY-MM-DD, read as its year), found {q}",
                        "seharusnya {what_id} (atau tanggal YYYY-MM atau YYYY-MM-DD, dibaca sebagai tahunnya), ditemukan {q}"
                    ),
                );
                None
            }
        }
    }

    /// The raw cell, or `None` when the file has no such column.
    pub fn raw(&self, col: &str) -> Option<&'a str> {
        self.index
            .get(col)
            .map(|&i| self.cells.get(i).map(String::as_str).unwrap_or(""))
    }

    /// The cell as it is (empty when missing).
    pub fn s(&self, col: &str) -> String {
        self.raw(col).unwrap_or("").to_string()
    }

    /// The cell, `None` when empty.
    pub fn opt(&self, col: &str) -> Option<String> {
        self.raw(col).filter(|s| !s.is_empty()).map(str::to_string)
    }

    /// A `;`-separated list.
    pub fn list(&self, col: &str) -> Vec<String> {
        read_list(self.raw(col).unwrap_or(""))
    }

    /// A number, `None` when empty; an error when it is not one.
    pub fn num<T: FromStr>(&mut self, col: &str, what: (&str, &str)) -> Option<T> {
        let raw = self.raw(col)?.trim();
        if raw.is_empty() {
            return None;
        }
        match raw.parse::<T>() {
            Ok(v) => Some(v),
            Err(_) => {
                let ((what_en, what_id), q) = (what, quote(raw));
                self.err(
                    col,
                    msg!(
                        "expected {what_en}, found {q}",
                        "seharusnya {what_id}, ditemukan {q}"
                    ),
                );
                None
            }
        }
    }

    /// A decimal number (a comma is accepted as the decimal mark); an error when empty and
    /// `required`.
    pub fn decimal(&mut self, col: &str, required: bool) -> f64 {
        let raw = self.raw(col).unwrap_or("").trim();
        if raw.is_empty() {
            if required && self.raw(col).is_some() {
                self.err(
                    col,
                    Message::new(
                        "missing: a number is needed here",
                        "tidak ada: di sini perlu angka",
                    ),
                );
            }
            return 0.0;
        }
        let fixed = if !raw.contains('.') && raw.matches(',').count() == 1 {
            raw.replace(',', ".")
        } else {
            raw.to_string()
        };
        match fixed.parse::<f64>() {
            Ok(v) => v,
            Err(_) => {
                let q = quote(raw);
                self.err(
                    col,
                    msg!(
                        "expected a decimal number, found {q}",
                        "seharusnya angka desimal, ditemukan {q}",
                    ),
                );
                0.0
            }
        }
    }

    /// One of `allowed` (case and surrounding spaces ignored), `None` when empty.
    pub fn opt_enum<T: DeserializeOwned>(&mut self, col: &str, allowed: &[&str]) -> Option<T> {
        let raw = self.raw(col)?.trim();
        if raw.is_empty() {
            return None;
        }
        let lower = raw.to_lowercase();
        let parsed = allowed
            .contains(&lower.as_str())
            .then(|| serde_json::from_value::<T>(serde_json::Value::String(lower)).ok())
            .flatten();
        if parsed.is_none() {
            let (q, list) = (quote(raw), allowed.join(", "));
            self.err(
                col,
                msg!(
                    "{q} is not one of the allowed values: {list}",
                    "{q} bukan salah satu nilai yang diizinkan: {list}",
                ),
            );
        }
        parsed
    }

    /// One of `allowed`; an error when empty (a default stands in so reading can go on).
    pub fn req_enum<T: DeserializeOwned>(&mut self, col: &str, allowed: &[&str], fallback: T) -> T {
        if let Some(v) = self.opt_enum(col, allowed) {
            return v;
        }
        if self.raw(col).is_some_and(|r| r.trim().is_empty()) {
            let list = allowed.join(", ");
            self.err(
                col,
                msg!(
                    "missing: one of {list} is needed here",
                    "tidak ada: di sini perlu salah satu dari {list}",
                ),
            );
        }
        fallback
    }

    /// `true`/`yes`/`ya`/`1` or `false`/`no`/`tidak`/`0`/empty.
    pub fn flag(&mut self, col: &str) -> bool {
        let raw = self.raw(col).unwrap_or("").trim().to_lowercase();
        match raw.as_str() {
            "" | "false" | "no" | "tidak" | "0" => false,
            "true" | "yes" | "ya" | "1" => true,
            _ => {
                let q = quote(&raw);
                self.err(
                    col,
                    msg!(
                        "{q} is not true or false (leave it empty for false)",
                        "{q} bukan true atau false (kosongkan untuk false)",
                    ),
                );
                false
            }
        }
    }

    /// The three cells of a text.
    pub fn text(&mut self, field: &str) -> Text {
        let tr = format!("{field}_editor_translated");
        Text {
            id: self.s(&format!("{field}_id")),
            en: self.s(&format!("{field}_en")),
            editor_translated: self.opt_enum(&tr, LANGS),
        }
    }

    /// An optional text: `None` when its three cells are empty.
    pub fn opt_text(&mut self, field: &str) -> Option<Text> {
        let t = self.text(field);
        (t != Text::default()).then_some(t)
    }

    /// The five provenance cells.
    pub fn prov(&mut self) -> Provenance {
        Provenance {
            kind: self.req_enum(
                "provenance_kind",
                PROVENANCE_KINDS,
                ProvenanceKind::Confirmed,
            ),
            note: self.text("provenance_note"),
            uncertain: self.flag("provenance_uncertain"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip_with_escapes() {
        let items = vec![
            "a".to_string(),
            "b;c".to_string(),
            "back\\slash".to_string(),
            "end\\".to_string(),
        ];
        let cell = write_list(&items);
        assert_eq!(cell, "a; b\\;c; back\\\\slash; end\\\\");
        assert_eq!(read_list(&cell), items);
        assert_eq!(read_list(" x ;; y;"), vec!["x", "y"]);
        assert_eq!(read_list(""), Vec::<String>::new());
        assert_eq!(read_list("a\\b"), vec!["a\\b"]);
    }
}
