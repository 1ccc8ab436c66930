//! The banner shown while a dataset opened in the browser replaces the bundled one: its name,
//! its warnings (folded), and the way back to the bundled data. Part of the app (first wasm).

use super::slot::focus_main;
use crate::i18n;
use crate::ui::ctx::loading::LocalData;
use crate::ui::ctx::{text, use_ctx};
use crate::ui::records::problem_list::ProblemList;
use leptos::prelude::*;

/// The banner shown while a dataset opened in the browser replaces the bundled one.
#[component]
pub fn LocalDataBanner() -> impl IntoView {
    let lang = use_ctx().lang;
    let local = use_context::<LocalData>();
    let kept = use_context::<super::kept::Kept>();
    let back = move || {
        if let Some(l) = local {
            l.0.set(None);
            focus_main();
        }
        if let Some(k) = kept {
            k.shown.set(None);
        }
    };
    let shown = move || {
        local.and_then(|l| match l.0.get() {
            Some(Ok(loaded)) => Some((loaded.url.clone(), loaded.warnings.clone())),
            _ => None,
        })
    };
    move || {
        shown().map(|(n, warnings)| {
            // A file that loads may still have warnings (a missing translation…): they are
            // listed here, folded behind their count.
            let count = warnings.len();
            let warnings = (count > 0).then(|| view! {
                <details class="local-warnings">
                    <summary>{move || i18n::plural(lang.get(), i18n::texts(lang.get()).open.n_warnings, count)}</summary>
                    <ProblemList problems=warnings lang=lang />
                </details>
            });
            view! {
                <aside class="banner local-data" role="note">
                    <p>{move || i18n::fill(i18n::texts(lang.get()).open.banner, &[("name", n.clone())])}</p>
                    {move || (kept.and_then(|k| k.shown.get()) == Some(false)).then(|| view! {
                        <p class="not-kept" role="alert">{text(lang, |t| t.open.not_kept)}</p>
                    })}
                    <button type="button" class="back-to-bundled" on:click=move |_| back()>
                        {text(lang, |t| t.open.back)}
                    </button>
                    <button type="button" class="forget-kept" on:click=move |_| {
                        super::kept::forget();
                        back();
                    }>
                        {text(lang, |t| t.open.forget)}
                    </button>
                    {warnings}
                </aside>
            }
        })
    }
}
