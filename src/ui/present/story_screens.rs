//! The story's own screens in presentation mode (the views of the explorer are shown as
//! they are): the vision, the pillars (choosing one drills in), the shocks and stresses, and
//! the last slide's close with the explorer's link and QR code.

use crate::i18n::{self, format_int};
use crate::model::{Facet, HazardKind};
use crate::ui::ctx::{text, use_ctx};
use crate::ui::records::hazard_chips::HazardChips;
use leptos::prelude::*;

/// Step 1: the strategy's title and vision.
#[component]
pub fn VisionStep() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let meta = ctx.d().dataset.meta.clone();
    let title = meta.title.clone();
    let vision = meta.vision.clone();
    let aligned = ctx.aligned();
    view! {
        <section class="present-slide slide-vision" aria-labelledby="slide-title">
            <h1 id="slide-title" class="present-title">{move || title.get(lang.get()).to_string()}</h1>
            <p class="present-eyebrow">{text(lang, |t| t.overview.vision)}</p>
            <blockquote class="present-vision">
                {let v = vision.clone(); move || v.get(lang.get()).to_string()}
                {move || vision.is_translated(lang.get()).then(|| view! {
                    <span class="translated">" (" {i18n::texts(lang.get()).prov.editor_translation} ")"</span>
                })}
            </blockquote>
            {aligned.then(|| view! {
                <p class="present-note">{text(lang, |t| t.overview.aligned_notice)}</p>
            })}
        </section>
    }
}

/// Up to `MAX_LISTED` titles of the initiatives matching the filters, and how many more.
const MAX_LISTED: usize = 6;

#[component]
fn MatchingList() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    move || {
        let l = ctx.d();
        let m = ctx.matching.get();
        if m.is_empty() {
            return view! { <p class="present-note">{i18n::texts(lang.get()).present.none}</p> }
                .into_any();
        }
        let more = m.len().saturating_sub(MAX_LISTED);
        let items = m
            .iter()
            .take(MAX_LISTED)
            .map(|&i| {
                let a = &l.dataset.actions[i];
                let t = a.title.get(lang.get()).to_string();
                view! { <li data-action=a.id.clone()>{t}</li> }
            })
            .collect_view();
        view! {
            <ul class="present-list">{items}</ul>
            {(more > 0).then(|| view! {
                <p class="present-more">{i18n::fill(i18n::texts(lang.get()).present.more, &[("n", format_int(more, lang.get()))])}</p>
            })}
        }
        .into_any()
    }
}

