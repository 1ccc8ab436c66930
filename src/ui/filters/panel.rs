//! The filter panel shared by the list, charts and map: one group per facet with the count
//! each option would leave, cascading area selects, free-text search, removable chips for
//! active filters, "clear all", and a polite live region announcing the result count.

use crate::i18n::{self, format_int, tf};
use crate::model::{AreaLevel, Facet, HazardKind, ProvenanceKind, Status, Text};
use crate::ui::ctx::{use_ctx, Ctx};
use crate::ui::records::provenance::kind_key;
use leptos::prelude::*;

/// The i18n key of a status.
pub fn status_key(s: Status) -> crate::i18n::Key {
    match s {
        Status::Planned => |t| t.status.planned,
        Status::Ongoing => |t| t.status.ongoing,
        Status::Completed => |t| t.status.completed,
        Status::Unknown => |t| t.status.unknown,
    }
}

/// One option of a facet.
#[derive(Clone)]
struct Opt {
    value: String,
    label: OptLabel,
}

#[derive(Clone)]
enum OptLabel {
    Data(Text),
    Key(i18n::Key),
    Plain(String),
}

impl OptLabel {
    fn show(&self, ctx: &Ctx) -> String {
        match self {
            OptLabel::Data(t) => ctx.text(t),
            OptLabel::Key(k) => ctx.t(*k).to_string(),
            OptLabel::Plain(s) => s.clone(),
        }
    }
}

fn options(ctx: &Ctx, facet: Facet) -> Vec<Opt> {
    let l = ctx.d();
    let d = &l.dataset;
    let data = |id: &str, t: &Text| Opt {
        value: id.to_string(),
        label: OptLabel::Data(t.clone()),
    };
    match facet {
        Facet::Pillar => d.pillars.iter().map(|x| data(&x.id, &x.name)).collect(),
        Facet::Goal => d.goals.iter().map(|x| data(&x.id, &x.name)).collect(),
        Facet::Strategy => d.strategies.iter().map(|x| data(&x.id, &x.name)).collect(),
        Facet::Shock | Facet::Stress => {
            let kind = if facet == Facet::Shock {
                HazardKind::Shock
            } else {
                HazardKind::Stress
            };
            d.hazards
                .iter()
                .filter(|h| h.kind == kind)
                .map(|x| data(&x.id, &x.name))
                .collect()
        }
        Facet::Driver => d.crf.drivers.iter().map(|x| data(&x.id, &x.name)).collect(),
        Facet::Quality => d
            .crf
            .qualities
            .iter()
            .map(|x| data(&x.id, &x.name))
            .collect(),
        Facet::Status => Status::ALL
            .iter()
            .map(|s| Opt {
                value: s.code().to_string(),
                label: OptLabel::Key(status_key(*s)),
            })
            .collect(),
        Facet::Provenance => ProvenanceKind::ALL
            .iter()
            .map(|k| Opt {
                value: k.code().to_string(),
                label: OptLabel::Key(kind_key(*k)),
            })
            .collect(),
        Facet::Lead => {
            let mut leads: Vec<String> = d.actions.iter().filter_map(|a| a.lead.clone()).collect();
            leads.sort();
            leads.dedup();
            leads
                .into_iter()
                .map(|x| Opt {
                    value: x.clone(),
                    label: OptLabel::Plain(x),
                })
                .collect()
        }
        Facet::Area | Facet::Query => Vec::new(),
    }
}

fn count_for(ctx: &Ctx, facet: Facet, value: &str) -> usize {
    ctx.counts.with(|c| {
        match facet {
            Facet::Pillar => c.pillars.get(value).copied(),
            Facet::Goal => c.goals.get(value).copied(),
            Facet::Strategy => c.strategies.get(value).copied(),
            Facet::Shock | Facet::Stress => c.hazards.get(value).copied(),
            Facet::Driver => c.drivers.get(value).copied(),
            Facet::Quality => c.qualities.get(value).copied(),
            Facet::Lead => c.leads.get(value).copied(),
            Facet::Status => Status::from_code(value).and_then(|s| c.statuses.get(&s).copied()),
            Facet::Provenance => ProvenanceKind::ALL
                .into_iter()
                .find(|k| k.code() == value)
                .and_then(|k| c.provenance.get(&k).copied()),
            Facet::Area => c.areas.get(value).copied(),
            Facet::Query => None,
        }
        .unwrap_or(0)
    })
}

