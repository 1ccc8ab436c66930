//! Generated hostile datasets: script and markup payloads in every text field and link,
//! invisible characters in ids, a 10 MB file, 10,000-deep nesting, 1 MB strings, a
//! million-digit number, invalid UTF-8, floods of bad records and references, a large
//! valid dataset, and unknown fields in every object.

use super::*;

/// Fields holding free text (`id_text` is the Indonesian side of a text, renamed so that it
/// is not taken for a record id).
const TEXT_KEYS: [&str; 11] = [
    "id_text",
    "en",
    "name",
    "title",
    "publisher",
    "lead",
    "partners",
    "place",
    "editors",
    "licence",
    "code",
];

/// Free texts of the minimal dataset: every place a payload may go and must load.
fn text_slots(d: &mut Value) -> Vec<&mut Value> {
    let mut out = Vec::new();
    fn walk<'a>(v: &'a mut Value, key: &str, out: &mut Vec<&'a mut Value>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    walk(x, k, out);
                }
            }
            Value::Array(xs) => {
                for x in xs.iter_mut() {
                    walk(x, key, out);
                }
            }
            // Texts in both languages, names, titles, places, leads, partners, editors.
            Value::String(_) if TEXT_KEYS.contains(&key) => out.push(v),
            _ => {}
        }
    }
    // The `id` side of a Text is a text, but record ids are ids: mark the text sides.
    fn mark(v: &mut Value) {
        match v {
            Value::Object(m) => {
                if m.contains_key("en") && m.get("id").is_some_and(Value::is_string) {
                    if let Some(x) = m.remove("id") {
                        m.insert("id_text".into(), x);
                    }
                }
                for x in m.values_mut() {
                    mark(x);
                }
            }
            Value::Array(xs) => xs.iter_mut().for_each(mark),
            _ => {}
        }
    }
    mark(d);
    walk(d, "", &mut out);
    out
}

fn unmark(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if let Some(x) = m.remove("id_text") {
                m.insert("id".into(), x);
            }
            m.values_mut().for_each(unmark);
        }
        Value::Array(xs) => xs.iter_mut().for_each(unmark),
        _ => {}
    }
}

const PAYLOADS: [&str; 8] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "javascript:alert(1)",
    "</textarea><script>alert(1)</script>",
    "{{constructor.constructor('alert(1)')()}}",
    "${alert(1)}",
    "<a href=\"javascript:alert(1)\">klik</a> & <b>tebal</b>",
];

#[test]
fn payloads_in_every_text_field_load_verbatim() {
    for (i, payload) in PAYLOADS.iter().enumerate() {
        let mut d = minimal();
        let slots = text_slots(&mut d);
        let n = slots.len();
        assert!(n >= 40, "only {n} text slots");
        for s in slots {
            *s = Value::from(format!("{payload} {i}"));
        }
        unmark(&mut d);
        let name = format!("payload-{i}-in-every-text");
        let bytes = to_bytes(&d);
        run(&name, bytes.clone(), Shown(None));
        // Every slot kept the payload as written.
        let outcome = load_bytes(&bytes);
        let kept = serde_json::to_string(&outcome.dataset.expect("loads")).expect("json");
        let needle = serde_json::to_string(&format!("{payload} {i}")).expect("json");
        assert_eq!(kept.matches(&needle).count(), n, "{name}");
    }
}

#[test]
fn payloads_in_every_link_are_refused() {
    for (i, payload) in PAYLOADS.iter().enumerate() {
        let mut d = minimal();
        for s in d["sources"].as_array_mut().expect("sources") {
            s["url"] = Value::from(*payload);
        }
        let name = format!("payload-{i}-in-every-link");
        let outcome = guarded(&name, {
            let b = to_bytes(&d);
            move || load_bytes(&b)
        });
        judge(
            &name,
            &to_bytes(&d),
            &outcome,
            Refused("sources[0].url", "link"),
        );
        assert!(
            outcome.errors().any(|p| p.path == "sources[1].url"),
            "{name}"
        );
    }
}

#[test]
fn invisible_characters_in_every_id_are_refused() {
    for (i, c) in [
        '\u{202e}', '\u{200b}', '\u{200d}', '\u{2066}', '\u{feff}', '\u{0007}',
    ]
    .into_iter()
    .enumerate()
    {
        let mut d = minimal();
        let mut ids = 0;
        fn walk(v: &mut Value, c: char, ids: &mut usize, path: &str) {
            match v {
                Value::Object(m) => {
                    let is_record = !m.contains_key("en") && !path.ends_with("note");
                    for (k, x) in m.iter_mut() {
                        if k == "id" && is_record {
                            if let Value::String(s) = x {
                                s.insert(1, c);
                                *ids += 1;
                            }
                        } else {
                            walk(x, c, ids, k);
                        }
                    }
                }
                Value::Array(xs) => xs.iter_mut().for_each(|x| walk(x, c, ids, path)),
                _ => {}
            }
        }
        walk(&mut d, c, &mut ids, "");
        let name = format!("invisible-{i}-in-every-id");
        let b = to_bytes(&d);
        let outcome = guarded(&name, move || load_bytes(&b));
        judge(
            &name,
            &to_bytes(&d),
            &outcome,
            Refused("meta.id", "ids may use only visible characters"),
        );
        let id_errors = outcome
            .errors()
            .filter(|p| p.path.ends_with(".id") && p.message.contains("visible characters"))
            .count();
        assert_eq!(id_errors, ids, "{name}: one error per id");
    }
}

