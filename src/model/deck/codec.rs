//! A deck ⇄ the value of one URL parameter. The first character is the format's version;
//! version 1 is the deck's bytes ([`super::bytes`]: per slide its screen, language, map
//! level, chart, filters, initiative, title and note) compressed with DEFLATE (the deck's
//! repeated filter ids and words shrink to about half) and written in URL-safe base64, so
//! the value needs no percent-encoding. Choosing it by measuring, and the figures: DATA.md
//! ("Deck links").
//!
//! Old links keep working: the reader keeps every version ever written (a new format is a
//! new first character and a new reader beside this one), and every code written in a link
//! (screens, filters, languages, levels, charts) is a fixed number, never reused.
//! Reading checks every limit and rule and never panics; an error names its place.

use super::base64url;
use super::bytes::{Reader, Writer};
use super::error::{DeckError, Field, Place, Problem};
use super::{
    Chart, Deck, Screen, Slide, MAX_NOTE_CHARS, MAX_SLIDES, MAX_TITLE_CHARS, MAX_VALUES_PER_FILTER,
    MAX_VALUE_CHARS,
};
use crate::model::facet::{Facet, UrlForm};
use crate::model::filter::Filters;
use crate::model::types::{AreaLevel, Lang};
use crate::model::view_state::View;

/// The URL parameter a deck travels in (`?present=1&deck=1…`).
pub const PARAM: &str = "deck";
/// The versions this explorer reads, as their first characters.
pub const VERSIONS: &str = "1";
/// The longest deck link read or written, in characters: the practical limit of a URL
/// (servers commonly refuse request lines over 8 KB).
pub const MAX_LINK_CHARS: usize = 7_000;
/// The most bytes a deck may take once decompressed: generous for 50 full slides, and a
/// link that inflates to more (a "zip bomb") is refused as it is read.
pub const MAX_DECK_BYTES: usize = 256 * 1024;
/// DEFLATE's strongest level (the deck is small; time does not matter).
const LEVEL: u8 = 10;

/// The deck as a URL parameter value (the current version). Fails when the deck breaks a
/// rule or its link would be longer than [`MAX_LINK_CHARS`].
pub fn encode(deck: &Deck) -> Result<String, DeckError> {
    check_deck(deck)?;
    let bytes = write_v1(deck);
    if bytes.len() > MAX_DECK_BYTES {
        return Err(DeckError::new(
            Place::Link,
            Problem::TooLong("bytes", MAX_DECK_BYTES),
        ));
    }
    let link = format!(
        "1{}",
        base64url::encode(&miniz_oxide::deflate::compress_to_vec(&bytes, LEVEL))
    );
    if link.len() > MAX_LINK_CHARS {
        return Err(DeckError::new(
            Place::Link,
            Problem::TooLong("characters", MAX_LINK_CHARS),
        ));
    }
    Ok(link)
}

/// The deck of a URL parameter value, of any version ever written.
pub fn decode(link: &str) -> Result<Deck, DeckError> {
    let Some(version) = link.chars().next() else {
        return Err(DeckError::new(Place::Link, Problem::Empty));
    };
    if link.len() > MAX_LINK_CHARS {
        return Err(DeckError::new(
            Place::Link,
            Problem::TooLong("characters", MAX_LINK_CHARS),
        ));
    }
    match version {
        '1' => decode_v1(&link[1..], link.len()),
        other => Err(DeckError::new(
            Place::Character(1),
            Problem::UnknownVersion(other),
        )),
    }
}

fn decode_v1(body: &str, link_len: usize) -> Result<Deck, DeckError> {
    let packed = base64url::decode(body, 2)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_DECK_BYTES)
        .map_err(|e| {
            use miniz_oxide::inflate::TINFLStatus as S;
            match e.status {
                S::FailedCannotMakeProgress => {
                    DeckError::new(Place::Character(link_len), Problem::Truncated)
                }
                S::HasMoreOutput => {
                    DeckError::new(Place::Link, Problem::TooLong("bytes", MAX_DECK_BYTES))
                }
                _ => DeckError::new(Place::Link, Problem::Damaged),
            }
        })?;
    read_v1(&bytes)
}

fn screen_code(s: Screen) -> u64 {
    match s {
        Screen::View(View::Overview) => 0,
        Screen::View(View::Actions) => 1,
        Screen::View(View::Charts) => 2,
        Screen::View(View::Map) => 3,
        Screen::View(View::Timeline) => 4,
        Screen::View(View::Sources) => 5,
        Screen::Vision => 16,
        Screen::Pillars => 17,
        Screen::Hazards => 18,
    }
}

