//! Map geometry made by the project itself: projection, schematic cells from area
//! centroids, and official boundary files when a deployer supplies one.
//!
//! Plain Rust (no Leptos, no browser APIs): tested natively, compiled to WebAssembly.
//! The map is computed at load time from the dataset's area centroids
//! ([`schematic::build_schematic`]); a deployer's boundary GeoJSON
//! ([`boundaries::parse_boundaries`]) replaces the generated shapes when present.

pub mod boundaries;
pub mod choropleth;
pub mod gaps;
pub mod inset;
pub mod layer;
pub mod neighbours;
pub mod outline;
pub mod path;
pub mod polygon;
pub mod projection;
pub mod schematic;
pub mod shape;
#[cfg(test)]
mod testdata;
pub mod view_box;
pub mod voronoi;

pub use boundaries::{parse_boundaries, Boundaries, BoundaryMap};
pub use polygon::Point;
pub use projection::{GeoBounds, Projection, Rect};
pub use schematic::{
    build_schematic, build_schematic_with, LevelMap, SchematicMap, SchematicOptions,
};
pub use shape::AreaShape;
