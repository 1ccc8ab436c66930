//! The spreadsheet layout: which CSV files there are, their columns in order, which are
//! required, and what goes in each. The templates, DATA.md's column tables and the import
//! checks all come from this one description.

/// What a field holds; a few kinds expand to several columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A stable id: letters, digits, `-`, `_`, `.`; no spaces.
    Id,
    /// The id of one record of another file.
    Ref(&'static str),
    /// Ids of records of another file, `;`-separated.
    Refs(&'static str),
    /// Free text in one language (names, codes, links).
    Str,
    /// Free texts, `;`-separated.
    Strs,
    /// A text in both languages: columns `<name>_id`, `<name>_en`, `<name>_editor_translated`.
    Text,
    /// A whole number.
    Int,
    /// A year `YYYY`; a date `YYYY-MM` or `YYYY-MM-DD` counts as its year (with a warning).
    Year,
    /// A decimal number (a point or a comma as decimal mark).
    Decimal,
    /// A date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// One of a fixed set of values.
    Enum(&'static [&'static str]),
    /// `true` or empty.
    Bool,
    /// Provenance: `provenance_kind`, `provenance_note_id`, `provenance_note_en`,
    /// `provenance_note_editor_translated`, `provenance_uncertain`.
    Provenance,
}

/// One field of a record (one or more columns).
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The column name, or the prefix of the columns of a text or provenance.
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// True when a record is wrong without it.
    pub required: bool,
    /// What goes in it, in plain English (for DATA.md).
    pub doc: &'static str,
}

/// One column of a CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Header text.
    pub name: String,
    /// True when a record is wrong when it is empty.
    pub required: bool,
    /// True for the two sides of a required text: one of them must be filled in.
    pub either: bool,
    /// What goes in it.
    pub doc: String,
}

/// One CSV file.
#[derive(Debug, Clone, Copy)]
pub struct FileSpec {
    /// File name, e.g. `actions.csv`.
    pub name: &'static str,
    /// The JSON path of the records it holds, e.g. `actions` or `crf.drivers`.
    pub json: &'static str,
    /// True when an import needs this file.
    pub required: bool,
    /// What one row is.
    pub about: &'static str,
    /// Its fields in column order (for `meta.csv`: its rows, in order).
    pub fields: &'static [Field],
}

impl FileSpec {
    /// The columns (for `meta.csv`: the field names of its rows), texts and provenance
    /// expanded.
    pub fn columns(&self) -> Vec<Column> {
        let mut out = Vec::new();
        for f in self.fields {
            expand(f, &mut out);
        }
        out
    }

    /// The header names only.
    pub fn header(&self) -> Vec<String> {
        self.columns().into_iter().map(|c| c.name).collect()
    }
}

/// The wording of the column descriptions in one language (DATA.md and the English README
/// use [`EN`]; the Indonesian README `super::guide`'s).
pub struct Phrases {
    pub in_id: &'static str,
    pub in_en: &'static str,
    pub editor_translated: &'static str,
    pub provenance_kind: &'static str,
    pub provenance_note_id: &'static str,
    pub provenance_note_en: &'static str,
    pub provenance_note_translated: &'static str,
    pub provenance_uncertain: &'static str,
    pub id: &'static str,
    /// `{of}` is replaced by what is referred to.
    pub reference: &'static str,
    pub references: &'static str,
    pub list: &'static str,
    pub int: &'static str,
    pub year: &'static str,
    pub decimal: &'static str,
    pub date: &'static str,
    /// `{values}` is replaced by the allowed values.
    pub one_of: &'static str,
    pub bool: &'static str,
}

