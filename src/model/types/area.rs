//! Administrative areas and their levels (region, kecamatan, kelurahan).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Lang, ID_PATTERN, NOT_BLANK};

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

cited_record! {
    /// An administrative area.
    pub struct Area {
        /// Stable id (for Jakarta, the Kemendagri code, e.g. `31.71.01`).
        id,
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
        /// The English name in common use, where there is one (`North Jakarta` for Jakarta
        /// Utara); shown in the English interface and found by search in both. The record's
        /// provenance note says whether a source gives it or the editors do.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schemars(pattern(NOT_BLANK))]
        pub name_en: Option<String>,
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
    }
}

impl Area {
    /// The name to show in `lang`: the English name in English where the area has one,
    /// the official name otherwise (the one name function of the list, picker and map).
    pub fn name_in(&self, lang: Lang) -> &str {
        match (lang, self.name_en.as_deref()) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &self.name,
        }
    }
}
