//! The overview's coverage at a glance: the heading, a line on how to read it and the
//! pillar × shock/stress table written by `charts::coverage_table` as plain HTML (light on
//! the first view). A count's link opens the list of its actions without a reload.

use crate::charts::coverage_table::coverage_table_html;
use crate::i18n;
use crate::model::coverage::cell_filters;
use crate::model::{Filters, View, ViewState};
use crate::ui::ctx::{text, use_ctx};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The state that lists the actions under `filters`.
fn to_list(s: &mut ViewState, filters: Filters) {
    s.view = View::Actions;
    s.action = None;
    s.filters = filters;
}

/// The coverage table with its heading and a line on how to read it.
#[component]
pub fn CoverageGrid() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let aligned = ctx.aligned();
    let table = move || {
        let href = |f: Filters| ctx.href(move |s| to_list(s, f));
        coverage_table_html(&ctx.d().dataset, lang.get(), aligned, &href)
    };
    let d = &ctx.d().dataset;
    if d.pillars.is_empty() || d.hazards.is_empty() {
        return ().into_any();
    }
    // A click on a count's link opens its list in place (the link works without this too).
    let open = move |ev: web_sys::MouseEvent| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[data-pillar]").ok().flatten());
        let Some(link) = link else { return };
        let (Some(p), Some(h)) = (
            link.get_attribute("data-pillar"),
            link.get_attribute("data-hazard"),
        ) else {
            return;
        };
        if let Some(f) = cell_filters(&ctx.d().dataset, &p, &h) {
            ev.prevent_default();
            ctx.state.update(move |s| to_list(s, f));
        }
    };
    let intro: i18n::Key = if aligned {
        |t| t.overview.coverage_intro
    } else {
        |t| t.overview.coverage_intro_official
    };
    view! {
        <section class="coverage" aria-labelledby="coverage-title">
            <h2 id="coverage-title">{text(lang, |t| t.overview.coverage_title)}</h2>
            <p class="coverage-intro">{text(lang, intro)}</p>
            <div class="coverage-scroll" on:click=open inner_html=table></div>
        </section>
    }
    .into_any()
}
