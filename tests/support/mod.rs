//! What the integration tests share: the project's root folder, reading its files, and
//! loading a dataset that must load without errors. Each test file that needs it says
//! `mod support;`, so not every file uses every function.
#![allow(dead_code)]

use std::path::PathBuf;

use jrs::model::{load_bytes, Dataset};

/// The project's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bytes of the file at `rel` (relative to the root); panics naming the file.
pub fn read_bytes(rel: &str) -> Vec<u8> {
    let path = root().join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The text of the file at `rel` (relative to the root); panics naming the file.
pub fn read_text(rel: &str) -> String {
    let path = root().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The dataset in the file at `rel`, which must load with no error (warnings are allowed).
pub fn dataset(rel: &str) -> Dataset {
    let outcome = load_bytes(&read_bytes(rel));
    let errors: Vec<String> = outcome.errors().map(|p| p.to_string()).collect();
    assert!(
        errors.is_empty(),
        "{rel} has errors:\n{}",
        errors.join("\n")
    );
    outcome.dataset.expect("a dataset without errors loads")
}
