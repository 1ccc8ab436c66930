//! The JSON Schema of a dataset, generated from the serde types with schemars, so editors
//! autocomplete and flag mistakes. `data/strategy.schema.json` is this output; a test fails
//! when the committed file is out of date.

use super::types::Dataset;

/// The schema as pretty-printed JSON (with a trailing newline).
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Dataset);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}
