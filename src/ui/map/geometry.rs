//! The schematic map of the loaded dataset, generated in the browser from the areas'
//! centroids the first time the map is shown and kept for as long as that dataset is
//! loaded (no geometry file is shipped). The computation is timed with the User Timing
//! API: a `jrs:map-geometry` performance measure, invisible to visitors.

use crate::geo::layer::MapLayer;
use crate::geo::schematic::build_schematic;
use crate::model::AreaLevel;
use crate::ui::ctx::dataset_cache::DatasetCache;
use crate::ui::ctx::perf::{measure, now};
use crate::ui::ctx::Loaded;
use std::sync::Arc;

/// The schematic layers of one dataset, one per level.
#[derive(Debug)]
pub struct Geometry {
    layers: Vec<Arc<MapLayer>>,
    /// Milliseconds the computation took.
    pub millis: f64,
}

impl Geometry {
    /// The layer of `level`.
    pub fn layer(&self, level: AreaLevel) -> Arc<MapLayer> {
        self.layers
            .iter()
            .find(|l| l.level == level)
            .cloned()
            .unwrap_or_else(|| self.layers[0].clone())
    }
}

thread_local! {
    static CACHE: DatasetCache<(), Arc<Geometry>> = const { DatasetCache::new() };
}

/// The geometry of `loaded`, computed on first use and cached per dataset.
pub fn geometry(loaded: &Arc<Loaded>) -> Arc<Geometry> {
    if let Some(g) = CACHE.with(|c| c.get(&(), loaded)) {
        return g;
    }
    let t0 = now();
    let map = build_schematic(&loaded.dataset.areas);
    let layers = AreaLevel::ALL
        .iter()
        .map(|&level| Arc::new(MapLayer::from_schematic(&map, level)))
        .collect();
    let t1 = now();
    measure("jrs:map-geometry", t0, t1);
    let g = Arc::new(Geometry {
        layers,
        millis: t1 - t0,
    });
    CACHE.with(|c| c.put((), loaded, g.clone()));
    g
}
