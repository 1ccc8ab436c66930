//! The Leptos user interface (WebAssembly only). Components are thin: they read the
//! context's signals and render; all logic lives in `crate::model`, `crate::charts` and
//! `crate::geo`.

pub mod actions;
pub mod app;
pub mod chart_download;
pub mod chart_figure;
pub mod charts_view;
pub mod ctx;
pub mod data_fetch;
pub mod embed;
pub mod error_screen;
pub mod filters;
pub mod focus;
pub mod layout;
pub mod map_boundaries;
pub mod map_canvas;
pub mod map_geometry;
pub mod map_legend;
pub mod map_model;
pub mod map_table;
pub mod map_view;
pub mod offline;
pub mod open_data;
pub mod overview;
pub mod panic_screen;
pub mod perf;
pub mod present;
pub mod provenance;
pub mod share;
pub mod sources;
pub mod theme_switch;
pub mod timeline;

/// Mounts the app into `#app` (replacing the static loading placeholder).
pub fn mount() {
    perf::measure("jrs:start", 0.0, perf::now());
    panic_screen::install();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = doc.get_element_by_id("app") else {
        return;
    };
    root.set_inner_html("");
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    leptos::mount::mount_to(root, app::App).forget();
}
