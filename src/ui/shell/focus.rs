//! Keyboard focus and the scroll position across state changes. A view opened by a click
//! (a tab, a chip, a chart mark, a map link) starts at the top of the page, its title
//! focused so that it is read out (or the opened action's details). Back and Forward return
//! to where the visitor left that entry: when a scroll ends, its position is kept in the
//! entry's `history.state` (unless a new address is still to be written). A change of the view
//! state (a view, an action, the presentation) can remove the control that had the focus;
//! the browser would then drop the focus to the start of the page. Instead the focus moves
//! to where the change leads: the opened action's details, the closed action's entry in
//! the list, the Present button after leaving the presentation, in the presentation its
//! Exit button, otherwise the main content. Opening an action also moves the focus to its
//! details when the link that opened it is still there.

use crate::model::ViewState;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn focus_first(doc: &web_sys::Document, selector: &str) -> bool {
    let Ok(Some(el)) = doc.query_selector(selector) else {
        return false;
    };
    match el.dyn_into::<web_sys::HtmlElement>() {
        Ok(el) => {
            let _ = el.focus();
            doc.active_element().is_some_and(|a| a == *el)
        }
        Err(_) => false,
    }
}

/// The list link of an action, found by comparing the data attribute (ids are data: they
/// never go into a selector).
fn focus_action_link(doc: &web_sys::Document, id: &str) -> bool {
    let Ok(Some(list)) = doc.query_selector("ul.action-list") else {
        return false;
    };
    let mut item = list.first_element_child();
    while let Some(li) = item {
        if li.get_attribute("data-action").as_deref() == Some(id) {
            if let Ok(Some(a)) = li.query_selector("a") {
                if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
                    let _ = a.focus();
                    return true;
                }
            }
        }
        item = li.next_element_sibling();
    }
    false
}

fn focus_is_lost(doc: &web_sys::Document) -> bool {
    match doc.active_element() {
        None => true,
        Some(el) => doc.body().is_some_and(|b| *b == el) || doc.document_element() == Some(el),
    }
}

fn scroll_to(y: f64) {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, y);
    }
}

/// Focuses the view's title (made focusable by script only, so Tab never stops on it).
fn focus_title(doc: &web_sys::Document) -> bool {
    if let Ok(Some(h)) = doc.query_selector("main h1") {
        let _ = h.set_attribute("tabindex", "-1");
    }
    focus_first(doc, "main h1")
}

/// True when the address shows `s`: after Back or Forward (a change made on the page is
/// written to the address a little later, `ctx/link.rs`).
fn address_shows(s: &ViewState) -> bool {
    crate::ui::ctx::link::location_search() == s.to_query()
}

/// After the DOM has followed a state change from `prev` to `now`: where the page is
/// scrolled and what has the focus.
fn after_change(prev: &ViewState, now: &ViewState, last: &Rc<RefCell<Option<web_sys::Element>>>) {
    let Some(doc) = document() else { return };
    // Back or Forward: the position the visitor left this entry at (the top if none kept).
    if address_shows(now) {
        let y = kept_position().unwrap_or(0.0);
        // In the presentation a slide's view title is not a stop for the focus: the keys
        // would be taken for it and no longer move the slides.
        if now.view != prev.view && !now.present {
            focus_title(&doc);
        } else {
            move_focus(&doc, prev, now, last);
        }
        scroll_to(y);
        return;
    }
    let opened_view = now.view != prev.view && !now.present && !prev.present;
    // A link that leads to a place in the new view (the notice's "Why?") has put the focus
    // there already.
    let placed = || {
        doc.active_element()
            .is_some_and(|el| el.id() != "main" && el.closest("main").ok().flatten().is_some())
    };
    if opened_view && !placed() {
        // The current tab into view, in a tab bar that scrolls sideways (the page's own
        // scroll is set below).
        if let Ok(Some(tab)) = doc.query_selector("nav.views a.current") {
            tab.scroll_into_view();
        }
        let opened_action = now.action.is_some() && now.action != prev.action;
        // The opened action's details scroll into view as they take the focus.
        if !(opened_action && focus_first(&doc, "article.action-detail")) {
            focus_title(&doc);
            scroll_to(0.0);
        }
    } else {
        move_focus(&doc, prev, now, last);
    }
}

