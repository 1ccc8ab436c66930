//! The messages between a presentation and its presenter window (the note and the next
//! slide), sent over a `BroadcastChannel` of the same origin. A message is plain text:
//! `show <deck id> <slide>` (the presentation moved to a slide, 0-based) or `ask <deck id>`
//! (a presenter window opened and wants the current slide). The deck id is a hash of the
//! deck's link, so two decks open in two tabs do not steer each other's presenter window.
//! Reading a message checks it as strictly as a link: it comes from another page.

use super::Deck;
use super::MAX_SLIDES;

/// The name of the channel both windows open.
pub const CHANNEL: &str = "jrs-deck";

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
}

impl Message {
    /// The message as text.
    pub fn to_text(self) -> String {
        match self {
            Message::Show { deck, slide } => format!("show {:016x} {slide}", deck.0),
            Message::Ask { deck } => format!("ask {:016x}", deck.0),
        }
    }

    /// The message of `text`, or why it is not one (part number and what).
    pub fn parse(text: &str) -> Result<Message, String> {
        if text.len() > 64 {
            return Err("message: longer than 64 characters".into());
        }
        let parts: Vec<&str> = text.split(' ').collect();
        let deck = |s: &str| {
            if s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
                u64::from_str_radix(s, 16)
                    .map(DeckId)
                    .map_err(|_| "part 2: not a deck id".to_string())
            } else {
                Err("part 2: not a deck id (16 hex digits)".to_string())
            }
        };
        match parts.as_slice() {
            ["show", id, n] => {
                let deck = deck(id)?;
                let slide = n
                    .parse::<usize>()
                    .ok()
                    .filter(|v| *v < MAX_SLIDES && v.to_string() == *n)
                    .ok_or_else(|| format!("part 3: not a slide number below {MAX_SLIDES}"))?;
                Ok(Message::Show { deck, slide })
            }
            ["ask", id] => Ok(Message::Ask { deck: deck(id)? }),
            ["show" | "ask", ..] => Err("message: wrong number of parts".into()),
            [kind, ..] => Err(format!("part 1: unknown message {kind:?}")),
            [] => Err("message: empty".into()),
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
        ] {
            assert_eq!(Message::parse(&m.to_text()), Ok(m));
        }
        assert_ne!(DeckId::of_link("1abc"), DeckId::of_link("1abd"));
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
            (&"x".repeat(65), "message"),
        ] {
            let e = Message::parse(text).err().unwrap_or_default();
            assert!(e.starts_with(says), "{text:?}: {e}");
        }
    }
}
