//! Malformed and hostile datasets: each must give either a clear refusal (errors, each with
//! a path and a message) or a dataset that loads and keeps its texts exactly as written
//! (escaping is the UI's job); never a panic or a hang. Small cases are files in
//! `tests/hostile/`; big ones (a 10 MB file, 10,000-deep nesting, 1 MB strings, millions of
//! bad records) are generated here. Each case runs in its own thread with a 1 MiB stack
//! (what a WebAssembly main thread gets) and must finish within a generous time limit,
//! which detects hangs rather than measuring speed. Hostile link queries
//! (`?data=…`) and filters go through the view state and the index the same way.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use jrs::model::validate::MAX_PROBLEMS;
use jrs::model::view_state::ViewState;
use jrs::model::{load_bytes, load_str, synthetic, Filters, Index, LoadOutcome, Severity, Status};
use serde_json::{json, Value};

/// Longer than this is a hang, not slowness: generous, for debug builds on a busy machine
/// (every case takes well under a second of CPU time when the machine is idle).
const LIMIT: Duration = Duration::from_secs(30);

/// Runs `f` in a thread with a small stack; fails on panic or when it takes too long.
fn guarded<T: Send + 'static>(name: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    std::thread::Builder::new()
        .name(name.to_string())
        .stack_size(1 << 20)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .expect("spawn");
    match rx.recv_timeout(LIMIT) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{name}: still running after {LIMIT:?} (a hang?)")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic!("{name}: panicked after {:?} (see above)", start.elapsed())
        }
    }
}

/// What a case must give.
#[derive(Debug, Clone, Copy)]
enum Want {
    /// Refused; among the errors, one at this path whose message contains the text.
    Refused(&'static str, &'static str),
    /// Loads; when given, a warning at this path whose message contains the text.
    Shown(Option<(&'static str, &'static str)>),
}
use Want::*;

const UNKNOWN: &str = "unknown field, ignored";
const NOT_JSON: &str = "NaN, Infinity and undefined are not JSON";
const LINK: &str = "is not allowed: only http, https and mailto links are";

