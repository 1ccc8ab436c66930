//! The ids of each collection of a dataset, for reference checks with helpful messages
//! ("unknown goal \"x\" (known: a, b)"), in both languages.

use super::collector::Unread;
use crate::model::types::Dataset;
use std::collections::HashSet;

/// The ids of one collection, for reference checks with helpful messages.
pub(super) struct Ids<'a> {
    /// What a record of the collection is called: (English, Indonesian).
    pub(super) what: (&'static str, &'static str),
    ids: HashSet<&'a str>,
    ordered: Vec<&'a str>,
    unread: Option<&'a HashSet<String>>,
    accept_all: bool,
}

impl<'a> Ids<'a> {
    pub(super) fn new(
        what: (&'static str, &'static str),
        collection: &'static str,
        ids: impl Iterator<Item = &'a str>,
        unread: &'a Unread,
    ) -> Ids<'a> {
        let ordered: Vec<&str> = ids.collect();
        Ids {
            what,
            ids: ordered.iter().copied().collect(),
            ordered,
            unread: unread.ids.get(collection),
            accept_all: unread.whole.contains(collection),
        }
    }

    pub(super) fn contains(&self, id: &str) -> bool {
        self.accept_all || self.ids.contains(id) || self.unread.is_some_and(|u| u.contains(id))
    }

    /// The known ids (the first six), to suggest the right one: (English, Indonesian).
    pub(super) fn known_list(&self) -> (String, String) {
        if self.ordered.is_empty() {
            return (
                "the dataset has none".to_string(),
                "dataset tidak memilikinya".to_string(),
            );
        }
        let shown: Vec<&str> = self.ordered.iter().take(6).copied().collect();
        let more = if self.ordered.len() > 6 { ", …" } else { "" };
        let list = format!("{}{more}", shown.join(", "));
        (format!("known: {list}"), format!("yang dikenal: {list}"))
    }
}

/// The ids of every collection a record can refer to.
pub(super) struct Known<'a> {
    pub(super) sources: Ids<'a>,
    pub(super) pillars: Ids<'a>,
    pub(super) goals: Ids<'a>,
    pub(super) strategies: Ids<'a>,
    pub(super) hazards: Ids<'a>,
    pub(super) focus: Ids<'a>,
    pub(super) dims: Ids<'a>,
    pub(super) drivers: Ids<'a>,
    pub(super) qualities: Ids<'a>,
    pub(super) areas: Ids<'a>,
}

impl<'a> Known<'a> {
    /// Collects the ids of `d`, accepting references to the records of `unread`.
    pub(super) fn new(d: &'a Dataset, unread: &'a Unread) -> Known<'a> {
        Known {
            sources: Ids::new(
                ("source", "sumber"),
                "sources",
                d.sources.iter().map(|s| s.id.as_str()),
                unread,
            ),
            pillars: Ids::new(
                ("pillar", "pilar"),
                "pillars",
                d.pillars.iter().map(|p| p.id.as_str()),
                unread,
            ),
            goals: Ids::new(
                ("goal", "arahan"),
                "goals",
                d.goals.iter().map(|g| g.id.as_str()),
                unread,
            ),
            strategies: Ids::new(
                ("strategy", "strategi"),
                "strategies",
                d.strategies.iter().map(|s| s.id.as_str()),
                unread,
            ),
            hazards: Ids::new(
                ("hazard", "guncangan/tekanan"),
                "hazards",
                d.hazards.iter().map(|h| h.id.as_str()),
                unread,
            ),
            focus: Ids::new(
                ("focus area", "area fokus"),
                "focus_areas",
                d.focus_areas.iter().map(|f| f.id.as_str()),
                unread,
            ),
            dims: Ids::new(
                ("CRF dimension", "dimensi CRF"),
                "crf.dimensions",
                d.crf.dimensions.iter().map(|x| x.id.as_str()),
                unread,
            ),
            drivers: Ids::new(
                ("CRF driver", "penggerak CRF"),
                "crf.drivers",
                d.crf.drivers.iter().map(|x| x.id.as_str()),
                unread,
            ),
            qualities: Ids::new(
                ("CRF quality", "kualitas ketahanan CRF"),
                "crf.qualities",
                d.crf.qualities.iter().map(|x| x.id.as_str()),
                unread,
            ),
            areas: Ids::new(
                ("area", "wilayah"),
                "areas",
                d.areas.iter().map(|a| a.id.as_str()),
                unread,
            ),
        }
    }
}
