//! Reading a deck link for the app (lazy module only): the link is decoded by
//! `model::deck::codec`, and each slide goes back to the app as one text
//! (`model::deck::wire`), or the reason it cannot be read, in both languages.

use crate::model::deck::decode;
use crate::model::deck::wire::text_of;
use wasm_bindgen::JsValue;

fn set(o: &js_sys::Object, key: &str, value: JsValue) {
    let _ = js_sys::Reflect::set(o, &key.into(), &value);
}

/// `{ slides }` (one text per slide, `model::deck::wire`) for a link that reads, else
/// `{ en, id }`: what is wrong and where.
pub fn read_link(link: &str) -> JsValue {
    let o = js_sys::Object::new();
    match decode(link) {
        Ok(deck) => {
            let slides: js_sys::Array = deck
                .slides
                .iter()
                .map(|s| JsValue::from(text_of(s)))
                .collect();
            set(&o, "slides", slides.into());
        }
        Err(e) => {
            set(&o, "en", e.to_string().into());
            set(&o, "id", e.indonesian().into());
        }
    }
    o.into()
}
