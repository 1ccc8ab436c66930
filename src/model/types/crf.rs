//! The City Resilience Framework: its dimensions, drivers and qualities.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Text, ID_PATTERN};

cited_record! {
    /// A dimension of the City Resilience Framework.
    pub struct CrfDimension {
        /// Stable id.
        id,
        /// Its name.
        pub name: Text,
        /// Its description.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub description: Option<Text>,
    }
}

cited_record! {
    /// A driver (goal) of the City Resilience Framework.
    pub struct CrfDriver {
        /// Stable id.
        id,
        /// The dimension it belongs to.
        #[schemars(pattern(ID_PATTERN))]
        pub dimension: String,
        /// Its name (100RC's action form).
        pub name: Text,
    }
}

cited_record! {
    /// A quality of resilient systems.
    pub struct CrfQuality {
        /// Stable id.
        id,
        /// Its name.
        pub name: Text,
        /// Its definition.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub definition: Option<Text>,
    }
}

/// The City Resilience Framework: dimensions, drivers and qualities.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Crf {
    /// The four dimensions.
    #[serde(default)]
    pub dimensions: Vec<CrfDimension>,
    /// The twelve drivers.
    #[serde(default)]
    pub drivers: Vec<CrfDriver>,
    /// The seven qualities.
    #[serde(default)]
    pub qualities: Vec<CrfQuality>,
}
