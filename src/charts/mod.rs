//! Charts as plain Rust (no Leptos, no browser): each chart is a function from the dataset,
//! the indices of the actions matching the filters, the language and a width in pixels to a
//! [`ChartSpec`]: the SVG drawn with plotters, a title, a one-sentence summary, the table of
//! exactly the data drawn, the CSV of that table, and the hit regions of its interactive marks
//! (which the user interface overlays with focusable targets). Tested natively.
//!
//! CSV convention: the header row of the table, one row per table row (numbers unformatted),
//! and a last `source` column on every row naming the dataset, its date, its licence and the
//! link of the view, so any row copied elsewhere keeps its source.

pub mod bars;
pub mod coverage_table;
pub mod draw;
mod input;
mod marks;
pub mod markup_diff;
pub mod matrix;
pub mod palette;
mod spec;
mod standalone;
pub mod svg_writer;
mod table;
pub mod text;
pub mod timeline;

pub use input::{empty_summary, ChartInput};
pub use marks::{apply_hit, hits_changes, hits_markup, neighbour, Hit, HitAction};
pub use spec::{source_line, ChartSpec};
pub use table::{table_html, Cell, Table};

/// Width and height from an SVG document's root `width` and `height` attributes.
pub fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let head = &svg[..svg.find('>')?];
    let attr = |name: &str| -> Option<u32> {
        let pat = format!(" {name}=\"");
        let i = head.find(&pat)? + pat.len();
        head[i..].split('"').next()?.parse().ok()
    };
    Some((attr("width")?, attr("height")?))
}

/// Positions `0..n` ordered by `key(i)` (smaller first), ties by position. Every chart sorts
/// through this one `u64` sort, which keeps the wasm small; keys must stay below 2^40.
pub fn order_by(n: usize, key: impl Fn(usize) -> u64) -> Vec<usize> {
    let mut keys: Vec<u64> = (0..n).map(|i| (key(i) << 24) | i as u64).collect();
    keys.sort_unstable();
    keys.into_iter().map(|k| (k & 0xff_ffff) as usize).collect()
}

#[cfg(test)]
pub(crate) mod testdata;

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn order_by_sorts_by_key_then_position() {
        assert_eq!(order_by(4, |i| [3, 1, 3, 0][i]), vec![3, 1, 0, 2]);
        assert!(order_by(0, |_| 0).is_empty());
    }

    #[test]
    fn svg_size_reads_the_root() {
        assert_eq!(
            svg_size("<svg xmlns=\"x\" width=\"640\" height=\"480\" viewBox=\"0 0 640 480\">"),
            Some((640, 480))
        );
        assert_eq!(svg_size("<svg>"), None);
    }
}
