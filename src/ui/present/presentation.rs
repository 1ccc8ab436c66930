//! Presentation mode (`?present=1&step=N`): a guided story through the strategy, one step
//! per screen (vision → pillars → shocks and stresses → coverage matrix → map → timeline →
//! sources), in large high-contrast type for a projector. Keys and clickers move between
//! steps, Escape leaves (and leaves fullscreen), the step is in the URL, and each step still
//! responds to clicks (drilling into a pillar or a hazard sets the filters the later steps
//! show). With `deck=` in the link it walks a presenter's own deck instead (`deck_source`):
//! each slide sets the state to the view it captured. Linked into the lazy module only: its
//! `mount_presentation` mounts [`body`] under the app's root (`shell::app::app_with`: its own
//! state and context from the same address) into the app's slot (`slot.rs`); leaving hands
//! the address back to the app as a new history entry (`ctx::link::hand_over`).

use super::deck_source::{provide_shown_deck, Source};
use super::fullscreen::{document, exit_fullscreen, is_fullscreen, request_fullscreen};
use super::presenter_link::{follow, open_presenter};
use super::slide_stage::{slide_stage, slide_title};
use crate::i18n;
use crate::model::deck::story::slide_of;
use crate::model::deck::Slide;
use crate::model::presentation::{
    apply_in, clamp_in, is_blank_key, key_nav, scroll_first, Nav, Step,
};
use crate::model::ViewState;
use crate::ui::ctx::{link, text, use_ctx};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// True when a key press belongs to the focused element rather than to the deck: typing in
/// a field, choosing in a select, Space/Enter on a button or link (which activate it), or
/// any key in a widget with its own keys (a chart's or the map's focusable marks, which use
/// the arrows). The deck takes the keys when nothing in particular has focus.
fn key_is_for_control(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    match tag.as_str() {
        "html" | "body" | "main" => false,
        "button" | "a" | "summary" => ev.key() == " " || ev.key() == "Enter",
        // The presentation itself, or the app's slot around it (a click on a slide's text
        // focuses the slot, its nearest focusable ancestor): the keys are the deck's.
        _ => !(el.class_list().contains("present") || el.class_list().contains("present-slot")),
    }
}

/// What the lazy module shows under the app's root (`shell::app::Body`): the presentation.
pub fn body(_notices: RwSignal<Vec<String>>) -> AnyView {
    view! { <Presentation /> }.into_any()
}

