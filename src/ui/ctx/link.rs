//! Reading a link into the view state: the one path for the first load and for back and
//! forward. The link is parsed (`ViewState::from_query`), checked against the dataset when
//! one is loaded (`ViewState::sanitize`: unknown pillars, areas, actions… are dropped), what
//! was ignored is added to the visible notices, and the address bar is corrected in place
//! (no new history entry) so that it shows what is shown. And the other way: the address
//! follows the state (`follow_state`), written once the page has painted the change.

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
    set_address(s, false);
}

/// Writes `s` to the address bar as a new history entry, unless it shows it already.
pub fn push_address(s: &ViewState) {
    set_address(s, true);
}

/// Hands `s` to whatever shows this page: writes it as a new history entry and announces it
/// as Back and Forward do (a `popstate`), so every part that reads the address follows (the
/// app, and the lazy module's presentation or deck editor, each with its own state).
pub fn hand_over(s: &ViewState) {
    push_address(s);
    let Some(w) = web_sys::window() else {
        return;
    };
    if let Ok(ev) = web_sys::Event::new("popstate") {
        let _ = w.dispatch_event(&ev);
    }
}

/// Writes `s` to the address bar (a new history entry when `push`), unless it shows it
/// already.
fn set_address(s: &ViewState, push: bool) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let q = s.to_query();
    if w.location().search().unwrap_or_default() == q {
        return;
    }
    let url = if q.is_empty() {
        w.location().pathname().unwrap_or_default()
    } else {
        q
    };
    if let Ok(h) = w.history() {
        let _ = if push {
            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Keeps the address in step with `state`: every change adds a history entry (so Back undoes
/// it), except typing in the search box and the first write, which replace the current one.
///
/// The address is written after the browser has painted the change (two animation frames
/// later, or after 250 ms where frames do not run, e.g. a hidden tab), never inside the
/// update itself: a history write is a round trip to the browser that the visitor would
/// otherwise wait for on every click (measured: most of a filter update under the
/// benchmark's DevTools connection). Changes made before it is written share one entry, so
/// it is not put off longer: a presenter's quick steps would share one (tried, 20–50 ms
/// after the frame: the e2e tests of Back through the steps failed).
pub fn follow_state(state: RwSignal<ViewState>) {
    // What the address shows (None before the first write) and whether a write is queued.
    let written = StoredValue::new_local(None::<ViewState>);
    let queued = StoredValue::new(false);
    let write = move || {
        if !queued.try_get_value().unwrap_or(false) {
            return; // written already (frames and the timer race), or the app is gone
        }
        queued.set_value(false);
        let Some(s) = state.try_get_untracked() else {
            return;
        };
        let prev = written.get_value();
        write_address(&s, prev.as_ref());
        written.set_value(Some(s));
    };
    Effect::new(move |_| {
        state.track();
        if queued.get_value() {
            return;
        }
        queued.set_value(true);
        request_animation_frame(move || request_animation_frame(write));
        set_timeout(write, std::time::Duration::from_millis(250));
    });
}

/// Writes `s` to the address when it differs: replacing the entry when nothing was written
/// yet or only the search text changed since `prev`, else pushing a new one.
fn write_address(s: &ViewState, prev: Option<&ViewState>) {
    let only_query_changed = prev.is_some_and(|p| {
        let mut a = p.clone();
        a.filters.set_query(s.filters.query().to_string());
        a == *s
    });
    set_address(s, prev.is_some() && !only_query_changed);
}
