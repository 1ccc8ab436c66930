//! The facet table: every filter the explorer offers, declared once. A declaration gives the
//! facet's URL key and how its values are written there, which values it accepts before a
//! dataset is known, where its options come from, which values an action has, its label
//! key, where the filter panel shows it and whether it names download files. Filtering,
//! counting, URL state, the filter panel and the chips are generic code over this table.
//!
//! To add a facet: a variant of [`Facet`] (in [`Facet::ALL`], whose order is the order of
//! the URL, the chips and file names), its [`FacetDef`] in [`Facet::def`], and its label in
//! both i18n tables.

use super::filter::Index;
use super::in_area;
use super::types::*;
use crate::i18n::Key;

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
    /// By focus area of the preliminary resilience assessment.
    Focus,
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
    /// By what a source confirms about the link to the strategy (`Action::tie`).
    Tie,
    /// By reach: the one value [`CITY_WIDE`] keeps the actions recorded for no area (the
    /// city-wide ones of `model::in_area`).
    Scope,
    /// By area.
    Area,
    /// By free text.
    Query,
}

/// The value of [`Facet::Scope`] that keeps the city-wide actions (`?scope=city`).
pub const CITY_WIDE: &str = "city";

/// How a facet's values are written in the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlForm {
    /// Several values joined by commas in one parameter (`pillar=siap,sehat`).
    Comma,
    /// Several values, one parameter each, as a value may hold a comma (`lead=A&lead=B`).
    Repeated,
    /// At most one value, trimmed (`area=3171`).
    One,
    /// Free text, kept as typed (`q=banjir`).
    Text,
}

/// How an action passes a facet, and what it counts for.
#[derive(Clone, Copy)]
pub enum Rule {
    /// The action passes when one of its values (given to the callback) is selected, and
    /// counts once for each of its values.
    AnyOf(for<'a> fn(&'a Action, &'a Index, &mut dyn FnMut(&'a str))),
    /// The action passes when it is in the selected area, and counts once for each area it
    /// is in: the one rule of `model::in_area` (recorded there, inside it, or for an area
    /// containing it).
    Area,
    /// The action passes when its search text holds the folded query; it counts for nothing.
    Text,
}

/// Where the filter panel shows a facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// A group of checkboxes, open at first, above the area picker.
    Open,
    /// A group of checkboxes, folded at first, below the area picker.
    Folded,
    /// Its own control (the area picker, the search box).
    Own,
}

/// One option of a facet, as the panel and the chips show it.
#[derive(Debug, Clone)]
pub struct FacetOption {
    /// The value in filters and URLs.
    pub value: String,
    /// Its label.
    pub label: OptionLabel,
}

/// The label of an option.
#[derive(Debug, Clone)]
pub enum OptionLabel {
    /// A data text in both languages.
    Data(Text),
    /// An interface text.
    Key(Key),
    /// A name in one language (agency and area names).
    Plain(String),
}

/// The declaration of one facet.
pub struct FacetDef {
    /// The URL parameter (also used in element names).
    pub key: &'static str,
    /// How values are written in the URL.
    pub url: UrlForm,
    /// Values accepted before the dataset is known (others are dropped with a notice).
    pub accepts: fn(&str) -> bool,
    /// The facet's options in a dataset, in display order. Values not among them are
    /// dropped from a link once the dataset is loaded. Empty for free text.
    pub options: fn(&Dataset) -> Vec<FacetOption>,
    /// How an action passes the facet and what it counts for.
    pub rule: Rule,
    /// The facet's name (panel group, legend).
    pub label: Key,
    /// Where the panel shows it.
    pub panel: Panel,
    /// True when its values are part of download file names.
    pub in_file_name: bool,
}

