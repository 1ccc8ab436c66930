//! User Timing measures of the app's phases (`performance.measure`, names starting `jrs:`):
//! invisible to visitors, read by the benchmark (bench/run.mjs) to say where the time to the
//! first chart goes. `jrs:start` navigation → the wasm running; `jrs:fetch` the dataset
//! request; `jrs:load` reading, validating and indexing it; `jrs:draw:<chart>` drawing one
//! chart; `jrs:map-geometry` computing the schematic map.

use wasm_bindgen::JsValue;

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
pub fn measure(name: &str, start: f64, end: f64) {
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
