//! The Leptos user interface (WebAssembly only). Components are thin: they read the
//! context's signals and render; all logic lives in `crate::model`, `crate::charts` and
//! `crate::geo`.

pub mod actions;
pub mod app;
pub mod charts_view;
pub mod ctx;
pub mod error_screen;
pub mod filters;
pub mod layout;
pub mod map_view;
pub mod overview;
pub mod panic_screen;
pub mod provenance;
pub mod sources;
pub mod timeline;

/// Mounts the app into `#app` (replacing the static loading placeholder).
pub fn mount() {
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
