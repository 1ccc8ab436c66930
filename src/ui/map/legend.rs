//! The map's legend: the count classes of the current scale with their colour swatches,
//! zero as a hatched swatch (never colour alone), and the selected-area outline.

use crate::geo::choropleth::{ZERO_FILL, ZERO_HATCH};
use crate::i18n;
use crate::ui::ctx::{text, use_ctx};
use crate::ui::map::model::{level_noun, what, MapModel};
use leptos::prelude::*;

/// The legend.
#[component]
pub fn MapLegend(model: MapModel) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let aligned = model.aligned;
    let title = move || {
        let l = lang.get();
        let args = [
            ("what", what(l, aligned).to_string()),
            ("level", level_noun(l, model.level.get()).to_string()),
        ];
        i18n::fill(i18n::texts(lang.get()).map.legend, &args)
    };
    let classes = move || {
        model
            .scale
            .get()
            .classes
            .into_iter()
            .map(|c| {
                view! {
                    <li data-class=c.label()>
                        <svg class="swatch" viewBox="0 0 28 18" aria-hidden="true">
                            <rect x="0.5" y="0.5" width="27" height="17" rx="3" fill=c.fill() />
                        </svg>
                        <span>{c.label()}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="map-legend">
            <h2 class="legend-title">{title}</h2>
            <ul class="legend-items">
                <li data-class="0">
                    <svg class="swatch" viewBox="0 0 28 18" aria-hidden="true">
                        <defs>
                            <pattern id="legend-zero" patternUnits="userSpaceOnUse" width="5" height="5"
                                patternTransform="rotate(45)">
                                <rect width="5" height="5" fill=ZERO_FILL />
                                <line x1="0" y1="0" x2="0" y2="5" stroke=ZERO_HATCH stroke-width="1.3" />
                            </pattern>
                        </defs>
                        <rect x="0.5" y="0.5" width="27" height="17" rx="3" fill="url(#legend-zero)" />
                    </svg>
                    <span>{text(lang, |t| t.map.legend_zero)}</span>
                </li>
                {classes}
                <li class="legend-selected">
                    <svg class="swatch" viewBox="0 0 28 18" aria-hidden="true">
                        <rect class="sel-halo" x="2" y="2" width="24" height="14" rx="3" fill="none" />
                        <rect class="sel-line" x="2" y="2" width="24" height="14" rx="3" fill="none" />
                    </svg>
                    <span>{text(lang, |t| t.map.legend_selected)}</span>
                </li>
            </ul>
        </div>
    }
}
