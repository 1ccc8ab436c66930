//! Tests of the place-tracking reader: paths of errors and of unknown fields.

use super::*;
use crate::model::types::{Pillar, Provenance};
use serde_json::json;

fn pillar(targets: Value) -> Value {
    json!({
        "id": "siap",
        "name": {"id": "Siap", "en": "Ready"},
        "targets": targets,
        "sources": ["s1"],
        "provenance": {"kind": "confirmed", "note": {"en": "n"}}
    })
}

fn target(extra: Value) -> Value {
    let mut t = json!({
        "id": "t1",
        "text": {"en": "a target"},
        "sources": ["s1"],
        "provenance": {"kind": "derived", "note": {"en": "n"}}
    });
    if let (Value::Object(t), Value::Object(extra)) = (&mut t, extra) {
        t.extend(extra);
    }
    t
}

#[test]
fn an_error_is_placed_where_it_happened() {
    let v = pillar(json!([target(json!({})), target(json!({"year": "2030"}))]));
    let Err(e) = read::<Pillar>(&v) else {
        panic!("a year as text must not read")
    };
    assert_eq!(e.place, "targets[1].year");
    assert_eq!(
        e.error.to_string(),
        "invalid type: string \"2030\", expected i32"
    );

    let v = json!({"kind": "rumour", "note": {"en": "n"}});
    let Err(e) = read::<Provenance>(&v) else {
        panic!("an unknown kind must not read")
    };
    assert_eq!(e.place, "kind");
    assert!(e.error.to_string().starts_with("unknown variant `rumour`"));

    let Err(e) = read::<Provenance>(&json!({"note": {"en": "n"}})) else {
        panic!("a missing kind must not read")
    };
    assert_eq!(
        (e.place.as_str(), e.error.to_string()),
        (".", "missing field `kind`".to_string())
    );
}

#[test]
fn unknown_fields_are_noted_with_their_place_unless_null_or_false() {
    let v = pillar(json!([
        target(json!({"colour": "red", "gone": null, "off": false})),
        target(json!({"text": {"en": "b", "fr": "c"}}))
    ]));
    let Ok((p, unknown)) = read::<Pillar>(&v) else {
        panic!("the pillar must read")
    };
    assert_eq!(p.targets.len(), 2);
    let seen: Vec<(&str, &str)> = unknown
        .iter()
        .map(|u| (u.parent.as_str(), u.key.as_str()))
        .collect();
    assert_eq!(seen, [("targets[0]", "colour"), ("targets[1].text", "fr")]);
}
