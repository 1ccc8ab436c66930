//! The embed-mode shell (`?embed=1`): no site chrome, a compact header with an "open the full
//! explorer" link (its title hidden with `header=0`), what `part=` chooses (the current view,
//! the whole explorer with its views' tabs, one chart with its table and downloads, or the
//! map alone; the filters hidden with `filters=0`), and the explorer's height posted to the
//! parent page on load and on every size change so the iframe fits its content.

use crate::model::embed_snippet::{full_state, HEIGHT_MESSAGE};
use crate::model::view_state::{EmbedChart, EmbedPart};
use crate::ui::charts::view as charts;
use crate::ui::ctx::{text, use_ctx};
use crate::ui::shell::layout::CurrentView;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Posts `{type: "jrs-embed-height", height}` to the parent window.
fn post_height(height: f64) {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if js_sys::Object::is(&parent, &w) {
        return; // not in a frame
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
    // "*": the explorer does not know its host; the message carries only a height.
    let _ = parent.post_message(&msg, "*");
}

/// Watches `el` and posts its height whenever it changes (and once at the start).
fn report_height(el: &web_sys::Element) -> Option<web_sys::ResizeObserver> {
    let last = Rc::new(Cell::new(-1.0f64));
    let target = el.clone();
    let send = move || {
        let h = target.get_bounding_client_rect().height().ceil();
        if h != last.get() {
            last.set(h);
            post_height(h);
        }
    };
    send();
    let cb = Closure::<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>::new(
        move |_: js_sys::Array, _: web_sys::ResizeObserver| send(),
    );
    let ro = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
    ro.observe(el);
    // The observer lives as long as the page's embed shell (the callback must outlive it).
    cb.forget();
    Some(ro)
}

/// The embed-mode shell: compact header and the current view, sized for its iframe.
#[component]
pub fn EmbedShell() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let title = ctx.d().dataset.meta.title.clone();
    let root = NodeRef::<leptos::html::Div>::new();
    let observer = StoredValue::new_local(None::<web_sys::ResizeObserver>);
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            if observer.with_value(|o| o.is_none()) {
                let ro = report_height(&el);
                observer.set_value(ro);
            }
        }
    });
    on_cleanup(move || {
        if let Some(Some(ro)) = observer.try_with_value(|o| o.clone()) {
            ro.disconnect();
        }
    });
    let full = move || ctx.href(|s| *s = full_state(s));
    let (part, no_filters, no_header) = ctx
        .state
        .with_untracked(|s| (s.part, s.no_filters, s.no_header));
    let body = match part {
        EmbedPart::Chart(c) => {
            let draw = match c {
                EmbedChart::Matrix => charts::COVERAGE,
                EmbedChart::Pillars => charts::PILLARS,
                EmbedChart::Status => charts::STATUSES,
                EmbedChart::Lead => charts::LEADS,
                EmbedChart::Driver => charts::DRIVERS,
                EmbedChart::Gantt => charts::GANTT,
            };
            view! {
                <div class="with-filters">
                    <aside class="filters" aria-label={text(lang, |t| t.filters.title)}>
                        <crate::ui::filters::panel::FilterPanel />
                    </aside>
                    <div class="results">
                        <crate::ui::filters::panel::ActiveFilters />
                        <charts::Chart draw=draw level=2 />
                    </div>
                </div>
            }
            .into_any()
        }
        EmbedPart::Explorer => view! { <EmbedTabs /><CurrentView /> }.into_any(),
        EmbedPart::View | EmbedPart::Map => view! { <CurrentView /> }.into_any(),
    };
    view! {
        <div class="embed-shell" class:no-filters=no_filters data-part=part.code() node_ref=root>
            <header class="embed-header">
                {(!no_header).then(|| view! { <p class="embed-title">{move || title.get(lang.get()).to_string()}</p> })}
                <a class="embed-open" href=full target="_blank" rel="noopener">
                    {text(lang, |t| t.embed.open_full)}
                    <span aria-hidden="true">" ↗"</span>
                    <span class="visually-hidden">" " {text(lang, |t| t.embed.new_tab)}</span>
                </a>
            </header>
            <main id="main" tabindex="-1">
                {body}
            </main>
        </div>
    }
}

/// The views' tabs of the whole explorer embedded.
#[component]
fn EmbedTabs() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let tabs = crate::ui::shell::layout::view_tabs();
    view! {
        <nav class="views embed-tabs" aria-label={text(lang, |t| t.app.menu)}>
            <ul>{tabs}</ul>
        </nav>
    }
}
