//! The i18n key of each view's name (navigation, embed dialog).

use crate::model::View;

/// The i18n key of a view's name.
pub fn view_label(view: View, aligned: bool) -> &'static str {
    match view {
        View::Overview => "view.overview",
        View::Actions if aligned => "view.actions",
        View::Actions => "view.actions_official",
        View::Charts => "view.charts",
        View::Map => "view.map",
        View::Timeline => "view.timeline",
        View::Sources => "view.sources",
    }
}
