//! An action (or aligned initiative) and what describes it: status and how it is known,
//! its tie to the strategy, its timeframe.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Provenance, Text, FIRST_YEAR, ID_PATTERN, LAST_YEAR};

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Announced, not started.
    Planned,
    /// Running.
    Ongoing,
    /// Finished.
    Completed,
    /// Not known.
    Unknown,
}

impl Status {
    /// All statuses, in display order.
    pub const ALL: [Status; 4] = [
        Status::Planned,
        Status::Ongoing,
        Status::Completed,
        Status::Unknown,
    ];

    /// The value used in JSON and URLs.
    pub fn code(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Ongoing => "ongoing",
            Status::Completed => "completed",
            Status::Unknown => "unknown",
        }
    }

    /// Parses the JSON/URL value.
    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// How an action's status is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum StatusBasis {
    /// A cited source states the status.
    Sourced,
    /// The editors inferred it from the dates in the sources; no source states it.
    Inferred,
}

impl StatusBasis {
    /// The value used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            StatusBasis::Sourced => "sourced",
            StatusBasis::Inferred => "inferred",
        }
    }
}

/// What a source confirms about an initiative's link to the strategy, from the strongest tie
/// to none. The pillar and hazard tags are a separate matter (see the provenance).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Tie {
    /// A source says it is part of, serves or complements the strategy itself.
    Strategy,
    /// A source ties it to the resilience programme (100RC, the city's resilience programme
    /// or its label, e.g. Jakarta's 2018 Grand Designs), not to the strategy document.
    Programme,
    /// The city's resilience office (Secretariat, Chief Resilience Officer) or 100RC is a
    /// partner, funder, convener or co-designer.
    Partnership,
    /// The resilience office only attended it or reported it on its own channels.
    Reported,
    /// No source ties it: the editors linked it by theme.
    Theme,
}

impl Tie {
    /// All ties, strongest first.
    pub const ALL: [Tie; 5] = [
        Tie::Strategy,
        Tie::Programme,
        Tie::Partnership,
        Tie::Reported,
        Tie::Theme,
    ];

    /// The value used in JSON and URLs.
    pub fn code(self) -> &'static str {
        match self {
            Tie::Strategy => "strategy",
            Tie::Programme => "programme",
            Tie::Partnership => "partnership",
            Tie::Reported => "reported",
            Tie::Theme => "theme",
        }
    }

    /// Parses the JSON/URL value.
    pub fn from_code(code: &str) -> Option<Tie> {
        Tie::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// When an action runs, in years.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Timeframe {
    /// First year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = FIRST_YEAR, max = LAST_YEAR))]
    pub start: Option<i32>,
    /// Last year (or target year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = FIRST_YEAR, max = LAST_YEAR))]
    pub end: Option<i32>,
    /// A note on the dates, e.g. when a year is inferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// An action (or, per `meta.actions_are`, an initiative aligned with the strategy).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Action {
    /// Stable id.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// Its name.
    pub title: Text,
    /// What it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Pillars it serves, primary first.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub pillars: Vec<String>,
    /// Goals it serves.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub goals: Vec<String>,
    /// Strategies it serves.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub strategies: Vec<String>,
    /// Shocks and stresses it addresses.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub hazards: Vec<String>,
    /// PRA focus areas it serves.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub focus_areas: Vec<String>,
    /// CRF drivers it serves.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub crf_drivers: Vec<String>,
    /// Resilience qualities it shows.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub crf_qualities: Vec<String>,
    /// Areas where it acts (area ids); empty means city-wide.
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub areas: Vec<String>,
    /// Lead agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// Partners.
    #[serde(default)]
    pub partners: Vec<String>,
    /// Where it stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Whether a source states the status or the editors inferred it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_basis: Option<StatusBasis>,
    /// When it runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe: Option<Timeframe>,
    /// What its sources confirm about its link to the strategy (for aligned initiatives).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie: Option<Tie>,
    /// Source ids (at least one).
    #[schemars(inner(pattern(ID_PATTERN)), length(min = 1))]
    pub sources: Vec<String>,
    /// How it is known and how its links to pillars and hazards were made.
    pub provenance: Provenance,
}
