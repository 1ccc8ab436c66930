//! Bytes ⇄ text of the URL-safe base64 alphabet (`A–Z a–z 0–9 - _`, no padding): every
//! character stays as it is in a query string, so a deck link is never percent-encoded.
//! Reading names the first character that does not belong.

use super::error::{DeckError, Place, Problem};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The text of `bytes` (4 characters per 3 bytes, the last group shortened).
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let b = [
            group[0],
            group.get(1).copied().unwrap_or(0),
            group.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=group.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// The bytes of `text`; `first` is the link position (1-based) of its first character, for
/// the error's place. A lone last character (6 bits, not a byte) is a truncated link.
pub fn decode(text: &str, first: usize) -> Result<Vec<u8>, DeckError> {
    if let Some((i, c)) = text
        .char_indices()
        .find(|&(_, c)| !c.is_ascii() || value(c as u8).is_none())
    {
        let at = first + text[..i].chars().count();
        return Err(DeckError::new(
            Place::Character(at),
            Problem::BadCharacter(c),
        ));
    }
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return Err(DeckError::new(
            Place::Character(first + bytes.len() - 1),
            Problem::Truncated,
        ));
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for group in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in group.iter().enumerate() {
            n |= value(c).unwrap_or(0) << (18 - 6 * i);
        }
        for i in 0..group.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_and_round_trips() {
        assert_eq!(encode(b""), "");
        assert_eq!(encode(b"f"), "Zg");
        assert_eq!(encode(b"fo"), "Zm8");
        assert_eq!(encode(b"foo"), "Zm9v");
        assert_eq!(encode(&[0xfb, 0xff, 0xfe]), "-__-");
        for n in 0..40u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37) ^ 0xa5).collect();
            assert_eq!(decode(&encode(&bytes), 1).ok(), Some(bytes));
        }
    }

    #[test]
    fn a_foreign_character_is_named_with_its_place() {
        let e = decode("Zm9v+g", 2).err();
        assert_eq!(
            e.map(|e| e.to_string()),
            Some("deck link, character 6: '+' is not a character of a deck link".into())
        );
        let e = decode("Zmé", 1).err();
        assert_eq!(e.map(|e| e.place), Some(Place::Character(3)));
    }

    #[test]
    fn a_lone_last_character_is_a_truncated_link() {
        let e = decode("Zm9vZ", 2).err();
        assert_eq!(
            e,
            Some(DeckError::new(Place::Character(6), Problem::Truncated))
        );
    }
}
