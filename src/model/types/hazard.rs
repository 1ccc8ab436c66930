//! The shocks and stresses a strategy answers, and the rankings of them each source gives.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Text, ID_PATTERN};

/// Shock (sudden) or stress (chronic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum HazardKind {
    /// A sudden, sharp event (flood, earthquake, fire).
    Shock,
    /// A chronic pressure (land subsidence, congestion).
    Stress,
}

cited_record! {
    /// A shock or stress the strategy answers.
    pub struct Hazard {
        /// Stable id, e.g. `flood`.
        id,
        /// Shock or stress.
        pub kind: HazardKind,
        /// Its name.
        pub name: Text,
        /// What the sources say about it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub description: Option<Text>,
    }
}

cited_record! {
    /// A list of the most important shocks and stresses as one source gives it (e.g. the
    /// strategy's "main threats", or the top three of the preliminary resilience assessment).
    /// Sources may disagree: a dataset carries each list with its own source.
    pub struct Ranking {
        /// Stable id.
        id,
        /// What the list is, e.g. "Main threats in the strategy summary".
        pub title: Text,
        /// What the source says about it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub description: Option<Text>,
        /// Shocks (hazard ids of kind `shock`), in the source's order.
        #[serde(default)]
        #[schemars(inner(pattern(ID_PATTERN)))]
        pub shocks: Vec<String>,
        /// Stresses (hazard ids of kind `stress`), in the source's order.
        #[serde(default)]
        #[schemars(inner(pattern(ID_PATTERN)))]
        pub stresses: Vec<String>,
    }
}
