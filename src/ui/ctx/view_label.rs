//! The i18n key of each view's name (navigation, embed dialog).

use crate::model::View;

/// The i18n key of a view's name.
pub fn view_label(view: View, aligned: bool) -> crate::i18n::Key {
    match view {
        View::Overview => |t| t.view.overview,
        View::Actions if aligned => |t| t.view.actions,
        View::Actions => |t| t.view.actions_official,
        View::Charts => |t| t.view.charts,
        View::Map => |t| t.view.map,
        View::Timeline => |t| t.view.timeline,
        View::Sources => |t| t.view.sources,
    }
}
