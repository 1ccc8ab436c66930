//! Dated events in the strategy's process.

use super::{Text, DATE_PATTERN};

cited_record! {
    /// A dated event in the strategy's process.
    pub struct TimelineEvent {
        /// Stable id.
        id,
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
    }
}
