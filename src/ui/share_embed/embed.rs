//! Embedding: the header's "Embed" button with its dialog (the copyable snippet for the
//! current view). The embed-mode frame itself (`?embed=1`) is `shell::embed_shell`.

use crate::i18n;
use crate::model::embed_snippet::{absolute_url, embed_state, snippet};
use crate::ui::ctx::use_ctx;
use crate::ui::ctx::view_label::view_label;
use crate::ui::share_embed::share::copy_text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The header's "Embed" button and dialog.
#[component]
pub fn EmbedButton() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let aligned = ctx.aligned();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let status = RwSignal::new(None::<i18n::Key>);
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
            i18n::texts(l).app.title,
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
                |t| t.embed.copied
            } else {
                |t| t.share.copy_failed
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
            {move || i18n::texts(lang.get()).embed.button}
        </button>
        <dialog node_ref=dialog class="tool-dialog embed-dialog" aria-labelledby="embed-title">
            <div class="dialog-head">
                <h2 id="embed-title">{move || i18n::texts(lang.get()).embed.title}</h2>
                <button type="button" class="close" on:click=move |_| close()
                    aria-label=move || i18n::texts(lang.get()).share.close>"×"</button>
            </div>
            <p>{move || i18n::texts(lang.get()).embed.intro}</p>
            <label for="embed-code">{move || i18n::texts(lang.get()).embed.code_label}</label>
            <textarea id="embed-code" readonly rows="9" spellcheck="false" prop:value=move || code.get()></textarea>
            <div class="dialog-actions">
                <button type="button" class="primary copy-code" on:click=copy>
                    {move || i18n::texts(lang.get()).embed.copy}
                </button>
                <a class="button" href="embed-demo.html" target="_blank" rel="noopener">
                    {move || i18n::texts(lang.get()).embed.demo}
                    <span class="visually-hidden">" " {move || i18n::texts(lang.get()).embed.new_tab}</span>
                </a>
            </div>
            <p class="dialog-status" role="status">{move || status.get().map(|k| i18n::t(lang.get(), k))}</p>
        </dialog>
    }
}
