//! Filters over actions and the counts that follow them: which actions match, how many each
//! filter option would leave (facet counts); the area facet follows the one rule of
//! `model::in_area` for both. Within one filter the options are alternatives (OR);
//! different filters must all hold (AND).

use super::area_tree::AreaTree;
pub use super::facet::Facet;
use super::facet::{FacetOption, OptionLabel, Rule, UrlForm};
use super::id_hash::IdMap;
use super::in_area;
use super::search::{Query, SearchIndex};
use super::types::*;

/// The filters a visitor can set: for each facet of the table ([`Facet::ALL`]), the selected
/// values (none means "no filter"). The area facet holds at most one area id, the query
/// facet at most one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    values: [Vec<String>; Facet::COUNT],
}

impl Filters {
    /// Filters with `values` selected in `facet` (for tests and links made in code).
    pub fn with(mut self, facet: Facet, values: &[&str]) -> Filters {
        for v in values {
            if !self.has(facet, v) {
                self.toggle(facet, v);
            }
        }
        self
    }

    /// Only `value` selected in `facet`.
    pub fn only(facet: Facet, value: &str) -> Filters {
        Filters::default().with(facet, &[value])
    }

    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        self.active_count() == 0
    }

    /// Number of filter values set (the query counts as one, when it is not blank).
    pub fn active_count(&self) -> usize {
        Facet::ALL
            .into_iter()
            .map(|f| match f.def().url {
                UrlForm::Text => usize::from(!self.query().trim().is_empty()),
                _ => self.values(f).len(),
            })
            .sum()
    }

    /// The values selected in `facet`, in the order they were chosen.
    pub fn values(&self, facet: Facet) -> &[String] {
        &self.values[facet.index()]
    }

    /// Replaces the values of `facet` (repeats are dropped; one value at most for the area
    /// and the query; an empty query is no filter).
    pub fn set(&mut self, facet: Facet, values: Vec<String>) {
        let mut kept: Vec<String> = Vec::with_capacity(values.len());
        for v in values {
            if !kept.contains(&v) {
                kept.push(v);
            }
        }
        if matches!(facet.def().url, UrlForm::One | UrlForm::Text) {
            kept.truncate(1);
        }
        kept.retain(|v| !v.is_empty());
        self.values[facet.index()] = kept;
    }

    /// Removes every value of `facet`.
    pub fn clear(&mut self, facet: Facet) {
        self.values[facet.index()].clear();
    }

    /// The selected area id.
    pub fn area(&self) -> Option<&str> {
        self.values(Facet::Area).first().map(String::as_str)
    }

    /// Selects an area (or none).
    pub fn set_area(&mut self, area: Option<String>) {
        self.set(Facet::Area, area.into_iter().collect());
    }

    /// The search text as typed ("" when none).
    pub fn query(&self) -> &str {
        self.values(Facet::Query).first().map_or("", String::as_str)
    }

    /// Sets the search text.
    pub fn set_query(&mut self, text: String) {
        self.set(Facet::Query, vec![text]);
    }

    /// Adds or removes a value (used by chips, checkboxes, the map and chart clicks). For
    /// the area, a different area replaces the selected one; for the query, sets the text.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        if !(facet.def().accepts)(value) {
            return;
        }
        let form = facet.def().url;
        let list = &mut self.values[facet.index()];
        match form {
            UrlForm::Text => *list = vec![value.to_string()],
            _ if list.iter().any(|x| x == value) => list.retain(|x| x != value),
            UrlForm::One => *list = vec![value.to_string()],
            UrlForm::Comma | UrlForm::Repeated => list.push(value.to_string()),
        }
        list.retain(|v| !v.is_empty());
    }

    /// Removes a value of `facet` (for the query: the text).
    pub fn remove(&mut self, facet: Facet, value: &str) {
        match facet.def().url {
            UrlForm::Text => self.clear(facet),
            _ => self.values[facet.index()].retain(|x| x != value),
        }
    }

    /// True when `value` is selected in `facet`.
    pub fn has(&self, facet: Facet, value: &str) -> bool {
        self.values(facet).iter().any(|x| x == value)
    }
}

/// Precomputed per-action data for fast filtering of large datasets.
#[derive(Debug, Clone)]
pub struct Index {
    hazard_kind: IdMap<HazardKind>,
    /// Built by the first search (`search_of`): most visitors never search, and at 10,000
    /// actions its folded texts are megabytes.
    search: std::sync::OnceLock<SearchIndex>,
    tree: AreaTree,
    options: Vec<Vec<FacetOption>>,
}

/// What the filters leave: the matching actions and the facet counts, from one pass.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// Indices of the actions passing every filter, in dataset order.
    pub matching: Vec<usize>,
    /// For each option, how many actions it would leave given the other filters.
    pub counts: FacetCounts,
}

impl Index {
    /// Builds the index for `d`.
    pub fn new(d: &Dataset) -> Index {
        let tree = AreaTree::new(&d.areas);
        Index {
            hazard_kind: d.hazards.iter().map(|h| (h.id.clone(), h.kind)).collect(),
            search: std::sync::OnceLock::new(),
            tree,
            options: Facet::ALL.iter().map(|f| (f.def().options)(d)).collect(),
        }
    }

    /// The options of `facet` in this dataset (see [`super::facet::FacetDef::options`]).
    pub fn options(&self, facet: Facet) -> &[FacetOption] {
        self.options.get(facet.index()).map_or(&[], Vec::as_slice)
    }

    /// The label of option `value` of `facet`, if the dataset has that option.
    pub fn option_label(&self, facet: Facet, value: &str) -> Option<&OptionLabel> {
        self.options(facet)
            .iter()
            .find(|o| o.value == value)
            .map(|o| &o.label)
    }

