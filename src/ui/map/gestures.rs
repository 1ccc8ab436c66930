//! Pointer gestures on the map: a mouse drag pans (once zoomed in), a two-finger pinch zooms
//! and pans, Ctrl/⌘ + wheel zooms about the pointer; a click that ends a drag does not
//! select. One-finger touch and the plain wheel scroll the page as usual.

use crate::geo::view_box::ViewBox;
use crate::ui::map::canvas::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mouse movement that turns a press into a drag, in pixels.
const DRAG_PX: f64 = 5.0;

/// Pointer state of a drag or pinch in progress.
#[derive(Default)]
pub struct Gesture {
    /// Active pointers: id and position in the SVG box.
    pointers: Vec<(i32, f64, f64)>,
    /// The window when the gesture started.
    start: Option<ViewBox>,
    /// Pinch start: midpoint and finger distance.
    mid: (f64, f64),
    dist: f64,
    /// Mouse drag start: pointer id and position.
    drag: Option<(i32, f64, f64)>,
    dragging: bool,
    /// The click that ends a drag must not select.
    suppress_click: bool,
}

/// The area id of the shape an event happened on.
pub fn area_of(target: Option<web_sys::EventTarget>) -> Option<String> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("[data-area]").ok()??.get_attribute("data-area")
}

/// A pointer goes down: the start of a drag (mouse) or of a pinch (a second finger).
pub fn pointer_down(c: Canvas, gesture: StoredValue<Gesture>, ev: web_sys::PointerEvent) {
    let Some((p, _)) = c.local(ev.client_x(), ev.client_y()) else {
        return;
    };
    let id = ev.pointer_id();
    let mouse = ev.pointer_type() == "mouse";
    let v = c.vb.get_untracked();
    gesture.update_value(|g| {
        g.suppress_click = false;
        g.pointers.retain(|q| q.0 != id);
        g.pointers.push((id, p.0, p.1));
        if g.pointers.len() == 2 {
            let (a, b) = (g.pointers[0], g.pointers[1]);
            g.start = Some(v);
            g.mid = ((a.1 + b.1) / 2.0, (a.2 + b.2) / 2.0);
            g.dist = (a.1 - b.1).hypot(a.2 - b.2).max(1.0);
            g.drag = None;
            g.dragging = false;
        } else if g.pointers.len() == 1 && mouse && ev.button() == 0 {
            g.start = Some(v);
            g.drag = Some((id, p.0, p.1));
            g.dragging = false;
        }
    });
}

/// A pointer moves: pinch or drag the map, else show the tooltip of the area under it.
pub fn pointer_move(c: Canvas, gesture: StoredValue<Gesture>, ev: web_sys::PointerEvent) {
    let Some((p, box_size)) = c.local(ev.client_x(), ev.client_y()) else {
        return;
    };
    let id = ev.pointer_id();
    let fullv = c.full.get_untracked();
    let mut moved = None;
    let mut busy = false;
    gesture.update_value(|g| {
        if let Some(q) = g.pointers.iter_mut().find(|q| q.0 == id) {
            q.1 = p.0;
            q.2 = p.1;
        }
        if g.pointers.len() >= 2 {
            if let Some(start) = g.start {
                let (a, b) = (g.pointers[0], g.pointers[1]);
                let mid = ((a.1 + b.1) / 2.0, (a.2 + b.2) / 2.0);
                let dist = (a.1 - b.1).hypot(a.2 - b.2).max(1.0);
                moved = Some(start.pinch(g.mid, mid, dist / g.dist, box_size, &fullv));
            }
            busy = true;
        } else if let (Some((did, x0, y0)), Some(start)) = (g.drag, g.start) {
            if did == id && ev.buttons() & 1 == 1 {
                if !g.dragging && (p.0 - x0).hypot(p.1 - y0) > DRAG_PX && !start.is_full(&fullv) {
                    g.dragging = true;
                    if let Some(svg) = c.svg.get_untracked() {
                        let _ = svg.set_pointer_capture(id);
                    }
                }
                if g.dragging {
                    moved = Some(start.pinch((x0, y0), p, 1.0, box_size, &fullv));
                    g.suppress_click = true;
                    busy = true;
                }
            }
        }
    });
    if let Some(v) = moved {
        c.vb.set(v);
    }
    if busy {
        c.tip_id.set(None);
        return;
    }
    match area_of(ev.target()) {
        Some(a) => {
            c.tip_pos
                .set(c.in_frame(f64::from(ev.client_x()), f64::from(ev.client_y())));
            if c.tip_id.get_untracked().as_deref() != Some(a.as_str()) {
                c.tip_id.set(Some(a));
            }
        }
        None => {
            if c.focused.get_untracked().is_none() {
                c.tip_id.set(None);
            }
        }
    }
}

/// A pointer goes up or is cancelled: the gesture ends when its pointers are gone.
pub fn pointer_end(gesture: StoredValue<Gesture>, ev: web_sys::PointerEvent) {
    let id = ev.pointer_id();
    gesture.update_value(|g| {
        g.pointers.retain(|q| q.0 != id);
        if g.drag.is_some_and(|d| d.0 == id) {
            g.drag = None;
            g.dragging = false;
        }
        if g.pointers.len() < 2 && g.drag.is_none() {
            g.start = None;
        }
    });
}

/// A click selects the area under it, unless it ends a drag.
pub fn click(c: Canvas, gesture: StoredValue<Gesture>, ev: web_sys::MouseEvent) {
    let suppressed = gesture.with_value(|g| g.suppress_click);
    if suppressed {
        gesture.update_value(|g| g.suppress_click = false);
        return;
    }
    if let Some(id) = area_of(ev.target()) {
        c.select(&id);
    }
}

/// Ctrl/⌘ + wheel zooms about the pointer; a plain wheel scrolls the page. Needs a
/// non-passive listener, added once the SVG exists and kept as long as the canvas.
pub fn wheel_zoom(c: Canvas) {
    let wheel = StoredValue::new_local(None::<gloo::events::EventListener>);
    Effect::new(move |_| {
        let Some(svg) = c.svg.get() else { return };
        let listener = gloo::events::EventListener::new_with_options(
            &svg,
            "wheel",
            gloo::events::EventListenerOptions::enable_prevent_default(),
            move |e| {
                let Some(e) = e.dyn_ref::<web_sys::WheelEvent>() else {
                    return;
                };
                if !(e.ctrl_key() || e.meta_key()) {
                    return;
                }
                e.prevent_default();
                let Some(svg) = c.svg.get_untracked() else {
                    return;
                };
                let r = svg.get_bounding_client_rect();
                let v = c.vb.get_untracked();
                let about = v.to_map(
                    f64::from(e.client_x()) - r.left(),
                    f64::from(e.client_y()) - r.top(),
                    r.width(),
                    r.height(),
                );
                let factor = (-e.delta_y() * 0.002).clamp(-0.7, 0.7).exp();
                c.vb.set(v.zoom(factor, about, &c.full.get_untracked()));
            },
        );
        wheel.set_value(Some(listener));
    });
}
