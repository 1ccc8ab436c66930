//! Sharing the current view: the header's "Share" button and its dialog (copy link, the
//! phone's share sheet where the browser has one, a QR code of the link for slides and
//! handouts, print), and the print-only colophon with the view's link and sources.

use crate::i18n;
use crate::model::date::format_date;
use crate::model::embed_snippet::absolute_url;
use crate::model::print_sources::{cited_sources, MAX_PRINTED};
use crate::model::ViewState;
use crate::ui::ctx::{text, use_ctx};
use crate::ui::share_embed::copy_dialog::{CopyDialog, CopyStatus, DialogHead};
use crate::ui::share_embed::qr::QrCode;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The absolute link of a view (as shared: never in presentation or embed mode).
pub fn view_url(state: &ViewState) -> String {
    let mut s = state.clone();
    s.present = false;
    s.step = 0;
    s.embed = false;
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    absolute_url(&href, &s)
}

fn has_web_share() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
        .unwrap_or(false)
}

/// The header's "Share" button and dialog.
#[component]
pub fn ShareButton() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let dialog = CopyDialog::new();
    let open = RwSignal::new(false);
    let url = Memo::new(move |_| ctx.state.with(view_url));
    let native = has_web_share();
    let title = StoredValue::new(ctx.d().dataset.meta.title.clone());

    let show = move |_| {
        open.set(true);
        dialog.show();
    };
    let copy = move |_| dialog.copy(url.get_untracked(), |t| t.share.copied, "share-url");
    let share = move |_| {
        let data = web_sys::ShareData::new();
        data.set_title(&title.with_value(|t| t.get(lang.get_untracked()).to_string()));
        data.set_url(&url.get_untracked());
        if let Some(w) = web_sys::window() {
            let p = w.navigator().share_with_data(&data);
            // Cancelling the share sheet rejects the promise: not an error.
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
        }
    };
    let print = move |_| {
        dialog.close();
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <button type="button" class="tool share-button" aria-haspopup="dialog" on:click=show>
            <span aria-hidden="true" class="tool-icon">"⤴"</span>
            {text(lang, |t| t.share.title)}
        </button>
        <dialog node_ref=dialog.node class="tool-dialog share-dialog" aria-labelledby="share-title"
            on:close=move |_| open.set(false)>
            {move || dialog.built.get().then(|| view! {
            <DialogHead dialog=dialog id="share-title" title=|t| t.share.title />
            <label for="share-url">{text(lang, |t| t.share.link_label)}</label>
            // Only while the dialog is open is the link kept current (and the memo read).
            <input id="share-url" type="text" readonly
                prop:value=move || if open.get() { url.get() } else { String::new() }
                on:focus=move |ev| {
                    if let Some(i) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(&event_target::<web_sys::EventTarget>(&ev)) {
                        i.select();
                    }
                } />
            <div class="dialog-actions">
                <button type="button" class="primary copy-link" on:click=copy>
                    {text(lang, |t| t.share.copy)}
                </button>
                {native.then(|| view! {
                    <button type="button" class="native-share" on:click=share>
                        {text(lang, |t| t.share.native)}
                    </button>
                })}
                <button type="button" class="print" on:click=print>
                    {text(lang, |t| t.share.print)}
                </button>
            </div>
            <CopyStatus dialog=dialog />
            <figure class="qr">
                {move || open.get().then(|| view! { <QrCode url=url /> })}
                <figcaption>
                    <strong>{text(lang, |t| t.share.qr)}</strong>
                    " "
                    {text(lang, |t| t.share.qr_hint)}
                </figcaption>
            </figure>
            })}
        </dialog>
    }
}

/// Whether the page is being printed: between `beforeprint` and `afterprint`, or while the
/// print media applies (a PDF export, print emulation).
fn printing() -> Signal<bool> {
    let event = RwSignal::new(false);
    let media = RwSignal::new(false);
    let before = window_event_listener(leptos::ev::beforeprint, move |_| event.set(true));
    let after = window_event_listener(leptos::ev::afterprint, move |_| event.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    if let Some(mq) = web_sys::window().and_then(|w| w.match_media("print").ok().flatten()) {
        media.set(mq.matches());
        let q = mq.clone();
        let cb = Closure::<dyn FnMut()>::new(move || {
            let _ = media.try_set(q.matches());
        });
        let _ = mq.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
        let kept = StoredValue::new_local(Some((mq, cb)));
        on_cleanup(move || {
            kept.try_update_value(|k| {
                if let Some((mq, cb)) = k.take() {
                    let _ = mq
                        .remove_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
                }
            });
        });
    }
    Signal::derive(move || event.get() || media.get())
}

/// Printed at the end of every view (hidden on screen): the view's link as text and the
/// sources behind what the view shows (written out only for printing: on screen a filter
/// change need not rebuild a hidden list).
#[component]
pub fn PrintColophon() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let url = Memo::new(move |_| ctx.state.with(view_url));
    let printing = printing();
    let sources = move || {
        if !printing.get() {
            return None;
        }
        let l = ctx.d();
        let matching = ctx.matching.get();
        let (view, action) = ctx.state.with(|s| (s.view, s.action.clone()));
        let cited = cited_sources(&l.dataset, view, &matching, action.as_deref());
        let more = cited.len().saturating_sub(MAX_PRINTED);
        let items = cited
            .into_iter()
            .take(MAX_PRINTED)
            .map(|s| {
                let mut meta = Vec::new();
                if !s.publisher.is_empty() {
                    meta.push(s.publisher.clone());
                }
                if let Some(d) = &s.date {
                    meta.push(format_date(d, lang.get()));
                }
                let link = s
                    .url
                    .clone()
                    .filter(|u| crate::model::validate::check_link(u).is_ok());
                view! {
                    <li>
                        <span class="source-title">{s.title.clone()}</span>
                        {(!meta.is_empty()).then(|| format!(" — {}", meta.join(", ")))}
                        {link.map(|u| view! { " " <span class="print-url">{u}</span> })}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <ol class="source-list compact">{items}</ol>
            {(more > 0).then(|| view! {
                <p class="muted">{i18n::fill(i18n::texts(lang.get()).print.sources_more, &[("n", more.to_string())])}</p>
            })}
        })
    };
    view! {
        <aside class="print-colophon">
            <p class="print-link">
                <strong>{text(lang, |t| t.print.link)} ": "</strong>
                <span class="print-url">{move || url.get()}</span>
            </p>
            <h2>{text(lang, |t| t.print.sources)}</h2>
            {sources}
        </aside>
    }
}
