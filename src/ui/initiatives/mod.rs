//! The initiatives (actions) view: the filtered, paged list and one record's details.

pub mod actions;
