//! Cells: how one value is written to and read from a spreadsheet cell (`;`-separated lists,
//! numbers, enums, `true`/empty), the CSV sheet reader that knows each record's spreadsheet
//! row, and the row reader that reports a bad cell as `file: row N, column "x"`.

use super::spec::{FileSpec, Kind, LANGS, PROVENANCE_KINDS};
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

/// A CSV file read into rows, with the spreadsheet row number of every record.
pub struct Sheet {
    /// The file name.
    pub file: &'static str,
    /// Column name → position, for the columns the file has.
    pub index: HashMap<String, usize>,
    /// Records after the header: (spreadsheet row, cells). Empty rows are left out.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Guesses the delimiter from the header line: `,` unless the line has `;` or tabs and no `,`
/// (spreadsheets set to Indonesian or other comma-decimal locales save with `;`).
fn delimiter(text: &str) -> u8 {
    let line = text.lines().next().unwrap_or("");
    if line.contains(',') {
        b','
    } else if line.contains(';') {
        b';'
    } else if line.contains('\t') {
        b'\t'
    } else {
        b','
    }
}

/// Byte offsets where spreadsheet rows start: after every line end outside a quoted cell.
fn row_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut quoted = false;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => starts.push(i + 1),
            _ => {}
        }
    }
    starts
}

/// Reads the records of a CSV text. Row numbers are the spreadsheet's: the header is row 1,
/// blank lines count, a cell spanning several lines does not.
pub fn records(file: &str, text: &str, problems: &mut Vec<Problem>) -> Vec<(usize, Vec<String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let starts = row_starts(text);
    let bytes = text.as_bytes();
    // The reader's position is where the previous record ended: skip the line ends.
    let row_at = |pos: usize| {
        let mut p = pos;
        while p < bytes.len() && matches!(bytes[p], b'\r' | b'\n') {
            p += 1;
        }
        starts.partition_point(|&s| s <= p).max(1)
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(bytes);
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let pos = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(true) => {
                let start = record.position().map(|p| p.byte() as usize).unwrap_or(pos);
                out.push((row_at(start), record.iter().map(str::to_string).collect()));
            }
            Ok(false) => break,
            Err(e) => {
                problems.push(Problem::error(
                    at(file, row_at(pos), None),
                    format!("cannot read this row as CSV: {e}"),
                    format!("baris ini tidak dapat dibaca sebagai CSV: {e}"),
                ));
                break;
            }
        }
    }
    out
}

impl Sheet {
    /// Reads `text` as the file `spec`: checks the header (unknown, duplicate and missing
    /// columns) and the length of every row.
    pub fn read(spec: &'static FileSpec, text: &str, problems: &mut Vec<Problem>) -> Sheet {
        let file = spec.name;
        let mut recs = records(file, text, problems).into_iter();
        let mut sheet = Sheet {
            file,
            index: HashMap::new(),
            rows: Vec::new(),
        };
        let Some((_, header)) = recs.next() else {
            problems.push(Problem::error(
                file,
                "the file is empty: it needs at least the header row",
                "berkasnya kosong: perlu paling sedikit baris judul kolom",
            ));
            return sheet;
        };
        let known = spec.columns();
        for (i, name) in header.iter().enumerate() {
            let name = name.trim().to_lowercase();
            if name.is_empty() {
                continue;
            }
            if !known.iter().any(|c| c.name == name) {
                problems.push(Problem::warning(
                    at(file, 1, Some(&name)),
                    "unknown column, ignored (check its spelling against the template)",
                    "kolom tidak dikenal, diabaikan (periksa ejaannya dengan templat)",
                ));
                continue;
            }
            if sheet.index.insert(name.clone(), i).is_some() {
                problems.push(Problem::error(
                    at(file, 1, Some(&name)),
                    "this column appears twice",
                    "kolom ini muncul dua kali",
                ));
            }
        }
        for f in spec.fields {
            let missing = match f.kind {
                Kind::Text if f.required => {
                    let (a, b) = (format!("{}_id", f.name), format!("{}_en", f.name));
                    (!sheet.index.contains_key(&a) && !sheet.index.contains_key(&b))
                        .then(|| format!("{a}\" or \"{b}"))
                }
                Kind::Provenance => (!sheet.index.contains_key("provenance_kind"))
                    .then(|| "provenance_kind".to_string()),
                Kind::Text => None,
                _ if f.required => (!sheet.index.contains_key(f.name)).then(|| f.name.to_string()),
                _ => None,
            };
            if let Some(name) = missing {
                problems.push(Problem::error(
                    at(file, 1, None),
                    format!("missing column \"{name}\" (see the template for the header row)"),
                    format!("kolom \"{name}\" tidak ada (lihat baris judul kolom di templat)"),
                ));
            }
        }
        let width = header.len();
        for (row, cells) in recs {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if cells.len() > width && cells[width..].iter().any(|c| !c.trim().is_empty()) {
                problems.push(Problem::error(
                    at(file, row, None),
                    format!(
                        "this row has {} cells but the header has {width} columns",
                        cells.len()
                    ),
                    format!(
                        "baris ini memiliki {} sel tetapi judulnya memiliki {width} kolom",
                        cells.len()
                    ),
                ));
            }
            sheet.rows.push((row, cells));
        }
        sheet
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

    #[test]
    fn rows_count_blank_lines_but_not_multi_line_cells() {
        let mut p = Vec::new();
        let text = "\u{feff}id,name\na,\"two\nlines\"\n\nb,x\nc,y\n";
        let recs = records("x.csv", text, &mut p);
        let rows: Vec<usize> = recs.iter().map(|r| r.0).collect();
        assert_eq!(rows, vec![1, 2, 4, 5]);
        let crlf = records(
            "x.csv",
            "id,name\r\na,b\r\n\r\n\r\nb,x\r\nc,\"y\r\nz\"\r\nd,w",
            &mut p,
        );
        let rows: Vec<usize> = crlf.iter().map(|r| r.0).collect();
        assert_eq!(rows, vec![1, 2, 5, 6, 7]);
        assert_eq!(recs[1].1[1], "two\nlines");
        assert_eq!(recs[0].1[0], "id", "the byte-order mark is dropped");
        assert!(p.is_empty());
    }

    #[test]
    fn semicolon_delimited_files_are_read() {
        let mut p = Vec::new();
        let recs = records("x.csv", "id;hazards\na;\"flood;fire\"\n", &mut p);
        assert_eq!(recs[1].1, vec!["a", "flood;fire"]);
    }
}
