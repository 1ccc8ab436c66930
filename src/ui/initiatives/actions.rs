//! The actions view: the filter panel, the list of matching actions (or aligned
//! initiatives), and the detail panel of the selected one with every link, place and source.

use crate::i18n;
use crate::model::facet::status_key;
use crate::model::{paging, Action, Facet, HazardKind, Lang};
use crate::ui::ctx::{text, use_ctx};
use crate::ui::filters::panel::{ActiveFilters, FilterPanel};
use crate::ui::records::aligned_notice::AlignedNotice;
use crate::ui::records::provenance::ProvenanceBadge;
use crate::ui::records::tie::{tie_long_key, TieLabel, TieLegend};
use leptos::prelude::*;

/// The actions view.
#[component]
pub fn ActionsView() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let selected = Memo::new(move |_| ctx.state.with(|s| s.action.clone()));
    // The title comes before the filter panel, so the page's headings read in order.
    view! {
        <h1 class="view-title">{move || i18n::t(lang.get(), if ctx.aligned() { |t| t.view.actions } else { |t| t.view.actions_official })}</h1>
        <AlignedNotice />
        <div class="with-filters">
            <aside class="filters list-filters" aria-label={text(lang, |t| t.filters.title)}>
                <FilterPanel />
            </aside>
            <div class="results">
                <TieLegend />
                <ActiveFilters />
                {move || selected.get().map(|id| view! { <ActionDetail id=id /> })}
                <ActionList />
            </div>
        </div>
    }
}

/// The list of matching actions: one page at first (`model::paging`), "show more" adds the
/// next; entries are keyed by their index, so a filter change keeps the entries that stay.
#[component]
fn ActionList() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    // What "show more" asked for, and for which list: another list starts at one page again.
    let requested = RwSignal::new((Vec::<usize>::new(), paging::PAGE));
    let window = Memo::new(move |_| {
        let selected = ctx.state.with(|s| s.action.clone());
        ctx.matching.with(|m| {
            let asked = requested.with(|(list, n)| if list == m { *n } else { paging::PAGE });
            let pos = selected.and_then(|id| {
                let l = ctx.d();
                m.iter().position(|&i| l.dataset.actions[i].id == id)
            });
            paging::window(m.len(), asked, pos)
        })
    });
    let visible = move || {
        let shown = window.with(|w| w.shown);
        ctx.matching.with(|m| m[..shown.min(m.len())].to_vec())
    };
    let city_wide_note = move || {
        let has_area = ctx.selected(Facet::Area).with(|a| !a.is_empty());
        let n = ctx.area_counts.with(|c| c.city_wide);
        has_area.then(|| view! {
            <p class="muted area-rule">
                {i18n::texts(lang.get()).filters.area_rule}
                {(n > 0).then(|| format!(" {}", i18n::plural(lang.get(), i18n::texts(lang.get()).filters.city_wide_note, n)))}
            </p>
        })
    };
    let show_more = move |_| {
        let shown = window.with_untracked(|w| w.shown);
        requested.set((ctx.matching.get_untracked(), paging::more(shown)));
    };
    view! {
        <h2 class="visually-hidden">{text(lang, |t| t.actions.list)}</h2>
        {city_wide_note}
        <Show
            when=move || !ctx.matching.with(|m| m.is_empty())
            fallback=move || view! { <p class="empty-result">{text(lang, |t| t.actions.empty)}</p> }
        >
            <ul class="action-list">
                <For each=visible key=|i| *i let:i>
                    <ActionItem index=i />
                </For>
            </ul>
        </Show>
        {move || {
            let w = window.get();
            (w.rest > 0).then(|| {
                let l = lang.get();
                let args = [
                    ("shown", i18n::format_int(w.shown, l)),
                    ("total", i18n::format_int(w.shown + w.rest, l)),
                    ("n", i18n::format_int(w.rest.min(paging::PAGE), l)),
                ];
                view! {
                    <p class="show-more">
                        <span class="muted">{i18n::fill(i18n::texts(l).actions.showing, &args)}</span>
                        " "
                        <button type="button" class="button" on:click=show_more>{i18n::fill(i18n::texts(l).actions.show_more, &args)}</button>
                    </p>
                }
            })
        }}
    }
}

