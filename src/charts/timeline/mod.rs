//! Time charts: the strategy's process events on a time axis ([`events`]) and a Gantt of
//! the matching actions' timeframes ([`gantt`]), both drawn over the same year scale
//! ([`scale`]). Process events are not tied to actions, so the filters do not change the
//! events chart (its note says so).

mod events;
mod gantt;
mod scale;

use super::ChartInput;

pub use events::events;
pub use gantt::{gantt, reference_year, GANTT_MAX_ROWS};

/// Margin around the time charts.
const PAD: i32 = 8;
/// Below this width the label column takes a larger share.
pub const NARROW_BELOW: u32 = 560;

/// The chart's width and its label column's: `narrow` of the width below [`NARROW_BELOW`],
/// else `wide` of it up to `max` pixels.
fn label_column(inp: &ChartInput, narrow: f64, wide: f64, max: f64) -> (i32, i32) {
    let width = inp.width.max(260) as i32;
    let label_w = if inp.width < NARROW_BELOW {
        (width as f64 * narrow) as i32
    } else {
        ((width as f64) * wide).min(max) as i32
    };
    (width, label_w)
}

#[cfg(test)]
mod tests {
    use crate::charts::testdata::{input as inp, tiny};
    use crate::charts::timeline::{events, gantt};
    use crate::model::{Filters, Lang};

    #[test]
    fn titles_are_escaped() {
        let mut d = tiny();
        d.actions[0].title.id = "<script>x</script>".into();
        d.timeline[0].title.id = "<img src=x onerror=alert(1)>".into();
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        assert!(!gantt(&inp(&d, &all, &f, Lang::Id, 900))
            .svg
            .contains("<script"));
        assert!(!events(&inp(&d, &all, &f, Lang::Id, 900))
            .svg
            .contains("<img"));
    }
}
