//! The map's keyboard: the map is one tab stop (a roving tabindex: the area last moved to,
//! else the selected one, else the first drawn); the arrow keys move the focus to the
//! neighbouring area in their direction (`geo::neighbours`), Enter or Space selects, + − 0
//! zoom, Shift + arrows pan once zoomed in. A focused area is brought into view with its
//! tooltip; the selection and the list's new count are announced.

use crate::geo::neighbours::{neighbour, Direction};
use crate::geo::view_box::ViewBox;
use crate::i18n;
use crate::ui::ctx::use_ctx;
use crate::ui::map::canvas::{Canvas, PAN_STEP, ZOOM_STEP};
use crate::ui::map::gestures::area_of;
use crate::ui::map::model::{count_text, place_name};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the one area in the tab order.
pub fn tab_stop(c: Canvas) -> Memo<Option<String>> {
    Memo::new(move |_| {
        let layer = c.model.layer.get().0;
        let drawn = |id: &Option<String>| id.as_ref().is_some_and(|i| layer.area(i).is_some());
        let r = c.roving.get();
        if drawn(&r) {
            return r;
        }
        let sel = c.selected.get();
        if drawn(&sel) {
            return sel;
        }
        layer.areas.first().map(|a| a.id.clone())
    })
}

/// Moves the focus to the area `id` (compared by attribute: ids are data, they never go
/// into a selector).
fn focus_area(svg: &web_sys::SvgElement, id: &str) {
    let Ok(Some(group)) = svg.query_selector("g.areas") else {
        return;
    };
    let mut item = group.first_element_child();
    while let Some(el) = item {
        if el.get_attribute("data-area").as_deref() == Some(id) {
            if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                let _ = el.focus();
            }
            return;
        }
        item = el.next_element_sibling();
    }
}

/// The area next to `from` in the arrow key's direction, if any.
fn next_area(c: Canvas, from: &str, key: &str) -> Option<String> {
    let dir = Direction::from_key(key)?;
    let layer = c.model.layer.get_untracked().0;
    let anchors: Vec<_> = layer.areas.iter().map(|a| a.anchor).collect();
    let i = layer.areas.iter().position(|a| a.id == from)?;
    neighbour(&anchors, i, dir).map(|j| layer.areas[j].id.clone())
}

/// A key pressed on the map.
pub fn key_down(c: Canvas, ev: web_sys::KeyboardEvent) {
    let zoomed = !c.is_full.get_untracked();
    let on_area = area_of(ev.target());
    match ev.key().as_str() {
        "Enter" | " " => {
            if let Some(id) = on_area {
                ev.prevent_default();
                c.select(&id);
            }
        }
        "+" | "=" => {
            ev.prevent_default();
            c.zoom_by(ZOOM_STEP);
        }
        "-" | "_" => {
            ev.prevent_default();
            c.zoom_by(1.0 / ZOOM_STEP);
        }
        "0" => {
            ev.prevent_default();
            c.reset();
        }
        "Escape" => c.tip_id.set(None),
        k @ ("ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown") => {
            if let (Some(from), false) = (on_area, ev.shift_key()) {
                ev.prevent_default();
                if let Some(next) = next_area(c, &from, k) {
                    c.roving.set(Some(next.clone()));
                    if let Some(svg) = c.svg.get_untracked() {
                        focus_area(&svg, &next);
                    }
                }
            } else if zoomed {
                ev.prevent_default();
                match k {
                    "ArrowLeft" => c.pan_by(-PAN_STEP, 0.0),
                    "ArrowRight" => c.pan_by(PAN_STEP, 0.0),
                    "ArrowUp" => c.pan_by(0.0, -PAN_STEP),
                    _ => c.pan_by(0.0, PAN_STEP),
                }
            }
        }
        _ => {}
    }
}

fn is_focus_visible(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.matches(":focus-visible").ok())
        .unwrap_or(false)
}

/// An area takes the focus: it becomes the tab stop; by keyboard, it is brought into view
/// (when zoomed in) and its tooltip shown.
pub fn focus_in(c: Canvas, ev: web_sys::FocusEvent) {
    let Some(id) = area_of(ev.target()) else {
        return;
    };
    if c.roving.get_untracked().as_deref() != Some(id.as_str()) {
        c.roving.set(Some(id.clone()));
    }
    if !is_focus_visible(ev.target()) {
        return;
    }
    let layer = c.model.layer.get_untracked().0;
    let Some(area) = layer.area(&id) else { return };
    let v = c.vb.get_untracked();
    let a = area.anchor;
    if a[0] < v.x || a[0] > v.x + v.w || a[1] < v.y || a[1] > v.y + v.h {
        let centred = ViewBox {
            x: a[0] - v.w / 2.0,
            y: a[1] - v.h / 2.0,
            ..v
        };
        c.vb.set(centred.clamped(&c.full.get_untracked()));
    }
    if let Some(svg) = c.svg.get_untracked() {
        let r = svg.get_bounding_client_rect();
        let (sx, sy) = c.vb.get_untracked().to_screen(a, r.width(), r.height());
        c.tip_pos.set(c.in_frame(r.left() + sx, r.top() + sy));
    }
    c.focused.set(Some(id.clone()));
    c.tip_id.set(Some(id));
}

/// What the live region says: the selected area and how many the list now holds.
#[component]
pub fn MapAnnouncer(canvas: Canvas) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let said = move || {
        let l = lang.get();
        let n = ctx.matching.with(|m| m.len());
        let count = count_text(l, n, canvas.model.aligned);
        let t = i18n::texts(l);
        match canvas.selected.get().and_then(|id| canvas.model.info(&id)) {
            Some(info) => i18n::fill(
                t.map.announce_selected,
                &[("area", place_name(l, &info)), ("count", count)],
            ),
            None => i18n::fill(t.map.announce_city, &[("count", count)]),
        }
    };
    view! {
        <p class="visually-hidden map-announce" role="status" aria-live="polite" aria-atomic="true">
            {said}
        </p>
    }
}
