//! Spreadsheet import and export: a dataset as a folder of CSV files, one per entity
//! (`meta.csv`, `sources.csv`, `pillars.csv`, `targets.csv`, … `timeline.csv`), so a city team
//! can keep its strategy in a spreadsheet. Texts have `_id`/`_en` columns, lists are
//! `;`-separated, and a round trip is lossless: dataset → CSV → dataset gives the same
//! dataset, CSV → dataset → CSV the same files.
//!
//! Import reports every problem with its file, spreadsheet row (the header is row 1) and
//! column, then runs the dataset validator and maps its JSON paths back to file, row and
//! column. The command line (`jrs-data import`) and the explorer's "open your data" panel
//! both call [`import_files`], so they give the same report.

mod cells;
pub mod guide;
mod locate;
mod sheet;
pub mod spec;
mod tables;
pub mod unzip;
pub mod zip;

use crate::model::load::MAX_DATASET_BYTES;
use crate::model::problem::{msg, Message, Problem, Severity};
use crate::model::types::*;
use crate::model::validate::validate;
use cells::{at, Cells};
use locate::Rows;
use sheet::Sheet;
use spec::{FileSpec, FILES, META};
use std::collections::HashMap;

pub use spec::columns_markdown;

/// Writes one CSV text: a byte-order mark (so spreadsheet programs read UTF-8), the header,
/// the rows; `\n` line ends; cells quoted only when they need it.
fn csv_text(header: &[String], rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut write = |r: &[String]| {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(r);
    };
    write(header);
    for r in rows {
        write(r);
    }
    let bytes = w.into_inner().unwrap_or_default();
    let mut s = String::from('\u{feff}');
    s.push_str(&String::from_utf8_lossy(&bytes));
    s
}

/// The rows of one file of `d`.
fn rows_of(d: &Dataset, spec: &FileSpec) -> Vec<Vec<String>> {
    use tables::*;
    fn all<T>(xs: &[T], f: fn(&T) -> Vec<String>) -> Vec<Vec<String>> {
        xs.iter().map(f).collect()
    }
    match spec.name {
        "meta.csv" => {
            let values = write_meta(&d.schema, &d.meta);
            spec.header()
                .into_iter()
                .zip(values)
                .map(|(k, v)| vec![k, v])
                .collect()
        }
        "sources.csv" => all(&d.sources, write_source),
        "pillars.csv" => all(&d.pillars, write_pillar),
        "targets.csv" => d
            .pillars
            .iter()
            .flat_map(|p| p.targets.iter().map(|t| write_target(&p.id, t)))
            .collect(),
        "goals.csv" => all(&d.goals, write_goal),
        "strategies.csv" => all(&d.strategies, write_strategy),
        "hazards.csv" => all(&d.hazards, write_hazard),
        "rankings.csv" => all(&d.rankings, write_ranking),
        "focus_areas.csv" => all(&d.focus_areas, write_focus_area),
        "crf_dimensions.csv" => all(&d.crf.dimensions, write_crf_dimension),
        "crf_drivers.csv" => all(&d.crf.drivers, write_crf_driver),
        "crf_qualities.csv" => all(&d.crf.qualities, write_crf_quality),
        "actions.csv" => d.actions.iter().map(|a| write_action(a)).collect(),
        "areas.csv" => all(&d.areas, write_area),
        "timeline.csv" => all(&d.timeline, write_event),
        _ => Vec::new(),
    }
}

fn header_of(spec: &FileSpec) -> Vec<String> {
    if spec.name == META.name {
        vec!["field".into(), "value".into()]
    } else {
        spec.header()
    }
}

/// The dataset as CSV files: (file name, CSV text), every file, in a fixed order.
pub fn export(d: &Dataset) -> Vec<(String, String)> {
    FILES
        .iter()
        .map(|spec| {
            (
                spec.name.to_string(),
                csv_text(&header_of(spec), &rows_of(d, spec)),
            )
        })
        .collect()
}

/// Empty templates: every file with its header row only (`meta.csv` lists its fields with
/// empty values).
pub fn templates() -> Vec<(String, String)> {
    FILES
        .iter()
        .map(|spec| {
            let rows: Vec<Vec<String>> = if spec.name == META.name {
                spec.header()
                    .into_iter()
                    .map(|k| vec![k, String::new()])
                    .collect()
            } else {
                Vec::new()
            };
            (spec.name.to_string(), csv_text(&header_of(spec), &rows))
        })
        .collect()
}

