//! The strategy dataset as serde types: what a dataset JSON file contains.
//!
//! These types are the single source of truth for the data format: the JSON Schema in
//! `data/strategy.schema.json` is generated from them (see `schema.rs`), and the validator
//! (`validate.rs`) checks what the types alone cannot (references, dates, ranges).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A human-readable text in Bahasa Indonesia (`id`) and English (`en`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Text {
    /// Bahasa Indonesia.
    #[serde(default)]
    pub id: String,
    /// English.
    #[serde(default)]
    pub en: String,
    /// Which side, if any, is a translation made by the dataset's editors rather than
    /// the wording of a source: `"id"` or `"en"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor_translated: Option<Lang>,
}

/// A language of the explorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

impl Lang {
    /// The language code used in URLs and `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Parses a code such as `id`, `en`, `en-GB`, `id-ID`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "id" | "in" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl Text {
    /// The text in `lang`, falling back to the other language when it is missing.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Id => (&self.id, &self.en),
            Lang::En => (&self.en, &self.id),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    /// True when the text in `lang` is an editors' translation, or missing and shown
    /// in the other language.
    pub fn is_translated(&self, lang: Lang) -> bool {
        let missing = match lang {
            Lang::Id => self.id.trim().is_empty(),
            Lang::En => self.en.trim().is_empty(),
        };
        missing || self.editor_translated == Some(lang)
    }

    /// Convenience constructor.
    pub fn new(id: &str, en: &str) -> Text {
        Text {
            id: id.to_string(),
            en: en.to_string(),
            editor_translated: None,
        }
    }
}

/// How a record is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ProvenanceKind {
    /// Stated in a cited source.
    Confirmed,
    /// Worked out by the dataset's editors from cited sources; the note says how.
    Derived,
    /// An example, not a fact: shown with a clear label.
    Illustrative,
}

impl ProvenanceKind {
    /// All kinds, in display order.
    pub const ALL: [ProvenanceKind; 3] = [
        ProvenanceKind::Confirmed,
        ProvenanceKind::Derived,
        ProvenanceKind::Illustrative,
    ];

    /// The value used in JSON and URLs.
    pub fn code(self) -> &'static str {
        match self {
            ProvenanceKind::Confirmed => "confirmed",
            ProvenanceKind::Derived => "derived",
            ProvenanceKind::Illustrative => "illustrative",
        }
    }
}

/// Where a record comes from and how sure we are of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Provenance {
    /// confirmed, derived or illustrative.
    pub kind: ProvenanceKind,
    /// How it is known: which source says it, or how the editors derived it.
    pub note: Text,
    /// True when a name or fact is only partly supported or recalled and should be checked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub uncertain: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

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
    pub sources: Vec<String>,
}

/// About the dataset and the strategy it describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Meta {
    /// Stable id of the dataset, e.g. `jakarta-2019`.
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
    pub published: Option<String>,
    /// Date this dataset was last edited (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset_date: Option<String>,
    /// Licence of this dataset, e.g. `CC BY 4.0`.
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
    pub sources: Vec<String>,
}

