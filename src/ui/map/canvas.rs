//! The interactive SVG map: one shape per area, filled by its count (zero is hatched), the
//! Kepulauan Seribu inset, the selected area outlined; the zoom and pan buttons. Its parts
//! share one [`Canvas`] (the window on the map, its size on screen, the tooltip and focus
//! state): pointer gestures in `gestures.rs`, keyboard and the one tab stop in
//! `keyboard.rs`, labels in `labels.rs`, the tooltip in `tooltip.rs`.

use crate::geo::choropleth::{ZERO_FILL, ZERO_HATCH};
use crate::geo::layer::LayerSource;
use crate::geo::view_box::{Screen, ViewBox};
use crate::i18n;
use crate::model::Facet;
use crate::ui::ctx::{text, use_ctx};
use crate::ui::map::gestures::{self, Gesture};
use crate::ui::map::keyboard::{self, MapAnnouncer};
use crate::ui::map::labels::{region_markup, MapLabels};
use crate::ui::map::model::{count_text, place_name, MapModel};
use crate::ui::map::tooltip::MapTooltip;
use leptos::prelude::*;

pub const ZOOM_STEP: f64 = 1.5;
pub const PAN_STEP: f64 = 0.25;
/// Label size on screen, in pixels.
const LABEL_PX: f64 = 12.5;
/// Label size on screen while presenting: the smallest label (a region's name, 0.9 of it)
/// is at least 16 px on a projector.
const PRESENT_LABEL_PX: f64 = 18.0;
/// Largest map height, in % of the viewport height (as in map.css).
const MAX_HEIGHT_VH: f64 = 78.0;
/// Id of the hatch pattern for zero counts.
const ZERO_PATTERN: &str = "map-zero";

/// A number for an SVG attribute (two decimals at most).
pub fn num(v: f64) -> String {
    format!("{}", (v * 100.0).round() / 100.0)
}

/// What the parts of the canvas share (all reactive handles, so it is `Copy`).
#[derive(Clone, Copy)]
pub struct Canvas {
    /// The map model (level, layer, scale, names).
    pub model: MapModel,
    /// The window on the map, in map units.
    pub vb: RwSignal<ViewBox>,
    /// The whole map.
    pub full: Memo<ViewBox>,
    /// True when the whole map is shown.
    pub is_full: Memo<bool>,
    /// The SVG's size on screen, in pixels.
    pub size: RwSignal<(f64, f64)>,
    /// Map units to screen pixels at the current window.
    pub screen: Memo<Screen>,
    /// Label size in map units.
    pub font: Memo<f64>,
    /// Label size on screen, in pixels.
    pub label_px: f64,
    /// The SVG element and the frame around it (where the tooltip lives).
    pub svg: NodeRef<leptos::svg::Svg>,
    pub frame: NodeRef<leptos::html::Div>,
    /// The area whose tooltip is shown, and where (in the frame).
    pub tip_id: RwSignal<Option<String>>,
    pub tip_pos: RwSignal<(f64, f64)>,
    /// The area with the keyboard focus.
    pub focused: RwSignal<Option<String>>,
    /// The area last moved to with the arrow keys or focused (the roving tab stop).
    pub roving: RwSignal<Option<String>>,
    /// The selected area (the area filter).
    pub selected: Memo<Option<String>>,
}

impl Canvas {
    /// Selects area `id` (or clears it when it is selected).
    pub fn select(self, id: &str) {
        use_ctx().toggle(Facet::Area, id);
    }

    /// Zooms about the centre by `factor`.
    pub fn zoom_by(self, factor: f64) {
        let v = self.vb.get_untracked();
        self.vb
            .set(v.zoom(factor, v.center(), &self.full.get_untracked()));
    }

    /// Pans by a fraction of the window.
    pub fn pan_by(self, fx: f64, fy: f64) {
        let v = self.vb.get_untracked();
        self.vb.set(v.pan(fx, fy, &self.full.get_untracked()));
    }

    /// Shows the whole map.
    pub fn reset(self) {
        self.vb.set(self.full.get_untracked());
    }

    /// A client position relative to the SVG box, and the box size.
    pub fn local(self, x: i32, y: i32) -> Option<((f64, f64), (f64, f64))> {
        let svg = self.svg.get_untracked()?;
        let r = svg.get_bounding_client_rect();
        Some((
            (f64::from(x) - r.left(), f64::from(y) - r.top()),
            (r.width(), r.height()),
        ))
    }

    /// A client position relative to the frame (where the tooltip lives).
    pub fn in_frame(self, x: f64, y: f64) -> (f64, f64) {
        self.frame
            .get_untracked()
            .map(|f| {
                let r = f.get_bounding_client_rect();
                (x - r.left(), y - r.top())
            })
            .unwrap_or((x, y))
    }
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
    let label_px = if ctx.state.with_untracked(|s| s.present) {
        PRESENT_LABEL_PX
    } else {
        LABEL_PX
    };
    let font = Memo::new(move |_| label_px / screen.get().scale);
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
    let c = Canvas {
        model,
        vb,
        full,
        is_full,
        size,
        screen,
        font,
        label_px,
        svg: svg_ref,
        frame: frame_ref,
        tip_id,
        tip_pos,
        focused,
        roving: RwSignal::new(None),
        selected,
    };
    let tab_stop = keyboard::tab_stop(c);

