//! The schematic map of the loaded dataset, generated in the browser from the areas'
//! centroids the first time the map is shown and kept for as long as that dataset is
//! loaded (no geometry file is shipped). The computation is timed with the User Timing
//! API: a `jrs:map-geometry` performance measure, invisible to visitors.

use super::ctx::Loaded;
use crate::geo::layer::MapLayer;
use crate::geo::schematic::build_schematic;
use crate::model::AreaLevel;
use std::cell::RefCell;
use std::sync::{Arc, Weak};
use wasm_bindgen::JsValue;

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
    static CACHE: RefCell<Option<(Weak<Loaded>, Arc<Geometry>)>> = const { RefCell::new(None) };
}

/// The geometry of `loaded`, computed on first use and cached per dataset.
pub fn geometry(loaded: &Arc<Loaded>) -> Arc<Geometry> {
    if let Some(g) = CACHE.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|(w, _)| std::ptr::eq(w.as_ptr(), Arc::as_ptr(loaded)))
            .map(|(_, g)| g.clone())
    }) {
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
    CACHE.with(|c| *c.borrow_mut() = Some((Arc::downgrade(loaded), g.clone())));
    g
}

fn performance() -> Option<JsValue> {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .filter(JsValue::is_object)
}

/// `performance.now()`, or 0 where unavailable.
pub fn now() -> f64 {
    let Some(p) = performance() else {
        return 0.0;
    };
    js_sys::Reflect::get(&p, &JsValue::from_str("now"))
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())
        .and_then(|f| f.call0(&p).ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// Records `performance.measure(name, { start, end })`; silently does nothing where
/// the API is missing.
fn measure(name: &str, start: f64, end: f64) {
    let Some(p) = performance() else {
        return;
    };
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"start".into(), &start.into());
    let _ = js_sys::Reflect::set(&opts, &"end".into(), &end.into());
    if let Some(f) = js_sys::Reflect::get(&p, &JsValue::from_str("measure"))
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok())
    {
        let _ = f.call2(&p, &JsValue::from_str(name), &opts);
    }
}
