//! Jakarta Resilience Strategy Explorer.
//!
//! A plain-Rust core (`model`, `geo`, `charts`, `i18n`) that is tested natively, and a
//! Leptos user interface (`ui`) compiled to WebAssembly only. See ARCHITECTURE.md.

pub mod charts;
pub mod geo;
pub mod i18n;
pub mod model;
#[cfg(target_arch = "wasm32")]
pub mod ui;
