//! The overview view: vision, pillars, shocks and stresses, and the headline figures.

pub mod rankings;
pub mod view;
