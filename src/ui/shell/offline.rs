//! Offline use: registers the service worker (public/sw.js) that keeps the app and its data
//! available without internet after one visit. Only on http(s) pages in a secure context,
//! never in embed mode; the worker's URL carries the build's version (the content hashes of
//! the two wasm files' names) so each build gets its own cache.
//!
//! The lazy module (presentation, deck, "open your data": about 490 KB brotli) is cached at
//! install only where a presenter is likely: a device with a fine pointer (a laptop) whose
//! visitor does not ask to save data. On a phone or with Save-Data the worker is told so
//! (`&lazy=0`) and caches the module only when a feature first loads it, so a visitor who
//! never uses one downloads nothing more, not even in the background.

use wasm_bindgen::JsCast;

/// The hash in the name of the wasm file a `<link>` matching `selector` names
/// (`explorer-<hash>_bg.wasm`), or "" when there is none.
fn wasm_hash(doc: &web_sys::Document, selector: &str) -> String {
    let href = doc
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|l| l.get_attribute("href"))
        .unwrap_or_default();
    let name = href.rsplit('/').next().unwrap_or_default();
    let stem = name.trim_end_matches(".wasm").trim_end_matches("_bg");
    stem.rsplit('-').next().unwrap_or_default().to_string()
}

/// The build's version: the hashes in the names of the wasm file Trunk preloads and of the
/// lazy module's wasm (either can change alone), or "dev" when there is none.
fn build_version(doc: &web_sys::Document) -> String {
    let hash = wasm_hash(doc, "link[rel=\"preload\"][href$=\".wasm\"]")
        + &wasm_hash(doc, "link[rel=\"jrs-lazy-wasm\"]");
    if !hash.is_empty() && hash.len() <= 64 && hash.chars().all(|c| c.is_ascii_alphanumeric()) {
        hash
    } else {
        "dev".to_string()
    }
}

/// Whether the worker should cache the lazy module at install (see the module comment).
fn keeps_lazy_module(w: &web_sys::Window) -> bool {
    let touch_first = w
        .match_media("(pointer: coarse)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let saves_data = js_sys::Reflect::get(&w.navigator(), &"connection".into())
        .ok()
        .filter(|c| c.is_object())
        .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()).ok())
        .is_some_and(|v| v.is_truthy());
    !touch_first && !saves_data
}

/// Registers sw.js when the page may have one. Failures are only logged as warnings: the
/// app works online without it.
pub fn register_service_worker() {
    let Some(w) = web_sys::window() else {
        return;
    };
    if !w.is_secure_context() {
        return;
    }
    let protocol = w.location().protocol().unwrap_or_default();
    if protocol != "http:" && protocol != "https:" {
        return;
    }
    let nav = w.navigator();
    if !nav.on_line() {
        return; // already installed if it ever was; updating needs the network
    }
    let has_sw = js_sys::Reflect::has(&nav, &"serviceWorker".into()).unwrap_or(false);
    if !has_sw {
        return;
    }
    let Some(doc) = w.document() else {
        return;
    };
    let lazy = if keeps_lazy_module(&w) { "" } else { "&lazy=0" };
    let url = format!("sw.js?v={}{lazy}", build_version(&doc));
    let promise = nav.service_worker().register(&url);
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            let msg = e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| format!("{e:?}"));
            gloo::console::warn!(format!("offline use unavailable: {msg}"));
        }
    });
}
