//! Free-text search over the initiatives. Each action has one folded text: its title and
//! description, lead and partners, its places with the areas they lie in, and its hazards,
//! in both languages. A search is read as places and words: an area's name (official or
//! English, as whole words, the longest first) is a place, and an action matches it when it
//! is in that area by the counting rule of `model::in_area`, as on the map and in the area
//! picker; every other word must occur somewhere in the action's text. So "flood North
//! Jakarta" and "banjir jakarta utara" both find the flooding initiatives in Jakarta Utara,
//! and not an initiative elsewhere that mentions "Duri Utara".

use super::area_tree::AreaTree;
use super::fold::{fold, matches_query};
use super::in_area;
use super::types::{Dataset, Lang};

/// The searchable text of every action and the place names a search can name.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Per action (dataset order), its folded text.
    texts: Vec<String>,
    /// Every area's folded names (official and English) with the area's index in the tree.
    places: Vec<(String, usize)>,
    /// The most words in one place name.
    longest: usize,
}

/// A search read against the index: the places it names and its other words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// Each named place: the areas (indices in the tree) with that name; an action in any
    /// of them is in the place.
    pub places: Vec<Vec<usize>>,
    /// The other words, folded, joined by single spaces ("" when none).
    pub words: String,
}

impl Query {
    /// True when the search is blank.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty() && self.words.is_empty()
    }
}

impl SearchIndex {
    /// Builds the index of `d` (with its area tree).
    pub fn new(d: &Dataset, tree: &AreaTree) -> SearchIndex {
        let mut texts = Vec::with_capacity(d.actions.len());
        for a in &d.actions {
            let mut s = String::new();
            let mut add = |t: &str| {
                s.push_str(t);
                s.push(' ');
            };
            for t in [Some(&a.title), a.description.as_ref()]
                .into_iter()
                .flatten()
            {
                add(&t.id);
                add(&t.en);
            }
            a.lead.iter().chain(a.partners.iter()).for_each(|x| add(x));
            // Its places and the areas they lie in, each once.
            let mut named: Vec<usize> = Vec::new();
            for c in a
                .areas
                .iter()
                .filter_map(|x| tree.get(x))
                .flat_map(|i| tree.chain_of(i))
            {
                if !named.contains(&c) {
                    named.push(c);
                    add(tree.name(c));
                    add(tree.name_in(c, Lang::En));
                }
            }
            for h in d.hazards.iter().filter(|h| a.hazards.contains(&h.id)) {
                add(&h.name.id);
                add(&h.name.en);
            }
            add(&a.id);
            texts.push(fold(&s));
        }
        let mut places = Vec::new();
        for i in (0..tree.len()).filter(|&i| tree.is_primary(i)) {
            for lang in [Lang::Id, Lang::En] {
                let name = fold(tree.name_in(i, lang));
                if !name.is_empty() && !places.contains(&(name.clone(), i)) {
                    places.push((name, i));
                }
            }
        }
        let longest = places.iter().map(|(n, _)| n.split(' ').count()).max();
        SearchIndex {
            texts,
            places,
            longest: longest.unwrap_or(0),
        }
    }

    /// Reads `text` as places and words: at each word, the longest run of words that is a
    /// place name is a place; the rest are words.
    pub fn parse(&self, text: &str) -> Query {
        let folded = fold(text);
        // Where each word starts and ends in `folded` (its words are one space apart).
        let mut bounds: Vec<(usize, usize)> = Vec::new();
        let mut start = 0;
        for w in folded.split(' ').filter(|w| !w.is_empty()) {
            bounds.push((start, start + w.len()));
            start += w.len() + 1;
        }
        let mut q = Query::default();
        let mut at = 0;
        while at < bounds.len() {
            // The longest run of words from `at` that names areas.
            let mut n = self.longest.min(bounds.len() - at);
            let mut areas: Vec<usize> = Vec::new();
            while n > 0 && areas.is_empty() {
                let run = &folded[bounds[at].0..bounds[at + n - 1].1];
                for (name, i) in &self.places {
                    if name == run {
                        areas.push(*i);
                    }
                }
                n -= 1;
            }
            if areas.is_empty() {
                if !q.words.is_empty() {
                    q.words.push(' ');
                }
                q.words.push_str(&folded[bounds[at].0..bounds[at].1]);
                at += 1;
            } else {
                if !q.places.contains(&areas) {
                    q.places.push(areas);
                }
                at += n + 1;
            }
        }
        q
    }

