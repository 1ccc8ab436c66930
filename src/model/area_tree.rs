//! The one area hierarchy, used by the filter (the area relation and area counts), the map
//! (geometry, names and places) and the area picker: areas by id and their parent links,
//! safe against missing parents, cycles and repeated ids.
//!
//! The rule for a repeated id (validation rejects them, but a dataset opened without the
//! validator's blessing must not panic): the first area with an id is the one the id
//! refers to; later ones are ignored as parents and as filter values.

use super::id_hash::IdMap;
use super::types::{Area, AreaLevel, Lang};

/// Areas by id, with their parents, levels and names (indices are positions in the
/// dataset's `areas`).
#[derive(Debug, Clone, Default)]
pub struct AreaTree {
    ids: Vec<String>,
    names: Vec<String>,
    /// English names, where an area has one (see [`Area::name_in`]).
    names_en: Vec<Option<String>>,
    levels: Vec<AreaLevel>,
    parents: Vec<Option<usize>>,
    /// For each area, the areas inside it at any depth (each once; empty for a repeat).
    inside: Vec<Vec<usize>>,
    by_id: IdMap<usize>,
}

impl AreaTree {
    /// Builds the tree of `areas`.
    pub fn new(areas: &[Area]) -> AreaTree {
        let mut by_id = IdMap::with_capacity_and_hasher(areas.len(), Default::default());
        for (i, a) in areas.iter().enumerate() {
            by_id.entry(a.id.clone()).or_insert(i);
        }
        let parents = areas
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let p = a.parent.as_deref().and_then(|p| by_id.get(p).copied());
                p.filter(|&p| p != i)
            })
            .collect();
        let mut tree = AreaTree {
            ids: areas.iter().map(|a| a.id.clone()).collect(),
            names: areas.iter().map(|a| a.name.clone()).collect(),
            names_en: areas
                .iter()
                .map(|a| {
                    let en = a.name_in(Lang::En);
                    (en != a.name).then(|| en.to_string())
                })
                .collect(),
            levels: areas.iter().map(|a| a.level).collect(),
            parents,
            inside: vec![Vec::new(); areas.len()],
            by_id,
        };
        // Each area (the one its id means) is inside every ancestor on its chain.
        for i in 0..tree.len() {
            if tree.is_primary(i) {
                for anc in tree.chain_of(i).into_iter().skip(1) {
                    tree.inside[anc].push(i);
                }
            }
        }
        tree
    }

    /// The number of areas (repeats included).
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when the dataset has no areas.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The index of the area with `id` (the first one, if the id repeats).
    pub fn get(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// True when area `i` is the one its id refers to (not a later repeat).
    pub fn is_primary(&self, i: usize) -> bool {
        self.ids.get(i).is_some_and(|id| self.get(id) == Some(i))
    }

    /// The id of area `i`.
    pub fn id(&self, i: usize) -> &str {
        self.ids.get(i).map_or("", String::as_str)
    }

    /// The name of area `i`.
    pub fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("", String::as_str)
    }

    /// The name of area `i` to show in `lang` (the English name in English where there is
    /// one; see [`Area::name_in`]).
    pub fn name_in(&self, i: usize, lang: Lang) -> &str {
        match (lang, self.names_en.get(i)) {
            (Lang::En, Some(Some(en))) => en,
            _ => self.name(i),
        }
    }

    /// The level of area `i`.
    pub fn level(&self, i: usize) -> Option<AreaLevel> {
        self.levels.get(i).copied()
    }

    /// The index of area `i`'s parent, if it exists.
    pub fn parent(&self, i: usize) -> Option<usize> {
        self.parents.get(i).copied().flatten()
    }

    /// Area `i` followed by its ancestors, nearest first (stops at a cycle).
    pub fn chain_of(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = (i < self.len()).then_some(i);
        while let Some(c) = cur {
            if out.contains(&c) {
                break;
            }
            out.push(c);
            cur = self.parent(c);
        }
        out
    }

    /// The area `id` followed by the ids of its ancestors, nearest first; an id the tree
    /// does not know is its own chain.
    pub fn chain<'a>(&'a self, id: &'a str) -> Vec<&'a str> {
        match self.get(id) {
            Some(i) => self.chain_of(i).into_iter().map(|c| self.id(c)).collect(),
            None => vec![id],
        }
    }

    /// The areas inside area `id` at any depth (none for an id the tree does not know).
    pub fn inside<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a str> + 'a {
        let list = self.get(id).map_or(&[][..], |i| self.inside[i].as_slice());
        list.iter().map(|&i| self.id(i))
    }

    /// True when one of `action_area` and `area` contains the other (or they are the same);
    /// see `model::in_area` for what that means to the views.
    pub fn related(&self, action_area: &str, area: &str) -> bool {
        action_area == area
            || self.chain(action_area).contains(&area)
            || self.chain(area).contains(&action_area)
    }

    /// Area `i` itself or its nearest ancestor at `level`.
    pub fn ancestor_at(&self, i: usize, level: AreaLevel) -> Option<usize> {
        self.chain_of(i)
            .into_iter()
            .find(|&c| self.level(c) == Some(level))
    }

    /// The nearest ancestor of area `i` above `level` (the area to fall back to when the
    /// picker's `level` is cleared).
    pub fn ancestor_above(&self, i: usize, level: AreaLevel) -> Option<usize> {
        self.chain_of(i)
            .into_iter()
            .find(|&c| self.level(c).is_some_and(|l| l < level))
    }

    /// The area `i` is grouped under (on the map, and for deciding what goes to the inset):
    /// its region, or, without one, its topmost ancestor.
    pub fn group(&self, i: usize) -> Option<usize> {
        self.ancestor_at(i, AreaLevel::Region)
            .or_else(|| self.chain_of(i).last().copied())
    }

    /// The areas at `level` directly under `parent` (`None`: those without a parent),
    /// repeats left out, sorted by their name in `lang`.
    pub fn children(&self, parent: Option<usize>, level: AreaLevel, lang: Lang) -> Vec<usize> {
        let mut out: Vec<usize> = (0..self.len())
            .filter(|&i| {
                self.level(i) == Some(level) && self.parent(i) == parent && self.is_primary(i)
            })
            .collect();
        out.sort_by(|a, b| self.name_in(*a, lang).cmp(self.name_in(*b, lang)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An area at the origin (positions do not matter to the tree).
    fn area(id: &str, level: AreaLevel, parent: Option<&str>) -> Area {
        crate::model::testdata::area(id, level, parent, 0.0, 0.0)
    }

    fn sample() -> Vec<Area> {
        vec![
            area("r", AreaLevel::Region, None),
            area("k", AreaLevel::Kecamatan, Some("r")),
            area("l", AreaLevel::Kelurahan, Some("k")),
            area("orphan", AreaLevel::Kelurahan, Some("missing")),
            area("r", AreaLevel::Kecamatan, None),
            area("loop1", AreaLevel::Kelurahan, Some("loop2")),
            area("loop2", AreaLevel::Kecamatan, Some("loop1")),
            area("self", AreaLevel::Kecamatan, Some("self")),
            area("b", AreaLevel::Kecamatan, Some("r")),
        ]
    }

    #[test]
    fn ancestors_by_index() {
        let h = AreaTree::new(&sample());
        assert_eq!(h.get("r"), Some(0));
        assert!(h.is_primary(0) && !h.is_primary(4) && !h.is_primary(99));
        assert_eq!(h.chain_of(2), vec![2, 1, 0]);
        assert_eq!(h.ancestor_at(2, AreaLevel::Region), Some(0));
        assert_eq!(h.ancestor_at(2, AreaLevel::Kelurahan), Some(2));
        assert_eq!(h.ancestor_at(3, AreaLevel::Kecamatan), None);
        assert_eq!(h.ancestor_above(2, AreaLevel::Kelurahan), Some(1));
        assert_eq!(h.ancestor_above(2, AreaLevel::Kecamatan), Some(0));
        assert_eq!(h.ancestor_above(2, AreaLevel::Region), None);
        assert_eq!(h.group(2), Some(0));
        assert_eq!(h.group(3), Some(3));
        assert_eq!(h.chain_of(5), vec![5, 6]);
        assert_eq!(h.group(5), Some(6));
        assert_eq!(h.chain_of(7), vec![7]);
        assert!(h.chain_of(99).is_empty());
        assert_eq!(h.group(99), None);
    }

    #[test]
    fn ancestors_by_id_and_the_area_relation() {
        let h = AreaTree::new(&sample());
        assert_eq!(h.chain("l"), vec!["l", "k", "r"]);
        assert_eq!(h.chain("unknown"), vec!["unknown"]);
        assert!(h.related("l", "r") && h.related("r", "l") && h.related("k", "k"));
        let inside = |id| h.inside(id).collect::<Vec<_>>();
        assert_eq!(inside("r"), vec!["k", "l", "b"]);
        assert_eq!(inside("k"), vec!["l"]);
        assert!(inside("l").is_empty() && inside("unknown").is_empty());
        assert_eq!(
            inside("loop1"),
            vec!["loop2"],
            "a cycle ends at the area itself"
        );
        assert!(!h.related("l", "b"), "siblings are not related");
        assert!(!h.related("orphan", "r"));
        assert_eq!(h.chain("loop1"), vec!["loop1", "loop2"]);
    }

    #[test]
    fn a_repeated_id_means_the_first_area_with_it() {
        // "r" is a region first and a parentless kecamatan later: the region wins, as the
        // parent of "k" and as the place of "l".
        let h = AreaTree::new(&sample());
        assert_eq!(h.parent(1), Some(0));
        assert_eq!(h.level(h.get("r").unwrap_or(99)), Some(AreaLevel::Region));
        // The repeat is no child anywhere, so the picker lists the region once.
        assert_eq!(h.children(None, AreaLevel::Kecamatan, Lang::Id), vec![7]);
        assert_eq!(h.children(None, AreaLevel::Region, Lang::Id), vec![0]);
        // Reversed order: now the kecamatan is the one "r" means, and "k" hangs under it.
        let mut areas = sample();
        areas.swap(0, 4);
        let h = AreaTree::new(&areas);
        assert_eq!(
            h.level(h.get("r").unwrap_or(99)),
            Some(AreaLevel::Kecamatan)
        );
    }

    #[test]
    fn children_are_sorted_by_name() {
        let h = AreaTree::new(&sample());
        assert_eq!(
            h.children(Some(0), AreaLevel::Kecamatan, Lang::Id),
            vec![8, 1]
        );
        assert_eq!(h.children(Some(1), AreaLevel::Kelurahan, Lang::Id), vec![2]);
        assert!(h
            .children(Some(2), AreaLevel::Kelurahan, Lang::Id)
            .is_empty());
    }
}
