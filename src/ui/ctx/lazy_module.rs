//! The app's side of the lazy wasm module (`src/bin/explorer-more.rs`, ARCHITECTURE.md "Two
//! wasm modules"): loading it on first use through `public/lazy-module.js`, and calling the
//! functions it exports. Values cross between the two modules as JavaScript values only.

use wasm_bindgen::{JsCast, JsValue};

/// Why the module or one of its functions could not be used.
fn reason(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Loads the lazy module (once per page; again after a failure) and returns its exports.
pub async fn load() -> Result<JsValue, String> {
    let window = web_sys::window().ok_or("no window")?;
    let start = js_sys::Reflect::get(&window, &"jrsLazyModule".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("lazy-module.js is not loaded")?;
    let promise = start
        .call0(&JsValue::NULL)
        .map_err(|e| reason(&e))?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| "jrsLazyModule did not return a promise")?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| reason(&e))
}

/// Calls `target.name(args…)` (an export of the module, or a method of a value it returned).
pub fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let f = js_sys::Reflect::get(target, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| format!("the lazy module has no function {name}"))?;
    let list: js_sys::Array = args.iter().collect();
    f.apply(target, &list).map_err(|e| reason(&e))
}
