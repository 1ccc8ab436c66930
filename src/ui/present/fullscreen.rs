//! The browser's fullscreen for presentation mode (lazy module): whether the page is in it,
//! leaving it, and asking for it (`present_button.rs` holds the request, which the header's
//! button makes from its click in the first view).

use super::present_button::call_quietly;
pub use super::present_button::request_fullscreen;

pub(super) fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// True while the page is shown fullscreen.
pub fn is_fullscreen() -> bool {
    document().and_then(|d| d.fullscreen_element()).is_some()
}

/// Leaves fullscreen (when in it).
pub fn exit_fullscreen() {
    if is_fullscreen() {
        if let Some(doc) = document() {
            call_quietly(&doc, "exitFullscreen");
        }
    }
}