/// Step 2: the pillars; choosing one shows its targets and initiatives (and filters the
/// later steps).
#[component]
pub fn PillarsStep() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let l = ctx.d();
    let d = &l.dataset;
    let aligned = ctx.aligned();
    let selected = Memo::new(move |_| {
        ctx.selected(crate::model::Facet::Pillar)
            .with(|p| match p.as_slice() {
                [one] => Some(one.clone()),
                _ => None,
            })
    });
    let cards = d
        .pillars
        .iter()
        .map(|p| {
            let id = p.id.clone();
            let name = p.name.clone();
            let n = d.actions.iter().filter(|a| a.pillars.contains(&p.id)).count();
            let pressed = {
                let id = id.clone();
                move || selected.get().as_deref() == Some(id.as_str())
            };
            let pressed2 = pressed.clone();
            let click_id = id.clone();
            view! {
                <li>
                    <button type="button" class="present-choice" data-pillar=id.clone()
                        aria-pressed=move || if pressed() { "true" } else { "false" }
                        on:click=move |_| {
                            let again = pressed2();
                            ctx.filter_only(Facet::Pillar, (!again).then_some(click_id.as_str()), None);
                        }>
                        <span class="choice-name">{move || name.get(lang.get()).to_string()}</span>
                        <span class="choice-count">{move || ctx.actions_in_pillar(n)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let detail = move || {
        let id = selected.get()?;
        let l = ctx.d();
        let p = l.dataset.pillars.iter().find(|p| p.id == id)?.clone();
        let definition = p.definition.clone();
        let targets = p.targets.clone();
        Some(view! {
            <div class="present-detail">
                <div>
                    <p class="present-lead">{move || definition.get(lang.get()).to_string()}</p>
                    {(!targets.is_empty()).then(|| view! {
                        <h2>{text(lang, |t| t.overview.targets)}</h2>
                        <ul class="present-list">
                            {targets.into_iter().map(|t| view! { <li>{move || t.text.get(lang.get()).to_string()}</li> }).collect_view()}
                        </ul>
                    })}
                </div>
                <div>
                    <h2>{move || i18n::t(lang.get(), if aligned { |t| t.view.actions } else { |t| t.view.actions_official })}</h2>
                    <MatchingList />
                    <button type="button" class="present-back" on:click=move |_| ctx.clear_filters()>
                        {text(lang, |t| t.present.all_pillars)}
                    </button>
                </div>
            </div>
        })
    };
    view! {
        <section class="present-slide" aria-labelledby="slide-title">
            <h1 id="slide-title">{text(lang, |t| t.overview.pillars)}</h1>
            <p class="present-hint">{text(lang, |t| t.present.pillar_hint)}</p>
            <ul class="present-choices pillars">{cards}</ul>
            {detail}
        </section>
    }
}

/// Step 3: shocks and stresses; choosing one lists the initiatives that answer it.
#[component]
pub fn HazardsStep() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let chosen = Memo::new(move |_| {
        ctx.state.with(|s| {
            let f = &s.filters;
            f.values(crate::model::Facet::Shock)
                .iter()
                .chain(f.values(crate::model::Facet::Stress))
                .next()
                .cloned()
        })
    });
    // Choosing a hazard lists what answers it; choosing it again goes back to all.
    let pick = Callback::new(move |(facet, id): (Facet, String)| {
        let again = chosen.get_untracked().as_deref() == Some(id.as_str());
        ctx.filter_only(facet, (!again).then_some(id.as_str()), None);
    });
    let detail = move || {
        let id = chosen.get()?;
        let l = ctx.d();
        let h = l.dataset.hazards.iter().find(|h| h.id == id)?.clone();
        let name = h.name.clone();
        Some(view! {
            <div class="present-detail">
                <h2>{move || name.get(lang.get()).to_string()}</h2>
                <MatchingList />
                <button type="button" class="present-back" on:click=move |_| ctx.clear_filters()>
                    {text(lang, |t| t.present.clear_hazard)}
                </button>
            </div>
        })
    };
    view! {
        <section class="present-slide" aria-labelledby="slide-title">
            <h1 id="slide-title">{text(lang, |t| t.present.step_hazards)}</h1>
            <p class="present-hint">{text(lang, |t| t.present.hazard_hint)}</p>
            <div class="present-columns">
                <div>
                    <h2>{text(lang, |t| t.overview.shocks)}</h2>
                    <ul class="present-choices chips">
                        <HazardChips kind=HazardKind::Shock class="present-chip" chosen=chosen pick=pick />
                    </ul>
                </div>
                <div>
                    <h2>{text(lang, |t| t.overview.stresses)}</h2>
                    <ul class="present-choices chips">
                        <HazardChips kind=HazardKind::Stress class="present-chip" chosen=chosen pick=pick />
                    </ul>
                </div>
            </div>
            {detail}
        </section>
    }
}

/// The last slide's close: the link to the explorer (this view, outside the presentation) and
/// its QR code, for the audience to take away.
#[component]
pub fn ClosingLink() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let url = ctx
        .state
        .with_untracked(crate::ui::share_embed::share::view_url);
    view! {
        <section class="present-closing" aria-labelledby="present-link">
            <h2 id="present-link">{text(lang, |t| t.share.link_label)}</h2>
            <p class="present-url"><a href=url.clone()>{url.clone()}</a></p>
            <figure class="qr">
                <crate::ui::share_embed::qr::QrCode url=Signal::stored(url.clone()) />
                <figcaption>{text(lang, |t| t.share.qr_hint)}</figcaption>
            </figure>
        </section>
    }
}
