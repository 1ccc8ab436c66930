//! The validator against hand-made invalid datasets: each file in `tests/fixtures/invalid/`
//! is `tests/fixtures/valid/minimal.json` with ONE rule broken, and must produce exactly the
//! one problem listed for it below (severity, JSON path and message, word for word). Files
//! whose expected problem is a warning must still load. Every problem is also said in
//! Bahasa Indonesia (checked word for word for a sample).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use jrs::model::{load_bytes, Lang, LoadOutcome, Severity};

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

/// Fixture name (without `.json`), then the one problem it must produce.
const EXPECTED: &[(&str, Severity, &str, &str)] = &[
    ("01-json-syntax", E, "line 11, column 5", "JSON syntax: expected `,` or `}`"),
    ("02-root-not-object", E, "(root)", "expected a JSON object with meta, sources, pillars, hazards, actions…; found a list"),
    ("03-list-expected-object", E, "hazards", "expected a list, found an object"),
    ("04-crf-not-object", E, "crf", "expected an object with dimensions, drivers and qualities, found a list"),
    ("05-schema-not-string", E, "$schema", "expected a string, found a number"),
    ("06-missing-meta", E, "meta", "missing: every dataset needs meta"),
    ("07-missing-required-field", E, "actions[0].title", "missing: this field is required"),
    ("08-missing-timeline-date", E, "timeline[0].date", "missing: this field is required"),
    ("09-wrong-type-count", E, "timeline[0].participant_count", "expected a whole number (0 or more), found the text \"95\""),
    ("10-wrong-type-text", E, "pillars[0].name", "expected an object with the text in each language, like {\"id\": \"…\", \"en\": \"…\"}, found 5"),
    ("11-wrong-type-list", E, "actions[0].hazards", "expected a list, found the text \"flood\""),
    ("12-negative-population", E, "areas[0].population", "expected a whole number (0 or more), found -5"),
    ("13-centroid-three-numbers", E, "areas[1].centroid", "expected fewer items in the list, found 3 items (centroid is [longitude, latitude])"),
    ("14-unknown-enum-status", E, "actions[0].status", "unknown value \"done\" (allowed: planned, ongoing, completed, unknown)"),
    ("15-bad-provenance-kind", E, "actions[0].provenance.kind", "unknown value \"rumour\" (allowed: confirmed, derived, illustrative)"),
    ("16-bad-editor-translated", E, "meta.title.editor_translated", "unknown value \"fr\" (allowed: id or en)"),
    ("17-duplicate-id-pillars", E, "pillars[2].id", "duplicate id \"siap\" (already used by pillars[0])"),
    ("18-duplicate-id-sources", E, "sources[2].id", "duplicate id \"src-a\" (already used by sources[0])"),
    ("19-duplicate-id-goals", E, "goals[1].id", "duplicate id \"goal-1\" (already used by goals[0])"),
    ("20-duplicate-id-strategies", E, "strategies[1].id", "duplicate id \"strategy-1\" (already used by strategies[0])"),
    ("21-duplicate-id-hazards", E, "hazards[2].id", "duplicate id \"flood\" (already used by hazards[0])"),
    ("22-duplicate-id-focus-areas", E, "focus_areas[1].id", "duplicate id \"preparedness\" (already used by focus_areas[0])"),
    ("23-duplicate-id-crf-dimensions", E, "crf.dimensions[1].id", "duplicate id \"health-wellbeing\" (already used by crf.dimensions[0])"),
    ("24-duplicate-id-crf-drivers", E, "crf.drivers[1].id", "duplicate id \"hw-needs\" (already used by crf.drivers[0])"),
    ("25-duplicate-id-crf-qualities", E, "crf.qualities[1].id", "duplicate id \"robust\" (already used by crf.qualities[0])"),
    ("26-duplicate-id-actions", E, "actions[1].id", "duplicate id \"action-1\" (already used by actions[0])"),
    ("27-duplicate-id-areas", E, "areas[3].id", "duplicate id \"31.71\" (already used by areas[0])"),
    ("28-duplicate-id-timeline", E, "timeline[1].id", "duplicate id \"event-1\" (already used by timeline[0])"),
    ("29-duplicate-id-targets", E, "pillars[1].targets[0].id", "duplicate id \"target-1\" (already used by pillars[0].targets[0])"),
    ("30-duplicate-reference", E, "actions[0].hazards[1]", "hazard \"flood\" is listed twice (first at actions[0].hazards[0])"),
    ("31-dangling-action-pillar", E, "actions[0].pillars[0]", "unknown pillar \"siapp\" (known: siap, sehat)"),
    ("32-dangling-action-goal", E, "actions[0].goals[0]", "unknown goal \"goal-9\" (known: goal-1)"),
    ("33-dangling-action-strategy", E, "actions[0].strategies[0]", "unknown strategy \"strategy-9\" (known: strategy-1)"),
    ("34-dangling-action-hazard", E, "actions[0].hazards[1]", "unknown hazard \"banjr\" (known: flood, earthquake)"),
    ("35-dangling-action-focus-area", E, "actions[0].focus_areas[0]", "unknown focus area \"prepardness\" (known: preparedness)"),
    ("36-dangling-action-crf-driver", E, "actions[0].crf_drivers[0]", "unknown CRF driver \"hw-need\" (known: hw-needs)"),
    ("37-dangling-action-crf-quality", E, "actions[0].crf_qualities[0]", "unknown CRF quality \"robus\" (known: robust)"),
    ("38-dangling-action-area", E, "actions[0].areas[0]", "unknown area \"31.71.01.9999\" (known: 31.71, 31.71.01, 31.71.01.1001)"),
    ("39-dangling-action-source", E, "actions[0].sources[1]", "unknown source \"src-c\" (known: src-a, src-b)"),
    ("40-dangling-goal-pillar", E, "goals[0].pillar", "unknown pillar \"terhubung\" (known: siap, sehat)"),
    ("41-dangling-strategy-goal", E, "strategies[0].goal", "unknown goal \"goal-2\" (known: goal-1)"),
    ("42-dangling-driver-dimension", E, "crf.drivers[0].dimension", "unknown CRF dimension \"health\" (known: health-wellbeing)"),
    ("43-dangling-area-parent", E, "areas[1].parent", "unknown area \"31.99\" (known: 31.71, 31.71.01, 31.71.01.1001)"),
    ("44-dangling-focus-area-pillar", E, "focus_areas[0].pillars[0]", "unknown pillar \"siap-x\" (known: siap, sehat)"),
    ("45-dangling-meta-source", E, "meta.sources[0]", "unknown source \"src-z\" (known: src-a, src-b)"),
    ("46-dangling-declared-counts-source", E, "meta.declared_counts.sources[0]", "unknown source \"src-z\" (known: src-a, src-b)"),
    ("47-dangling-timeline-source", E, "timeline[0].sources[0]", "unknown source \"seed-999\" (known: src-a, src-b)"),
    ("48-action-without-source", E, "actions[0].sources", "missing: every record needs at least one source"),
    ("49-empty-provenance-note", E, "actions[0].provenance.note", "missing: say how this confirmed record is known"),
    ("50-missing-provenance", E, "hazards[1].provenance", "missing: this field is required"),
    ("51-area-parent-wrong-level", E, "areas[2].parent", "the parent of a kelurahan must be a kecamatan, but \"31.71\" is a region"),
    ("52-region-with-parent", E, "areas[0].parent", "a region has no parent, but \"31.71.01\" is given"),
    ("53-kelurahan-without-parent", E, "areas[2].parent", "missing: a kelurahan needs a parent area"),
    ("54-longitude-out-of-range", E, "areas[1].centroid[0]", "longitude 206.8 is outside −180…180 (centroid is [longitude, latitude])"),
    ("55-latitude-out-of-range", E, "areas[1].centroid[1]", "latitude -96.17 is outside −90…90 (centroid is [longitude, latitude])"),
    ("56-absurd-population", E, "areas[0].population", "population 5000000000 is not plausible for one area"),
    ("57-empty-area-code", E, "areas[2].code", "missing: an area needs its official code"),
    ("58-impossible-date", E, "timeline[0].date", "date 2019-02-30 does not exist: February 2019 has 28 days"),
    ("59-bad-date-format", E, "timeline[0].date", "date \"30/08/2019\" is not of the form YYYY, YYYY-MM or YYYY-MM-DD"),
    ("60-date-year-out-of-range", E, "meta.published", "date 1700: year 1700 is outside 1800–2200"),
    ("61-month-out-of-range", E, "sources[0].date", "date 2019-13: there is no month 13"),
    ("62-year-out-of-range", E, "actions[0].timeframe.start", "year 1700 is outside 1800–2200"),
    ("63-target-year-out-of-range", E, "pillars[0].targets[0].year", "year 3000 is outside 1800–2200"),
    ("64-timeframe-end-before-start", E, "actions[0].timeframe", "starts in 2022 but ends in 2018: the end is before the start"),
    ("65-javascript-link", E, "sources[0].url", "link \"javascript:alert(1)\" is not allowed: only http, https and mailto links are"),
    ("66-empty-title", E, "actions[0].title", "missing: the text is empty in both languages"),
    ("67-empty-source-title", E, "sources[1].title", "missing: a source needs a title"),
    ("68-empty-licence", E, "meta.licence", "missing: say under which licence the data may be reused"),
    ("69-empty-id", E, "timeline[0].id", "missing: every record needs a non-empty id"),
    ("70-id-with-space", E, "timeline[0].id", "id \"event 1\" contains a space: ids may not contain spaces"),
    ("71-id-with-zero-width", E, "timeline[0].id", "id \"event\\u{200b}-1\" contains an invisible or direction-changing character (U+200B): ids may use only visible characters"),
    ("72-id-with-comma", E, "timeline[0].id", "id \"event,1\" contains a comma: commas separate ids in links"),
    ("73-absurd-participant-count", E, "timeline[0].participant_count", "4000000000 participants is not plausible for one event"),
    ("74-warning-missing-translation", W, "actions[0].description.en", "missing English translation (Indonesian is shown)"),
    ("75-warning-declared-counts", W, "meta.declared_counts.actions", "the official document declares 10 actions; this dataset itemises 1"),
    ("76-warning-unknown-top-level-field", W, "colours", "unknown field, ignored (check its spelling)"),
    ("77-warning-unknown-nested-field", W, "actions[0].colour", "unknown field, ignored (check its spelling)"),
    ("78-warning-direction-control", W, "actions[0].title.en", "contains a direction-changing control character (U+202E), which can make the text display in a misleading order"),
];

