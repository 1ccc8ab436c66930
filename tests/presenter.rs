//! The workshop deck the presenter-window and offline e2e tests open
//! (`tests/fixtures/deck-workshop.json`): its link is what the encoder writes for the slides
//! described here, and the headings and notes the file lists are what the presenter window
//! shows for each slide in each language (model/deck/outline.rs). The e2e tests read only the
//! file, so this test is what ties it to the code.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use jrs::model::deck::channel::{DeckId, Message};
use jrs::model::deck::outline::outline;
use jrs::model::deck::{decode, encode, Chart, Deck, Slide};
use jrs::model::view_state::ViewState;
use jrs::model::Lang;

const FIXTURE: &str = "tests/fixtures/deck-workshop.json";

/// The deck: the example talk (flooding in North Jakarta, the clean-water
/// initiatives, what a source ties to the strategy, the kecamatan with no initiative), then
/// a chart; notes are the presenter's own words (line breaks kept), one title holds markup
/// that must show as text, and one slide has neither title nor note.
fn workshop() -> Deck {
    let slide = |query: &str, chart: Option<Chart>, title: Option<&str>, note: Option<&str>| {
        let (state, notices) = ViewState::from_query(query);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        Slide {
            title: title.map(str::to_string),
            note: note.map(str::to_string),
            ..Slide::capture(&state, chart)
        }
    };
    Deck {
        slides: vec![
            slide(
                "?view=map&shock=flood&area=31.72",
                None,
                Some("Flooding in North Jakarta"),
                Some("Ask who in the room has been flooded.\nThen point at the coast."),
            ),
            slide(
                "?view=actions&stress=clean-water-access",
                None,
                Some("The clean-water initiatives"),
                Some("Read two titles aloud."),
            ),
            slide(
                "?view=sources",
                None,
                Some("What a source ties to the strategy"),
                None,
            ),
            slide(
                "?view=map&level=kecamatan",
                None,
                Some("Kecamatan with no initiative <b>yet</b>"),
                Some("Pale areas: nothing recorded.\nInvite corrections."),
            ),
            slide(
                "?view=charts",
                Some(Chart::ByStatus),
                None,
                Some("Close on the status chart."),
            ),
        ],
    }
}

fn text<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(|x| x.as_str())
}

#[test]
fn the_fixture_link_is_the_workshop_deck() {
    let file: serde_json::Value =
        serde_json::from_str(&support::read_text(FIXTURE)).expect("the fixture is JSON");
    let link = text(&file, "link").expect("the fixture has a link");
    let deck = workshop();
    assert_eq!(
        encode(&deck).as_deref(),
        Ok(link),
        "{FIXTURE}: the link must be what the encoder writes for workshop()"
    );
    assert_eq!(decode(link), Ok(deck));
}

#[test]
fn the_fixture_lists_what_the_presenter_window_shows() {
    let file: serde_json::Value =
        serde_json::from_str(&support::read_text(FIXTURE)).expect("the fixture is JSON");
    let slides = file
        .get("slides")
        .and_then(|s| s.as_array())
        .expect("the fixture lists the slides");
    let deck = workshop();
    assert_eq!(slides.len(), deck.slides.len());
    for (i, listed) in slides.iter().enumerate() {
        for (lang, key) in [(Lang::En, "heading_en"), (Lang::Id, "heading_id")] {
            let o = outline(&deck, i, lang, false).expect("a slide of the deck");
            assert_eq!(
                Some(o.heading.as_str()),
                text(listed, key),
                "slide {}: {key}",
                i + 1
            );
            assert_eq!(
                o.note.as_deref(),
                text(listed, "note"),
                "slide {}: note",
                i + 1
            );
            let next = slides.get(i + 1).and_then(|n| text(n, key));
            assert_eq!(o.next.as_deref(), next, "slide {}: next", i + 1);
        }
    }
}

#[test]
fn a_presenter_window_of_another_deck_is_not_this_deck() {
    let link = encode(&workshop()).expect("the deck encodes");
    let id = DeckId::of_shown(Some(&link));
    assert_ne!(id, DeckId::of_shown(None), "not the default story's id");
    let other = Message::Show {
        deck: DeckId(id.0 ^ 1),
        slide: 1,
    };
    assert_ne!(Message::parse(&other.to_text()).map(Message::deck), Ok(id));
}