    // The SVG's size on screen: after mount, on resize, when the layer changes, and when the
    // page goes live after a prerender (built hidden under it, the SVG had no size: ctx/stage.rs).
    let stage = crate::ui::ctx::stage::use_stage();
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
        if svg_ref.get().is_some() && stage.live() {
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

    gestures::wheel_zoom(c);
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
                let tab_id = id.clone();
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
                        .map(|i| place_name(l, i))
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
                        tabindex=move || if tab_stop.with(|t| t.as_deref() == Some(tab_id.as_str())) { "0" } else { "-1" }
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
                // The official name: the caption names the islands as a place on the map.
                let name = region.name(crate::model::Lang::Id).to_string();
                if !names.contains(&name) {
                    names.push(name);
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
                <button type="button" class="icon zoom-in" aria-label={text(lang, |t| t.map.zoom_in)}
                    aria-disabled=move || aria_disabled(at_max.get())
                    on:click=move |_| c.zoom_by(ZOOM_STEP)>
                    <span aria-hidden="true">"+"</span>
                </button>
                <button type="button" class="icon zoom-out" aria-label={text(lang, |t| t.map.zoom_out)}
                    aria-disabled=move || aria_disabled(is_full.get())
                    on:click=move |_| c.zoom_by(1.0 / ZOOM_STEP)>
                    <span aria-hidden="true">"−"</span>
                </button>
                <button type="button" class="icon pan pan-left" aria-label={text(lang, |t| t.map.pan_left)}
                    aria-disabled=move || aria_disabled(is_full.get())
                    on:click=move |_| c.pan_by(-PAN_STEP, 0.0)>
                    <span aria-hidden="true">"←"</span>
                </button>
                <button type="button" class="icon pan pan-up" aria-label={text(lang, |t| t.map.pan_up)}
                    aria-disabled=move || aria_disabled(is_full.get())
                    on:click=move |_| c.pan_by(0.0, -PAN_STEP)>
                    <span aria-hidden="true">"↑"</span>
                </button>
                <button type="button" class="icon pan pan-down" aria-label={text(lang, |t| t.map.pan_down)}
                    aria-disabled=move || aria_disabled(is_full.get())
                    on:click=move |_| c.pan_by(0.0, PAN_STEP)>
                    <span aria-hidden="true">"↓"</span>
                </button>
                <button type="button" class="icon pan pan-right" aria-label={text(lang, |t| t.map.pan_right)}
                    aria-disabled=move || aria_disabled(is_full.get())
                    on:click=move |_| c.pan_by(PAN_STEP, 0.0)>
                    <span aria-hidden="true">"→"</span>
                </button>
                <button type="button" class="whole-city"
                    aria-disabled=move || aria_disabled(is_full.get())
                    on:click=move |_| c.reset()>
                    <span class="whole-city-icon" aria-hidden="true">"⤢"</span>
                    <span class="whole-city-text">{text(lang, |t| t.map.whole_city)}</span>
                </button>
            </div>
            <div class="map-frame" node_ref=frame_ref style:max-width=frame_max_width>
                <svg
                    node_ref=svg_ref
                    class="map-svg"
                    class:zoomed=move || !is_full.get()
                    viewBox=move || vb.get().attr()
                    // Not a tab stop itself (its areas are, one at a time); -1 also keeps the
                    // browser from making the clipped SVG a focusable scroller.
                    tabindex="-1"
                    role="group"
                    aria-label=svg_label
                    data-level=move || model.level.get().code()
                    data-source=move || model.layer.with(|l| l.0.source.code())
                    data-areas=move || model.layer.with(|l| l.0.areas.len().to_string())
                    on:click=move |ev| gestures::click(c, gesture, ev)
                    on:keydown=move |ev| keyboard::key_down(c, ev)
                    on:pointerdown=move |ev| gestures::pointer_down(c, gesture, ev)
                    on:pointermove=move |ev| gestures::pointer_move(c, gesture, ev)
                    on:pointerup=move |ev| gestures::pointer_end(gesture, ev)
                    on:pointercancel=move |ev| gestures::pointer_end(gesture, ev)
                    on:pointerleave=move |_| if focused.get_untracked().is_none() { tip_id.set(None) }
                    on:focusin=move |ev| keyboard::focus_in(c, ev)
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
                    <g class="labels" aria-hidden="true"><MapLabels canvas=c /></g>
                    <g class="regions" aria-hidden="true" class:zoomed=move || !is_full.get()
                        font-size=move || num(font.get()) inner_html=move || region_markup(model, lang.get())></g>
                    <g class="overlays" aria-hidden="true">
                        {move || selection_paths.get().into_iter().map(|d| view! {
                            <path class="sel-halo" d=d.clone() fill="none" />
                            <path class="sel-line" d=d fill="none" />
                        }).collect_view()}
                        {move || outline(tip_id.get()).map(|d| view! { <path class="hover-line" d=d fill="none" /> })}
                        {move || outline(focused.get()).map(|d| view! { <path class="focus-line" d=d fill="none" /> })}
                    </g>
                </svg>
                <MapTooltip canvas=c />
            </div>
            // Both hints are in the page; map.css shows the one for the device's main pointer.
            <p class="map-hint">
                <span class="hint-keys">{text(lang, |t| t.map.hint)}</span>
                <span class="hint-touch">{text(lang, |t| t.map.hint_touch)}</span>
            </p>
            <MapAnnouncer canvas=c />
        </div>
    }
}
