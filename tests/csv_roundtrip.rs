//! Spreadsheet import and export: lossless round trips on the real datasets and generated
//! ones, reports that point at file, row and column, the committed templates and DATA.md
//! kept in step with the code, and the `jrs-data import`/`export` commands.
#![cfg(not(target_arch = "wasm32"))]

use jrs::model::csv_io::{self, spec::FILES};
use jrs::model::{load_str, synthetic, Dataset, Problem, Text};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

mod support;
use support::{dataset, read_text as read, root};

fn errors(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.to_string())
        .collect()
}

/// JSON → CSV → JSON gives the same dataset; CSV → JSON (text) → CSV the same files.
fn assert_round_trips(d: &Dataset, what: &str) {
    let files = csv_io::export(d);
    assert_eq!(files.len(), FILES.len());
    let (back, problems) = csv_io::import(&files);
    assert!(
        errors(&problems).is_empty(),
        "{what}: {:?}",
        errors(&problems)
    );
    let back = back.expect("a dataset");
    assert!(&back == d, "{what}: JSON → CSV → JSON changed the dataset");

    let json = serde_json::to_string_pretty(&back).unwrap();
    let reread = load_str(&json).dataset.expect("the imported JSON loads");
    let again = csv_io::export(&reread);
    for ((name, a), (name2, b)) in files.iter().zip(&again) {
        assert_eq!(name, name2);
        assert!(a == b, "{what}: {name} differs after CSV → JSON → CSV");
    }
}

#[test]
fn jakarta_round_trips() {
    assert_round_trips(&dataset("data/jakarta.json"), "jakarta");
}

#[test]
fn chennai_round_trips() {
    assert_round_trips(&dataset("data/chennai.json"), "chennai");
}

#[test]
fn synthetic_datasets_round_trip() {
    for (actions, areas, seed) in [(0, 0, 1), (200, 300, 2), (1000, 50, 99)] {
        let mut d = synthetic::generate(actions, areas, seed);
        // The generator draws coordinates with 17 significant digits; serde_json (without its
        // `float_roundtrip` feature) may read such a number back 1 ULP off. Real coordinates
        // have at most 15 digits and read back exactly, as do these, rounded to 1 cm.
        for a in &mut d.areas {
            for c in &mut a.centroid {
                *c = (*c * 1e7).round() / 1e7;
            }
        }
        assert_round_trips(&d, &format!("synthetic {actions}/{areas}/{seed}"));
    }
}

fn tricky_text() -> impl Strategy<Value = String> {
    // Commas, quotes, semicolons, line breaks, a byte-order mark, non-Latin letters.
    proptest::string::string_regex("[a-zA-Z0-9 ,;\"'\\\\\n\r\t\u{feff}éşğ—“”日本]{0,40}").unwrap()
}

