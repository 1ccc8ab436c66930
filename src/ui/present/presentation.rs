//! Presentation mode (`?present=1&step=N`): a guided story through the strategy, one step
//! per screen (vision → pillars → shocks and stresses → coverage matrix → map → timeline →
//! sources), in large high-contrast type for a projector. Keys and clickers move between
//! steps, Escape leaves (and leaves fullscreen), the step is in the URL, and each step still
//! responds to clicks (drilling into a pillar or a hazard sets the filters the later steps
//! show). Also the header's "Present" button.

use crate::i18n::{self, format_int};
use crate::model::presentation::{apply, clamp, key_nav, scroll_first, Nav, Step};
use crate::model::{Facet, HazardKind};
use crate::ui::ctx::{text, use_ctx};
use crate::ui::records::hazard_chips::HazardChips;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn is_fullscreen() -> bool {
    document().and_then(|d| d.fullscreen_element()).is_some()
}

/// Calls a promise-returning method by name and swallows a rejection (a refused fullscreen
/// request is not an error worth a console message).
fn call_quietly(target: &wasm_bindgen::JsValue, method: &str) {
    let Ok(f) = js_sys::Reflect::get(target, &method.into()) else {
        return;
    };
    let Some(f) = f.dyn_ref::<js_sys::Function>() else {
        return;
    };
    if let Ok(ret) = f.call0(target) {
        if let Ok(p) = ret.dyn_into::<js_sys::Promise>() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
        }
    }
}

/// Asks the browser to show the page fullscreen (browsers only allow it from a click).
pub fn request_fullscreen() {
    let Some(doc) = document() else { return };
    if !doc.fullscreen_enabled() || is_fullscreen() {
        return;
    }
    if let Some(el) = doc.document_element() {
        call_quietly(&el, "requestFullscreen");
    }
}

fn exit_fullscreen() {
    if is_fullscreen() {
        if let Some(doc) = document() {
            call_quietly(&doc, "exitFullscreen");
        }
    }
}

/// The header button that starts the presentation (fullscreen when the browser allows).
#[component]
pub fn PresentButton() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let href = move || {
        ctx.href(|s| {
            s.present = true;
            s.step = 0;
        })
    };
    view! {
        <a class="button tool present-button" href=href on:click=move |ev| {
            ev.prevent_default();
            request_fullscreen();
            ctx.state.update(|s| {
                s.present = true;
                s.step = 0;
            });
        }>
            <span aria-hidden="true" class="tool-icon">"▶"</span>
            {text(lang, |t| t.present.button)}
        </a>
    }
}

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
        _ => !el.class_list().contains("present"),
    }
}

