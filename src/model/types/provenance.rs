//! How a record is known: confirmed in a source, derived by the editors, or illustrative.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{is_false, Text};

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
