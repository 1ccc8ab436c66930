//! One chart on the page: a `<figure>` with the title, the generated summary, the SVG drawn
//! by `crate::charts` at the container's width (a ResizeObserver redraws it when the width
//! changes), focusable transparent targets over its interactive marks (one tab stop per
//! chart, arrow keys move, Enter or Space activates) with a tooltip on hover and focus, a
//! "show as table" toggle with a real `<table>`, and SVG, PNG and CSV downloads named after
//! the view. What a mark does (filter, open an action, expand a row) comes from the chart.
//!
//! A filter change redraws every chart's title, summary, note and table at once, but makes
//! the new drawing (SVG and marks) and puts it into the page only for charts on screen or
//! near it (an IntersectionObserver says which) and before printing: handing the browser
//! seven SVG documents per click was most of a filter update. A chart scrolled to later
//! draws then.

use crate::charts::{
    apply_hit, hits_changes, hits_markup, neighbour, source_line, svg_size, table_html, ChartSpec,
    Hit, HitAction,
};
use crate::i18n;
use crate::model::View;
use crate::ui::charts::download::{save_csv, save_png, save_svg};
use crate::ui::charts::markup_patch::patch_svg;
use crate::ui::ctx::{text, use_ctx};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Redraw only when the width changed by at least this much (the SVG scales in between).
const WIDTH_STEP: u32 = 12;
/// How far outside the viewport a chart still counts as on screen (IntersectionObserver
/// root margin): a fifth of a screen, so a chart scrolled to is drawn before it shows, and a
/// filter change redraws only the charts on screen or just beside it (at 1280 × 800 the
/// matrix alone; half a screen also took in the two bar charts below it, about 2 ms more
/// per filter click).
const NEAR_SCREEN: &str = "20% 0px 20% 0px";

