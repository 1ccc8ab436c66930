//! The deck editor, "My deck" (lazy module only; `host` shows it in its dialog):
//! the slides in order, each with its number, what it shows in words (`describe`), a title
//! (at most 80 characters) and a note (at most 280, with a counter); move up or down,
//! remove, preview; "Present this deck", "Copy deck link" and "Start from the default
//! story". Every edit is kept at once (`store`). Preview and present show their query string
//! in the app as a new history entry the app reads like Back and Forward.

use super::describe::{details, screen_name};
use super::store;
use super::words::words;
use crate::i18n;
use crate::model::deck::story::default_deck;
use crate::model::deck::{Deck, Slide, MAX_NOTE_CHARS, MAX_SLIDES, MAX_TITLE_CHARS};
use crate::model::{ActionsAre, Index, Lang, ViewState};
use crate::ui::ctx::data_fetch::{fetch_data, Expect};
use leptos::prelude::*;
use std::sync::Arc;

/// A text as a title or note may hold it: at most `max` characters, line breaks only where
/// `lines` (a note), other control characters as spaces; blank is none.
fn clean(text: &str, max: usize, lines: bool) -> Option<String> {
    let s: String = text
        .chars()
        .filter(|c| *c != '\r')
        .map(|c| {
            if c.is_control() && !(lines && c == '\n') {
                ' '
            } else {
                c
            }
        })
        .take(max)
        .collect();
    (!s.trim().is_empty()).then_some(s)
}

/// The slides with ids that stay with them while they move (so a row keeps its focus).
#[derive(Clone, Copy)]
struct Slides {
    items: RwSignal<Vec<(u64, Slide)>>,
    next: StoredValue<u64>,
    kept: RwSignal<bool>,
}

impl Slides {
    fn new(deck: Deck) -> Slides {
        let n = deck.slides.len() as u64;
        Slides {
            items: RwSignal::new((0..n).zip(deck.slides).collect()),
            next: StoredValue::new(n),
            kept: RwSignal::new(store::kept()),
        }
    }

    fn deck(&self) -> Deck {
        Deck {
            slides: self
                .items
                .with(|i| i.iter().map(|(_, s)| s.clone()).collect()),
        }
    }

    /// Changes the slides and keeps the deck.
    fn edit(&self, f: impl FnOnce(&mut Vec<(u64, Slide)>)) {
        self.items.update(f);
        self.kept.set(store::save(&self.deck()));
    }

    fn replace(&self, deck: Deck) {
        let start = self.next.get_value();
        let n = deck.slides.len() as u64;
        self.next.set_value(start + n);
        self.edit(|i| *i = (start..start + n).zip(deck.slides).collect());
    }

    fn at(&self, id: u64) -> Option<usize> {
        self.items.with(|i| i.iter().position(|(x, _)| *x == id))
    }

    fn slide(&self, id: u64, f: impl FnOnce(&mut Slide)) {
        if let Some(at) = self.at(id) {
            self.edit(|i| f(&mut i[at].1));
        }
    }
}

/// Shows the view of `query` in the app: over the page's own link (its theme, contrast and
/// data links stay, and its language when the query names none), as a new history entry
/// that the app reads the way it reads Back and Forward (a `popstate`), so the app needs no
/// code of its own for it.
fn open(query: &str) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let (base, _) = ViewState::from_query(&w.location().search().unwrap_or_default());
    let (mut next, _) = ViewState::from_query(query);
    next.lang = next.lang.or(base.lang);
    next.theme = base.theme;
    next.contrast = base.contrast;
    next.data = base.data;
    next.boundaries = base.boundaries;
    crate::ui::ctx::link::hand_over(&next);
}