impl Facet {
    /// Every facet, in the order of the URL, the chips and download file names.
    pub const ALL: [Facet; 15] = [
        Facet::Pillar,
        Facet::Goal,
        Facet::Strategy,
        Facet::Shock,
        Facet::Stress,
        Facet::Focus,
        Facet::Driver,
        Facet::Quality,
        Facet::Status,
        Facet::Lead,
        Facet::Provenance,
        Facet::Tie,
        Facet::Scope,
        Facet::Area,
        Facet::Query,
    ];

    /// The number of facets.
    pub const COUNT: usize = Facet::ALL.len();

    /// Its position in [`Facet::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The facet with URL key `key`.
    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.def().key == key)
    }

    /// The facet of a hazard kind: shocks and stresses are separate filters (the one place
    /// that says so).
    pub fn of_hazard(kind: HazardKind) -> Facet {
        match kind {
            HazardKind::Shock => Facet::Shock,
            HazardKind::Stress => Facet::Stress,
        }
    }

    /// The facet's declaration.
    pub fn def(self) -> &'static FacetDef {
        match self {
            Facet::Pillar => {
                const D: FacetDef = FacetDef {
                    key: "pillar",
                    options: |d| listed(&d.pillars, |x| (&x.id, &x.name)),
                    rule: Rule::AnyOf(|a, _, out| a.pillars.iter().for_each(|x| out(x))),
                    label: |t| t.filters.pillar,
                    panel: Panel::Open,
                    ..LIST
                };
                &D
            }
            Facet::Goal => {
                const D: FacetDef = FacetDef {
                    key: "goal",
                    options: |d| listed(&d.goals, |x| (&x.id, &x.name)),
                    rule: Rule::AnyOf(|a, _, out| a.goals.iter().for_each(|x| out(x))),
                    label: |t| t.filters.goal,
                    ..LIST
                };
                &D
            }
            Facet::Strategy => {
                const D: FacetDef = FacetDef {
                    key: "strategy",
                    options: |d| listed(&d.strategies, |x| (&x.id, &x.name)),
                    rule: Rule::AnyOf(|a, _, out| a.strategies.iter().for_each(|x| out(x))),
                    label: |t| t.filters.strategy,
                    ..LIST
                };
                &D
            }
            Facet::Shock => {
                const D: FacetDef = FacetDef {
                    key: "shock",
                    options: |d| hazards(d, HazardKind::Shock),
                    rule: Rule::AnyOf(|a, idx, out| hazards_of(a, idx, HazardKind::Shock, out)),
                    label: |t| t.filters.shock,
                    panel: Panel::Open,
                    ..LIST
                };
                &D
            }
            Facet::Stress => {
                const D: FacetDef = FacetDef {
                    key: "stress",
                    options: |d| hazards(d, HazardKind::Stress),
                    rule: Rule::AnyOf(|a, idx, out| hazards_of(a, idx, HazardKind::Stress, out)),
                    label: |t| t.filters.stress,
                    panel: Panel::Open,
                    ..LIST
                };
                &D
            }
            Facet::Focus => {
                const D: FacetDef = FacetDef {
                    key: "focus",
                    options: |d| listed(&d.focus_areas, |x| (&x.id, &x.name)),
                    rule: Rule::AnyOf(|a, _, out| a.focus_areas.iter().for_each(|x| out(x))),
                    label: |t| t.filters.focus,
                    ..LIST
                };
                &D
            }
            Facet::Driver => {
                const D: FacetDef = FacetDef {
                    key: "driver",
                    options: |d| listed(&d.crf.drivers, |x| (&x.id, &x.name)),
                    rule: Rule::AnyOf(|a, _, out| a.crf_drivers.iter().for_each(|x| out(x))),
                    label: |t| t.filters.driver,
                    ..LIST
                };
                &D
            }
            Facet::Quality => {
                const D: FacetDef = FacetDef {
                    key: "quality",
                    options: |d| listed(&d.crf.qualities, |x| (&x.id, &x.name)),
                    rule: Rule::AnyOf(|a, _, out| a.crf_qualities.iter().for_each(|x| out(x))),
                    label: |t| t.filters.quality,
                    ..LIST
                };
                &D
            }
            Facet::Status => {
                const D: FacetDef = FacetDef {
                    key: "status",
                    accepts: |v| Status::from_code(v).is_some(),
                    options: |_| {
                        Status::ALL
                            .iter()
                            .map(|s| keyed(s.code(), status_key(*s)))
                            .collect()
                    },
                    // A missing status counts as unknown.
                    rule: Rule::AnyOf(|a, _, out| out(a.status.unwrap_or(Status::Unknown).code())),
                    label: |t| t.filters.status,
                    ..LIST
                };
                &D
            }
            Facet::Lead => {
                const D: FacetDef = FacetDef {
                    key: "lead",
                    url: UrlForm::Repeated,
                    options: |d| {
                        let mut leads: Vec<&String> =
                            d.actions.iter().filter_map(|a| a.lead.as_ref()).collect();
                        leads.sort();
                        leads.dedup();
                        leads
                            .into_iter()
                            .map(|l| FacetOption {
                                value: l.clone(),
                                label: OptionLabel::Plain(l.clone()),
                            })
                            .collect()
                    },
                    rule: Rule::AnyOf(|a, _, out| {
                        if let Some(l) = &a.lead {
                            out(l)
                        }
                    }),
                    label: |t| t.filters.lead,
                    ..LIST
                };
                &D
            }
            Facet::Provenance => {
                const D: FacetDef = FacetDef {
                    key: "prov",
                    accepts: |v| ProvenanceKind::ALL.iter().any(|k| k.code() == v),
                    options: |_| {
                        ProvenanceKind::ALL
                            .iter()
                            .map(|k| keyed(k.code(), provenance_key(*k)))
                            .collect()
                    },
                    rule: Rule::AnyOf(|a, _, out| out(a.provenance.kind.code())),
                    label: |t| t.filters.provenance,
                    ..LIST
                };
                &D
            }
            Facet::Tie => {
                const D: FacetDef = FacetDef {
                    key: "tie",
                    accepts: |v| Tie::ALL.iter().any(|k| k.code() == v),
                    // Offered only when the dataset records ties (a city's own data may not).
                    options: |d| {
                        if d.actions.iter().all(|a| a.tie.is_none()) {
                            return Vec::new();
                        }
                        Tie::ALL
                            .iter()
                            .map(|k| keyed(k.code(), tie_key(*k)))
                            .collect()
                    },
                    rule: Rule::AnyOf(|a, _, out| {
                        if let Some(t) = a.tie {
                            out(t.code())
                        }
                    }),
                    label: |t| t.filters.tie,
                    ..LIST
                };
                &D
            }
            Facet::Scope => {
                const D: FacetDef = FacetDef {
                    key: "scope",
                    accepts: |v| v == CITY_WIDE,
                    options: |_| vec![keyed(CITY_WIDE, |t| t.actions.city_wide)],
                    rule: Rule::AnyOf(|a, _, out| {
                        if in_area::is_city_wide(&a.areas) {
                            out(CITY_WIDE)
                        }
                    }),
                    label: |t| t.filters.scope,
                    ..LIST
                };
                &D
            }
            Facet::Area => {
                const D: FacetDef = FacetDef {
                    key: "area",
                    url: UrlForm::One,
                    options: |d| {
                        d.areas
                            .iter()
                            .map(|a| FacetOption {
                                value: a.id.clone(),
                                label: OptionLabel::Data(Text {
                                    id: a.name.clone(),
                                    en: a.name_in(Lang::En).to_string(),
                                    editor_translated: None,
                                }),
                            })
                            .collect()
                    },
                    rule: Rule::Area,
                    label: |t| t.filters.area,
                    panel: Panel::Own,
                    ..LIST
                };
                &D
            }
            Facet::Query => {
                const D: FacetDef = FacetDef {
                    key: "q",
                    url: UrlForm::Text,
                    options: |_| Vec::new(),
                    rule: Rule::Text,
                    label: |t| t.filters.search,
                    panel: Panel::Own,
                    ..LIST
                };
                &D
            }
        }
    }
}

