//! The header's "Present" button (app, first view): it starts presentation mode and asks
//! for the browser's fullscreen from the click itself, as browsers require. The mode's
//! frame is the lazy module's (`slot.rs` shows it), so the site pays only for this button.

use crate::ui::ctx::{text, use_ctx};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Calls a promise-returning method by name and swallows a rejection (a refused fullscreen
/// request is not an error worth a console message).
pub(super) fn call_quietly(target: &wasm_bindgen::JsValue, method: &str) {
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
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if !doc.fullscreen_enabled() || doc.fullscreen_element().is_some() {
        return;
    }
    if let Some(el) = doc.document_element() {
        call_quietly(&el, "requestFullscreen");
    }
}

/// The header button that starts the presentation (fullscreen when the browser allows).
#[component]
pub fn PresentButton() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let href = move || {
        ctx.href(|s| {
            s.present = true;
            s.step = 0;
        })
    };
    view! {
        <a class="button tool present-button" href=href on:click=move |ev| {
            ev.prevent_default();
            request_fullscreen();
            ctx.state.update(|s| {
                s.present = true;
                s.step = 0;
            });
        }>
            <span aria-hidden="true" class="tool-icon">"▶"</span>
            {text(lang, |t| t.present.button)}
        </a>
    }
}