    /// The search index of `d` (the dataset this index was made from), built on first use.
    fn search_of(&self, d: &Dataset) -> &SearchIndex {
        self.search.get_or_init(|| SearchIndex::new(d, &self.tree))
    }

    /// The area tree.
    pub fn tree(&self) -> &AreaTree {
        &self.tree
    }

    /// The kind of hazard `id`, if the dataset lists it.
    pub fn hazard_kind(&self, id: &str) -> Option<HazardKind> {
        self.hazard_kind.get(id).copied()
    }

    /// Which facets action `i` passes, as a bit mask (bit = the facet's index).
    fn pass_mask(
        &self,
        a: &Action,
        i: usize,
        f: &Filters,
        search: Option<(&SearchIndex, &Query)>,
    ) -> u32 {
        let mut m = 0u32;
        for facet in Facet::ALL {
            let sel = f.values(facet);
            let ok = match facet.def().rule {
                _ if sel.is_empty() => true,
                Rule::AnyOf(values) => {
                    let mut hit = false;
                    values(a, self, &mut |v| hit |= sel.iter().any(|s| s == v));
                    hit
                }
                Rule::Area => sel
                    .iter()
                    .any(|area| in_area::is_in(&self.tree, &a.areas, area)),
                Rule::Text => search.is_none_or(|(s, q)| s.matches(&self.tree, i, &a.areas, q)),
            };
            if ok {
                m |= 1 << facet.index();
            }
        }
        m
    }

    /// The matching actions and the facet counts of `d` under `f`, in one pass over the
    /// actions.
    pub fn evaluate(&self, d: &Dataset, f: &Filters) -> Outcome {
        // The search text is the one selection of the text facet: with none, the index is
        // not needed (nor built).
        let search = (!f.query().is_empty()).then(|| {
            let s = self.search_of(d);
            (s, s.parse(f.query()))
        });
        let full: u32 = (1 << Facet::COUNT) - 1;
        let mut out = Outcome::default();
        let c = &mut out.counts;
        let mut seen: Vec<&str> = Vec::new();
        for (i, a) in d.actions.iter().enumerate() {
            let m = self.pass_mask(a, i, f, search.as_ref().map(|(s, q)| (*s, q)));
            if m == full {
                out.matching.push(i);
            }
            for facet in Facet::ALL {
                // The action counts for a facet's options when it passes every other facet.
                if m | (1 << facet.index()) != full {
                    continue;
                }
                seen.clear();
                match facet.def().rule {
                    Rule::AnyOf(values) => values(a, self, &mut |v| {
                        if !seen.contains(&v) {
                            seen.push(v);
                        }
                    }),
                    Rule::Area if in_area::is_city_wide(&a.areas) => c.city_wide += 1,
                    Rule::Area => in_area::areas_of(&self.tree, &a.areas, &mut seen),
                    Rule::Text => {}
                }
                let map = c.of_mut(facet);
                for v in &seen {
                    match map.get_mut(*v) {
                        Some(n) => *n += 1,
                        None => {
                            map.insert(v.to_string(), 1);
                        }
                    }
                }
            }
        }
        c.total = out.matching.len();
        out
    }

    /// Indices of the actions of `d` that match `f`.
    pub fn matching(&self, d: &Dataset, f: &Filters) -> Vec<usize> {
        self.evaluate(d, f).matching
    }

    /// For every facet, how many actions each option would leave given the other filters.
    pub fn facet_counts(&self, d: &Dataset, f: &Filters) -> FacetCounts {
        self.evaluate(d, f).counts
    }
}

/// Counts per filter option, each given the other filters (see [`Index::evaluate`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetCounts {
    /// Actions matching all filters.
    pub total: usize,
    /// By area id: actions in the area by `model::in_area` (not city-wide ones).
    pub areas: IdMap<usize>,
    /// City-wide actions (no areas) matching the other filters.
    pub city_wide: usize,
    /// By facet (except the area), by option value.
    by_facet: [IdMap<usize>; Facet::COUNT],
}

impl FacetCounts {
    /// The counts of every option of `facet`.
    pub fn of(&self, facet: Facet) -> &IdMap<usize> {
        match facet {
            Facet::Area => &self.areas,
            _ => &self.by_facet[facet.index()],
        }
    }

    fn of_mut(&mut self, facet: Facet) -> &mut IdMap<usize> {
        match facet {
            Facet::Area => &mut self.areas,
            _ => &mut self.by_facet[facet.index()],
        }
    }

    /// How many actions option `value` of `facet` would leave.
    pub fn get(&self, facet: Facet, value: &str) -> usize {
        self.of(facet).get(value).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_index_is_built_by_the_first_search_and_finds_the_same() {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/jakarta.json"))
            .expect("data/jakarta.json");
        let d = crate::model::load::lean::load(&bytes)
            .dataset
            .expect("the bundled dataset loads");
        let ix = Index::new(&d);
        let mut f = Filters::default();
        let all = ix.evaluate(&d, &f);
        assert_eq!(all.matching.len(), d.actions.len());
        assert!(ix.search.get().is_none(), "no search, no search index");
        f.set_query("banjir".to_string());
        let found = ix.evaluate(&d, &f);
        assert!(ix.search.get().is_some(), "the first search builds it");
        assert!(!found.matching.is_empty() && found.matching.len() < d.actions.len());
        // The same as an index built whole at the start.
        let eager = Index::new(&d);
        eager.search_of(&d);
        assert_eq!(eager.evaluate(&d, &f), found);
    }
}