/// The English wording.
pub const EN: Phrases = Phrases {
    in_id: "in Bahasa Indonesia.",
    in_en: "in English.",
    editor_translated: "`id` or `en` when that side is a translation by the dataset's editors \
                        rather than the wording of a source; empty otherwise.",
    provenance_kind: "`confirmed` (stated in a cited source), `derived` (worked out by the \
                      editors from cited sources) or `illustrative` (an example, not a fact).",
    provenance_note_id: "How the record is known (which source says it, or how the editors \
                         derived it), in Bahasa Indonesia.",
    provenance_note_en: "The same note in English.",
    provenance_note_translated: "`id` or `en` when that side of the note is the editors' \
                                 translation.",
    provenance_uncertain: "`true` when a name or fact is only partly supported and should be \
                           checked; empty otherwise.",
    id: "No spaces.",
    reference: "The id of a {of}.",
    references: "Ids of {of}, separated by `;`.",
    list: "Separated by `;`.",
    int: "A whole number.",
    year: "A year `YYYY` (a date `YYYY-MM` or `YYYY-MM-DD` is read as its year, with a warning).",
    decimal: "A decimal number.",
    date: "`YYYY`, `YYYY-MM` or `YYYY-MM-DD`.",
    one_of: "One of {values}.",
    bool: "`true`, or empty for false.",
};

/// The English columns of `f` (DATA.md, the templates' headers and the import).
fn expand(f: &Field, out: &mut Vec<Column>) {
    expand_in(f, f.doc, &EN, out)
}

