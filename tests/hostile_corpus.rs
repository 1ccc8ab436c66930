//! Malformed and hostile datasets: each must give either a clear refusal (errors, each with
//! a path and a message) or a dataset that loads and keeps its texts exactly as written
//! (escaping is the UI's job); never a panic or a hang. Small cases are files in
//! `tests/hostile/`; big ones (a 10 MB file, 10,000-deep nesting, 1 MB strings, millions of
//! bad records) are generated in `hostile_corpus/generated.rs`. Each case runs in its own
//! thread with a 1 MiB stack (what a WebAssembly main thread gets) and must finish within a
//! generous time limit, which detects hangs rather than measuring speed (no case fails for
//! being slow). Hostile link queries (`?data=…`) and filters go through the view state and the
//! index the same way (`hostile_corpus/links.rs`).
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use jrs::model::validate::MAX_PROBLEMS;
use jrs::model::view_state::ViewState;
use jrs::model::{
    load_bytes, load_str, synthetic, Facet, Filters, Index, LoadOutcome, Severity, Status,
};
use serde_json::{json, Value};

/// A hang guard, not a speed check: a case still running after this long has hung (every case
/// takes well under a second of CPU time when the machine is idle, so even a debug build on a
/// machine busy with other builds stays far below it). Speed is measured by `./x bench`.
const HUNG_AFTER: Duration = Duration::from_secs(600);

/// Runs `f` in a thread with a small stack; fails on panic, or when it hung.
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
    match rx.recv_timeout(HUNG_AFTER) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{name}: hung (still running after {HUNG_AFTER:?})")
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

mod support;

/// The big cases generated here.
#[path = "hostile_corpus/generated.rs"]
mod generated;
/// Hostile links (`?data=…` and filters) through the view state and the index.
#[path = "hostile_corpus/links.rs"]
mod links;

/// A mebibyte, for the big generated cases.
const MB: usize = 1 << 20;

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
    support::root().join(rel)
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

#[test]
fn the_corpus_is_large_enough() {
    // At least 60 committed files; the generated cases above come on top.
    assert!(FILES.len() >= 60, "{} committed hostile files", FILES.len());
}
