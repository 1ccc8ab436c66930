//! The strategy's structure: pillars with their targets, goals (arahan), strategies, and the
//! assessment's focus areas that map to pillars.

use super::{Text, FIRST_YEAR, ID_PATTERN, LAST_YEAR};

cited_record! {
    /// A known target under a pillar.
    pub struct Target {
        /// Stable id.
        id,
        /// The target as worded in the source.
        pub text: Text,
        /// Target year, when stated.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schemars(range(min = FIRST_YEAR, max = LAST_YEAR))]
        pub year: Option<i32>,
    }
}

cited_record! {
    /// A pillar of the strategy.
    pub struct Pillar {
        /// Stable id, e.g. `siap`.
        id,
        /// The pillar's name.
        pub name: Text,
        /// Its definition.
        #[serde(default)]
        pub definition: Text,
        /// Known targets.
        #[serde(default)]
        pub targets: Vec<Target>,
    }
}

cited_record! {
    /// A goal (arahan) under a pillar.
    pub struct Goal {
        /// Stable id.
        id,
        /// The pillar it belongs to.
        #[schemars(pattern(ID_PATTERN))]
        pub pillar: String,
        /// Its name.
        pub name: Text,
    }
}

cited_record! {
    /// A strategy under a goal.
    pub struct Strategy {
        /// Stable id.
        id,
        /// The goal it belongs to.
        #[schemars(pattern(ID_PATTERN))]
        pub goal: String,
        /// Its name.
        pub name: Text,
    }
}

cited_record! {
    /// A focus area of the preliminary resilience assessment.
    pub struct FocusArea {
        /// Stable id.
        id,
        /// Its name.
        pub name: Text,
        /// Pillars it maps to (often an editors' derivation: say so in the provenance).
        #[serde(default)]
        #[schemars(inner(pattern(ID_PATTERN)))]
        pub pillars: Vec<String>,
    }
}
