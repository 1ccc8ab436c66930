//! Reading a deck link for the app (lazy module only): the link is decoded by
//! `model::deck::codec`, and each slide goes back to the app as plain values
//! (`model::deck::wire`), or the reason it cannot be read, in both languages.

use crate::model::deck::wire::WireSlide;
use crate::model::deck::{decode, Deck};
use wasm_bindgen::JsValue;

fn set(o: &js_sys::Object, key: &str, value: JsValue) {
    let _ = js_sys::Reflect::set(o, &key.into(), &value);
}

/// The slides of `deck` as a JavaScript array of `{ screen, query, chart, title, note }`.
pub fn slides_js(deck: &Deck) -> js_sys::Array {
    deck.slides
        .iter()
        .map(|s| {
            let w = WireSlide::of(s);
            let o = js_sys::Object::new();
            set(&o, "screen", w.screen.into());
            set(&o, "query", w.query.into());
            set(&o, "chart", (w.chart as f64).into());
            set(&o, "title", w.title.into());
            set(&o, "note", w.note.into());
            JsValue::from(o)
        })
        .collect()
}

/// `{ slides }` for a link that reads, else `{ en, id }`: what is wrong and where.
pub fn read_link(link: &str) -> JsValue {
    let o = js_sys::Object::new();
    match decode(link) {
        Ok(deck) => set(&o, "slides", slides_js(&deck).into()),
        Err(e) => {
            set(&o, "en", e.to_string().into());
            set(&o, "id", e.indonesian().into());
        }
    }
    o.into()
}
