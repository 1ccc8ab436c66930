//! How a record's provenance and sources are shown wherever the record appears (actions,
//! overview, timeline, sources, filter labels).

pub mod hazard_chips;
pub mod problem_list;
pub mod provenance;
pub mod source_link;
pub mod tie;
