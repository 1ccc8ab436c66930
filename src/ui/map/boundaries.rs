//! Official boundaries from `?boundaries=<url>`: a GeoJSON file whose features carry
//! area codes in a `code` property. Fetched once per URL and dataset (same origin only:
//! the page's security policy allows nothing else), size-limited, parsed, and matched
//! to the level whose codes it holds; that level is then drawn with the file's shapes.

use crate::geo::boundaries::parse_boundaries;
use crate::geo::layer::MapLayer;
use crate::model::AreaLevel;
use crate::ui::ctx::data_fetch::{fetch_data, same_origin, Expect};
use crate::ui::ctx::dataset_cache::DatasetCache;
use crate::ui::ctx::{use_ctx, Loaded};
use leptos::prelude::*;
use std::sync::Arc;

/// Largest boundary file accepted, in bytes.
pub const MAX_BOUNDARY_BYTES: usize = 25 * 1024 * 1024;

/// Why a boundary file cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The URL points at another site.
    CrossOrigin,
    /// No feature's code matches an area of the dataset.
    NoMatch,
    /// Fetching or parsing failed (the technical reason).
    Other(String),
}

/// A usable boundary file.
#[derive(Debug)]
pub struct BoundaryLayer {
    /// Where it came from.
    pub url: String,
    /// The level it serves and its shapes.
    pub layer: Arc<MapLayer>,
    /// Codes of features matching no area of that level.
    pub unmatched: Vec<String>,
    /// Ids of areas of that level with no feature.
    pub missing: Vec<String>,
}

/// The state of the official boundaries.
#[derive(Debug, Clone)]
pub enum BoundaryState {
    /// None configured.
    Off,
    /// Being fetched.
    Loading(String),
    /// Cannot be used.
    Failed(String, Failure),
    /// Ready to draw.
    Ready(Arc<BoundaryLayer>),
}

thread_local! {
    /// The last boundary file, by URL, for the loaded dataset.
    static CACHE: DatasetCache<String, Result<Arc<BoundaryLayer>, Failure>> = const { DatasetCache::new() };
}

async fn fetch_text(url: &str) -> Result<String, Failure> {
    let expect = Expect {
        max_bytes: MAX_BOUNDARY_BYTES,
        json: false,
    };
    let bytes = fetch_data(url, expect).await.map_err(Failure::Other)?;
    String::from_utf8(bytes).map_err(|_| Failure::Other("the file is not UTF-8 text".to_string()))
}

/// Parses `text` and matches it to the level with the most matching codes.
fn prepare(url: &str, text: &str, loaded: &Loaded) -> Result<Arc<BoundaryLayer>, Failure> {
    let b = parse_boundaries(text, "code").map_err(Failure::Other)?;
    let areas = &loaded.dataset.areas;
    let width = crate::geo::SchematicOptions::default().width;
    let best = AreaLevel::ALL
        .iter()
        .map(|&level| b.to_level_paths(areas, level, width))
        .max_by_key(|m| m.areas.len())
        .filter(|m| !m.areas.is_empty())
        .ok_or(Failure::NoMatch)?;
    Ok(Arc::new(BoundaryLayer {
        url: url.to_string(),
        layer: Arc::new(MapLayer::from_boundaries(&best)),
        unmatched: best.unmatched_features.clone(),
        missing: best.areas_without_feature.clone(),
    }))
}

fn to_state(url: &str, r: Result<Arc<BoundaryLayer>, Failure>) -> BoundaryState {
    match r {
        Ok(b) => BoundaryState::Ready(b),
        Err(f) => BoundaryState::Failed(url.to_string(), f),
    }
}

/// The boundary state for the current `?boundaries=`, fetching when needed.
pub fn use_boundaries() -> ReadSignal<BoundaryState> {
    let ctx = use_ctx();
    let url = ctx.state.with_untracked(|s| s.boundaries.clone());
    let state = RwSignal::new(BoundaryState::Off);
    let Some(url) = url else {
        return state.read_only();
    };
    let loaded = ctx.d();
    if let Some(r) = CACHE.with(|c| c.get(&url, &loaded)) {
        state.set(to_state(&url, r));
        return state.read_only();
    }
    if !same_origin(&url) {
        state.set(BoundaryState::Failed(url, Failure::CrossOrigin));
        return state.read_only();
    }
    state.set(BoundaryState::Loading(url.clone()));
    leptos::task::spawn_local(async move {
        let result = match fetch_text(&url).await {
            Ok(text) => prepare(&url, &text, &loaded),
            Err(e) => Err(e),
        };
        CACHE.with(|c| c.put(url.clone(), &loaded, result.clone()));
        // The map may have been left meanwhile: then the signal is gone and this is a no-op.
        let _ = state.try_set(to_state(&url, result));
    });
    state.read_only()
}
