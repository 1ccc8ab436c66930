//! The facet table end to end on the bundled dataset, natively: every facet's options count
//! what choosing them would leave, links carry every facet and come back the same, unknown
//! values are dropped with a notice, and the focus-area facet (added through the table
//! alone) filters the list, counts, names files and survives a link.

use jrs::charts::ChartSpec;
use jrs::model::{Dataset, Facet, Filters, Index, ViewState};

mod support;

fn jakarta() -> Dataset {
    support::dataset("data/jakarta.json")
}

#[test]
fn every_option_counts_what_choosing_it_alone_would_leave() {
    let d = jakarta();
    let idx = Index::new(&d);
    // Some other filter set, so counts depend on the other facets.
    let base = Filters::default().with(Facet::Pillar, &["siap"]);
    let counts = idx.facet_counts(&d, &base);
    let mut checked = 0;
    // Not the area: its count is the actions acting in the area or inside it, while
    // choosing it also keeps those acting in a larger area containing it (tests/area_counts.rs).
    for facet in Facet::ALL.into_iter().filter(|f| *f != Facet::Area) {
        for o in idx.options(facet) {
            let mut alone = base.clone();
            alone.set(facet, vec![o.value.clone()]);
            let n = idx.matching(&d, &alone).len();
            assert_eq!(counts.get(facet, &o.value), n, "{facet:?} {}", o.value);
            checked += 1;
        }
    }
    assert!(checked > 50, "the dataset has options to check: {checked}");
}

#[test]
fn matching_and_counts_come_from_one_pass_and_agree() {
    let d = jakarta();
    let idx = Index::new(&d);
    let f = Filters::default()
        .with(Facet::Shock, &["flood"])
        .with(Facet::Focus, &["preparedness"]);
    let out = idx.evaluate(&d, &f);
    assert_eq!(out.matching, idx.matching(&d, &f));
    assert_eq!(out.counts, idx.facet_counts(&d, &f));
    assert_eq!(out.counts.total, out.matching.len());
}

#[test]
fn the_focus_facet_filters_by_the_actions_focus_areas() {
    let d = jakarta();
    let idx = Index::new(&d);
    assert!(
        !idx.options(Facet::Focus).is_empty(),
        "the options come from the dataset's focus areas"
    );
    for fa in &d.focus_areas {
        let f = Filters::only(Facet::Focus, &fa.id);
        let expected: Vec<usize> = (0..d.actions.len())
            .filter(|&i| d.actions[i].focus_areas.contains(&fa.id))
            .collect();
        assert_eq!(idx.matching(&d, &f), expected, "focus {}", fa.id);
    }
    // Two focus areas are alternatives (OR), and with a pillar both must hold (AND).
    let ids: Vec<&str> = d
        .focus_areas
        .iter()
        .take(2)
        .map(|x| x.id.as_str())
        .collect();
    let either = Filters::default().with(Facet::Focus, &ids);
    let n_either = idx.matching(&d, &either).len();
    let n_first = idx.matching(&d, &Filters::only(Facet::Focus, ids[0])).len();
    assert!(n_either >= n_first);
    let narrower = either.clone().with(Facet::Pillar, &["sehat"]);
    let m = idx.matching(&d, &narrower);
    assert!(m.len() <= n_either);
    assert!(m
        .iter()
        .all(|&i| d.actions[i].pillars.iter().any(|p| p == "sehat")));
}

#[test]
fn every_facet_survives_a_link() {
    let d = jakarta();
    let idx = Index::new(&d);
    let mut s = ViewState::default();
    let mut set = Vec::new();
    for facet in Facet::ALL {
        match idx.options(facet).first() {
            Some(o) => s.filters.toggle(facet, &o.value),
            None if facet == Facet::Query => s.filters.set_query("banjir rob".into()),
            None => continue, // the bundled dataset lists no goals or strategies
        }
        set.push(facet);
    }
    assert!(set.len() >= 10, "{set:?}");
    let q = s.to_query();
    assert!(q.contains("focus=governance"), "{q}");
    let (back, notices) = ViewState::from_query(&q);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back, s);
    for facet in set {
        assert_eq!(back.filters.values(facet).len(), 1, "{facet:?} in {q}");
    }
}

#[test]
fn unknown_values_are_dropped_with_a_notice_once_the_dataset_is_known() {
    let d = jakarta();
    let (mut s, notices) =
        ViewState::from_query("?focus=mobility,nowhere&status=done&pillar=siap&lead=Nobody");
    assert_eq!(
        notices,
        ["status=done"],
        "a status is known without the dataset"
    );
    let dropped = s.sanitize(&d);
    assert_eq!(dropped, ["focus=nowhere", "lead=Nobody"]);
    assert_eq!(s.filters.values(Facet::Focus), ["mobility"]);
    assert_eq!(s.to_query(), "?pillar=siap&focus=mobility");
}

#[test]
fn download_file_names_name_the_focus_area() {
    let d = jakarta();
    let spec = ChartSpec {
        slug: "coverage-matrix",
        ..ChartSpec::default()
    };
    let f = Filters::default()
        .with(Facet::Shock, &["flood"])
        .with(Facet::Focus, &["mobility"]);
    let name = spec.file_name(&d, &f, "csv");
    assert!(
        name.ends_with("-coverage-matrix-flood-mobility.csv"),
        "{name}"
    );
}

#[test]
fn the_scope_facet_lists_the_city_wide_actions_the_map_counts_apart() {
    let d = jakarta();
    let idx = Index::new(&d);
    let city = Filters::only(Facet::Scope, jrs::model::facet::CITY_WIDE);
    let expected: Vec<usize> = (0..d.actions.len())
        .filter(|&i| d.actions[i].areas.is_empty())
        .collect();
    assert!(
        !expected.is_empty(),
        "the bundled dataset has city-wide actions"
    );
    assert_eq!(idx.matching(&d, &city), expected);
    // The same number the map and the list count apart, also under another filter.
    for base in [
        Filters::default(),
        Filters::default().with(Facet::Shock, &["flood"]),
    ] {
        let apart = idx.evaluate(&d, &base).counts.city_wide;
        let with_scope = base
            .clone()
            .with(Facet::Scope, &[jrs::model::facet::CITY_WIDE]);
        assert_eq!(idx.matching(&d, &with_scope).len(), apart, "{base:?}");
    }
    // A link keeps it; an unknown value is dropped before the dataset is known.
    let (s, notices) = ViewState::from_query("?view=actions&scope=city,everywhere");
    assert_eq!(notices, ["scope=everywhere"]);
    assert_eq!(
        s.filters.values(Facet::Scope),
        [jrs::model::facet::CITY_WIDE]
    );
    assert!(s.to_query().contains("scope=city"), "{}", s.to_query());
}
