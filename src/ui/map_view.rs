//! The map view: where the strategy acts, at region, kecamatan and kelurahan level.

use super::ctx::use_ctx;
use super::filters::{ActiveFilters, FilterPanel};
use crate::i18n;
use leptos::prelude::*;

/// The map view.
#[component]
pub fn MapView() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    view! {
        <div class="with-filters">
            <aside class="filters" aria-label=move || i18n::t(lang.get(), "filters.title")>
                <FilterPanel />
            </aside>
            <div class="results">
                <ActiveFilters />
                <h1>{move || i18n::t(lang.get(), "view.map")}</h1>
            </div>
        </div>
    }
}
