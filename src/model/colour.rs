//! Colours and their contrast, for everything the project draws (charts and map): sRGB
//! colours read from and written as `#rrggbb`, their linear light and WCAG relative
//! luminance, the WCAG contrast ratio, and the choice of the more legible of two text
//! colours on a fill.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Reads `#rrggbb` (either case); `None` for anything else.
    pub fn parse(hex: &str) -> Option<Rgb> {
        let h = hex.strip_prefix('#')?;
        if h.len() != 6 || !h.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// The channels in linear light (0 to 1).
    pub fn linear(self) -> [f64; 3] {
        // The 256 channel values, worked out once (charts ask for a legible text colour on
        // every cell of every redraw).
        static TABLE: std::sync::OnceLock<[f64; 256]> = std::sync::OnceLock::new();
        let t = TABLE.get_or_init(|| std::array::from_fn(|c| lin(c as u8)));
        [t[self.0 as usize], t[self.1 as usize], t[self.2 as usize]]
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        luminance_of(self.linear())
    }
}

/// WCAG relative luminance of a colour in linear light.
pub fn luminance_of(linear: [f64; 3]) -> f64 {
    0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
}

/// WCAG contrast ratio of two luminances (1 to 21).
pub fn contrast_of(a: f64, b: f64) -> f64 {
    let (hi, lo) = if a >= b { (a, b) } else { (b, a) };
    (hi + 0.05) / (lo + 0.05)
}

/// One sRGB channel (0–255) in linear light.
fn lin(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    contrast_of(a.luminance(), b.luminance())
}

/// Of the text colours `first` and `second`, the one with the better contrast on `fill`
/// (`first` when they tie).
pub fn legible_on(fill: Rgb, first: Rgb, second: Rgb) -> Rgb {
    if contrast(fill, first) >= contrast(fill, second) {
        first
    } else {
        second
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_read_and_written() {
        assert_eq!(Rgb::parse("#0a0B0c"), Some(Rgb(10, 11, 12)));
        assert_eq!(Rgb::parse("0a0b0c"), None);
        assert_eq!(Rgb::parse("#0a0b0"), None);
        assert_eq!(Rgb::parse("#zz0b0c"), None);
        assert_eq!(Rgb::parse("#ééé"), None);
        assert_eq!(Rgb(0x12, 0x43, 0x6d).hex(), "#12436d");
        assert_eq!(Rgb::parse(&Rgb(1, 2, 255).hex()), Some(Rgb(1, 2, 255)));
    }

    #[test]
    fn contrast_of_known_pairs() {
        let (white, black) = (Rgb(255, 255, 255), Rgb(0, 0, 0));
        assert!((contrast(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, black) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
        // #767676 is the lightest grey with 4.5:1 on white.
        let grey = contrast(Rgb(0x76, 0x76, 0x76), white);
        assert!((4.5..4.6).contains(&grey), "{grey}");
    }

    #[test]
    fn the_more_legible_text_is_chosen() {
        let (white, black) = (Rgb(255, 255, 255), Rgb(0, 0, 0));
        assert_eq!(legible_on(Rgb(0x12, 0x43, 0x6d), black, white), white);
        assert_eq!(legible_on(Rgb(0xda, 0xee, 0xff), black, white), black);
        assert_eq!(legible_on(white, white, white), white);
    }
}