/// The same problems in Bahasa Indonesia, word for word, for a sample that covers every way
/// a message is made: syntax, the reader's type errors, ids, references, areas, dates,
/// links, texts, warnings.
const EXPECTED_INDONESIAN: &[(&str, &str)] = &[
    ("01-json-syntax", "sintaks JSON: expected `,` or `}`"),
    ("03-list-expected-object", "seharusnya daftar, ditemukan objek"),
    ("06-missing-meta", "tidak ada: setiap dataset memerlukan meta"),
    ("07-missing-required-field", "tidak ada: bidang ini wajib diisi"),
    ("09-wrong-type-count", "seharusnya bilangan bulat (0 atau lebih), ditemukan teks \"95\""),
    ("13-centroid-three-numbers", "seharusnya lebih sedikit butir dalam daftar, ditemukan 3 butir (centroid adalah [bujur, lintang])"),
    ("14-unknown-enum-status", "nilai \"done\" tidak dikenal (yang diizinkan: planned, ongoing, completed, unknown)"),
    ("17-duplicate-id-pillars", "id \"siap\" ganda (sudah dipakai oleh pillars[0])"),
    ("30-duplicate-reference", "guncangan/tekanan \"flood\" tercantum dua kali (pertama di actions[0].hazards[0])"),
    ("31-dangling-action-pillar", "pilar \"siapp\" tidak dikenal (yang dikenal: siap, sehat)"),
    ("51-area-parent-wrong-level", "induk wilayah tingkat kelurahan harus tingkat kecamatan, tetapi \"31.71\" tingkat region"),
    ("54-longitude-out-of-range", "bujur 206.8 di luar −180…180 (centroid adalah [bujur, lintang])"),
    ("58-impossible-date", "tanggal 2019-02-30 tidak ada: Februari 2019 hanya 28 hari"),
    ("65-javascript-link", "tautan \"javascript:alert(1)\" tidak diizinkan: hanya tautan http, https dan mailto yang boleh"),
    ("66-empty-title", "tidak ada: teksnya kosong dalam kedua bahasa"),
    ("74-warning-missing-translation", "terjemahan bahasa Inggris tidak ada (bahasa Indonesia yang ditampilkan)"),
    ("75-warning-declared-counts", "dokumen resmi menyebut 10 aksi; dataset ini merinci 1"),
    ("76-warning-unknown-top-level-field", "bidang tidak dikenal, diabaikan (periksa ejaannya)"),
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn load(path: &Path) -> LoadOutcome {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    load_bytes(&bytes)
}

#[test]
fn the_minimal_dataset_is_valid_without_warnings() {
    let outcome = load(&fixtures().join("valid/minimal.json"));
    assert!(
        outcome.problems.is_empty(),
        "the base of every fixture must be clean: {:#?}",
        outcome.problems
    );
    let d = outcome.dataset.expect("loads");
    // The base exercises every collection and reference kind the fixtures break.
    assert_eq!(d.actions.len(), 1);
    assert_eq!(d.areas.len(), 3);
    assert!(!d.goals.is_empty() && !d.strategies.is_empty() && !d.focus_areas.is_empty());
    assert!(
        !d.crf.dimensions.is_empty() && !d.crf.drivers.is_empty() && !d.crf.qualities.is_empty()
    );
    assert!(!d.timeline.is_empty() && !d.pillars[0].targets.is_empty());
}

#[test]
fn every_fixture_produces_exactly_its_problem() {
    let mut failures = Vec::new();
    for &(name, severity, path, message) in EXPECTED {
        let file = fixtures().join("invalid").join(format!("{name}.json"));
        let outcome = load(&file);
        let got: Vec<(Severity, &str, &str)> = outcome
            .problems
            .iter()
            .map(|p| (p.severity, p.path.as_str(), p.message.as_str()))
            .collect();
        if got != [(severity, path, message)] {
            failures.push(format!(
                "{name}.json\n  expected: {severity:?} {path}: {message}\n  got:      {}",
                outcome
                    .problems
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join("\n            ")
            ));
            continue;
        }
        match severity {
            Severity::Error => {
                if outcome.dataset.is_some() {
                    failures.push(format!("{name}.json: has an error but loaded"));
                }
            }
            Severity::Warning => {
                if outcome.dataset.is_none() {
                    failures.push(format!("{name}.json: only a warning, yet did not load"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn problems_are_said_in_indonesian_too() {
    let mut failures = Vec::new();
    for &(name, message) in EXPECTED_INDONESIAN {
        let outcome = load(&fixtures().join("invalid").join(format!("{name}.json")));
        let got: Vec<&str> = outcome
            .problems
            .iter()
            .map(|p| p.message_in(Lang::Id))
            .collect();
        if got != [message] {
            failures.push(format!(
                "{name}.json\n  expected: {message}\n  got:      {got:?}"
            ));
        }
    }
    // Every fixture's problem has its own Indonesian words (serde's JSON syntax wording is
    // kept, after an Indonesian lead-in), and English stays English.
    for &(name, ..) in EXPECTED {
        let outcome = load(&fixtures().join("invalid").join(format!("{name}.json")));
        for p in &outcome.problems {
            let id = p.message_in(Lang::Id);
            if id.trim().is_empty() || id == p.message_in(Lang::En) {
                failures.push(format!("{name}.json: not translated: {id}"));
            }
            if p.message_in(Lang::En) != p.message {
                failures.push(format!("{name}.json: English is not the message"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_table_and_the_folder_match() {
    let mut files: Vec<String> = std::fs::read_dir(fixtures().join("invalid"))
        .expect("tests/fixtures/invalid exists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<String> = EXPECTED.iter().map(|(n, ..)| format!("{n}.json")).collect();
    listed.sort();
    assert_eq!(
        files, listed,
        "every fixture needs a row in EXPECTED, and every row a file"
    );
    assert!(EXPECTED.len() >= 30, "at least 30 invalid fixtures");
    let names: std::collections::HashSet<&str> = EXPECTED.iter().map(|(n, ..)| *n).collect();
    assert_eq!(names.len(), EXPECTED.len(), "fixture names are unique");
}

#[test]
fn every_reference_kind_has_a_dangling_fixture() {
    // The reference kinds the validator resolves, as they appear in problem paths.
    let kinds = [
        ".pillars[",
        ".goals[",
        ".strategies[",
        ".hazards[",
        ".focus_areas[",
        ".crf_drivers[",
        ".crf_qualities[",
        ".areas[",
        ".sources[",
        "goals[0].pillar",
        "strategies[0].goal",
        "crf.drivers[0].dimension",
        "areas[1].parent",
        "focus_areas[0].pillars[",
        "meta.sources[",
        "meta.declared_counts.sources[",
    ];
    for kind in kinds {
        assert!(
            EXPECTED.iter().any(|(_, s, path, msg)| *s == E
                && path.contains(kind)
                && msg.starts_with("unknown ")),
            "no dangling-reference fixture for {kind}"
        );
    }
}

#[test]
fn every_collection_has_a_duplicate_id_fixture() {
    for coll in [
        "sources",
        "pillars",
        "goals",
        "strategies",
        "hazards",
        "focus_areas",
        "crf.dimensions",
        "crf.drivers",
        "crf.qualities",
        "actions",
        "areas",
        "timeline",
    ] {
        assert!(
            EXPECTED.iter().any(|(_, _, path, msg)| {
                path.starts_with(&format!("{coll}[")) && msg.starts_with("duplicate id")
            }),
            "no duplicate-id fixture for {coll}"
        );
    }
}

#[test]
fn messages_are_plain() {
    for (name, _, path, message) in EXPECTED {
        assert!(!path.is_empty() && !message.is_empty(), "{name}");
        // serde's internal words must not leak into what users read.
        for jargon in [
            "u32",
            "u64",
            "i32",
            "f64",
            "struct ",
            "sequence",
            " at line ",
            "variant",
        ] {
            assert!(
                !message.contains(jargon),
                "{name}: {message:?} says {jargon:?}"
            );
        }
    }
}

/// A long list of references (over the 32 the validator searches without hashing) reports a
/// repeated id as a short one does: at each repeat, with the first place it was listed.
#[test]
fn a_long_list_of_references_reports_repeats_as_a_short_one_does() {
    let text =
        std::fs::read_to_string(fixtures().join("valid/minimal.json")).expect("minimal.json");
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("minimal.json is JSON");
    let known = v["actions"][0]["hazards"][0].clone();
    v["actions"][0]["hazards"] = serde_json::Value::Array(vec![known.clone(); 40]);
    let outcome = load_bytes(v.to_string().as_bytes());
    assert!(outcome.dataset.is_none(), "repeats are errors");
    let repeats: Vec<_> = outcome
        .problems
        .iter()
        .filter(|p| p.path.starts_with("actions[0].hazards["))
        .collect();
    assert_eq!(repeats.len(), 39, "every repeat is reported once");
    for (i, p) in repeats.iter().enumerate() {
        assert_eq!(p.path, format!("actions[0].hazards[{}]", i + 1));
        assert!(
            p.message
                .ends_with("is listed twice (first at actions[0].hazards[0])"),
            "{}",
            p.message
        );
    }
}