/// Where the focus goes after a change within a view (or back and forward).
fn move_focus(
    doc: &web_sys::Document,
    prev: &ViewState,
    now: &ViewState,
    last: &Rc<RefCell<Option<web_sys::Element>>>,
) {
    let doc = doc.clone();
    let opened = now.action.is_some() && now.action != prev.action && now.view == prev.view;
    if opened && !now.present && focus_first(&doc, "article.action-detail") {
        return;
    }
    // Leaving the presentation removes the element that had the focus (or the browser's own
    // Escape out of full screen left it on the page): back to the Present button.
    if prev.present && !now.present && focus_is_lost(&doc) && focus_first(&doc, ".present-button") {
        return;
    }
    let lost = focus_is_lost(&doc) && last.borrow().as_ref().is_some_and(|el| !el.is_connected());
    if !lost {
        return;
    }
    if now.action.is_some()
        && now.action != prev.action
        && focus_first(&doc, "article.action-detail")
    {
        return;
    }
    if let (Some(id), None) = (&prev.action, &now.action) {
        if focus_action_link(&doc, id) {
            return;
        }
    }
    // In the presentation, its Exit button (always shown, with a focus ring), not the slide;
    // while the lazy module loads it, its slot (the presentation moves the focus on).
    if now.present && (focus_first(&doc, ".present-exit") || focus_first(&doc, ".present-slot")) {
        return;
    }
    focus_first(&doc, "#main");
}

/// The scroll position kept in the history entry shown, if any.
fn kept_position() -> Option<f64> {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .and_then(|h| h.state().ok())
        .and_then(|s| s.as_f64())
}

/// Scrolls to the position kept in the entry shown (on a reload, once the view is drawn).
pub fn restore_kept_position() {
    if let Some(y) = kept_position().filter(|y| *y > 0.0) {
        scroll_to(y);
    }
}

/// Starts following the focus (once, from the app root; its listeners end with the root's
/// owner, as when the lazy module's presentation is unmounted).
pub fn install(state: RwSignal<ViewState>) {
    let last: Rc<RefCell<Option<web_sys::Element>>> = Rc::new(RefCell::new(None));
    if let Some(doc) = document() {
        let last = last.clone();
        let listener = gloo::events::EventListener::new(&doc, "focusin", move |ev| {
            let el = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            *last.borrow_mut() = el;
        });
        StoredValue::new_local(listener);
    }
    // Where the visitor stops scrolling is kept in the entry shown, unless the state has
    // moved on and its new address is still to be written, or the page is still to be put
    // where the change leads (a shorter view clamps the scroll before that: on Forward, the
    // next view's kept position was overwritten by where the clamp left it). The browser's
    // own restoring is off: it raced ours, putting back what it had noted on leaving.
    let settling = Rc::new(Cell::new(false));
    if let Some(w) = web_sys::window() {
        if let Ok(h) = w.history() {
            let _ = h.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
        let target = w.clone();
        let settling = settling.clone();
        let listener = gloo::events::EventListener::new(&w, "scrollend", move |_| {
            if !settling.get() && state.try_with_untracked(address_shows).unwrap_or(false) {
                let y = wasm_bindgen::JsValue::from_f64(target.scroll_y().unwrap_or(0.0));
                if let Ok(h) = target.history() {
                    let _ = h.replace_state_with_url(&y, "", None);
                }
            }
        });
        StoredValue::new_local(listener);
    }
    let last = StoredValue::new_local(last);
    Effect::new(move |prev: Option<ViewState>| {
        let now = state.get();
        if let Some(prev) = prev {
            if prev != now {
                let next = now.clone();
                let last = last.get_value();
                // The views re-render in this turn; look once the page has followed.
                settling.set(true);
                let settling = settling.clone();
                request_animation_frame(move || {
                    after_change(&prev, &next, &last);
                    settling.set(false);
                });
            }
        }
        now
    });
}
