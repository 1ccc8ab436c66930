//! The overview's coverage at a glance: a small table of the shocks and stresses (rows) by
//! pillar (columns), each cell the number of actions that serve that pillar and answer that
//! shock or stress, counted by `model::coverage` over the whole dataset. Every non-zero
//! count links to the list filtered by that pillar and that shock or stress
//! (`model::coverage::cell_filters`); an empty cell (a gap) says 0. Plain HTML and CSS: it
//! is part of the first view.

use crate::i18n::{self, format_int};
use crate::model::coverage::{cell_filters, coverage_matrix, shade_step};
use crate::model::{Filters, HazardKind, Lang, Text, View, ViewState};
use crate::ui::ctx::use_ctx;
use crate::ui::map::model::count_text;
use leptos::prelude::*;

/// Shade steps of the cells (besides 0).
const SHADES: usize = 4;

/// The state that lists one cell's actions.
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
    let loaded = ctx.d();
    let d = &loaded.dataset;
    if d.pillars.is_empty() || d.hazards.is_empty() {
        return ().into_any();
    }
    let all: Vec<usize> = (0..d.actions.len()).collect();
    let matrix = coverage_matrix(d, &all);
    let max = matrix.max();
    let aligned = ctx.aligned();
    let pillars: Vec<(String, Text)> = d
        .pillars
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    let head = pillars
        .iter()
        .map(|(id, name)| {
            view! { <th scope="col" data-pillar=id.clone()><span lang="id">{name.id.clone()}</span></th> }
        })
        .collect_view();

    let cell = |pid: &str, pname: &Text, hazard_id: &str, hname: &Text, n: usize| {
        let class = format!("cov-cell shade-{}", shade_step(n, max, SHADES));
        let filters = (n > 0).then(|| cell_filters(d, pid, hazard_id)).flatten();
        let Some(filters) = filters else {
            return view! { <td class=class data-count=n.to_string()>{move || format_int(n, lang.get())}</td> }
                .into_any();
        };
        let f = filters.clone();
        let href = move || {
            let f = f.clone();
            ctx.href(move |s| to_list(s, f))
        };
        let (pname, hname) = (pname.clone(), hname.clone());
        let label = move || {
            let l = lang.get();
            i18n::fill(
                i18n::texts(l).overview.coverage_cell,
                &[
                    ("count", count_text(l, n, aligned)),
                    ("pillar", pname.get(Lang::Id).to_string()),
                    ("hazard", hname.get(l).to_string()),
                ],
            )
        };
        let open = move |ev: web_sys::MouseEvent| {
            ev.prevent_default();
            let f = filters.clone();
            ctx.state.update(move |s| to_list(s, f));
        };
        view! {
            <td class=class data-count=n.to_string()>
                <a href=href aria-label=label on:click=open>{move || format_int(n, lang.get())}</a>
            </td>
        }
        .into_any()
    };
    let row = |col: usize| {
        let hazard_id = matrix.columns[col].clone();
        let hazard = d.hazards.iter().find(|h| h.id == hazard_id)?;
        let cells = pillars
            .iter()
            .zip(&matrix.rows)
            .map(|((pid, pname), r)| cell(pid, pname, &hazard_id, &hazard.name, r.counts[col]))
            .collect_view();
        let name = hazard.name.clone();
        Some(view! {
            <tr data-hazard=hazard_id.clone()>
                <th scope="row">{move || name.get(lang.get()).to_string()}</th>
                {cells}
            </tr>
        })
    };
    let group = |kind: HazardKind, range: std::ops::Range<usize>| {
        let title: i18n::Key = match kind {
            HazardKind::Shock => |t| t.overview.shocks,
            HazardKind::Stress => |t| t.overview.stresses,
        };
        let span = (pillars.len() + 1).to_string();
        (!range.is_empty()).then(|| {
            view! {
                <tbody>
                    <tr class="cov-group">
                        <th scope="colgroup" colspan=span>{move || i18n::t(lang.get(), title)}</th>
                    </tr>
                    {range.filter_map(row).collect_view()}
                </tbody>
            }
        })
    };
    let shocks = group(HazardKind::Shock, 0..matrix.shock_columns);
    let stresses = group(
        HazardKind::Stress,
        matrix.shock_columns..matrix.columns.len(),
    );
    let intro: i18n::Key = if aligned {
        |t| t.overview.coverage_intro
    } else {
        |t| t.overview.coverage_intro_official
    };
    view! {
        <section class="coverage" aria-labelledby="coverage-title">
            <h2 id="coverage-title">{move || i18n::texts(lang.get()).overview.coverage_title}</h2>
            <p class="coverage-intro">{move || i18n::t(lang.get(), intro)}</p>
            <div class="coverage-scroll">
                <table class="coverage-grid">
                    <caption class="visually-hidden">{move || i18n::texts(lang.get()).overview.coverage_title}</caption>
                    <thead>
                        <tr><td></td>{head}</tr>
                    </thead>
                    {shocks}
                    {stresses}
                </table>
            </div>
        </section>
    }
    .into_any()
}
