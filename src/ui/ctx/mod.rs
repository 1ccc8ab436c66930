//! What every part shares and nothing below it: the app-wide context (`Ctx`: view state,
//! language, dataset, derived filter results), loading a dataset, view labels and the
//! User Timing measures. Uses no other folder of `ui`.

pub mod context;
pub mod data_fetch;
pub mod dataset_cache;
pub mod deck_channel;
pub mod js_bytes;
pub mod lazy_module;
pub mod link;
pub mod loading;
pub mod perf;
pub mod problem_js;
pub mod stage;
pub mod text;
pub mod view_label;

pub use context::{use_ctx, AreaCounts, Ctx, Loaded};
pub use text::text;