/// The committed cases: file name without `.json`, and what it must give.
const FILES: &[(&str, Want)] = &[
    ("01-empty-file", Refused("(file)", "the file is empty")),
    ("02-whitespace-only", Refused("(file)", "the file is empty")),
    (
        "03-truncated",
        Refused(
            "line 86, column 81",
            "the file ends too early, inside a string",
        ),
    ),
    (
        "04-trailing-comma",
        Refused("line 17, column 3", "JSON syntax: trailing comma"),
    ),
    (
        "05-single-quotes",
        Refused("line 1, column 2", "strings must be in double quotes"),
    ),
    (
        "06-comments",
        Refused("line 1, column 1", "JSON does not allow comments"),
    ),
    ("07-nan-literal", Refused("line 144, column 21", NOT_JSON)),
    (
        "08-infinity-literal",
        Refused("line 143, column 20", NOT_JSON),
    ),
    (
        "09-negative-infinity-literal",
        Refused("line 143, column 29", NOT_JSON),
    ),
    (
        "10-huge-exponent",
        Refused("line 144, column 25", "number out of range"),
    ),
    (
        "11-invalid-utf8",
        Refused("line 142, column 23", "not valid UTF-8"),
    ),
    ("12-utf8-bom", Shown(None)),
    ("13-utf16-le-bom", Refused("line 1, column 1", "UTF-16")),
    ("14-null-root", Refused("(root)", "found null")),
    ("15-string-root", Refused("(root)", "found a string")),
    ("16-number-root", Refused("(root)", "found a number")),
    ("17-array-root", Refused("(root)", "found a list")),
    (
        "18-empty-object",
        Refused("meta", "every dataset needs meta"),
    ),
    (
        "19-trailing-garbage",
        Refused("line 182, column 1", "trailing characters"),
    ),
    (
        "20-two-documents",
        Refused("line 182, column 1", "trailing characters"),
    ),
    (
        "21-raw-nul-in-string",
        Refused("line 142, column 22", "control character"),
    ),
    (
        "22-lone-surrogate-escape",
        Refused("line 142, column 29", "hex escape"),
    ),
    (
        "23-undefined-literal",
        Refused("line 165, column 21", NOT_JSON),
    ),
    // Like JSON.parse in a browser, the last of two equal keys wins.
    ("24-duplicate-keys", Shown(None)),
    (
        "25-wrong-types-everywhere",
        Refused(
            "hazards[0].kind",
            "expected one of the words shock, stress, found true",
        ),
    ),
    (
        "26-nulls-in-required-fields",
        Refused(
            "areas[0].centroid",
            "expected a list of 2 items, found null",
        ),
    ),
    (
        "27-list-of-junk-actions",
        Refused("actions[4]", "expected an object, found a list"),
    ),
    (
        "28-negative-population",
        Refused(
            "areas[0].population",
            "expected a whole number (0 or more), found -1",
        ),
    ),
    (
        "29-fractional-population",
        Refused("areas[0].population", "found 2.5"),
    ),
    (
        "30-population-beyond-u64",
        Refused("areas[0].population", "found 1e+23"),
    ),
    (
        "31-negative-year",
        Refused(
            "actions[0].timeframe.start",
            "year -2019 is outside 1800–2200",
        ),
    ),
    (
        "32-year-beyond-i32",
        Refused(
            "actions[0].timeframe.start",
            "expected a whole number, found 99999999999",
        ),
    ),
    (
        "33-date-far-future",
        Refused("timeline[0].date", "year 9999 is outside 1800–2200"),
    ),
    (
        "34-date-zero",
        Refused("timeline[0].date", "year 0 is outside"),
    ),
    (
        "35-date-feb-29-non-leap",
        Refused("timeline[0].date", "February 2019 has 28 days"),
    ),
    (
        "36-date-with-time",
        Refused(
            "timeline[0].date",
            "is not of the form YYYY, YYYY-MM or YYYY-MM-DD",
        ),
    ),
    (
        "37-centroid-strings",
        Refused(
            "areas[0].centroid[0]",
            "expected a number, found the text \"NaN\"",
        ),
    ),
    (
        "38-centroid-empty",
        Refused("areas[0].centroid", "found 0 items"),
    ),
    (
        "39-latitude-1e308",
        Refused("areas[0].centroid[1]", "latitude 1e308 is outside −90…90"),
    ),
    (
        "40-declared-counts-negative",
        Refused("meta.declared_counts.actions", "found -3"),
    ),
    (
        "41-declared-counts-absurd",
        Shown(Some((
            "meta.declared_counts.actions",
            "declares 4294967295 actions",
        ))),
    ),
    (
        "42-status-number",
        Refused(
            "actions[0].status",
            "expected one of the words planned, ongoing, completed, unknown, found 1",
        ),
    ),
    (
        "43-empty-records",
        Refused("actions[0].id", "missing: this field is required"),
    ),
    (
        "44-dangling-everywhere",
        Refused("areas[2].parent", "unknown area \"nowhere\""),
    ),
    (
        "45-duplicate-ids-everywhere",
        Refused("timeline[1].id", "duplicate id \"event-1\""),
    ),
    (
        "46-self-parent",
        Refused(
            "areas[1].parent",
            "must be a region, but \"31.71.01\" is a kecamatan",
        ),
    ),
    (
        "47-parent-cycle",
        Refused("areas[1].parent", "must be a region"),
    ),
    (
        "48-rtl-override-in-id",
        Refused(
            "hazards[0].id",
            "invisible or direction-changing character (U+202E)",
        ),
    ),
    (
        "49-zero-width-in-id",
        Refused(
            "pillars[0].id",
            "invisible or direction-changing character (U+200B)",
        ),
    ),
    ("50-bom-inside-id", Refused("timeline[0].id", "(U+FEFF)")),
    (
        "51-script-in-id",
        Refused("timeline[0].id", "ids may not contain the characters"),
    ),
    (
        "52-long-id",
        Refused(
            "timeline[0].id",
            "is 300 characters long; at most 200 are allowed",
        ),
    ),
    (
        "53-rtl-override-in-text",
        Shown(Some((
            "actions[0].title.en",
            "direction-changing control character (U+202E)",
        ))),
    ),
    ("54-zero-width-in-text", Shown(None)),
    ("55-arabic-and-hebrew-text", Shown(None)),
    ("56-emoji-and-combining", Shown(None)),
    ("57-control-chars-in-text", Shown(None)),
    ("58-escaped-script-in-text", Shown(None)),
    ("59-percent-encoded-link", Shown(None)),
    ("60-javascript-link", Refused("sources[0].url", LINK)),
    (
        "61-javascript-link-mixed-case",
        Refused("sources[0].url", LINK),
    ),
    (
        "62-javascript-link-leading-space",
        Refused("sources[0].url", LINK),
    ),
    (
        "63-javascript-link-with-tab",
        Refused("sources[0].url", LINK),
    ),
    ("64-javascript-link-entity", Refused("sources[0].url", LINK)),
    ("65-data-url-link", Refused("sources[0].url", LINK)),
    ("66-vbscript-link", Refused("sources[0].url", LINK)),
    (
        "67-attribute-breaking-link",
        Refused("sources[0].url", "contains a space"),
    ),
    ("68-protocol-relative-link", Refused("sources[0].url", LINK)),
    (
        "69-unknown-fields-nested",
        Shown(Some(("actions[0].title.fr", UNKNOWN))),
    ),
    (
        "70-weird-keys",
        Shown(Some(("[\"\\u{202e}evil\"]", UNKNOWN))),
    ),
    (
        "71-deep-but-allowed-nesting",
        Shown(Some(("actions[0].extra", UNKNOWN))),
    ),
];

