//! The sources and method view: every source, the provenance legend, licence and date.

pub mod view;
