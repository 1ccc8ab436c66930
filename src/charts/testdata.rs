//! A tiny hand-made dataset for the chart tests: two pillars, two shocks and a stress, two
//! CRF drivers, five actions (one without a pillar) and three process events.

use crate::model::Dataset;

/// The dataset.
pub fn tiny() -> Dataset {
    serde_json::from_str(TINY).expect("the tiny dataset parses")
}

/// The same JSON, for tests that edit it.
pub const TINY: &str = include_str!("../../tests/fixtures/charts-tiny.json");
