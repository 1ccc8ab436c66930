//! The provenance badge: confirmed / derived / illustrative (and uncertain), with its note
//! in words, never colour alone.

use crate::i18n;
use crate::model::{Provenance, ProvenanceKind};
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;

/// The i18n key of a provenance kind's short label (declared with the provenance facet).
pub use crate::model::facet::provenance_key as kind_key;

/// The i18n key of a provenance kind's explanation.
pub fn kind_long_key(kind: ProvenanceKind) -> i18n::Key {
    match kind {
        ProvenanceKind::Confirmed => |t| t.prov.confirmed_long,
        ProvenanceKind::Derived => |t| t.prov.derived_long,
        ProvenanceKind::Illustrative => |t| t.prov.illustrative_long,
    }
}

/// A small label with the kind (and "uncertain"); with `detailed`, the note follows.
#[component]
pub fn ProvenanceBadge(provenance: Provenance, #[prop(optional)] detailed: bool) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let kind = provenance.kind;
    let uncertain = provenance.uncertain;
    let note = provenance.note.clone();
    view! {
        <span class="provenance">
            <span class=format!("badge prov-{}", kind.code()) title=move || i18n::t(lang.get(), kind_long_key(kind))>
                {move || i18n::t(lang.get(), kind_key(kind))}
            </span>
            {uncertain.then(|| view! {
                <span class="badge prov-uncertain">{move || i18n::t(lang.get(), |t| t.prov.uncertain)}</span>
            })}
        </span>
        {detailed.then(|| view! {
            <p class="provenance-note">
                {move || i18n::t(lang.get(), kind_long_key(kind))} " "
                {move || note.get(lang.get()).to_string()}
            </p>
        })}
    }
}
