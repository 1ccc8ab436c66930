//! A presenter's own deck: "Add to my deck" on every view, the deck editor ("My deck"), the
//! deck kept in this browser, and reading a deck link for presentation mode.
//!
//! Split across the two wasm modules (ARCHITECTURE.md "Two wasm modules"), as `open_data` is:
//! the app links only the thin parts, `add_button` (captures the view, asks the lazy module to
//! add it) and `slot` (the container the editor is mounted into); `reader` (deck link → slides
//! for the app), `store` (the deck in localStorage), `editor` and `words` (the editor's texts)
//! are linked only into the lazy module (`src/bin/explorer-more.rs`), with the deck codec.

pub mod reader;
