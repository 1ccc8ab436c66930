//! The map view: where the strategy acts, at region, kecamatan and kelurahan level. The
//! filter panel and active filters as in the list; the level switch; the map with the
//! city-wide count, legend and notes about the geometry beside it; the table of areas.

use crate::geo::layer::LayerSource;
use crate::i18n::{self, format_int};
use crate::model::AreaLevel;
use crate::ui::ctx::stage::{at_step, use_stage, VIEW_BODY, VIEW_REST};
use crate::ui::ctx::{text, use_ctx};
use crate::ui::filters::panel::{ActiveFilters, FilterPanel};
use crate::ui::map::answer::{city_wide_href, follow, link, MapAnswer};
use crate::ui::map::boundaries::{use_boundaries, BoundaryState, Failure};
use crate::ui::map::canvas::MapCanvas;
use crate::ui::map::legend::MapLegend;
use crate::ui::map::model::{count_text, level_label, level_noun, MapModel};
use crate::ui::map::table::{MapTable, TABLE_ID, TABLE_SUMMARY_ID};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The map view.
#[component]
pub fn MapView() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let has_areas = !ctx.d().dataset.areas.is_empty();
    // Under a prerendered map (ctx/stage.rs) the map is built a step after the page, and its
    // geometry is worked out in a task of its own before that (without steps: now, once; the
    // map below reads it from the cache).
    if has_areas {
        let loaded = ctx.d();
        use_stage().ahead(VIEW_BODY, move || {
            crate::ui::map::geometry::geometry(&loaded);
        });
    }
    view! {
        <h1 class="view-title">{text(lang, |t| t.view.map)}</h1>
        <crate::ui::records::aligned_notice::AlignedNotice />
        <div class="with-filters">
            <aside class="filters" aria-label={text(lang, |t| t.filters.title)}>
                <FilterPanel />
            </aside>
            <div class="results map-results">
                <ActiveFilters />
                {if has_areas {
                    at_step(VIEW_BODY, || view! { <MapBody /> }.into_any())
                } else {
                    view! { <p class="empty-result">{text(lang, |t| t.map.no_areas)}</p> }.into_any()
                }}
            </div>
        </div>
    }
}

/// Everything below the active filters.
#[component]
fn MapBody() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let boundaries = use_boundaries();
    let model = MapModel::new(ctx, boundaries);
    let aligned = model.aligned;
    let intro = move || {
        let args = [(
            "what",
            crate::ui::map::model::what(lang.get(), aligned).to_string(),
        )];
        i18n::fill(i18n::texts(lang.get()).map.intro, &args)
    };
    let skip = move |_| {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(d) = doc.get_element_by_id(TABLE_ID) {
            let _ = d.set_attribute("open", "");
        }
        if let Some(s) = doc
            .get_element_by_id(TABLE_SUMMARY_ID)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = s.focus();
            s.scroll_into_view();
        }
    };
    let city_wide = move || ctx.area_counts.with(|c| c.city_wide);
    view! {
        <p class="map-intro">{intro}</p>
        <LevelSwitch model=model />
        <div class="map-layout">
            <div class="map-main">
                <button type="button" class="skip-map" on:click=skip>
                    {text(lang, |t| t.map.skip_to_table)}
                </button>
                <MapCanvas model=model />
            </div>
            <MapAnswer model=model />
            <div class="map-side">
                <p class="map-city-wide" data-count=move || city_wide().to_string() on:click=move |ev| follow(ctx, ev)>
                    <strong inner_html=move || link(ctx, "", &city_wide_href(ctx), &i18n::fill(i18n::texts(lang.get()).map.city_wide, &[("count", count_text(lang.get(), city_wide(), aligned))]))></strong>
                    <span>{text(lang, |t| t.map.city_wide_detail)}</span>
                </p>
                <p class="map-note area-rule">{text(lang, |t| t.filters.area_rule)}</p>
                <MapLegend model=model />
                <GeometryNotes model=model boundaries=boundaries />
            </div>
        </div>
        {at_step(VIEW_REST, move || view! { <MapTable model=model /> }.into_any())}
    }
}