const SCREENS: [Screen; 9] = [
    Screen::View(View::Overview),
    Screen::View(View::Actions),
    Screen::View(View::Charts),
    Screen::View(View::Map),
    Screen::View(View::Timeline),
    Screen::View(View::Sources),
    Screen::Vision,
    Screen::Pillars,
    Screen::Hazards,
];

fn facet_code(f: Facet) -> u64 {
    match f {
        Facet::Pillar => 0,
        Facet::Goal => 1,
        Facet::Strategy => 2,
        Facet::Shock => 3,
        Facet::Stress => 4,
        Facet::Focus => 5,
        Facet::Driver => 6,
        Facet::Quality => 7,
        Facet::Status => 8,
        Facet::Lead => 9,
        Facet::Provenance => 10,
        Facet::Tie => 11,
        Facet::Scope => 12,
        Facet::Area => 13,
        Facet::Query => 14,
    }
}

fn lang_code(l: Option<Lang>) -> u64 {
    match l {
        None => 0,
        Some(Lang::Id) => 1,
        Some(Lang::En) => 2,
    }
}

fn level_code(l: Option<AreaLevel>) -> u64 {
    match l {
        None => 0,
        Some(AreaLevel::Region) => 1,
        Some(AreaLevel::Kecamatan) => 2,
        Some(AreaLevel::Kelurahan) => 3,
    }
}

fn write_v1(deck: &Deck) -> Vec<u8> {
    let mut w = Writer::default();
    w.number(deck.slides.len() as u64);
    for s in &deck.slides {
        w.number(screen_code(s.screen));
        w.number(lang_code(s.lang));
        w.number(level_code(s.level));
        w.number(s.chart.map_or(0, Chart::code));
        let set: Vec<Facet> = Facet::ALL
            .into_iter()
            .filter(|f| !s.filters.values(*f).is_empty())
            .collect();
        w.number(set.len() as u64);
        for f in set {
            let values = s.filters.values(f);
            w.number(facet_code(f));
            w.number(values.len() as u64);
            for v in values {
                w.text(v);
            }
        }
        w.optional_text(s.action.as_deref());
        w.optional_text(s.title.as_deref());
        w.optional_text(s.note.as_deref());
    }
    w.bytes
}

fn read_v1(bytes: &[u8]) -> Result<Deck, DeckError> {
    let mut r = Reader::new(bytes);
    let count = r
        .number()
        .map_err(|p| DeckError::new(Place::SlideCount, p))?;
    if count > MAX_SLIDES as u64 {
        return Err(DeckError::new(
            Place::SlideCount,
            Problem::TooManySlides(count),
        ));
    }
    if count == 0 {
        return Err(DeckError::new(Place::SlideCount, Problem::NoSlides));
    }
    let mut slides = Vec::with_capacity(count as usize);
    for n in 1..=count as usize {
        let slide = read_slide(&mut r, n)?;
        check_slide(n, &slide)?;
        slides.push(slide);
    }
    if r.left() > 0 {
        return Err(DeckError::new(
            Place::Byte(r.position()),
            Problem::TrailingBytes(r.left()),
        ));
    }
    Ok(Deck { slides })
}

fn read_slide(r: &mut Reader, n: usize) -> Result<Slide, DeckError> {
    let at = |field: Field| move |p: Problem| DeckError::new(Place::Slide(n, field), p);
    let code = r.number().map_err(at(Field::Screen))?;
    let screen = SCREENS
        .into_iter()
        .find(|s| screen_code(*s) == code)
        .ok_or_else(|| at(Field::Screen)(Problem::UnknownCode("screen", code)))?;
    let lang = match r.number().map_err(at(Field::Language))? {
        0 => None,
        1 => Some(Lang::Id),
        2 => Some(Lang::En),
        c => return Err(at(Field::Language)(Problem::UnknownCode("language", c))),
    };
    let level = match r.number().map_err(at(Field::Level))? {
        0 => None,
        1 => Some(AreaLevel::Region),
        2 => Some(AreaLevel::Kecamatan),
        3 => Some(AreaLevel::Kelurahan),
        c => return Err(at(Field::Level)(Problem::UnknownCode("map level", c))),
    };
    let chart = match r.number().map_err(at(Field::Chart))? {
        0 => None,
        c => Some(
            Chart::from_code(c)
                .ok_or_else(|| at(Field::Chart)(Problem::UnknownCode("chart", c)))?,
        ),
    };
    let sets = r.number().map_err(at(Field::Filters))?;
    if sets > Facet::COUNT as u64 {
        return Err(at(Field::Filters)(Problem::TooLong(
            "filters",
            Facet::COUNT,
        )));
    }
    let mut filters = Filters::default();
    for _ in 0..sets {
        let code = r.number().map_err(at(Field::Filters))?;
        let facet = Facet::ALL
            .into_iter()
            .find(|f| facet_code(*f) == code)
            .ok_or_else(|| at(Field::Filters)(Problem::UnknownCode("filter", code)))?;
        let here = at(Field::Filter(facet.def().key));
        if !filters.values(facet).is_empty() {
            return Err(here(Problem::BadValue("(the filter again)".into())));
        }
        let count = r.number().map_err(here)?;
        if count == 0 || count > MAX_VALUES_PER_FILTER as u64 {
            return Err(here(Problem::TooLong("values", MAX_VALUES_PER_FILTER)));
        }
        let mut values = Vec::new();
        for _ in 0..count {
            values.push(r.text(MAX_VALUE_CHARS).map_err(here)?);
        }
        check_values(facet, &values).map_err(here)?;
        filters.set(facet, values);
    }
    let action = r
        .optional_text(MAX_VALUE_CHARS)
        .map_err(at(Field::Action))?;
    let title = r.optional_text(MAX_TITLE_CHARS).map_err(at(Field::Title))?;
    let note = r.optional_text(MAX_NOTE_CHARS).map_err(at(Field::Note))?;
    Ok(Slide {
        screen,
        lang,
        filters,
        action,
        level,
        chart,
        title,
        note,
    })
}

