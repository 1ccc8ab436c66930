//! The rankings of shocks and stresses side by side (for Jakarta: the strategy summary's
//! "main threats" and the preliminary assessment's top three), each with its own source,
//! because the sources disagree and the explorer shows both.

use crate::i18n;
use crate::model::{Dataset, Ranking, Text};
use crate::ui::ctx::{text, use_ctx};
use crate::ui::records::provenance::ProvenanceBadge;
use crate::ui::records::source_link::SourceLink;
use leptos::prelude::*;

/// The hazard names of a ranking's list, in its order (an unknown id is shown as it is).
fn names(d: &Dataset, ids: &[String]) -> Vec<Text> {
    ids.iter()
        .map(|id| {
            d.hazards
                .iter()
                .find(|h| &h.id == id)
                .map(|h| h.name.clone())
                .unwrap_or_else(|| Text::new(id, id))
        })
        .collect()
}

/// One ranking: its title, its ordered shocks and stresses, and its source.
#[component]
fn RankingCard(ranking: Ranking) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let l = ctx.d();
    let d = &l.dataset;
    let title = ranking.title.clone();
    let description = ranking.description.clone();
    let lists = [
        (
            (|t| t.overview.shocks) as i18n::Key,
            names(d, &ranking.shocks),
        ),
        (
            (|t| t.overview.stresses) as i18n::Key,
            names(d, &ranking.stresses),
        ),
    ];
    let sources: Vec<_> = ranking
        .sources
        .iter()
        .filter_map(|s| d.sources.iter().find(|x| &x.id == s).cloned())
        .collect();
    view! {
        <article class="ranking" data-ranking=ranking.id.clone()>
            <h4>{move || title.get(lang.get()).to_string()}</h4>
            {lists.into_iter().filter(|(_, items)| !items.is_empty()).map(|(key, items)| view! {
                <p class="ranking-kind">{move || i18n::t(lang.get(), key)}</p>
                <ol class="ranking-list">
                    {items.into_iter().map(|n| view! { <li>{move || n.get(lang.get()).to_string()}</li> }).collect_view()}
                </ol>
            }).collect_view()}
            {description.map(|t| view! { <p class="muted">{move || t.get(lang.get()).to_string()}</p> })}
            <p class="ranking-source">
                <span>{text(lang, |t| t.overview.ranking_source)} " "</span>
                {sources.into_iter().map(|s| view! { <SourceLink source=s /> }).collect_view()}
            </p>
            <ProvenanceBadge provenance=ranking.provenance.clone() />
        </article>
    }
}

/// Every ranking of the dataset, side by side; nothing when it has none.
#[component]
pub fn Rankings() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let rankings = ctx.d().dataset.rankings.clone();
    (!rankings.is_empty()).then(|| {
        let several = rankings.len() > 1;
        view! {
            <h3 id="rankings-title">{text(lang, |t| t.overview.rankings)}</h3>
            {several.then(|| view! { <p>{text(lang, |t| t.overview.rankings_differ)}</p> })}
            <div class="rankings">
                {rankings.into_iter().map(|r| view! { <RankingCard ranking=r /> }).collect_view()}
            </div>
        }
    })
}
