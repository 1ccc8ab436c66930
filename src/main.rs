//! The explorer's WebAssembly entry point (built by Trunk). Natively it only explains
//! itself: the native parts are the library and the `jrs-data` tool.

#[cfg(target_arch = "wasm32")]
fn main() {
    jrs::ui::mount();
}

/// A deliberate panic, to check that a panic shows the friendly error screen (the end-to-end
/// suite calls it as `window.wasmBindings.jrs_self_test_panic()`, see DEPLOY.md). It only
/// breaks the page that calls it; nothing in the app calls it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn jrs_self_test_panic() {
    panic!("self-test: a deliberate panic to check the error screen");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The explorer runs in the browser: use `./x serve`. For data tools run `jrs-data`.");
}
