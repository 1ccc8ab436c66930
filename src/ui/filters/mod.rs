//! The filter panel, the active-filter chips, clear-all and the live result count, shared
//! by the views that filter (initiatives, charts, map, presentation).

pub mod panel;
