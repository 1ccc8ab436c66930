//! Property tests (proptest, native only): the loader, the validator, the filters and the
//! link parser never panic, whatever they are given, and keep their promises on the way:
//! every problem has a path and a message, loading a written dataset reports exactly what
//! the validator finds, facet counts agree with the filtered list, and every view state
//! built from valid parts survives the trip through its link.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::sync::OnceLock;

use jrs::model::load::load_value;
use jrs::model::validate::validate;
use jrs::model::view_state::{EmbedPart, Theme, View, ViewState};
use jrs::model::{
    load_bytes, load_str, synthetic, AreaLevel, Dataset, Facet, Filters, Index, Lang, LoadOutcome,
    ProvenanceKind, Status,
};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use proptest::test_runner::Config;

fn config(cases: u32) -> Config {
    Config {
        cases,
        // Failures are printed with their minimal input; nothing is written into the tree.
        failure_persistence: None,
        ..Config::default()
    }
}

fn minimal() -> &'static [u8] {
    static M: OnceLock<Vec<u8>> = OnceLock::new();
    M.get_or_init(|| support::read_bytes("tests/fixtures/valid/minimal.json"))
}

/// A fixed dataset for the filter properties.
fn filter_data() -> &'static (Dataset, Index) {
    static D: OnceLock<(Dataset, Index)> = OnceLock::new();
    D.get_or_init(|| {
        let d = synthetic::generate(150, 80, 11);
        let idx = Index::new(&d);
        (d, idx)
    })
}

fn well_formed(outcome: &LoadOutcome) -> Result<(), TestCaseError> {
    prop_assert!(outcome.dataset.is_some() || outcome.errors().next().is_some());
    for p in &outcome.problems {
        prop_assert!(!p.path.trim().is_empty(), "no path: {}", p);
        prop_assert!(!p.message.trim().is_empty(), "no message: {}", p);
    }
    Ok(())
}

// ---- the loader -------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Edit {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Splice(usize, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Flip(i, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<usize>().prop_map(Edit::Delete),
        (
            any::<usize>(),
            select(vec![
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                "\"",
                "null",
                "NaN",
                "1e400",
                "-1",
                "\\u0000",
                "\u{feff}",
                "\u{202e}",
                "<script>",
                "\"x\":1,",
                "[[[[[[",
                "}}}}",
                "\"actions\":",
                "\"id\":\"a\",",
            ])
        )
            .prop_map(|(i, s)| Edit::Splice(i, s)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let n = bytes.len().max(1);
        match *e {
            Edit::Flip(i, b) => {
                if !bytes.is_empty() {
                    let i = i % bytes.len();
                    bytes[i] ^= b | 1;
                }
            }
            Edit::Insert(i, b) => bytes.insert(i % (bytes.len() + 1), b),
            Edit::Delete(i) => {
                if !bytes.is_empty() {
                    bytes.remove(i % n);
                }
            }
            Edit::Splice(i, s) => {
                let at = i % (bytes.len() + 1);
                bytes.splice(at..at, s.bytes());
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn loading_any_text_never_panics(s in any::<String>()) {
        well_formed(&load_str(&s))?;
    }

    #[test]
    fn loading_json_like_text_never_panics(s in "[\\[\\]{}\",:0-9a-z \\-.eE\\\\]{0,300}") {
        well_formed(&load_str(&s))?;
    }

    #[test]
    fn loading_any_bytes_never_panics(b in proptest::collection::vec(any::<u8>(), 0..400)) {
        well_formed(&load_bytes(&b))?;
    }

    #[test]
    fn loading_a_damaged_dataset_never_panics(edits in proptest::collection::vec(edit(), 1..6)) {
        let bytes = apply(minimal().to_vec(), &edits);
        let outcome = load_bytes(&bytes);
        well_formed(&outcome)?;
    }
}

// ---- the validator ----------------------------------------------------------------------

/// A change that may break a valid synthetic dataset.
#[derive(Debug, Clone)]
enum Break {
    /// Point one reference of an action (kind 0–8) somewhere.
    Reference(usize, usize, String),
    /// Give a record the id of another record of its collection.
    DuplicateAction(usize, usize),
    DuplicateArea(usize, usize),
    /// Rewire an area.
    Parent(usize, Option<String>),
    Level(usize, AreaLevel),
    Centroid(usize, f64, f64),
    Population(usize, u64),
    /// Rename a record (its references then dangle).
    RenameHazard(usize, String),
    RenameArea(usize, String),
    RenameAction(usize, String),
    /// Remove records (references to them dangle).
    RemoveHazard(usize),
    RemoveArea(usize),
    NoSources(usize),
    Years(usize, i32, i32),
    Date(String),
    Link(String),
    Title(usize, String, String),
}

fn any_id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[phdrkva][0-9]{1,2}",
        "(dim)?[0-9]",
        "[a-z0-9.,_ -]{0,6}",
        any::<String>(),
        Just(String::new()),
        Just("\u{202e}p0".to_string()),
        Just("p\u{200b}0".to_string()),
    ]
}

