//! The interactive SVG map: one focusable area per shape, filled by its count (zero is
//! hatched), counts and names printed where they fit, the Kepulauan Seribu inset, the
//! selected area outlined; click, tap, Enter or Space selects; tooltips on hover and
//! focus; zoom and pan by buttons, keys (+ − arrows 0), Ctrl/⌘ + wheel, mouse drag and
//! two-finger pinch. One-finger touch and the plain wheel scroll the page as usual.

use crate::geo::choropleth::{ZERO_FILL, ZERO_HATCH};
use crate::geo::layer::LayerSource;
use crate::geo::view_box::ViewBox;
use crate::i18n::{self, format_int};
use crate::model::{AreaLevel, Facet};
use crate::ui::ctx::{text, use_ctx};
use crate::ui::map::model::{count_text, display_name, MapModel};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const ZOOM_STEP: f64 = 1.5;
const PAN_STEP: f64 = 0.25;
/// Label size on screen, in pixels.
const LABEL_PX: f64 = 12.5;
/// Mouse movement that turns a press into a drag, in pixels.
const DRAG_PX: f64 = 5.0;
/// Largest map height, in % of the viewport height (as in map.css).
const MAX_HEIGHT_VH: f64 = 78.0;
/// Id of the hatch pattern for zero counts.
const ZERO_PATTERN: &str = "map-zero";

/// Pointer state of a drag or pinch in progress.
#[derive(Default)]
struct Gesture {
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
fn area_of(target: Option<web_sys::EventTarget>) -> Option<String> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("[data-area]").ok()??.get_attribute("data-area")
}

fn is_focus_visible(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.matches(":focus-visible").ok())
        .unwrap_or(false)
}

fn num(v: f64) -> String {
    format!("{}", (v * 100.0).round() / 100.0)
}

