//! "Add to my deck" on the lazy module's side: the app passes the view's query string
//! (`model::view_state`), which becomes a slide at the end of the kept deck (`store`); a
//! full deck is refused.

use super::store;
use crate::model::deck::{Slide, MAX_SLIDES};
use crate::model::ViewState;

/// What adding did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// The view is slide `n` (1-based); `kept`: the browser kept the deck.
    Slide {
        /// Its number.
        n: usize,
        /// Whether the browser kept the deck.
        kept: bool,
    },
    /// The deck holds [`MAX_SLIDES`] already.
    Full,
}

/// Adds the view of `query` as the deck's last slide.
pub fn add(query: &str) -> Added {
    let mut deck = store::load();
    if deck.slides.len() >= MAX_SLIDES {
        return Added::Full;
    }
    let (state, _) = ViewState::from_query(query);
    deck.slides.push(Slide::capture(&state, None));
    let kept = store::save(&deck);
    Added::Slide {
        n: deck.slides.len(),
        kept,
    }
}
