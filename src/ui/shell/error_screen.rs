//! The error screen for a dataset that cannot be shown: what went wrong, every validation
//! problem with its path, and a way back to the bundled data.

use crate::i18n;
use crate::model::Lang;
use crate::ui::ctx::loading::LoadError;
use leptos::prelude::*;

/// How many problems to list before "and N more".
const SHOWN: usize = 200;

/// Lists the problems of a dataset that cannot be shown.
#[component]
pub fn ErrorScreen(error: LoadError, lang: Memo<Lang>) -> impl IntoView {
    let (headline, mut problems) = match &error {
        LoadError::Fetch { url, reason } => (Some((url.clone(), reason.clone())), Vec::new()),
        LoadError::Invalid { problems, .. } => (None, problems.clone()),
    };
    // Errors first (stable, so each group keeps the validator's order): the list is cut at
    // SHOWN, and warnings must never push an error out of sight.
    problems.sort_by_key(|p| p.severity);
    let url = match &error {
        LoadError::Fetch { url, .. } | LoadError::Invalid { url, .. } => url.clone(),
    };
    let total = problems.len();
    view! {
        <main id="main" class="error-screen" tabindex="-1">
            <h1>{move || i18n::texts(lang.get()).error.title}</h1>
            <p class="error-source"><code>{url.clone()}</code></p>
            {headline.map(|(u, r)| view! {
                <p class="error-reason">{move || i18n::fill(i18n::texts(lang.get()).error.fetch, &[("url", u.clone()), ("reason", r.clone())])}</p>
            })}
            {(total > 0).then(|| view! {
                <p>{move || i18n::texts(lang.get()).error.intro}</p>
                <ol class="problems">
                    {problems.iter().take(SHOWN).cloned().map(|p| {
                        let (err, path) = (p.is_error(), p.path.clone());
                        view! {
                        <li class=if err { "problem error" } else { "problem warning" }>
                            // Warnings do not stop the data: say so in words, not only in grey.
                            {(!err).then(|| view! {
                                <span class="severity">{move || i18n::texts(lang.get()).open.warning}</span>
                                " "
                            })}
                            <code class="path">{path}</code>
                            ": "
                            <span class="message">{move || p.message_in(lang.get()).to_string()}</span>
                        </li>
                        }
                    }).collect_view()}
                </ol>
                {(total > SHOWN).then(|| view! {
                    <p>{move || i18n::fill(i18n::texts(lang.get()).error.more, &[("n", (total - SHOWN).to_string())])}</p>
                })}
            })}
            <p><a class="button back-to-bundled" href=move || format!("./?lang={}", lang.get().code())>{move || i18n::texts(lang.get()).error.back}</a></p>
        </main>
    }
}