/// Presentation mode, shown instead of the site shell.
#[component]
pub fn Presentation() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let state = ctx.state;
    let step = Memo::new(move |_| clamp(state.with(|s| s.step)));
    let fullscreen = RwSignal::new(is_fullscreen());
    let can_fullscreen = document().is_some_and(|d| d.fullscreen_enabled());

    let leave = move || {
        exit_fullscreen();
        state.update(|s| {
            s.present = false;
            s.step = 0;
        });
    };
    let go = move |nav: Nav| match apply(nav, step.get_untracked()) {
        Some(n) => {
            if n != state.with_untracked(|s| s.step) {
                state.update(|s| s.step = n);
            }
        }
        None => leave(),
    };

    // Large type and the presentation palette apply to the whole document while presenting.
    if let Some(el) = document().and_then(|d| d.document_element()) {
        let _ = el.set_attribute("data-present", "");
    }
    let stage = NodeRef::<leptos::html::Main>::new();
    // Each step starts at its top.
    Effect::new(move |_| {
        step.track();
        if let Some(el) = stage.get_untracked() {
            el.set_scroll_top(0);
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.default_prevented() {
            return;
        }
        let Some(nav) = key_nav(&ev.key()) else {
            return;
        };
        if nav != Nav::Exit && key_is_for_control(&ev) {
            return;
        }
        ev.prevent_default();
        if nav == Nav::Exit && is_fullscreen() {
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
    let title_of = move |n: u32| i18n::t(lang.get(), Step::at(n).title_key());
    let total = Step::COUNT;

    view! {
        <div class="present" role="region" aria-label={text(lang, |t| t.present.label)}>
            <header class="present-bar">
                <p class="present-kicker">
                    <span>{move || city.get(lang.get()).to_string()}</span>
                    " · "
                    <span class="present-step-title">{move || title_of(step.get())}</span>
                </p>
                <div class="present-tools">
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
                {move || match Step::at(step.get()) {
                    Step::Vision => view! { <VisionStep /> }.into_any(),
                    Step::Pillars => view! { <PillarsStep /> }.into_any(),
                    Step::Hazards => view! { <HazardsStep /> }.into_any(),
                    Step::Coverage => view! {
                        <div class="present-view present-coverage">
                            <crate::ui::filters::panel::ActiveFilters />
                            <crate::ui::charts::view::Chart draw=crate::ui::charts::view::COVERAGE level=2 />
                        </div>
                    }.into_any(),
                    Step::Map => view! { <div class="present-view present-map"><crate::ui::map::view::MapView /></div> }.into_any(),
                    Step::Timeline => view! { <div class="present-view"><crate::ui::timeline::view::TimelineView /></div> }.into_any(),
                    Step::Sources => view! { <div class="present-view"><crate::ui::sources::view::SourcesView closing=view! { <ClosingLink /> }.into_any() /></div> }.into_any(),
                }}
            </main>
            <footer class="present-nav">
                <button type="button" class="present-prev" disabled=move || { step.get() == 0 }
                    on:click=move |_| go(Nav::Prev)>
                    <span aria-hidden="true">"←"</span>
                    <span class="nav-label">{text(lang, |t| t.present.prev)}</span>
                </button>
                <p class="present-counter" role="status">
                    <span aria-hidden="true" class="present-count">{move || format!("{} / {total}", step.get() + 1)}</span>
                    <span class="visually-hidden">{move || i18n::fill(i18n::texts(lang.get()).present.counter_label, &[
                        ("n", (step.get() + 1).to_string()),
                        ("total", total.to_string()),
                        ("title", title_of(step.get()).to_string()),
                    ])}</span>
                </p>
                <button type="button" class="present-next" disabled=move || { step.get() + 1 >= total }
                    on:click=move |_| go(Nav::Next)>
                    <span class="nav-label">{text(lang, |t| t.present.next)}</span>
                    <span aria-hidden="true">"→"</span>
                </button>
                <p class="present-keys">{move || i18n::t(lang.get(), if fullscreen.get() { |t| t.present.keys_fullscreen } else { |t| t.present.keys })}</p>
            </footer>
        </div>
    }
}

/// Step 1: the strategy's title and vision.
#[component]
fn VisionStep() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let meta = ctx.d().dataset.meta.clone();
    let title = meta.title.clone();
    let vision = meta.vision.clone();
    let aligned = ctx.aligned();
    view! {
        <section class="present-slide slide-vision" aria-labelledby="slide-title">
            <h1 id="slide-title" class="present-title">{move || title.get(lang.get()).to_string()}</h1>
            <p class="present-eyebrow">{text(lang, |t| t.overview.vision)}</p>
            <blockquote class="present-vision">
                {let v = vision.clone(); move || v.get(lang.get()).to_string()}
                {move || vision.is_translated(lang.get()).then(|| view! {
                    <span class="translated">" (" {i18n::texts(lang.get()).prov.editor_translation} ")"</span>
                })}
            </blockquote>
            {aligned.then(|| view! {
                <p class="present-note">{text(lang, |t| t.overview.aligned_notice)}</p>
            })}
        </section>
    }
}

/// Up to `MAX_LISTED` titles of the initiatives matching the filters, and how many more.
const MAX_LISTED: usize = 6;

#[component]
fn MatchingList() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    move || {
        let l = ctx.d();
        let m = ctx.matching.get();
        if m.is_empty() {
            return view! { <p class="present-note">{i18n::texts(lang.get()).present.none}</p> }
                .into_any();
        }
        let more = m.len().saturating_sub(MAX_LISTED);
        let items = m
            .iter()
            .take(MAX_LISTED)
            .map(|&i| {
                let a = &l.dataset.actions[i];
                let t = a.title.get(lang.get()).to_string();
                view! { <li data-action=a.id.clone()>{t}</li> }
            })
            .collect_view();
        view! {
            <ul class="present-list">{items}</ul>
            {(more > 0).then(|| view! {
                <p class="present-more">{i18n::fill(i18n::texts(lang.get()).present.more, &[("n", format_int(more, lang.get()))])}</p>
            })}
        }
        .into_any()
    }
}

/// Step 2: the pillars; choosing one shows its targets and initiatives (and filters the
/// later steps).
#[component]
fn PillarsStep() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let l = ctx.d();
    let d = &l.dataset;
    let aligned = ctx.aligned();
    let selected = Memo::new(move |_| {
        ctx.selected(crate::model::Facet::Pillar)
            .with(|p| match p.as_slice() {
                [one] => Some(one.clone()),
                _ => None,
            })
    });
    let cards = d
        .pillars
        .iter()
        .map(|p| {
            let id = p.id.clone();
            let name = p.name.clone();
            let n = d.actions.iter().filter(|a| a.pillars.contains(&p.id)).count();
            let pressed = {
                let id = id.clone();
                move || selected.get().as_deref() == Some(id.as_str())
            };
            let pressed2 = pressed.clone();
            let click_id = id.clone();
            view! {
                <li>
                    <button type="button" class="present-choice" data-pillar=id.clone()
                        aria-pressed=move || if pressed() { "true" } else { "false" }
                        on:click=move |_| {
                            let again = pressed2();
                            ctx.filter_only(Facet::Pillar, (!again).then_some(click_id.as_str()), None);
                        }>
                        <span class="choice-name">{move || name.get(lang.get()).to_string()}</span>
                        <span class="choice-count">{move || ctx.actions_in_pillar(n)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let detail = move || {
        let id = selected.get()?;
        let l = ctx.d();
        let p = l.dataset.pillars.iter().find(|p| p.id == id)?.clone();
        let definition = p.definition.clone();
        let targets = p.targets.clone();
        Some(view! {
            <div class="present-detail">
                <div>
                    <p class="present-lead">{move || definition.get(lang.get()).to_string()}</p>
                    {(!targets.is_empty()).then(|| view! {
                        <h2>{text(lang, |t| t.overview.targets)}</h2>
                        <ul class="present-list">
                            {targets.into_iter().map(|t| view! { <li>{move || t.text.get(lang.get()).to_string()}</li> }).collect_view()}
                        </ul>
                    })}
                </div>
                <div>
                    <h2>{move || i18n::t(lang.get(), if aligned { |t| t.view.actions } else { |t| t.view.actions_official })}</h2>
                    <MatchingList />
                    <button type="button" class="present-back" on:click=move |_| ctx.clear_filters()>
                        {text(lang, |t| t.present.all_pillars)}
                    </button>
                </div>
            </div>
        })
    };
    view! {
        <section class="present-slide" aria-labelledby="slide-title">
            <h1 id="slide-title">{text(lang, |t| t.overview.pillars)}</h1>
            <p class="present-hint">{text(lang, |t| t.present.pillar_hint)}</p>
            <ul class="present-choices pillars">{cards}</ul>
            {detail}
        </section>
    }
}

/// Step 3: shocks and stresses; choosing one lists the initiatives that answer it.
#[component]
fn HazardsStep() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let chosen = Memo::new(move |_| {
        ctx.state.with(|s| {
            let f = &s.filters;
            f.values(crate::model::Facet::Shock)
                .iter()
                .chain(f.values(crate::model::Facet::Stress))
                .next()
                .cloned()
        })
    });
    // Choosing a hazard lists what answers it; choosing it again goes back to all.
    let pick = Callback::new(move |(facet, id): (Facet, String)| {
        let again = chosen.get_untracked().as_deref() == Some(id.as_str());
        ctx.filter_only(facet, (!again).then_some(id.as_str()), None);
    });
    let detail = move || {
        let id = chosen.get()?;
        let l = ctx.d();
        let h = l.dataset.hazards.iter().find(|h| h.id == id)?.clone();
        let name = h.name.clone();
        Some(view! {
            <div class="present-detail">
                <h2>{move || name.get(lang.get()).to_string()}</h2>
                <MatchingList />
                <button type="button" class="present-back" on:click=move |_| ctx.clear_filters()>
                    {text(lang, |t| t.present.clear_hazard)}
                </button>
            </div>
        })
    };
    view! {
        <section class="present-slide" aria-labelledby="slide-title">
            <h1 id="slide-title">{text(lang, |t| t.present.step_hazards)}</h1>
            <p class="present-hint">{text(lang, |t| t.present.hazard_hint)}</p>
            <div class="present-columns">
                <div>
                    <h2>{text(lang, |t| t.overview.shocks)}</h2>
                    <ul class="present-choices chips">
                        <HazardChips kind=HazardKind::Shock class="present-chip" chosen=chosen pick=pick />
                    </ul>
                </div>
                <div>
                    <h2>{text(lang, |t| t.overview.stresses)}</h2>
                    <ul class="present-choices chips">
                        <HazardChips kind=HazardKind::Stress class="present-chip" chosen=chosen pick=pick />
                    </ul>
                </div>
            </div>
            {detail}
        </section>
    }
}

/// The last slide's close: the link to the explorer (this view, outside the presentation) and
/// its QR code, for the audience to take away.
#[component]
fn ClosingLink() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let url = ctx
        .state
        .with_untracked(crate::ui::share_embed::share::view_url);
    let svg = crate::model::qr::qr_svg(&url).unwrap_or_default();
    view! {
        <section class="present-closing" aria-labelledby="present-link">
            <h2 id="present-link">{text(lang, |t| t.share.link_label)}</h2>
            <p class="present-url"><a href=url.clone()>{url.clone()}</a></p>
            <figure class="qr">
                <div class="qr-code" role="img" aria-label=text(lang, |t| t.share.qr) inner_html=svg></div>
                <figcaption>{text(lang, |t| t.share.qr_hint)}</figcaption>
            </figure>
        </section>
    }
}
