//! The map's colour scale: a sequential single-hue (blue) palette that stays ordered for
//! colour-blind readers, count classes with their legend ranges, and the legible label
//! colour on each fill (contrast is computed by `model::colour`). Zero is never shown by
//! colour alone: it has its own neutral fill drawn with a hatch pattern.

use crate::model::colour::{legible_on, Rgb};

/// The five steps of the scale, lightest (fewest) first. Lightness falls evenly in
/// OKLab at a fixed blue hue, so the order survives every common colour-vision
/// deficiency (see the tests).
pub const STEPS: [&str; 5] = ["#daeeff", "#a5ccf4", "#67a3e0", "#2d78bd", "#004f8b"];

/// Fill of areas with no matching action, drawn under [`ZERO_HATCH`] lines.
pub const ZERO_FILL: &str = "#f2f3f5";

/// Hatch lines over [`ZERO_FILL`].
pub const ZERO_HATCH: &str = "#6f7782";

/// Dark label text.
pub const DARK_TEXT: &str = "#10151c";

/// Light label text.
pub const LIGHT_TEXT: &str = "#ffffff";

/// One class of counts and its palette step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Class {
    /// Smallest count in the class (at least 1).
    pub lo: usize,
    /// Largest count in the class.
    pub hi: usize,
    /// Index into [`STEPS`].
    pub step: usize,
}

impl Class {
    /// The class's fill colour.
    pub fn fill(&self) -> &'static str {
        STEPS[self.step.min(STEPS.len() - 1)]
    }

    /// The legend label: `3` or `4–6` (en dash).
    pub fn label(&self) -> String {
        if self.lo == self.hi {
            self.lo.to_string()
        } else {
            format!("{}–{}", self.lo, self.hi)
        }
    }
}

/// Classes covering 1..=max: one class per count up to five counts, otherwise five
/// equal-width classes with whole-number bounds. Fewer classes spread over the whole
/// palette, so two classes are light and dark, not two light blues.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    /// The classes, from the smallest counts; empty when every count is zero.
    pub classes: Vec<Class>,
}

impl Scale {
    /// The scale for counts up to `max`.
    pub fn new(max: usize) -> Scale {
        if max == 0 {
            return Scale {
                classes: Vec::new(),
            };
        }
        let n = STEPS.len();
        let mut bounds: Vec<(usize, usize)> = Vec::new();
        if max <= n {
            bounds.extend((1..=max).map(|v| (v, v)));
        } else {
            let mut lo = 1;
            for i in 1..=n {
                let hi = (max * i).div_ceil(n);
                if hi >= lo {
                    bounds.push((lo, hi));
                    lo = hi + 1;
                }
            }
        }
        let k = bounds.len();
        let classes = bounds
            .into_iter()
            .enumerate()
            .map(|(i, (lo, hi))| {
                let step = if k == 1 {
                    n / 2
                } else {
                    ((i * (n - 1)) as f64 / (k - 1) as f64).round() as usize
                };
                Class { lo, hi, step }
            })
            .collect();
        Scale { classes }
    }

    /// The scale for the largest of `counts`.
    pub fn for_counts<I: IntoIterator<Item = usize>>(counts: I) -> Scale {
        Scale::new(counts.into_iter().max().unwrap_or(0))
    }

    /// The class of count `n`; `None` for zero (and for counts above the scale).
    pub fn class_of(&self, n: usize) -> Option<Class> {
        self.classes
            .iter()
            .copied()
            .find(|c| n >= c.lo && n <= c.hi)
    }

    /// The fill for count `n` (the zero fill for 0).
    pub fn fill(&self, n: usize) -> &'static str {
        self.class_of(n).map_or(ZERO_FILL, |c| c.fill())
    }

    /// A legible label colour on the fill for count `n`.
    pub fn label_colour(&self, n: usize) -> &'static str {
        label_colour(self.fill(n))
    }
}

/// The colour of `#rrggbb` (black when unparsable).
pub fn rgb(hex: &str) -> Rgb {
    Rgb::parse(hex).unwrap_or(Rgb(0, 0, 0))
}

