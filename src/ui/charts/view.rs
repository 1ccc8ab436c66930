//! The charts view: the filter panel, then the coverage matrix (pillars × shocks and
//! stresses, expandable rows, cells that set the pillar and hazard filters), bar charts by
//! pillar, status, lead agency and CRF driver, the process timeline and a Gantt of the
//! actions' timeframes. Every chart follows the filters and the language; drawing is done by
//! `crate::charts`, the figure (resizing, focus, tooltip, table, downloads) by `super::figure`.

use crate::charts::{self, ChartInput, ChartSpec};
use crate::i18n;
use crate::model::Filters;
use crate::ui::charts::figure::ChartFigure;
use crate::ui::ctx::{use_ctx, Ctx};
use crate::ui::filters::panel::{ActiveFilters, FilterPanel};
use leptos::prelude::*;

/// Draws a chart from the context's current state (reactive).
fn draw_with(
    ctx: Ctx,
    filters: Memo<Filters>,
    w: u32,
    f: impl Fn(&ChartInput) -> ChartSpec,
) -> ChartSpec {
    let l = ctx.d();
    let matching = ctx.matching.get();
    let lang = ctx.lang.get();
    filters.with(|filters| {
        f(&ChartInput {
            dataset: &l.dataset,
            matching: &matching,
            filters,
            lang,
            width: w,
        })
    })
}

fn filters_memo(ctx: Ctx) -> Memo<Filters> {
    Memo::new(move |_| ctx.state.with(|s| s.filters.clone()))
}

/// The coverage matrix; its pillars expand into goals (or actions) in place.
#[component]
pub fn CoverageMatrixChart() -> impl IntoView {
    let ctx = use_ctx();
    let filters = filters_memo(ctx);
    let expanded = RwSignal::new(Vec::<String>::new());
    let render = Callback::new(move |w: u32| {
        let ex = expanded.get();
        draw_with(ctx, filters, w, |inp| charts::matrix::coverage(inp, &ex))
    });
    let on_expand = Callback::new(move |id: String| {
        expanded.update(|v| {
            if let Some(i) = v.iter().position(|x| *x == id) {
                v.remove(i);
            } else {
                v.push(id);
            }
        })
    });
    view! { <ChartFigure render=render on_expand=on_expand level=2 /> }
}

/// Matching actions by pillar.
#[component]
pub fn PillarChart() -> impl IntoView {
    let ctx = use_ctx();
    let filters = filters_memo(ctx);
    let render = Callback::new(move |w| draw_with(ctx, filters, w, charts::bars::pillars));
    view! { <ChartFigure render=render level=3 defer=true /> }
}

/// Matching actions by status.
#[component]
pub fn StatusChart() -> impl IntoView {
    let ctx = use_ctx();
    let filters = filters_memo(ctx);
    let render = Callback::new(move |w| draw_with(ctx, filters, w, charts::bars::statuses));
    view! { <ChartFigure render=render level=3 defer=true /> }
}

/// Matching actions by lead agency.
#[component]
pub fn LeadChart() -> impl IntoView {
    let ctx = use_ctx();
    let filters = filters_memo(ctx);
    let render = Callback::new(move |w| draw_with(ctx, filters, w, charts::bars::leads));
    view! { <ChartFigure render=render level=3 defer=true /> }
}

/// Matching actions by CRF driver.
#[component]
pub fn DriverChart() -> impl IntoView {
    let ctx = use_ctx();
    let filters = filters_memo(ctx);
    let render = Callback::new(move |w| draw_with(ctx, filters, w, charts::bars::drivers));
    view! { <ChartFigure render=render level=3 defer=true /> }
}

/// The strategy's process events.
#[component]
pub fn EventsChart() -> impl IntoView {
    let ctx = use_ctx();
    let filters = filters_memo(ctx);
    let render = Callback::new(move |w| draw_with(ctx, filters, w, charts::timeline::events));
    view! { <ChartFigure render=render level=3 defer=true /> }
}

/// A Gantt of the matching actions' timeframes.
#[component]
pub fn GanttChart() -> impl IntoView {
    let ctx = use_ctx();
    let filters = filters_memo(ctx);
    let render = Callback::new(move |w| draw_with(ctx, filters, w, charts::timeline::gantt));
    view! { <ChartFigure render=render level=3 defer=true /> }
}

/// The charts view.
#[component]
pub fn ChartsView() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    view! {
        <h1 class="view-title">{move || i18n::texts(lang.get()).view.charts}</h1>
        <div class="with-filters">
            <aside class="filters" aria-label=move || i18n::texts(lang.get()).filters.title>
                <FilterPanel />
            </aside>
            <div class="results charts-view">
                <ActiveFilters />
                {move || ctx.aligned().then(|| view! {
                    <p class="banner aligned-notice" role="note">{i18n::texts(lang.get()).overview.aligned_notice}</p>
                })}
                <p class="charts-intro">{move || i18n::texts(lang.get()).charts.intro}</p>
                <CoverageMatrixChart />
                <h2 class="charts-section">{move || i18n::texts(lang.get()).charts.section_counts}</h2>
                <div class="chart-grid">
                    <PillarChart />
                    <StatusChart />
                    <LeadChart />
                    <DriverChart />
                </div>
                <h2 class="charts-section">{move || i18n::texts(lang.get()).charts.section_time}</h2>
                <GanttChart />
                <EventsChart />
            </div>
        </div>
    }
}
