//! A source as it is cited under a record: its title, linked only when the URL is safe, with
//! publisher and date.

use crate::model::date::format_date;
use crate::model::validate::check_link;
use crate::model::Source;
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;

/// A source's title, linked only when its URL is http, https or mailto.
#[component]
pub fn SourceLink(source: Source) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let date = source.date.clone();
    let meta = move || {
        let mut parts = Vec::new();
        if !source.publisher.is_empty() {
            parts.push(source.publisher.clone());
        }
        if let Some(d) = &date {
            parts.push(format_date(d, lang.get()));
        }
        parts.join(", ")
    };
    let title = source.title.clone();
    let link = source.url.clone().filter(|u| check_link(u).is_ok());
    view! {
        <span class="source">
            {match link {
                Some(u) => view! { <a href=u rel="noopener noreferrer external" target="_blank">{title}</a> }.into_any(),
                None => view! { <span>{title}</span> }.into_any(),
            }}
            <span class="muted">" — " {meta}</span>
        </span>
    }
}
