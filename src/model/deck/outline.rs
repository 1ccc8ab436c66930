//! What the presenter window shows of a deck: each slide's heading (its own title, or the
//! name of what it shows) and, for the slide on screen, its number, note and the slide after
//! it. Plain text only: titles and notes are shown as the characters they are.

use super::{Chart, Deck, Screen, Slide};
use crate::i18n::{self, Key};
use crate::model::types::Lang;
use crate::model::view_state::View;

/// The name of what a slide shows, for a slide without a title of its own, as presentation
/// mode names it: the fixed story (`story`) by its steps' names, a deck's slide by the view's
/// name (initiatives named as on an aligned dataset such as the bundled one: the presenter
/// window loads no dataset).
pub fn screen_key(slide: &Slide, story: bool) -> Key {
    match (slide.screen, slide.chart) {
        (Screen::Vision, _) => |t| t.present.step_vision,
        (Screen::Pillars, _) => |t| t.present.step_pillars,
        (Screen::Hazards, _) => |t| t.present.step_hazards,
        (Screen::View(View::Charts), Some(Chart::Coverage)) => |t| t.present.step_coverage,
        (Screen::View(View::Map), _) if story => |t| t.present.step_map,
        (Screen::View(View::Timeline), _) if story => |t| t.present.step_timeline,
        (Screen::View(View::Sources), _) if story => |t| t.present.step_sources,
        (Screen::View(View::Overview), _) => |t| t.view.overview,
        (Screen::View(View::Actions), _) => |t| t.view.actions,
        (Screen::View(View::Charts), _) => |t| t.view.charts,
        (Screen::View(View::Map), _) => |t| t.view.map,
        (Screen::View(View::Timeline), _) => |t| t.view.timeline,
        (Screen::View(View::Sources), _) => |t| t.view.sources,
    }
}

/// A slide's heading in `lang`: its title, or the name of what it shows (`story`: a slide
/// of the fixed story).
pub fn heading(slide: &Slide, lang: Lang, story: bool) -> String {
    match slide.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t.to_string(),
        _ => i18n::t(lang, screen_key(slide, story)).to_string(),
    }
}

/// What the presenter window shows while slide `at` (0-based) is on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    /// The slide's number (1-based).
    pub number: usize,
    /// How many slides the deck has.
    pub total: usize,
    /// The slide's heading.
    pub heading: String,
    /// The presenter's note (`None` when the slide has none).
    pub note: Option<String>,
    /// The next slide's heading (`None` on the last slide).
    pub next: Option<String>,
}

/// The outline of slide `at` of `deck` in `lang` (`story`: the deck is the fixed story); a
/// slide past the end is the last one, as in presentation mode (`None` for a deck without
/// slides).
pub fn outline(deck: &Deck, at: usize, lang: Lang, story: bool) -> Option<Outline> {
    let last = deck.slides.len().checked_sub(1)?;
    let at = at.min(last);
    let slide = &deck.slides[at];
    Some(Outline {
        number: at + 1,
        total: deck.slides.len(),
        heading: heading(slide, lang, story),
        note: slide
            .note
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .map(str::to_string),
        next: deck.slides.get(at + 1).map(|s| heading(s, lang, story)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::deck::story::default_deck;

    #[test]
    fn the_story_slides_are_named_as_presentation_mode_names_its_steps() {
        let deck = default_deck();
        let names: Vec<String> = deck
            .slides
            .iter()
            .map(|s| heading(s, Lang::En, true))
            .collect();
        assert_eq!(
            names,
            [
                "Vision",
                "Pillars",
                "Shocks and stresses",
                "Coverage matrix",
                "Map",
                "Timeline",
                "Sources"
            ]
        );
        assert_eq!(heading(&deck.slides[0], Lang::Id, true), "Visi");
        // The same slides in a deck of one's own are named by their views.
        assert_eq!(
            heading(&deck.slides[6], Lang::En, false),
            "Sources & method"
        );
        assert_eq!(heading(&deck.slides[3], Lang::En, false), "Coverage matrix");
    }

    #[test]
    fn the_outline_gives_the_note_and_the_next_slide() {
        let mut deck = default_deck();
        deck.slides[1].title = Some("Flooding in <b>North</b> Jakarta".into());
        deck.slides[1].note = Some("Ask who lives here.\nThen point at the coast.".into());
        deck.slides[2].note = Some("   ".into());
        let o = outline(&deck, 0, Lang::En, true).expect("a deck of seven slides");
        assert_eq!((o.number, o.total), (1, 7));
        assert_eq!(o.heading, "Vision");
        assert_eq!(o.note, None);
        assert_eq!(o.next.as_deref(), Some("Flooding in <b>North</b> Jakarta"));
        let o = outline(&deck, 1, Lang::Id, true).expect("slide 2");
        assert_eq!(
            o.note.as_deref(),
            Some("Ask who lives here.\nThen point at the coast.")
        );
        assert_eq!(o.next.as_deref(), Some("Guncangan dan tekanan"));
        assert_eq!(outline(&deck, 2, Lang::En, true).and_then(|o| o.note), None);
        let last = outline(&deck, 99, Lang::En, false).expect("past the end is the last slide");
        assert_eq!((last.number, last.next), (7, None));
        assert_eq!(outline(&Deck::default(), 0, Lang::En, false), None);
    }

    #[test]
    fn a_blank_title_falls_back_to_the_view_name() {
        let slide = Slide {
            screen: Screen::View(View::Charts),
            chart: Some(Chart::ByStatus),
            title: Some(" ".into()),
            ..Slide::default()
        };
        assert_eq!(heading(&slide, Lang::En, false), "Charts");
        assert_ne!(
            heading(&slide, Lang::En, false),
            heading(&slide, Lang::Id, false)
        );
    }
}
