//! Presentation mode (`?present=1`): full-screen steps through the views for workshops, the
//! fixed story or a presenter's own deck (`?deck=`), and the header's button that starts it.
//! presentation.rs the mode's frame (bar, stage, keys, counter), deck_source.rs which slides
//! it walks, slide_view.rs what the stage shows for a slide, story_screens.rs the story's own
//! screens, fullscreen.rs the browser's fullscreen. The presenter window (`?presenter=1`: the
//! note and the next slide, kept in step over a `BroadcastChannel`): presenter_link.rs the
//! presentation's button and channel, presenter.rs the window's view (linked into the lazy
//! module only; `public/lazy-module.js` mounts it, the app leaves that page alone).

pub mod deck_source;
pub mod fullscreen;
pub mod presentation;
pub mod presenter;
pub mod presenter_link;
pub mod slide_view;
pub mod story_screens;
