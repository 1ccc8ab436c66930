//! Downloads made in the browser: bytes offered as a file (a blob URL), and a folder of
//! texts as one zip. Used by the "open your data" panel (the lazy wasm module).

use crate::model::csv_io;
use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `name` (a blob URL, revoked afterwards).
pub fn download(name: &str, bytes: &[u8], mime: &str) {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let doc = web_sys::window().and_then(|w| w.document());
    if let Some(a) = doc
        .as_ref()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.set_class_name("visually-hidden");
        if let Some(body) = doc.as_ref().and_then(|d| d.body()) {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    let revoke = url.clone();
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&revoke);
    })
    .forget();
}

/// The texts `files` (name, text) as a zip, inside the folder `folder`.
pub fn zip_of(folder: &str, files: Vec<(String, String)>) -> Vec<u8> {
    let entries: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|(n, t)| (format!("{folder}/{n}"), t.into_bytes()))
        .collect();
    csv_io::zip::zip(&entries)
}
