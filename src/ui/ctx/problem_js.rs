//! Problems found in a dataset as they cross between the two wasm modules (which share no
//! memory): a JavaScript array of `{ severity, path, en, id }`, `severity` being `"error"` or
//! `"warning"` (a missing severity reads as a warning: datasets kept by earlier versions).

use crate::model::{Problem, Severity};
use wasm_bindgen::{JsCast, JsValue};

fn set(o: &js_sys::Object, k: &str, v: &JsValue) {
    let _ = js_sys::Reflect::set(o, &k.into(), v);
}

/// A string field of a JavaScript object ("" when missing).
pub fn field(o: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(o, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The problems as a JavaScript array.
pub fn to_js(problems: &[Problem]) -> js_sys::Array {
    problems
        .iter()
        .map(|p| {
            let o = js_sys::Object::new();
            let severity = if p.is_error() { "error" } else { "warning" };
            set(&o, "severity", &severity.into());
            set(&o, "path", &p.path.as_str().into());
            set(&o, "en", &p.message.as_str().into());
            set(&o, "id", &p.message_indonesian.as_str().into());
            JsValue::from(o)
        })
        .collect()
}

/// The problems of a JavaScript array made by [`to_js`]; `None` when `list` is no array.
pub fn from_js(list: &JsValue) -> Option<Vec<Problem>> {
    let list = list.dyn_ref::<js_sys::Array>()?;
    Some(
        list.iter()
            .map(|p| {
                let severity = if field(&p, "severity") == "error" {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                let message = crate::model::problem::Message::new(field(&p, "en"), field(&p, "id"));
                Problem::new(severity, field(&p, "path"), message)
            })
            .collect(),
    )
}
