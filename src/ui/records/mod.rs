//! How a record's provenance and sources are shown wherever the record appears (actions,
//! overview, timeline, sources, filter labels), and the notice that aligned initiatives
//! are not the strategy's official action list.

pub mod aligned_notice;
pub mod hazard_chips;
pub mod problem_list;
pub mod provenance;
pub mod source_link;
pub mod tie;