/// A cited source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// Stable id, referenced by records' `sources`.
    pub id: String,
    /// The source's title, in its own language.
    pub title: String,
    /// Who published it.
    #[serde(default)]
    pub publisher: String,
    /// Publication date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where to read it: http, https or mailto only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A known target under a pillar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Target {
    /// Stable id.
    pub id: String,
    /// The target as worded in the source.
    pub text: Text,
    /// Target year, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Source ids.
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A pillar of the strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Pillar {
    /// Stable id, e.g. `siap`.
    pub id: String,
    /// The pillar's name.
    pub name: Text,
    /// Its definition.
    #[serde(default)]
    pub definition: Text,
    /// Known targets.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Source ids.
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A goal (arahan) under a pillar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Goal {
    /// Stable id.
    pub id: String,
    /// The pillar it belongs to.
    pub pillar: String,
    /// Its name.
    pub name: Text,
    /// Source ids.
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A strategy under a goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Strategy {
    /// Stable id.
    pub id: String,
    /// The goal it belongs to.
    pub goal: String,
    /// Its name.
    pub name: Text,
    /// Source ids.
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// Shock (sudden) or stress (chronic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum HazardKind {
    /// A sudden, sharp event (flood, earthquake, fire).
    Shock,
    /// A chronic pressure (land subsidence, congestion).
    Stress,
}

/// A shock or stress the strategy answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Hazard {
    /// Stable id, e.g. `flood`.
    pub id: String,
    /// Shock or stress.
    pub kind: HazardKind,
    /// Its name.
    pub name: Text,
    /// What the sources say about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Source ids.
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A focus area of the preliminary resilience assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FocusArea {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Pillars it maps to (often an editors' derivation: say so in the provenance).
    #[serde(default)]
    pub pillars: Vec<String>,
    /// Source ids.
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A dimension of the City Resilience Framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CrfDimension {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Source ids.
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A driver (goal) of the City Resilience Framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CrfDriver {
    /// Stable id.
    pub id: String,
    /// The dimension it belongs to.
    pub dimension: String,
    /// Its name (100RC's action form).
    pub name: Text,
    /// Source ids.
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A quality of resilient systems.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CrfQuality {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Its definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Text>,
    /// Source ids.
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// The City Resilience Framework: dimensions, drivers and qualities.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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

/// When an action runs, in years.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Timeframe {
    /// First year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<i32>,
    /// Last year (or target year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<i32>,
    /// A note on the dates, e.g. when a year is inferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// An action (or, per `meta.actions_are`, an initiative aligned with the strategy).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Action {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub title: Text,
    /// What it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Pillars it serves, primary first.
    #[serde(default)]
    pub pillars: Vec<String>,
    /// Goals it serves.
    #[serde(default)]
    pub goals: Vec<String>,
    /// Strategies it serves.
    #[serde(default)]
    pub strategies: Vec<String>,
    /// Shocks and stresses it addresses.
    #[serde(default)]
    pub hazards: Vec<String>,
    /// PRA focus areas it serves.
    #[serde(default)]
    pub focus_areas: Vec<String>,
    /// CRF drivers it serves.
    #[serde(default)]
    pub crf_drivers: Vec<String>,
    /// Resilience qualities it shows.
    #[serde(default)]
    pub crf_qualities: Vec<String>,
    /// Areas where it acts (area ids); empty means city-wide.
    #[serde(default)]
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
    /// When it runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeframe: Option<Timeframe>,
    /// Source ids (at least one).
    pub sources: Vec<String>,
    /// How it is known and how its links to pillars and hazards were made.
    pub provenance: Provenance,
}

/// Level of an administrative area.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum AreaLevel {
    /// Kota / kabupaten administrasi.
    Region,
    /// Kecamatan (district).
    Kecamatan,
    /// Kelurahan (urban village).
    Kelurahan,
}

impl AreaLevel {
    /// All levels, from the largest.
    pub const ALL: [AreaLevel; 3] = [
        AreaLevel::Region,
        AreaLevel::Kecamatan,
        AreaLevel::Kelurahan,
    ];

    /// The value used in JSON and URLs.
    pub fn code(self) -> &'static str {
        match self {
            AreaLevel::Region => "region",
            AreaLevel::Kecamatan => "kecamatan",
            AreaLevel::Kelurahan => "kelurahan",
        }
    }

    /// Parses the JSON/URL value.
    pub fn from_code(code: &str) -> Option<AreaLevel> {
        AreaLevel::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// An administrative area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Area {
    /// Stable id (for Jakarta, the Kemendagri code, e.g. `31.71.01`).
    pub id: String,
    /// Official code.
    pub code: String,
    /// Region, kecamatan or kelurahan.
    pub level: AreaLevel,
    /// Parent area id (none for regions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Official name.
    pub name: String,
    /// Centroid as [longitude, latitude] (WGS 84).
    pub centroid: [f64; 2],
    /// Population, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// Source ids.
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A dated event in the strategy's process.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TimelineEvent {
    /// Stable id.
    pub id: String,
    /// Date (YYYY, YYYY-MM or YYYY-MM-DD).
    pub date: String,
    /// What happened.
    pub title: Text,
    /// More detail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Who took part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<Text>,
    /// Number of participants, when a source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_count: Option<u32>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Source ids.
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A whole strategy dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Dataset {
    /// The JSON Schema this file follows (lets editors autocomplete).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// About the dataset.
    pub meta: Meta,
    /// Cited sources.
    pub sources: Vec<Source>,
    /// Pillars.
    pub pillars: Vec<Pillar>,
    /// Goals (arahan).
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// Strategies.
    #[serde(default)]
    pub strategies: Vec<Strategy>,
    /// Shocks and stresses.
    #[serde(default)]
    pub hazards: Vec<Hazard>,
    /// PRA focus areas.
    #[serde(default)]
    pub focus_areas: Vec<FocusArea>,
    /// City Resilience Framework.
    #[serde(default)]
    pub crf: Crf,
    /// Actions or aligned initiatives.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Administrative areas.
    #[serde(default)]
    pub areas: Vec<Area>,
    /// Dated events.
    #[serde(default)]
    pub timeline: Vec<TimelineEvent>,
}
