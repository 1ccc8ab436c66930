//! Embedding: the header's "Embed" button with its dialog, the embed builder: what to embed
//! (the whole explorer, this view, one chart, the map alone), the filters and the title shown
//! or not, a fixed language or each visitor's; the code (`model::embed_snippet`, the options
//! are the iframe's URL) and, on request, a live preview of it. The embed-mode frame itself (`?embed=1`)
//! is `shell::embed_shell`.

use crate::i18n::{self, Key};
use crate::model::embed_snippet::{snippet, EmbedOptions};
use crate::model::sentences::page_title;
use crate::model::view_state::{EmbedChart, EmbedPart};
use crate::model::Lang;
use crate::ui::ctx::view_label::view_label;
use crate::ui::ctx::{text, use_ctx};
use crate::ui::share_embed::copy_dialog::{CopyDialog, CopyStatus, DialogHead};
use leptos::prelude::*;

/// The builder's name of a part.
fn part_label(p: EmbedPart) -> Key {
    match p {
        EmbedPart::Explorer => |t| t.embed.part_explorer,
        EmbedPart::View => |t| t.embed.part_view,
        EmbedPart::Chart(EmbedChart::Matrix) => |t| t.embed.part_matrix,
        EmbedPart::Chart(EmbedChart::Pillars) => |t| t.embed.part_pillars,
        EmbedPart::Chart(EmbedChart::Status) => |t| t.embed.part_status,
        EmbedPart::Chart(EmbedChart::Lead) => |t| t.embed.part_lead,
        EmbedPart::Chart(EmbedChart::Driver) => |t| t.embed.part_driver,
        EmbedPart::Chart(EmbedChart::Gantt) => |t| t.embed.part_gantt,
        EmbedPart::Map => |t| t.embed.part_map,
    }
}

/// The header's "Embed" button and dialog.
#[component]
pub fn EmbedButton() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let aligned = ctx.aligned();
    let dialog = CopyDialog::new();
    let opts = RwSignal::new(ctx.state.with_untracked(EmbedOptions::of));
    // The preview (the explorer loaded again) is shown on request, while the dialog is open.
    let open = RwSignal::new(false);
    let preview = RwSignal::new(false);
    let src = Memo::new(move |_| {
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        ctx.state.with(|s| opts.get().src(&href, s))
    });
    let title = Memo::new(move |_| {
        let l = lang.get();
        let part = opts.get().part;
        let what = match part {
            EmbedPart::View | EmbedPart::Explorer => {
                i18n::t(l, view_label(ctx.state.with(|s| s.view), aligned))
            }
            _ => i18n::t(l, part_label(part)),
        };
        format!("{} — {what}", page_title(&ctx.d().dataset.meta, l))
    });
    // Worked out only while the dialog is open (the textarea reads it then): not on the
    // first view, nor on every filter change.
    let code = Memo::new(move |_| snippet(&src.get(), &title.get()));
    let copy = move |_| dialog.copy(code.get_untracked(), |t| t.embed.copied, "embed-code");
    let parts = move || {
        EmbedPart::ALL
            .into_iter()
            .map(|p| {
                view! {
                    <option value=p.code() selected=move || opts.get().part == p>
                        {move || i18n::t(lang.get(), part_label(p))}
                    </option>
                }
            })
            .collect_view()
    };
    let check = move |id: &'static str,
                      label: Key,
                      get: fn(&EmbedOptions) -> bool,
                      set: fn(&mut EmbedOptions, bool)| {
        view! {
            <label class="embed-check">
                <input type="checkbox" id=id prop:checked=move || get(&opts.get())
                    on:change=move |ev| opts.update(|o| set(o, event_target_checked(&ev))) />
                {move || i18n::t(lang.get(), label)}
            </label>
        }
    };
    view! {
        <button type="button" class="tool embed-button" aria-haspopup="dialog" on:click=move |_| {
            opts.set(ctx.state.with_untracked(EmbedOptions::of));
            open.set(true);
            preview.set(false);
            dialog.show();
        }>
            <span aria-hidden="true" class="tool-icon">"</>"</span>
            {text(lang, |t| t.embed.button)}
        </button>
        <dialog node_ref=dialog.node class="tool-dialog embed-dialog" aria-labelledby="embed-title"
            on:close=move |_| open.set(false)>
            {move || dialog.built.get().then(|| view! {
            <DialogHead dialog=dialog id="embed-title" title=|t| t.embed.title />
            <p>{text(lang, |t| t.embed.intro)}</p>
            <div class="embed-options">
                <label for="embed-part">{text(lang, |t| t.embed.what)}</label>
                <select id="embed-part" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(p) = EmbedPart::from_code(&v) {
                        opts.update(|o| o.part = p);
                    }
                }>{parts()}</select>
                {check("embed-filters", |t| t.embed.show_filters, |o| o.filters, |o, v| o.filters = v)}
                {check("embed-header", |t| t.embed.show_header, |o| o.header, |o, v| o.header = v)}
                <label for="embed-lang">{text(lang, |t| t.embed.language)}</label>
                <select id="embed-lang" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    opts.update(|o| o.lang = Lang::from_code(&v));
                }>
                    <option value="" selected=move || opts.get().lang.is_none()>{text(lang, |t| t.embed.lang_visitor)}</option>
                    <option value="id" selected=move || opts.get().lang == Some(Lang::Id)>"Bahasa Indonesia"</option>
                    <option value="en" selected=move || opts.get().lang == Some(Lang::En)>"English"</option>
                </select>
            </div>
            <label for="embed-code">{text(lang, |t| t.embed.code_label)}</label>
            <textarea id="embed-code" readonly rows="9" spellcheck="false"
                prop:value=move || if open.get() { code.get() } else { String::new() }></textarea>
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
            <button type="button" class="embed-preview-toggle"
                aria-pressed=move || if preview.get() { "true" } else { "false" }
                on:click=move |_| preview.update(|v| *v = !*v)>
                {text(lang, |t| t.embed.preview)}
            </button>
            {move || (open.get() && preview.get()).then(|| view! {
                <iframe class="embed-preview" src=move || src.get() title=move || title.get()></iframe>
            })}
            })}
        </dialog>
    }
}