#[test]
fn ten_megabyte_files_are_refused_up_front() {
    let mut text = minimal_text();
    text.push_str(&" ".repeat(10 * MB));
    let b = text.clone().into_bytes();
    let outcome = guarded("10mb-bytes", move || load_bytes(&b));
    judge(
        "10mb-bytes",
        text.as_bytes(),
        &outcome,
        Refused("(file)", "the largest dataset accepted is 8388608 bytes"),
    );
    let t = text.clone();
    let outcome = guarded("10mb-str", move || load_str(&t));
    judge(
        "10mb-str",
        text.as_bytes(),
        &outcome,
        Refused("(file)", "the largest dataset accepted"),
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let depth = 10_000;
    let deep_list = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let cases: Vec<(&str, String, &str)> = vec![
        // The 128th opening bracket is one too many.
        (
            "nesting-10000-lists",
            deep_list.clone(),
            "line 1, column 128",
        ),
        (
            "nesting-10000-objects",
            format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)),
            "line 1, column 636",
        ),
        (
            "nesting-10000-unclosed",
            "[".repeat(depth),
            "line 1, column 128",
        ),
        (
            "nesting-10000-in-a-field",
            minimal_text().replacen(
                "\"meta\": {",
                &format!("\"extra\": {deep_list},\n  \"meta\": {{"),
                1,
            ),
            "line 3, column 138",
        ),
    ];
    for (name, text, at) in cases {
        let b = text.clone().into_bytes();
        let outcome = guarded(name, move || load_bytes(&b));
        judge(
            name,
            text.as_bytes(),
            &outcome,
            Refused(at, "nested too deeply"),
        );
    }
}

#[test]
fn one_megabyte_strings_give_short_messages() {
    let big = "a".repeat(MB);
    type Mutate<'a> = Box<dyn Fn(&mut Value) + 'a>;
    let cases: Vec<(&str, Mutate, Want)> = vec![
        (
            "1mb-title",
            Box::new(|d: &mut Value| d["actions"][0]["title"]["en"] = Value::from(big.clone())),
            Refused(
                "actions[0].title.en",
                "the text is 1048576 characters long; at most 20000 are accepted",
            ),
        ),
        (
            "1mb-id",
            Box::new(|d: &mut Value| d["timeline"][0]["id"] = Value::from(big.clone())),
            Refused(
                "timeline[0].id",
                "is 1048576 characters long; at most 200 are allowed",
            ),
        ),
        (
            "1mb-reference",
            Box::new(|d: &mut Value| d["actions"][0]["hazards"][0] = Value::from(big.clone())),
            Refused("actions[0].hazards[0]", "unknown hazard \"aaaa"),
        ),
        (
            "1mb-url",
            Box::new(|d: &mut Value| {
                d["sources"][0]["url"] = Value::from(format!("https://{big}"))
            }),
            Refused(
                "sources[0].url",
                "is 1048584 characters long; at most 2000 are accepted",
            ),
        ),
        (
            "1mb-javascript-url",
            Box::new(|d: &mut Value| {
                d["sources"][0]["url"] = Value::from(format!("javascript:{}", &big[..1000]))
            }),
            Refused("sources[0].url", LINK),
        ),
        (
            "1mb-date",
            Box::new(|d: &mut Value| d["timeline"][0]["date"] = Value::from(big.clone())),
            Refused("timeline[0].date", "is not of the form YYYY"),
        ),
        (
            "1mb-enum",
            Box::new(|d: &mut Value| d["actions"][0]["status"] = Value::from(big.clone())),
            Refused("actions[0].status", "unknown value \"aaaa"),
        ),
        (
            "1mb-wrong-type",
            Box::new(|d: &mut Value| {
                d["timeline"][0]["participant_count"] = Value::from(big.clone())
            }),
            Refused("timeline[0].participant_count", "found the text \"aaaa"),
        ),
        (
            "1mb-key",
            Box::new(|d: &mut Value| {
                d["actions"][0][big.as_str()] = Value::from(1);
            }),
            Shown(None),
        ),
        (
            "1mb-lead",
            Box::new(|d: &mut Value| d["actions"][0]["lead"] = Value::from(big.clone())),
            Refused("actions[0].lead", "characters long"),
        ),
        (
            "1mb-of-rtl-overrides",
            Box::new(|d: &mut Value| {
                d["actions"][0]["title"]["en"] = Value::from("\u{202e}".repeat(MB / 3))
            }),
            Refused("actions[0].title.en", "characters long"),
        ),
    ];
    for (name, mutate, want) in cases {
        let mut d = minimal();
        mutate(&mut d);
        let b = to_bytes(&d);
        let outcome = guarded(name, {
            let b = b.clone();
            move || load_bytes(&b)
        });
        judge(name, &b, &outcome, want);
    }
    // The odd 1 MB key is reported with a shortened path.
    let mut d = minimal();
    d["actions"][0][big.as_str()] = Value::from(1);
    let outcome = load_bytes(&to_bytes(&d));
    assert!(outcome
        .warnings()
        .any(|p| p.path.starts_with("actions[0][\"aaaa") && p.path.ends_with("…\"]")));
}