/// Presentation mode, shown instead of the site shell.
#[component]
pub fn Presentation() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let state = ctx.state;
    // A deck's slide `n` shown over the current state (theme, data links… stay).
    let show_slide = move |slides: &[Slide], n: u32| {
        let Some(slide) = slides.get(n as usize) else {
            return;
        };
        let data = ctx.d();
        state.update(|s| {
            let mut next: ViewState = slide.view_state(s);
            next.step = n;
            // A slide made on another dataset may name what this one lacks: dropped.
            next.sanitize(&data.dataset);
            *s = next;
        });
    };
    // The deck's slides set the state when they arrive (the step the link names).
    let deck = provide_shown_deck(move |slides| {
        let n = clamp_in(state.with_untracked(|s| s.step), slides.len() as u32);
        show_slide(&slides, n);
    });
    let slides = move || deck.slides();
    let total = Memo::new(move |_| slides().map_or(Step::COUNT, |s| s.len() as u32));
    let step = Memo::new(move |_| clamp_in(state.with(|s| s.step), total.get()));
    let fullscreen = RwSignal::new(is_fullscreen());
    let can_fullscreen = document().is_some_and(|d| d.fullscreen_enabled());
    // An Escape has asked to leave fullscreen and the browser has not done it yet.
    let leaving_fullscreen = StoredValue::new(false);

    // The app shows the site again when it reads the address (its slot then unmounts this).
    let leave = move || {
        exit_fullscreen();
        state.update(|s| {
            s.present = false;
            s.step = 0;
            s.deck = None;
        });
        state.with_untracked(link::hand_over);
    };
    // Slide `n` (0-based, clamped): the keys, the buttons and the presenter window.
    let go_to = move |n: u32| {
        let n = clamp_in(n, total.get_untracked());
        if n != state.with_untracked(|s| s.step) {
            match deck.source.with_untracked(|s| match s {
                Source::Deck(d) => Some(d.clone()),
                _ => None,
            }) {
                Some(deck) => show_slide(&deck, n),
                None => state.update(|s| s.step = n),
            }
        }
    };
    let go = move |nav: Nav| match apply_in(nav, step.get_untracked(), total.get_untracked()) {
        Some(n) => go_to(n),
        None => leave(),
    };

    // Large type and the presentation palette apply to the whole document while presenting.
    if let Some(el) = document().and_then(|d| d.document_element()) {
        let _ = el.set_attribute("data-present", "");
    }
    let stage = NodeRef::<leptos::html::Main>::new();
    // Started from the site, the focus waits on the app's slot (`slot.rs`): on to Exit.
    Effect::new(move |_| {
        if let Some(doc) = document() {
            let on_slot = doc
                .active_element()
                .is_some_and(|el| el.class_list().contains("present-slot"));
            if let (true, Ok(Some(exit))) = (on_slot, doc.query_selector(".present .present-exit"))
            {
                if let Ok(exit) = exit.dyn_into::<web_sys::HtmlElement>() {
                    let _ = exit.focus();
                }
            }
        }
    });
    // Each step starts at its top.
    Effect::new(move |_| {
        step.track();
        if let Some(el) = stage.get_untracked() {
            el.set_scroll_top(0);
        }
    });
    // The presenter window (presenter_link.rs) follows the deck shown (a link that failed
    // shows the story); its Previous/Next move the presentation.
    let deck_link = Memo::new(
        move |_| match deck.source.with(|s| matches!(s, Source::Deck(_))) {
            true => deck.link.get(),
            false => None,
        },
    );
    follow(step, deck_link, go_to);
    // A blank screen (B or the full stop): any key brings the slide back, and does only that.
    let blank = RwSignal::new(false);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.default_prevented() {
            return;
        }
        if blank.get_untracked() {
            ev.prevent_default();
            blank.set(false);
            return;
        }
        if is_blank_key(&ev.key()) && !key_is_for_control(&ev) {
            ev.prevent_default();
            blank.set(true);
            return;
        }
        let Some(nav) = key_nav(&ev.key()) else {
            return;
        };
        if nav != Nav::Exit && key_is_for_control(&ev) {
            return;
        }
        ev.prevent_default();
        // A second Escape before the browser has left fullscreen (it takes a frame or two)
        // is the second Escape: it leaves the presentation.
        if nav == Nav::Exit && is_fullscreen() && !leaving_fullscreen.get_value() {
            leaving_fullscreen.set_value(true);
            exit_fullscreen();
            return;
        }
        // A slide taller than the screen scrolls first (so a clicker can show all of it).
        if let Some(el) = stage.get_untracked() {
            let top = el.scroll_top() as f64;
            let max = (el.scroll_height() - el.client_height()) as f64;
            if let Some(to) = scroll_first(&ev.key(), top, max, el.client_height() as f64) {
                el.set_scroll_top(to.round() as i32);
                return;
            }
        }
        go(nav);
    });
    // In fullscreen the first Escape leaves fullscreen only (the browser takes it, or the
    // key handler when the page gets it), the second leaves the presentation; the key hint
    // says so while in fullscreen.
    let fs = window_event_listener_untyped("fullscreenchange", move |_| {
        leaving_fullscreen.set_value(false);
        fullscreen.set(is_fullscreen());
    });
    on_cleanup(move || {
        keys.remove();
        fs.remove();
        exit_fullscreen();
        if let Some(el) = document().and_then(|d| d.document_element()) {
            let _ = el.remove_attribute("data-present");
        }
    });

    let meta = ctx.d().dataset.meta.clone();
    let city = meta.city.clone();
    let aligned = ctx.aligned();
    let title_of = move |n: u32| match slides() {
        Some(deck) => deck
            .get(n as usize)
            .map(|s| slide_title(s, lang.get(), aligned))
            .unwrap_or_default(),
        None => i18n::t(lang.get(), Step::at(n).title_key()).to_string(),
    };
    let stage_view = move || {
        let n = step.get();
        match deck.source.with(|s| match s {
            Source::Loading => None,
            Source::Deck(d) => Some(Some(d.clone())),
            _ => Some(None),
        }) {
            None => view! {
                <p class="lazy-status present-loading" role="status">{text(lang, |t| t.present.deck_loading)}</p>
            }
            .into_any(),
            Some(Some(deck)) => match deck.get(n as usize) {
                Some(s) => slide_stage(s, n as usize + 1 == deck.len()),
                None => ().into_any(),
            },
            _ => slide_stage(&slide_of(Step::at(n)), n + 1 == Step::COUNT),
        }
    };
    let failed = move || {
        deck.source.with(|s| {
            s.reason(lang.get()).map(|r| {
                let says = i18n::fill(
                    i18n::texts(lang.get()).present.deck_failed,
                    &[("reason", r.to_string())],
                );
                view! { <p class="present-notice" role="alert">{says}</p> }
            })
        })
    };

    view! {
        <div class="present" role="region" aria-label={text(lang, |t| t.present.label)}>
            <header class="present-bar">
                <p class="present-kicker">
                    <span>{move || city.get(lang.get()).to_string()}</span>
                    " · "
                    <span class="present-step-title">{move || title_of(step.get())}</span>
                </p>
                <div class="present-tools">
                    <button type="button" class="present-presenter" on:click=move |_| {
                        deck_link.with_untracked(|l| state.with_untracked(|s| open_presenter(lang.get_untracked(), l.as_deref(), s)));
                    }>{text(lang, |t| t.present.presenter_button)}</button>
                    {(can_fullscreen).then(|| view! {
                        <button type="button" class="present-fullscreen" hidden=move || fullscreen.get()
                            on:click=move |_| request_fullscreen()>
                            {text(lang, |t| t.present.fullscreen)}
                        </button>
                    })}
                    <button type="button" class="present-exit" aria-label={text(lang, |t| t.present.exit_label)}
                        on:click=move |_| leave()>
                        <span aria-hidden="true">"✕ "</span>
                        {text(lang, |t| t.present.exit)}
                    </button>
                </div>
            </header>
            // Focused from script only (tabindex -1, no frame around the whole slide): the keys
            // scroll a slide taller than the screen; the controls keep their focus ring.
            <main id="main" class="present-stage" tabindex="-1" node_ref=stage
                aria-label=move || title_of(step.get())
                data-step=move || step.get().to_string()>
                {failed}
                {stage_view}
            </main>
            <footer class="present-nav">
                <button type="button" class="present-prev" disabled=move || { step.get() == 0 }
                    on:click=move |_| go(Nav::Prev)>
                    <span aria-hidden="true">"←"</span>
                    <span class="nav-label">{text(lang, |t| t.present.prev)}</span>
                </button>
                <p class="present-counter" role="status">
                    <span aria-hidden="true" class="present-count">{move || format!("{} / {}", step.get() + 1, total.get())}</span>
                    <span class="visually-hidden">{move || i18n::fill(i18n::texts(lang.get()).present.counter_label, &[
                        ("n", (step.get() + 1).to_string()),
                        ("total", total.get().to_string()),
                        ("title", title_of(step.get())),
                    ])}</span>
                </p>
                <button type="button" class="present-next" disabled=move || { step.get() + 1 >= total.get() }
                    on:click=move |_| go(Nav::Next)>
                    <span class="nav-label">{text(lang, |t| t.present.next)}</span>
                    <span aria-hidden="true">"→"</span>
                </button>
                <p class="present-keys">{move || i18n::t(lang.get(), if fullscreen.get() { |t| t.present.keys_fullscreen } else { |t| t.present.keys })}</p>
            </footer>
            // Black over everything; a click or any key brings the slide back.
            <div class="present-blank" hidden=move || !blank.get() on:click=move |_| blank.set(false)></div>
            <p class="visually-hidden" role="status">{move || blank.get().then(|| i18n::t(lang.get(), |t| t.present.blanked))}</p>
        </div>
    }
}
