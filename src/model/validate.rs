//! Validation: one pure function that returns every problem in a typed dataset, each with
//! its JSON path: duplicate ids, dangling references, missing sources or provenance,
//! broken area parent chains, coordinates out of range, impossible dates, unsafe links,
//! and warnings for missing translations and declared counts larger than what is itemised.

use super::date::PartialDate;
use super::problem::{quote, Problem};
use super::types::*;
use std::collections::{HashMap, HashSet};

/// Largest plausible population of one area.
const MAX_POPULATION: u64 = 100_000_000;
/// Years accepted in timeframes and targets.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// Returns all problems in `d` (errors and warnings), in document order.
pub fn validate(d: &Dataset) -> Vec<Problem> {
    let mut v = Validator {
        problems: Vec::new(),
    };
    v.run(d);
    v.problems
}

/// The ids of one collection, for reference checks with helpful messages.
struct Ids<'a> {
    what: &'static str,
    ids: HashSet<&'a str>,
    ordered: Vec<&'a str>,
}

impl<'a> Ids<'a> {
    fn new(what: &'static str, ids: impl Iterator<Item = &'a str>) -> Ids<'a> {
        let ordered: Vec<&str> = ids.collect();
        Ids {
            what,
            ids: ordered.iter().copied().collect(),
            ordered,
        }
    }

    fn known_list(&self) -> String {
        if self.ordered.is_empty() {
            return "the dataset has none".to_string();
        }
        let shown: Vec<&str> = self.ordered.iter().take(6).copied().collect();
        let more = if self.ordered.len() > 6 { ", …" } else { "" };
        format!("known: {}{}", shown.join(", "), more)
    }
}

struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    fn err(&mut self, path: impl Into<String>, msg: impl Into<String>) {
        self.problems.push(Problem::error(path, msg));
    }

    fn warn(&mut self, path: impl Into<String>, msg: impl Into<String>) {
        self.problems.push(Problem::warning(path, msg));
    }

    fn run(&mut self, d: &Dataset) {
        let sources = Ids::new("source", d.sources.iter().map(|s| s.id.as_str()));
        let pillars = Ids::new("pillar", d.pillars.iter().map(|p| p.id.as_str()));
        let goals = Ids::new("goal", d.goals.iter().map(|g| g.id.as_str()));
        let strategies = Ids::new("strategy", d.strategies.iter().map(|s| s.id.as_str()));
        let hazards = Ids::new("hazard", d.hazards.iter().map(|h| h.id.as_str()));
        let focus = Ids::new("focus area", d.focus_areas.iter().map(|f| f.id.as_str()));
        let dims = Ids::new(
            "CRF dimension",
            d.crf.dimensions.iter().map(|x| x.id.as_str()),
        );
        let drivers = Ids::new("CRF driver", d.crf.drivers.iter().map(|x| x.id.as_str()));
        let qualities = Ids::new("CRF quality", d.crf.qualities.iter().map(|x| x.id.as_str()));
        let areas = Ids::new("area", d.areas.iter().map(|a| a.id.as_str()));

        // Meta.
        let m = &d.meta;
        self.id("meta.id", &m.id);
        self.text("meta.title", &m.title, true);
        self.text("meta.city", &m.city, true);
        self.text("meta.vision", &m.vision, false);
        if let Some(n) = &m.note {
            self.text("meta.note", n, false);
        }
        if m.licence.trim().is_empty() {
            self.err(
                "meta.licence",
                "missing: say under which licence the data may be reused",
            );
        }
        if let Some(p) = &m.published {
            self.date("meta.published", p);
        }
        if let Some(p) = &m.dataset_date {
            self.date("meta.dataset_date", p);
        }
        self.refs("meta.sources", &m.sources, &sources);
        self.refs(
            "meta.declared_counts.sources",
            &m.declared_counts.sources,
            &sources,
        );
        let dc = &m.declared_counts;
        self.completeness("pillars", dc.pillars, d.pillars.len());
        self.completeness("goals", dc.goals, d.goals.len());
        self.completeness("strategies", dc.strategies, d.strategies.len());
        self.completeness("actions", dc.actions, d.actions.len());

        // Sources.
        self.unique("sources", d.sources.iter().map(|s| s.id.as_str()));
        for (i, s) in d.sources.iter().enumerate() {
            let p = format!("sources[{i}]");
            self.id(&format!("{p}.id"), &s.id);
            if s.title.trim().is_empty() {
                self.err(format!("{p}.title"), "missing: a source needs a title");
            }
            if let Some(date) = &s.date {
                self.date(&format!("{p}.date"), date);
            }
            if let Some(url) = &s.url {
                if let Err(msg) = check_link(url) {
                    self.err(format!("{p}.url"), msg);
                }
            }
        }

        // Pillars, goals, strategies.
        self.unique("pillars", d.pillars.iter().map(|x| x.id.as_str()));
        for (i, x) in d.pillars.iter().enumerate() {
            let p = format!("pillars[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &sources);
            self.text(&format!("{p}.name"), &x.name, true);
            self.text(&format!("{p}.definition"), &x.definition, false);
            for (j, t) in x.targets.iter().enumerate() {
                let tp = format!("{p}.targets[{j}]");
                self.record(&tp, &t.id, &t.sources, &t.provenance, &sources);
                self.text(&format!("{tp}.text"), &t.text, true);
                if let Some(y) = t.year {
                    self.year(&format!("{tp}.year"), y);
                }
            }
        }
        self.unique("goals", d.goals.iter().map(|x| x.id.as_str()));
        for (i, x) in d.goals.iter().enumerate() {
            let p = format!("goals[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &sources);
            self.text(&format!("{p}.name"), &x.name, true);
            self.one_ref(&format!("{p}.pillar"), &x.pillar, &pillars);
        }
        self.unique("strategies", d.strategies.iter().map(|x| x.id.as_str()));
        for (i, x) in d.strategies.iter().enumerate() {
            let p = format!("strategies[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &sources);
            self.text(&format!("{p}.name"), &x.name, true);
            self.one_ref(&format!("{p}.goal"), &x.goal, &goals);
        }

        // Hazards, focus areas, CRF.
        self.unique("hazards", d.hazards.iter().map(|x| x.id.as_str()));
        for (i, x) in d.hazards.iter().enumerate() {
            let p = format!("hazards[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &sources);
            self.text(&format!("{p}.name"), &x.name, true);
            if let Some(t) = &x.description {
                self.text(&format!("{p}.description"), t, false);
            }
        }
        self.unique("focus_areas", d.focus_areas.iter().map(|x| x.id.as_str()));
        for (i, x) in d.focus_areas.iter().enumerate() {
            let p = format!("focus_areas[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &sources);
            self.text(&format!("{p}.name"), &x.name, true);
            self.refs(&format!("{p}.pillars"), &x.pillars, &pillars);
        }
        self.unique(
            "crf.dimensions",
            d.crf.dimensions.iter().map(|x| x.id.as_str()),
        );
        for (i, x) in d.crf.dimensions.iter().enumerate() {
            let p = format!("crf.dimensions[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &sources);
            self.text(&format!("{p}.name"), &x.name, true);
        }
        self.unique("crf.drivers", d.crf.drivers.iter().map(|x| x.id.as_str()));
        for (i, x) in d.crf.drivers.iter().enumerate() {
            let p = format!("crf.drivers[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &sources);
            self.text(&format!("{p}.name"), &x.name, true);
            self.one_ref(&format!("{p}.dimension"), &x.dimension, &dims);
        }
        self.unique(
            "crf.qualities",
            d.crf.qualities.iter().map(|x| x.id.as_str()),
        );
        for (i, x) in d.crf.qualities.iter().enumerate() {
            let p = format!("crf.qualities[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &sources);
            self.text(&format!("{p}.name"), &x.name, true);
        }

        // Areas.
        self.unique("areas", d.areas.iter().map(|x| x.id.as_str()));
        self.areas(d, &areas, &sources);

        // Actions.
        self.unique("actions", d.actions.iter().map(|x| x.id.as_str()));
        for (i, a) in d.actions.iter().enumerate() {
            let p = format!("actions[{i}]");
            self.record(&p, &a.id, &a.sources, &a.provenance, &sources);
            self.text(&format!("{p}.title"), &a.title, true);
            if let Some(t) = &a.description {
                self.text(&format!("{p}.description"), t, false);
            }
            self.refs(&format!("{p}.pillars"), &a.pillars, &pillars);
            self.refs(&format!("{p}.goals"), &a.goals, &goals);
            self.refs(&format!("{p}.strategies"), &a.strategies, &strategies);
            self.refs(&format!("{p}.hazards"), &a.hazards, &hazards);
            self.refs(&format!("{p}.focus_areas"), &a.focus_areas, &focus);
            self.refs(&format!("{p}.crf_drivers"), &a.crf_drivers, &drivers);
            self.refs(&format!("{p}.crf_qualities"), &a.crf_qualities, &qualities);
            self.refs(&format!("{p}.areas"), &a.areas, &areas);
            if let Some(tf) = &a.timeframe {
                if let Some(y) = tf.start {
                    self.year(&format!("{p}.timeframe.start"), y);
                }
                if let Some(y) = tf.end {
                    self.year(&format!("{p}.timeframe.end"), y);
                }
                if let (Some(s), Some(e)) = (tf.start, tf.end) {
                    if s > e {
                        self.err(
                            format!("{p}.timeframe"),
                            format!("starts in {s} but ends in {e}: the end is before the start"),
                        );
                    }
                }
            }
        }

        // Timeline.
        self.unique("timeline", d.timeline.iter().map(|x| x.id.as_str()));
        for (i, e) in d.timeline.iter().enumerate() {
            let p = format!("timeline[{i}]");
            self.record(&p, &e.id, &e.sources, &e.provenance, &sources);
            self.text(&format!("{p}.title"), &e.title, true);
            self.date(&format!("{p}.date"), &e.date);
        }
    }

    fn id(&mut self, path: &str, id: &str) {
        if id.trim().is_empty() {
            self.err(path, "missing: every record needs a non-empty id");
        } else if id.chars().any(char::is_whitespace) || id.len() > 200 {
            self.err(
                path,
                format!(
                    "id {} must have no spaces and at most 200 characters",
                    quote(id)
                ),
            );
        }
    }

    /// Checks what every record has: an id, at least one known source, and a provenance note.
    fn record(&mut self, path: &str, id: &str, srcs: &[String], prov: &Provenance, sources: &Ids) {
        self.id(&format!("{path}.id"), id);
        if srcs.is_empty() {
            self.err(
                format!("{path}.sources"),
                "missing: every record needs at least one source",
            );
        }
        self.refs(&format!("{path}.sources"), srcs, sources);
        if prov.note.id.trim().is_empty() && prov.note.en.trim().is_empty() {
            self.err(
                format!("{path}.provenance.note"),
                format!("missing: say how this {} record is known", prov.kind.code()),
            );
        } else {
            self.text(&format!("{path}.provenance.note"), &prov.note, false);
        }
    }

    fn text(&mut self, path: &str, t: &Text, required: bool) {
        let id_empty = t.id.trim().is_empty();
        let en_empty = t.en.trim().is_empty();
        if id_empty && en_empty {
            if required {
                self.err(path, "missing: the text is empty in both languages");
            }
            return;
        }
        if id_empty {
            self.warn(
                format!("{path}.id"),
                "missing Indonesian translation (English is shown)",
            );
        }
        if en_empty {
            self.warn(
                format!("{path}.en"),
                "missing English translation (Indonesian is shown)",
            );
        }
    }

    fn unique<'a>(&mut self, path: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.enumerate() {
            if let Some(first) = seen.get(id) {
                self.err(
                    format!("{path}[{i}].id"),
                    format!(
                        "duplicate id {} (already used by {path}[{first}])",
                        quote(id)
                    ),
                );
            } else {
                seen.insert(id, i);
            }
        }
    }

    fn refs(&mut self, path: &str, refs: &[String], known: &Ids) {
        for (j, r) in refs.iter().enumerate() {
            self.one_ref(&format!("{path}[{j}]"), r, known);
        }
    }

    fn one_ref(&mut self, path: &str, r: &str, known: &Ids) {
        if !known.ids.contains(r) {
            self.err(
                path,
                format!(
                    "unknown {} {} ({})",
                    known.what,
                    quote(r),
                    known.known_list()
                ),
            );
        }
    }

    fn date(&mut self, path: &str, s: &str) {
        if let Err(msg) = PartialDate::parse(s) {
            self.err(path, msg);
        }
    }

    fn year(&mut self, path: &str, y: i32) {
        if !YEARS.contains(&y) {
            self.err(
                path,
                format!("year {y} is outside {}–{}", YEARS.start(), YEARS.end()),
            );
        }
    }

    fn completeness(&mut self, what: &str, declared: Option<u32>, itemised: usize) {
        if let Some(n) = declared {
            if (n as usize) > itemised {
                self.warn(
                    format!("meta.declared_counts.{what}"),
                    format!(
                        "the official document declares {n} {what}; this dataset itemises {itemised}"
                    ),
                );
            }
        }
    }

    fn areas(&mut self, d: &Dataset, areas: &Ids, sources: &Ids) {
        let by_id: HashMap<&str, &Area> = d.areas.iter().map(|a| (a.id.as_str(), a)).collect();
        for (i, a) in d.areas.iter().enumerate() {
            let p = format!("areas[{i}]");
            self.record(&p, &a.id, &a.sources, &a.provenance, sources);
            if a.name.trim().is_empty() {
                self.err(format!("{p}.name"), "missing: an area needs a name");
            }
            if a.code.trim().is_empty() {
                self.err(
                    format!("{p}.code"),
                    "missing: an area needs its official code",
                );
            }
            let [lon, lat] = a.centroid;
            if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
                self.err(
                    format!("{p}.centroid[0]"),
                    format!(
                        "longitude {lon} is outside −180…180 (centroid is [longitude, latitude])"
                    ),
                );
            }
            if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
                self.err(
                    format!("{p}.centroid[1]"),
                    format!("latitude {lat} is outside −90…90 (centroid is [longitude, latitude])"),
                );
            }
            if let Some(pop) = a.population {
                if pop > MAX_POPULATION {
                    self.err(
                        format!("{p}.population"),
                        format!("population {pop} is not plausible for one area"),
                    );
                }
            }
            // Parent chain: regions have no parent; others point at the level above.
            match (&a.parent, a.level) {
                (None, AreaLevel::Region) => {}
                (Some(parent), AreaLevel::Region) => self.err(
                    format!("{p}.parent"),
                    format!("a region has no parent, but {} is given", quote(parent)),
                ),
                (None, level) => self.err(
                    format!("{p}.parent"),
                    format!("missing: a {} needs a parent area", level.code()),
                ),
                (Some(parent), level) => match by_id.get(parent.as_str()) {
                    None => self.one_ref(&format!("{p}.parent"), parent, areas),
                    Some(pa) => {
                        let expected = match level {
                            AreaLevel::Kecamatan => AreaLevel::Region,
                            _ => AreaLevel::Kecamatan,
                        };
                        if pa.level != expected {
                            self.err(
                                format!("{p}.parent"),
                                format!(
                                    "the parent of a {} must be a {}, but {} is a {}",
                                    level.code(),
                                    expected.code(),
                                    quote(parent),
                                    pa.level.code()
                                ),
                            );
                        }
                    }
                },
            }
        }
    }
}

/// Links from data may only be http, https or mailto.
pub fn check_link(url: &str) -> Result<(), String> {
    let lower = url.trim().to_ascii_lowercase();
    let ok = ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p));
    if ok && !url.chars().any(|c| c.is_control() || c == ' ') {
        Ok(())
    } else {
        Err(format!(
            "link {} is not allowed: only http, https and mailto links are",
            quote(url)
        ))
    }
}
