//! The map's per-area counts (`FacetCounts::areas` and `city_wide`): an action counts
//! once in each area it acts in and in each area containing one of those, city-wide
//! actions count in no area, and the area filter itself is ignored so the map keeps
//! showing where else things happen. Built on the bundled Jakarta areas.

use jrs::model::{Action, Dataset, Facet, FacetCounts, Filters, Index};

const KECAMATAN: &str = "31.71.01"; // Gambir, Jakarta Pusat
const KEL_A: &str = "31.71.01.1001";
const KEL_B: &str = "31.71.01.1002";
const REGION: &str = "31.71";
const OTHER_KECAMATAN: &str = "31.73.01"; // Cengkareng, Jakarta Barat
const OTHER_REGION: &str = "31.73";

mod support;

fn jakarta() -> Dataset {
    support::dataset("data/jakarta.json")
}

/// The Jakarta areas with these actions: (id, areas, pillar).
fn with_actions(actions: &[(&str, &[&str], &str)]) -> Dataset {
    let mut d = jakarta();
    for id in [
        KECAMATAN,
        KEL_A,
        KEL_B,
        REGION,
        OTHER_KECAMATAN,
        OTHER_REGION,
    ] {
        assert!(d.areas.iter().any(|a| a.id == id), "{id} is in the dataset");
    }
    let template: Action = (*d.actions[0]).clone();
    d.actions = actions
        .iter()
        .map(|(id, areas, pillar)| {
            Box::new(Action {
                id: (*id).to_string(),
                areas: areas.iter().map(|s| (*s).to_string()).collect(),
                pillars: vec![(*pillar).to_string()],
                ..template.clone()
            })
        })
        .collect();
    d
}

fn counts(d: &Dataset, f: &Filters) -> FacetCounts {
    Index::new(d).facet_counts(d, f)
}

fn n(c: &FacetCounts, area: &str) -> usize {
    c.areas.get(area).copied().unwrap_or(0)
}

#[test]
fn an_action_in_a_kelurahan_counts_once_for_its_kecamatan_and_region() {
    let d = with_actions(&[("a", &[KEL_A], "siap")]);
    let c = counts(&d, &Filters::default());
    assert_eq!(n(&c, KEL_A), 1);
    assert_eq!(n(&c, KECAMATAN), 1);
    assert_eq!(n(&c, REGION), 1);
    assert_eq!(n(&c, KEL_B), 0, "a sibling kelurahan is not counted");
    assert_eq!(n(&c, OTHER_REGION), 0);
    assert_eq!(c.city_wide, 0);
}

#[test]
fn an_action_in_two_kelurahan_of_one_kecamatan_counts_once_there() {
    let d = with_actions(&[("a", &[KEL_A, KEL_B], "siap")]);
    let c = counts(&d, &Filters::default());
    assert_eq!(n(&c, KEL_A), 1);
    assert_eq!(n(&c, KEL_B), 1);
    assert_eq!(n(&c, KECAMATAN), 1, "not 2");
    assert_eq!(n(&c, REGION), 1, "not 2");
}

#[test]
fn an_action_listing_a_kecamatan_and_one_of_its_kelurahan_counts_once() {
    let d = with_actions(&[("a", &[KECAMATAN, KEL_A], "siap")]);
    let c = counts(&d, &Filters::default());
    assert_eq!(n(&c, KECAMATAN), 1);
    assert_eq!(n(&c, REGION), 1);
    assert_eq!(n(&c, KEL_A), 1);
    // Recorded for the whole kecamatan, it is in each of its kelurahan too (model::in_area),
    // as the list says when that kelurahan is picked.
    assert_eq!(n(&c, KEL_B), 1);
    assert_eq!(n(&c, OTHER_KECAMATAN), 0);
}

#[test]
fn a_kecamatan_action_counts_in_each_of_its_kelurahan_and_no_other() {
    let d = with_actions(&[("a", &[KECAMATAN], "siap"), ("b", &[KEL_A], "sehat")]);
    let c = counts(&d, &Filters::default());
    let in_gambir = d
        .areas
        .iter()
        .filter(|a| a.parent.as_deref() == Some(KECAMATAN))
        .count();
    assert!(in_gambir >= 2, "Gambir has kelurahan");
    for a in &d.areas {
        let expected = match a.id.as_str() {
            KECAMATAN | REGION | KEL_A => 2,
            _ if a.parent.as_deref() == Some(KECAMATAN) => 1,
            _ => 0,
        };
        assert_eq!(n(&c, &a.id), expected, "{} ({:?})", a.name, a.level);
    }
}