fn path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn minimal_text() -> String {
    std::fs::read_to_string(path("tests/fixtures/valid/minimal.json")).expect("minimal fixture")
}

fn minimal() -> Value {
    serde_json::from_str(&minimal_text()).expect("JSON")
}

fn to_bytes(v: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(v).expect("serialise")
}

/// Every string the loaded dataset holds is the string the file holds at the same place:
/// nothing is escaped, trimmed or rewritten on the way in.
fn assert_verbatim(name: &str, given: &Value, kept: &Value, at: &str) {
    match (given, kept) {
        (Value::Object(g), Value::Object(k)) => {
            for (key, kv) in k {
                if let Some(gv) = g.get(key) {
                    assert_verbatim(name, gv, kv, &format!("{at}.{key}"));
                }
            }
        }
        (Value::Array(g), Value::Array(k)) => {
            for (i, (gv, kv)) in g.iter().zip(k).enumerate() {
                assert_verbatim(name, gv, kv, &format!("{at}[{i}]"));
            }
        }
        (Value::String(g), Value::String(k)) => {
            assert_eq!(g, k, "{name}: {at} was not kept as written");
        }
        _ => {}
    }
}

/// The checks every outcome must pass, then the case's own.
fn judge(name: &str, bytes: &[u8], outcome: &LoadOutcome, want: Want) {
    assert!(
        !outcome.problems.is_empty() || outcome.dataset.is_some(),
        "{name}: neither a dataset nor a problem (a blank page)"
    );
    assert!(
        outcome.problems.len() <= MAX_PROBLEMS,
        "{name}: {} problems",
        outcome.problems.len()
    );
    for p in &outcome.problems {
        assert!(
            !p.path.trim().is_empty(),
            "{name}: a problem without a path: {p}"
        );
        assert!(
            !p.message.trim().is_empty(),
            "{name}: a problem without a message: {p}"
        );
        // Hostile 1 MB strings must not turn into 1 MB messages.
        assert!(
            p.path.chars().count() <= 200,
            "{name}: path of {} chars",
            p.path.len()
        );
        assert!(
            p.message.chars().count() <= 400,
            "{name}: message of {} chars",
            p.message.len()
        );
    }
    let show = || {
        outcome
            .problems
            .iter()
            .take(20)
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n  ")
    };
    match want {
        Refused(at, says) => {
            assert!(
                outcome.dataset.is_none(),
                "{name}: should be refused but loaded"
            );
            assert!(
                outcome
                    .errors()
                    .any(|p| p.path == at && p.message.contains(says)),
                "{name}: expected an error at {at:?} saying {says:?}; got:\n  {}",
                show()
            );
        }
        Shown(warning) => {
            let d = outcome
                .dataset
                .as_ref()
                .unwrap_or_else(|| panic!("{name}: should load; got:\n  {}", show()));
            if let Some((at, says)) = warning {
                assert!(
                    outcome
                        .warnings()
                        .any(|p| p.path == at && p.message.contains(says)),
                    "{name}: expected a warning at {at:?} saying {says:?}; got:\n  {}",
                    show()
                );
            }
            let text = String::from_utf8_lossy(bytes);
            let given: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
                .expect("a dataset that loads is JSON");
            let kept = serde_json::to_value(d).expect("serialise");
            assert_verbatim(name, &given, &kept, "");
            // And the index builds and filters over it.
            let idx = Index::new(d);
            assert_eq!(idx.matching(d, &Filters::default()).len(), d.actions.len());
        }
    }
}

fn run(name: &str, bytes: Vec<u8>, want: Want) {
    let b = bytes.clone();
    let outcome = guarded(name, move || load_bytes(&b));
    judge(name, &bytes, &outcome, want);
}

