//! Presentation mode (`?present=1`): full-screen steps through the views for workshops, the
//! fixed story or a presenter's own deck (`?deck=`). Split between the two wasm modules
//! (ARCHITECTURE.md "Two wasm modules"). In the app (first view): present_button.rs the
//! header's button, slot.rs the container the lazy module mounts the mode into (loading and
//! failed lines), slide_view.rs the view for a `View` (the site's frame uses it too), and
//! `presenter_link::is_presenter_window`. In the lazy module only (`mount_presentation`):
//! presentation.rs the mode's frame (bar, stage, keys, counter), deck_source.rs which slides
//! it walks, slide_stage.rs what the stage shows for a slide, story_screens.rs the story's own
//! screens, fullscreen.rs the browser's fullscreen; the presenter window (`?presenter=1`: the
//! note and the next slide, kept in step over a `BroadcastChannel`): presenter_link.rs the
//! presentation's button and channel, presenter.rs the window's view (`public/lazy-module.js`
//! mounts it, the app leaves that page alone).

pub mod deck_source;
pub mod fullscreen;
pub mod present_button;
pub mod presentation;
pub mod presenter;
pub mod presenter_link;
pub mod slide_stage;
pub mod slide_view;
pub mod slot;
pub mod story_screens;
