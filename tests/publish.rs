//! Publishing without a command line: the dataset written as JSON by the explorer (and by
//! `jrs-data import -o`) is the file the explorer reads, byte for byte like the bundled ones.
#![cfg(not(target_arch = "wasm32"))]

use jrs::model::csv_io;
use jrs::model::publish::{dataset_json, json_file_name};
use jrs::model::{load_str, synthetic};

mod support;
use support::{dataset, read_text};

#[test]
fn the_bundled_datasets_are_written_back_as_they_are() {
    for path in ["data/jakarta.json", "data/chennai.json"] {
        let d = dataset(path);
        let written = dataset_json(&d);
        assert!(
            written == read_text(path),
            "{path}: written JSON differs from the file"
        );
        let again = load_str(&written).dataset.expect("the written JSON loads");
        assert!(again == d, "{path}: JSON → dataset → JSON changed it");
    }
}

#[test]
fn spreadsheets_opened_in_the_browser_publish_as_one_loadable_file() {
    // CSV files (as a city team edits them) → dataset → the JSON download → the explorer.
    let d = dataset("data/chennai.json");
    let files: Vec<(String, Vec<u8>)> = csv_io::export(&d)
        .into_iter()
        .map(|(n, t)| (n, t.into_bytes()))
        .collect();
    let (read, problems) = csv_io::import_files(&files);
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
    let read = read.expect("a dataset");
    let outcome = load_str(&dataset_json(&read));
    assert!(outcome.problems.iter().all(|p| !p.is_error()));
    assert!(outcome.dataset.as_ref() == Some(&d));
    assert_eq!(json_file_name(&d), format!("{}.json", d.meta.id));
}

#[test]
fn the_file_name_is_safe_on_every_system() {
    let mut d = synthetic::generate(3, 3, 7);
    d.meta.id = "../Kota <Baru>: 2030".to_string();
    assert_eq!(json_file_name(&d), "kota--baru---2030.json");
    d.meta.id = "///".to_string();
    assert_eq!(json_file_name(&d), "strategy.json");
}
