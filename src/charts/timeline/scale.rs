//! The year scale the time charts share: years (fractional) to pixels, year ticks spaced
//! for legibility, and the axis with its guide lines.

use crate::charts::draw::{Align, Font, Pen};
use crate::charts::palette;

/// A horizontal time scale from `from` to `to` (years, fractional) over `x0..x1` pixels.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scale {
    pub from: f64,
    pub to: f64,
    pub x0: i32,
    pub x1: i32,
}

impl Scale {
    pub fn x(&self, t: f64) -> i32 {
        let span = (self.to - self.from).max(1e-9);
        self.x0 + ((t - self.from) / span * (self.x1 - self.x0) as f64).round() as i32
    }

    /// Year ticks at least `min_px` apart.
    pub fn ticks(&self, min_px: i32) -> Vec<i32> {
        let first = self.from.ceil() as i32;
        let last = self.to.floor() as i32;
        let per_year = (self.x1 - self.x0) as f64 / (self.to - self.from).max(1e-9);
        let step = [1, 2, 5, 10, 20, 50]
            .into_iter()
            .find(|s| per_year * *s as f64 >= min_px as f64)
            .unwrap_or(100);
        (first..=last).filter(|y| y % step == 0).collect()
    }
}

/// Draws the year ticks, their guide lines down to `bottom` and the axis line below `top`.
pub(super) fn draw_axis(pen: &mut Pen, s: &Scale, top: i32, bottom: i32) {
    for y in s.ticks(40) {
        let x = s.x(y as f64);
        pen.line((x, top + 10), (x, bottom), palette::GUIDE, 1);
        pen.text(
            &y.to_string(),
            x,
            top,
            Font::new(12.0, palette::MUTED).align(Align::Middle),
        );
    }
    pen.line((s.x0, top + 10), (s.x1, top + 10), palette::AXIS, 1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_spaced() {
        let s = Scale {
            from: 2013.0,
            to: 2031.0,
            x0: 0,
            x1: 200,
        };
        let t = s.ticks(40);
        assert!(t.len() >= 2 && t.len() <= 6, "{t:?}");
        assert!(t
            .windows(2)
            .all(|w| s.x(w[1] as f64) - s.x(w[0] as f64) >= 40));
    }
}
