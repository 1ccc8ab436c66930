//! Presentation mode (`?present=1`): full-screen steps through the views for workshops, and
//! the header's button that starts it.

pub mod presentation;
