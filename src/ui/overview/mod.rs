//! The overview view: coverage at a glance, vision, pillars, shocks and stresses, and the headline figures.

pub mod coverage_grid;
pub mod rankings;
pub mod view;
