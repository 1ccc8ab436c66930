//! What a source confirms about an initiative's link to the strategy (`Action::tie`): the
//! label in words, and the legend that explains each tie.

use crate::i18n;
use crate::model::Tie;
use crate::ui::ctx::{text, use_ctx};
use leptos::prelude::*;

pub use crate::model::facet::tie_key;

/// The i18n key of a tie's explanation.
pub fn tie_long_key(tie: Tie) -> i18n::Key {
    match tie {
        Tie::Strategy => |t| t.tie.strategy_long,
        Tie::Programme => |t| t.tie.programme_long,
        Tie::Partnership => |t| t.tie.partnership_long,
        Tie::Reported => |t| t.tie.reported_long,
        Tie::Theme => |t| t.tie.theme_long,
    }
}

/// The tie as a small label in words (its explanation as a tooltip).
#[component]
pub fn TieLabel(tie: Tie) -> impl IntoView {
    let lang = use_ctx().lang;
    view! {
        <span class=format!("tag tie tie-{}", tie.code()) title=move || i18n::t(lang.get(), tie_long_key(tie))>
            {move || i18n::t(lang.get(), tie_key(tie))}
        </span>
    }
}

/// The legend of the ties, shown with the list when the dataset records them.
#[component]
pub fn TieLegend() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let any = ctx.d().dataset.actions.iter().any(|a| a.tie.is_some());
    any.then(|| {
        view! {
            <details class="tie-legend">
                <summary>{text(lang, |t| t.tie.legend)}</summary>
                <p>{text(lang, |t| t.tie.legend_intro)}</p>
                <dl>
                    {Tie::ALL.into_iter().map(|t| view! {
                        <dt><TieLabel tie=t /></dt>
                        <dd>{move || i18n::t(lang.get(), tie_long_key(t))}</dd>
                    }).collect_view()}
                </dl>
            </details>
        }
    })
}
