//! Nothing lost on a reload: a dataset opened from local files is kept in this browser's
//! storage (`localStorage`, on this device only; never sent anywhere) until the visitor
//! chooses "forget this data", and after a reload the explorer offers to reopen it. Where the
//! browser keeps nothing (storage switched off, full, or a private window that refuses it),
//! the banner says so and the browser asks before the page is left. Part of the app (first
//! wasm): the offer must show before anything else loads.

use super::slot::{focus_main, receive_detail};
use crate::i18n;
use crate::ui::ctx::loading::LocalData;
use crate::ui::ctx::{text, use_ctx};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The storage key of the kept dataset: `{ name, json, warnings? }` as JSON text.
const KEY: &str = "jrs-local-data";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Keeps an opened dataset (the detail of the panel's event); false when the browser
/// would not keep it.
pub fn keep(detail: &JsValue) -> bool {
    let Some(s) = storage() else { return false };
    let Some(text) = js_sys::JSON::stringify(detail)
        .ok()
        .and_then(|t| t.as_string())
    else {
        return false;
    };
    s.set_item(KEY, &text).is_ok()
}

/// The kept dataset as stored (JSON text), if there is one.
fn kept_text() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Forgets the kept dataset.
pub fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}

/// The app's state of kept data (one per page, in the app's context).
#[derive(Clone, Copy)]
pub struct Kept {
    /// Whether the opened dataset shown now is kept; `None` while none is shown.
    pub shown: RwSignal<Option<bool>>,
    /// What was kept before this page opened (JSON text), while the offer to reopen it
    /// stands; read once, when the page opens (never in an embedded explorer).
    offer: RwSignal<Option<String>>,
}

impl Kept {
    /// The state for a page that opened now.
    pub fn new(embed: bool) -> Kept {
        Kept {
            shown: RwSignal::new(None),
            offer: RwSignal::new(if embed { None } else { kept_text() }),
        }
    }
}

/// While an opened dataset that the browser did not keep is shown, the browser asks before
/// the page is left (a reload or a closed tab would lose it).
pub fn warn_before_leaving(kept: Kept) {
    let listener = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if kept.shown.try_get_untracked().flatten() == Some(false) {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || listener.remove());
}

/// After a reload: the offer to reopen the dataset kept in this browser, or to forget it.
#[component]
pub fn KeptDataOffer() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let state = ctx.state;
    let local = use_context::<LocalData>();
    let kept = use_context::<Kept>();
    move || {
        let kept = kept?;
        let stored = kept.offer.get()?;
        let detail = js_sys::JSON::parse(&stored)
            .ok()
            .filter(|v| v.is_object())?;
        let offer = kept.offer;
        let name = js_sys::Reflect::get(&detail, &"name".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let reopen = {
            let detail = detail.clone();
            move |_| {
                offer.set(None);
                if receive_detail(&detail, local, state) {
                    kept.shown.set(Some(true));
                }
            }
        };
        Some(view! {
            <aside class="banner kept-data" role="note">
                <p>{move || i18n::fill(i18n::texts(lang.get()).open.kept_offer, &[("name", name.clone())])}</p>
                <button type="button" class="reopen-kept" on:click=reopen>
                    {text(lang, |t| t.open.reopen)}
                </button>
                <button type="button" class="forget-kept" on:click=move |_| {
                    forget();
                    offer.set(None);
                    focus_main();
                }>
                    {text(lang, |t| t.open.forget)}
                </button>
            </aside>
        })
    }
}
