//! Sources and method: every source with a safe link, folded behind their count (so what
//! follows, "open your data" included, is near; a link to one source, `#source-<id>`, opens
//! the list at it), the method, the provenance legend, the data licence and the dataset's date.

use crate::i18n;
use crate::model::date::format_date;
use crate::model::ProvenanceKind;
use crate::ui::ctx::{text, use_ctx};
use crate::ui::records::aligned_notice::AlignedNotice;
use crate::ui::records::provenance::{kind_key, kind_long_key};
use crate::ui::records::source_link::SourceLink;
use leptos::prelude::*;

/// The sources and method view; `closing` (the presentation's last slide) stands where "open
/// your data" is.
#[component]
pub fn SourcesView(#[prop(optional, into)] closing: Option<AnyView>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let l = ctx.d();
    let d = &l.dataset;
    let cited = |id: &str| {
        let mut n = d
            .actions
            .iter()
            .filter(|a| a.sources.iter().any(|s| s == id))
            .count();
        n += d
            .timeline
            .iter()
            .filter(|a| a.sources.iter().any(|s| s == id))
            .count();
        n += d
            .hazards
            .iter()
            .filter(|a| a.sources.iter().any(|s| s == id))
            .count();
        n += d
            .pillars
            .iter()
            .filter(|a| a.sources.iter().any(|s| s == id))
            .count();
        n += d
            .areas
            .iter()
            .filter(|a| a.sources.iter().any(|s| s == id))
            .count();
        n
    };
    let sources: Vec<_> = d
        .sources
        .iter()
        .map(|s| (s.clone(), cited(&s.id)))
        .collect();
    let total = sources.len();
    let fold = NodeRef::<leptos::html::Details>::new();
    // A link to one source opens the list at it, and a link to a place in the view (open
    // your data) goes there: on arrival (the page is drawn after the browser looked for the
    // fragment) and when the fragment changes.
    let open_at_hash = move || {
        let Some(w) = web_sys::window() else { return };
        let hash = w.location().hash().unwrap_or_default();
        let Some(id) = hash.strip_prefix('#').filter(|h| !h.is_empty()) else {
            return;
        };
        let Some(el) = w.document().and_then(|doc| doc.get_element_by_id(id)) else {
            return;
        };
        if let Some(list) = fold.get_untracked().filter(|_| id.starts_with("source-")) {
            let _ = list.set_attribute("open", "");
        }
        el.scroll_into_view();
    };
    Effect::new(move |_| {
        if fold.get().is_some() {
            request_animation_frame(open_at_hash);
        }
    });
    let hash = window_event_listener_untyped("hashchange", move |_| open_at_hash());
    on_cleanup(move || hash.remove());
    let meta = d.meta.clone();
    let note = meta.note.clone();
    // The sources come first (their count on a phone's first screen), then the method, the
    // provenance legend and the dataset's facts.
    view! {
        <h1 class="view-title">{text(lang, |t| t.view.sources)}</h1>
        <AlignedNotice />
        <section aria-labelledby="sources-title">
            <h2 id="sources-title">{text(lang, |t| t.sources.title)}</h2>
            <details class="source-fold" node_ref=fold>
            <summary>{move || i18n::plural(lang.get(), i18n::texts(lang.get()).sources.count, total)}</summary>
            <ol class="source-list">
                {sources.into_iter().map(|(s, n)| view! {
                    <li id=format!("source-{}", s.id.clone())>
                        <SourceLink source=s.clone() />
                        " "
                        <span class="muted">{move || i18n::plural(lang.get(), i18n::texts(lang.get()).sources.cited_by, n)}</span>
                    </li>
                }).collect_view()}
            </ol>
            </details>
        </section>
        <section aria-labelledby="method-title">
            <h2 id="method-title">{text(lang, |t| t.sources.method)}</h2>
            {note.map(|n| view! { <p>{move || n.get(lang.get()).to_string()}</p> })}
            <h3>{text(lang, |t| t.prov.legend)}</h3>
            <dl class="legend">
                {ProvenanceKind::ALL.into_iter().map(|k| view! {
                    <dt><span class=format!("badge prov-{}", k.code())>{move || i18n::t(lang.get(), kind_key(k))}</span></dt>
                    <dd>{move || i18n::t(lang.get(), kind_long_key(k))}</dd>
                }).collect_view()}
                <dt><span class="badge prov-uncertain">{text(lang, |t| t.prov.uncertain)}</span></dt>
                <dd>"—"</dd>
            </dl>
            <dl class="facts">
                <dt>{text(lang, |t| t.sources.licence)}</dt>
                <dd>{meta.licence.clone()}</dd>
                <dt>{text(lang, |t| t.sources.dataset_date)}</dt>
                <dd>{let dd = meta.dataset_date.clone(); move || dd.as_deref().map(|x| format_date(x, lang.get())).unwrap_or_else(|| "—".into())}</dd>
                <dt>{text(lang, |t| t.sources.editors)}</dt>
                <dd>{meta.editors.clone().unwrap_or_else(|| "—".into())}</dd>
            </dl>
        </section>
        {match closing {
            Some(c) => c,
            None => view! {
                <div id=super::open_data_link::ANCHOR tabindex="-1">
                    <crate::ui::open_data::slot::OpenDataSlot />
                </div>
            }.into_any(),
        }}
    }
}
