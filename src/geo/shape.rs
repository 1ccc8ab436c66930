//! One drawn area: its SVG path, where to put its label, and whether it sits in the
//! inset. Shared by the generated schematic and by official boundary files.

use super::polygon::Point;

/// An area as drawn on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaShape {
    /// The area's id.
    pub id: String,
    /// SVG path data (one or more closed subpaths).
    pub d: String,
    /// Label anchor in map units.
    pub anchor: Point,
    /// True when the area is drawn in the inset box.
    pub in_inset: bool,
}
