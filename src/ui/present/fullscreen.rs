//! The browser's fullscreen for presentation mode: asking for it (from a click only, as
//! browsers require), leaving it, and whether the page is in it.

use wasm_bindgen::JsCast;

pub(super) fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// True while the page is shown fullscreen.
pub fn is_fullscreen() -> bool {
    document().and_then(|d| d.fullscreen_element()).is_some()
}

/// Calls a promise-returning method by name and swallows a rejection (a refused fullscreen
/// request is not an error worth a console message).
fn call_quietly(target: &wasm_bindgen::JsValue, method: &str) {
    let Ok(f) = js_sys::Reflect::get(target, &method.into()) else {
        return;
    };
    let Some(f) = f.dyn_ref::<js_sys::Function>() else {
        return;
    };
    if let Ok(ret) = f.call0(target) {
        if let Ok(p) = ret.dyn_into::<js_sys::Promise>() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
        }
    }
}

/// Asks the browser to show the page fullscreen (browsers only allow it from a click).
pub fn request_fullscreen() {
    let Some(doc) = document() else { return };
    if !doc.fullscreen_enabled() || is_fullscreen() {
        return;
    }
    if let Some(el) = doc.document_element() {
        call_quietly(&el, "requestFullscreen");
    }
}

/// Leaves fullscreen (when in it).
pub fn exit_fullscreen() {
    if is_fullscreen() {
        if let Some(doc) = document() {
            call_quietly(&doc, "exitFullscreen");
        }
    }
}
