//! Embedding: the header's "Embed" button with its dialog (the copyable snippet for the
//! current view), and the embed-mode shell (`?embed=1`): no site chrome, a compact header
//! with an "open the full explorer" link, the current view, and the explorer's height posted
//! to the parent page on load and on every size change so the iframe fits its content.

use super::ctx::use_ctx;
use super::layout::{view_label, CurrentView};
use super::share::copy_text;
use crate::i18n;
use crate::model::embed_snippet::{absolute_url, embed_state, snippet, HEIGHT_MESSAGE};
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The header's "Embed" button and dialog.
#[component]
pub fn EmbedButton() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let aligned = ctx.aligned();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let status = RwSignal::new(None::<&'static str>);
    let code = Memo::new(move |_| {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let (src, view) = ctx
            .state
            .with(|s| (absolute_url(&href, &embed_state(s)), s.view));
        let l = lang.get();
        let title = format!(
            "{} — {}",
            i18n::t(l, "app.title"),
            i18n::t(l, view_label(view, aligned))
        );
        snippet(&src, &title)
    });
    let show = move |_| {
        status.set(None);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let copy = move |_| {
        let text = code.get_untracked();
        leptos::task::spawn_local(async move {
            let ok = copy_text(text).await;
            status.set(Some(if ok {
                "embed.copied"
            } else {
                "share.copy_failed"
            }));
            if !ok {
                if let Some(t) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("embed-code"))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                {
                    t.select();
                }
            }
        });
    };
    view! {
        <button type="button" class="tool embed-button" aria-haspopup="dialog" on:click=show>
            <span aria-hidden="true" class="tool-icon">"</>"</span>
            {move || i18n::t(lang.get(), "embed.button")}
        </button>
        <dialog node_ref=dialog class="tool-dialog embed-dialog" aria-labelledby="embed-title">
            <div class="dialog-head">
                <h2 id="embed-title">{move || i18n::t(lang.get(), "embed.title")}</h2>
                <button type="button" class="close" on:click=move |_| close()
                    aria-label=move || i18n::t(lang.get(), "share.close")>"×"</button>
            </div>
            <p>{move || i18n::t(lang.get(), "embed.intro")}</p>
            <label for="embed-code">{move || i18n::t(lang.get(), "embed.code_label")}</label>
            <textarea id="embed-code" readonly rows="9" spellcheck="false" prop:value=move || code.get()></textarea>
            <div class="dialog-actions">
                <button type="button" class="primary copy-code" on:click=copy>
                    {move || i18n::t(lang.get(), "embed.copy")}
                </button>
                <a class="button" href="embed-demo.html" target="_blank" rel="noopener">
                    {move || i18n::t(lang.get(), "embed.demo")}
                    <span class="visually-hidden">" " {move || i18n::t(lang.get(), "embed.new_tab")}</span>
                </a>
            </div>
            <p class="dialog-status" role="status">{move || status.get().map(|k| i18n::t(lang.get(), k))}</p>
        </dialog>
    }
}

/// Posts `{type: "jrs-embed-height", height}` to the parent window.
fn post_height(height: f64) {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if js_sys::Object::is(&parent, &w) {
        return; // not in a frame
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
    // "*": the explorer does not know its host; the message carries only a height.
    let _ = parent.post_message(&msg, "*");
}

/// Watches `el` and posts its height whenever it changes (and once at the start).
fn report_height(el: &web_sys::Element) -> Option<web_sys::ResizeObserver> {
    let last = Rc::new(Cell::new(-1.0f64));
    let target = el.clone();
    let send = move || {
        let h = target.get_bounding_client_rect().height().ceil();
        if h != last.get() {
            last.set(h);
            post_height(h);
        }
    };
    send();
    let cb = Closure::<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>::new(
        move |_: js_sys::Array, _: web_sys::ResizeObserver| send(),
    );
    let ro = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
    ro.observe(el);
    // The observer lives as long as the page's embed shell (the callback must outlive it).
    cb.forget();
    Some(ro)
}

/// The embed-mode shell: compact header and the current view, sized for its iframe.
#[component]
pub fn EmbedShell() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let title = ctx.d().dataset.meta.title.clone();
    let root = NodeRef::<leptos::html::Div>::new();
    let observer = StoredValue::new_local(None::<web_sys::ResizeObserver>);
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            if observer.with_value(|o| o.is_none()) {
                let ro = report_height(&el);
                observer.set_value(ro);
            }
        }
    });
    on_cleanup(move || {
        if let Some(Some(ro)) = observer.try_with_value(|o| o.clone()) {
            ro.disconnect();
        }
    });
    let full = move || ctx.href(|s| s.embed = false);
    view! {
        <div class="embed-shell" node_ref=root>
            <header class="embed-header">
                <p class="embed-title">{move || title.get(lang.get()).to_string()}</p>
                <a class="embed-open" href=full target="_blank" rel="noopener">
                    {move || i18n::t(lang.get(), "embed.open_full")}
                    <span aria-hidden="true">" ↗"</span>
                    <span class="visually-hidden">" " {move || i18n::t(lang.get(), "embed.new_tab")}</span>
                </a>
            </header>
            <main id="main" tabindex="-1">
                <CurrentView />
            </main>
        </div>
    }
}
