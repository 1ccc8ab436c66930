//! A slide as the one text that crosses between the two wasm modules (the lazy module
//! decodes a deck link, the app presents it): the explorer's own query string of the view
//! that shows the slide (`model::view_state`), followed by the slide's screen, chart number,
//! title and note as four more parameters (`slide-screen`, `slide-chart`, `slide-title`,
//! `slide-note`), which views' links never use. The app reads it with the query-string
//! reader it has anyway, without linking the codec, so presenting a deck costs the first view
//! nothing but this file.

use super::{Chart, Screen, Slide};
use crate::model::view_state::{percent_encode, query_pairs, View, ViewState};

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

/// The text of `slide`.
pub fn text_of(slide: &Slide) -> String {
    let query = slide.view_state(&ViewState::default()).to_query();
    let sep = if query.is_empty() { '?' } else { '&' };
    format!(
        "{query}{sep}slide-screen={}&slide-chart={}&slide-title={}&slide-note={}",
        slide.screen.word(),
        slide.chart.map_or(0, Chart::code),
        percent_encode(slide.title.as_deref().unwrap_or("")),
        percent_encode(slide.note.as_deref().unwrap_or(""))
    )
}

/// The slide of a text written by [`text_of`]; `None` for an unknown screen or chart (both
/// come from the lazy module of the same build, so this only guards against a mix-up).
pub fn slide_of_text(text: &str) -> Option<Slide> {
    let (mut screen, mut chart, mut title, mut note) = (None, None, None, None);
    for (k, v) in query_pairs(text) {
        match k.as_str() {
            "slide-screen" => screen = Some(Screen::from_word(&v)?),
            "slide-chart" => {
                chart = match v.parse::<u64>().ok()? {
                    0 => None,
                    n => Some(Chart::from_code(n)?),
                }
            }
            "slide-title" => title = (!v.is_empty()).then_some(v),
            "slide-note" => note = (!v.is_empty()).then_some(v),
            _ => {}
        }
    }
    let (state, _) = ViewState::from_query(text);
    Some(Slide {
        screen: screen?,
        title,
        note,
        ..Slide::capture(&state, chart)
    })
}
