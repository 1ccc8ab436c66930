//! What the browser tests (tests/wasm_*.rs, run in headless Chromium) share: the page's
//! document, waiting for the next animation frame, and waiting frame by frame for a
//! condition. Each says `#[path = "support/browser.rs"] mod browser;`.
#![allow(dead_code)]

/// The page's document.
pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Resolves on the browser's next animation frame (layout, resize observers and effects run
/// between frames).
pub async fn next_frame() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Waits, one animation frame at a time, until `cond` holds. Not a timing check: the limit
/// (about 20 s of frames) only stops a test that hung, and says what it was waiting for.
pub async fn until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..1200 {
        if cond() {
            return;
        }
        next_frame().await;
    }
    panic!("hung: waited 1200 frames for {what}");
}
