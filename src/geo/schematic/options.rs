//! How the schematic is tuned: width, margin, cell disc radius, hull margin, arc
//! resolution, the inset's threshold and style; unusable values fall back to the defaults.

use crate::geo::inset::{InsetStyle, DEFAULT_THRESHOLD_KM};

/// Tuning of the schematic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SchematicOptions {
    /// ViewBox width; the height follows from the aspect.
    pub width: f64,
    /// Space around the mainland.
    pub margin: f64,
    /// Cell disc radius as a multiple of the median nearest-neighbour distance.
    pub radius_factor: f64,
    /// How far the clip hull is grown around the outermost sites, as a multiple of the
    /// disc radius.
    pub hull_margin_factor: f64,
    /// Steps per full turn when drawing disc arcs.
    pub arc_steps: usize,
    /// Groups whose centroid lies farther than this from the others go to the inset.
    pub inset_threshold_km: f64,
    /// Size and spacing of the inset box.
    pub inset: InsetStyle,
    /// Disc radius (km) when a part has a single site.
    pub single_site_radius_km: f64,
}

impl Default for SchematicOptions {
    fn default() -> Self {
        SchematicOptions {
            width: 1000.0,
            margin: 12.0,
            // Tuned on Jakarta's 267 kelurahan (see examples/map_preview.rs): 2.0 joins
            // neighbours along the coast (Jakarta Utara stays one piece) and 0.7 trims
            // the outermost discs to a calmer outline.
            radius_factor: 2.0,
            hull_margin_factor: 0.7,
            arc_steps: 48,
            inset_threshold_km: DEFAULT_THRESHOLD_KM,
            inset: InsetStyle::default(),
            single_site_radius_km: 2.0,
        }
    }
}

impl SchematicOptions {
    /// A copy with unusable values replaced by the defaults.
    pub(super) fn sanitized(&self) -> SchematicOptions {
        let d = SchematicOptions::default();
        let pos = |v: f64, def: f64| if v.is_finite() && v > 0.0 { v } else { def };
        SchematicOptions {
            width: pos(self.width, d.width),
            margin: if self.margin.is_finite() && self.margin >= 0.0 {
                self.margin
            } else {
                d.margin
            },
            radius_factor: pos(self.radius_factor, d.radius_factor),
            hull_margin_factor: if self.hull_margin_factor.is_finite()
                && self.hull_margin_factor >= 0.0
            {
                self.hull_margin_factor
            } else {
                d.hull_margin_factor
            },
            arc_steps: self.arc_steps.clamp(8, 720),
            inset_threshold_km: pos(self.inset_threshold_km, d.inset_threshold_km),
            inset: self.inset,
            single_site_radius_km: pos(self.single_site_radius_km, d.single_site_radius_km),
        }
    }
}
