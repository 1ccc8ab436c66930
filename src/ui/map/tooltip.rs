//! The map's tooltip: the name, parent and count of the area under the pointer or with the
//! keyboard focus, placed beside it and kept inside the frame (hidden from screen readers,
//! which read the area's own name and count).

use crate::ui::ctx::use_ctx;
use crate::ui::map::canvas::Canvas;
use crate::ui::map::model::{count_text, display_name};
use leptos::prelude::*;

/// The tooltip of `canvas.tip_id`, if any.
#[component]
pub fn MapTooltip(canvas: Canvas) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let model = canvas.model;
    let (tip_pos, size) = (canvas.tip_pos, canvas.size);
    move || {
        let id = canvas.tip_id.get()?;
        let l = lang.get();
        let info = model.info(&id)?;
        let n = ctx.area_counts.with(|c| c.get(&id));
        let name = display_name(l, &info);
        let parent = info.parent(l).map(str::to_string);
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
                <span class="tip-count">{count_text(l, n, model.aligned)}</span>
            </div>
        })
    }
}
