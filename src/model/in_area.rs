//! The one counting rule for "initiatives in this area", shared by every view: the list
//! (the area filter), the charts (they count the list), the map (its colours, labels, table
//! and tooltips) and the area picker (its counts). An action is in area X when one of the
//! areas it is recorded for is X, lies inside X, or contains X: an initiative recorded for
//! a kecamatan is in that kecamatan, in each of its kelurahan and in its region. An action
//! recorded for no area acts city-wide: it is in no area, and is counted apart.

use super::area_tree::AreaTree;

/// True when an action recorded for `recorded` (area ids) is in `area`.
pub fn is_in(tree: &AreaTree, recorded: &[String], area: &str) -> bool {
    recorded.iter().any(|x| tree.related(x, area))
}

/// True when an action recorded for `recorded` acts city-wide (in no area).
pub fn is_city_wide(recorded: &[String]) -> bool {
    recorded.is_empty()
}

/// Every area an action recorded for `recorded` is in, each once (clears `out` first).
pub fn areas_of<'a>(tree: &'a AreaTree, recorded: &'a [String], out: &mut Vec<&'a str>) {
    out.clear();
    let mut add = |id: &'a str| {
        if !out.contains(&id) {
            out.push(id);
        }
    };
    for x in recorded {
        tree.chain(x).into_iter().for_each(&mut add);
        tree.inside(x).for_each(&mut add);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testdata::area;
    use crate::model::AreaLevel;

    fn tree() -> AreaTree {
        AreaTree::new(&[
            area("r", AreaLevel::Region, None, 0.0, 0.0),
            area("k", AreaLevel::Kecamatan, Some("r"), 0.0, 0.0),
            area("k2", AreaLevel::Kecamatan, Some("r"), 0.0, 0.0),
            area("l", AreaLevel::Kelurahan, Some("k"), 0.0, 0.0),
            area("l2", AreaLevel::Kelurahan, Some("k"), 0.0, 0.0),
            area("l3", AreaLevel::Kelurahan, Some("k2"), 0.0, 0.0),
        ])
    }

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    /// `areas_of` lists exactly the areas `is_in` says, for every recording and area.
    #[test]
    fn the_areas_of_an_action_are_the_areas_it_is_in() {
        let t = tree();
        let all = ["r", "k", "k2", "l", "l2", "l3", "elsewhere"];
        for rec in [
            vec!["k"],
            vec!["l"],
            vec!["r"],
            vec!["l", "k"],
            vec!["l", "l3"],
            vec!["elsewhere"],
            vec![],
        ] {
            let rec = ids(&rec);
            let mut out = Vec::new();
            areas_of(&t, &rec, &mut out);
            for a in all {
                assert_eq!(out.contains(&a), is_in(&t, &rec, a), "{rec:?} in {a}");
            }
            let mut once = out.clone();
            once.dedup();
            assert_eq!(once.len(), out.len(), "{rec:?}: each area once");
        }
    }

    #[test]
    fn a_kecamatan_initiative_is_in_its_kelurahan_and_region_not_beside_it() {
        let t = tree();
        let rec = ids(&["k"]);
        let mut out = Vec::new();
        areas_of(&t, &rec, &mut out);
        out.sort();
        assert_eq!(out, vec!["k", "l", "l2", "r"]);
        assert!(!is_in(&t, &rec, "k2") && !is_in(&t, &rec, "l3"));
        let wide = ids(&[]);
        assert!(is_city_wide(&wide) && !is_in(&t, &wide, "r"));
        areas_of(&t, &wide, &mut out);
        assert!(out.is_empty(), "a city-wide action is in no area");
    }
}