/// A chart figure. `render` draws the chart at a width, with its drawing or (`false`, far
/// from the screen) only its words, table and size, with its whole table or (`false`, while
/// nobody reads it) the rows it draws (it may read signals: the figure redraws
/// when they change); `on_expand` handles "expand this row" marks; `level` is the
/// heading level of the title (2 or 3); `defer` draws it first after the page has painted
/// once, so the chart above it shows sooner.
#[component]
pub fn ChartFigure(
    render: Callback<(u32, bool, bool), ChartSpec>,
    #[prop(optional)] on_expand: Option<Callback<String>>,
    #[prop(default = 2)] level: u8,
    #[prop(optional)] defer: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let frame = NodeRef::<leptos::html::Div>::new();
    let overlay = NodeRef::<leptos::svg::Svg>::new();
    let drawing = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(0u32);
    let show_table = RwSignal::new(false);
    // While the page is printed every table is written out, opened or not (print CSS shows it).
    let printing = RwSignal::new(false);
    let tip = RwSignal::new(None::<usize>);
    let active = RwSignal::new(None::<String>);
    let refocus = RwSignal::new(None::<String>);
    let png_error = RwSignal::new(false);

    // Whether the figure is on screen or near it; until the observer says, it is drawn.
    let near = RwSignal::new(true);

    // Observe the frame's width and whether the figure is near the screen.
    type Observer = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);
    let observer = StoredValue::new_local(None::<Observer>);
    let watcher = StoredValue::new_local(None::<Watcher>);
    let figure = NodeRef::<leptos::html::Figure>::new();
    // Whether the figure is near the screen is asked once its width is observed and, under a
    // prerender, once the live page is on screen: before that the page is hidden and laid out
    // elsewhere than it will be (ctx/stage.rs).
    let observing = RwSignal::new(false);
    let stage = crate::ui::ctx::stage::use_stage();
    Effect::new(move |watching: Option<bool>| {
        if watching == Some(true) {
            return true;
        }
        if !(observing.get() && stage.live()) {
            return false;
        }
        if let Some(fig) = figure.get_untracked() {
            watch_near(&fig, near, watcher);
        }
        true
    });
    Effect::new(move |_| {
        let Some(el) = frame.get() else { return };
        if observer.with_value(|o| o.is_some()) {
            return;
        }
        let start = move || {
            if observer.try_with_value(|o| o.is_some()).unwrap_or(true) {
                return; // started already, or the figure is gone
            }
            let set_width = move |w: i32| {
                let w = w.max(0) as u32;
                let cur = width.get_untracked();
                if w > 0 && (cur == 0 || w.abs_diff(cur) >= WIDTH_STEP) {
                    width.set(w);
                }
            };
            // The width comes from the observer's reports, which arrive after the browser's
            // own layout: reading `clientWidth` instead, while the page is being built or
            // after another chart changed it, forces a layout of the whole page each time
            // (measured: 30–55 ms of the charts view's first load).
            let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                if let Ok(e) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                    set_width(e.content_rect().width().round() as i32);
                }
            });
            match web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
                Ok(ro) => {
                    ro.observe(&el);
                    observer.set_value(Some((ro, cb)));
                }
                Err(_) => set_width(el.client_width()),
            }
            observing.set(true);
        };
        if defer {
            // A task queued from an animation frame runs after that frame's paint.
            request_animation_frame(move || set_timeout(start, std::time::Duration::ZERO));
        } else {
            start();
        }
    });
    // A printed page shows every chart as it is now, each with its table.
    let before_print = window_event_listener(leptos::ev::beforeprint, move |_| {
        near.set(true);
        printing.set(true);
    });
    let after_print = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    on_cleanup(move || {
        before_print.remove();
        after_print.remove();
        observer.try_update_value(|o| {
            if let Some((ro, _cb)) = o.take() {
                ro.disconnect();
            }
        });
        watcher.try_update_value(|o| {
            if let Some((io, _cb)) = o.take() {
                io.disconnect();
            }
        });
    });

    // The first drawing is timed for the benchmark (later ones would only fill the
    // browser's timing buffer, a call out of the wasm each).
    let timed = StoredValue::new(false);
    // Far from the screen, a redraw makes the words and the table (read by everyone, screen
    // readers included) but not the drawing, which is made when the chart comes near.
    let spec = Memo::new(move |_| {
        let w = width.get();
        let drawn = near.get();
        // The whole table only while it is read (downloads draw again with it).
        let tabled = show_table.get() || printing.get();
        (w > 0).then(|| {
            if timed.get_value() {
                return Arc::new(render.run((w, drawn, tabled)));
            }
            timed.set_value(true);
            let t0 = crate::ui::ctx::perf::now();
            let spec = render.run((w, drawn, tabled));
            crate::ui::ctx::perf::measure(
                &format!("jrs:draw:{}", spec.slug),
                t0,
                crate::ui::ctx::perf::now(),
            );
            Arc::new(spec)
        })
    });
    // The drawing in the page: the current chart while near the screen, else the one drawn
    // last. The marks, tooltip and keys work on this one, so they always match the picture.
    let shown = Memo::new_with_compare(
        move |prev: Option<&Option<Arc<ChartSpec>>>| {
            let near = near.get();
            match prev {
                Some(Some(p)) if !near => Some(p.clone()),
                _ => spec.get(),
            }
        },
        |a, b| match (a, b) {
            (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
            (Some(None), Some(None)) => false,
            _ => true,
        },
    );
    // Memos: a redraw that keeps the title (most filter changes) leaves the heading, the
    // labels that name the chart and its ids untouched in the page.
    let title =
        Memo::new(move |_| spec.with(|s| s.as_ref().map(|s| s.title.clone()).unwrap_or_default()));
    let slug = Memo::new(move |_| spec.with(|s| s.as_ref().map(|s| s.slug).unwrap_or("")));

    // After a redraw caused by activating a mark, put the focus back on it.
    Effect::new(move |_| {
        shown.track();
        let Some(key) = refocus.get_untracked() else {
            return;
        };
        refocus.set(None);
        request_animation_frame(move || focus_key(overlay, shown, &key));
    });

    let activate = move |h: &Hit| {
        match &h.action {
            HitAction::Set(_) | HitAction::Clear(_) | HitAction::Toggle(..) => {
                let a = h.action.clone();
                ctx.set_filters(move |f| apply_hit(f, &a));
            }
            HitAction::Open(id) => {
                let id = id.clone();
                ctx.state.update(move |s| {
                    s.view = View::Actions;
                    s.action = Some(id);
                });
                return;
            }
            HitAction::Expand(id) => {
                if let Some(cb) = on_expand {
                    cb.run(id.clone());
                }
            }
            HitAction::None => return,
        }
        active.set(Some(h.key.clone()));
        refocus.set(Some(h.key.clone()));
    };

    // One tab stop per chart: the last activated mark, else the first.
    let tab_index = Memo::new(move |_| {
        let a = active.get();
        shown.with(|s| {
            s.as_ref()
                .and_then(|s| a.and_then(|k| s.hits.iter().position(|h| h.key == k)))
                .unwrap_or(0)
        })
    });

    // The targets are SVG markup from `charts::hits_markup` (every text escaped); events
    // are delegated from the overlay, which keeps the page's code small. Redrawn with the
    // marks; when only the tab stop moves, the second effect below moves it.
    // The drawing and its marks go into the page as changes to what is there (a redraw
    // mostly alters a few cells), `put` being what the page shows now: the chart drawn (its
    // markup and marks, shared with `shown`, not copied) and the tab stop. The marks change
    // attribute by attribute when there are as many as before (`charts::hits_changes`).
    let put = StoredValue::new_local((None::<Arc<ChartSpec>>, 0usize));
    Effect::new(move |_| {
        let (Some(host), Some(marks)) = (drawing.get(), overlay.get()) else {
            return;
        };
        let now = shown.get();
        let tab = tab_index.get_untracked();
        put.update_value(|(old, old_tab)| {
            let ((old_svg, old_hits), (svg, hits)) = (drawn(old), drawn(&now));
            patch_svg(&host, old_svg, svg);
            patch_marks(&marks, (old_hits, *old_tab), (hits, tab));
            *old = now.clone();
            *old_tab = tab;
        });
    });
    Effect::new(move |_| {
        let i = tab_index.get();
        let Some(svg) = overlay.get() else { return };
        let svg: web_sys::Element = svg.into();
        if let Ok(Some(old)) = svg.query_selector("rect[tabindex=\"0\"]") {
            let _ = old.set_attribute("tabindex", "-1");
        }
        if let Ok(Some(el)) = svg.query_selector(&format!("rect[data-i=\"{i}\"]")) {
            let _ = el.set_attribute("tabindex", "0");
            put.update_value(|(_, tab)| *tab = i);
        }
    });
    let hit_at =
        move |i: usize| shown.with_untracked(|s| s.as_ref().and_then(|s| s.hits.get(i).cloned()));
    let move_to = move |key: String| {
        active.set(Some(key.clone()));
        focus_key(overlay, shown, &key);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(i) = hit_index(&ev) else { return };
        let key = ev.key();
        let dir = match key.as_str() {
            "ArrowUp" => Some((-1, 0)),
            "ArrowDown" => Some((1, 0)),
            "ArrowLeft" => Some((0, -1)),
            "ArrowRight" => Some((0, 1)),
            _ => None,
        };
        let target = shown.with_untracked(|s| {
            let s = s.as_ref()?;
            let j = match (dir, key.as_str()) {
                (Some((dr, dc)), _) => neighbour(&s.hits, i, dr, dc),
                (None, "Home") => Some(0),
                (None, "End") => s.hits.len().checked_sub(1),
                _ => return None,
            };
            Some(j.map(|j| s.hits[j].key.clone()))
        });
        match target {
            Some(t) => {
                ev.prevent_default();
                if let Some(k) = t {
                    move_to(k);
                }
            }
            None => match key.as_str() {
                "Enter" | " " => {
                    ev.prevent_default();
                    if let Some(h) = hit_at(i) {
                        activate(&h);
                    }
                }
                "Escape" => tip.set(None),
                _ => {}
            },
        }
    };

    let tooltip = move || {
        let i = tip.get()?;
        shown.with(|s| {
            let s = s.as_ref()?;
            let h = s.hits.get(i)?;
            // Anchor the tooltip on the mark's near edge when it is close to a side, so it
            // stays inside the chart.
            let w = s.width as f64;
            let centre = h.x as f64 + h.w as f64 / 2.0;
            let (left, anchor) = if centre < 170.0 {
                (h.x as f64, "start")
            } else if w - centre < 170.0 {
                ((h.x + h.w) as f64, "end")
            } else {
                (centre, "middle")
            };
            let left = left / w;
            let left = left * 100.0;
            let top = h.y as f64 / s.height as f64 * 100.0;
            let below = top < 12.0;
            let top = if below {
                (h.y + h.h) as f64 / s.height as f64 * 100.0
            } else {
                top
            };
            let label = h.label.clone();
            Some(view! {
                <div class="chart-tooltip" class:below=below data-anchor=anchor role="tooltip"
                    style:left=format!("{left:.2}%") style:top=format!("{top:.2}%")>
                    {label}
                </div>
            })
        })
    };

    let download = move |fmt: &'static str| {
        let Some(mut s) = spec.get_untracked() else {
            return;
        };
        if s.svg.is_empty() || fmt == "csv" {
            // Far from the screen when it was last redrawn, or a table not read since: draw
            // it now, whole, for the file.
            s = Arc::new(render.run((s.width.max(1), true, true)));
        }
        let l = ctx.d();
        let lang = lang.get_untracked();
        let filters = ctx.state.with_untracked(|st| st.filters.clone());
        let link = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let source = source_line(&l.dataset, lang, &link);
        let name = s.file_name(&l.dataset, &filters, fmt);
        png_error.set(false);
        match fmt {
            "svg" => save_svg(&s.standalone_svg(&source), &name),
            "csv" => save_csv(&s.csv(&source), &name),
            _ => {
                let svg = s.standalone_svg(&source);
                let (w, h) = svg_size(&svg).unwrap_or((s.width, s.height));
                save_png(&svg, w, h, &name, move || png_error.set(true));
            }
        }
    };

    let table_id = move || format!("chart-table-{}", slug.get());
    let heading = move || {
        let t = title.get();
        if level >= 3 {
            view! { <h3 class="chart-title">{t}</h3> }.into_any()
        } else {
            view! { <h2 class="chart-title">{t}</h2> }.into_any()
        }
    };
    let stage_width = move || {
        shown.with(|s| {
            s.as_ref()
                .filter(|s| s.width > width.get() + WIDTH_STEP)
                .map(|s| format!("{}px", s.width))
        })
    };

    view! {
        <figure class="chart" node_ref=figure data-chart=slug id=move || format!("chart-{}", slug.get())>
            <figcaption>
                {heading}
                <p class="chart-summary">
                    {move || spec.with(|s| s.as_ref().map(|s| s.summary.clone()))}
                </p>
            </figcaption>
            <div class="chart-frame" node_ref=frame
                hidden=move || show_table.get() || spec.with(|s| s.as_ref().is_some_and(|s| s.table.rows.is_empty()))>
                <div class="chart-stage" style:width=stage_width
                    data-width=move || shown.with(|s| s.as_ref().map(|s| s.width))
                    data-height=move || shown.with(|s| s.as_ref().map(|s| s.height))>
                    <div class="chart-svg" aria-hidden="true" node_ref=drawing></div>
                    <svg class="chart-hits" node_ref=overlay
                        viewBox=move || shown.with(|s| s.as_ref().map(|s| format!("0 0 {} {}", s.width, s.height)))
                        role="group"
                        aria-label=title
                        on:click=move |ev| {
                            if let Some(h) = hit_index(&ev).and_then(hit_at) {
                                activate(&h);
                            }
                        }
                        on:keydown=on_key
                        on:focusin=move |ev| tip.set(hit_index(&ev))
                        on:focusout=move |_| tip.set(None)
                        on:mouseover=move |ev| {
                            if let Some(i) = hit_index(&ev) {
                                tip.set(Some(i));
                            }
                        }
                        on:mouseout=move |_| tip.set(None)>
                    </svg>
                    {tooltip}
                </div>
            </div>
            {move || spec.with(|s| s.as_ref().and_then(|s| s.note.clone())).map(|n| view! {
                <p class="chart-note">{n}</p>
            })}
            <div class="chart-tools">
                <p class="chart-hint">{text(lang, |t| t.charts.keys_hint)}</p>
                <button type="button" class="chart-table-toggle"
                    aria-pressed=move || if show_table.get() { "true" } else { "false" }
                    aria-controls=table_id
                    on:click=move |_| show_table.update(|v| *v = !*v)>
                    {text(lang, |t| t.charts.show_table)}
                </button>
                <span class="chart-downloads" role="group"
                    aria-label={text(lang, |t| t.charts.download)}>
                    <span class="chart-downloads-label" aria-hidden="true">
                        {text(lang, |t| t.charts.download)}
                    </span>
                    {[("svg", "SVG"), ("png", "PNG"), ("csv", "CSV")].into_iter().map(|(fmt, name)| view! {
                        <button type="button" class="chart-download" data-format=fmt
                            aria-label=move || i18n::fill(i18n::texts(lang.get()).charts.download_as, &[
                                ("title", title.get()),
                                ("format", name.to_string()),
                            ])
                            on:click=move |_| download(fmt)>
                            {name}
                        </button>
                    }).collect_view()}
                </span>
            </div>
            {move || png_error.get().then(|| view! {
                <p class="chart-error" role="alert">{i18n::texts(lang.get()).charts.png_error}</p>
            })}
            <div class="chart-table" id=table_id hidden=move || !show_table.get()
                role="region" tabindex="0" aria-label=title
                inner_html=move || {
                    if !show_table.get() && !printing.get() {
                        return String::new();
                    }
                    let lang = lang.get();
                    spec.with(|s| s.as_ref().map(|s| table_html(&s.table, lang)).unwrap_or_default())
                }>
            </div>
        </figure>
    }
}

