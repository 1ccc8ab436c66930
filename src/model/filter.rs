//! Filters over actions and the counts that follow them: which actions match, how many each
//! filter option would leave (facet counts), and the area relation (an action in a kelurahan
//! also acts in its kecamatan and region). Within one filter the options are alternatives
//! (OR); different filters must all hold (AND).

use super::fold::{fold, matches_query};
use super::types::*;
use std::collections::HashMap;

/// The filters a visitor can set. Empty lists mean "no filter".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Pillar ids.
    pub pillars: Vec<String>,
    /// Goal ids.
    pub goals: Vec<String>,
    /// Strategy ids.
    pub strategies: Vec<String>,
    /// Hazard ids of kind shock.
    pub shocks: Vec<String>,
    /// Hazard ids of kind stress.
    pub stresses: Vec<String>,
    /// CRF driver ids.
    pub drivers: Vec<String>,
    /// CRF quality ids.
    pub qualities: Vec<String>,
    /// Statuses.
    pub statuses: Vec<Status>,
    /// Lead agencies (exact names).
    pub leads: Vec<String>,
    /// Provenance kinds.
    pub provenance: Vec<ProvenanceKind>,
    /// One area id (region, kecamatan or kelurahan).
    pub area: Option<String>,
    /// Free text, matched without regard to case or diacritics, in both languages.
    pub query: String,
}

/// One kind of filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    /// By pillar.
    Pillar,
    /// By goal.
    Goal,
    /// By strategy.
    Strategy,
    /// By shock.
    Shock,
    /// By stress.
    Stress,
    /// By CRF driver.
    Driver,
    /// By resilience quality.
    Quality,
    /// By status.
    Status,
    /// By lead agency.
    Lead,
    /// By provenance.
    Provenance,
    /// By area.
    Area,
    /// By free text.
    Query,
}

impl Facet {
    /// All facets.
    pub const ALL: [Facet; 12] = [
        Facet::Pillar,
        Facet::Goal,
        Facet::Strategy,
        Facet::Shock,
        Facet::Stress,
        Facet::Driver,
        Facet::Quality,
        Facet::Status,
        Facet::Lead,
        Facet::Provenance,
        Facet::Area,
        Facet::Query,
    ];

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl Filters {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        self.active_count() == 0
    }

    /// Number of filter values set (the query counts as one).
    pub fn active_count(&self) -> usize {
        self.pillars.len()
            + self.goals.len()
            + self.strategies.len()
            + self.shocks.len()
            + self.stresses.len()
            + self.drivers.len()
            + self.qualities.len()
            + self.statuses.len()
            + self.leads.len()
            + self.provenance.len()
            + usize::from(self.area.is_some())
            + usize::from(!self.query.trim().is_empty())
    }

    /// Adds or removes a value of a list facet (used by chips, checkboxes and chart clicks).
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        fn flip(v: &mut Vec<String>, value: &str) {
            if let Some(i) = v.iter().position(|x| x == value) {
                v.remove(i);
            } else {
                v.push(value.to_string());
            }
        }
        match facet {
            Facet::Pillar => flip(&mut self.pillars, value),
            Facet::Goal => flip(&mut self.goals, value),
            Facet::Strategy => flip(&mut self.strategies, value),
            Facet::Shock => flip(&mut self.shocks, value),
            Facet::Stress => flip(&mut self.stresses, value),
            Facet::Driver => flip(&mut self.drivers, value),
            Facet::Quality => flip(&mut self.qualities, value),
            Facet::Lead => flip(&mut self.leads, value),
            Facet::Status => {
                if let Some(s) = Status::from_code(value) {
                    if let Some(i) = self.statuses.iter().position(|x| *x == s) {
                        self.statuses.remove(i);
                    } else {
                        self.statuses.push(s);
                    }
                }
            }
            Facet::Provenance => {
                if let Some(k) = ProvenanceKind::ALL.into_iter().find(|k| k.code() == value) {
                    if let Some(i) = self.provenance.iter().position(|x| *x == k) {
                        self.provenance.remove(i);
                    } else {
                        self.provenance.push(k);
                    }
                }
            }
            Facet::Area => {
                if self.area.as_deref() == Some(value) {
                    self.area = None;
                } else {
                    self.area = Some(value.to_string());
                }
            }
            Facet::Query => self.query = value.to_string(),
        }
    }

    /// True when `value` is selected in `facet`.
    pub fn has(&self, facet: Facet, value: &str) -> bool {
        let inl = |v: &Vec<String>| v.iter().any(|x| x == value);
        match facet {
            Facet::Pillar => inl(&self.pillars),
            Facet::Goal => inl(&self.goals),
            Facet::Strategy => inl(&self.strategies),
            Facet::Shock => inl(&self.shocks),
            Facet::Stress => inl(&self.stresses),
            Facet::Driver => inl(&self.drivers),
            Facet::Quality => inl(&self.qualities),
            Facet::Lead => inl(&self.leads),
            Facet::Status => self.statuses.iter().any(|s| s.code() == value),
            Facet::Provenance => self.provenance.iter().any(|s| s.code() == value),
            Facet::Area => self.area.as_deref() == Some(value),
            Facet::Query => self.query == value,
        }
    }
}

