//! The domain core: dataset types, loading, validation, filtering and coverage counts.
//! No Leptos and no browser APIs here: everything is tested natively.

pub mod area_tree;
pub mod colour;
pub mod coverage;
pub mod csv_io;
pub mod date;
pub mod deck;
pub mod embed_snippet;
pub mod escape;
pub mod facet;
pub mod filter;
pub mod fold;
pub mod id_hash;
pub mod in_area;
pub mod load;
pub mod paging;
pub mod presentation;
pub mod print_sources;
pub mod problem;
pub mod publish;
pub mod qr;
pub mod schema;
pub mod search;
pub mod sentences;
pub mod synthetic;
#[cfg(test)]
pub(crate) mod testdata;
pub mod types;
pub mod validate;
pub mod view_state;

pub use area_tree::AreaTree;
pub use facet::{Facet, FacetDef, FacetOption, OptionLabel};
pub use filter::{FacetCounts, Filters, Index, Outcome};
pub use load::{load_bytes, load_str, LoadOutcome};
pub use problem::{Problem, Severity};
pub use types::*;
pub use view_state::{View, ViewState};
