//! The error screen for a dataset that cannot be shown: what went wrong, every validation
//! problem with its path, and a way back to the bundled data.

use crate::i18n;
use crate::model::Lang;
use crate::ui::ctx::loading::LoadError;
use crate::ui::ctx::text;
use crate::ui::records::problem_list::ProblemList;
use leptos::prelude::*;

/// Lists the problems of a dataset that cannot be shown.
#[component]
pub fn ErrorScreen(error: LoadError, lang: Memo<Lang>) -> impl IntoView {
    let (headline, problems) = match &error {
        LoadError::Fetch { url, reason } => (Some((url.clone(), reason.clone())), Vec::new()),
        LoadError::Invalid { problems, .. } => (None, problems.clone()),
    };
    let url = match &error {
        LoadError::Fetch { url, .. } | LoadError::Invalid { url, .. } => url.clone(),
    };
    let total = problems.len();
    view! {
        <main id="main" class="error-screen" tabindex="-1">
            <h1>{text(lang, |t| t.error.title)}</h1>
            <p class="error-source"><code>{url.clone()}</code></p>
            {headline.map(|(u, r)| view! {
                <p class="error-reason">{move || i18n::fill(i18n::texts(lang.get()).error.fetch, &[("url", u.clone()), ("reason", r.clone())])}</p>
            })}
            {(total > 0).then(|| view! {
                <p>{text(lang, |t| t.error.intro)}</p>
                <ProblemList problems=problems lang=lang />
            })}
            <p><a class="button back-to-bundled" href=move || format!("./?lang={}", lang.get().code())>{text(lang, |t| t.error.back)}</a></p>
        </main>
    }
}