/// The file name without folders, lower-case.
fn base_name(name: &str) -> String {
    name.rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .trim()
        .to_lowercase()
}

/// Like [`import_files`], with a ZIP archive among the files counting as the files in it (a
/// separate function so that a caller that never reads archives does not carry the reader).
pub fn import_files_or_zips(files: &[(String, Vec<u8>)]) -> (Option<Dataset>, Vec<Problem>) {
    // A zipped folder (the explorer's own CSV export, or the folder zipped again) counts as
    // the files in it.
    let mut unpacked = Vec::new();
    for (name, bytes) in files {
        if !(name.to_ascii_lowercase().ends_with(".zip") || unzip::looks_like_zip(bytes)) {
            unpacked.push((name.clone(), bytes.clone()));
            continue;
        }
        match unzip::unzip(bytes, MAX_DATASET_BYTES) {
            Ok(entries) => unpacked.extend(entries),
            Err(e) => {
                let at = match e.entry.as_str() {
                    "" => base_name(name),
                    entry => format!("{}: {entry}", base_name(name)),
                };
                return (None, vec![Problem::error(at, e.en, e.id)]);
            }
        }
    }
    import_files(&unpacked)
}

/// Reads a set of files given as bytes (checks size and UTF-8 first), as the browser and
/// the command line have them.
pub fn import_files(files: &[(String, Vec<u8>)]) -> (Option<Dataset>, Vec<Problem>) {
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    if total > MAX_DATASET_BYTES {
        return (
            None,
            vec![Problem::error(
                "(files)",
                format!(
                    "the files hold {total} bytes together; the largest dataset accepted is \
                     {MAX_DATASET_BYTES} bytes"
                ),
                format!(
                    "berkas-berkasnya berjumlah {total} bita; dataset terbesar yang diterima \
                     {MAX_DATASET_BYTES} bita"
                ),
            )],
        );
    }
    let mut problems = Vec::new();
    let mut texts = Vec::new();
    for (name, bytes) in files {
        match std::str::from_utf8(bytes) {
            Ok(t) => texts.push((name.clone(), t.to_string())),
            Err(e) => {
                let upto = &bytes[..e.valid_up_to()];
                let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
                problems.push(Problem::error(
                    format!("{}: line {line}", base_name(name)),
                    "the file is not UTF-8 text: save it as \"CSV UTF-8\"",
                    "berkasnya bukan teks UTF-8: simpan sebagai \"CSV UTF-8\"",
                ));
            }
        }
    }
    if !problems.is_empty() {
        return (None, problems);
    }
    import(&texts)
}

