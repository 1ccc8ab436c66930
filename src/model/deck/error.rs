//! Why a deck link could not be read (or a deck not written), and where: every error names
//! its place (a character of the link, a byte of the decoded deck, or a slide and field),
//! so a notice can say what to fix. Messages are in English for logs and tests; the
//! interface words its notice itself.

use std::fmt;

/// Where in a deck link (or a deck) a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The link as a whole (its length, its emptiness).
    Link,
    /// A character of the link (1-based).
    Character(usize),
    /// A byte of the decoded deck (1-based), before any slide is read.
    Byte(usize),
    /// The deck's slide count.
    SlideCount,
    /// A field of a slide (1-based slide number).
    Slide(usize, Field),
}

/// A part of a slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// What it shows.
    Screen,
    /// Its language.
    Language,
    /// Its filters (with the facet's URL key, when known).
    Filter(&'static str),
    /// The list of its filters.
    Filters,
    /// Its selected initiative.
    Action,
    /// Its map level.
    Level,
    /// Its chart.
    Chart,
    /// Its title.
    Title,
    /// Its note.
    Note,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Nothing to read.
    Empty,
    /// A version this explorer does not know (newer, or not a deck link).
    UnknownVersion(char),
    /// A character outside the link's alphabet.
    BadCharacter(char),
    /// The link ends before the deck does.
    Truncated,
    /// The compressed deck is damaged.
    Damaged,
    /// Longer than the stated limit (what, the limit).
    TooLong(&'static str, usize),
    /// More slides than [`super::MAX_SLIDES`] (the number announced).
    TooManySlides(u64),
    /// A deck with no slide.
    NoSlides,
    /// A number written with more bytes than any number here needs.
    OverlongNumber,
    /// Text that is not UTF-8.
    InvalidUtf8,
    /// A control character (at this 1-based character of the text).
    ControlCharacter(usize),
    /// A code this version does not define (what kind, the code).
    UnknownCode(&'static str, u64),
    /// A filter value the filter does not accept (or written twice, or empty).
    BadValue(String),
    /// Bytes left after the last slide.
    TrailingBytes(usize),
}

/// A deck link that cannot be read, or a deck that cannot be written: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckError {
    /// Where.
    pub place: Place,
    /// What.
    pub problem: Problem,
}

impl DeckError {
    /// An error at `place`.
    pub fn new(place: Place, problem: Problem) -> DeckError {
        DeckError { place, problem }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Screen => f.write_str("screen"),
            Field::Language => f.write_str("language"),
            Field::Filter(key) => write!(f, "filter {key}"),
            Field::Filters => f.write_str("filters"),
            Field::Action => f.write_str("initiative"),
            Field::Level => f.write_str("map level"),
            Field::Chart => f.write_str("chart"),
            Field::Title => f.write_str("title"),
            Field::Note => f.write_str("note"),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Link => f.write_str("deck link"),
            Place::Character(n) => write!(f, "deck link, character {n}"),
            Place::Byte(n) => write!(f, "deck, byte {n}"),
            Place::SlideCount => f.write_str("deck, slide count"),
            Place::Slide(n, field) => write!(f, "slide {n}, {field}"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Empty => f.write_str("empty"),
            Problem::UnknownVersion(v) => write!(
                f,
                "unknown version {v} (this explorer reads version {})",
                super::codec::VERSIONS
            ),
            Problem::BadCharacter(c) => write!(f, "{c:?} is not a character of a deck link"),
            Problem::Truncated => f.write_str("truncated (the link ends early)"),
            Problem::Damaged => f.write_str("damaged (the compressed deck does not read)"),
            Problem::TooLong(what, max) => write!(f, "longer than {max} {what}"),
            Problem::TooManySlides(n) => {
                write!(f, "{n} slides; a deck holds at most {}", super::MAX_SLIDES)
            }
            Problem::NoSlides => f.write_str("no slides; a deck holds at least one"),
            Problem::OverlongNumber => f.write_str("a number is written too long"),
            Problem::InvalidUtf8 => f.write_str("text that is not UTF-8"),
            Problem::ControlCharacter(at) => write!(f, "control character at character {at}"),
            Problem::UnknownCode(what, code) => write!(f, "unknown {what} code {code}"),
            Problem::BadValue(v) => write!(f, "value {v:?} is not accepted"),
            Problem::TrailingBytes(n) => write!(f, "{n} bytes after the last slide"),
        }
    }
}

impl fmt::Display for DeckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.problem)
    }
}

