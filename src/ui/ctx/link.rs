//! Reading a link into the view state: the one path for the first load and for back and
//! forward. The link is parsed (`ViewState::from_query`), checked against the dataset when
//! one is loaded (`ViewState::sanitize`: unknown pillars, areas, actions… are dropped), what
//! was ignored is added to the visible notices, and the address bar is corrected in place
//! (no new history entry) so that it shows what is shown.

use crate::model::{Dataset, ViewState};
use leptos::prelude::*;

/// The page's query string (`?…`, or empty).
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Reads the current address into `state`: parses it, sanitizes it against `dataset` (when
/// loaded), reports what was ignored in `notices`, and sets the state if it differs.
pub fn read_link(
    state: RwSignal<ViewState>,
    notices: RwSignal<Vec<String>>,
    dataset: Option<&Dataset>,
) {
    let (parsed, ignored) = ViewState::from_query(&location_search());
    settle(state, notices, parsed, ignored, dataset);
}

/// Sanitizes the state already read from the address against the dataset that has just
/// loaded (the first load: the link was parsed before the dataset arrived).
pub fn settle_loaded(state: RwSignal<ViewState>, notices: RwSignal<Vec<String>>, d: &Dataset) {
    let current = state.get_untracked();
    settle(state, notices, current, Vec::new(), Some(d));
}

fn settle(
    state: RwSignal<ViewState>,
    notices: RwSignal<Vec<String>>,
    mut s: ViewState,
    mut ignored: Vec<String>,
    dataset: Option<&Dataset>,
) {
    if let Some(d) = dataset {
        ignored.extend(s.sanitize(d));
    }
    if !ignored.is_empty() {
        notices.update(|n| {
            for x in ignored {
                if !n.contains(&x) {
                    n.push(x);
                }
            }
        });
        replace_address(&s);
    }
    if state.with_untracked(|cur| *cur != s) {
        state.set(s);
    }
}

/// Writes `s` to the address bar without adding a history entry.
pub fn replace_address(s: &ViewState) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let q = s.to_query();
    let url = if q.is_empty() {
        w.location().pathname().unwrap_or_default()
    } else {
        q
    };
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