/// Reads a dataset from CSV files given as (name, text). Returns the dataset when there is
/// no error, and every problem (errors and warnings) with its file, row and column.
pub fn import(files: &[(String, String)]) -> (Option<Dataset>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut texts: HashMap<&'static str, &str> = HashMap::new();
    for (name, text) in files {
        let base = base_name(name);
        match spec::file(&base) {
            Some(spec) => {
                if texts.insert(spec.name, text.as_str()).is_some() {
                    problems.push(Problem::error(
                        spec.name,
                        "given twice: choose one file of each name",
                        "diberikan dua kali: pilih satu berkas untuk tiap nama",
                    ));
                }
            }
            None => {
                let names = FILES.iter().map(|f| f.name).collect::<Vec<_>>().join(", ");
                problems.push(Problem::warning(
                    base,
                    format!("not one of the dataset's files, ignored (they are {names})"),
                    format!("bukan salah satu berkas dataset, diabaikan (berkasnya: {names})"),
                ))
            }
        }
    }
    let missing: Vec<&str> = FILES
        .iter()
        .filter(|f| f.required && !texts.contains_key(f.name))
        .map(|f| f.name)
        .collect();
    for m in &missing {
        problems.push(Problem::error(
            *m,
            "missing: a dataset needs meta.csv, sources.csv and pillars.csv (the other files \
             are optional)",
            "tidak ada: dataset memerlukan meta.csv, sources.csv dan pillars.csv (berkas \
             lainnya tidak wajib)",
        ));
    }
    if !missing.is_empty() {
        return (None, problems);
    }

    let mut rows = Rows::default();
    let sheet = |spec: &'static FileSpec, problems: &mut Vec<Problem>| -> Option<Sheet> {
        texts.get(spec.name).map(|t| Sheet::read(spec, t, problems))
    };
    let (schema, meta) = read_meta(texts[META.name], &mut rows, &mut problems);

    // One collection: its rows read into records, with the row of each.
    fn read_all<T>(
        spec: &'static FileSpec,
        sheet: Option<Sheet>,
        rows: &mut Rows,
        problems: &mut Vec<Problem>,
        read: fn(&mut Cells) -> T,
    ) -> Vec<T> {
        let Some(sheet) = sheet else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut at_rows = Vec::new();
        for (row, cells) in &sheet.rows {
            let mut c = Cells::new(&sheet, *row, cells, problems);
            out.push(read(&mut c));
            at_rows.push(*row);
        }
        rows.records.insert(spec.json, at_rows);
        out
    }
    let spec_of = |name: &str| -> &'static FileSpec {
        FILES
            .iter()
            .find(|f| f.name == name)
            .expect("a file of the spec")
    };
    macro_rules! collection {
        ($name:literal, $read:path) => {{
            let spec = spec_of($name);
            let s = sheet(spec, &mut problems);
            read_all(spec, s, &mut rows, &mut problems, $read)
        }};
    }
    let sources = collection!("sources.csv", tables::read_source);
    let mut pillars = collection!("pillars.csv", tables::read_pillar);
    rows.targets = vec![Vec::new(); pillars.len()];
    let targets_spec = spec_of("targets.csv");
    if let Some(ts) = sheet(targets_spec, &mut problems) {
        for (row, cells) in &ts.rows {
            let mut c = Cells::new(&ts, *row, cells, &mut problems);
            let (pillar, target) = tables::read_target(&mut c);
            match pillars.iter().position(|p| p.id == pillar) {
                Some(i) => {
                    pillars[i].targets.push(target);
                    rows.targets[i].push(*row);
                }
                None => problems.push(Problem::new(
                    Severity::Error,
                    at(targets_spec.name, *row, Some("pillar")),
                    if pillar.trim().is_empty() {
                        Message::new(
                            "missing: say which pillar (an id from pillars.csv) the target \
                             belongs to",
                            "tidak ada: sebutkan pilar (id dari pillars.csv) tempat target ini",
                        )
                    } else {
                        let q = crate::model::problem::quote(&pillar);
                        msg!(
                            "unknown pillar {q} (the ids are in pillars.csv)",
                            "pilar {q} tidak dikenal (id-nya ada di pillars.csv)",
                        )
                    },
                )),
            }
        }
    }
    let goals = collection!("goals.csv", tables::read_goal);
    let strategies = collection!("strategies.csv", tables::read_strategy);
    let hazards = collection!("hazards.csv", tables::read_hazard);
    let rankings = collection!("rankings.csv", tables::read_ranking);
    let focus_areas = collection!("focus_areas.csv", tables::read_focus_area);
    let crf = Crf {
        dimensions: collection!("crf_dimensions.csv", tables::read_crf_dimension),
        drivers: collection!("crf_drivers.csv", tables::read_crf_driver),
        qualities: collection!("crf_qualities.csv", tables::read_crf_quality),
    };
    let actions: Vec<Box<Action>> = collection!("actions.csv", tables::read_action)
        .into_iter()
        .map(Box::new)
        .collect();
    let areas = collection!("areas.csv", tables::read_area);
    let timeline = collection!("timeline.csv", tables::read_event);

    let dataset = Dataset {
        schema,
        meta,
        sources,
        pillars,
        goals,
        strategies,
        hazards,
        rankings,
        focus_areas,
        crf,
        actions,
        areas,
        timeline,
    };

    // The validator's problems, located in the spreadsheet. A cell already reported as
    // unreadable is not reported again.
    let reported: std::collections::HashSet<String> =
        problems.iter().map(|p| p.path.clone()).collect();
    for p in validate(&dataset) {
        let path = locate::locate(&p.path, &rows).unwrap_or_else(|| p.path.clone());
        if p.is_error() && reported.contains(&path) {
            continue;
        }
        let message = Message::new(
            locate::message(&p.message, &rows),
            locate::message(&p.message_indonesian, &rows),
        );
        problems.push(Problem::new(p.severity, path, message));
    }
    // Errors first (in file order), then warnings: what must be fixed is at the top.
    problems.sort_by_key(|p| p.severity);
    if problems.iter().any(Problem::is_error) {
        (None, problems)
    } else {
        (Some(dataset), problems)
    }
}

