//! The map's printed labels, each shown only where it fits on screen at the current zoom; a
//! halo in the area's own fill keeps them legible. At region level: names and counts. At
//! kecamatan and kelurahan level: the non-zero counts and the selected area's name; zoomed
//! in, also the names of the areas large enough for them (the whole city shows the region
//! names instead: `region_markup`). And the regions over a finer level.

use crate::geo::choropleth::ZERO_FILL;
use crate::geo::layer::LayerSource;
use crate::i18n::format_int;
use crate::model::escape::escape;
use crate::model::{AreaLevel, Lang};
use crate::ui::ctx::use_ctx;
use crate::ui::map::canvas::{num, Canvas};
use crate::ui::map::model::MapModel;
use leptos::prelude::*;

/// Names and counts, where they fit on screen.
#[component]
pub fn MapLabels(canvas: Canvas) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let model = canvas.model;
    let (screen, font, selected, is_full) =
        (canvas.screen, canvas.font, canvas.selected, canvas.is_full);
    let px = canvas.label_px;
    move || {
        let l = lang.get();
        let layer = model.layer.get().0;
        let level = layer.level;
        layer
            .areas
            .iter()
            .filter_map(|a| {
                let bounds = a.bounds?;
                let [ax, ay] = a.anchor;
                let idc = a.id.clone();
                let ids = a.id.clone();
                let name = model
                    .info(&a.id)
                    .map(|i| i.name(l).to_string())
                    .unwrap_or_default();
                let name_chars = name.chars().count() as f64;
                let n = Memo::new(move |_| ctx.area_counts.with(|c| c.get(&idc)));
                // (show the name, show the count)
                let fits = Memo::new(move |_| {
                    let s = screen.get().scale;
                    let (bw, bh) = (bounds.width * s, bounds.height * s);
                    let n = n.get();
                    let digits = n.to_string().len() as f64;
                    let count_w = digits * 0.62 * px + 4.0;
                    let name_ok = bw >= name_chars * 0.56 * px + 6.0 && bh >= 2.8 * px;
                    if level == AreaLevel::Region {
                        (name_ok, bw >= count_w && bh >= 1.4 * px)
                    } else {
                        let sel = selected.with(|s| s.as_deref() == Some(ids.as_str()));
                        // The whole city shows the region names instead.
                        let name_ok = name_ok && !is_full.get();
                        (
                            name_ok || sel,
                            n > 0 && bw >= count_w.max(20.0) && bh >= 18.0,
                        )
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
                        dy=move || if fits.get().1 { "-0.62em" } else { "0" }
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
                        {move || format_int(n.get(), l)}
                    </text>
                })
            })
            .collect_view()
    }
}

/// The regions over a finer level of the schematic map, as markup: their outline (the region
/// layer's borders: regions are unions of the finer cells) and their names at their anchors
/// (not in the inset, whose caption names its region). Empty at region level and over
/// official boundaries. Sized by the group's font size (map.css).
pub fn region_markup(model: MapModel, lang: Lang) -> String {
    let layer = model.layer.get().0;
    if layer.level == AreaLevel::Region || layer.source != LayerSource::Schematic {
        return String::new();
    }
    let regions = model.geometry.with_value(|g| g.layer(AreaLevel::Region));
    let mut h = format!(
        r#"<path class="region-borders" d="{}"/>"#,
        escape(regions.borders.as_deref().unwrap_or_default())
    );
    for a in regions.areas.iter().filter(|a| !a.in_inset) {
        let name = model
            .info(&a.id)
            .map(|i| i.name(lang).to_string())
            .unwrap_or_default();
        h += &format!(
            r#"<text class="region-label" x="{}" y="{}">{}</text>"#,
            num(a.anchor[0]),
            num(a.anchor[1]),
            escape(&name)
        );
    }
    h
}