/// [`DARK_TEXT`] or [`LIGHT_TEXT`], whichever contrasts more with `fill`.
pub fn label_colour(fill: &str) -> &'static str {
    if legible_on(rgb(fill), rgb(DARK_TEXT), rgb(LIGHT_TEXT)) == rgb(DARK_TEXT) {
        DARK_TEXT
    } else {
        LIGHT_TEXT
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::colour::{contrast_of, luminance_of};

    fn luminance(hex: &str) -> f64 {
        rgb(hex).luminance()
    }

    fn contrast(a: &str, b: &str) -> f64 {
        crate::model::colour::contrast(rgb(a), rgb(b))
    }

    /// Full-severity dichromacy simulation matrices in linear RGB (Machado, Oliveira and
    /// Fernandes 2009): protanopia, deuteranopia, tritanopia.
    const CVD: [(&str, [[f64; 3]; 3]); 3] = [
        (
            "protanopia",
            [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
        ),
        (
            "deuteranopia",
            [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
        ),
        (
            "tritanopia",
            [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        ),
    ];

    fn simulate(m: &[[f64; 3]; 3], c: [f64; 3]) -> [f64; 3] {
        let row = |r: &[f64; 3]| (r[0] * c[0] + r[1] * c[1] + r[2] * c[2]).clamp(0.0, 1.0);
        [row(&m[0]), row(&m[1]), row(&m[2])]
    }

    #[test]
    fn steps_get_darker_with_distinct_neighbours() {
        for w in STEPS.windows(2) {
            assert!(luminance(w[0]) > luminance(w[1]), "{} then {}", w[0], w[1]);
            let c = contrast(w[0], w[1]);
            assert!(c >= 1.35, "{} vs {}: {c:.2}", w[0], w[1]);
        }
    }

    #[test]
    fn order_survives_colour_vision_deficiencies() {
        for (name, m) in &CVD {
            let lum: Vec<f64> = STEPS
                .iter()
                .map(|s| luminance_of(simulate(m, rgb(s).linear())))
                .collect();
            for (k, w) in lum.windows(2).enumerate() {
                assert!(w[0] > w[1], "{name}: step {k} not lighter than {}", k + 1);
                let c = contrast_of(w[0], w[1]);
                assert!(c >= 1.25, "{name}: steps {k}/{} only {c:.2}:1 apart", k + 1);
            }
        }
    }

    #[test]
    fn darkest_step_stands_out_on_light_and_dark_pages() {
        // Non-text contrast (WCAG 1.4.11) of the top class against a white page...
        assert!(contrast(STEPS[4], "#ffffff") >= 3.0);
        // ...and of the lightest class against the dark theme's page.
        assert!(contrast(STEPS[0], "#12151a") >= 3.0);
    }

    #[test]
    fn labels_are_legible_on_every_fill() {
        for fill in STEPS.iter().chain([&ZERO_FILL]) {
            let text = label_colour(fill);
            let c = contrast(fill, text);
            assert!(c >= 4.5, "label on {fill}: {c:.2}:1");
        }
    }

    #[test]
    fn zero_is_hatched_visibly_and_unlike_the_first_step() {
        assert!(contrast(ZERO_FILL, ZERO_HATCH) >= 3.0);
        // Neutral grey, not a blue: its channels are (nearly) equal.
        let Rgb(r, g, b) = Rgb::parse(ZERO_FILL).unwrap();
        assert!(r.abs_diff(b) <= 4 && g.abs_diff(b) <= 4);
        assert_ne!(ZERO_FILL, STEPS[0]);
    }

    #[test]
    fn small_maxima_get_one_class_per_count_spread_over_the_palette() {
        assert!(Scale::new(0).classes.is_empty());
        let one = Scale::new(1);
        assert_eq!(
            one.classes,
            vec![Class {
                lo: 1,
                hi: 1,
                step: 2
            }]
        );
        let two = Scale::new(2);
        assert_eq!(
            two.classes.iter().map(|c| c.step).collect::<Vec<_>>(),
            vec![0, 4]
        );
        let three = Scale::new(3);
        assert_eq!(
            three.classes.iter().map(|c| c.step).collect::<Vec<_>>(),
            vec![0, 2, 4]
        );
        let five = Scale::new(5);
        assert_eq!(five.classes.len(), 5);
        assert!(five.classes.iter().all(|c| c.lo == c.hi));
        assert_eq!(five.classes[4].step, 4);
    }

    #[test]
    fn large_maxima_get_five_contiguous_classes() {
        for max in [6, 7, 12, 13, 100, 1234] {
            let s = Scale::new(max);
            assert_eq!(s.classes.len(), 5, "max {max}");
            assert_eq!(s.classes[0].lo, 1);
            assert_eq!(s.classes[4].hi, max);
            for w in s.classes.windows(2) {
                assert_eq!(w[1].lo, w[0].hi + 1, "max {max}: {:?}", s.classes);
                assert!(w[1].step > w[0].step);
            }
            for n in 1..=max {
                assert!(s.class_of(n).is_some(), "max {max}: {n} has no class");
            }
        }
        let s = Scale::new(12);
        let labels: Vec<String> = s.classes.iter().map(Class::label).collect();
        assert_eq!(labels, vec!["1–3", "4–5", "6–8", "9–10", "11–12"]);
    }

    #[test]
    fn fills_follow_the_classes() {
        let s = Scale::for_counts([0, 3, 1, 2]);
        assert_eq!(s.fill(0), ZERO_FILL);
        assert_eq!(s.fill(1), STEPS[0]);
        assert_eq!(s.fill(3), STEPS[4]);
        assert_eq!(s.fill(99), ZERO_FILL);
        assert_eq!(s.label_colour(3), LIGHT_TEXT);
        assert_eq!(s.label_colour(1), DARK_TEXT);
    }

    #[test]
    fn unparsable_colours_count_as_black() {
        assert_eq!(rgb("#0a0B0c"), Rgb(10, 11, 12));
        assert_eq!(rgb("0a0b0c"), Rgb(0, 0, 0));
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((contrast("nonsense", "#ffffff") - 21.0).abs() < 1e-9);
    }
}
