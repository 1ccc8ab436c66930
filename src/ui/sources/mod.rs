//! The sources and method view: every source, the provenance legend, licence and date; the
//! link to its "Open your data" from elsewhere.

pub mod open_data_link;
pub mod view;
