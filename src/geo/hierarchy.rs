//! Area ancestry: looking areas up by id and walking parent links, safe against
//! missing parents, repeated ids and cycles.

use std::collections::HashMap;

use crate::model::{Area, AreaLevel};

/// An index over a slice of areas. When ids repeat, the first area with an id wins.
#[derive(Debug, Clone)]
pub struct Hierarchy<'a> {
    areas: &'a [Area],
    by_id: HashMap<&'a str, usize>,
}

impl<'a> Hierarchy<'a> {
    /// Indexes `areas` by id.
    pub fn new(areas: &'a [Area]) -> Hierarchy<'a> {
        let mut by_id = HashMap::new();
        for (i, a) in areas.iter().enumerate() {
            by_id.entry(a.id.as_str()).or_insert(i);
        }
        Hierarchy { areas, by_id }
    }

    /// The index of the area with `id`.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// True when area `i` is the one its id refers to (not a later repeat).
    pub fn is_primary(&self, i: usize) -> bool {
        self.areas
            .get(i)
            .is_some_and(|a| self.get(&a.id) == Some(i))
    }

    /// The index of area `i`'s parent, if it exists.
    pub fn parent(&self, i: usize) -> Option<usize> {
        let p = self.areas.get(i)?.parent.as_deref()?;
        self.get(p).filter(|&p| p != i)
    }

    /// Area `i` followed by its ancestors, nearest first (stops at a cycle).
    pub fn chain(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut cur = (i < self.areas.len()).then_some(i);
        while let Some(c) = cur {
            if out.contains(&c) || out.len() > self.areas.len() {
                break;
            }
            out.push(c);
            cur = self.parent(c);
        }
        out
    }

    /// Area `i` itself or its nearest ancestor at `level`.
    pub fn ancestor_at(&self, i: usize, level: AreaLevel) -> Option<usize> {
        self.chain(i)
            .into_iter()
            .find(|&c| self.areas[c].level == level)
    }

    /// The area `i` is grouped under for deciding what goes to the inset: its region,
    /// or, without one, its topmost ancestor.
    pub fn group(&self, i: usize) -> Option<usize> {
        self.ancestor_at(i, AreaLevel::Region)
            .or_else(|| self.chain(i).last().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::testdata::area;

    #[test]
    fn ancestors() {
        let areas = vec![
            area("r", AreaLevel::Region, None, 0.0, 0.0),
            area("k", AreaLevel::Kecamatan, Some("r"), 0.0, 0.0),
            area("l", AreaLevel::Kelurahan, Some("k"), 0.0, 0.0),
            area("orphan", AreaLevel::Kelurahan, Some("missing"), 0.0, 0.0),
            area("r", AreaLevel::Kecamatan, None, 0.0, 0.0),
            area("loop1", AreaLevel::Kelurahan, Some("loop2"), 0.0, 0.0),
            area("loop2", AreaLevel::Kecamatan, Some("loop1"), 0.0, 0.0),
            area("self", AreaLevel::Kecamatan, Some("self"), 0.0, 0.0),
        ];
        let h = Hierarchy::new(&areas);
        assert_eq!(h.get("r"), Some(0));
        assert!(h.is_primary(0) && !h.is_primary(4) && !h.is_primary(99));
        assert_eq!(h.chain(2), vec![2, 1, 0]);
        assert_eq!(h.ancestor_at(2, AreaLevel::Region), Some(0));
        assert_eq!(h.ancestor_at(2, AreaLevel::Kelurahan), Some(2));
        assert_eq!(h.ancestor_at(3, AreaLevel::Kecamatan), None);
        assert_eq!(h.group(2), Some(0));
        assert_eq!(h.group(3), Some(3));
        assert_eq!(h.chain(5), vec![5, 6]);
        assert_eq!(h.group(5), Some(6));
        assert_eq!(h.chain(7), vec![7]);
        assert!(h.chain(99).is_empty());
        assert_eq!(h.group(99), None);
    }
}
