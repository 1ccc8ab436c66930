//! The timeline view: the strategy's process from the first workshop to the launch and
//! after, with who took part, each event with its sources and provenance.

use crate::i18n;
use crate::model::date::{format_date, PartialDate};
use crate::ui::ctx::{text, use_ctx};
use crate::ui::records::provenance::ProvenanceBadge;
use crate::ui::records::source_link::SourceLink;
use leptos::prelude::*;

/// The timeline view.
#[component]
pub fn TimelineView() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let l = ctx.d();
    let d = &l.dataset;
    let mut events = d.timeline.clone();
    events.sort_by_key(|e| PartialDate::parse(&e.date).ok());
    let items = events
        .into_iter()
        .map(|e| {
            let date = e.date.clone();
            let datetime = date.clone();
            let title = e.title.clone();
            let description = e.description.clone();
            let participants = e.participants.clone();
            let count = e.participant_count;
            let place = e.place.clone();
            let sources: Vec<_> = e
                .sources
                .iter()
                .filter_map(|s| d.sources.iter().find(|x| &x.id == s).cloned())
                .collect();
            view! {
                <li class="event" data-event=e.id.clone()>
                    <time datetime=datetime>{move || format_date(&date, lang.get())}</time>
                    <div class="event-body">
                        <h2>{move || title.get(lang.get()).to_string()}</h2>
                        {description.map(|t| view! { <p>{move || t.get(lang.get()).to_string()}</p> })}
                        {(participants.is_some() || count.is_some()).then(|| view! {
                            <p class="who">
                                <strong>{text(lang, |t| t.timeline.participants)} ": "</strong>
                                {count.map(|n| view! { <span>{move || i18n::plural(lang.get(), i18n::texts(lang.get()).timeline.participant_count, n as usize)} ". "</span> })}
                                {participants.map(|t| view! { <span>{move || t.get(lang.get()).to_string()}</span> })}
                            </p>
                        })}
                        {place.map(|p| view! {
                            <p class="place"><strong>{text(lang, |t| t.timeline.place)} ": "</strong>{p}</p>
                        })}
                        <ProvenanceBadge provenance=e.provenance.clone() />
                        <ul class="source-list compact">
                            {sources.into_iter().map(|s| view! { <li><SourceLink source=s /></li> }).collect_view()}
                        </ul>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="timeline-title">
            <h1 id="timeline-title">{text(lang, |t| t.timeline.title)}</h1>
            <crate::ui::records::aligned_notice::AlignedNotice />
            <ol class="timeline">{items}</ol>
        </section>
    }
}
