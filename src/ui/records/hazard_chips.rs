//! The dataset's shocks or stresses as chips: each with its name, "uncertain" when the
//! dataset says so, and how many actions answer it. The overview's chips open the filtered
//! list; the presentation's chips choose one hazard (pressed while chosen).

use crate::i18n;
use crate::model::{Facet, HazardKind};
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;

/// The filter facet of a hazard kind.
pub fn hazard_facet(kind: HazardKind) -> Facet {
    match kind {
        HazardKind::Shock => Facet::Shock,
        HazardKind::Stress => Facet::Stress,
    }
}

/// The chips of one kind. `class` is each button's class; `chosen`, when given, is the
/// hazard shown as pressed; `pick` gets the facet and id of the chip clicked.
#[component]
pub fn HazardChips(
    kind: HazardKind,
    class: &'static str,
    #[prop(optional)] chosen: Option<Memo<Option<String>>>,
    pick: Callback<(Facet, String)>,
) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let l = ctx.d();
    let d = &l.dataset;
    let facet = hazard_facet(kind);
    d.hazards
        .iter()
        .filter(|h| h.kind == kind)
        .map(|h| {
            let id = h.id.clone();
            let name = h.name.clone();
            let n = d.actions.iter().filter(|a| a.hazards.contains(&h.id)).count();
            let uncertain = h.provenance.uncertain;
            let pressed = chosen.map(|c| {
                let id = id.clone();
                move || {
                    if c.get().as_deref() == Some(id.as_str()) {
                        "true"
                    } else {
                        "false"
                    }
                }
            });
            let click_id = id.clone();
            view! {
                <li>
                    <button type="button" class=class class:uncertain=uncertain data-hazard=id
                        aria-pressed=pressed
                        on:click=move |_| pick.run((facet, click_id.clone()))>
                        {move || name.get(lang.get()).to_string()}
                        {uncertain.then(|| view! {
                            <span class="chip-note">"(" {move || i18n::texts(lang.get()).prov.uncertain.to_lowercase()} ")"</span>
                        })}
                        <span class="count">{n}</span>
                    </button>
                </li>
            }
        })
        .collect_view()
}