fn a_break() -> impl Strategy<Value = Break> {
    let i = any::<usize>();
    prop_oneof![
        (i, 0..9usize, any_id()).prop_map(|(a, k, s)| Break::Reference(a, k, s)),
        (i, any::<usize>()).prop_map(|(a, b)| Break::DuplicateAction(a, b)),
        (i, any::<usize>()).prop_map(|(a, b)| Break::DuplicateArea(a, b)),
        (i, proptest::option::of(any_id())).prop_map(|(a, p)| Break::Parent(a, p)),
        (i, select(AreaLevel::ALL.to_vec())).prop_map(|(a, l)| Break::Level(a, l)),
        (i, -1e300..1e300f64, -1e3..1e3f64).prop_map(|(a, x, y)| Break::Centroid(a, x, y)),
        (i, any::<u64>()).prop_map(|(a, p)| Break::Population(a, p)),
        (i, any_id()).prop_map(|(a, s)| Break::RenameHazard(a, s)),
        (i, any_id()).prop_map(|(a, s)| Break::RenameArea(a, s)),
        (i, any_id()).prop_map(|(a, s)| Break::RenameAction(a, s)),
        i.prop_map(Break::RemoveHazard),
        i.prop_map(Break::RemoveArea),
        i.prop_map(Break::NoSources),
        (i, any::<i32>(), 1700..2300i32).prop_map(|(a, s, e)| Break::Years(a, s, e)),
        "[0-9-]{0,12}|.{0,12}".prop_map(Break::Date),
        "(https?://|javascript:|mailto:| )?.{0,20}".prop_map(Break::Link),
        (i, ".{0,10}", ".{0,10}").prop_map(|(a, x, y)| Break::Title(a, x, y)),
    ]
}

fn pick<T>(v: &mut [T], i: usize) -> Option<&mut T> {
    if v.is_empty() {
        None
    } else {
        let n = v.len();
        v.get_mut(i % n)
    }
}

fn break_dataset(d: &mut Dataset, b: &Break) {
    match b.clone() {
        Break::Reference(a, kind, s) => {
            if let Some(x) = pick(&mut d.actions, a) {
                let list = match kind {
                    0 => &mut x.pillars,
                    1 => &mut x.goals,
                    2 => &mut x.strategies,
                    3 => &mut x.hazards,
                    4 => &mut x.focus_areas,
                    5 => &mut x.crf_drivers,
                    6 => &mut x.crf_qualities,
                    7 => &mut x.areas,
                    _ => &mut x.sources,
                };
                list.push(s);
            }
        }
        Break::DuplicateAction(a, b) => {
            let n = d.actions.len();
            if n > 0 {
                d.actions[a % n].id = d.actions[b % n].id.clone();
            }
        }
        Break::DuplicateArea(a, b) => {
            let n = d.areas.len();
            if n > 0 {
                d.areas[a % n].id = d.areas[b % n].id.clone();
            }
        }
        Break::Parent(a, p) => {
            if let Some(x) = pick(&mut d.areas, a) {
                x.parent = p;
            }
        }
        Break::Level(a, l) => {
            if let Some(x) = pick(&mut d.areas, a) {
                x.level = l;
            }
        }
        Break::Centroid(a, lon, lat) => {
            if let Some(x) = pick(&mut d.areas, a) {
                x.centroid = [lon, lat];
            }
        }
        Break::Population(a, p) => {
            if let Some(x) = pick(&mut d.areas, a) {
                x.population = Some(p);
            }
        }
        Break::RenameHazard(a, s) => {
            if let Some(x) = pick(&mut d.hazards, a) {
                x.id = s;
            }
        }
        Break::RenameArea(a, s) => {
            if let Some(x) = pick(&mut d.areas, a) {
                x.id = s;
            }
        }
        Break::RenameAction(a, s) => {
            if let Some(x) = pick(&mut d.actions, a) {
                x.id = s;
            }
        }
        Break::RemoveHazard(a) => {
            if !d.hazards.is_empty() {
                let n = d.hazards.len();
                d.hazards.remove(a % n);
            }
        }
        Break::RemoveArea(a) => {
            if !d.areas.is_empty() {
                let n = d.areas.len();
                d.areas.remove(a % n);
            }
        }
        Break::NoSources(a) => {
            if let Some(x) = pick(&mut d.actions, a) {
                x.sources.clear();
            }
        }
        Break::Years(a, s, e) => {
            if let Some(x) = pick(&mut d.actions, a) {
                x.timeframe = Some(jrs::model::Timeframe {
                    start: Some(s),
                    end: Some(e),
                    note: None,
                });
            }
        }
        Break::Date(s) => d.meta.published = Some(s),
        Break::Link(s) => d.sources[0].url = Some(s),
        Break::Title(a, id, en) => {
            if let Some(x) = pick(&mut d.actions, a) {
                x.title = jrs::model::Text::new(&id, &en);
            }
        }
    }
}

