//! The timeline view: the strategy's milestones and the actions in time.

pub mod view;