impl std::error::Error for DeckError {}

impl DeckError {
    /// The same message in Indonesian (place, then problem), for the interface's notice.
    pub fn indonesian(&self) -> String {
        format!("{}: {}", place_id(&self.place), problem_id(&self.problem))
    }
}

fn field_id(f: Field) -> String {
    match f {
        Field::Screen => "tampilan".into(),
        Field::Language => "bahasa".into(),
        Field::Filter(key) => format!("filter {key}"),
        Field::Filters => "daftar filter".into(),
        Field::Action => "inisiatif".into(),
        Field::Level => "tingkat peta".into(),
        Field::Chart => "grafik".into(),
        Field::Title => "judul".into(),
        Field::Note => "catatan".into(),
    }
}

fn place_id(p: &Place) -> String {
    match p {
        Place::Link => "tautan dek".into(),
        Place::Character(n) => format!("tautan dek, karakter ke-{n}"),
        Place::Byte(n) => format!("dek, bita ke-{n}"),
        Place::SlideCount => "dek, jumlah slide".into(),
        Place::Slide(n, field) => format!("slide {n}, {}", field_id(*field)),
    }
}

/// The Indonesian word of a unit or kind the messages name in English.
fn word_id(w: &str) -> &str {
    match w {
        "characters" => "karakter",
        "bytes" => "bita",
        "values" => "nilai",
        "filters" => "filter",
        "filter" => "filter",
        "language" => "bahasa",
        "map level" => "tingkat peta",
        "chart" => "grafik",
        "screen" => "tampilan",
        other => other,
    }
}

fn problem_id(p: &Problem) -> String {
    match p {
        Problem::Empty => "kosong".into(),
        Problem::UnknownVersion(v) => format!(
            "versi {v} tidak dikenal (penjelajah ini membaca versi {})",
            super::codec::VERSIONS
        ),
        Problem::BadCharacter(c) => format!("{c:?} bukan karakter tautan dek"),
        Problem::Truncated => "terpotong (tautan berakhir terlalu cepat)".into(),
        Problem::Damaged => "rusak (dek yang dimampatkan tidak terbaca)".into(),
        Problem::TooLong(what, max) => format!("lebih dari {max} {}", word_id(what)),
        Problem::TooManySlides(n) => format!(
            "{n} slide; satu dek memuat paling banyak {} slide",
            super::MAX_SLIDES
        ),
        Problem::NoSlides => "tidak ada slide; satu dek memuat paling sedikit satu".into(),
        Problem::OverlongNumber => "sebuah angka ditulis terlalu panjang".into(),
        Problem::InvalidUtf8 => "teks yang bukan UTF-8".into(),
        Problem::ControlCharacter(at) => format!("karakter kendali pada karakter ke-{at}"),
        Problem::UnknownCode(what, code) => {
            format!("kode {} {code} tidak dikenal", word_id(what))
        }
        Problem::BadValue(v) => format!("nilai {v:?} tidak diterima"),
        Problem::TrailingBytes(n) => format!("{n} bita sesudah slide terakhir"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_where_then_what() {
        let e = DeckError::new(
            Place::Slide(3, Field::Title),
            Problem::TooLong("characters", 80),
        );
        assert_eq!(e.to_string(), "slide 3, title: longer than 80 characters");
        let e = DeckError::new(Place::Character(1), Problem::UnknownVersion('9'));
        assert_eq!(
            e.to_string(),
            "deck link, character 1: unknown version 9 (this explorer reads version 1)"
        );
        assert_eq!(
            e.indonesian(),
            "tautan dek, karakter ke-1: versi 9 tidak dikenal (penjelajah ini membaca versi 1)"
        );
        let e = DeckError::new(Place::SlideCount, Problem::TooManySlides(10_000));
        assert_eq!(
            e.indonesian(),
            "dek, jumlah slide: 10000 slide; satu dek memuat paling banyak 50 slide"
        );
        let e = DeckError::new(Place::Character(9), Problem::Truncated);
        assert_eq!(
            e.indonesian(),
            "tautan dek, karakter ke-9: terpotong (tautan berakhir terlalu cepat)"
        );
    }
}