/// The defaults of a facet whose values are ids listed in the dataset (the `..LIST` above).
const LIST: FacetDef = FacetDef {
    key: "",
    url: UrlForm::Comma,
    accepts: |_| true,
    options: |_| Vec::new(),
    rule: Rule::Text,
    label: |t| t.filters.title,
    panel: Panel::Folded,
    in_file_name: true,
};

/// The short text of a tie to the strategy.
pub fn tie_key(tie: Tie) -> Key {
    match tie {
        Tie::Strategy => |t| t.tie.strategy,
        Tie::Programme => |t| t.tie.programme,
        Tie::Partnership => |t| t.tie.partnership,
        Tie::Reported => |t| t.tie.reported,
        Tie::Theme => |t| t.tie.theme,
    }
}

/// The text of a status.
pub fn status_key(s: Status) -> Key {
    match s {
        Status::Planned => |t| t.status.planned,
        Status::Ongoing => |t| t.status.ongoing,
        Status::Completed => |t| t.status.completed,
        Status::Unknown => |t| t.status.unknown,
    }
}

/// The text of a provenance kind's short label.
pub fn provenance_key(kind: ProvenanceKind) -> Key {
    match kind {
        ProvenanceKind::Confirmed => |t| t.prov.confirmed,
        ProvenanceKind::Derived => |t| t.prov.derived,
        ProvenanceKind::Illustrative => |t| t.prov.illustrative,
    }
}

