//! The matrix legend below the grid: one swatch per range of counts in use, then the gap
//! swatch (hatched, red dashed outline), wrapping onto more lines when the chart is narrow.

use super::{PAD, TEXT_PX};
use crate::charts::draw::{Font, Pen};
use crate::charts::palette::{self, Rgb};
use crate::charts::text;
use crate::charts::ChartInput;
use crate::i18n;

/// The legend's buckets: (first count, last count, fill) for each fill in use.
pub fn legend_buckets(max: usize) -> Vec<(usize, usize, Rgb)> {
    let mut out: Vec<(usize, usize, Rgb)> = Vec::new();
    for n in 1..=max {
        let Some(c) = palette::matrix_fill(n, max) else {
            continue;
        };
        match out.last_mut() {
            Some(last) if last.2 == c => last.1 = n,
            _ => out.push((n, n, c)),
        }
    }
    out
}

/// The legend's height when drawn `width` wide.
pub(super) fn legend_height(inp: &ChartInput, max: usize, width: i32) -> i32 {
    legend_items(inp, max, width).1
}

/// A placed legend entry: x, y, label, fill (`None` for the gap swatch).
type LegendItem = (i32, i32, String, Option<Rgb>);

fn legend_items(inp: &ChartInput, max: usize, width: i32) -> (Vec<LegendItem>, i32) {
    let size = TEXT_PX;
    let mut items: Vec<(String, Option<Rgb>)> = legend_buckets(max)
        .into_iter()
        .map(|(a, b, c)| {
            let label = if a == b {
                inp.num(a)
            } else {
                format!("{}–{}", inp.num(a), inp.num(b))
            };
            (label, Some(c))
        })
        .collect();
    items.push((
        i18n::texts(inp.lang).charts.matrix_legend_gap.to_string(),
        None,
    ));
    let lead = i18n::texts(inp.lang).charts.matrix_legend.to_string();
    let mut placed = Vec::new();
    let mut x = PAD + text::width(&lead, size) as i32 + 8;
    let mut y = 14;
    for (label, fill) in items {
        let w = 24 + text::width(&label, size) as i32 + 14;
        if x + w > width - PAD && x > PAD + 100 {
            x = PAD;
            y += 24;
        }
        placed.push((x, y, label, fill));
        x += w;
    }
    (placed, y + 16)
}

/// Draws the legend with its top at `top`.
pub(super) fn draw_legend(pen: &mut Pen, inp: &ChartInput, max: usize, width: i32, top: i32) {
    let size = TEXT_PX;
    let lead = i18n::texts(inp.lang).charts.matrix_legend;
    pen.text(lead, PAD, top + 14, Font::new(size, palette::MUTED));
    let (items, _) = legend_items(inp, max, width);
    for (x, y, label, fill) in items {
        let (sx, sy) = (x, top + y - 8);
        match fill {
            Some(c) => pen.rect(sx, sy, 20, 16, c),
            None => {
                pen.hatch(sx, sy, 20, 16, palette::GAP_HATCH, 6);
                pen.dashed_outline(sx, sy, 20, 16, palette::GAP, 2);
            }
        }
        pen.text(&label, sx + 26, top + y, Font::new(size, palette::TEXT));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_buckets_cover_one_to_max() {
        let b = legend_buckets(12);
        assert_eq!(b.first().unwrap().0, 1);
        assert_eq!(b.last().unwrap().1, 12);
        for w in b.windows(2) {
            assert_eq!(w[0].1 + 1, w[1].0);
        }
        assert!(legend_buckets(0).is_empty());
    }
}