/// The columns of field `f` described with `doc` (its own description) in the wording `ph`.
pub fn expand_in(f: &Field, doc: &str, ph: &Phrases, out: &mut Vec<Column>) {
    let col = |name: String, required: bool, doc: String| Column {
        name,
        required,
        either: false,
        doc,
    };
    match f.kind {
        Kind::Text => {
            let what = doc.trim_end_matches('.');
            for (suffix, lang) in [("id", ph.in_id), ("en", ph.in_en)] {
                out.push(Column {
                    either: f.required,
                    ..col(
                        format!("{}_{suffix}", f.name),
                        false,
                        format!("{what}, {lang}"),
                    )
                });
            }
            out.push(col(
                format!("{}_editor_translated", f.name),
                false,
                ph.editor_translated.to_string(),
            ));
        }
        Kind::Provenance => {
            out.push(col(
                "provenance_kind".into(),
                true,
                ph.provenance_kind.into(),
            ));
            for (name, doc) in [
                ("provenance_note_id", ph.provenance_note_id),
                ("provenance_note_en", ph.provenance_note_en),
            ] {
                out.push(Column {
                    either: true,
                    ..col(name.into(), false, doc.into())
                });
            }
            out.push(col(
                "provenance_note_editor_translated".into(),
                false,
                ph.provenance_note_translated.into(),
            ));
            out.push(col(
                "provenance_uncertain".into(),
                false,
                ph.provenance_uncertain.into(),
            ));
        }
        kind => {
            let what = match kind {
                Kind::Id => ph.id.to_string(),
                Kind::Ref(of) => ph.reference.replace("{of}", of),
                Kind::Refs(of) => ph.references.replace("{of}", of),
                Kind::Strs => ph.list.to_string(),
                Kind::Int => ph.int.to_string(),
                Kind::Year => ph.year.to_string(),
                Kind::Decimal => ph.decimal.to_string(),
                Kind::Date => ph.date.to_string(),
                Kind::Enum(values) => ph.one_of.replace(
                    "{values}",
                    &values
                        .iter()
                        .map(|v| format!("`{v}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                Kind::Bool => ph.bool.to_string(),
                _ => String::new(),
            };
            let doc = if what.is_empty() {
                doc.to_string()
            } else {
                format!("{doc} {what}")
            };
            out.push(col(f.name.to_string(), f.required, doc));
        }
    }
}

const fn field(name: &'static str, kind: Kind, required: bool, doc: &'static str) -> Field {
    Field {
        name,
        kind,
        required,
        doc,
    }
}

const ID: Field = field(
    "id",
    Kind::Id,
    true,
    "Stable id, used by other files to refer to it.",
);
const SOURCES: Field = field(
    "sources",
    Kind::Refs("sources (sources.csv)"),
    true,
    "Where it comes from: at least one source.",
);
const PROVENANCE: Field = field("provenance", Kind::Provenance, true, "");

/// Provenance kinds.
pub const PROVENANCE_KINDS: &[&str] = &["confirmed", "derived", "illustrative"];
/// Hazard kinds.
pub const HAZARD_KINDS: &[&str] = &["shock", "stress"];
/// Action statuses.
pub const STATUSES: &[&str] = &["planned", "ongoing", "completed", "unknown"];
/// How a status is known.
pub const STATUS_BASES: &[&str] = &["sourced", "inferred"];
/// What a source confirms about an initiative's link to the strategy.
pub const TIES: &[&str] = &["strategy", "programme", "partnership", "reported", "theme"];
/// Area levels.
pub const AREA_LEVELS: &[&str] = &["region", "kecamatan", "kelurahan"];
/// What the actions are.
pub const ACTIONS_ARE: &[&str] = &["strategy_actions", "aligned_initiatives"];
/// Languages of an editors' translation.
pub const LANGS: &[&str] = &["id", "en"];

/// The rows of `meta.csv` (columns `field` and `value`).
pub const META: FileSpec = FileSpec {
    name: "meta.csv",
    json: "meta",
    required: true,
    about: "About the dataset and the strategy. Two columns, `field` and `value`: one row per field below.",
    fields: &[
        field("$schema", Kind::Str, false, "The JSON Schema the dataset follows, e.g. `strategy.schema.json`."),
        field("id", Kind::Id, true, "Stable id of the dataset, e.g. `jakarta-2019`."),
        field("title", Kind::Text, true, "The strategy's title."),
        field("city", Kind::Text, true, "The city."),
        field("vision", Kind::Text, false, "The strategy's vision statement."),
        field("published", Kind::Date, false, "When the strategy was published or launched."),
        field("dataset_date", Kind::Date, false, "When this dataset was last edited."),
        field("licence", Kind::Str, true, "Licence of this dataset, e.g. `CC BY 4.0`."),
        field("editors", Kind::Str, false, "Who compiled this dataset."),
        field("actions_are", Kind::Enum(ACTIONS_ARE), false, "What actions.csv lists: the strategy's own actions (the default when empty) or documented initiatives aligned with it."),
        field("declared_counts_pillars", Kind::Int, false, "Number of pillars the official document declares."),
        field("declared_counts_goals", Kind::Int, false, "Number of goals the official document declares."),
        field("declared_counts_strategies", Kind::Int, false, "Number of strategies the official document declares."),
        field("declared_counts_actions", Kind::Int, false, "Number of actions the official document declares."),
        field("declared_counts_sources", Kind::Refs("sources (sources.csv)"), false, "Sources for the declared counts."),
        field("note", Kind::Text, false, "A note shown with the data: its limits and how it was compiled."),
        field("synthetic", Kind::Bool, false, "For generated test data only: the explorer then labels it as not real."),
        field("sources", Kind::Refs("sources (sources.csv)"), false, "Sources for the title, vision and dates."),
    ],
};

/// Every file, in export order.
pub const FILES: &[FileSpec] = &[
    META,
    FileSpec {
        name: "sources.csv",
        json: "sources",
        required: true,
        about: "One row per cited source. Every other record cites at least one of these ids.",
        fields: &[
            field("id", Kind::Id, true, "Stable id, used in the `sources` columns of the other files."),
            field("title", Kind::Str, true, "The source's title, in its own language."),
            field("publisher", Kind::Str, false, "Who published it."),
            field("date", Kind::Date, false, "Publication date."),
            field("url", Kind::Str, false, "Where to read it: an `http`, `https` or `mailto` link only."),
        ],
    },
    FileSpec {
        name: "pillars.csv",
        json: "pillars",
        required: true,
        about: "One row per pillar of the strategy, in the order the document gives them.",
        fields: &[
            ID,
            field("name", Kind::Text, true, "The pillar's name."),
            field("definition", Kind::Text, false, "Its definition."),
            SOURCES,
            PROVENANCE,
        ],
    },
    FileSpec {
        name: "targets.csv",
        json: "pillars[].targets",
        required: false,
        about: "One row per known target of a pillar, grouped by pillar.",
        fields: &[
            field("pillar", Kind::Ref("pillar (pillars.csv)"), true, "The pillar it belongs to."),
            ID,
            field("text", Kind::Text, true, "The target as worded in the source."),
            field("year", Kind::Year, false, "Target year, when stated."),
            SOURCES,
            PROVENANCE,
        ],
    },
    FileSpec {
        name: "goals.csv",
        json: "goals",
        required: false,
        about: "One row per goal (for Jakarta: arahan) under a pillar.",
        fields: &[
            ID,
            field("pillar", Kind::Ref("pillar (pillars.csv)"), true, "The pillar it belongs to."),
            field("name", Kind::Text, true, "Its name."),
            SOURCES,
            PROVENANCE,
        ],
    },
    FileSpec {
        name: "strategies.csv",
        json: "strategies",
        required: false,
        about: "One row per strategy under a goal.",
        fields: &[
            ID,
            field("goal", Kind::Ref("goal (goals.csv)"), true, "The goal it belongs to."),
            field("name", Kind::Text, true, "Its name."),
            SOURCES,
            PROVENANCE,
        ],
    },
    FileSpec {
        name: "hazards.csv",
        json: "hazards",
        required: false,
        about: "One row per shock (sudden event) or stress (chronic pressure) the strategy answers.",
        fields: &[
            ID,
            field("kind", Kind::Enum(HAZARD_KINDS), true, "Shock or stress."),
            field("name", Kind::Text, true, "Its name."),
            field("description", Kind::Text, false, "What the sources say about it."),
            SOURCES,
            PROVENANCE,
        ],
    },
    FileSpec {
        name: "rankings.csv",
        json: "rankings",
        required: false,
        about: "One row per ranking of shocks and stresses as one source gives it (sources may disagree: give each its own row).",
        fields: &[
            ID,
            field("title", Kind::Text, true, "What the list is, e.g. \"Main threats in the strategy summary\"."),
            field("description", Kind::Text, false, "What the source says about it."),
            field("shocks", Kind::Refs("shocks (hazards.csv, kind shock)"), false, "Shocks in the source's order."),
            field("stresses", Kind::Refs("stresses (hazards.csv, kind stress)"), false, "Stresses in the source's order."),
            SOURCES,
            PROVENANCE,
        ],
    },
    FileSpec {
        name: "focus_areas.csv",
        json: "focus_areas",
        required: false,
        about: "One row per focus area of the preliminary resilience assessment.",
        fields: &[
            ID,
            field("name", Kind::Text, true, "Its name."),
            field("pillars", Kind::Refs("pillars (pillars.csv)"), false, "Pillars it maps to (often the editors' derivation: say so in the provenance)."),
            SOURCES,
            PROVENANCE,
        ],
    },
    FileSpec {
        name: "crf_dimensions.csv",
        json: "crf.dimensions",
        required: false,
        about: "One row per dimension of the City Resilience Framework.",
        fields: &[
            ID,
            field("name", Kind::Text, true, "Its name."),
            field("description", Kind::Text, false, "Its description."),
            SOURCES,
            PROVENANCE,
        ],
    },
    FileSpec {
        name: "crf_drivers.csv",
        json: "crf.drivers",
        required: false,
        about: "One row per driver (goal) of the City Resilience Framework.",
        fields: &[
            ID,
            field("dimension", Kind::Ref("CRF dimension (crf_dimensions.csv)"), true, "The dimension it belongs to."),
            field("name", Kind::Text, true, "Its name."),
            SOURCES,
            PROVENANCE,
        ],
    },
    FileSpec {
        name: "crf_qualities.csv",
        json: "crf.qualities",
        required: false,
        about: "One row per quality of resilient systems.",
        fields: &[
            ID,
            field("name", Kind::Text, true, "Its name."),
            field("definition", Kind::Text, false, "Its definition."),
            SOURCES,
            PROVENANCE,
        ],
    },
    FileSpec {
        name: "actions.csv",
        json: "actions",
        required: false,
        about: "One row per action (or, when meta `actions_are` is `aligned_initiatives`, per documented initiative aligned with the strategy).",
        fields: &[
            ID,
            field("title", Kind::Text, true, "Its name."),
            field("description", Kind::Text, false, "What it does."),
            field("pillars", Kind::Refs("pillars (pillars.csv)"), false, "Pillars it serves, primary first."),
            field("goals", Kind::Refs("goals (goals.csv)"), false, "Goals it serves."),
            field("strategies", Kind::Refs("strategies (strategies.csv)"), false, "Strategies it serves."),
            field("hazards", Kind::Refs("shocks and stresses (hazards.csv)"), false, "Shocks and stresses it addresses."),
            field("focus_areas", Kind::Refs("focus areas (focus_areas.csv)"), false, "Focus areas it serves."),
            field("crf_drivers", Kind::Refs("CRF drivers (crf_drivers.csv)"), false, "CRF drivers it serves."),
            field("crf_qualities", Kind::Refs("CRF qualities (crf_qualities.csv)"), false, "Resilience qualities it shows."),
            field("areas", Kind::Refs("areas (areas.csv)"), false, "Where it acts; empty means city-wide."),
            field("lead", Kind::Str, false, "Lead agency."),
            field("partners", Kind::Strs, false, "Partners."),
            field("status", Kind::Enum(STATUSES), false, "Where it stands; empty when no source says."),
            field("status_basis", Kind::Enum(STATUS_BASES), false, "`sourced` when a source states the status, `inferred` when the editors inferred it from dates."),
            field("timeframe_start", Kind::Year, false, "First year."),
            field("timeframe_end", Kind::Year, false, "Last year (or target year)."),
            field("timeframe_note", Kind::Text, false, "A note on the years, e.g. when a year is inferred."),
            field("tie", Kind::Enum(TIES), false, "What a source confirms about its link to the strategy: `strategy` (the strategy itself), `programme` (the resilience programme or its label), `partnership` (the resilience office is a partner), `reported` (only reported by that office), `theme` (linked by the editors by theme only)."),
            SOURCES,
            PROVENANCE,
        ],
    },
    FileSpec {
        name: "areas.csv",
        json: "areas",
        required: false,
        about: "One row per administrative area: regions, then districts (kecamatan), then urban villages (kelurahan).",
        fields: &[
            field("id", Kind::Id, true, "Stable id (for Jakarta the Kemendagri code, e.g. `31.71.01`), used in actions.csv `areas`."),
            field("code", Kind::Str, true, "Official code."),
            field("level", Kind::Enum(AREA_LEVELS), true, "Region, kecamatan or kelurahan."),
            field("parent", Kind::Ref("area one level up (empty for a region)"), false, "The area it lies in."),
            field("name", Kind::Str, true, "Official name."),
            field("name_en", Kind::Str, false, "English name in common use, if any (the note says who gives it)."),
            field("lon", Kind::Decimal, true, "Longitude of its centroid (WGS 84)."),
            field("lat", Kind::Decimal, true, "Latitude of its centroid (WGS 84)."),
            field("population", Kind::Int, false, "Population, when known."),
            SOURCES,
            PROVENANCE,
        ],
    },
    FileSpec {
        name: "timeline.csv",
        json: "timeline",
        required: false,
        about: "One row per dated event in the making of the strategy.",
        fields: &[
            ID,
            field("date", Kind::Date, true, "When."),
            field("title", Kind::Text, true, "What happened."),
            field("description", Kind::Text, false, "More detail."),
            field("participants", Kind::Text, false, "Who took part."),
            field("participant_count", Kind::Int, false, "Number of participants, when a source gives it."),
            field("place", Kind::Str, false, "Where."),
            SOURCES,
            PROVENANCE,
        ],
    },
];

/// The file named `name` (already lower-case, without folders).
pub fn file(name: &str) -> Option<&'static FileSpec> {
    FILES.iter().find(|f| f.name == name)
}

/// DATA.md's column tables: one section per file, generated from this description.
pub fn columns_markdown() -> String {
    let mut s = String::new();
    for f in FILES {
        s.push_str(&format!("#### `{}`\n\n{}\n\n", f.name, f.about));
        let first = if f.name == META.name {
            "`field`"
        } else {
            "Column"
        };
        s.push_str(&format!(
            "| {first} | Required | Content |\n|---|---|---|\n"
        ));
        for c in f.columns() {
            s.push_str(&format!(
                "| `{}` | {} | {} |\n",
                c.name,
                if c.required {
                    "yes"
                } else if c.either {
                    "this or the other language"
                } else {
                    ""
                },
                c.doc.replace('|', "\\|")
            ));
        }
        s.push('\n');
    }
    s
}
