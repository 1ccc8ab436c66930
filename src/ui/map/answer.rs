//! The map's answer to "what is here": for the selected area, its name and where it lies, how
//! many initiatives act there (the list's count, by the rule of `model::in_area`) and how
//! many city-wide, the first few as links to their details, "see all" (the list filtered to
//! the area) and the city-wide ones (`?scope=city`). Beside the map on wide screens; under it
//! on narrower ones, kept in view over the map's lower edge while the map is on screen. In
//! embed mode its links open the full explorer in a new tab, as the embed's own link does.

use crate::i18n;
use crate::model::escape::escape;
use crate::model::facet::CITY_WIDE;
use crate::model::{AreaLevel, Facet, View, ViewState};
use crate::ui::ctx::{use_ctx, Ctx};
use crate::ui::map::model::{count_text, display_name, MapModel};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How many initiatives the card names.
const FIRST: usize = 3;

/// The link to the list (the full explorer's, also from an embed) with `f` applied to the
/// current state.
pub fn list_href(ctx: Ctx, f: impl FnOnce(&mut ViewState)) -> String {
    ctx.href(|s| {
        s.view = View::Actions;
        s.action = None;
        s.embed = false;
        f(s);
    })
}

/// The link to the city-wide actions matching the other filters.
pub fn city_wide_href(ctx: Ctx) -> String {
    list_href(ctx, |s| {
        s.filters.set_area(None);
        s.filters.set(Facet::Scope, vec![CITY_WIDE.to_string()]);
    })
}

/// The markup of one of these links (one that opens a new tab from an embed).
pub fn link(ctx: Ctx, class: &str, href: &str, text: &str) -> String {
    let tab = if ctx.state.with_untracked(|s| s.embed) {
        r#" target="_blank" rel="noopener""#
    } else {
        ""
    };
    format!(
        r#"<a class="{class}" href="{}"{tab}>{}</a>"#,
        escape(href),
        escape(text)
    )
}

/// A plain click on one of these links (delegated from its container) opens its state in
/// place, at the top of the page; in embed mode, or with a modifier key, the browser follows
/// the link itself.
pub fn follow(ctx: Ctx, ev: web_sys::MouseEvent) {
    // (A click event is the main button's; the others open a new tab or window.)
    if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ctx.state.with_untracked(|s| s.embed) {
        return;
    }
    let href = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
        .and_then(|a| a.get_attribute("href"));
    let Some(href) = href.filter(|h| h.starts_with('?')) else {
        return;
    };
    ev.prevent_default();
    let (s, _) = ViewState::from_query(&href);
    ctx.state.set(s);
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The card of the selected area, as markup (empty when none is selected): a string, not
/// view code, as it is rebuilt whole on every change anyway (and is lighter in the wasm).
fn card(ctx: Ctx, model: MapModel, area: &str) -> String {
    let Some(info) = model.info(area) else {
        return String::new();
    };
    let l = ctx.lang.get();
    let t = i18n::texts(l);
    let where_ = match info.level {
        AreaLevel::Region => t.filters.region.to_string(),
        _ => {
            let region = info.region_name(l).to_string();
            match (info.level, info.parent(l).map(str::to_string)) {
                (AreaLevel::Kelurahan, Some(p)) if p != region => format!(
                    "{} · {region}",
                    i18n::fill(t.map.kecamatan_name, &[("name", p)])
                ),
                _ => region,
            }
        }
    };
    let matching = ctx.matching.get();
    let n = matching.len();
    let wide = ctx.area_counts.with(|c| c.city_wide);
    let aligned = model.aligned;
    let link = |class: &str, href: String, text: &str| link(ctx, class, &href, text);
    let mut h = format!(
        r#"<h2 id="map-answer-title">{}</h2><p class="answer-where">{}</p><p class="answer-count" data-count="{n}"><strong>{}</strong>"#,
        escape(&display_name(l, &info)),
        escape(&where_),
        escape(&i18n::fill(
            t.map.here,
            &[("count", count_text(l, n, aligned))]
        )),
    );
    if wide > 0 {
        h += " · ";
        h += &link(
            "answer-city",
            city_wide_href(ctx),
            &i18n::fill(t.map.city_wide, &[("count", count_text(l, wide, aligned))]),
        );
    }
    h += "</p>";
    if n > 0 {
        let d = ctx.d();
        h += r#"<ul class="answer-list">"#;
        for &i in matching.iter().take(FIRST) {
            let a = &d.dataset.actions[i];
            let id = a.id.clone();
            h += "<li>";
            h += &link("", list_href(ctx, |s| s.action = Some(id)), a.title.get(l));
            h += "</li>";
        }
        h += "</ul>";
        h += &link(
            "answer-all",
            list_href(ctx, |_| ()),
            &i18n::fill(t.map.see_all, &[("n", i18n::format_int(n, l))]),
        );
    }
    h
}

/// The card of the selected area (empty, so not shown, when none is selected).
#[component]
pub fn MapAnswer(model: MapModel) -> impl IntoView {
    let ctx = use_ctx();
    let area = ctx.selected(Facet::Area);
    let html = Memo::new(move |_| {
        area.with(|a| a.first().map(|id| card(ctx, model, id)))
            .unwrap_or_default()
    });
    view! {
        <section class="map-answer" aria-labelledby="map-answer-title"
            on:click=move |ev| follow(ctx, ev) inner_html=html></section>
    }
}
