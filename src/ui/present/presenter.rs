//! The presenter window (`?presenter=1&deck=…`), drawn by the lazy module only: the slide on
//! screen (number, heading, the presenter's note with its line breaks) and the next slide's
//! heading, with Previous/Next (buttons, and the same keys as the presentation) that move the
//! presentation. It follows the presentation in another window of this origin through the
//! deck's channel (`ctx::deck_channel`): it asks for the current slide when it opens, then
//! shows each slide the presentation announces for its deck. It needs no dataset.

use crate::i18n;
use crate::model::deck::channel::{DeckId, Message};
use crate::model::deck::outline::outline;
use crate::model::deck::story::default_deck;
use crate::model::deck::{decode, Deck};
use crate::model::presentation::{key_nav, Nav};
use crate::model::Lang;
use crate::ui::ctx::deck_channel::DeckChannel;
use crate::ui::ctx::text;
use leptos::prelude::*;

/// The deck of `link` and its id; the default story (and why) when the link cannot be read,
/// as the presentation then shows the default story too.
fn read_deck(link: Option<&str>) -> (Deck, DeckId, Option<String>) {
    match link.filter(|l| !l.is_empty()) {
        None => (default_deck(), DeckId::of_shown(None), None),
        Some(l) => match decode(l) {
            Ok(deck) if !deck.slides.is_empty() => (deck, DeckId::of_link(l), None),
            Ok(_) => (
                default_deck(),
                DeckId::of_shown(None),
                Some("no slides".into()),
            ),
            Err(e) => (default_deck(), DeckId::of_shown(None), Some(e.to_string())),
        },
    }
}

/// The presenter window's content.
#[component]
pub fn PresenterView(lang: Memo<Lang>, link: Option<String>) -> impl IntoView {
    let (deck, id, problem) = read_deck(link.as_deref());
    // The fixed story is named as presentation mode names its steps.
    let story = link.is_none() || problem.is_some();
    let total = deck.slides.len();
    let at = RwSignal::new(None::<usize>);
    let channel = StoredValue::new_local(DeckChannel::open(id, move |m| {
        if let Message::Show { slide, .. } = m {
            at.try_set(Some(slide.min(total.saturating_sub(1))));
        }
    }));
    channel.with_value(|c| c.as_ref().map(|c| c.post(Message::Ask { deck: id })));
    let go = move |nav: Nav| {
        let Some(now) = at.get_untracked() else {
            return;
        };
        let to = match nav {
            Nav::Next => (now + 1).min(total - 1),
            Nav::Prev => now.saturating_sub(1),
            Nav::First => 0,
            Nav::Last => total - 1,
            Nav::Exit => return,
        };
        if to != now {
            channel.with_value(|c| {
                c.as_ref().map(|c| {
                    c.post(Message::Go {
                        deck: id,
                        slide: to,
                    })
                })
            });
        }
    };
    // A clicker paired with the presenter's laptop sends its keys to the focused window.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.default_prevented() {
            return;
        }
        let on_button = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlButtonElement>(t).ok())
            .is_some();
        if on_button && (ev.key() == " " || ev.key() == "Enter") {
            return;
        }
        if let Some(nav) = key_nav(&ev.key()).filter(|n| *n != Nav::Exit) {
            ev.prevent_default();
            go(nav);
        }
    });
    on_cleanup(move || {
        keys.remove();
        channel.try_update_value(|c| c.take());
    });
    Effect::new(move |_| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(i18n::t(lang.get(), |t| t.present.presenter_title));
        }
    });

    let shown = Memo::new(move |_| at.get().and_then(|n| outline(&deck, n, lang.get(), story)));
    view! {
        <main id="main" class="presenter">
            <header class="presenter-bar">
                <h1>{text(lang, |t| t.present.presenter_title)}</h1>
                <p class="presenter-counter" role="status">{move || shown.get().map(|o| {
                    i18n::fill(i18n::texts(lang.get()).present.presenter_slide, &[
                        ("n", o.number.to_string()),
                        ("total", o.total.to_string()),
                    ])
                })}</p>
            </header>
            {problem.map(|why| view! {
                <p class="presenter-problem" role="alert">{move || i18n::fill(
                    i18n::texts(lang.get()).present.presenter_bad_deck, &[("why", why.clone())])}</p>
            })}
            {move || match shown.get() {
                None => view! {
                    <p class="presenter-waiting" role="status">{text(lang, |t| t.present.presenter_waiting)}</p>
                }.into_any(),
                Some(o) => view! {
                    <section class="presenter-now" aria-labelledby="presenter-heading">
                        <h2 id="presenter-heading" class="presenter-heading">{o.heading}</h2>
                        <h3>{text(lang, |t| t.present.presenter_note)}</h3>
                        {match o.note {
                            Some(note) => view! { <p class="presenter-note">{note}</p> }.into_any(),
                            None => view! { <p class="presenter-note none">{text(lang, |t| t.present.presenter_no_note)}</p> }.into_any(),
                        }}
                    </section>
                    <section class="presenter-next">
                        {match o.next {
                            Some(next) => view! {
                                <h3>{text(lang, |t| t.present.presenter_next)}</h3>
                                <p class="presenter-next-heading">{next}</p>
                            }.into_any(),
                            None => view! { <p class="presenter-last">{text(lang, |t| t.present.presenter_last)}</p> }.into_any(),
                        }}
                    </section>
                }.into_any(),
            }}
            <footer class="presenter-nav">
                <button type="button" class="presenter-prev"
                    disabled=move || at.get().is_none_or(|n| n == 0)
                    on:click=move |_| go(Nav::Prev)>
                    <span aria-hidden="true">"← "</span>{text(lang, |t| t.present.prev)}
                </button>
                <button type="button" class="presenter-next-button"
                    disabled=move || at.get().is_none_or(|n| n + 1 >= total)
                    on:click=move |_| go(Nav::Next)>
                    {text(lang, |t| t.present.next)}<span aria-hidden="true">" →"</span>
                </button>
            </footer>
        </main>
    }
}
