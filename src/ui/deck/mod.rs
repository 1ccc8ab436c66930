//! A presenter's own deck: "Add to my deck" on every view, the deck editor ("My deck"), the
//! deck kept in this browser, and reading a deck link for presentation mode.
//!
//! Split across the two wasm modules (ARCHITECTURE.md "Two wasm modules"), as `open_data` is:
//! the app links only `tools` (the two buttons, the empty container the lazy module fills,
//! and applying what comes back from it); `host` (the live line and the "My deck" dialog),
//! `add` (a view → the deck's last slide), `editor`, `describe` (a slide in words), `words`
//! (the editor's texts), `store` (the deck in localStorage) and `reader` (deck link →
//! slides for presentation mode) are linked only into the lazy module
//! (`src/bin/explorer-more.rs`), with the deck codec.

pub mod add;
pub mod describe;
pub mod editor;
pub mod host;
pub mod reader;
pub mod store;
pub mod tools;
pub mod words;