fn listed<T>(items: &[T], id_name: impl Fn(&T) -> (&String, &Text)) -> Vec<FacetOption> {
    items
        .iter()
        .map(|x| {
            let (id, name) = id_name(x);
            FacetOption {
                value: id.clone(),
                label: OptionLabel::Data(name.clone()),
            }
        })
        .collect()
}

fn keyed(code: &str, key: Key) -> FacetOption {
    FacetOption {
        value: code.to_string(),
        label: OptionLabel::Key(key),
    }
}

fn hazards(d: &Dataset, kind: HazardKind) -> Vec<FacetOption> {
    let of_kind: Vec<&Hazard> = d.hazards.iter().filter(|h| h.kind == kind).collect();
    listed(&of_kind, |h| (&h.id, &h.name))
}

fn hazards_of<'a>(a: &'a Action, idx: &Index, kind: HazardKind, out: &mut dyn FnMut(&'a str)) {
    for h in &a.hazards {
        if idx.hazard_kind(h) == Some(kind) {
            out(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_found_again() {
        for (i, f) in Facet::ALL.into_iter().enumerate() {
            assert_eq!(f.index(), i, "{f:?} is in ALL at its own position");
            assert_eq!(Facet::from_key(f.def().key), Some(f));
            for lang in [Lang::Id, Lang::En] {
                let label = crate::i18n::t(lang, f.def().label);
                assert!(!label.trim().is_empty(), "{f:?} has a label");
            }
        }
        assert_eq!(Facet::from_key("utm_source"), None);
    }

    #[test]
    fn shocks_and_stresses_are_separate_facets() {
        assert_eq!(Facet::of_hazard(HazardKind::Shock), Facet::Shock);
        assert_eq!(Facet::of_hazard(HazardKind::Stress), Facet::Stress);
    }

    #[test]
    fn status_and_provenance_accept_only_their_codes() {
        assert!((Facet::Status.def().accepts)("ongoing"));
        assert!(!(Facet::Status.def().accepts)("done"));
        assert!((Facet::Provenance.def().accepts)("derived"));
        assert!(!(Facet::Provenance.def().accepts)("guessed"));
        assert!((Facet::Pillar.def().accepts)(
            "anything until the dataset is known"
        ));
    }
}