/// The page's address without its query and fragment (the deck link's base).
fn page_base() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// The deck editor.
#[component]
pub fn DeckEditor(
    lang: Memo<Lang>,
    data_url: String,
    /// Whether the editor's dialog is open (preview and present close it).
    shown: RwSignal<bool>,
) -> impl IntoView {
    let slides = Slides::new(store::load());
    let index = RwSignal::new(None::<Arc<(Index, bool)>>);
    leptos::task::spawn_local(async move {
        let expect = Expect {
            max_bytes: crate::model::load::MAX_DATASET_BYTES,
            json: true,
        };
        if let Ok(bytes) = fetch_data(&data_url, expect).await {
            if let Some(d) = crate::model::load_bytes(&bytes).dataset {
                let aligned = d.meta.actions_are == ActionsAre::AlignedInitiatives;
                index.try_set(Some(Arc::new((Index::new(&d), aligned))));
            }
        }
    });
    let link = Memo::new(move |_| slides.items.with(|_| store::link(&slides.deck())));
    let copied = RwSignal::new(None::<bool>);
    let qr_open = RwSignal::new(false);
    let confirm_story = RwSignal::new(false);
    let w = move || words(lang.get());
    let present = move |_| {
        if let Some(l) = link.get_untracked() {
            shown.set(false);
            open(&format!("?present=1&deck={l}"));
        }
    };
    let full_link = move || {
        link.get()
            .map(|l| format!("{}?present=1&deck={l}", page_base()))
            .unwrap_or_default()
    };
    let copy = move |_| {
        let text = full_link();
        leptos::task::spawn_local(async move {
            let ok = crate::ui::share_embed::copy_dialog::copy_text(text).await;
            copied.set(Some(ok));
            if !ok {
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("deck-link"))
                    .and_then(|e| {
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok()
                    })
                {
                    el.select();
                }
            }
        });
    };
    let story = move |_| {
        let n = slides.items.with(|i| i.len());
        if n > 0 && !confirm_story.get_untracked() {
            confirm_story.set(true);
            return;
        }
        confirm_story.set(false);
        slides.replace(default_deck());
    };
    let rows = move || {
        let ids = move || {
            slides
                .items
                .with(|i| i.iter().map(|(id, _)| *id).collect::<Vec<u64>>())
        };
        view! {
            <For each=ids key=|id| *id let:id>
                <SlideRow id=id slides=slides lang=lang index=index shown=shown />
            </For>
        }
    };
    view! {
        <div class="deck-editor">
            <p class="deck-intro">{move || w().intro}</p>
            <p class="deck-count">{move || i18n::fill(w().count, &[
                ("n", slides.items.with(|i| i.len()).to_string()),
                ("max", MAX_SLIDES.to_string()),
            ])}</p>
            {move || (!slides.kept.get()).then(|| view! { <p class="deck-warning" role="alert">{w().not_kept}</p> })}
            {move || slides.items.with(|i| i.is_empty()).then(|| view! { <p class="deck-empty">{w().empty}</p> })}
            <ol class="deck-slides">{rows}</ol>
            <div class="deck-actions">
                <button type="button" class="primary deck-present" disabled=move || link.get().is_none() on:click=present>
                    {move || w().present}
                </button>
                <button type="button" class="deck-copy" disabled=move || link.get().is_none() on:click=copy>
                    {move || w().copy}
                </button>
                <button type="button" class="deck-story" on:click=story>
                    {move || if confirm_story.get() {
                        i18n::fill(w().story_confirm, &[("n", slides.items.with(|i| i.len()).to_string())])
                    } else {
                        w().story.to_string()
                    }}
                </button>
            </div>
            {move || link.get().is_some().then(|| view! {
                <p class="deck-link-field">
                    <label for="deck-link">{move || w().link_label}</label>
                    <input id="deck-link" type="text" readonly prop:value=full_link />
                </p>
                // The same link as a QR code (this module has the encoder), drawn only while
                // unfolded: a 20-slide link takes tens of milliseconds to encode, too much for
                // every key typed in a title. A link too long for one shows none.
                <details class="deck-qr" on:toggle=move |ev| {
                    qr_open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))
                }>
                    <summary>{move || w().qr}</summary>
                    {move || qr_open.get().then(|| crate::model::qr::qr_svg(&full_link())).flatten().map(|svg| view! {
                        <figure class="qr">
                            <div class="qr-code" role="img" aria-label=move || w().qr inner_html=svg></div>
                            <figcaption>{move || w().qr_hint}</figcaption>
                        </figure>
                    })}
                </details>
            })}
            <p class="deck-copied" role="status">{move || copied.get().map(|ok| if ok { w().copied } else { w().copy_failed })}</p>
        </div>
    }
}

