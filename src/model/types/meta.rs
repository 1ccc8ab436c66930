//! About the dataset as a whole (`Meta`: title, licence, what its actions are, the counts
//! the official document declares) and the sources it cites (`Source`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{is_false, Text, DATE_PATTERN, ID_PATTERN, LINK_PATTERN, NOT_BLANK};

/// What the dataset's `actions` are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionsAre {
    /// The strategy's own action list.
    #[default]
    StrategyActions,
    /// Documented initiatives aligned with the strategy, not its official action list.
    AlignedInitiatives,
}

/// Counts the official document declares, whether or not the dataset itemises them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DeclaredCounts {
    /// Number of pillars the document declares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pillars: Option<u32>,
    /// Number of goals (for Jakarta: arahan) the document declares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goals: Option<u32>,
    /// Number of strategies the document declares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategies: Option<u32>,
    /// Number of actions the document declares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<u32>,
    /// Source ids for the declared counts.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub sources: Vec<String>,
}

/// About the dataset and the strategy it describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Meta {
    /// Stable id of the dataset, e.g. `jakarta-2019`.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// The strategy's title.
    pub title: Text,
    /// The city.
    pub city: Text,
    /// The strategy's vision statement.
    #[serde(default)]
    pub vision: Text,
    /// Date the strategy was published or launched (YYYY, YYYY-MM or YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(DATE_PATTERN))]
    pub published: Option<String>,
    /// Date this dataset was last edited (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(DATE_PATTERN))]
    pub dataset_date: Option<String>,
    /// Licence of this dataset, e.g. `CC BY 4.0`.
    #[schemars(pattern(NOT_BLANK))]
    pub licence: String,
    /// Who compiled this dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editors: Option<String>,
    /// What the `actions` list is: the strategy's own actions or aligned initiatives.
    #[serde(default)]
    pub actions_are: ActionsAre,
    /// Counts declared by the official document.
    #[serde(default)]
    pub declared_counts: DeclaredCounts,
    /// A note shown with the data: its limits and how it was compiled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// True for generated datasets (benchmarks); the UI labels them as synthetic.
    #[serde(default, skip_serializing_if = "is_false")]
    pub synthetic: bool,
    /// Sources for the meta facts (title, vision, dates).
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub sources: Vec<String>,
}

/// A cited source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Source {
    /// Stable id, referenced by records' `sources`.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// The source's title, in its own language.
    #[schemars(pattern(NOT_BLANK))]
    pub title: String,
    /// Who published it.
    #[serde(default)]
    pub publisher: String,
    /// Publication date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(DATE_PATTERN))]
    pub date: Option<String>,
    /// Where to read it: http, https or mailto only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(LINK_PATTERN), length(max = 2000))]
    pub url: Option<String>,
}
