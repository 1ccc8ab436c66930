//! Search on the bundled Jakarta data, as a visitor types it: a place named in English or
//! Indonesian finds what the area filter finds for that place (the counting rule of
//! `model::in_area`), every other word must match somewhere (title, description, agency,
//! place or hazard, either language), and case and diacritics do not matter.

use jrs::model::{in_area, AreaLevel, Dataset, Facet, Filters, Index, Lang};

mod support;

fn jakarta() -> Dataset {
    support::dataset("data/jakarta.json")
}

/// The ids of the actions a search for `q` finds.
fn search(d: &Dataset, q: &str) -> Vec<String> {
    let f = Filters::default().with(Facet::Query, &[q]);
    ids(d, &Index::new(d).matching(d, &f))
}

fn ids(d: &Dataset, matching: &[usize]) -> Vec<String> {
    matching.iter().map(|&i| d.actions[i].id.clone()).collect()
}

/// The ids of the actions with hazard `hazard` in area `area`, by the counting rule.
fn by_rule(d: &Dataset, hazard: Option<&str>, area: &str) -> Vec<String> {
    let ix = Index::new(d);
    d.actions
        .iter()
        .filter(|a| hazard.is_none_or(|h| a.hazards.iter().any(|x| x == h)))
        .filter(|a| in_area::is_in(ix.tree(), &a.areas, area))
        .map(|a| a.id.clone())
        .collect()
}

const NORTH: &str = "31.72";

#[test]
fn flood_in_north_jakarta_in_either_language_finds_the_flooding_initiatives_there() {
    let d = jakarta();
    let expected = by_rule(&d, Some("flood"), NORTH);
    let titles: Vec<&str> = d
        .actions
        .iter()
        .filter(|a| expected.contains(&a.id))
        .map(|a| a.title.en.as_str())
        .collect();
    // The four the issue names, found by the rule (not a list kept here).
    for part in ["KSB", "NCICD", "MURIA", "Kampung Akuarium"] {
        assert!(
            titles.iter().any(|t| t.contains(part)),
            "{part} is among {titles:?}"
        );
    }
    for q in [
        "flood North Jakarta",
        "banjir jakarta utara",
        "BANJIR  Jakarta-Utara",
        "north jakarta flooding",
        "Bánjir JAKARTA UTARA",
    ] {
        assert_eq!(search(&d, q), expected, "search {q:?}");
    }
}

#[test]
fn each_region_is_found_by_its_names_as_the_area_filter_finds_it() {
    let d = jakarta();
    let regions: Vec<_> = d
        .areas
        .iter()
        .filter(|a| a.level == AreaLevel::Region)
        .collect();
    assert_eq!(regions.len(), 6);
    let ix = Index::new(&d);
    let mut found_any = false;
    for r in regions {
        let en = r.name_in(Lang::En);
        assert_ne!(en, r.name, "{} has an English name", r.name);
        assert!(
            r.provenance.note.en.contains(en),
            "{}: the note says who gives {en}",
            r.name
        );
        let listed = ids(&d, &ix.matching(&d, &Filters::only(Facet::Area, &r.id)));
        found_any |= !listed.is_empty();
        assert_eq!(search(&d, en), listed, "search {en:?}");
        assert_eq!(search(&d, &r.name), listed, "search {:?}", r.name);
        assert_eq!(search(&d, &en.to_uppercase()), listed);
    }
    assert!(found_any, "some region has initiatives");
    assert_eq!(
        search(&d, "Thousand Islands"),
        search(&d, "kepulauan seribu")
    );
}

#[test]
fn every_word_must_match_somewhere_in_either_language() {
    let d = jakarta();
    let all = search(&d, "");
    assert_eq!(all.len(), d.actions.len());
    // A hazard's name in either language finds every action with that hazard.
    for h in &d.hazards {
        let with: Vec<&String> = d
            .actions
            .iter()
            .filter(|a| a.hazards.contains(&h.id))
            .map(|a| &a.id)
            .collect();
        for name in [&h.name.id, &h.name.en] {
            let found = search(&d, name);
            assert!(
                with.iter().all(|id| found.contains(id)),
                "search {name:?} finds every action with hazard {}",
                h.id
            );
        }
    }
    // An agency and a place word together: the lead of an action in a kelurahan.
    let a = d
        .actions
        .iter()
        .find(|a| a.lead.is_some() && !a.areas.is_empty())
        .expect("an action with a lead and a place");
    let found = search(&d, a.lead.as_deref().unwrap_or_default());
    assert!(found.contains(&a.id));
    // A word no action has leaves nothing, whatever else matches.
    assert!(search(&d, "banjir zzqx").is_empty());
    assert!(search(&d, "north jakarta zzqx").is_empty());
}
