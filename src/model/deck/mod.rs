//! A presenter's deck: an ordered list of slides, each the view it shows (a screen of the
//! story or a view of the explorer with its filters, selected initiative, chart, area level
//! and language) with an optional title and a short note in the presenter's own words.
//!
//! Titles and notes are plain text: the model has no markup, and whatever a link carries
//! (`<script>` included) stays the characters it is, for the interface to show as text.
//! The whole deck travels in one URL parameter ([`codec`]); the fixed seven-step story is
//! the default deck ([`story`]).

pub mod base64url;
pub mod bytes;
pub mod channel;
pub mod chart;
pub mod codec;
pub mod error;
pub mod outline;
pub mod story;
pub mod wire;

pub use chart::Chart;
pub use codec::{decode, encode};
pub use error::{DeckError, Place};

use super::filter::Filters;
use super::types::{AreaLevel, Lang};
use super::view_state::{View, ViewState};

/// The most slides a deck holds: more than a talk needs (20 slides with titles and notes
/// make a link of about 1,830 characters, DATA.md "Deck links", which a QR code of at most
/// 2,953 bytes still holds), and 50 such slides stay within the few kilobytes browsers and
/// servers accept in a URL. A link announcing more is refused before any slide is read.
pub const MAX_SLIDES: usize = 50;
/// The longest slide title, in characters: one line in projector type.
pub const MAX_TITLE_CHARS: usize = 80;
/// The longest note, in characters: a few lines the presenter glances at.
pub const MAX_NOTE_CHARS: usize = 280;
/// The longest filter value, search text or initiative id, in characters (the longest lead
/// agency name in the bundled data is under 80).
pub const MAX_VALUE_CHARS: usize = 200;
/// The most values one filter holds in a slide (more than any dataset offers in one facet).
pub const MAX_VALUES_PER_FILTER: usize = 100;

/// What a slide shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    /// The story's opening screen: the strategy's title and vision.
    Vision,
    /// The story's pillars screen (choosing one drills in).
    Pillars,
    /// The story's shocks-and-stresses screen.
    Hazards,
    /// A view of the explorer, as its link shows it.
    View(View),
}

/// One slide: what it shows and the presenter's words for it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Slide {
    /// The screen shown.
    pub screen: Screen,
    /// The language the slide was captured in (otherwise the deck's reader's).
    pub lang: Option<Lang>,
    /// The filters, the selected area (the area filter) included.
    pub filters: Filters,
    /// The selected initiative.
    pub action: Option<String>,
    /// The map's area level.
    pub level: Option<AreaLevel>,
    /// The one chart shown, on a charts slide.
    pub chart: Option<Chart>,
    /// The slide's title (plain text).
    pub title: Option<String>,
    /// The presenter's note (plain text; may hold line breaks).
    pub note: Option<String>,
}

impl Default for Screen {
    fn default() -> Screen {
        Screen::View(View::Overview)
    }
}

/// A deck: slides in the order they are shown.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deck {
    /// The slides.
    pub slides: Vec<Slide>,
}

impl Slide {
    /// The slide "Add to my deck" makes of the view `state` shows: its view, language,
    /// filters, selected initiative and area level (presentation, embed, theme and data
    /// links are the reader's, not the slide's).
    pub fn capture(state: &ViewState, chart: Option<Chart>) -> Slide {
        Slide {
            screen: Screen::View(state.view),
            lang: state.lang,
            filters: state.filters.clone(),
            action: state.action.clone(),
            level: state.level,
            chart,
            title: None,
            note: None,
        }
    }

    /// The view state that shows this slide, over `base` (whose theme, contrast, embed and
    /// data links stay). A story screen is shown over the overview's state.
    pub fn view_state(&self, base: &ViewState) -> ViewState {
        ViewState {
            view: match self.screen {
                Screen::View(v) => v,
                Screen::Vision | Screen::Pillars | Screen::Hazards => View::Overview,
            },
            lang: self.lang.or(base.lang),
            filters: self.filters.clone(),
            action: self.action.clone(),
            level: self.level,
            ..base.clone()
        }
    }
}

impl Deck {
    /// Checks every limit and rule a decoded deck meets, so a deck made in code (or by the
    /// editor) fails the same way a link would.
    pub fn check(&self) -> Result<(), DeckError> {
        codec::check_deck(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Facet;

    #[test]
    fn a_captured_slide_shows_the_same_view_again() {
        let (state, notices) =
            ViewState::from_query("?view=map&lang=en&shock=flood&area=31.72&level=kecamatan");
        assert!(notices.is_empty());
        let slide = Slide::capture(&state, None);
        assert_eq!(slide.screen, Screen::View(View::Map));
        assert_eq!(slide.filters.values(Facet::Shock), ["flood"]);
        let base = ViewState::from_query("?theme=dark&present=1").0;
        let shown = slide.view_state(&base);
        assert_eq!(
            shown.to_query(),
            "?view=map&lang=en&shock=flood&area=31.72&level=kecamatan&present=1&theme=dark"
        );
    }

    #[test]
    fn a_story_screen_is_shown_over_the_overview() {
        let slide = Slide {
            screen: Screen::Pillars,
            filters: Filters::only(Facet::Pillar, "sehat"),
            ..Slide::default()
        };
        let shown = slide.view_state(&ViewState::default());
        assert_eq!(shown.view, View::Overview);
        assert_eq!(shown.to_query(), "?pillar=sehat");
    }
}
