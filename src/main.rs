//! The explorer's WebAssembly entry point (built by Trunk). Natively it only explains
//! itself: the native parts are the library and the `jrs-data` tool. It exports nothing for
//! tests: the panic the end-to-end tests need is in `explorer-self-test` only.

#[cfg(target_arch = "wasm32")]
fn main() {
    jrs::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The explorer runs in the browser: use `./x serve`. For data tools run `jrs-data`.");
}