#[test]
fn committed_cases() {
    let dir = path("tests/hostile");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/hostile")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let listed: Vec<String> = FILES.iter().map(|(n, _)| format!("{n}.json")).collect();
    assert_eq!(
        files, listed,
        "every file in tests/hostile needs a row in FILES, and back"
    );
    for &(name, want) in FILES {
        let bytes = std::fs::read(dir.join(format!("{name}.json"))).expect("read");
        run(name, bytes, want);
    }
}

// ---- generated cases --------------------------------------------------------------------

const MB: usize = 1 << 20;

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

// ---- hostile links and filters ---------------------------------------------------------

fn hostile_queries() -> Vec<String> {
    let mut q: Vec<String> = [
        "",
        "?",
        "??",
        "&&&",
        "?=&=&&==",
        "%",
        "%%",
        "%%%",
        "%zz",
        "%e2%82",
        "%ff%fe%fd",
        "?q=%",
        "?q=%4",
        "?q=%C3",
        "?view=%F0%9F%92%A9",
        "?view=peta&view=actions",
        "?lang=en&lang=id&lang=xx",
        "?step=99999999999999999999",
        "?step=-1",
        "?present=maybe",
        "?data=javascript:alert(1)",
        "?data=%20%20",
        "?boundaries=data:text/html,<script>",
        "?q=<script>alert(1)</script>",
        "?action=%00%00",
        "?area=\u{202e}31.71",
        "?status=done,,ongoing,ONGOING",
        "?prov=confirmed,%2C,derived",
        "?pillar=,,,,",
        "?lead=&lead=&lead=a",
        "?theme=dark&contrast=2",
        "?level=region%00",
        "?q=é&pillar=ñ",
        "?q=+++",
        "?view=actions#fragment",
        "?%3D=%3D",
        "?a=b=c=d",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    q.push(format!("?q={}", "a".repeat(MB)));
    q.push(format!("?pillar={}", ",".repeat(100_000)));
    q.push(format!("?{}", "pillar=a&".repeat(20_000)));
    q.push(format!("?{}", "%".repeat(100_000)));
    q.push(format!("?q={}", "%E2%80%AE".repeat(10_000)));
    q.push(format!(
        "?pillar={}",
        (0..5_000)
            .map(|i| format!("p{i}"))
            .collect::<Vec<_>>()
            .join(",")
    ));
    q
}

#[test]
fn hostile_queries_never_panic_and_stay_canonical() {
    let d = synthetic::generate(50, 40, 3);
    for (i, query) in hostile_queries().into_iter().enumerate() {
        let name = format!("query-{i}");
        let d = d.clone();
        guarded(&name, move || {
            let (mut s, _notices) = ViewState::from_query(&query);
            // Writing the state is canonical: reading it back writes the same link.
            let canonical = s.to_query();
            let (again, notices) = ViewState::from_query(&canonical);
            assert_eq!(again.to_query(), canonical, "{query:.80}");
            assert!(
                notices.is_empty(),
                "a canonical link has no notices: {notices:?}"
            );
            // Unknown references are dropped against a dataset; filtering still works.
            let _dropped = s.sanitize(&d);
            let idx = Index::new(&d);
            let m = idx.matching(&d, &s.filters);
            let c = idx.facet_counts(&d, &s.filters);
            assert_eq!(c.total, m.len());
        });
    }
}

#[test]
fn hostile_filters_never_panic() {
    let d = synthetic::generate(300, 120, 5);
    let big = "ä".repeat(64 * 1024);
    let filters = vec![
        Filters {
            query: big.clone(),
            ..Filters::default()
        },
        Filters {
            query: "\u{202e}\u{200b}\u{0}".into(),
            ..Filters::default()
        },
        Filters {
            area: Some(big.clone()),
            ..Filters::default()
        },
        Filters {
            area: Some("r0".into()),
            statuses: Status::ALL.to_vec(),
            ..Filters::default()
        },
        Filters {
            pillars: vec![big.clone(); 100],
            shocks: vec!["h0".into(); 1000],
            ..Filters::default()
        },
        Filters {
            leads: vec![String::new(), big],
            stresses: vec!["h0".into()],
            ..Filters::default()
        },
    ];
    for (i, f) in filters.into_iter().enumerate() {
        let d = d.clone();
        guarded(&format!("filters-{i}"), move || {
            let idx = Index::new(&d);
            let m = idx.matching(&d, &f);
            let c = idx.facet_counts(&d, &f);
            assert_eq!(c.total, m.len());
        });
    }
}

#[test]
fn the_corpus_is_large_enough() {
    // At least 60 committed files; the generated cases above come on top.
    assert!(FILES.len() >= 60, "{} committed hostile files", FILES.len());
}
