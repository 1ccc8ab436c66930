//! The charts' colours, in one place: a white "paper" background (charts stay light in every
//! theme so downloads look the same), text colours, a sequential blue scale for the coverage
//! matrix (the count is printed in every cell), a red dashed, hatched style for gaps, and
//! colours for bars, Gantt bars and events. Blue against red/orange stays distinct for the
//! common colour-vision deficiencies, and no chart relies on colour alone. Tests compute the
//! WCAG contrast of every mark (≥ 3:1 against the background) and of every text (≥ 4.5:1
//! against what it is drawn on).

use crate::model::colour::legible_on;
pub use crate::model::colour::{contrast, Rgb};

/// The chart background ("paper").
pub const PAPER: Rgb = Rgb(0xff, 0xff, 0xff);
/// Main text.
pub const TEXT: Rgb = Rgb(0x1a, 0x1d, 0x23);
/// Secondary text (axis labels, notes, source line).
pub const MUTED: Rgb = Rgb(0x4a, 0x52, 0x60);
/// Axis lines and ticks.
pub const AXIS: Rgb = Rgb(0x6b, 0x72, 0x80);
/// Light guide lines (decorative only: never the only carrier of information).
pub const GUIDE: Rgb = Rgb(0xdd, 0xe1, 0xe7);
/// Light band behind alternate rows and group headers (decorative).
pub const BAND: Rgb = Rgb(0xf1, 0xf3, 0xf6);

/// Coverage matrix fills from few to many actions; every step is ≥ 3:1 on the paper.
pub const MATRIX: [Rgb; 4] = [
    Rgb(0x5b, 0x8e, 0xc9),
    Rgb(0x2f, 0x74, 0xb5),
    Rgb(0x1d, 0x5a, 0x96),
    Rgb(0x12, 0x43, 0x6d),
];
/// Outline of a gap cell (dashed) and of the gap legend swatch.
pub const GAP: Rgb = Rgb(0xb3, 0x26, 0x1e);
/// Hatching inside a gap cell (decorative: the dashed outline and the printed 0 carry it).
pub const GAP_HATCH: Rgb = Rgb(0xe8, 0xb4, 0xb0);
/// The "0" printed in a gap cell.
pub const GAP_TEXT: Rgb = Rgb(0x8a, 0x1c, 0x14);

/// Bars: the darkest step of the matrix scale.
pub const BAR: Rgb = MATRIX[3];
/// Outline of a bar or cell whose value is an active filter: the main text colour.
pub const SELECTED: Rgb = TEXT;
/// Gantt bars.
pub const GANTT: Rgb = Rgb(0x0e, 0x7c, 0x73);
/// Timeline event markers.
pub const EVENT: Rgb = Rgb(0x80, 0x16, 0x50);
/// Reference line (e.g. the strategy's launch): the gaps' red.
pub const MARKER: Rgb = GAP;

/// The matrix fill for `count` actions when the largest cell holds `max` (`None` for a gap).
/// The legend lists the resulting ranges (see `matrix::legend_buckets`).
pub fn matrix_fill(count: usize, max: usize) -> Option<Rgb> {
    if count == 0 {
        return None;
    }
    let max = max.max(1);
    let steps = MATRIX.len();
    // 1 → first step; max → last step; in between on a square-root scale, so that the
    // many small counts are told apart too.
    let i = if max <= steps {
        (count - 1).min(steps - 1)
    } else {
        let t = ((count - 1) as f64 / (max - 1) as f64).sqrt();
        ((t * steps as f64) as usize).min(steps - 1)
    };
    Some(MATRIX[i])
}

/// The text colour with the better contrast on `fill`.
pub fn text_on(fill: Rgb) -> Rgb {
    legible_on(fill, TEXT, PAPER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_of_known_pairs() {
        assert!((contrast(PAPER, Rgb(0, 0, 0)) - 21.0).abs() < 0.01);
        assert!((contrast(PAPER, PAPER) - 1.0).abs() < 1e-9);
        assert_eq!(PAPER.hex(), "#ffffff");
        assert_eq!(BAR.hex(), "#12436d");
        assert_eq!(text_on(BAR), PAPER);
        assert_eq!(text_on(BAND), TEXT);
    }

    #[test]
    fn every_mark_has_3_to_1_against_the_paper() {
        let marks = [
            ("axis", AXIS),
            ("gap outline", GAP),
            ("bar", BAR),
            ("selected outline", SELECTED),
            ("gantt", GANTT),
            ("event", EVENT),
            ("marker", MARKER),
        ];
        for (name, c) in marks.iter().chain(
            MATRIX
                .iter()
                .map(|c| ("matrix step", *c))
                .collect::<Vec<_>>()
                .iter(),
        ) {
            let r = contrast(*c, PAPER);
            assert!(r >= 3.0, "{name} {} has {r:.2}:1 on the paper", c.hex());
        }
    }

    #[test]
    fn every_text_has_4_5_to_1_on_what_it_is_drawn_on() {
        for (name, c) in [("text", TEXT), ("muted", MUTED), ("gap text", GAP_TEXT)] {
            for (bg_name, bg) in [("paper", PAPER), ("band", BAND)] {
                let r = contrast(c, bg);
                assert!(r >= 4.5, "{name} on {bg_name}: {r:.2}:1");
            }
        }
        for fill in MATRIX.iter().chain([BAR, GANTT, EVENT].iter()) {
            let t = text_on(*fill);
            let r = contrast(t, *fill);
            assert!(r >= 4.5, "count on {}: {r:.2}:1", fill.hex());
        }
    }

    #[test]
    fn matrix_scale_is_monotonic_and_zero_is_a_gap() {
        assert_eq!(matrix_fill(0, 10), None);
        assert_eq!(matrix_fill(1, 10), Some(MATRIX[0]));
        assert_eq!(matrix_fill(10, 10), Some(MATRIX[3]));
        assert_eq!(matrix_fill(1, 1), Some(MATRIX[0]));
        assert_eq!(matrix_fill(3, 3), Some(MATRIX[2]));
        let mut last = 0.0;
        for n in 1..=25 {
            let l = 1.0 - matrix_fill(n, 25).unwrap().luminance();
            assert!(l >= last, "darker with more actions");
            last = l;
        }
    }
}