/// The one rule in every view: for every area of the bundled datasets, at every level and
/// under another filter too, the count the map and the area picker show is the length of
/// the list (and so of what the charts count) when that area is picked.
#[test]
fn every_area_count_is_the_length_of_its_list() {
    for rel in ["data/jakarta.json", "data/chennai.json"] {
        let d = support::dataset(rel);
        let idx = Index::new(&d);
        let pillar = d.pillars.first().map(|p| p.id.clone());
        for base in [
            Filters::default(),
            Filters::default().with(Facet::Pillar, &[pillar.as_deref().unwrap_or("")]),
        ] {
            let c = idx.facet_counts(&d, &base);
            let mut checked = 0;
            for a in &d.areas {
                let mut f = base.clone();
                f.set_area(Some(a.id.clone()));
                let listed = idx.matching(&d, &f).len();
                assert_eq!(n(&c, &a.id), listed, "{rel}: {} ({:?})", a.name, a.level);
                checked += usize::from(listed > 0);
            }
            let located = idx
                .matching(&d, &base)
                .iter()
                .any(|&i| !d.actions[i].areas.is_empty());
            assert_eq!(
                checked > 0,
                located,
                "{rel}: areas with actions iff located actions match"
            );
        }
    }
}

#[test]
fn city_wide_actions_count_in_no_area() {
    let d = with_actions(&[
        ("wide1", &[], "siap"),
        ("wide2", &[], "sehat"),
        ("here", &[KEL_A], "siap"),
    ]);
    let c = counts(&d, &Filters::default());
    assert_eq!(c.city_wide, 2);
    assert_eq!(n(&c, REGION), 1);
    assert_eq!(n(&c, KECAMATAN), 1);
    let total_in_regions: usize = d
        .areas
        .iter()
        .filter(|a| a.parent.is_none())
        .map(|a| n(&c, &a.id))
        .sum();
    assert_eq!(
        total_in_regions, 1,
        "city-wide actions are not spread over regions"
    );
}

#[test]
fn an_action_in_two_regions_counts_once_in_each() {
    let d = with_actions(&[("a", &[KEL_A, OTHER_KECAMATAN], "siap")]);
    let c = counts(&d, &Filters::default());
    assert_eq!(n(&c, REGION), 1);
    assert_eq!(n(&c, OTHER_REGION), 1);
    assert_eq!(n(&c, OTHER_KECAMATAN), 1);
}

#[test]
fn counts_follow_the_other_filters_but_not_the_area_filter() {
    let d = with_actions(&[
        ("a", &[KEL_A], "siap"),
        ("b", &[OTHER_KECAMATAN], "siap"),
        ("c", &[KEL_B], "sehat"),
        ("wide", &[], "siap"),
    ]);
    let mut f = Filters::default();
    f.toggle(Facet::Pillar, "siap");
    let c = counts(&d, &f);
    assert_eq!(n(&c, KECAMATAN), 1, "only the siap action in Gambir");
    assert_eq!(n(&c, OTHER_KECAMATAN), 1);
    assert_eq!(c.city_wide, 1);

    // Selecting an area keeps the map's counts for the other areas.
    f.set_area(Some(KECAMATAN.to_string()));
    let with_area = counts(&d, &f);
    assert_eq!(with_area.areas, c.areas);
    assert_eq!(with_area.city_wide, c.city_wide);
    // ...while the list holds only the actions in the selected area, as many as its count.
    let idx = Index::new(&d);
    let list = idx.matching(&d, &f);
    assert_eq!(list.len(), n(&c, KECAMATAN));
    assert_eq!(with_area.total, list.len());
}

#[test]
fn the_bundled_dataset_counts_each_action_at_most_once_per_area() {
    let d = jakarta();
    let c = counts(&d, &Filters::default());
    let located = d.actions.iter().filter(|a| !a.areas.is_empty()).count();
    assert_eq!(c.city_wide + located, d.actions.len());
    for (area, k) in &c.areas {
        assert!(*k <= located, "{area}: {k} > {located}");
    }
    // Every located action counts exactly once in some region.
    let regions: Vec<&str> = d
        .areas
        .iter()
        .filter(|a| a.parent.is_none())
        .map(|a| a.id.as_str())
        .collect();
    let per_region: usize = regions.iter().map(|r| n(&c, r)).sum();
    assert!(per_region >= located, "{per_region} < {located}");
}