#[test]
fn a_million_digit_number_is_refused() {
    let text = minimal_text().replace(
        "\"population\": 1000000",
        &format!("\"population\": {}", "9".repeat(MB)),
    );
    let b = text.clone().into_bytes();
    let outcome = guarded("million-digits", move || load_bytes(&b));
    judge(
        "million-digits",
        text.as_bytes(),
        &outcome,
        Refused("line 144, column 1048596", "number out of range"),
    );
}

#[test]
fn invalid_utf8_is_located_in_characters() {
    // Line 3, after "  é€ " (5 characters, 8 bytes): the bad byte is column 6.
    let mut bytes = b"{\n  \"meta\":\n  \xc3\xa9\xe2\x82\xac ".to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(b"\n}");
    let b = bytes.clone();
    let outcome = guarded("utf8-position", move || load_bytes(&b));
    judge(
        "utf8-position",
        &bytes,
        &outcome,
        Refused("line 3, column 6", "not valid UTF-8"),
    );
}

#[test]
fn a_flood_of_bad_records_is_capped() {
    // Half a million records that are numbers, not objects.
    let mut d = minimal();
    d["actions"] = Value::Array(vec![Value::from(1); 500_000]);
    let b = serde_json::to_vec(&d).expect("json");
    let len = b.len();
    let outcome = guarded("500000-bad-records", {
        let b = b.clone();
        move || load_bytes(&b)
    });
    judge(
        "500000-bad-records",
        &b,
        &outcome,
        Refused("actions[0]", "expected an object, found 1"),
    );
    assert_eq!(outcome.problems.len(), MAX_PROBLEMS, "{len} bytes");
    let last = outcome.problems.last().expect("a last problem");
    assert_eq!(last.path, "(more)");
    assert!(
        last.message
            .starts_with("499001 more problems are not listed (499001 errors"),
        "{}",
        last.message
    );
}

#[test]
fn many_dangling_references_are_capped() {
    let mut d = minimal();
    let refs: Vec<Value> = (0..50_000)
        .map(|i| Value::from(format!("nowhere-{i}")))
        .collect();
    d["actions"][0]["hazards"] = Value::Array(refs);
    let b = to_bytes(&d);
    let outcome = guarded("dangling-50000", {
        let b = b.clone();
        move || load_bytes(&b)
    });
    judge(
        "dangling-50000",
        &b,
        &outcome,
        Refused("actions[0].hazards[0]", "unknown hazard \"nowhere-0\""),
    );
    assert_eq!(outcome.problems.len(), MAX_PROBLEMS);
    assert!(outcome.problems[MAX_PROBLEMS - 1]
        .message
        .starts_with("49001 more problems"));
}

#[test]
fn a_large_valid_dataset_loads() {
    let d = synthetic::generate(3_000, 1_500, 7);
    let b = serde_json::to_vec(&d).expect("json");
    assert!(b.len() > 2 * MB, "{} bytes", b.len());
    let outcome = guarded("synthetic-3000", {
        let b = b.clone();
        move || load_bytes(&b)
    });
    judge("synthetic-3000", &b, &outcome, Shown(None));
    assert!(outcome.problems.is_empty());
}

#[test]
fn unknown_fields_in_every_object_are_warned_about() {
    let mut d = minimal();
    let mut objects = 0;
    fn walk(v: &mut Value, n: &mut usize) {
        match v {
            Value::Object(m) => {
                for x in m.values_mut() {
                    walk(x, n);
                }
                m.insert("zz_unknown".into(), json!({"<script>": "alert(1)"}));
                *n += 1;
            }
            Value::Array(xs) => xs.iter_mut().for_each(|x| walk(x, n)),
            _ => {}
        }
    }
    walk(&mut d, &mut objects);
    let b = to_bytes(&d);
    let outcome = guarded("unknown-everywhere", {
        let b = b.clone();
        move || load_bytes(&b)
    });
    judge(
        "unknown-everywhere",
        &b,
        &outcome,
        Shown(Some(("zz_unknown", UNKNOWN))),
    );
    assert_eq!(
        outcome
            .warnings()
            .filter(|p| p.message.starts_with(UNKNOWN))
            .count(),
        objects,
        "one warning per object"
    );
    assert!(outcome.warnings().all(|p| p.path.ends_with("zz_unknown")));
    assert!(outcome
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning));
}