/// Ancestors of each area, for the area relation.
#[derive(Debug, Clone, Default)]
pub struct AreaTree {
    parent: HashMap<String, String>,
}

impl AreaTree {
    /// Builds the tree from a dataset's areas (cycles and dangling parents are cut).
    pub fn new(areas: &[Area]) -> AreaTree {
        AreaTree {
            parent: areas
                .iter()
                .filter_map(|a| a.parent.clone().map(|p| (a.id.clone(), p)))
                .collect(),
        }
    }

    /// The area itself followed by its ancestors, nearest first (at most 8 levels).
    pub fn chain<'a>(&'a self, id: &'a str) -> Vec<&'a str> {
        let mut out = vec![id];
        let mut cur = id;
        while let Some(p) = self.parent.get(cur) {
            if out.len() >= 8 || out.contains(&p.as_str()) {
                break;
            }
            out.push(p);
            cur = p;
        }
        out
    }

    /// True when an action acting in `action_area` acts in `area`: one contains the other.
    pub fn related(&self, action_area: &str, area: &str) -> bool {
        self.chain(action_area).contains(&area) || self.chain(area).contains(&action_area)
    }
}

/// Precomputed per-action data for fast filtering of large datasets.
#[derive(Debug, Clone)]
pub struct Index {
    hazard_kind: HashMap<String, HazardKind>,
    search: Vec<String>,
    tree: AreaTree,
}

impl Index {
    /// Builds the index for `d`.
    pub fn new(d: &Dataset) -> Index {
        let area_names: HashMap<&str, &str> = d
            .areas
            .iter()
            .map(|a| (a.id.as_str(), a.name.as_str()))
            .collect();
        let search = d
            .actions
            .iter()
            .map(|a| {
                let mut s = String::new();
                for t in [Some(&a.title), a.description.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    s.push_str(&t.id);
                    s.push(' ');
                    s.push_str(&t.en);
                    s.push(' ');
                }
                for x in a.lead.iter().chain(a.partners.iter()) {
                    s.push_str(x);
                    s.push(' ');
                }
                for ar in &a.areas {
                    if let Some(n) = area_names.get(ar.as_str()) {
                        s.push_str(n);
                        s.push(' ');
                    }
                }
                s.push_str(&a.id);
                fold(&s)
            })
            .collect();
        Index {
            hazard_kind: d.hazards.iter().map(|h| (h.id.clone(), h.kind)).collect(),
            search,
            tree: AreaTree::new(&d.areas),
        }
    }

    /// The area tree.
    pub fn tree(&self) -> &AreaTree {
        &self.tree
    }

    /// Which facets action `i` passes, as a bit mask.
    fn pass_mask(&self, a: &Action, i: usize, f: &Filters, folded_query: &str) -> u16 {
        let any = |sel: &Vec<String>, have: &Vec<String>| {
            sel.is_empty() || sel.iter().any(|s| have.contains(s))
        };
        let kind_any = |sel: &Vec<String>, kind: HazardKind| {
            sel.is_empty()
                || sel.iter().any(|s| {
                    a.hazards.contains(s) && self.hazard_kind.get(s).copied() == Some(kind)
                })
        };
        let mut m = 0u16;
        let mut set = |facet: Facet, ok: bool| {
            if ok {
                m |= facet.bit();
            }
        };
        set(Facet::Pillar, any(&f.pillars, &a.pillars));
        set(Facet::Goal, any(&f.goals, &a.goals));
        set(Facet::Strategy, any(&f.strategies, &a.strategies));
        set(Facet::Shock, kind_any(&f.shocks, HazardKind::Shock));
        set(Facet::Stress, kind_any(&f.stresses, HazardKind::Stress));
        set(Facet::Driver, any(&f.drivers, &a.crf_drivers));
        set(Facet::Quality, any(&f.qualities, &a.crf_qualities));
        set(
            Facet::Status,
            f.statuses.is_empty() || f.statuses.contains(&a.status.unwrap_or(Status::Unknown)),
        );
        set(
            Facet::Lead,
            f.leads.is_empty() || a.lead.as_ref().is_some_and(|l| f.leads.contains(l)),
        );
        set(
            Facet::Provenance,
            f.provenance.is_empty() || f.provenance.contains(&a.provenance.kind),
        );
        set(
            Facet::Area,
            match &f.area {
                None => true,
                Some(area) => a.areas.iter().any(|x| self.tree.related(x, area)),
            },
        );
        set(
            Facet::Query,
            folded_query.is_empty() || matches_query(&self.search[i], folded_query),
        );
        m
    }

