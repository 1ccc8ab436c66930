//! The explorer with one test hook, built by `./x test` for the end-to-end tests only (into
//! `<target dir>/dist-self-test/`, never into `dist/`): the same app as `src/main.rs`, plus
//! `jrs_self_test_panic()`, a deliberate panic that checks the friendly error screen (the tests
//! call it as `window.wasmBindings.jrs_self_test_panic()`). The shipped build does not export
//! it, and `tests/e2e/dist.test.mjs` checks that.

#[cfg(target_arch = "wasm32")]
fn main() {
    jrs::ui::mount();
}

/// A deliberate panic, to check that a panic shows the friendly error screen. It only breaks
/// the page that calls it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn jrs_self_test_panic() {
    panic!("self-test: a deliberate panic to check the error screen");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The self-test build of the explorer runs in the browser; `./x test` builds it.");
}
