//! The map view: the answer card of the selected area, the map model (level, areas, counts), geometry and optional official
//! boundaries, the drawn canvas with its gestures, keyboard, labels and tooltip, the legend and the table.

pub mod answer;
pub mod boundaries;
pub mod canvas;
pub mod geometry;
pub mod gestures;
pub mod keyboard;
pub mod labels;
pub mod legend;
pub mod model;
pub mod table;
pub mod tooltip;
pub mod view;