proptest! {
    #![proptest_config(config(192))]

    #[test]
    fn validating_a_broken_dataset_never_panics_and_loading_agrees(
        actions in 0..25usize,
        areas in 0..40usize,
        seed in any::<u64>(),
        breaks in proptest::collection::vec(a_break(), 0..6),
    ) {
        let mut d = synthetic::generate(actions, areas, seed);
        for b in &breaks {
            break_dataset(&mut d, b);
        }
        let problems = validate(&d);
        for p in &problems {
            prop_assert!(!p.path.is_empty() && !p.message.is_empty(), "{}", p);
        }
        if breaks.is_empty() {
            prop_assert!(problems.is_empty(), "a generated dataset is valid: {:?}", problems);
        }
        // Writing the dataset and loading it back finds exactly what the validator finds.
        let outcome = load_value(serde_json::to_value(&d).expect("serialise"));
        prop_assert_eq!(&outcome.problems, &problems);
        prop_assert_eq!(outcome.dataset.is_some(), !problems.iter().any(|p| p.is_error()));
        if let Some(back) = &outcome.dataset {
            prop_assert_eq!(back, &d);
        }
        // The index copes with whatever is left, valid or not.
        let idx = Index::new(&d);
        prop_assert_eq!(idx.matching(&d, &Filters::default()).len(), d.actions.len());
    }
}

// ---- the filters ------------------------------------------------------------------------

fn some_ids(pattern: &'static str) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(
        prop_oneof![4 => pattern.prop_map(|s| s), 1 => any::<String>()],
        0..3,
    )
}

type IdLists = (
    Vec<String>,
    Vec<String>,
    Vec<String>,
    Vec<String>,
    Vec<String>,
    Vec<String>,
    Vec<String>,
);
type OtherFilters = (
    Vec<Status>,
    Vec<String>,
    Vec<ProvenanceKind>,
    Option<String>,
    String,
);

/// Filters from generated lists: pillars, goals, strategies, shocks, stresses, drivers and
/// qualities; statuses, leads, provenance, area and query.
fn make_filters(lists: IdLists, rest: OtherFilters) -> Filters {
    let (pillars, goals, strategies, shocks, stresses, drivers, qualities) = lists;
    let (statuses, leads, provenance, area, query) = rest;
    let mut f = Filters::default();
    for (facet, values) in [
        (Facet::Pillar, pillars),
        (Facet::Goal, goals),
        (Facet::Strategy, strategies),
        (Facet::Shock, shocks),
        (Facet::Stress, stresses),
        (Facet::Driver, drivers),
        (Facet::Quality, qualities),
        (Facet::Lead, leads),
    ] {
        f.set(facet, values);
    }
    let codes = statuses.iter().map(|s| s.code().to_string()).collect();
    f.set(Facet::Status, codes);
    let codes = provenance.iter().map(|k| k.code().to_string()).collect();
    f.set(Facet::Provenance, codes);
    f.set_area(area);
    f.set_query(query);
    f
}