/// Reads `meta.csv` (columns `field` and `value`, one row per field).
fn read_meta(text: &str, rows: &mut Rows, problems: &mut Vec<Problem>) -> (Option<String>, Meta) {
    let file = META.name;
    let recs = sheet::records(file, text, problems);
    let known = META.header();
    let mut index = HashMap::new();
    let mut values = Vec::new();
    let mut iter = recs.into_iter();
    match iter.next() {
        Some((_, h))
            if h.len() >= 2
                && h[0].trim().eq_ignore_ascii_case("field")
                && h[1].trim().eq_ignore_ascii_case("value") => {}
        _ => problems.push(Problem::error(
            at(file, 1, None),
            "the header row must be: field,value",
            "baris judul kolom harus: field,value",
        )),
    }
    for (row, cells) in iter {
        let key = cells
            .first()
            .map(|k| k.trim().to_lowercase())
            .unwrap_or_default();
        let value = cells.get(1).cloned().unwrap_or_default();
        if key.is_empty() {
            if !value.trim().is_empty() {
                problems.push(Problem::error(
                    at(file, row, Some("field")),
                    "missing: which field is this value for?",
                    "tidak ada: nilai ini untuk bidang yang mana?",
                ));
            }
            continue;
        }
        if !known.contains(&key) {
            let q = crate::model::problem::quote(&key);
            problems.push(Problem::warning(
                at(file, row, Some("field")),
                format!("unknown field {q}, ignored (check its spelling against the template)"),
                format!("bidang {q} tidak dikenal, diabaikan (periksa ejaannya dengan templat)"),
            ));
            continue;
        }
        if let Some(first) = rows.meta.get(&key) {
            problems.push(Problem::error(
                at(file, row, Some("field")),
                format!("the field {key} is given twice (first in row {first})"),
                format!("bidang {key} diberikan dua kali (pertama di baris {first})"),
            ));
            continue;
        }
        if cells.len() > 2 && cells[2..].iter().any(|c| !c.trim().is_empty()) {
            problems.push(Problem::warning(
                at(file, row, None),
                "only the first two cells (field, value) are read; the rest is ignored",
                "hanya dua sel pertama (field, value) yang dibaca; sisanya diabaikan",
            ));
        }
        rows.meta.insert(key.clone(), row);
        index.insert(key, values.len());
        values.push(value);
    }
    let meta_rows = rows.meta.clone();
    let mut c = Cells::named(file, &index, &meta_rows, &values, problems);
    tables::read_meta(&mut c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::synthetic;

    fn files_of(d: &Dataset) -> Vec<(String, String)> {
        export(d)
    }

    #[test]
    fn every_writer_fills_every_column() {
        let d = synthetic::generate(30, 40, 7);
        for spec in FILES {
            let width = header_of(spec).len();
            for r in rows_of(&d, spec) {
                assert_eq!(r.len(), width, "{}", spec.name);
            }
        }
        assert_eq!(
            tables::write_meta(&None, &d.meta).len(),
            META.header().len()
        );
    }

    #[test]
    fn synthetic_round_trips() {
        let d = synthetic::generate(50, 60, 3);
        let files = files_of(&d);
        let (back, problems) = import(&files);
        assert!(
            problems.iter().all(|p| !p.is_error()),
            "{:?}",
            problems.iter().filter(|p| p.is_error()).collect::<Vec<_>>()
        );
        assert_eq!(back.as_ref(), Some(&d));
        assert_eq!(export(&back.unwrap()), files);
    }

    #[test]
    fn templates_read_as_a_dataset_with_errors_only_in_meta() {
        let (d, problems) = import(&templates());
        assert!(d.is_none());
        assert!(
            problems.iter().all(|p| p.path.starts_with("meta.csv")),
            "{problems:?}"
        );
    }
}
