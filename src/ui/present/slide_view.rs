//! The view of the explorer for a `View`, as the app state shows it: the one place each view
//! is made, for the site's frame (`shell::layout::CurrentView`, first view) and a slide's
//! stage (`slide_stage.rs`, lazy module), so each wasm module carries each view's code once.

use crate::model::View;
use leptos::prelude::*;

/// A view of the explorer as the app state shows it.
pub fn view_of(v: View) -> AnyView {
    match v {
        View::Overview => view! { <crate::ui::overview::view::OverviewView /> }.into_any(),
        View::Actions => view! { <crate::ui::initiatives::actions::ActionsView /> }.into_any(),
        View::Charts => view! { <crate::ui::charts::view::ChartsView /> }.into_any(),
        View::Map => view! { <crate::ui::map::view::MapView /> }.into_any(),
        View::Timeline => view! { <crate::ui::timeline::view::TimelineView /> }.into_any(),
        View::Sources => view! { <crate::ui::sources::view::SourcesView /> }.into_any(),
    }
}
