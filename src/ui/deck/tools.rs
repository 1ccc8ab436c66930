//! The app's side of the deck (linked into the first view, so kept to the least): the
//! buttons "Add to my deck" and "My deck", and an empty container the lazy module's
//! `mount_deck` fills on first use (the live line and the editor's dialog, `host`). What
//! the editor shows (a slide's preview, the deck presented) reaches the app as a new
//! history entry, read like Back and Forward: nothing here for it.

use crate::i18n;
use crate::ui::ctx::{lazy_module, text, use_ctx};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The deck's place in the page: the container the lazy module fills, made once by the
/// site's frame (`DeckSlot::make`), which places [`DeckSlot::view`] outside any menu; the
/// buttons ([`DeckButtons`]) are given it, wherever they are.
#[derive(Clone, Copy)]
pub struct DeckSlot {
    host: NodeRef<leptos::html::Div>,
    handle: StoredValue<Option<JsValue>, LocalStorage>,
    failed: RwSignal<Option<String>>,
    data_url: StoredValue<String>,
    lang: Memo<crate::model::Lang>,
    state: RwSignal<crate::model::ViewState>,
}

impl DeckSlot {
    /// Makes the slot (the lazy module's deck is unmounted with it).
    pub fn make() -> DeckSlot {
        let ctx = use_ctx();
        let handle = StoredValue::new_local(None::<JsValue>);
        on_cleanup(move || {
            if let Some(Some(h)) = handle.try_get_value() {
                let _ = lazy_module::call(&h, "unmount", &[]);
            }
        });
        DeckSlot {
            host: NodeRef::new(),
            handle,
            failed: RwSignal::new(None),
            data_url: StoredValue::new(ctx.d().url.clone()),
            lang: ctx.lang,
            state: ctx.state,
        }
    }

    /// Runs the deck's `add` (with the view's query string) or `open`, mounting the lazy
    /// module's deck first.
    fn run(self, method: String) {
        let Some(el) = self.host.get_untracked() else {
            return;
        };
        let query = self.state.with_untracked(|s| s.to_query());
        let args = [
            el.into(),
            self.lang.get_untracked().code().into(),
            self.data_url.get_value().into(),
        ];
        let (handle, failed) = (self.handle, self.failed);
        leptos::task::spawn_local(async move {
            let done = async {
                let h = match handle.try_get_value().flatten() {
                    Some(h) => h,
                    None => {
                        let module = lazy_module::load().await?;
                        let h = lazy_module::call(&module, "mount_deck", &args)?;
                        handle.try_set_value(Some(h.clone()));
                        h
                    }
                };
                lazy_module::call(&h, &method, &[query.into()])
            };
            failed.try_set(done.await.err());
        });
    }

    /// The container (and why the deck could not be opened, when it could not).
    pub fn view(self) -> impl IntoView {
        let (lang, failed) = (self.lang, self.failed);
        view! {
            <div class="deck-host" node_ref=self.host></div>
            {move || failed.get().map(|r| view! {
                <p class="deck-said" role="alert">{i18n::fill(i18n::texts(lang.get()).deck.failed, &[("reason", r)])}</p>
            })}
        }
    }
}

/// "Add to my deck" and "My deck" (in the views' row on wide screens, in the phone's menu),
/// with `class`; one click handler for both (a button's `data-deck` names what it runs).
#[component]
pub fn DeckButtons(deck: DeckSlot, class: &'static str) -> impl IntoView {
    let lang = deck.lang;
    let clicked = move |ev: web_sys::MouseEvent| {
        let method = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|e| e.closest("[data-deck]").ok().flatten())
            .and_then(|b| b.get_attribute("data-deck"));
        if let Some(m) = method {
            deck.run(m);
        }
    };
    view! {
        <div class=class on:click=clicked>
            <button type="button" class="tool deck-add" data-deck="add" data-closes-menu="">{text(lang, |t| t.deck.add)}</button>
            <button type="button" class="tool deck-open" data-deck="open" aria-haspopup="dialog">{text(lang, |t| t.deck.title)}</button>
        </div>
    }
}
