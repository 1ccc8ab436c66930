//! The presenter's deck kept in this browser (lazy module only): localStorage under
//! [`KEY`], as the deck's own link (`model::deck::codec`), so what is kept is exactly what a
//! link carries. Where the browser refuses storage (private modes, a full quota), the deck
//! is kept in memory for the page's life and the editor says so.

use crate::model::deck::{decode, encode, Deck};
use std::cell::RefCell;

/// The localStorage key.
pub const KEY: &str = "jrs-deck";

thread_local! {
    /// The deck of this page, when storage refused it.
    static IN_MEMORY: RefCell<Option<Deck>> = const { RefCell::new(None) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The deck kept (empty when none; a kept link that no longer reads is an empty deck).
pub fn load() -> Deck {
    if let Some(d) = IN_MEMORY.with(|m| m.borrow().clone()) {
        return d;
    }
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|link| decode(&link).ok())
        .unwrap_or_default()
}

/// Keeps `deck`; false when the browser refused (then it is kept for this page only).
pub fn save(deck: &Deck) -> bool {
    let stored = match storage() {
        Some(s) if deck.slides.is_empty() => s.remove_item(KEY).is_ok(),
        Some(s) => match encode(deck) {
            Ok(link) => s.set_item(KEY, &link).is_ok(),
            Err(_) => false,
        },
        None => false,
    };
    IN_MEMORY.with(|m| *m.borrow_mut() = (!stored).then(|| deck.clone()));
    stored
}

/// False when the deck is only in this page's memory (the browser refused to keep it).
pub fn kept() -> bool {
    IN_MEMORY.with(|m| m.borrow().is_none())
}

/// The deck's link (`None` for an empty deck).
pub fn link(deck: &Deck) -> Option<String> {
    encode(deck).ok()
}