/// A chart's markup and marks; none for no chart.
fn drawn(s: &Option<Arc<ChartSpec>>) -> (&str, &[Hit]) {
    s.as_ref()
        .map_or(("", &[][..]), |s| (s.svg.as_str(), &s.hits[..]))
}

/// Turns the targets in `overlay` (showing `old` marks with tab stop `old_tab`) into those of
/// `new`: attribute by attribute when there are as many marks, else written whole.
fn patch_marks(overlay: &web_sys::Element, old: (&[Hit], usize), new: (&[Hit], usize)) {
    let kids = overlay.children();
    let changes = (kids.length() as usize == old.0.len())
        .then(|| hits_changes(old.0, old.1, new.0, new.1))
        .flatten();
    let Some(changes) = changes else {
        overlay.set_inner_html(&hits_markup(new.0, new.1));
        return;
    };
    for (i, list) in changes {
        let Some(el) = kids.item(i as u32) else {
            overlay.set_inner_html(&hits_markup(new.0, new.1));
            return;
        };
        for (name, v) in list {
            let _ = match v {
                Some(v) => el.set_attribute(name, &v),
                None => el.remove_attribute(name),
            };
        }
    }
}

/// The index of the mark an event happened on (`data-i` of its target).
fn hit_index(ev: &web_sys::Event) -> Option<usize> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .get_attribute("data-i")?
        .parse()
        .ok()
}

