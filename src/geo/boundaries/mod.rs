//! Official boundary files: a GeoJSON FeatureCollection of Polygon / MultiPolygon
//! features carrying area codes, supplied by a deployer. Parsed with clear error
//! messages that say where the problem is, then projected like the schematic (far-away
//! groups in the inset) into per-area SVG paths.

mod parse;
mod project;

pub use parse::parse_boundaries;

use crate::model::AreaLevel;

use super::projection::{Projection, Rect};
use super::shape::AreaShape;

/// A ring of `[lon, lat]` positions, without the closing repeat.
pub type Ring = Vec<[f64; 2]>;

/// One feature: its code and its polygons (each an outer ring followed by holes).
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryFeature {
    /// Position in the file's `features` array.
    pub index: usize,
    /// The area code from the feature's properties.
    pub code: String,
    /// Polygons, each a list of rings (the first is the outer ring).
    pub polygons: Vec<Vec<Ring>>,
}

/// A parsed boundary file.
#[derive(Debug, Clone, PartialEq)]
pub struct Boundaries {
    /// The features, in file order.
    pub features: Vec<BoundaryFeature>,
}

/// Boundary shapes of one level, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryMap {
    /// The level the features were matched against.
    pub level: AreaLevel,
    /// ViewBox width.
    pub width: f64,
    /// ViewBox height.
    pub height: f64,
    /// The inset frame, when some features are drawn in it.
    pub inset: Option<Rect>,
    /// Ids of the matched areas drawn in the inset.
    pub inset_areas: Vec<String>,
    /// One shape per matched area, in dataset order. Fill with `fill-rule="evenodd"`
    /// so holes stay open whatever the file's ring orientation.
    pub areas: Vec<AreaShape>,
    /// Codes of features that match no area of the level (each once, in file order).
    pub unmatched_features: Vec<String>,
    /// Ids of areas of the level that no feature matches.
    pub areas_without_feature: Vec<String>,
    /// The mainland projection.
    pub projection: Option<Projection>,
    /// The inset's projection.
    pub inset_projection: Option<Projection>,
}
