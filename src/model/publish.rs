//! The dataset as the JSON file the explorer reads (`dist/data/<city>.json`): what the
//! command line's `jrs-data import -o` writes and what the browser's "download as JSON"
//! gives, so a web team publishes a dataset opened from spreadsheets by replacing one file.
//! One space of indentation and a final line end, like the bundled datasets (written by
//! `tools/build_datasets.py`), so a downloaded copy of a bundled dataset equals the file.

use crate::model::types::Dataset;

/// The dataset as JSON text, ready to be saved as `data/<city>.json`.
pub fn dataset_json(d: &Dataset) -> String {
    // Serialising plain data (strings, numbers, lists, maps with string keys) cannot fail;
    // an empty string would be refused by the loader, never read as a dataset.
    use serde::Serialize;
    let mut out = Vec::new();
    let mut writer = serde_json::Serializer::with_formatter(
        &mut out,
        serde_json::ser::PrettyFormatter::with_indent(b" "),
    );
    if d.serialize(&mut writer).is_err() {
        return String::new();
    }
    let mut json = String::from_utf8(out).unwrap_or_default();
    json.push('\n');
    json
}

/// A file name for the download: the dataset's id, made safe for every file system.
pub fn json_file_name(d: &Dataset) -> String {
    let safe: String = d
        .meta
        .id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let safe = safe.trim_matches('-');
    if safe.is_empty() {
        "strategy.json".to_string()
    } else {
        format!("{safe}.json")
    }
}
