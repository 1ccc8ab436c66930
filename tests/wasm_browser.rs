//! Browser smoke tests for the wasm test pipeline (`./x test` runs them in headless Chromium via
//! wasm-bindgen-test-runner and ChromeDriver). Natively this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn runs_in_a_browser_with_a_document() {
    let window = web_sys::window().expect("a window: these tests run in a browser, not in Node");
    let document = window.document().expect("a document");
    let el = document.create_element("article").unwrap();
    el.set_class_name("pillar-card");
    el.set_attribute("data-pillar", "siap").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    let found = document
        .query_selector("article.pillar-card[data-pillar=\"siap\"]")
        .unwrap();
    assert!(found.is_some(), "the element is in the page");
}

#[wasm_bindgen_test]
async fn async_tests_work() {
    let promise = js_sys::Promise::resolve(&wasm_bindgen::JsValue::from_f64(42.0));
    let value = wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    assert_eq!(value.as_f64(), Some(42.0));
}