fn facet_key(f: Facet) -> crate::i18n::Key {
    match f {
        Facet::Pillar => |t| t.filters.pillar,
        Facet::Goal => |t| t.filters.goal,
        Facet::Strategy => |t| t.filters.strategy,
        Facet::Shock => |t| t.filters.shock,
        Facet::Stress => |t| t.filters.stress,
        Facet::Driver => |t| t.filters.driver,
        Facet::Quality => |t| t.filters.quality,
        Facet::Status => |t| t.filters.status,
        Facet::Lead => |t| t.filters.lead,
        Facet::Provenance => |t| t.filters.provenance,
        Facet::Area => |t| t.filters.area,
        Facet::Query => |t| t.filters.search,
    }
}

/// A group of checkboxes for one facet.
#[component]
fn FacetGroup(facet: Facet) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let opts = options(&ctx, facet);
    if opts.is_empty() {
        return ().into_any();
    }
    let name = format!("f-{facet:?}").to_lowercase();
    let open = matches!(facet, Facet::Pillar | Facet::Shock | Facet::Stress);
    view! {
        <details class="facet" open=open>
            <summary>{move || i18n::t(lang.get(), facet_key(facet))}</summary>
            <fieldset>
                <legend class="visually-hidden">{move || i18n::t(lang.get(), facet_key(facet))}</legend>
                {opts.into_iter().enumerate().map(|(i, o)| {
                    let id = format!("{name}-{i}");
                    let v1 = o.value.clone();
                    let v2 = o.value.clone();
                    let v3 = o.value.clone();
                    let label = o.label.clone();
                    let checked = Memo::new(move |_| ctx.state.with(|s| s.filters.has(facet, &v1)));
                    let n = Memo::new(move |_| count_for(&ctx, facet, &v3));
                    view! {
                        <div class="option" class:zero=move || n.get() == 0 && !checked.get()>
                            <input type="checkbox" id=id.clone() prop:checked=checked
                                on:change=move |_| ctx.set_filters(|f| f.toggle(facet, &v2)) />
                            <label for=id>
                                <span class="label">{move || { let _ = lang.get(); label.show(&ctx) }}</span>
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

/// Cascading selects: region → kecamatan → kelurahan.
#[component]
fn AreaPicker() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let l = ctx.d();
    if l.dataset.areas.is_empty() {
        return ().into_any();
    }
    let chain = move || {
        let l = ctx.d();
        ctx.state.with(|s| {
            s.filters
                .area
                .as_ref()
                .map(|a| {
                    l.index
                        .tree()
                        .chain(a)
                        .into_iter()
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let select = move |level: AreaLevel, key: i18n::Key| {
        let l = ctx.d();
        let id = format!("area-{}", level.code());
        let on_change = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let l = ctx.d();
            ctx.set_filters(|f| {
                if v.is_empty() {
                    // Clearing a level selects its parent (or nothing).
                    let parent = f.area.as_ref().and_then(|a| {
                        let ch = l.index.tree().chain(a);
                        l.dataset
                            .areas
                            .iter()
                            .filter(|x| x.level < level && ch.contains(&x.id.as_str()))
                            .max_by_key(|x| x.level)
                            .map(|x| x.id.clone())
                    });
                    f.area = parent;
                } else {
                    f.area = Some(v);
                }
            });
        };
        let options = move || {
            let ch = chain();
            let l = ctx.d();
            let parent_level = match level {
                AreaLevel::Region => None,
                AreaLevel::Kecamatan => Some(AreaLevel::Region),
                AreaLevel::Kelurahan => Some(AreaLevel::Kecamatan),
            };
            let parent = parent_level.and_then(|pl| {
                l.dataset
                    .areas
                    .iter()
                    .find(|a| a.level == pl && ch.contains(&a.id))
                    .map(|a| a.id.clone())
            });
            if parent_level.is_some() && parent.is_none() {
                return None;
            }
            let selected = l
                .dataset
                .areas
                .iter()
                .find(|a| a.level == level && ch.contains(&a.id))
                .map(|a| a.id.clone());
            let mut items: Vec<(String, String)> = l
                .dataset
                .areas
                .iter()
                .filter(|a| a.level == level && a.parent == parent)
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect();
            items.sort_by(|a, b| a.1.cmp(&b.1));
            Some((items, selected))
        };
        let has_level = l.dataset.areas.iter().any(|a| a.level == level);
        has_level.then(|| {
            view! {
                {move || options().map(|(items, selected)| {
                    let id = id.clone();
                    view! {
                        <div class="area-select">
                            <label for=id.clone()>{i18n::t(lang.get(), key)}</label>
                            <select id=id on:change=on_change>
                                <option value="" selected=selected.is_none()>{i18n::texts(lang.get()).filters.any}</option>
                                {items.into_iter().map(|(v, name)| {
                                    let sel = selected.as_deref() == Some(v.as_str());
                                    let n = count_for(&ctx, Facet::Area, &v);
                                    view! { <option value=v selected=sel>{format!("{name} ({n})")}</option> }
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
            <summary>{move || i18n::texts(lang.get()).filters.area}</summary>
            {select(AreaLevel::Region, |t| t.filters.region)}
            {select(AreaLevel::Kecamatan, |t| t.filters.kecamatan)}
            {select(AreaLevel::Kelurahan, |t| t.filters.kelurahan)}
        </details>
    }
    .into_any()
}

/// The search box, the facets and the area picker.
#[component]
pub fn FilterPanel() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let query = move || ctx.state.with(|s| s.filters.query.clone());
    // On phones the panel is folded behind a button; on wide screens it is always shown.
    let open = RwSignal::new(false);
    let active = move || ctx.state.with(|s| s.filters.active_count());
    view! {
        <button type="button" class="filter-toggle" aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls="filter-panel" on:click=move |_| open.update(|o| *o = !*o)>
            {move || if open.get() { i18n::texts(lang.get()).filters.hide } else { i18n::texts(lang.get()).filters.show }}
            {move || (active() > 0).then(|| view! { <span class="count">{active()}</span> })}
        </button>
        <div class="filter-panel" id="filter-panel" class:open=move || open.get()>
            <h2 class="panel-title">{move || i18n::texts(lang.get()).filters.title}</h2>
            <div class="search">
                <label for="filter-search">{move || i18n::texts(lang.get()).filters.search}</label>
                <input id="filter-search" type="search" autocomplete="off"
                    placeholder=move || i18n::texts(lang.get()).filters.search_placeholder
                    prop:value=query
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        ctx.set_filters(|f| f.query = v);
                    } />
            </div>
            <FacetGroup facet=Facet::Pillar />
            <FacetGroup facet=Facet::Shock />
            <FacetGroup facet=Facet::Stress />
            <AreaPicker />
            <FacetGroup facet=Facet::Goal />
            <FacetGroup facet=Facet::Strategy />
            <FacetGroup facet=Facet::Driver />
            <FacetGroup facet=Facet::Quality />
            <FacetGroup facet=Facet::Status />
            <FacetGroup facet=Facet::Lead />
            <FacetGroup facet=Facet::Provenance />
        </div>
    }
}

/// Active filters as removable chips, "clear all", and the live result count.
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let chips = move || {
        let f = ctx.state.with(|s| s.filters.clone());
        let mut out: Vec<(Facet, String, String)> = Vec::new();
        for facet in Facet::ALL {
            if facet == Facet::Query {
                if !f.query.trim().is_empty() {
                    out.push((facet, f.query.clone(), format!("“{}”", f.query)));
                }
                continue;
            }
            if facet == Facet::Area {
                if let Some(a) = &f.area {
                    let l = ctx.d();
                    let name = l
                        .dataset
                        .areas
                        .iter()
                        .find(|x| &x.id == a)
                        .map(|x| x.name.clone())
                        .unwrap_or_else(|| a.clone());
                    out.push((facet, a.clone(), name));
                }
                continue;
            }
            for o in options(&ctx, facet) {
                if f.has(facet, &o.value) {
                    out.push((facet, o.value.clone(), o.label.show(&ctx)));
                }
            }
        }
        out
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
                    <ul class="chips" aria-label=i18n::texts(lang.get()).filters.active>
                        {list.into_iter().map(|(facet, value, label)| {
                            let aria = i18n::fill(i18n::texts(lang.get()).filters.remove, &[("name", label.clone())]);
                            view! {
                                <li>
                                    <button type="button" class="chip active" aria-label=aria
                                        on:click=move |_| ctx.set_filters(|f| {
                                            if facet == Facet::Query { f.query.clear() } else { f.toggle(facet, &value) }
                                        })>
                                        {label} <span aria-hidden="true">" ×"</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                        <li>
                            <button type="button" class="clear-all" on:click=move |_| ctx.set_filters(|f| *f = Default::default())>
                                {i18n::texts(lang.get()).filters.clear_all}
                            </button>
                        </li>
                    </ul>
                })
            }}
        </div>
    }
}
