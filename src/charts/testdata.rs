//! A tiny hand-made dataset for the chart tests: two pillars, two shocks and a stress, two
//! CRF drivers, five actions (one without a pillar) and three process events; and the chart
//! input the tests draw from.

use super::ChartInput;
use crate::model::{Dataset, Filters, Lang};

/// The dataset.
pub fn tiny() -> Dataset {
    serde_json::from_str(TINY).expect("the tiny dataset parses")
}

/// The same JSON, for tests that edit it.
pub const TINY: &str = include_str!("../../tests/fixtures/charts-tiny.json");

/// The chart input for `d`, its `matching` actions and `filters`, in `lang`, `width` wide.
pub fn input<'a>(
    d: &'a Dataset,
    matching: &'a [usize],
    filters: &'a Filters,
    lang: Lang,
    width: u32,
) -> ChartInput<'a> {
    ChartInput {
        dataset: d,
        matching,
        filters,
        lang,
        width,
        drawn: true,
        tabled: true,
    }
}
