//! The filter panel shared by the list, charts and map: one group per facet with the count
//! each option would leave, cascading area selects, free-text search, removable chips for
//! active filters, "clear all", and a polite live region announcing the result count.

use crate::i18n::{self, format_int, tf};
use crate::model::facet::{Panel, UrlForm};
use crate::model::id_hash::IdMap;
use crate::model::{AreaLevel, Facet, OptionLabel};
use crate::ui::ctx::{use_ctx, Ctx};
use leptos::prelude::*;

/// The label of an option in the current language (reactive).
fn show(ctx: &Ctx, label: &OptionLabel) -> String {
    match label {
        OptionLabel::Data(t) => ctx.text(t),
        OptionLabel::Key(k) => ctx.t(*k).to_string(),
        OptionLabel::Plain(s) => s.clone(),
    }
}

/// A group of checkboxes for one facet of the table: its options with the count each would
/// leave. A checkbox reads only its facet's selection and its own count.
#[component]
fn FacetGroup(facet: Facet) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let def = facet.def();
    let opts = ctx.d().index.options(facet).to_vec();
    if opts.is_empty() {
        return ().into_any();
    }
    let name = format!("f-{facet:?}").to_lowercase();
    let selected = ctx.selected(facet);
    // A folded group's counts are not seen or heard: they follow the filters only while the
    // group is open (and catch up when it opens), so a filter change updates the open groups.
    let open = RwSignal::new(def.panel == Panel::Open);
    let counts = Memo::new(move |prev: Option<&IdMap<usize>>| match prev {
        Some(p) if !open.get() => p.clone(),
        _ => ctx.counts.with(|c| c.of(facet).clone()),
    });
    view! {
        <details class="facet" open=def.panel == Panel::Open
            on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
            <summary>{move || i18n::t(lang.get(), def.label)}</summary>
            <fieldset>
                <legend class="visually-hidden">{move || i18n::t(lang.get(), def.label)}</legend>
                {opts.into_iter().enumerate().map(|(i, o)| {
                    let id = format!("{name}-{i}");
                    let value = StoredValue::new(o.value);
                    let label = o.label;
                    let checked = Memo::new(move |_| value.with_value(|v| selected.with(|s| s.contains(v))));
                    let n = Memo::new(move |_| value.with_value(|v| counts.with(|c| c.get(v).copied().unwrap_or(0))));
                    view! {
                        <div class="option" class:zero=move || n.get() == 0 && !checked.get()>
                            <input type="checkbox" id=id.clone() prop:checked=checked
                                on:change=move |_| value.with_value(|v| ctx.toggle(facet, v)) />
                            <label for=id>
                                <span class="label">{move || { let _ = lang.get(); show(&ctx, &label) }}</span>
                                <span class="count">{move || format_int(n.get(), lang.get())}</span>
                            </label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </details>
    }
    .into_any()
}

/// Cascading selects: region → kecamatan → kelurahan, over the dataset's area tree.
#[component]
fn AreaPicker() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    if ctx.d().index.tree().is_empty() {
        return ().into_any();
    }
    let area = ctx.selected(Facet::Area);
    // The selected area and its ancestors (indices in the tree), nearest first.
    let chain = Memo::new(move |_| {
        let l = ctx.d();
        let tree = l.index.tree();
        area.with(|a| {
            a.first()
                .and_then(|id| tree.get(id))
                .map(|i| tree.chain_of(i))
                .unwrap_or_default()
        })
    });
    let select = move |level: AreaLevel, key: i18n::Key| {
        let id = format!("area-{}", level.code());
        let on_change = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let l = ctx.d();
            let tree = l.index.tree();
            let area = if v.is_empty() {
                // Clearing a level selects its parent (or nothing).
                chain
                    .with_untracked(|ch| ch.first().copied())
                    .and_then(|i| tree.ancestor_above(i, level))
                    .map(|i| tree.id(i).to_string())
            } else {
                Some(v)
            };
            ctx.set_filters(|f| f.set_area(area));
        };
        let options = move || {
            let l = ctx.d();
            let tree = l.index.tree();
            let ch = chain.get();
            let at = |lv: AreaLevel| ch.iter().copied().find(|&i| tree.level(i) == Some(lv));
            let parent_level = match level {
                AreaLevel::Region => None,
                AreaLevel::Kecamatan => Some(AreaLevel::Region),
                AreaLevel::Kelurahan => Some(AreaLevel::Kecamatan),
            };
            let parent = parent_level.and_then(at);
            if parent_level.is_some() && parent.is_none() {
                return None;
            }
            let selected = at(level).map(|i| tree.id(i).to_string());
            // Names in the interface's language (North Jakarta in English), in their order.
            let lg = lang.get();
            let items: Vec<(String, String)> = tree
                .children(parent, level, lg)
                .into_iter()
                .map(|i| (tree.id(i).to_string(), tree.name_in(i, lg).to_string()))
                .collect();
            Some((items, selected))
        };
        let l = ctx.d();
        let tree = l.index.tree();
        let has_level = (0..tree.len()).any(|i| tree.level(i) == Some(level));
        has_level.then(|| {
            view! {
                {move || options().map(|(items, selected)| {
                    let id = id.clone();
                    view! {
                        <div class="area-select">
                            <label for=id.clone()>{i18n::t(lang.get(), key)}</label>
                            <select id=id on:change=on_change>
                                <option value="" selected=selected.is_none()>{i18n::t(lang.get(), |t| t.filters.any)}</option>
                                {items.into_iter().map(|(v, name)| {
                                    let sel = selected.as_deref() == Some(v.as_str());
                                    // Only the count follows a filter change: the select
                                    // itself is rebuilt when the chosen area changes.
                                    let vc = v.clone();
                                    let label = move || {
                                        let n = ctx.area_counts.with(|c| c.get(&vc));
                                        format!("{name} ({n})")
                                    };
                                    view! { <option value=v selected=sel>{label}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    }
                })}
            }
        })
    };
    view! {
        <details class="facet" open=true>
            <summary>{move || i18n::t(lang.get(), Facet::Area.def().label)}</summary>
            {select(AreaLevel::Region, |t| t.filters.region)}
            {select(AreaLevel::Kecamatan, |t| t.filters.kecamatan)}
            {select(AreaLevel::Kelurahan, |t| t.filters.kelurahan)}
        </details>
    }
    .into_any()
}

/// The search box (always shown), then the facets of the table (open ones first, then the
/// area picker, then the folded ones; behind a button on phones). Under a prerendered view the
/// facets are built a task after the page (`ctx::stage`).
#[component]
pub fn FilterPanel() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let query = ctx.selected(Facet::Query);
    // On phones the panel is folded behind a button; on wide screens it is always shown.
    let open = RwSignal::new(false);
    let active = move || ctx.filters.with(|f| f.active_count());
    let groups = |panel: Panel| {
        Facet::ALL
            .into_iter()
            .filter(move |f| f.def().panel == panel)
            .map(|facet| view! { <FacetGroup facet=facet /> })
            .collect_view()
    };
    // The search box stays outside the folded panel: on a phone it is one tap away.
    view! {
        <div class="search">
            <label for="filter-search">{move || i18n::t(lang.get(), Facet::Query.def().label)}</label>
            <input id="filter-search" type="search" autocomplete="off"
                placeholder=move || i18n::t(lang.get(), |t| t.filters.search_placeholder)
                prop:value=move || query.with(|q| q.first().cloned().unwrap_or_default())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.set_filters(|f| f.set_query(v));
                } />
        </div>
        <button type="button" class="filter-toggle" aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls="filter-panel" on:click=move |_| open.update(|o| *o = !*o)>
            {move || if open.get() { i18n::t(lang.get(), |t| t.filters.hide) } else { i18n::t(lang.get(), |t| t.filters.show) }}
            {move || (active() > 0).then(|| view! { <span class="count">{active()}</span> })}
        </button>
        <div class="filter-panel" id="filter-panel" class:open=move || open.get()>
            <h2 class="panel-title">{move || i18n::t(lang.get(), |t| t.filters.title)}</h2>
            {crate::ui::ctx::stage::at_step(crate::ui::ctx::stage::FACETS, move || groups(Panel::Open).into_any())}
            {crate::ui::ctx::stage::at_step(crate::ui::ctx::stage::FACETS_REST, move || view! {
                <AreaPicker />
                {groups(Panel::Folded)}
            }.into_any())}
        </div>
    }
}

/// Active filters as removable chips (one per selected value of every facet, in the
/// table's order), "clear all", and the live result count.
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let chips = move || {
        let l = ctx.d();
        ctx.filters.with(|f| {
            let mut out: Vec<(Facet, String, String)> = Vec::new();
            for facet in Facet::ALL {
                if facet.def().url == UrlForm::Text {
                    if !f.query().trim().is_empty() {
                        out.push((facet, String::new(), format!("“{}”", f.query())));
                    }
                    continue;
                }
                // In the order of the options (as in the panel); a value the dataset lacks
                // shows as itself.
                let values = f.values(facet);
                let mut listed: Vec<(usize, &String)> = values
                    .iter()
                    .map(|v| {
                        let pos = l.index.options(facet).iter().position(|o| &o.value == v);
                        (pos.unwrap_or(usize::MAX), v)
                    })
                    .collect();
                listed.sort_by_key(|(pos, _)| *pos);
                for (_, v) in listed {
                    let label = l
                        .index
                        .option_label(facet, v)
                        .map_or_else(|| v.clone(), |label| show(&ctx, label));
                    out.push((facet, v.clone(), label));
                }
            }
            out
        })
    };
    let announce = move || {
        let n = ctx.matching.with(Vec::len);
        let total = ctx.d().dataset.actions.len();
        let key: i18n::Key = if ctx.aligned() {
            |t| t.count.shown_initiatives
        } else {
            |t| t.count.shown
        };
        tf(
            lang.get(),
            key,
            &[
                ("n", format_int(n, lang.get())),
                ("total", format_int(total, lang.get())),
            ],
        )
    };
    view! {
        <div class="active-filters">
            <p class="result-count" role="status" aria-live="polite" aria-atomic="true">{announce}</p>
            {move || {
                let list = chips();
                (!list.is_empty()).then(|| view! {
                    <ul class="chips" aria-label=i18n::t(lang.get(), |t| t.filters.active)>
                        {list.into_iter().map(|(facet, value, label)| {
                            let aria = tf(lang.get(), |t| t.filters.remove, &[("name", label.clone())]);
                            view! {
                                <li>
                                    <button type="button" class="chip active" aria-label=aria
                                        on:click=move |_| ctx.set_filters(|f| f.remove(facet, &value))>
                                        {label} <span aria-hidden="true">" ×"</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                        <li>
                            <button type="button" class="clear-all" on:click=move |_| ctx.clear_filters()>
                                {i18n::t(lang.get(), |t| t.filters.clear_all)}
                            </button>
                        </li>
                    </ul>
                })
            }}
        </div>
    }
}
