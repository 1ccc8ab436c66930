//! A slide as the plain values that cross between the two wasm modules (the lazy module
//! decodes a deck link, the app presents it): its screen as a word, its view as the
//! explorer's own query string (`model::view_state`), its chart's number and its texts. The
//! app rebuilds the slide from them without linking the codec, so presenting a deck costs
//! the first view nothing but this file.

use super::{Chart, Screen, Slide};
use crate::model::view_state::{View, ViewState};

impl Screen {
    /// The word for this screen between the modules (`vision`, `pillars`, `hazards`, or the
    /// view's URL code).
    pub fn word(self) -> &'static str {
        match self {
            Screen::Vision => "vision",
            Screen::Pillars => "pillars",
            Screen::Hazards => "hazards",
            Screen::View(v) => v.code(),
        }
    }

    /// The screen of a word written by [`Screen::word`].
    pub fn from_word(w: &str) -> Option<Screen> {
        match w {
            "vision" => Some(Screen::Vision),
            "pillars" => Some(Screen::Pillars),
            "hazards" => Some(Screen::Hazards),
            _ => View::from_code(w).map(Screen::View),
        }
    }
}

/// The values one slide crosses as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireSlide {
    /// [`Screen::word`].
    pub screen: String,
    /// The view state that shows the slide, as a query string (`?view=map&shock=flood`).
    pub query: String,
    /// The chart's number ([`Chart::code`]; 0 for none).
    pub chart: u64,
    /// The title ("" for none).
    pub title: String,
    /// The note ("" for none).
    pub note: String,
}

impl WireSlide {
    /// The values of `slide`.
    pub fn of(slide: &Slide) -> WireSlide {
        WireSlide {
            screen: slide.screen.word().to_string(),
            query: slide.view_state(&ViewState::default()).to_query(),
            chart: slide.chart.map_or(0, Chart::code),
            title: slide.title.clone().unwrap_or_default(),
            note: slide.note.clone().unwrap_or_default(),
        }
    }

    /// The slide these values carry; an unknown screen word or chart number is `None` (both
    /// come from the lazy module of the same build, so this only guards against a mix-up).
    pub fn slide(&self) -> Option<Slide> {
        let screen = Screen::from_word(&self.screen)?;
        let chart = match self.chart {
            0 => None,
            n => Some(Chart::from_code(n)?),
        };
        let (state, _) = ViewState::from_query(&self.query);
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Some(Slide {
            screen,
            title: text(&self.title),
            note: text(&self.note),
            ..Slide::capture(&state, chart)
        })
    }
}
