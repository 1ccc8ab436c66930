//! What the stage shows for one slide (lazy module): a screen of the story (vision, pillars,
//! shocks and stresses) or a view of the explorer as the app state shows it (`slide_view`;
//! a charts slide with one chart shows that chart alone, as the story's coverage step does),
//! and each slide's title for the bar (the presenter's title, else the step's or the view's
//! own name).

use super::slide_view::view_of;
use super::story_screens::{ClosingLink, HazardsStep, PillarsStep, VisionStep};
use crate::i18n;
use crate::model::deck::{Chart, Screen, Slide};
use crate::model::presentation::Step;
use crate::model::{Lang, View};
use crate::ui::charts::view::{self as charts, Draw};

use crate::ui::ctx::view_label::view_label;
use leptos::prelude::*;

/// The drawing of a chart a slide shows.
fn draw_of(chart: Chart) -> Draw {
    match chart {
        Chart::Coverage => charts::COVERAGE,
        Chart::ByPillar => charts::PILLARS,
        Chart::ByStatus => charts::STATUSES,
        Chart::ByLead => charts::LEADS,
        Chart::ByDriver => charts::DRIVERS,
        Chart::ProcessTimeline => charts::EVENTS,
        Chart::Timeframes => charts::GANTT,
    }
}

/// The stage of a slide (`last`: the last slide, whose sources view closes with the link).
/// The story's steps are the default deck's slides (`model::deck::story`).
pub fn slide_stage(slide: &Slide, last: bool) -> AnyView {
    let (class, inner) = match (slide.screen, slide.chart) {
        (Screen::Vision, _) => return view! { <VisionStep /> }.into_any(),
        (Screen::Pillars, _) => return view! { <PillarsStep /> }.into_any(),
        (Screen::Hazards, _) => return view! { <HazardsStep /> }.into_any(),
        (Screen::View(View::Charts | View::Timeline), Some(chart)) => (
            if chart == Chart::Coverage {
                "present-view present-coverage"
            } else {
                "present-view"
            },
            view! {
                <crate::ui::filters::panel::ActiveFilters />
                <crate::ui::charts::view::Chart draw=draw_of(chart) level=2 />
            }
            .into_any(),
        ),
        (Screen::View(v), _) => (
            if v == View::Map {
                "present-view present-map"
            } else {
                "present-view"
            },
            the_view(v, last),
        ),
    };
    view! { <div class=class>{inner}</div> }.into_any()
}

fn the_view(v: View, closing: bool) -> AnyView {
    use crate::ui::sources::view::SourcesView;
    match v {
        View::Sources if closing => {
            view! { <SourcesView closing=view! { <ClosingLink /> }.into_any() /> }.into_any()
        }
        v => view_of(v),
    }
}

/// The title of a deck's slide in the bar: the presenter's, else the screen's own name.
pub fn slide_title(slide: &Slide, lang: Lang, aligned: bool) -> String {
    if let Some(t) = slide.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return t.to_string();
    }
    let key = match (slide.screen, slide.chart) {
        (Screen::Vision, _) => Step::Vision.title_key(),
        (Screen::Pillars, _) => Step::Pillars.title_key(),
        (Screen::Hazards, _) => Step::Hazards.title_key(),
        (Screen::View(View::Charts), Some(Chart::Coverage)) => Step::Coverage.title_key(),
        (Screen::View(v), _) => view_label(v, aligned),
    };
    i18n::t(lang, key).to_string()
}
