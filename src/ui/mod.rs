//! The Leptos user interface (WebAssembly only). Components are thin: they read the
//! context's signals and render; all logic lives in `crate::model`, `crate::charts` and
//! `crate::geo`.
//!
//! One folder per part of the product. The folders form layers without circles (a native
//! test, `tests/ui_layers.rs`, checks it): `shell` sits on top and may use every part;
//! the parts use `filters`, `records` and `ctx`; `ctx` uses no other folder.

pub mod charts;
pub mod ctx;
pub mod deck;
pub mod filters;
pub mod initiatives;
pub mod map;
pub mod open_data;
pub mod overview;
pub mod present;
pub mod records;
pub mod share_embed;
pub mod shell;
pub mod sources;
pub mod timeline;

/// Mounts the app into `#app` (replacing the static loading placeholder; a prerendered
/// overview goes when the dataset is shown).
pub fn mount() {
    ctx::perf::measure("jrs:start", 0.0, ctx::perf::now());
    shell::panic_screen::install();
    // The presenter window is the lazy module's alone (public/lazy-module.js mounts it).
    if present::presenter_link::is_presenter_window(&ctx::link::location_search()) {
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc.get_element_by_id("app") else {
        return;
    };
    // The static placeholder goes. An overview prerendered into index.html stays, the live
    // app hidden under it, until the app has the dataset (`shell::app::drop_prerender`).
    if let Ok(Some(placeholder)) = root.query_selector(":scope > .app-loading") {
        placeholder.remove();
    }
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    leptos::mount::mount_to(root, shell::app::App).forget();
}
