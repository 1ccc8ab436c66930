//! The default deck: the fixed story presentation mode tells (vision → pillars → shocks and
//! stresses → coverage matrix → map → timeline → sources), one slide per step of
//! `model::presentation`, with no title or note of its own (each step has its own heading).

use super::{Chart, Deck, Screen, Slide};
use crate::model::presentation::Step;
use crate::model::view_state::View;

/// What the story shows at `step`: its own screens first, then views of the explorer (the
/// coverage step shows the coverage matrix alone).
pub fn slide_of(step: Step) -> Slide {
    let (screen, chart) = match step {
        Step::Vision => (Screen::Vision, None),
        Step::Pillars => (Screen::Pillars, None),
        Step::Hazards => (Screen::Hazards, None),
        Step::Coverage => (Screen::View(View::Charts), Some(Chart::Coverage)),
        Step::Map => (Screen::View(View::Map), None),
        Step::Timeline => (Screen::View(View::Timeline), None),
        Step::Sources => (Screen::View(View::Sources), None),
    };
    Slide {
        screen,
        chart,
        ..Slide::default()
    }
}

/// The fixed story as a deck: what presentation mode shows when no deck is given.
pub fn default_deck() -> Deck {
    Deck {
        slides: Step::ALL.into_iter().map(slide_of).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::deck::{decode, encode};

    #[test]
    fn the_default_deck_is_the_seven_steps_presentation_mode_shows() {
        let deck = default_deck();
        // What src/ui/present/presentation.rs renders for each step today.
        let shown = [
            (Step::Vision, Screen::Vision, None),
            (Step::Pillars, Screen::Pillars, None),
            (Step::Hazards, Screen::Hazards, None),
            (
                Step::Coverage,
                Screen::View(View::Charts),
                Some(Chart::Coverage),
            ),
            (Step::Map, Screen::View(View::Map), None),
            (Step::Timeline, Screen::View(View::Timeline), None),
            (Step::Sources, Screen::View(View::Sources), None),
        ];
        assert_eq!(deck.slides.len(), Step::COUNT as usize);
        assert_eq!(shown.len(), Step::ALL.len());
        for (i, (step, screen, chart)) in shown.into_iter().enumerate() {
            assert_eq!(Step::at(i as u32), step, "step {i}");
            let s = &deck.slides[i];
            assert_eq!((s.screen, s.chart), (screen, chart), "slide {}", i + 1);
            assert!(s.filters.is_empty() && s.title.is_none() && s.note.is_none());
        }
    }

    #[test]
    fn the_default_deck_travels_as_a_short_link() {
        let deck = default_deck();
        let link = encode(&deck).expect("the default deck is within every limit");
        assert!(link.len() < 60, "{link}");
        assert_eq!(decode(&link), Ok(deck));
    }
}
