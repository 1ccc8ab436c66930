//! The strategy dataset as serde types: what a dataset JSON file contains.
//!
//! These types are the single source of truth for the data format: the JSON Schema in
//! `data/strategy.schema.json` is generated from them (see `schema.rs`), and the validator
//! (`validate.rs`) checks what the types alone cannot (references, dates, ranges).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The ids the schema accepts (and references to them): 1–200 characters, none of them a space,
/// a comma, one of `< > " ' ` & \`, or a control, invisible or direction-changing character.
/// The validator checks the same rules and says which one an id breaks.
pub const ID_PATTERN: &str = r#"^[^\s,<>"'`&\\\u0000-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFFB]{1,200}$"#;

/// A partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a year from 1800 to 2200. Whether
/// the day exists in its month (30 February) is left to the validator.
pub const DATE_PATTERN: &str = r"^(18[0-9]{2}|19[0-9]{2}|20[0-9]{2}|21[0-9]{2}|2200)(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

/// A link the explorer opens: http, https or mailto, without spaces.
pub const LINK_PATTERN: &str =
    r#"^([Hh][Tt][Tt][Pp][Ss]?://|[Mm][Aa][Ii][Ll][Tt][Oo]:)/*[^\s"<>`/][^\s"<>`]*$"#;

/// Text that is not empty or only spaces.
pub const NOT_BLANK: &str = r"\S";

/// The first year the validator accepts in dates, timeframes and target years.
pub const FIRST_YEAR: i32 = 1800;
/// The last year the validator accepts.
pub const LAST_YEAR: i32 = 2200;

/// A human-readable text in Bahasa Indonesia (`id`) and English (`en`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
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
#[schemars(deny_unknown_fields)]
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

/// A known target under a pillar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Target {
    /// Stable id.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// The target as worded in the source.
    pub text: Text,
    /// Target year, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = FIRST_YEAR, max = LAST_YEAR))]
    pub year: Option<i32>,
    /// Source ids.
    #[schemars(inner(pattern(ID_PATTERN)), length(min = 1))]
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A pillar of the strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Pillar {
    /// Stable id, e.g. `siap`.
    #[schemars(pattern(ID_PATTERN))]
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
    #[schemars(inner(pattern(ID_PATTERN)), length(min = 1))]
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A goal (arahan) under a pillar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Goal {
    /// Stable id.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// The pillar it belongs to.
    #[schemars(pattern(ID_PATTERN))]
    pub pillar: String,
    /// Its name.
    pub name: Text,
    /// Source ids.
    #[schemars(inner(pattern(ID_PATTERN)), length(min = 1))]
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A strategy under a goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Strategy {
    /// Stable id.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// The goal it belongs to.
    #[schemars(pattern(ID_PATTERN))]
    pub goal: String,
    /// Its name.
    pub name: Text,
    /// Source ids.
    #[schemars(inner(pattern(ID_PATTERN)), length(min = 1))]
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
#[schemars(deny_unknown_fields)]
pub struct Hazard {
    /// Stable id, e.g. `flood`.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// Shock or stress.
    pub kind: HazardKind,
    /// Its name.
    pub name: Text,
    /// What the sources say about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Source ids.
    #[schemars(inner(pattern(ID_PATTERN)), length(min = 1))]
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A list of the most important shocks and stresses as one source gives it (e.g. the
/// strategy's "main threats", or the top three of the preliminary resilience assessment).
/// Sources may disagree: a dataset carries each list with its own source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Ranking {
    /// Stable id.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
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
    /// Source ids.
    #[schemars(inner(pattern(ID_PATTERN)), length(min = 1))]
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A focus area of the preliminary resilience assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FocusArea {
    /// Stable id.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Pillars it maps to (often an editors' derivation: say so in the provenance).
    #[serde(default)]
    #[schemars(inner(pattern(ID_PATTERN)))]
    pub pillars: Vec<String>,
    /// Source ids.
    #[schemars(inner(pattern(ID_PATTERN)), length(min = 1))]
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A dimension of the City Resilience Framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CrfDimension {
    /// Stable id.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Source ids.
    #[schemars(inner(pattern(ID_PATTERN)), length(min = 1))]
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A driver (goal) of the City Resilience Framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CrfDriver {
    /// Stable id.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// The dimension it belongs to.
    #[schemars(pattern(ID_PATTERN))]
    pub dimension: String,
    /// Its name (100RC's action form).
    pub name: Text,
    /// Source ids.
    #[schemars(inner(pattern(ID_PATTERN)), length(min = 1))]
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A quality of resilient systems.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CrfQuality {
    /// Stable id.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Its definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Text>,
    /// Source ids.
    #[schemars(inner(pattern(ID_PATTERN)), length(min = 1))]
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
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
#[schemars(deny_unknown_fields)]
pub struct Area {
    /// Stable id (for Jakarta, the Kemendagri code, e.g. `31.71.01`).
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// Official code.
    #[schemars(pattern(NOT_BLANK))]
    pub code: String,
    /// Region, kecamatan or kelurahan.
    pub level: AreaLevel,
    /// Parent area id (none for regions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(ID_PATTERN))]
    pub parent: Option<String>,
    /// Official name.
    pub name: String,
    /// Centroid as [longitude, latitude] (WGS 84).
    #[schemars(extend("prefixItems" = [
        {"type": "number", "minimum": -180, "maximum": 180},
        {"type": "number", "minimum": -90, "maximum": 90}
    ]))]
    pub centroid: [f64; 2],
    /// Population, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 100_000_000))]
    pub population: Option<u64>,
    /// Source ids.
    #[schemars(inner(pattern(ID_PATTERN)), length(min = 1))]
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A dated event in the strategy's process.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TimelineEvent {
    /// Stable id.
    #[schemars(pattern(ID_PATTERN))]
    pub id: String,
    /// Date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[schemars(pattern(DATE_PATTERN))]
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
    #[schemars(range(max = 10_000_000))]
    pub participant_count: Option<u32>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Source ids.
    #[schemars(inner(pattern(ID_PATTERN)), length(min = 1))]
    pub sources: Vec<String>,
    /// How it is known.
    pub provenance: Provenance,
}

/// A whole strategy dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
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
    /// Rankings of the shocks and stresses, each as one source gives it.
    #[serde(default)]
    pub rankings: Vec<Ranking>,
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