fn tricky_item() -> impl Strategy<Value = String> {
    // List items are trimmed and never empty.
    proptest::string::string_regex(
        "[a-zA-Z0-9,;\"'\\\\éş—]([a-zA-Z0-9 ,;\"'\\\\éş—]{0,20}[a-zA-Z0-9,;\"'\\\\éş—])?",
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_round_trips(
        id in tricky_text(),
        en in tricky_text(),
        lead in tricky_text(),
        partners in proptest::collection::vec(tricky_item(), 0..4),
        population in proptest::option::of(0u64..50_000_000),
        lon in -180.0f64..180.0,
    ) {
        let mut d = synthetic::generate(3, 4, 5);
        let text = Text { id: id.clone(), en: en.clone(), editor_translated: None };
        d.actions[0].title = Text { id: format!("x{id}"), ..text.clone() };
        d.actions[0].description = (text != Text::default()).then(|| text.clone());
        d.actions[1].lead = (!lead.is_empty()).then(|| lead.clone());
        d.actions[1].partners = partners;
        d.meta.vision = text.clone();
        d.sources[0].title = format!("x{id}");
        if let Some(a) = d.areas.first_mut() {
            a.population = population;
            a.centroid[0] = lon;
            a.name = format!("x{en}");
        }
        let files = csv_io::export(&d);
        let (back, problems) = csv_io::import(&files);
        prop_assert!(back.is_some(), "import failed: {:?}", problems);
        prop_assert_eq!(back.unwrap(), d);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever is in the files, import reports problems and never panics.
    #[test]
    fn import_never_panics(
        meta in "(field,value\n)?([a-z_$]{0,12},[^\n]{0,20}\n){0,6}",
        actions in "[a-z_,;\"\n\r ]{0,200}",
        header in proptest::collection::vec("[a-z_]{0,16}", 0..8),
        rows in proptest::collection::vec(proptest::collection::vec("[^\n,]{0,12}", 0..10), 0..5),
    ) {
        let table = std::iter::once(header.join(","))
            .chain(rows.iter().map(|r| r.join(",")))
            .collect::<Vec<_>>()
            .join("\n");
        let files = vec![
            ("meta.csv".to_string(), meta),
            ("sources.csv".to_string(), table.clone()),
            ("pillars.csv".to_string(), table.clone()),
            ("areas.csv".to_string(), table.clone()),
            ("targets.csv".to_string(), table),
            ("actions.csv".to_string(), actions),
        ];
        let (d, problems) = csv_io::import(&files);
        prop_assert!(d.is_some() || problems.iter().any(|p| p.is_error()));
    }
}

#[test]
fn committed_templates_are_current() {
    for (name, text) in csv_io::templates() {
        let rel = format!("data/templates/{name}");
        assert!(
            read(&rel) == text,
            "{rel} is out of date: run `cargo run --bin jrs-data -- templates -o data/templates`"
        );
    }
}

#[test]
fn committed_example_is_the_chennai_dataset() {
    let files = csv_io::export(&dataset("data/chennai.json"));
    for (name, text) in &files {
        let rel = format!("data/templates/example/{name}");
        assert!(
            &read(&rel) == text,
            "{rel} is out of date: run `cargo run --bin jrs-data -- export data/chennai.json -o data/templates/example`"
        );
    }
    // And the example folder imports cleanly, through the same function the browser uses.
    let dir = root().join("data/templates/example");
    let mut given = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        given.push((
            entry.file_name().to_string_lossy().into_owned(),
            std::fs::read(entry.path()).unwrap(),
        ));
    }
    let (d, problems) = csv_io::import_files(&given);
    assert!(errors(&problems).is_empty(), "{:?}", errors(&problems));
    assert_eq!(d.unwrap(), dataset("data/chennai.json"));
}

/// The Chennai files with one file's text changed.
fn chennai_with(name: &str, edit: impl Fn(&str) -> String) -> Vec<(String, String)> {
    csv_io::export(&dataset("data/chennai.json"))
        .into_iter()
        .map(|(n, t)| {
            let t = if n == name { edit(&t) } else { t };
            (n, t)
        })
        .collect()
}

/// The records of a CSV text (the header is the first), without a byte-order mark.
fn records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Replaces the cell `column` of spreadsheet row `row` (header = 1) of a CSV text.
fn set_cell(text: &str, row: usize, column: &str, value: &str) -> String {
    let mut recs = records(text);
    let col = recs[0].iter().position(|h| h == column).expect("column");
    recs[row - 1][col] = value.to_string();
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in &recs {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

fn report(files: &[(String, String)]) -> Vec<String> {
    let (d, problems) = csv_io::import(files);
    assert!(d.is_none(), "a dataset with errors must not be returned");
    errors(&problems)
}

fn assert_reported(report: &[String], path: &str, message_part: &str) {
    assert!(
        report
            .iter()
            .any(|p| p.contains(&format!("error: {path}: ")) && p.contains(message_part)),
        "expected `{path}` with “{message_part}” in {report:#?}"
    );
}

/// One cell changed to a bad value, and the error it must give at that cell: file, row,
/// column, value, part of the message.
const BAD_CELLS: [(&str, usize, &str, &str, &str); 6] = [
    (
        "actions.csv",
        3,
        "hazards",
        "floods; volcano",
        "unknown hazard \"volcano\"",
    ),
    (
        "actions.csv",
        4,
        "provenance_kind",
        "rumour",
        "\"rumour\" is not one of the allowed values: confirmed, derived, illustrative",
    ),
    (
        "actions.csv",
        2,
        "timeframe_start",
        "soon",
        "expected a year",
    ),
    ("pillars.csv", 3, "sources", "", "at least one source"),
    (
        "sources.csv",
        2,
        "url",
        "javascript:alert(1)",
        "only http, https and mailto",
    ),
    ("timeline.csv", 2, "date", "2019-13", ""),
];

#[test]
fn errors_point_at_file_row_and_column() {
    for (i, (file, row, column, value, message)) in BAD_CELLS.into_iter().enumerate() {
        let r = report(&chennai_with(file, |t| set_cell(t, row, column, value)));
        assert_reported(
            &r,
            &format!("{file}: row {row}, column \"{column}\""),
            message,
        );
        if i == 0 {
            assert_eq!(r.len(), 1, "{r:#?}");
        }
    }

    let r = report(&chennai_with("actions.csv", |t| {
        set_cell(
            &set_cell(t, 2, "timeframe_start", "2030"),
            2,
            "timeframe_end",
            "2020",
        )
    }));
    assert_reported(
        &r,
        "actions.csv: row 2, column \"timeframe_start\"",
        "the end is before the start",
    );

    let r = report(&chennai_with("hazards.csv", |t| {
        let second = set_cell(t, 2, "id", "same");
        set_cell(&second, 4, "id", "same")
    }));
    assert_reported(
        &r,
        "hazards.csv: row 4, column \"id\"",
        "(already used by row 2)",
    );

    let r = report(&chennai_with("meta.csv", |t| t.replace("CC BY 4.0", "")));
    assert_reported(&r, "meta.csv: row 15, column \"value\"", "licence");

    let r = report(&chennai_with("focus_areas.csv", |t| {
        t.replace("provenance_kind", "provenance_knd")
    }));
    assert_reported(
        &r,
        "focus_areas.csv: row 1",
        "missing column \"provenance_kind\"",
    );

    let r = report(&chennai_with("targets.csv", |t| {
        format!("{t}nowhere,t1,Target,Target,,2030,100rc-chennai,confirmed,Catatan,Note,,\n")
    }));
    assert_reported(
        &r,
        "targets.csv: row 2, column \"pillar\"",
        "unknown pillar \"nowhere\"",
    );

    // A missing required file is named.
    let files: Vec<_> = csv_io::export(&dataset("data/chennai.json"))
        .into_iter()
        .filter(|(n, _)| n != "sources.csv")
        .collect();
    assert_reported(&report(&files), "sources.csv", "missing");
}

#[test]
fn rows_count_like_a_spreadsheet_with_multi_line_cells() {
    // A description over three lines in row 2 does not shift the row of the error in row 3.
    let files = chennai_with("actions.csv", |t| {
        let t = set_cell(t, 2, "description_en", "line one\nline two\nline three");
        set_cell(&t, 3, "pillars", "atlantis")
    });
    let r = report(&files);
    assert_reported(
        &r,
        "actions.csv: row 3, column \"pillars\"",
        "unknown pillar \"atlantis\"",
    );
}

#[test]
fn spreadsheet_variants_are_accepted() {
    // Saved with `;` as the delimiter, no byte-order mark, CRLF line ends, headers in
    // capitals, columns in another order: the same dataset.
    let d = dataset("data/chennai.json");
    let files: Vec<(String, String)> = csv_io::export(&d)
        .into_iter()
        .map(|(name, text)| {
            let mut recs = records(&text);
            if name != "meta.csv" {
                for r in &mut recs {
                    r.reverse();
                }
            }
            recs[0] = recs[0].iter().map(|h| h.to_uppercase()).collect();
            let mut w = csv::WriterBuilder::new()
                .delimiter(b';')
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new());
            for r in &recs {
                w.write_record(r).unwrap();
            }
            (
                format!("some/folder/{}", name.to_uppercase()),
                String::from_utf8(w.into_inner().unwrap()).unwrap(),
            )
        })
        .collect();
    let (back, problems) = csv_io::import(&files);
    assert!(errors(&problems).is_empty(), "{:?}", errors(&problems));
    assert_eq!(back.unwrap(), d);
}

#[test]
fn data_md_documents_the_format() {
    let doc = read("DATA.md");
    // Every top-level property of the JSON Schema, and every property of its definitions.
    let schema: serde_json::Value =
        serde_json::from_str(&read("data/strategy.schema.json")).unwrap();
    let mut names: Vec<String> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    for def in schema["$defs"].as_object().unwrap().values() {
        if let Some(props) = def["properties"].as_object() {
            names.extend(props.keys().cloned());
        }
    }
    for n in names {
        assert!(
            doc.contains(&format!("`{n}`")),
            "DATA.md does not mention `{n}`"
        );
    }
    // The CSV column tables are the code's.
    let begin = "<!-- csv-columns:begin (generated by `jrs-data columns`) -->\n";
    let end = "<!-- csv-columns:end -->";
    let start = doc
        .find(begin)
        .expect("DATA.md has the column tables' begin marker")
        + begin.len();
    let stop = doc.find(end).expect("DATA.md has the end marker");
    assert!(
        doc[start..stop] == csv_io::columns_markdown(),
        "DATA.md's column tables are out of date: replace them with `cargo run --bin jrs-data -- columns`"
    );
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_jrs-data")
}

#[test]
fn command_line_import_and_export() {
    let tmp = std::env::temp_dir().join(format!("jrs-csv-{}", std::process::id()));
    let csv_dir = tmp.join("csv");
    let json = tmp.join("out.json");
    let back_dir = tmp.join("back");
    let _ = std::fs::remove_dir_all(&tmp);
    let run = |args: &[&Path]| {
        std::process::Command::new(bin())
            .args(args)
            .output()
            .expect("jrs-data runs")
    };
    let p = |s: &str| PathBuf::from(s);

    let out = run(&[
        &p("export"),
        &root().join("data/chennai.json"),
        &p("-o"),
        &csv_dir,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&[&p("import"), &csv_dir, &p("-o"), &json]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("valid: 0 errors"));
    let out = run(&[&p("export"), &json, &p("-o"), &back_dir]);
    assert!(out.status.success());
    for spec in FILES {
        let a = std::fs::read(csv_dir.join(spec.name)).unwrap();
        let b = std::fs::read(back_dir.join(spec.name)).unwrap();
        assert!(
            a == b,
            "{} differs after the command-line round trip",
            spec.name
        );
    }

    // A broken file: exit 1 and the location.
    let actions = csv_dir.join("actions.csv");
    let text = std::fs::read_to_string(&actions).unwrap();
    std::fs::write(&actions, set_cell(&text, 3, "hazards", "volcano")).unwrap();
    let out = run(&[&p("import"), &csv_dir, &p("-o"), &tmp.join("bad.json")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout
            .contains("error: actions.csv: row 3, column \"hazards\": unknown hazard \"volcano\""),
        "{stdout}"
    );
    assert!(
        !tmp.join("bad.json").exists(),
        "no JSON is written for an invalid import"
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

/// The explorer's own download ("CSV files (.zip)": every file in a folder named after the
/// dataset, stored) opens as the dataset it was made from, so a city team can publish what
/// they edited without unpacking it; the same folder zipped again counts the same.
#[test]
fn the_zip_export_opens_as_the_same_dataset() {
    for path in ["data/jakarta.json", "data/chennai.json"] {
        let d = dataset(path);
        let entries: Vec<(String, Vec<u8>)> = csv_io::export(&d)
            .into_iter()
            .map(|(name, text)| (format!("city-csv/{name}"), text.into_bytes()))
            .collect();
        let archive = csv_io::zip::zip(&entries);
        let (back, problems) =
            csv_io::import_files_or_zips(&[("city-csv.zip".to_string(), archive.clone())]);
        assert!(
            errors(&problems).is_empty(),
            "{path}: {:?}",
            errors(&problems)
        );
        assert!(
            back.as_ref() == Some(&d),
            "{path}: zip → dataset changed it"
        );
        // A damaged archive is reported against the archive and the entry, and nothing loads.
        let mut damaged = archive;
        let at = damaged.len() / 2;
        damaged[at] ^= 0x55;
        let (none, problems) =
            csv_io::import_files_or_zips(&[("city-csv.zip".to_string(), damaged)]);
        assert!(none.is_none());
        let p = errors(&problems).join("\n");
        assert!(p.contains("city-csv.zip: city-csv/"), "{path}: {p}");
    }
}

/// Years accept the forms dates take elsewhere in the files: `2025-01` in a timeframe is read
/// as 2025 with a warning that names the cell; what is no date at all is an error that says
/// which forms are accepted.
#[test]
fn year_columns_accept_the_date_forms_with_a_warning() {
    let d = dataset("data/jakarta.json");
    let with_start = |value: &str| -> Vec<(String, String)> {
        csv_io::export(&d)
            .into_iter()
            .map(|(name, text)| {
                if name != "actions.csv" {
                    return (name, text);
                }
                let mut r = csv::ReaderBuilder::new()
                    .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
                let header = r.headers().expect("a header").clone();
                let col = header
                    .iter()
                    .position(|h| h == "timeframe_start")
                    .expect("the column");
                let mut w = csv::Writer::from_writer(Vec::new());
                w.write_record(&header).expect("written");
                for (i, rec) in r.records().enumerate() {
                    let rec = rec.expect("a row");
                    let row: Vec<&str> = rec
                        .iter()
                        .enumerate()
                        .map(|(j, v)| if i == 0 && j == col { value } else { v })
                        .collect();
                    w.write_record(row).expect("written");
                }
                (
                    name,
                    String::from_utf8(w.into_inner().expect("bytes")).expect("text"),
                )
            })
            .collect()
    };
    let (read, problems) = csv_io::import(&with_start("2025-01"));
    let read = read.expect("a warning does not stop the import");
    assert_eq!(
        read.actions[0].timeframe.as_ref().and_then(|t| t.start),
        Some(2025)
    );
    let warning = problems
        .iter()
        .find(|p| !p.is_error())
        .map(|p| p.to_string())
        .unwrap_or_default();
    assert!(
        warning.contains("actions.csv")
            && warning.contains("timeframe_start")
            && warning.contains("2025"),
        "{warning}"
    );
    for bad in ["2025-13", "soon"] {
        let (none, problems) = csv_io::import(&with_start(bad));
        assert!(none.is_none(), "{bad}");
        let e = errors(&problems).join("\n");
        assert!(
            e.contains("timeframe_start") && e.contains("YYYY-MM-DD"),
            "{bad}: {e}"
        );
    }
}

/// The templates download teaches by example: each file's row 2 is the first record of the
/// dataset open now (real, with its sources), exactly as the export writes it, and both
/// READMEs come with it.
#[test]
fn templates_carry_one_real_example_row_and_both_readmes() {
    let d = dataset("data/jakarta.json");
    let exported = csv_io::export(&d);
    let t = csv_io::guide::templates_with_examples(&d);
    for ((name, text), (ename, etext)) in t.iter().zip(&exported) {
        assert_eq!(name, ename);
        let lines: Vec<&str> = text.lines().collect();
        let elines: Vec<&str> = etext.lines().collect();
        if name == "meta.csv" {
            assert_eq!(text, etext, "meta.csv: the example's values");
            continue;
        }
        // Header and the first record (records are one line each in these datasets' export
        // only when no cell holds a line break; compare parsed rows to be safe).
        let rows = |s: &str| -> Vec<Vec<String>> {
            csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(s.trim_start_matches('\u{feff}').as_bytes())
                .records()
                .map(|r| r.expect("a row").iter().map(str::to_string).collect())
                .collect()
        };
        let (got, want) = (rows(text), rows(etext));
        assert_eq!(
            got.len(),
            want.len().min(2),
            "{name}: header and one example"
        );
        assert_eq!(got[..], want[..got.len()], "{name}");
        assert!(!lines.is_empty() && !elines.is_empty());
    }
    let names: Vec<&str> = t.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"README-id.md") && names.contains(&"README-en.md"));
    let readme_id = &t
        .iter()
        .find(|(n, _)| n == "README-id.md")
        .expect("README-id")
        .1;
    assert!(readme_id.contains("Aturan") && readme_id.contains("provenance_note_id"));
}
