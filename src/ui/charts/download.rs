//! Downloads of a chart in the browser: the standalone SVG, a PNG drawn from that SVG at
//! twice its size (for slides), and the CSV of the chart's table, each saved through an
//! `<a download>` and a `blob:` URL (the strict CSP allows `blob:` images).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

/// How much larger than the SVG the PNG is drawn.
pub const PNG_SCALE: u32 = 2;

fn blob(parts: &str, mime: &str) -> Option<Blob> {
    let arr = js_sys::Array::of1(&JsValue::from_str(parts));
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    Blob::new_with_str_sequence_and_options(&arr, &opts).ok()
}

/// Saves a blob under `name`, through a temporary link.
pub fn save_blob(b: &Blob, name: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(b) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        if let Ok(a) = a.dyn_into::<HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.set_class_name("visually-hidden");
            if let Some(body) = doc.body() {
                let _ = body.append_child(&a);
                a.click();
                let _ = body.remove_child(&a);
            }
        }
    }
    // Give the browser time to start the download before the URL goes away.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
}

/// Saves text with a MIME type.
pub fn save_text(text: &str, mime: &str, name: &str) {
    if let Some(b) = blob(text, mime) {
        save_blob(&b, name);
    }
}

/// Saves the SVG document.
pub fn save_svg(svg: &str, name: &str) {
    save_text(svg, "image/svg+xml;charset=utf-8", name);
}

/// Saves the CSV (with a byte-order mark so spreadsheet programs read it as UTF-8).
pub fn save_csv(csv: &str, name: &str) {
    save_text(&format!("\u{feff}{csv}"), "text/csv;charset=utf-8", name);
}

/// Draws the SVG (`w` × `h` pixels) on a canvas at [`PNG_SCALE`]× and saves it as PNG;
/// calls `on_error` when the browser cannot.
pub fn save_png(svg: &str, w: u32, h: u32, name: &str, on_error: impl Fn() + 'static) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return on_error();
    };
    let Some(b) = blob(svg, "image/svg+xml;charset=utf-8") else {
        return on_error();
    };
    let Ok(url) = Url::create_object_url_with_blob(&b) else {
        return on_error();
    };
    let Ok(img) = HtmlImageElement::new() else {
        return on_error();
    };
    let on_error = std::rc::Rc::new(on_error);
    let name = name.to_string();
    let img2 = img.clone();
    let url2 = url.clone();
    let err2 = on_error.clone();
    let onload = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url2);
        let canvas = doc
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else {
            return err2();
        };
        canvas.set_width(w * PNG_SCALE);
        canvas.set_height(h * PNG_SCALE);
        let ctx = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let Some(ctx) = ctx else {
            return err2();
        };
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, (w * PNG_SCALE) as f64, (h * PNG_SCALE) as f64);
        if ctx
            .draw_image_with_html_image_element_and_dw_and_dh(
                &img2,
                0.0,
                0.0,
                (w * PNG_SCALE) as f64,
                (h * PNG_SCALE) as f64,
            )
            .is_err()
        {
            return err2();
        }
        let err3 = err2.clone();
        let done = Closure::once_into_js(move |b: JsValue| match b.dyn_into::<Blob>() {
            Ok(b) => save_blob(&b, &name),
            Err(_) => err3(),
        });
        if canvas
            .to_blob_with_type(done.unchecked_ref(), "image/png")
            .is_err()
        {
            err2();
        }
    });
    let url3 = url.clone();
    let onerror = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url3);
        on_error();
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_onerror(Some(onerror.unchecked_ref()));
    img.set_src(&url);
}