/// One entry of the list: the action at `index` in the dataset.
#[component]
fn ActionItem(index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let l = ctx.d();
    let action = &l.dataset.actions[index];
    let id = action.id.clone();
    let id2 = id.clone();
    let id3 = id.clone();
    let title = action.title.clone();
    let provenance = action.provenance.clone();
    let tie = action.tie;
    let pillar_names: Vec<_> = action
        .pillars
        .iter()
        .filter_map(|p| l.dataset.pillars.iter().find(|x| &x.id == p))
        .map(|p| p.name.clone())
        .collect();
    let current = Memo::new(move |_| {
        ctx.state
            .with(|s| s.action.as_deref() == Some(id3.as_str()))
    });
    let data_id = id.clone();
    view! {
        <li class="action-item" class:selected=current data-action=data_id>
            <a href=move || { let id = id.clone(); ctx.href(move |s| s.action = Some(id)) }
                aria-current=move || current.get().then_some("true")
                on:click=move |ev| {
                    ev.prevent_default();
                    let id = id2.clone();
                    ctx.state.update(|s| s.action = Some(id));
                    if let Some(w) = web_sys::window() { w.scroll_to_with_x_and_y(0.0, 0.0); }
                }>
                <span class="action-title">{move || title.get(lang.get()).to_string()}</span>
            </a>
            <span class="tags">
                {pillar_names.into_iter().map(|n| view! { <span class="tag">{move || n.get(lang.get()).to_string()}</span> }).collect_view()}
                {tie.map(|t| view! { <TieLabel tie=t /> })}
                <ProvenanceBadge provenance=provenance />
            </span>
        </li>
    }
}

/// How many places an initiative's details show before "all N places" (as in main.css).
const FIRST_PLACES: usize = 5;

fn years(a: &Action, lang: Lang) -> Option<String> {
    let tf_ = a.timeframe.as_ref()?;
    match (tf_.start, tf_.end) {
        (Some(s), Some(e)) if s == e => Some(s.to_string()),
        (Some(s), Some(e)) => Some(format!("{s}–{e}")),
        (Some(s), None) => Some(i18n::fill(
            i18n::texts(lang).actions.since,
            &[("year", s.to_string())],
        )),
        (None, Some(e)) => Some(format!("–{e}")),
        (None, None) => None,
    }
}

