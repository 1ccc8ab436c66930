//! The app's way of reading a dataset (every fetched one, and one the "open your data" panel
//! has already read and checked): plain typed decoding straight from the text, then the
//! validator, with none of the full reader's JSON-path machinery. The app's wasm links only
//! this; the full reader (`load_bytes`: every problem with its path, unknown fields as
//! warnings) lives in the lazy module, asked only when this path gives no dataset
//! (ARCHITECTURE.md "Two wasm modules").

use super::{LoadOutcome, MAX_DATASET_BYTES};
use crate::model::problem::Problem;
use crate::model::types::Dataset;
use crate::model::validate::{validate_into, Collector, Unread};

/// The problem of a file over [`MAX_DATASET_BYTES`].
pub fn too_large(len: usize) -> Problem {
    Problem::error(
        "(file)",
        format!(
            "the file is {len} bytes; the largest dataset accepted is {MAX_DATASET_BYTES} bytes"
        ),
        format!("berkasnya {len} bita; dataset terbesar yang diterima {MAX_DATASET_BYTES} bita"),
    )
}

/// Decodes a dataset from `reader`, or says why not (serde's words, with line and column).
/// Fields the record types do not know are skipped without a word: the full reader reports
/// them. The text is read in 64 KB pieces, so a large file need not be in memory whole (the
/// app reads it from the browser's copy, `ui::ctx::data_fetch`); one reader type, so the
/// record types' decoding is in the wasm once.
pub fn decode_from(reader: &mut dyn std::io::Read) -> Result<Dataset, Problem> {
    use std::io::BufRead;
    let mut buffered = std::io::BufReader::with_capacity(1 << 16, reader);
    // A byte-order mark is harmless: skip it.
    if buffered
        .fill_buf()
        .is_ok_and(|b| b.starts_with("\u{feff}".as_bytes()))
    {
        buffered.consume(3);
    }
    serde_json::from_reader(buffered).map_err(|e| {
        Problem::error(
            format!("line {}, column {}", e.line(), e.column()),
            format!("the dataset cannot be read: {e}"),
            format!("dataset tidak dapat dibaca: {e}"),
        )
    })
}

/// Decodes `bytes` as a dataset ([`decode_from`]), refusing a file over [`MAX_DATASET_BYTES`].
pub fn decode(mut bytes: &[u8]) -> Result<Dataset, Problem> {
    if bytes.len() > MAX_DATASET_BYTES {
        return Err(too_large(bytes.len()));
    }
    decode_from(&mut bytes)
}

/// Validates a decoded dataset: it, with the validator's warnings, when it has no errors;
/// otherwise why not.
pub fn checked(decoded: Result<Dataset, Problem>) -> LoadOutcome {
    let dataset = match decoded {
        Ok(d) => d,
        Err(p) => return LoadOutcome::failed(vec![p]),
    };
    let mut out = Collector::default();
    validate_into(&dataset, &Unread::default(), &mut out);
    if out.has_errors() {
        return LoadOutcome::failed(out.finish());
    }
    LoadOutcome {
        dataset: Some(dataset),
        problems: out.finish(),
    }
}

/// Decodes and validates `bytes` ([`decode`], [`checked`]).
pub fn load(bytes: &[u8]) -> LoadOutcome {
    checked(decode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Vec<u8> {
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/jakarta.json"))
            .expect("data/jakarta.json")
    }

    #[test]
    fn the_lean_path_reads_the_bundled_dataset_as_the_full_reader_does() {
        let bytes = bundled();
        let full = super::super::load_bytes(&bytes);
        let lean = load(&bytes);
        assert!(
            lean.dataset.is_some(),
            "the bundled dataset takes the lean path"
        );
        assert_eq!(lean.dataset, full.dataset);
        assert_eq!(lean.problems, full.problems);
    }

    #[test]
    fn a_dataset_with_errors_is_left_to_the_full_reader() {
        // Broken JSON, a record of the wrong type, and a dangling reference (valid JSON
        // and types, refused by the validator): the lean path gives no dataset for any.
        let bytes = bundled();
        let text = String::from_utf8(bytes).expect("UTF-8");
        let cut = load(&text.as_bytes()[..text.len() / 2]);
        assert!(cut.dataset.is_none());
        assert!(
            cut.problems[0].path.starts_with("line "),
            "{:?}",
            cut.problems
        );
        let wrong_type = text.replacen("\"pillars\": [", "\"pillars\": [7, ", 1);
        assert_ne!(wrong_type, text, "the dataset has a pillars list");
        assert!(load(wrong_type.as_bytes()).dataset.is_none());
        let mut d: Dataset = serde_json::from_str(&text).expect("decodes");
        d.actions[0].pillars = vec!["no-such-pillar".into()];
        let dangling = serde_json::to_vec(&d).expect("encodes");
        assert!(decode(&dangling).is_ok());
        let lean = load(&dangling);
        assert!(lean.dataset.is_none());
        assert_eq!(lean.problems, super::super::load_bytes(&dangling).problems);
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_a_huge_file_refused() {
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend(bundled());
        assert!(load(&bytes).dataset.is_some());
        let huge = vec![b' '; MAX_DATASET_BYTES + 1];
        assert!(decode(&huge).is_err_and(|p| p.message.contains("largest dataset")));
    }
}
