//! The presentation's side of the presenter window (lazy module, with the presentation): the
//! "Presenter window" button that opens it (`?presenter=1&lang=…&deck=…`, same page, so same
//! origin under any sub-path) and the channel that keeps it in step: `show` on every slide
//! change and in answer to `ask`, and a `go` from its Previous/Next moves the presentation.
//! The window itself is `presenter.rs`. The app uses only [`is_presenter_window`], to leave
//! that page to the lazy module.

use crate::model::deck::channel::{DeckId, Message};
use crate::model::view_state::Theme;
use crate::model::{Lang, ViewState};
use crate::ui::ctx::deck_channel::DeckChannel;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};

/// True on the presenter window's page (`presenter=1` in the query), which the app leaves
/// to the lazy module.
pub fn is_presenter_window(query: &str) -> bool {
    query
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "presenter=1")
}

/// The presenter window's address for the deck of `link` (none: the default story), relative
/// to this page, in the presentation's theme and contrast (`look`'s).
pub fn presenter_url(lang: Lang, link: Option<&str>, look: &ViewState) -> String {
    let mut url = format!("?presenter=1&lang={}", lang.code());
    if let Some(l) = link {
        // A deck link is base64url (letters, digits, - and _): nothing to escape.
        url.push_str("&deck=");
        url.push_str(l);
    }
    match look.theme {
        Theme::Auto => {}
        Theme::Light => url.push_str("&theme=light"),
        Theme::Dark => url.push_str("&theme=dark"),
    }
    if look.contrast {
        url.push_str("&contrast=high");
    }
    url
}

/// What moves the presentation to slide `n` (0-based).
type GoTo = Box<dyn Fn(u32)>;

thread_local! {
    /// The presentation's channel (one presentation per page) and the deck link it is for.
    static CHANNEL: RefCell<Option<(Option<String>, DeckChannel)>> = const { RefCell::new(None) };
    /// The slide the presentation shows (0-based), for a presenter window that asks.
    static SHOWN: Cell<usize> = const { Cell::new(0) };
    /// What moves the presentation to a slide a presenter window asks for.
    static GO_TO: RefCell<Option<GoTo>> = const { RefCell::new(None) };
}

/// Keeps presenter windows in step with `step` (0-based), for the deck of `link` (the link of
/// the deck shown; `None` while the default story is shown); `go_to` moves the presentation
/// to a slide a presenter window asks for. Another deck shown opens the channel again for it;
/// closed with the presentation. (Plain Rust around one effect, from when this was in the
/// first view.)
pub fn follow(step: Memo<u32>, link: Memo<Option<String>>, go_to: impl Fn(u32) + 'static) {
    GO_TO.with(|g| *g.borrow_mut() = Some(Box::new(go_to)));
    Effect::new(move |_| {
        let n = step.get() as usize;
        link.with(|l| announce(l.as_deref(), n));
    });
    on_cleanup(|| {
        CHANNEL.with(|c| c.borrow_mut().take());
        GO_TO.with(|g| g.borrow_mut().take());
    });
}

/// Posts `show` for slide `n` of the deck of `link`, opening the channel for that deck first
/// when it is not open yet.
fn announce(link: Option<&str>, n: usize) {
    SHOWN.with(|s| s.set(n));
    CHANNEL.with(|c| {
        let mut c = c.borrow_mut();
        if c.as_ref().is_none_or(|(l, _)| l.as_deref() != link) {
            let deck = DeckId::of_shown(link);
            *c = DeckChannel::open(deck, move |m| match m {
                Message::Ask { deck } => {
                    let slide = SHOWN.with(|s| s.get());
                    CHANNEL.with(|c| {
                        if let Some((_, ch)) = c.borrow().as_ref() {
                            ch.post(Message::Show { deck, slide });
                        }
                    });
                }
                Message::Go { slide, .. } => GO_TO.with(|g| {
                    if let Some(go) = g.borrow().as_ref() {
                        go(u32::try_from(slide).unwrap_or(u32::MAX));
                    }
                }),
                Message::Show { .. } => {}
            })
            .map(|ch| (link.map(str::to_string), ch));
        }
        if let Some((_, ch)) = c.as_ref() {
            ch.post(Message::Show {
                deck: ch.deck(),
                slide: n,
            });
        }
    });
}

/// Opens the presenter window for the deck of `link` (a window of its own, to drag to the
/// presenter's screen; the presentation bar's button), in the theme and contrast of `look`.
pub fn open_presenter(lang: Lang, link: Option<&str>, look: &ViewState) {
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target_and_features(
            &presenter_url(lang, link, look),
            "jrs-presenter",
            "popup",
        );
    }
}