/// One slide of the list.
#[component]
fn SlideRow(
    id: u64,
    slides: Slides,
    lang: Memo<Lang>,
    index: RwSignal<Option<Arc<(Index, bool)>>>,
    shown: RwSignal<bool>,
) -> impl IntoView {
    let w = move || words(lang.get());
    let slide = Memo::new(move |_| {
        slides
            .items
            .with(|i| i.iter().find(|(x, _)| *x == id).map(|(_, s)| s.clone()))
            .unwrap_or_default()
    });
    let place = Memo::new(move |_| slides.at(id).unwrap_or(0));
    let count = move || slides.items.with(|i| i.len());
    let title_id = format!("deck-title-{id}");
    let note_id = format!("deck-note-{id}");
    let counter_id = format!("deck-note-count-{id}");
    let heading = move || {
        let s = slide.get();
        let ix = index.get();
        let aligned = ix.as_ref().is_none_or(|x| x.1);
        (
            screen_name(&s, w(), lang.get(), aligned),
            details(&s, w(), lang.get(), ix.as_ref().map(|x| &x.0)).join(" · "),
        )
    };
    let preview = move |_| {
        shown.set(false);
        let s = slide.get_untracked();
        open(&s.view_state(&ViewState::default()).to_query());
    };
    view! {
        <li class="deck-slide" data-slide=move || (place.get() + 1).to_string()>
            <p class="deck-slide-head">
                <span class="deck-slide-number">{move || i18n::fill(w().slide, &[("n", (place.get() + 1).to_string())])}</span>
                " "
                <strong class="deck-slide-screen">{move || heading().0}</strong>
            </p>
            <p class="deck-slide-shows">{move || heading().1}</p>
            <p class="deck-field">
                <label for=title_id.clone()>{move || w().title}</label>
                <input id=title_id type="text" class="deck-title" maxlength=MAX_TITLE_CHARS.to_string()
                    prop:value=move || slide.get().title.unwrap_or_default()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        slides.slide(id, |s| s.title = clean(&v, MAX_TITLE_CHARS, false));
                    } />
            </p>
            <p class="deck-field">
                <label for=note_id.clone()>{move || w().note}</label>
                <textarea id=note_id class="deck-note" rows="2" maxlength=MAX_NOTE_CHARS.to_string()
                    aria-describedby=counter_id.clone()
                    prop:value=move || slide.get().note.unwrap_or_default()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        slides.slide(id, |s| s.note = clean(&v, MAX_NOTE_CHARS, true));
                    }></textarea>
                <span id=counter_id class="deck-note-count">{move || i18n::fill(w().note_count, &[
                    ("n", slide.get().note.map_or(0, |n| n.chars().count()).to_string()),
                    ("max", MAX_NOTE_CHARS.to_string()),
                ])}</span>
            </p>
            <p class="deck-slide-actions">
                <button type="button" class="deck-up" disabled=move || place.get() == 0
                    on:click=move |_| { let at = place.get_untracked(); slides.edit(|i| i.swap(at, at - 1)); }>
                    <span aria-hidden="true">"↑ "</span>{move || w().up}
                </button>
                <button type="button" class="deck-down" disabled=move || { place.get() + 1 >= count() }
                    on:click=move |_| { let at = place.get_untracked(); slides.edit(|i| i.swap(at, at + 1)); }>
                    <span aria-hidden="true">"↓ "</span>{move || w().down}
                </button>
                <button type="button" class="deck-preview" on:click=preview>{move || w().preview}</button>
                <button type="button" class="deck-remove" on:click=move |_| {
                    let at = place.get_untracked();
                    slides.edit(|i| { i.remove(at); });
                }>{move || w().remove}</button>
            </p>
        </li>
    }
}
