//! The list of a dataset's problems, as the error screen and "open your data" show it:
//! errors first (each group in the validator's order), a warning labelled in words, every
//! problem with its path and its message in the interface language, and "and N more" past
//! the first `SHOWN`.

use crate::i18n;
use crate::model::{Lang, Problem};
use crate::ui::ctx::text;
use leptos::prelude::*;

/// How many problems to list before "and N more".
pub const SHOWN: usize = 200;

/// The problems, errors first.
#[component]
pub fn ProblemList(problems: Vec<Problem>, lang: Memo<Lang>) -> impl IntoView {
    let mut problems = problems;
    // Stable, so each group keeps the validator's order: the list is cut at SHOWN, and
    // warnings must never push an error out of sight.
    problems.sort_by_key(|p| p.severity);
    let total = problems.len();
    view! {
        <ol class="problems">
            {problems.into_iter().take(SHOWN).map(|p| {
                let (err, path) = (p.is_error(), p.path.clone());
                view! {
                    <li class=if err { "problem error" } else { "problem warning" }>
                        // Warnings do not stop the data: say so in words, not only in grey.
                        {(!err).then(|| view! {
                            <span class="severity">{text(lang, |t| t.open.warning)}</span>
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
            <p>{move || i18n::plural(lang.get(), i18n::texts(lang.get()).error.more, total - SHOWN)}</p>
        })}
    }
}
