//! The strategy dataset as serde types: what a dataset JSON file contains. `Dataset` is the
//! whole file; each part of it has its file here, and everything is re-exported, so
//! `model::types::X` (and `model::X`) name every type.
//!
//! These types are the single source of truth for the data format: the JSON Schema in
//! `data/strategy.schema.json` is generated from them (see `schema.rs`), and the validator
//! (`validate/`) checks what the types alone cannot (references, dates, ranges).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Declares a record of the dataset. Every record has the same frame: the usual derives, unknown
/// fields refused by the schema, a stable `id` first (its doc comment is written before `id,`),
/// the record's own fields, then the `sources` (at least one source id) and the `provenance`
/// that every record carries. `Action` writes the frame out, for its own descriptions of the two.
///
/// ```text
/// cited_record! {
///     /// A goal (arahan) under a pillar.
///     pub struct Goal {
///         /// Stable id.
///         id,
///         /// Its name.
///         pub name: Text,
///     }
/// }
/// ```
macro_rules! cited_record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(#[$id_meta:meta])*
            id,
            $($(#[$field_meta:meta])* pub $field:ident: $ty:ty,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug,
            Clone,
            PartialEq,
            ::serde::Serialize,
            ::serde::Deserialize,
            ::schemars::JsonSchema,
        )]
        #[schemars(deny_unknown_fields)]
        pub struct $name {
            $(#[$id_meta])*
            #[schemars(pattern($crate::model::types::ID_PATTERN))]
            pub id: String,
            $($(#[$field_meta])* pub $field: $ty,)*
            /// Source ids.
            #[schemars(inner(pattern($crate::model::types::ID_PATTERN)), length(min = 1))]
            pub sources: Vec<String>,
            /// How it is known.
            pub provenance: $crate::model::types::Provenance,
        }
    };
}

mod action;
mod area;
mod crf;
mod hazard;
mod meta;
mod patterns;
mod provenance;
mod strategy;
mod text;
mod timeline;

pub use action::*;
pub use area::*;
pub use crf::*;
pub use hazard::*;
pub use meta::*;
pub use patterns::*;
pub use provenance::*;
pub use strategy::*;
pub use text::*;
pub use timeline::*;

/// Serde's test for flags written only when true.
fn is_false(b: &bool) -> bool {
    !*b
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
    pub actions: Vec<Box<Action>>,
    /// Administrative areas.
    #[serde(default)]
    pub areas: Vec<Area>,
    /// Dated events.
    #[serde(default)]
    pub timeline: Vec<TimelineEvent>,
}
