//! The charts view: the filter panel, then the coverage matrix (pillars × shocks and
//! stresses, expandable rows, cells that set the pillar and hazard filters), bar charts by
//! pillar, status, lead agency and CRF driver, the process timeline and a Gantt of the
//! actions' timeframes. Every chart follows the filters and the language; drawing is done by
//! `crate::charts`, the figure (resizing, focus, tooltip, table, downloads) by `super::figure`.

use crate::charts::{self, ChartInput, ChartSpec};
use crate::ui::charts::figure::ChartFigure;
use crate::ui::ctx::stage::{at_step, VIEW_BODY, VIEW_REST};
use crate::ui::ctx::{text, use_ctx};
use crate::ui::filters::panel::{ActiveFilters, FilterPanel};
use leptos::prelude::*;

/// What a chart draws: from the input and the rows the visitor expanded (only the coverage
/// matrix has expandable rows) to the chart.
pub type Draw = fn(&ChartInput, &[String]) -> ChartSpec;

/// The coverage matrix; its pillars expand into goals (or actions) in place.
pub const COVERAGE: Draw = charts::matrix::coverage;
/// Matching actions by pillar.
pub const PILLARS: Draw = |inp, _| charts::bars::pillars(inp);
/// Matching actions by status.
pub const STATUSES: Draw = |inp, _| charts::bars::statuses(inp);
/// Matching actions by lead agency.
pub const LEADS: Draw = |inp, _| charts::bars::leads(inp);
/// Matching actions by CRF driver.
pub const DRIVERS: Draw = |inp, _| charts::bars::drivers(inp);
/// The strategy's process events.
pub const EVENTS: Draw = |inp, _| charts::timeline::events(inp);
/// A Gantt of the matching actions' timeframes.
pub const GANTT: Draw = |inp, _| charts::timeline::gantt(inp);

/// One chart of the loaded dataset: `draw` turns the context's matching actions, filters and
/// language into the chart, and the shared figure shows it. It redraws when they change;
/// a chart that is `fixed` draws the dataset alone and redraws for the language only.
#[component]
pub fn Chart(
    draw: Draw,
    #[prop(default = 3)] level: u8,
    #[prop(optional)] defer: bool,
    #[prop(optional)] fixed: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let expanded = RwSignal::new(Vec::<String>::new());
    // Every chart reads the context's one filters memo (not a memo of its own).
    let filters = ctx.filters;
    let render = Callback::new(move |(width, drawn, tabled): (u32, bool, bool)| {
        let l = ctx.d();
        let matching = if fixed {
            ctx.matching.get_untracked()
        } else {
            ctx.matching.get()
        };
        let lang = ctx.lang.get();
        expanded.with(|ex| {
            let read = |f: &dyn Fn(&_) -> ChartSpec| {
                if fixed {
                    filters.with_untracked(f)
                } else {
                    filters.with(f)
                }
            };
            read(&|filters| {
                draw(
                    &ChartInput {
                        dataset: &l.dataset,
                        matching: &matching,
                        filters,
                        lang,
                        width,
                        drawn,
                        tabled,
                    },
                    ex,
                )
            })
        })
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
    view! { <ChartFigure render=render on_expand=on_expand level=level defer=defer /> }
}

/// The charts view.
#[component]
pub fn ChartsView() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    view! {
        <h1 class="view-title">{text(lang, |t| t.view.charts)}</h1>
        <crate::ui::records::aligned_notice::AlignedNotice />
        <div class="with-filters">
            <aside class="filters" aria-label={text(lang, |t| t.filters.title)}>
                <FilterPanel />
            </aside>
            <div class="results charts-view">
                <ActiveFilters />
                <p class="charts-intro">{text(lang, |t| t.charts.intro)}</p>
                <Chart draw=COVERAGE level=2 />
                // Under a prerendered view (ctx/stage.rs) the charts below the matrix are
                // built a step after it.
                {at_step(VIEW_BODY, move || view! {
                    <h2 class="charts-section">{text(lang, |t| t.charts.section_counts)}</h2>
                    <div class="chart-grid">
                        <Chart draw=PILLARS defer=true />
                        <Chart draw=STATUSES defer=true />
                        <Chart draw=LEADS defer=true />
                        <Chart draw=DRIVERS defer=true />
                    </div>
                }.into_any())}
                {at_step(VIEW_REST, move || view! {
                    <h2 class="charts-section">{text(lang, |t| t.charts.section_time)}</h2>
                    <Chart draw=GANTT defer=true />
                    <Chart draw=EVENTS defer=true fixed=true />
                }.into_any())}
            </div>
        </div>
    }
}
