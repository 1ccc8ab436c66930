//! The provenance badge: confirmed / derived / illustrative (and uncertain), with its note
//! in words, never colour alone.

use crate::i18n;
use crate::model::{Provenance, ProvenanceKind};
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;

/// The i18n key of a provenance kind's short label.
pub fn kind_key(kind: ProvenanceKind) -> &'static str {
    match kind {
        ProvenanceKind::Confirmed => "prov.confirmed",
        ProvenanceKind::Derived => "prov.derived",
        ProvenanceKind::Illustrative => "prov.illustrative",
    }
}

/// The i18n key of a provenance kind's explanation.
pub fn kind_long_key(kind: ProvenanceKind) -> &'static str {
    match kind {
        ProvenanceKind::Confirmed => "prov.confirmed_long",
        ProvenanceKind::Derived => "prov.derived_long",
        ProvenanceKind::Illustrative => "prov.illustrative_long",
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
                <span class="badge prov-uncertain">{move || i18n::t(lang.get(), "prov.uncertain")}</span>
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