fn filters() -> impl Strategy<Value = Filters> {
    let lists = (
        some_ids("p[0-3]"),
        some_ids("g[0-2]"),
        some_ids("s[0-2]"),
        some_ids("h([0-9]|1[0-7])"),
        some_ids("h([0-9]|1[0-7])"),
        some_ids("d([0-9]|1[0-3])"),
        some_ids("q[0-2]"),
    );
    let rest = (
        subsequence(Status::ALL.to_vec(), 0..=4),
        some_ids("Instansi sintetis [0-9]{1,2}"),
        subsequence(ProvenanceKind::ALL.to_vec(), 0..=3),
        proptest::option::of(prop_oneof!["[rkv][0-9]{1,2}", any::<String>()]),
        prop_oneof![
            Just(String::new()),
            "(aksi|AKSI|sintetis|Synthetic|instansi|[0-9]{1,3}| ){0,4}",
            any::<String>(),
        ],
    );
    (lists, rest).prop_map(
        |((pillars, goals, strategies, shocks, stresses, drivers, qualities), r)| {
            let (statuses, leads, provenance, area, query) = r;
            make_filters(
                (
                    pillars, goals, strategies, shocks, stresses, drivers, qualities,
                ),
                (statuses, leads, provenance, area, query),
            )
        },
    )
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn filtering_never_panics_and_counts_agree(f in filters()) {
        let (d, idx) = filter_data();
        let m = idx.matching(d, &f);
        prop_assert!(m.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        prop_assert!(m.iter().all(|&i| i < d.actions.len()));
        let c = idx.facet_counts(d, &f);
        prop_assert_eq!(c.total, m.len());
        // Each pillar option's count is what choosing that pillar alone would leave.
        for facet in [Facet::Pillar, Facet::Status] {
            for (v, n) in c.of(facet) {
                let mut alone = f.clone();
                alone.set(facet, vec![v.clone()]);
                prop_assert_eq!(*n, idx.matching(d, &alone).len(), "{:?} {}", facet, v);
            }
        }
        // Another filter (AND) can only narrow the list.
        let mut narrower = f.clone();
        narrower.set(Facet::Provenance, vec![ProvenanceKind::Confirmed.code().to_string()]);
        prop_assert!(idx.matching(d, &narrower).len() <= m.len());
    }
}

// ---- links ------------------------------------------------------------------------------

fn plain_id() -> impl Strategy<Value = String> {
    "[^,\\s]{1,10}"
}

fn trimmed() -> impl Strategy<Value = String> {
    ".{1,16}".prop_filter("trimmed and not blank", |s| s.trim() == s && !s.is_empty())
}

fn unique<T: PartialEq>(v: Vec<T>) -> Vec<T> {
    let mut out = Vec::new();
    for x in v {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

fn view_state() -> impl Strategy<Value = ViewState> {
    let ids = || proptest::collection::vec(plain_id(), 0..3).prop_map(unique);
    let filters = (
        (ids(), ids(), ids(), ids(), ids(), ids(), ids()),
        subsequence(Status::ALL.to_vec(), 0..=4),
        proptest::collection::vec(
            ".{1,12}".prop_filter("not blank", |s| !s.trim().is_empty()),
            0..3,
        )
        .prop_map(unique),
        subsequence(ProvenanceKind::ALL.to_vec(), 0..=3),
        proptest::option::of(trimmed()),
        ".{0,30}",
    )
        .prop_map(
            |(
                (pillars, goals, strategies, shocks, stresses, drivers, qualities),
                statuses,
                leads,
                provenance,
                area,
                query,
            )| {
                make_filters(
                    (
                        pillars, goals, strategies, shocks, stresses, drivers, qualities,
                    ),
                    (statuses, leads, provenance, area, query),
                )
            },
        );
    let rest = (
        select(View::ALL.to_vec()),
        proptest::option::of(select(vec![Lang::Id, Lang::En])),
        proptest::option::of(trimmed()),
        proptest::option::of(select(AreaLevel::ALL.to_vec())),
        (
            any::<bool>(),
            0..1000u32,
            proptest::option::of("[0-9A-Za-z_-]{1,40}"),
        ),
        (any::<bool>(), any::<bool>()),
        select(vec![Theme::Auto, Theme::Light, Theme::Dark]),
        proptest::option::of(trimmed()),
        proptest::option::of(trimmed()),
        (
            select(EmbedPart::ALL.to_vec()),
            any::<bool>(),
            any::<bool>(),
        ),
    );
    (filters, rest).prop_map(|(filters, r)| {
        let (
            view,
            lang,
            action,
            level,
            (present, step, deck),
            (embed, contrast),
            theme,
            data,
            boundaries,
            (part, no_filters, no_header),
        ) = r;
        ViewState {
            view,
            lang,
            filters,
            action,
            level,
            present,
            // The step is part of a presentation, and only written with one.
            step: if present { step } else { 0 },
            // So is the deck shown.
            deck: if present { deck } else { None },
            embed,
            part,
            no_filters,
            no_header,
            contrast,
            theme,
            data,
            boundaries,
        }
    })
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn reading_any_query_never_panics(q in any::<String>()) {
        let (s, _) = ViewState::from_query(&q);
        let canonical = s.to_query();
        let (again, notices) = ViewState::from_query(&canonical);
        prop_assert_eq!(again.to_query(), canonical);
        prop_assert!(notices.is_empty(), "{:?}", notices);
    }

}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn reading_query_like_text_never_panics(
        q in "\\??((view|lang|pillar|q|area|step|status|prov|lead|data|present|theme|x|%[0-9A-Fa-f]{0,2}|[a-z%+,=]){0,3}=?([a-z0-9%+,.:/]|%[0-9A-Fa-fzZ]{0,2}){0,12}&?){0,6}"
    ) {
        let (s, _) = ViewState::from_query(&q);
        let canonical = s.to_query();
        prop_assert_eq!(ViewState::from_query(&canonical).0.to_query(), canonical);
    }

    #[test]
    fn every_valid_view_state_survives_its_link(s in view_state()) {
        let q = s.to_query();
        let (back, notices) = ViewState::from_query(&q);
        prop_assert!(notices.is_empty(), "{} gave {:?}", q, notices);
        prop_assert_eq!(back, s, "through {}", q);
    }
}