fn focus_key(overlay: NodeRef<leptos::svg::Svg>, shown: Memo<Option<Arc<ChartSpec>>>, key: &str) {
    let Some(i) = shown.with_untracked(|s| {
        s.as_ref()
            .and_then(|s| s.hits.iter().position(|h| h.key == key))
    }) else {
        return;
    };
    let Some(svg) = overlay.get_untracked() else {
        return;
    };
    let svg: web_sys::Element = svg.into();
    if let Ok(Some(el)) = svg.query_selector(&format!("rect[data-i=\"{i}\"]")) {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// An IntersectionObserver and its callback (kept alive with it).
type Watcher = (
    web_sys::IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array)>,
);

/// Keeps `near` true while `el` is on screen or within `NEAR_SCREEN` of it.
fn watch_near(
    el: &web_sys::Element,
    near: RwSignal<bool>,
    watcher: StoredValue<Option<Watcher>, LocalStorage>,
) {
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The last report is the current one.
        let last = entries.length().checked_sub(1).map(|i| entries.get(i));
        if let Some(Ok(e)) = last.map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>()) {
            let _ = near.try_set(e.is_intersecting());
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(NEAR_SCREEN);
    if let Ok(io) =
        web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init)
    {
        io.observe(el);
        watcher.set_value(Some((io, cb)));
    }
}
