//! The charts view: coverage matrix and bar charts that follow the filters.

use super::ctx::use_ctx;
use super::filters::{ActiveFilters, FilterPanel};
use crate::i18n;
use leptos::prelude::*;

/// The charts view.
#[component]
pub fn ChartsView() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    view! {
        <div class="with-filters">
            <aside class="filters" aria-label=move || i18n::t(lang.get(), "filters.title")>
                <FilterPanel />
            </aside>
            <div class="results">
                <ActiveFilters />
                <h1>{move || i18n::t(lang.get(), "view.charts")}</h1>
            </div>
        </div>
    }
}
