//! The CSV sheet reader: a file's text into rows (the delimiter guessed from the header, quoted
//! cells over several lines), each record with its spreadsheet row number, and the header
//! checked against the file's columns (unknown columns warned about, missing required ones
//! reported) so that a bad cell can be reported as `file: row N, column "x"`.

use super::cells::at;
use super::spec::{FileSpec, Kind};
use crate::model::problem::Problem;
use std::collections::HashMap;

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

#[cfg(test)]
mod tests {
    use super::*;

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
