//! The deck's bytes before compression: small numbers in as few bytes as they need (7 bits
//! a byte, the high bit saying "more"; only the shortest form is read, so one deck has one
//! encoding), and texts as their UTF-8 length and bytes. The reader never allocates for a
//! length it has not checked against the bytes that are left.

use super::error::Problem;

/// Writes a deck's bytes.
#[derive(Default)]
pub struct Writer {
    /// The bytes so far.
    pub bytes: Vec<u8>,
}

impl Writer {
    /// One byte.
    pub fn byte(&mut self, b: u8) {
        self.bytes.push(b);
    }

    /// A number.
    pub fn number(&mut self, mut n: u64) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    /// A text: its length, then its bytes.
    pub fn text(&mut self, s: &str) {
        self.number(s.len() as u64);
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// A text or none: 0 for none, else its length + 1, then its bytes.
    pub fn optional_text(&mut self, s: Option<&str>) {
        match s {
            None => self.number(0),
            Some(s) => {
                self.number(s.len() as u64 + 1);
                self.bytes.extend_from_slice(s.as_bytes());
            }
        }
    }
}

/// Reads a deck's bytes, front to back.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// The most bytes a number here takes (numbers up to 2^35).
const MAX_NUMBER_BYTES: usize = 5;

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    /// The 1-based position of the next byte.
    pub fn position(&self) -> usize {
        self.at + 1
    }

    /// The bytes not read yet.
    pub fn left(&self) -> usize {
        self.bytes.len() - self.at
    }

    /// One byte.
    pub fn byte(&mut self) -> Result<u8, Problem> {
        let b = *self.bytes.get(self.at).ok_or(Problem::Truncated)?;
        self.at += 1;
        Ok(b)
    }

    /// A number in its shortest form.
    pub fn number(&mut self) -> Result<u64, Problem> {
        let mut n = 0u64;
        for i in 0..MAX_NUMBER_BYTES {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                // A last byte of 0 after others is a longer form of a shorter number.
                if i > 0 && b == 0 {
                    return Err(Problem::OverlongNumber);
                }
                return Ok(n);
            }
        }
        Err(Problem::OverlongNumber)
    }

    /// A text of at most `max_chars` characters.
    pub fn text(&mut self, max_chars: usize) -> Result<String, Problem> {
        let len = self.number()?;
        self.text_of(len, max_chars)
    }

    /// A text or none (see [`Writer::optional_text`]).
    pub fn optional_text(&mut self, max_chars: usize) -> Result<Option<String>, Problem> {
        match self.number()? {
            0 => Ok(None),
            n => self.text_of(n - 1, max_chars).map(Some),
        }
    }

    fn text_of(&mut self, len: u64, max_chars: usize) -> Result<String, Problem> {
        // A character takes at most 4 bytes: a longer text cannot be within the limit.
        if len > (max_chars as u64) * 4 {
            return Err(Problem::TooLong("characters", max_chars));
        }
        let len = len as usize;
        if len > self.left() {
            return Err(Problem::Truncated);
        }
        let raw = &self.bytes[self.at..self.at + len];
        self.at += len;
        let s = std::str::from_utf8(raw).map_err(|_| Problem::InvalidUtf8)?;
        if s.chars().count() > max_chars {
            return Err(Problem::TooLong("characters", max_chars));
        }
        Ok(s.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_in_their_shortest_form() {
        for n in [0u64, 1, 127, 128, 300, 16_383, 16_384, u32::MAX as u64] {
            let mut w = Writer::default();
            w.number(n);
            let mut r = Reader::new(&w.bytes);
            assert_eq!(r.number(), Ok(n));
            assert_eq!(r.left(), 0);
        }
        assert_eq!(
            Reader::new(&[0x80, 0x00]).number(),
            Err(Problem::OverlongNumber)
        );
        assert_eq!(
            Reader::new(&[0xff, 0xff, 0xff, 0xff, 0xff, 0x01]).number(),
            Err(Problem::OverlongNumber)
        );
        assert_eq!(Reader::new(&[0xff]).number(), Err(Problem::Truncated));
    }

    #[test]
    fn texts_are_checked_before_they_are_copied() {
        let mut w = Writer::default();
        w.text("banjir <b>");
        w.optional_text(None);
        w.optional_text(Some(""));
        let mut r = Reader::new(&w.bytes);
        assert_eq!(r.text(20).as_deref(), Ok("banjir <b>"));
        assert_eq!(r.optional_text(20), Ok(None));
        assert_eq!(r.optional_text(20), Ok(Some(String::new())));
        // A length far beyond the bytes left: truncated, nothing allocated for it.
        assert_eq!(
            Reader::new(&[0xff, 0xff, 0x03, b'a']).text(100_000),
            Err(Problem::Truncated)
        );
        assert_eq!(
            Reader::new(&[5, b'a', b'b', b'c', b'd', b'e']).text(4),
            Err(Problem::TooLong("characters", 4))
        );
        assert_eq!(
            Reader::new(&[2, 0xc3, 0x28]).text(4),
            Err(Problem::InvalidUtf8)
        );
    }
}
