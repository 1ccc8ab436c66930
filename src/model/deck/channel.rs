//! The messages between a presentation and its presenter window (the note and the next
//! slide), sent over a `BroadcastChannel` of the same origin. A message is plain text:
//! `show <deck id> <slide>` (the presentation moved to a slide, 0-based), `ask <deck id>`
//! (a presenter window opened and wants the current slide) or `go <deck id> <slide>` (the
//! presenter window's Previous/Next: the presentation moves there). The deck id is a hash of the
//! deck's link, so two decks open in two tabs do not steer each other's presenter window.
//! Reading a message checks it as strictly as a link: it comes from another page.

use super::Deck;
use super::MAX_SLIDES;

/// The name of the channel both windows open.
pub const CHANNEL: &str = "jrs-deck";

/// The link of the default deck (the fixed story, `story::default_deck`), written out so the
/// app can name that deck to a presenter window without linking the encoder (a test checks
/// it is what the encoder writes).
pub const DEFAULT_DECK_LINK: &str = "1Lce5DQBACMTAvQeRAv0XixB2MrKHtsTCK53x8R8NGw";

/// Which deck a message is about: a 64-bit FNV-1a hash of its link, in 16 hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DeckId(pub u64);

impl DeckId {
    /// The id of the deck with link `link` (the value of its URL parameter).
    pub fn of_link(link: &str) -> DeckId {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in link.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        DeckId(h)
    }

    /// The id of the deck a presentation shows: the deck of `link` (a `deck=` parameter), or
    /// the default story when there is none.
    pub fn of_shown(link: Option<&str>) -> DeckId {
        DeckId::of_link(link.unwrap_or(DEFAULT_DECK_LINK))
    }

    /// The id of `deck` (of its current link; `None` when it has none).
    pub fn of_deck(deck: &Deck) -> Option<DeckId> {
        super::encode(deck).ok().map(|l| DeckId::of_link(&l))
    }
}

/// A message between the two windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// The presentation shows this slide (0-based).
    Show {
        /// The deck.
        deck: DeckId,
        /// The slide shown.
        slide: usize,
    },
    /// A presenter window asks which slide is shown.
    Ask {
        /// The deck.
        deck: DeckId,
    },
    /// A presenter window asks the presentation to show this slide (0-based).
    Go {
        /// The deck.
        deck: DeckId,
        /// The slide to show.
        slide: usize,
    },
}

impl Message {
    /// The message as text.
    pub fn to_text(self) -> String {
        match self {
            Message::Show { deck, slide } => format!("show {:016x} {slide}", deck.0),
            Message::Ask { deck } => format!("ask {:016x}", deck.0),
            Message::Go { deck, slide } => format!("go {:016x} {slide}", deck.0),
        }
    }

    /// The deck the message is about.
    pub fn deck(self) -> DeckId {
        match self {
            Message::Show { deck, .. } | Message::Ask { deck } | Message::Go { deck, .. } => deck,
        }
    }

    /// The message of `text`, or why it is not one (part number and what). The reasons are
    /// fixed texts (for tests and logs; the windows drop a message they cannot read).
    pub fn parse(text: &str) -> Result<Message, &'static str> {
        if text.len() > 64 {
            return Err("message: longer than 64 characters");
        }
        let mut parts = text.split(' ');
        let kind = parts.next().unwrap_or_default();
        if !matches!(kind, "show" | "ask" | "go") {
            return Err("part 1: unknown message");
        }
        let deck = match parts.next() {
            Some(s) if s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit()) => {
                u64::from_str_radix(s, 16)
                    .map(DeckId)
                    .map_err(|_| "part 2: not a deck id")?
            }
            Some(_) => return Err("part 2: not a deck id (16 hex digits)"),
            None => return Err("message: wrong number of parts"),
        };
        let slide = parts.next().map(|n| {
            n.parse::<usize>()
                .ok()
                .filter(|v| {
                    *v < MAX_SLIDES && n.len() == 1 + v.checked_ilog10().unwrap_or(0) as usize
                })
                .ok_or("part 3: not a slide number of a deck (0 to 49)")
        });
        if parts.next().is_some() {
            return Err("message: wrong number of parts");
        }
        match (kind, slide) {
            ("show", Some(n)) => Ok(Message::Show { deck, slide: n? }),
            ("go", Some(n)) => Ok(Message::Go { deck, slide: n? }),
            ("ask", None) => Ok(Message::Ask { deck }),
            _ => Err("message: wrong number of parts"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::deck::story::default_deck;

    #[test]
    fn messages_round_trip_as_text() {
        let deck = DeckId::of_deck(&default_deck()).expect("the default deck has a link");
        for m in [
            Message::Show { deck, slide: 0 },
            Message::Show { deck, slide: 6 },
            Message::Ask { deck },
            Message::Go { deck, slide: 0 },
            Message::Go {
                deck,
                slide: MAX_SLIDES - 1,
            },
        ] {
            assert_eq!(Message::parse(&m.to_text()), Ok(m));
            assert_eq!(m.deck(), deck);
        }
        assert_eq!(
            Message::Go { deck, slide: 3 }.to_text(),
            format!("go {:016x} 3", deck.0)
        );
        assert_ne!(DeckId::of_link("1abc"), DeckId::of_link("1abd"));
    }

    #[test]
    fn the_default_deck_link_is_what_the_encoder_writes() {
        let link = crate::model::deck::encode(&default_deck()).expect("the default deck encodes");
        assert_eq!(link, DEFAULT_DECK_LINK);
        assert_eq!(DeckId::of_shown(None), DeckId::of_link(&link));
        assert_eq!(
            DeckId::of_deck(&default_deck()),
            Some(DeckId::of_shown(None))
        );
        assert_ne!(DeckId::of_shown(Some("1abc")), DeckId::of_shown(None));
    }

    #[test]
    fn a_foreign_message_is_refused_with_its_place() {
        let id = "0123456789abcdef";
        for (text, says) in [
            ("", "part 1"),
            ("jump 0123456789abcdef 1", "part 1"),
            ("show 0123 1", "part 2"),
            ("show 0123456789abcdeg 1", "part 2"),
            (&format!("show {id} 50") as &str, "part 3"),
            (&format!("show {id} -1"), "part 3"),
            (&format!("show {id} 01"), "part 3"),
            (&format!("show {id} +1"), "part 3"),
            (&format!("show {id} 1 2"), "message"),
            (&format!("go {id}"), "message"),
            (&format!("go {id} 1 2"), "message"),
            (&format!("go {id} {MAX_SLIDES}"), "part 3"),
            (&format!("go {id} 1.5"), "part 3"),
            (&format!("go {id} "), "part 3"),
            ("go 0123456789ABCDEF0 1", "part 2"),
            (&format!("Go {id} 1"), "part 1"),
            (&format!("go  {id} 1"), "part 2"),
            (&format!("ask {id} 1"), "message"),
            ("jump", "part 1"),
            (&"x".repeat(65), "message"),
        ] {
            let e = Message::parse(text).err().unwrap_or_default();
            assert!(e.starts_with(says), "{text:?}: {e}");
        }
    }
}
