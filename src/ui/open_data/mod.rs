//! "Open your data": a JSON file or CSV files opened in the browser replace the dataset for
//! this page and are kept in this browser until forgotten (`kept`); the banner that says so;
//! exporting the data as CSV.
//!
//! Split across the two wasm modules (ARCHITECTURE.md "Two wasm modules"): the app has the
//! `slot` the panel goes in and the `banner`; the `panel` itself and its `download`s are
//! linked only into the lazy module (`src/bin/explorer-more.rs`), loaded when the panel is
//! first shown.

pub mod banner;
pub mod download;
pub mod kept;
pub mod panel;
pub mod slot;
