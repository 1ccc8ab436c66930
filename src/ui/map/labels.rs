//! The map's printed labels: region names and counts at the areas' anchors, each shown only
//! where it fits on screen at the current zoom (kecamatan and kelurahan show counts only,
//! and only non-zero ones); a halo in the area's own fill keeps them legible.

use crate::geo::choropleth::ZERO_FILL;
use crate::i18n::format_int;
use crate::model::AreaLevel;
use crate::ui::ctx::use_ctx;
use crate::ui::map::canvas::{num, Canvas, LABEL_PX};
use leptos::prelude::*;

/// Names (region level) and counts, where they fit on screen.
#[component]
pub fn MapLabels(canvas: Canvas) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let model = canvas.model;
    let (screen, font) = (canvas.screen, canvas.font);
    move || {
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
                let fill = move || model.scale.with(|s| s.label_colour(n.get())).to_string();
                let halo = move || match n.get() {
                    0 => ZERO_FILL.to_string(),
                    n => model.scale.with(|s| s.fill(n)).to_string(),
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
    }
}