    /// True when action `i`, recorded for the areas `recorded`, matches `q`: it is in every
    /// place of `q` and its text holds every word.
    pub fn matches(&self, tree: &AreaTree, i: usize, recorded: &[String], q: &Query) -> bool {
        q.places.iter().all(|areas| {
            areas
                .iter()
                .any(|&p| in_area::is_in(tree, recorded, tree.id(p)))
        }) && (q.words.is_empty()
            || self
                .texts
                .get(i)
                .is_some_and(|t| matches_query(t, &q.words)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testdata::{action, area};
    use crate::model::types::{AreaLevel, Hazard, HazardKind, Provenance, ProvenanceKind, Text};

    fn dataset() -> Dataset {
        let mut d = crate::model::synthetic::generate(0, 0, 1);
        let named = |id: &str, level, parent, name: &str, en: Option<&str>| {
            let mut a = area(id, level, parent, 0.0, 0.0);
            a.name = name.into();
            a.name_en = en.map(Into::into);
            a
        };
        d.areas = vec![
            named(
                "31.72",
                AreaLevel::Region,
                None,
                "Jakarta Utara",
                Some("North Jakarta"),
            ),
            named(
                "31.73",
                AreaLevel::Region,
                None,
                "Jakarta Barat",
                Some("West Jakarta"),
            ),
            named(
                "31.72.04.1003",
                AreaLevel::Kelurahan,
                Some("31.72"),
                "Marunda",
                None,
            ),
            named(
                "31.73.01.1001",
                AreaLevel::Kelurahan,
                Some("31.73"),
                "Duri Utara",
                None,
            ),
        ];
        d.hazards = vec![Hazard {
            id: "flood".into(),
            kind: HazardKind::Shock,
            name: Text::new("Banjir", "Flooding"),
            description: None,
            sources: vec!["s".into()],
            provenance: Provenance {
                kind: ProvenanceKind::Confirmed,
                note: Text::new("", ""),
                uncertain: false,
            },
        }];
        d.actions = [
            action(
                "muria",
                "Marunda resilience",
                &["flood"],
                &["31.72.04.1003"],
            ),
            action("dike", "Coastal dike", &["flood"], &["31.72"]),
            // Names a place in Jakarta Utara, but acts in Jakarta Barat.
            action(
                "duri",
                "Sekolah di Duri Utara, dekat Jakarta Utara",
                &["flood"],
                &["31.73.01.1001"],
            ),
            action("wide", "Banjir kanal Jakarta Utara", &["flood"], &[]),
            action("sewer", "Sewerage", &[], &["31.72"]),
        ]
        .into_iter()
        .map(Box::new)
        .collect();
        d
    }

    fn found(q: &str) -> Vec<String> {
        let d = dataset();
        let tree = AreaTree::new(&d.areas);
        let ix = SearchIndex::new(&d, &tree);
        let query = ix.parse(q);
        d.actions
            .iter()
            .enumerate()
            .filter(|(i, a)| ix.matches(&tree, *i, &a.areas, &query))
            .map(|(_, a)| a.id.clone())
            .collect()
    }

    #[test]
    fn a_place_named_in_either_language_means_in_that_place() {
        assert_eq!(found("flood North Jakarta"), ["muria", "dike"]);
        assert_eq!(found("banjir jakarta utara"), ["muria", "dike"]);
        assert_eq!(found("JAKARTA  UTARA"), ["muria", "dike", "sewer"]);
        assert_eq!(found("north jakarta flooding"), ["muria", "dike"]);
    }

    #[test]
    fn other_words_match_title_hazard_and_place_names() {
        assert_eq!(found("flooding"), ["muria", "dike", "duri", "wide"]);
        assert_eq!(found("duri"), ["duri"]);
        assert_eq!(found("utara sekolah"), ["duri"]);
        // "west" is in the English name of Duri Utara's region.
        assert_eq!(found("west flood"), ["duri"]);
        assert_eq!(found("kanal"), ["wide"]);
        assert!(found("kanal marunda").is_empty());
        assert_eq!(found(""), ["muria", "dike", "duri", "wide", "sewer"]);
    }

    #[test]
    fn reading_a_search() {
        let d = dataset();
        let tree = AreaTree::new(&d.areas);
        let ix = SearchIndex::new(&d, &tree);
        let q = ix.parse("Banjir, Jakarta-Utara  di Marunda");
        let place = |id| tree.get(id).into_iter().collect::<Vec<_>>();
        assert_eq!(q.places, vec![place("31.72"), place("31.72.04.1003")]);
        assert_eq!(q.words, "banjir di");
        // Part of a name is a word, not a place.
        let q = ix.parse("north jak");
        assert!(q.places.is_empty() && q.words == "north jak");
        assert!(ix.parse("  ").is_empty());
        assert_eq!(ix.parse("north jakarta north jakarta").places.len(), 1);
    }
}
