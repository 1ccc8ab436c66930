//! The presentation's side of the presenter window (app): the "Presenter window" button that
//! opens it (`?presenter=1&lang=…&deck=…`, same page, so same origin under any sub-path) and
//! the channel that keeps it in step: `show` on every slide change and in answer to `ask`,
//! and a `go` from its Previous/Next moves the presentation. The window itself is drawn by
//! the lazy module (`presenter.rs`), so the presentation pays only for this.

use crate::model::deck::channel::{DeckId, Message};
use crate::model::Lang;
use crate::ui::ctx::deck_channel::DeckChannel;
use crate::ui::ctx::text;
use leptos::prelude::*;

/// True on the presenter window's page (`presenter=1` in the query), which the app leaves
/// to the lazy module.
pub fn is_presenter_window(query: &str) -> bool {
    query
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "presenter=1")
}

/// The presenter window's address for the deck of `link` (none: the default story), relative
/// to this page.
pub fn presenter_url(lang: Lang, link: Option<&str>) -> String {
    let mut url = format!("?presenter=1&lang={}", lang.code());
    if let Some(l) = link {
        // A deck link is base64url (letters, digits, - and _): nothing to escape.
        url.push_str("&deck=");
        url.push_str(l);
    }
    url
}

/// Keeps presenter windows in step with `step` (0-based), for the deck of `link` (the link of
/// the deck shown; `None` while the default story is shown); `go_to` moves the presentation
/// to a slide a presenter window asks for. Another deck shown opens the channel again for it
/// (and announces the slide); closed with the presentation.
pub fn follow(step: Memo<u32>, link: Memo<Option<String>>, go_to: impl Fn(u32) + Copy + 'static) {
    let channel = StoredValue::new_local(None::<DeckChannel>);
    let post = move || {
        channel.try_with_value(|c| {
            if let Some(c) = c {
                c.post(Message::Show {
                    deck: c.deck(),
                    slide: step.get_untracked() as usize,
                });
            }
        });
    };
    Effect::new(move |_| {
        let deck = link.with(|l| DeckId::of_shown(l.as_deref()));
        let opened = DeckChannel::open(deck, move |m| match m {
            Message::Ask { .. } => post(),
            Message::Go { slide, .. } => go_to(u32::try_from(slide).unwrap_or(u32::MAX)),
            Message::Show { .. } => {}
        });
        channel.set_value(opened);
        post();
    });
    Effect::new(move |_| {
        step.track();
        post();
    });
    on_cleanup(move || {
        channel.try_update_value(|c| c.take());
    });
}

/// The presentation bar's button that opens the presenter window (a window of its own, to
/// drag to the presenter's screen).
#[component]
pub fn PresenterButton(lang: Memo<Lang>, link: Memo<Option<String>>) -> impl IntoView {
    let open = move |_| {
        let url = link.with_untracked(|l| presenter_url(lang.get_untracked(), l.as_deref()));
        if let Some(w) = web_sys::window() {
            let _ = w.open_with_url_and_target_and_features(&url, "jrs-presenter", "popup");
        }
    };
    view! {
        <button type="button" class="present-presenter" title=text(lang, |t| t.present.presenter_label)
            on:click=open>
            {text(lang, |t| t.present.presenter_button)}
        </button>
    }
}
