//! How a record's provenance and sources are shown wherever the record appears (actions,
//! overview, timeline, sources, filter labels).

pub mod provenance;
pub mod source_link;
pub mod tie;
