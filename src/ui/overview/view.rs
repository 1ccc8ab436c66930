//! The overview: coverage at a glance (`coverage_grid`), the vision, the pillars as cards
//! (definition, known targets, number of actions), shocks and stresses as chips that open
//! the filtered list, and data completeness in plain words.

use super::coverage_grid::CoverageGrid;
use super::rankings::Rankings;
use crate::i18n::{self, format_int};
use crate::model::{Facet, Filters, HazardKind, View};
use crate::ui::ctx::stage::{at_step, VIEW_BODY, VIEW_REST};
use crate::ui::ctx::{text, use_ctx};
use crate::ui::records::aligned_notice::AlignedNotice;
use crate::ui::records::hazard_chips::HazardChips;
use crate::ui::records::provenance::ProvenanceBadge;
use leptos::prelude::*;

/// The overview view.
#[component]
pub fn OverviewView() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let loaded = ctx.d();
    let d = &loaded.dataset;
    let no_targets = crate::model::sentences::no_targets(&d.meta);
    let vision = d.meta.vision.clone();
    let title = d.meta.title.clone();
    let note = d.meta.note.clone();

    let pillars = d
        .pillars
        .iter()
        .map(|p| {
            let p = p.clone();
            let id = p.id.clone();
            let n = d.actions.iter().filter(|a| a.pillars.contains(&p.id)).count();
            let name = p.name.clone();
            let definition = p.definition.clone();
            let targets = p.targets.clone();
            let has_targets = !targets.is_empty();
            let pid = id.clone();
            let href = move || {
                let pid = pid.clone();
                ctx.href(move |s| {
                    s.view = View::Actions;
                    s.filters = Filters::default();
                    s.filters.set(Facet::Pillar, vec![pid]);
                })
            };
            let pid2 = id.clone();
            let prov = p.provenance.clone();
            view! {
                <article class="pillar-card" data-pillar=id.clone()>
                    <h3 lang="id">{name.id.clone()}</h3>
                    {move || (lang.get() == crate::model::Lang::En && !name.en.is_empty() && name.en != name.id)
                        .then(|| view! { <p class="subtitle">{name.en.clone()}</p> })}
                    <p class="definition">{move || definition.get(lang.get()).to_string()}</p>
                    <ProvenanceBadge provenance=prov />
                    <h4>{text(lang, |t| t.overview.targets)}</h4>
                    {if has_targets {
                        view! {
                            <ul class="targets">
                                {targets.into_iter().map(|t| {
                                    let text = t.text.clone();
                                    view! { <li>{move || text.get(lang.get()).to_string()}</li> }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    } else {
                        view! { <p class="muted">{text(lang, no_targets)}</p> }.into_any()
                    }}
                    <a class="button" href=href on:click=move |ev| {
                        ev.prevent_default();
                        ctx.filter_only(Facet::Pillar, Some(&pid2), Some(View::Actions));
                    }>
                        {move || ctx.actions_in_pillar(n)}
                    </a>
                </article>
            }
        })
        .collect_view();

    // A chip opens the list filtered by that hazard alone.
    let pick = Callback::new(move |(facet, id): (Facet, String)| {
        ctx.filter_only(facet, Some(&id), Some(View::Actions));
    });

    let dc = d.meta.declared_counts.clone();
    let itemised: [(i18n::Key, Option<u32>, usize); 4] = [
        (|t| t.what.pillars, dc.pillars, d.pillars.len()),
        (|t| t.what.goals, dc.goals, d.goals.len()),
        (|t| t.what.strategies, dc.strategies, d.strategies.len()),
        (|t| t.what.actions, dc.actions, d.actions.len()),
    ];
    let completeness: Vec<_> = itemised
        .into_iter()
        .filter_map(|(what, declared, n)| declared.map(|x| (what, x, n)))
        .collect();
    let has_completeness = !completeness.is_empty();

    view! {
        <section class="hero" aria-labelledby="overview-title">
            <h1 id="overview-title">{move || title.get(lang.get()).to_string()}</h1>
        </section>
        <CoverageGrid />
        <AlignedNotice full=true />
        <section class="vision-block" aria-labelledby="vision-title">
            <h2 class="eyebrow" id="vision-title">{text(lang, |t| t.overview.vision)}</h2>
            <blockquote class="vision">
                {let v = vision.clone(); move || v.get(lang.get()).to_string()}
                {move || vision.is_translated(lang.get()).then(|| view! {
                    <span class="translated">" (" {i18n::texts(lang.get()).prov.editor_translation} ")"</span>
                })}
            </blockquote>
        </section>
        // Under a prerendered overview (ctx/stage.rs) the pillars and what is below them are
        // built in later steps.
        {at_step(VIEW_BODY, move || view! {
            <section aria-labelledby="pillars-title">
                <h2 id="pillars-title">{text(lang, |t| t.overview.pillars)}</h2>
                <div class="pillar-grid">{pillars}</div>
            </section>
        }.into_any())}
        {at_step(VIEW_REST, move || view! {
            <section aria-labelledby="hazards-title" class="hazards">
                <h2 id="hazards-title">
                    {text(lang, |t| t.overview.shocks)} " & " {text(lang, |t| t.overview.stresses)}
                </h2>
                <p>{text(lang, |t| t.overview.hazards_intro)}</p>
                <h3>{text(lang, |t| t.overview.shocks)}</h3>
                <ul class="chips"><HazardChips kind=HazardKind::Shock class="chip" pick=pick /></ul>
                <h3>{text(lang, |t| t.overview.stresses)}</h3>
                <ul class="chips"><HazardChips kind=HazardKind::Stress class="chip" pick=pick /></ul>
                <Rankings />
            </section>
            {has_completeness.then(|| view! {
                <section aria-labelledby="completeness-title" class="completeness">
                    <h2 id="completeness-title">{text(lang, |t| t.overview.completeness)}</h2>
                    <ul>
                        {completeness.into_iter().map(|(what, declared, n)| view! {
                            <li>{move || i18n::fill(i18n::texts(lang.get()).overview.completeness_item, &[
                                // "1 pillar", "3 pillars".
                                ("what", i18n::plural(lang.get(), i18n::t(lang.get(), what), declared as usize)),
                                ("n", format_int(n, lang.get())),
                            ])}</li>
                        }).collect_view()}
                    </ul>
                    {note.map(|n| view! { <p class="muted">{move || n.get(lang.get()).to_string()}</p> })}
                </section>
            })}
            <p class="overview-open-data">
                <crate::ui::sources::open_data_link::OpenDataLink class="button" />
            </p>
        }.into_any())}
    }
}