/// Region / kecamatan / kelurahan buttons.
#[component]
fn LevelSwitch(model: MapModel) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let buttons = AreaLevel::ALL
        .into_iter()
        .filter(|l| ctx.d().dataset.areas.iter().any(|a| a.level == *l))
        .map(|level| {
            let pressed = move || model.level.get() == level;
            view! {
                <button type="button" data-level=level.code()
                    aria-pressed=move || if pressed() { "true" } else { "false" }
                    on:click=move |_| ctx.state.update(|s| s.level = Some(level))>
                    {move || level_label(lang.get(), level)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="map-levels" role="group" aria-label={text(lang, |t| t.map.level)}>
            <span class="map-levels-label" aria-hidden="true">{text(lang, |t| t.map.level)}</span>
            {buttons}
        </div>
    }
}

/// Where the shapes come from, and what could not be drawn.
#[component]
fn GeometryNotes(model: MapModel, boundaries: ReadSignal<BoundaryState>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let names = move |ids: &[String]| {
        ids.iter()
            .map(|id| {
                model
                    .info(id)
                    .map_or_else(|| id.clone(), |i| i.name(lang.get()).to_string())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let boundary_note = move || {
        let l = lang.get();
        let level = model.level.get();
        match boundaries.get() {
            BoundaryState::Off => None,
            BoundaryState::Loading(url) => Some(view! {
                <p class="map-note" role="status">{i18n::fill(i18n::texts(lang.get()).map.bnd_loading, &[("url", url)])}</p>
            }.into_any()),
            BoundaryState::Failed(url, f) => {
                let reason = match f {
                    Failure::CrossOrigin => i18n::texts(lang.get()).map.bnd_cross_origin.to_string(),
                    Failure::NoMatch => i18n::texts(lang.get()).map.bnd_no_match.to_string(),
                    Failure::Other(s) => s,
                };
                Some(view! {
                    <p class="map-note warning" role="alert" data-boundaries="failed">
                        {i18n::fill(i18n::texts(lang.get()).map.bnd_failed, &[("url", url), ("reason", reason)])}
                    </p>
                }.into_any())
            }
            BoundaryState::Ready(b) => {
                if b.layer.level != level {
                    return Some(view! {
                        <p class="map-note" data-boundaries="other-level">
                            {i18n::fill(i18n::texts(lang.get()).map.bnd_other_level, &[("level", level_noun(l, b.layer.level).to_string())])}
                        </p>
                    }.into_any());
                }
                let unmatched = (!b.unmatched.is_empty()).then(|| view! {
                    <p class="map-note warning" data-boundaries="unmatched">
                        {i18n::fill(i18n::texts(lang.get()).map.bnd_unmatched, &[
                            ("n", format_int(b.unmatched.len(), l)),
                            ("codes", b.unmatched.join(", ")),
                        ])}
                    </p>
                });
                let missing = (!b.missing.is_empty()).then(|| view! {
                    <p class="map-note warning" data-boundaries="missing">
                        {i18n::fill(i18n::texts(lang.get()).map.bnd_missing, &[
                            ("n", format_int(b.missing.len(), l)),
                            ("names", names(&b.missing)),
                        ])}
                    </p>
                });
                Some(view! {
                    <p class="map-note" data-boundaries="used">
                        {i18n::fill(i18n::texts(lang.get()).map.bnd_used, &[
                            ("url", b.url.clone()),
                            ("n", format_int(b.layer.areas.len(), l)),
                        ])}
                    </p>
                    {unmatched}
                    {missing}
                }.into_any())
            }
        }
    };
    let schematic_note = move || {
        let schematic = model.layer.with(|l| l.0.source == LayerSource::Schematic);
        schematic.then(|| {
            view! {
                <p class="map-note">{i18n::texts(lang.get()).map.schematic_note}</p>
            }
        })
    };
    let undrawn = move || {
        let layer = model.layer.get().0;
        if layer.source == LayerSource::Boundaries {
            return None;
        }
        let level = layer.level;
        let total = ctx
            .d()
            .dataset
            .areas
            .iter()
            .filter(|a| a.level == level)
            .count();
        let n = total.saturating_sub(layer.areas.len());
        (n > 0).then(|| view! {
            <p class="map-note warning">{i18n::fill(i18n::texts(lang.get()).map.undrawn, &[("n", format_int(n, lang.get()))])}</p>
        })
    };
    view! {
        <div class="map-notes">
            {boundary_note}
            {schematic_note}
            {undrawn}
        </div>
    }
}
