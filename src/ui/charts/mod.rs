//! The charts view: the chart frame (title, summary, table toggle, downloads), the chart
//! components that draw `crate::charts` output, and the PNG/SVG/CSV downloads.

pub mod download;
pub mod figure;
pub mod markup_patch;
pub mod view;