/// Details of one action.
#[component]
pub fn ActionDetail(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let l = ctx.d();
    let d = &l.dataset;
    let Some(a) = d.actions.iter().find(|a| a.id == id).cloned() else {
        return ().into_any();
    };
    let names = |ids: &[String], find: &dyn Fn(&str) -> Option<crate::model::Text>| {
        ids.iter().filter_map(|x| find(x)).collect::<Vec<_>>()
    };
    let pillars = names(&a.pillars, &|x| {
        d.pillars.iter().find(|p| p.id == x).map(|p| p.name.clone())
    });
    let hazards: Vec<(HazardKind, crate::model::Text)> = a
        .hazards
        .iter()
        .filter_map(|x| d.hazards.iter().find(|h| &h.id == x))
        .map(|h| (h.kind, h.name.clone()))
        .collect();
    let focus = names(&a.focus_areas, &|x| {
        d.focus_areas
            .iter()
            .find(|p| p.id == x)
            .map(|p| p.name.clone())
    });
    let drivers = names(&a.crf_drivers, &|x| {
        d.crf
            .drivers
            .iter()
            .find(|p| p.id == x)
            .map(|p| p.name.clone())
    });
    let qualities = names(&a.crf_qualities, &|x| {
        d.crf
            .qualities
            .iter()
            .find(|p| p.id == x)
            .map(|p| p.name.clone())
    });
    let places: Vec<String> = a
        .areas
        .iter()
        .filter_map(|x| d.areas.iter().find(|ar| &ar.id == x))
        .map(|ar| {
            let parent = ar
                .parent
                .as_ref()
                .and_then(|p| d.areas.iter().find(|x| &x.id == p))
                .map(|p| format!(", {}", p.name))
                .unwrap_or_default();
            format!("{}{}", ar.name, parent)
        })
        .collect();
    let sources: Vec<_> = a
        .sources
        .iter()
        .filter_map(|s| d.sources.iter().find(|x| &x.id == s).cloned())
        .collect();
    let title = a.title.clone();
    let description = a.description.clone();
    let list = move |items: Vec<crate::model::Text>| {
        if items.is_empty() {
            view! { <dd class="muted">{text(lang, |t| t.actions.not_stated)}</dd> }.into_any()
        } else {
            view! { <dd><ul class="inline-list">{items.into_iter().map(|t| view! { <li>{move || t.get(lang.get()).to_string()}</li> }).collect_view()}</ul></dd> }.into_any()
        }
    };
    let hazard_list = hazards
        .into_iter()
        .map(|(k, t)| {
            let kind: i18n::Key = if k == HazardKind::Shock {
                |t| t.filters.shock
            } else {
                |t| t.filters.stress
            };
            crate::model::Text::new(
                &format!("{} ({})", t.id, i18n::t(Lang::Id, kind).to_lowercase()),
                &format!("{} ({})", t.en, i18n::t(Lang::En, kind).to_lowercase()),
            )
        })
        .collect::<Vec<_>>();
    let status = a.status;
    let status_basis = a.status_basis;
    let tie = a.tie;
    let years_text = {
        let a = a.clone();
        move || years(&a, lang.get())
    };
    let lead = a.lead.clone();
    let partners = a.partners.clone();
    let provenance = a.provenance.clone();
    let close = move |_| ctx.state.update(|s| s.action = None);
    view! {
        <article class="action-detail" aria-labelledby="action-detail-title" tabindex="-1">
            <div class="detail-head">
                <h2 id="action-detail-title">{move || title.get(lang.get()).to_string()}</h2>
                <button type="button" class="close" on:click=close aria-label={text(lang, |t| t.actions.close)}>"×"</button>
            </div>
            {description.map(|t| view! { <p class="description">{move || t.get(lang.get()).to_string()}</p> })}
            <dl class="facts">
                // The sources first: what the record rests on, right under its summary.
                <dt>{text(lang, |t| t.actions.sources)}</dt>
                <dd>
                    <ol class="source-list">
                        {sources.into_iter().map(|s| view! { <li><crate::ui::records::source_link::SourceLink source=s /></li> }).collect_view()}
                    </ol>
                </dd>
                <dt>{text(lang, |t| t.actions.pillars)}</dt>
                {list(pillars)}
                <dt>{text(lang, |t| t.actions.shocks_stresses)}</dt>
                {list(hazard_list)}
                <dt>{text(lang, |t| t.actions.focus_areas)}</dt>
                {list(focus)}
                <dt>{text(lang, |t| t.actions.crf_drivers)}</dt>
                {list(drivers)}
                <dt>{text(lang, |t| t.actions.crf_qualities)}</dt>
                {list(qualities)}
                <dt>{text(lang, |t| t.actions.lead)}</dt>
                <dd>{lead.unwrap_or_else(|| "—".into())}</dd>
                <dt>{text(lang, |t| t.actions.partners)}</dt>
                <dd>{if partners.is_empty() { "—".to_string() } else { partners.join("; ") }}</dd>
                <dt>{text(lang, |t| t.actions.status)}</dt>
                <dd>
                    {move || i18n::t(lang.get(), status_key(status.unwrap_or(crate::model::Status::Unknown)))}
                    {status_basis.map(|b| view! {
                        <span class=format!("status-basis basis-{}", b.code())>
                            " (" {move || {
                                let t = i18n::texts(lang.get());
                                if b == crate::model::StatusBasis::Sourced { t.actions.status_sourced } else { t.actions.status_inferred }
                            }} ")"
                        </span>
                    })}
                </dd>
                <dt>{text(lang, |t| t.actions.timeframe)}</dt>
                <dd>{move || years_text().unwrap_or_else(|| "—".into())}</dd>
                <dt>{text(lang, |t| t.actions.place)}</dt>
                <dd>{if places.is_empty() {
                    view! { <span>{text(lang, |t| t.actions.city_wide)}</span> }.into_any()
                } else {
                    // A long list shows its first places; "all N places" unfolds the rest
                    // (main.css hides them while it is closed).
                    let n = places.len();
                    view! {
                        <ul class="inline-list">{places.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        {(n > FIRST_PLACES).then(|| view! {
                            <details class="more-places">
                                <summary>{move || i18n::fill(i18n::texts(lang.get()).actions.all_places, &[("n", n.to_string())])}</summary>
                            </details>
                        })}
                    }.into_any()
                }}</dd>
                {tie.map(|t| view! {
                    <dt>{text(lang, |t| t.actions.tie)}</dt>
                    <dd class="tie-detail"><TieLabel tie=t /> " " {move || i18n::t(lang.get(), tie_long_key(t))}</dd>
                })}
                <dt>{text(lang, |t| t.actions.provenance)}</dt>
                <dd><ProvenanceBadge provenance=provenance detailed=true /></dd>
            </dl>
        </article>
    }
    .into_any()
}