    /// Indices of the actions of `d` that match `f`.
    pub fn matching(&self, d: &Dataset, f: &Filters) -> Vec<usize> {
        let q = fold(&f.query);
        let full = Facet::ALL.iter().fold(0u16, |m, x| m | x.bit());
        d.actions
            .iter()
            .enumerate()
            .filter(|(i, a)| self.pass_mask(a, *i, f, &q) == full)
            .map(|(i, _)| i)
            .collect()
    }

    /// For every facet, how many actions each option would leave given the other filters.
    pub fn facet_counts(&self, d: &Dataset, f: &Filters) -> FacetCounts {
        let q = fold(&f.query);
        let full = Facet::ALL.iter().fold(0u16, |m, x| m | x.bit());
        let mut c = FacetCounts::default();
        for (i, a) in d.actions.iter().enumerate() {
            let m = self.pass_mask(a, i, f, &q);
            let others_pass = |facet: Facet| m | facet.bit() == full;
            if m == full {
                c.total += 1;
            }
            if others_pass(Facet::Pillar) {
                for p in &a.pillars {
                    *c.pillars.entry(p.clone()).or_default() += 1;
                }
            }
            if others_pass(Facet::Goal) {
                for p in &a.goals {
                    *c.goals.entry(p.clone()).or_default() += 1;
                }
            }
            if others_pass(Facet::Strategy) {
                for p in &a.strategies {
                    *c.strategies.entry(p.clone()).or_default() += 1;
                }
            }
            for h in &a.hazards {
                let kind = self.hazard_kind.get(h).copied();
                let facet = match kind {
                    Some(HazardKind::Shock) => Facet::Shock,
                    Some(HazardKind::Stress) => Facet::Stress,
                    None => continue,
                };
                if others_pass(facet) {
                    *c.hazards.entry(h.clone()).or_default() += 1;
                }
            }
            if others_pass(Facet::Driver) {
                for p in &a.crf_drivers {
                    *c.drivers.entry(p.clone()).or_default() += 1;
                }
            }
            if others_pass(Facet::Quality) {
                for p in &a.crf_qualities {
                    *c.qualities.entry(p.clone()).or_default() += 1;
                }
            }
            if others_pass(Facet::Status) {
                *c.statuses
                    .entry(a.status.unwrap_or(Status::Unknown))
                    .or_default() += 1;
            }
            if others_pass(Facet::Lead) {
                if let Some(l) = &a.lead {
                    *c.leads.entry(l.clone()).or_default() += 1;
                }
            }
            if others_pass(Facet::Provenance) {
                *c.provenance.entry(a.provenance.kind).or_default() += 1;
            }
            if others_pass(Facet::Area) {
                if a.areas.is_empty() {
                    c.city_wide += 1;
                } else {
                    // Count each related area once per action.
                    let mut seen: Vec<&str> = Vec::new();
                    for x in &a.areas {
                        for anc in self.tree.chain(x) {
                            if !seen.contains(&anc) {
                                seen.push(anc);
                            }
                        }
                    }
                    for s in seen {
                        *c.areas.entry(s.to_string()).or_default() += 1;
                    }
                }
            }
        }
        c
    }
}

/// Counts per filter option, each given the other filters (see [`Index::facet_counts`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetCounts {
    /// Actions matching all filters.
    pub total: usize,
    /// By pillar id.
    pub pillars: HashMap<String, usize>,
    /// By goal id.
    pub goals: HashMap<String, usize>,
    /// By strategy id.
    pub strategies: HashMap<String, usize>,
    /// By hazard id (shock counts ignore the shock filter; stress counts the stress filter).
    pub hazards: HashMap<String, usize>,
    /// By CRF driver id.
    pub drivers: HashMap<String, usize>,
    /// By quality id.
    pub qualities: HashMap<String, usize>,
    /// By status (missing status counts as unknown).
    pub statuses: HashMap<Status, usize>,
    /// By lead agency.
    pub leads: HashMap<String, usize>,
    /// By provenance.
    pub provenance: HashMap<ProvenanceKind, usize>,
    /// By area id: actions acting in the area or inside it (not city-wide ones).
    pub areas: HashMap<String, usize>,
    /// City-wide actions (no areas) matching the other filters.
    pub city_wide: usize,
}

/// Number of actions per area acting there (ignoring the area filter itself is the
/// caller's choice): an action at a kecamatan also counts for each kelurahan in it.
pub fn area_counts(
    d: &Dataset,
    idx: &Index,
    actions: &[usize],
    level: AreaLevel,
) -> Vec<(String, usize)> {
    d.areas
        .iter()
        .filter(|a| a.level == level)
        .map(|area| {
            let n = actions
                .iter()
                .filter(|&&i| {
                    d.actions[i]
                        .areas
                        .iter()
                        .any(|x| idx.tree.related(x, &area.id))
                })
                .count();
            (area.id.clone(), n)
        })
        .collect()
}
