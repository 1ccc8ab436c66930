//! Embedding: the header's "Embed" button with its dialog (the copyable snippet for the
//! current view). The embed-mode frame itself (`?embed=1`) is `shell::embed_shell`.

use crate::i18n;
use crate::model::embed_snippet::{absolute_url, embed_state, snippet};
use crate::model::sentences::page_title;
use crate::ui::ctx::view_label::view_label;
use crate::ui::ctx::{text, use_ctx};
use crate::ui::share_embed::copy_dialog::{CopyDialog, CopyStatus, DialogHead};
use leptos::prelude::*;

/// The header's "Embed" button and dialog.
#[component]
pub fn EmbedButton() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let aligned = ctx.aligned();
    let dialog = CopyDialog::new();
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
            page_title(&ctx.d().dataset.meta, l),
            i18n::t(l, view_label(view, aligned))
        );
        snippet(&src, &title)
    });
    let copy = move |_| dialog.copy(code.get_untracked(), |t| t.embed.copied, "embed-code");
    view! {
        <button type="button" class="tool embed-button" aria-haspopup="dialog" on:click=move |_| dialog.show()>
            <span aria-hidden="true" class="tool-icon">"</>"</span>
            {text(lang, |t| t.embed.button)}
        </button>
        <dialog node_ref=dialog.node class="tool-dialog embed-dialog" aria-labelledby="embed-title">
            <DialogHead dialog=dialog id="embed-title" title=|t| t.embed.title />
            <p>{text(lang, |t| t.embed.intro)}</p>
            <label for="embed-code">{text(lang, |t| t.embed.code_label)}</label>
            <textarea id="embed-code" readonly rows="9" spellcheck="false" prop:value=move || code.get()></textarea>
            <div class="dialog-actions">
                <button type="button" class="primary copy-code" on:click=copy>
                    {text(lang, |t| t.embed.copy)}
                </button>
                <a class="button" href="embed-demo.html" target="_blank" rel="noopener">
                    {text(lang, |t| t.embed.demo)}
                    <span class="visually-hidden">" " {text(lang, |t| t.embed.new_tab)}</span>
                </a>
            </div>
            <CopyStatus dialog=dialog />
        </dialog>
    }
}
