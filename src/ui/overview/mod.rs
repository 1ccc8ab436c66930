//! The overview view: vision, pillars, shocks and stresses, and the headline figures.

pub mod view;