/// The map with its zoom controls and tooltip.
#[component]
pub fn MapCanvas(model: MapModel) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let aligned = model.aligned;
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let frame_ref = NodeRef::<leptos::html::Div>::new();

    let full = Memo::new(move |_| model.layer.with(|l| l.0.full_view()));
    let vb = RwSignal::new(full.get_untracked());
    let size = RwSignal::new((0.0_f64, 0.0_f64));
    let screen = Memo::new(move |_| {
        let (w, h) = size.get();
        vb.get().screen(w, h)
    });
    let font = Memo::new(move |_| LABEL_PX / screen.get().scale);
    let is_full = Memo::new(move |_| vb.get().is_full(&full.get()));
    let at_max = Memo::new(move |_| {
        vb.get().zoom_level(&full.get()) >= crate::geo::view_box::MAX_ZOOM - 1e-6
    });
    let area = ctx.selected(Facet::Area);
    let selected = Memo::new(move |_| area.with(|a| a.first().cloned()));
    let tip_id = RwSignal::new(None::<String>);
    let tip_pos = RwSignal::new((0.0_f64, 0.0_f64));
    let focused = RwSignal::new(None::<String>);
    let gesture = StoredValue::new(Gesture::default());

    // The SVG's size on screen: after mount, on resize, and when the layer changes.
    let measure = move || {
        if let Some(svg) = svg_ref.get_untracked() {
            let r = svg.get_bounding_client_rect();
            let s = (r.width(), r.height());
            if size.get_untracked() != s {
                size.set(s);
            }
        }
    };
    Effect::new(move |_| {
        let _ = model.layer.get();
        if svg_ref.get().is_some() {
            measure();
            request_animation_frame(measure);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // Zoom to the selected area's region whenever the region (or the layer) changes.
    let region = Memo::new(move |_| {
        selected
            .get()
            .and_then(|a| model.info(&a).map(|i| i.region))
    });
    Effect::new(move |_| {
        let r = region.get();
        let layer = model.layer.get().0;
        let full = layer.full_view();
        let target = r
            .and_then(|r| {
                let infos = model.infos.get_value();
                layer.bounds_where(|id| infos.get(id).is_some_and(|i| i.region == r))
            })
            .map(|b| ViewBox::fit(&b, 0.06, &full))
            .unwrap_or(full);
        vb.set(target);
    });

    // Ctrl/⌘ + wheel zooms; a plain wheel scrolls the page. Needs a non-passive listener.
    let wheel = StoredValue::new_local(None::<gloo::events::EventListener>);
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else { return };
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
                let Some(svg) = svg_ref.get_untracked() else {
                    return;
                };
                let r = svg.get_bounding_client_rect();
                let v = vb.get_untracked();
                let about = v.to_map(
                    f64::from(e.client_x()) - r.left(),
                    f64::from(e.client_y()) - r.top(),
                    r.width(),
                    r.height(),
                );
                let factor = (-e.delta_y() * 0.002).clamp(-0.7, 0.7).exp();
                vb.set(v.zoom(factor, about, &full.get_untracked()));
            },
        );
        wheel.set_value(Some(listener));
    });

    let select = move |id: String| ctx.toggle(Facet::Area, &id);
    let zoom_by = move |factor: f64| {
        let v = vb.get_untracked();
        vb.set(v.zoom(factor, v.center(), &full.get_untracked()));
    };
    let pan_by =
        move |fx: f64, fy: f64| vb.set(vb.get_untracked().pan(fx, fy, &full.get_untracked()));
    let reset = move || vb.set(full.get_untracked());

    // Position relative to the SVG box, and the box size.
    let local = move |x: i32, y: i32| -> Option<((f64, f64), (f64, f64))> {
        let svg = svg_ref.get_untracked()?;
        let r = svg.get_bounding_client_rect();
        Some((
            (f64::from(x) - r.left(), f64::from(y) - r.top()),
            (r.width(), r.height()),
        ))
    };
    // Position relative to the frame (where the tooltip lives).
    let in_frame = move |x: f64, y: f64| -> (f64, f64) {
        frame_ref
            .get_untracked()
            .map(|f| {
                let r = f.get_bounding_client_rect();
                (x - r.left(), y - r.top())
            })
            .unwrap_or((x, y))
    };

    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        let Some((p, _)) = local(ev.client_x(), ev.client_y()) else {
            return;
        };
        let id = ev.pointer_id();
        let mouse = ev.pointer_type() == "mouse";
        let v = vb.get_untracked();
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
    };
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        let Some((p, box_size)) = local(ev.client_x(), ev.client_y()) else {
            return;
        };
        let id = ev.pointer_id();
        let fullv = full.get_untracked();
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
                    if !g.dragging && (p.0 - x0).hypot(p.1 - y0) > DRAG_PX && !start.is_full(&fullv)
                    {
                        g.dragging = true;
                        if let Some(svg) = svg_ref.get_untracked() {
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
            vb.set(v);
        }
        if busy {
            tip_id.set(None);
            return;
        }
        match area_of(ev.target()) {
            Some(a) => {
                tip_pos.set(in_frame(f64::from(ev.client_x()), f64::from(ev.client_y())));
                if tip_id.get_untracked().as_deref() != Some(a.as_str()) {
                    tip_id.set(Some(a));
                }
            }
            None => {
                if focused.get_untracked().is_none() {
                    tip_id.set(None);
                }
            }
        }
    };
    let on_pointerend = move |ev: web_sys::PointerEvent| {
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
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let suppressed = gesture.with_value(|g| g.suppress_click);
        if suppressed {
            gesture.update_value(|g| g.suppress_click = false);
            return;
        }
        if let Some(id) = area_of(ev.target()) {
            select(id);
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let zoomed = !is_full.get_untracked();
        match ev.key().as_str() {
            "Enter" | " " => {
                if let Some(id) = area_of(ev.target()) {
                    ev.prevent_default();
                    select(id);
                }
            }
            "+" | "=" => {
                ev.prevent_default();
                zoom_by(ZOOM_STEP);
            }
            "-" | "_" => {
                ev.prevent_default();
                zoom_by(1.0 / ZOOM_STEP);
            }
            "0" => {
                ev.prevent_default();
                reset();
            }
            "Escape" => tip_id.set(None),
            k @ ("ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown") if zoomed => {
                ev.prevent_default();
                match k {
                    "ArrowLeft" => pan_by(-PAN_STEP, 0.0),
                    "ArrowRight" => pan_by(PAN_STEP, 0.0),
                    "ArrowUp" => pan_by(0.0, -PAN_STEP),
                    _ => pan_by(0.0, PAN_STEP),
                }
            }
            _ => {}
        }
    };
    let on_focusin = move |ev: web_sys::FocusEvent| {
        let Some(id) = area_of(ev.target()) else {
            return;
        };
        if !is_focus_visible(ev.target()) {
            return;
        }
        let layer = model.layer.get_untracked().0;
        let Some(area) = layer.area(&id) else { return };
        // Bring the focused area into view when zoomed in.
        let v = vb.get_untracked();
        let a = area.anchor;
        if a[0] < v.x || a[0] > v.x + v.w || a[1] < v.y || a[1] > v.y + v.h {
            vb.set(
                ViewBox {
                    x: a[0] - v.w / 2.0,
                    y: a[1] - v.h / 2.0,
                    ..v
                }
                .clamped(&full.get_untracked()),
            );
        }
        if let (Some(svg), Some(_)) = (svg_ref.get_untracked(), frame_ref.get_untracked()) {
            let r = svg.get_bounding_client_rect();
            let (sx, sy) = vb.get_untracked().to_screen(a, r.width(), r.height());
            tip_pos.set(in_frame(r.left() + sx, r.top() + sy));
        }
        focused.set(Some(id.clone()));
        tip_id.set(Some(id));
    };
    let on_focusout = move |_: web_sys::FocusEvent| {
        focused.set(None);
        tip_id.set(None);
    };

    // The area shapes of the current layer.
    let shapes = move || {
        let layer = model.layer.get().0;
        let stroked = layer.borders.is_none();
        layer
            .areas
            .iter()
            .map(|a| {
                let id = a.id.clone();
                let info = model.info(&id);
                let code = info.as_ref().map(|i| i.code.clone()).unwrap_or_default();
                let idc = id.clone();
                let n = Memo::new(move |_| ctx.area_counts.with(|c| c.get(&idc)));
                let fill = move || {
                    let n = n.get();
                    if n == 0 {
                        format!("url(#{ZERO_PATTERN})")
                    } else {
                        model.scale.with(|s| s.fill(n)).to_string()
                    }
                };
                let ids = id.clone();
                let pressed = move || {
                    if selected.with(|s| s.as_deref() == Some(ids.as_str())) {
                        "true"
                    } else {
                        "false"
                    }
                };
                let label = move || {
                    let l = lang.get();
                    let name = info
                        .as_ref()
                        .map(|i| display_name(l, i))
                        .unwrap_or_default();
                    format!("{name}: {}", count_text(l, n.get(), aligned))
                };
                view! {
                    <path
                        class="area"
                        class:stroked=stroked
                        d=a.d.clone()
                        fill=fill
                        fill-rule="evenodd"
                        tabindex="0"
                        role="button"
                        aria-label=label
                        aria-pressed=pressed
                        data-area=id
                        data-code=code
                        data-count=move || n.get().to_string()
                    />
                }
            })
            .collect_view()
    };

    // Names (region level) and counts, where they fit on screen.
    let labels = move || {
        let layer = model.layer.get().0;
        let level = layer.level;
        layer
            .areas
            .iter()
            .filter_map(|a| {
                let bounds = a.bounds?;
                let [ax, ay] = a.anchor;
                let idc = a.id.clone();
                let name = model.info(&a.id).map(|i| i.name).unwrap_or_default();
                let name_chars = name.chars().count() as f64;
                let n = Memo::new(move |_| ctx.area_counts.with(|c| c.get(&idc)));
                // (show the name, show the count)
                let fits = Memo::new(move |_| {
                    let s = screen.get().scale;
                    let (bw, bh) = (bounds.width * s, bounds.height * s);
                    let n = n.get();
                    let digits = n.to_string().len() as f64;
                    let count_w = digits * 0.62 * LABEL_PX + 4.0;
                    if level == AreaLevel::Region {
                        let name_w = name_chars * 0.56 * LABEL_PX + 6.0;
                        let name_ok = bw >= name_w && bh >= 2.8 * LABEL_PX;
                        (name_ok, bw >= count_w && bh >= 1.4 * LABEL_PX)
                    } else {
                        (false, n > 0 && bw >= count_w.max(20.0) && bh >= 18.0)
                    }
                });
                let fill = move || {
                    let n = n.get();
                    model.scale.with(|s| s.label_colour(n)).to_string()
                };
                let halo = move || {
                    let n = n.get();
                    if n == 0 {
                        ZERO_FILL.to_string()
                    } else {
                        model.scale.with(|s| s.fill(n)).to_string()
                    }
                };
                let x = num(ax);
                let y = num(ay);
                Some(view! {
                    <text
                        class="map-label name"
                        x=x.clone()
                        y=y.clone()
                        dy="-0.62em"
                        font-size=move || num(font.get())
                        stroke-width=move || num(font.get() * 0.28)
                        fill=fill
                        stroke=halo
                        display=move || if fits.get().0 { "inline" } else { "none" }
                    >
                        {name.clone()}
                    </text>
                    <text
                        class="map-label count"
                        x=x
                        y=y
                        dy=move || if fits.get().0 { "0.72em" } else { "0" }
                        font-size=move || num(font.get())
                        stroke-width=move || num(font.get() * 0.28)
                        fill=fill
                        stroke=halo
                        display=move || if fits.get().1 { "inline" } else { "none" }
                    >
                        {move || format_int(n.get(), lang.get())}
                    </text>
                })
            })
            .collect_view()
    };

    // The inset frame (behind the shapes) and the names of what it holds (over them).
    let inset_frame = move || {
        let r = model.layer.with(|l| l.0.inset)?;
        Some(view! {
            <rect class="inset-frame" x=num(r.x) y=num(r.y) width=num(r.width) height=num(r.height) rx="6" />
        })
    };
    let inset_caption = move || {
        let layer = model.layer.get().0;
        let r = layer.inset?;
        let infos = model.infos.get_value();
        let mut names: Vec<String> = Vec::new();
        for a in layer.areas.iter().filter(|a| a.in_inset) {
            if let Some(region) = infos.get(&a.id).and_then(|i| infos.get(&i.region)) {
                if !names.contains(&region.name) {
                    names.push(region.name.clone());
                }
            }
        }
        let caption = names.join(", ");
        Some(view! {
            <text
                class="inset-caption"
                x=num(r.x + 6.0)
                y=num(r.bottom() - 6.0)
                font-size=move || num(font.get() * 0.95)
                stroke-width=move || num(font.get() * 0.3)
            >
                {caption}
            </text>
        })
    };

    // Outlines of the selection (at its own level when the schematic has it).
    let selection_paths = Memo::new(move |_| {
        let Some(sel) = selected.get() else {
            return Vec::new();
        };
        let layer = model.layer.get().0;
        if let Some(a) = layer.area(&sel) {
            return vec![a.d.clone()];
        }
        if layer.source == LayerSource::Schematic {
            if let Some(info) = model.info(&sel) {
                let g = model.geometry.get_value();
                if let Some(a) = g.layer(info.level).area(&sel) {
                    return vec![a.d.clone()];
                }
            }
            return Vec::new();
        }
        let tree = ctx.d();
        layer
            .areas
            .iter()
            .filter(|a| tree.index.tree().related(&a.id, &sel))
            .map(|a| a.d.clone())
            .collect()
    });
    let outline = move |id: Option<String>| {
        id.and_then(|id| model.layer.with(|l| l.0.area(&id).map(|a| a.d.clone())))
    };

    let tooltip = move || {
        let id = tip_id.get()?;
        let l = lang.get();
        let info = model.info(&id)?;
        let n = ctx.area_counts.with(|c| c.get(&id));
        let name = display_name(l, &info);
        let parent = info.parent.clone();
        let x = tip_pos.get_untracked().0;
        let w = size.get_untracked().0.max(1.0);
        let side = if x < w * 0.3 {
            "tip-start"
        } else if x > w * 0.7 {
            "tip-end"
        } else {
            "tip-middle"
        };
        Some(view! {
            <div class=format!("map-tip {side}") class:tip-below=move || tip_pos.get().1 < 90.0 aria-hidden="true"
                style:left=move || format!("{:.0}px", tip_pos.get().0)
                style:top=move || format!("{:.0}px", tip_pos.get().1)>
                <strong>{name}</strong>
                {parent.map(|p| view! { <span class="tip-parent">{p}</span> })}
                <span class="tip-count">{count_text(l, n, aligned)}</span>
            </div>
        })
    };

    let svg_label = move || {
        let l = lang.get();
        let args = [
            ("what", crate::ui::map::model::what(l, aligned).to_string()),
            (
                "level",
                crate::ui::map::model::level_noun(l, model.level.get()).to_string(),
            ),
        ];
        i18n::fill(i18n::texts(lang.get()).map.svg_label, &args)
    };
    // The frame hugs the map when its height is capped (see .map-svg max-height in map.css).
    let frame_max_width = move || {
        let f = full.get();
        format!("calc({MAX_HEIGHT_VH}vh * {:.4} + 2px)", f.w / f.h)
    };
    let aria_disabled = |b: bool| if b { "true" } else { "false" };

    view! {
        <div class="map-canvas">
            <div class="map-controls" role="group" aria-label={text(lang, |t| t.map.controls)}>
                <button type="button" class="icon" aria-label={text(lang, |t| t.map.zoom_in)}
                    aria-disabled=move || aria_disabled(at_max.get())
                    on:click=move |_| zoom_by(ZOOM_STEP)>
                    <span aria-hidden="true">"+"</span>
                </button>
                <button type="button" class="icon" aria-label={text(lang, |t| t.map.zoom_out)}
                    aria-disabled=move || aria_disabled(is_full.get())
                    on:click=move |_| zoom_by(1.0 / ZOOM_STEP)>
                    <span aria-hidden="true">"−"</span>
                </button>
                <button type="button" class="icon" aria-label={text(lang, |t| t.map.pan_left)}
                    aria-disabled=move || aria_disabled(is_full.get())
                    on:click=move |_| pan_by(-PAN_STEP, 0.0)>
                    <span aria-hidden="true">"←"</span>
                </button>
                <button type="button" class="icon" aria-label={text(lang, |t| t.map.pan_up)}
                    aria-disabled=move || aria_disabled(is_full.get())
                    on:click=move |_| pan_by(0.0, -PAN_STEP)>
                    <span aria-hidden="true">"↑"</span>
                </button>
                <button type="button" class="icon" aria-label={text(lang, |t| t.map.pan_down)}
                    aria-disabled=move || aria_disabled(is_full.get())
                    on:click=move |_| pan_by(0.0, PAN_STEP)>
                    <span aria-hidden="true">"↓"</span>
                </button>
                <button type="button" class="icon" aria-label={text(lang, |t| t.map.pan_right)}
                    aria-disabled=move || aria_disabled(is_full.get())
                    on:click=move |_| pan_by(PAN_STEP, 0.0)>
                    <span aria-hidden="true">"→"</span>
                </button>
                <button type="button" class="whole-city"
                    aria-disabled=move || aria_disabled(is_full.get())
                    on:click=move |_| reset()>
                    {text(lang, |t| t.map.whole_city)}
                </button>
            </div>
            <div class="map-frame" node_ref=frame_ref style:max-width=frame_max_width>
                <svg
                    node_ref=svg_ref
                    class="map-svg"
                    class:zoomed=move || !is_full.get()
                    viewBox=move || vb.get().attr()
                    tabindex="0"
                    role="group"
                    aria-label=svg_label
                    data-level=move || model.level.get().code()
                    data-source=move || model.layer.with(|l| l.0.source.code())
                    data-areas=move || model.layer.with(|l| l.0.areas.len().to_string())
                    on:click=on_click
                    on:keydown=on_keydown
                    on:pointerdown=on_pointerdown
                    on:pointermove=on_pointermove
                    on:pointerup=on_pointerend
                    on:pointercancel=on_pointerend
                    on:pointerleave=move |_| if focused.get_untracked().is_none() { tip_id.set(None) }
                    on:focusin=on_focusin
                    on:focusout=on_focusout
                >
                    <defs>
                        <pattern
                            id=ZERO_PATTERN
                            patternUnits="userSpaceOnUse"
                            width=move || num(7.0 / screen.get().scale)
                            height=move || num(7.0 / screen.get().scale)
                            patternTransform="rotate(45)"
                        >
                            <rect width="100%" height="100%" fill=ZERO_FILL />
                            <line x1="0" y1="0" x2="0" y2=move || num(7.0 / screen.get().scale)
                                stroke=ZERO_HATCH stroke-width=move || num(1.4 / screen.get().scale) />
                        </pattern>
                    </defs>
                    {inset_frame}
                    <g class="areas">{shapes}</g>
                    {move || model.layer.with(|l| l.0.borders.clone()).map(|d| view! {
                        <path class="borders" d=d fill="none" />
                    })}
                    {inset_caption}
                    <g class="labels" aria-hidden="true">{labels}</g>
                    <g class="overlays" aria-hidden="true">
                        {move || selection_paths.get().into_iter().map(|d| view! {
                            <path class="sel-halo" d=d.clone() fill="none" />
                            <path class="sel-line" d=d fill="none" />
                        }).collect_view()}
                        {move || outline(tip_id.get()).map(|d| view! { <path class="hover-line" d=d fill="none" /> })}
                        {move || outline(focused.get()).map(|d| view! { <path class="focus-line" d=d fill="none" /> })}
                    </g>
                </svg>
                {tooltip}
            </div>
            <p class="map-hint">{text(lang, |t| t.map.hint)}</p>
        </div>
    }
}