/// Checks every rule of a deck: between 1 and [`MAX_SLIDES`] slides, each within its limits.
pub fn check_deck(deck: &Deck) -> Result<(), DeckError> {
    if deck.slides.is_empty() {
        return Err(DeckError::new(Place::SlideCount, Problem::NoSlides));
    }
    if deck.slides.len() > MAX_SLIDES {
        return Err(DeckError::new(
            Place::SlideCount,
            Problem::TooManySlides(deck.slides.len() as u64),
        ));
    }
    for (i, s) in deck.slides.iter().enumerate() {
        check_slide(i + 1, s)?;
    }
    Ok(())
}

/// Checks one slide (number `n`, 1-based): its texts' lengths and characters and that each
/// filter holds values its link form can carry and the filter accepts.
fn check_slide(n: usize, s: &Slide) -> Result<(), DeckError> {
    let at = |field: Field| move |p: Problem| DeckError::new(Place::Slide(n, field), p);
    check_text(s.title.as_deref(), MAX_TITLE_CHARS, false).map_err(at(Field::Title))?;
    check_text(s.note.as_deref(), MAX_NOTE_CHARS, true).map_err(at(Field::Note))?;
    check_text(s.action.as_deref(), MAX_VALUE_CHARS, false).map_err(at(Field::Action))?;
    if s.action
        .as_deref()
        .is_some_and(|a| a.trim() != a || a.is_empty())
    {
        return Err(at(Field::Action)(Problem::BadValue(
            s.action.clone().unwrap_or_default(),
        )));
    }
    for f in Facet::ALL {
        let values = s.filters.values(f);
        if values.len() > MAX_VALUES_PER_FILTER {
            return Err(at(Field::Filter(f.def().key))(Problem::TooLong(
                "values",
                MAX_VALUES_PER_FILTER,
            )));
        }
        check_values(f, values).map_err(at(Field::Filter(f.def().key)))?;
    }
    Ok(())
}

fn check_text(s: Option<&str>, max: usize, lines: bool) -> Result<(), Problem> {
    let Some(s) = s else { return Ok(()) };
    if s.chars().count() > max {
        return Err(Problem::TooLong("characters", max));
    }
    match s
        .chars()
        .position(|c| c.is_control() && !(lines && c == '\n'))
    {
        Some(i) => Err(Problem::ControlCharacter(i + 1)),
        None => Ok(()),
    }
}

/// The values of one filter as its link form carries them and the filter accepts them:
/// none blank or repeated, no comma in a comma-joined filter, no spaces around a trimmed
/// one, one value at most for the area and the search.
fn check_values(f: Facet, values: &[String]) -> Result<(), Problem> {
    let def = f.def();
    if matches!(def.url, UrlForm::One | UrlForm::Text) && values.len() > 1 {
        return Err(Problem::TooLong("values", 1));
    }
    for (i, v) in values.iter().enumerate() {
        check_text(Some(v), MAX_VALUE_CHARS, false)?;
        // Blank values are dropped from links (a search of spaces is kept as typed).
        let blank = if def.url == UrlForm::Text {
            v.is_empty()
        } else {
            v.trim().is_empty()
        };
        let bad = blank
            || values[..i].contains(v)
            || match def.url {
                UrlForm::Comma => v.contains(',') || v.trim() != v,
                UrlForm::One => v.trim() != v,
                UrlForm::Repeated | UrlForm::Text => false,
            }
            || (def.url != UrlForm::Text && !(def.accepts)(v));
        if bad {
            return Err(Problem::BadValue(v.clone()));
        }
    }
    Ok(())
}
