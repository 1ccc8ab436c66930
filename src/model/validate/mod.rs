//! Validation: one pure function that returns every problem in a typed dataset, each with
//! its JSON path: duplicate ids, dangling references, missing sources or provenance,
//! broken area parent chains, coordinates out of range, impossible dates, unsafe links,
//! ids with invisible characters, oversized texts, and warnings for missing translations,
//! direction-changing characters and declared counts larger than what is itemised.
//! The checks live in the files of this folder; this file walks the dataset.

mod areas;
mod collector;
mod fields;
mod ids;
mod link;
mod rankings;

pub use collector::{Collector, Unread, MAX_PROBLEMS};
pub use link::{check_link, MAX_LINK_CHARS};

use crate::model::problem::{msg, Message, Problem, Severity};
use crate::model::types::*;
use ids::Known;

/// Largest plausible population of one area.
const MAX_POPULATION: u64 = 100_000_000;
/// Largest plausible number of participants in one event.
const MAX_PARTICIPANTS: u32 = 10_000_000;
/// Years accepted in timeframes and targets.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;
/// Longest id accepted, in bytes.
const MAX_ID_LEN: usize = 200;
/// Longest text accepted (one language of one field), in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Returns all problems in `d`: errors first, then warnings, each in document order.
pub fn validate(d: &Dataset) -> Vec<Problem> {
    let mut c = Collector::default();
    validate_into(d, &Unread::default(), &mut c);
    c.finish()
}

/// Checks `d`, adding every problem to `out`; references to `unread` records are accepted.
pub fn validate_into(d: &Dataset, unread: &Unread, out: &mut Collector) {
    let mut v = Validator { out };
    v.run(d, unread);
}

struct Validator<'c> {
    out: &'c mut Collector,
}

impl Validator<'_> {
    /// An error at `path`, said in English and in Bahasa Indonesia.
    fn err(&mut self, path: impl std::fmt::Display, m: Message) {
        self.out
            .push(Problem::new(Severity::Error, path.to_string(), m));
    }

    /// A warning at `path`, said in English and in Bahasa Indonesia.
    fn warn(&mut self, path: impl std::fmt::Display, m: Message) {
        self.out
            .push(Problem::new(Severity::Warning, path.to_string(), m));
    }

    fn run(&mut self, d: &Dataset, unread: &Unread) {
        let k = Known::new(d, unread);
        self.meta(d, unread, &k);
        self.sources(d);
        self.hierarchy(d, &k);
        self.hazards_and_crf(d, &k);
        self.rankings(d, &k.hazards, &k.sources);
        self.unique("areas", d.areas.iter().map(|x| x.id.as_str()));
        self.areas(d, &k.areas, &k.sources);
        self.actions(d, &k);
        self.timeline(d, &k);
    }

    /// The dataset's own description: id, title, licence, dates, sources, declared counts.
    fn meta(&mut self, d: &Dataset, unread: &Unread, k: &Known) {
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
                Message::new(
                    "missing: say under which licence the data may be reused",
                    "tidak ada: sebutkan lisensi yang mengatur penggunaan ulang data ini",
                ),
            );
        }
        self.plain("meta.licence", &m.licence);
        if let Some(e) = &m.editors {
            self.plain("meta.editors", e);
        }
        if let Some(p) = &m.published {
            self.date("meta.published", p);
        }
        if let Some(p) = &m.dataset_date {
            self.date("meta.dataset_date", p);
        }
        self.refs("meta.sources", &m.sources, &k.sources);
        self.refs(
            "meta.declared_counts.sources",
            &m.declared_counts.sources,
            &k.sources,
        );
        let dc = &m.declared_counts;
        for (what, declared, read) in [
            ("pillars", dc.pillars, d.pillars.len()),
            ("goals", dc.goals, d.goals.len()),
            ("strategies", dc.strategies, d.strategies.len()),
            ("actions", dc.actions, d.actions.len()),
        ] {
            if let Some(itemised) = unread.in_file(what, read) {
                self.completeness(what, declared, itemised);
            }
        }
    }

    /// The sources: ids, titles, publishers, dates and links.
    fn sources(&mut self, d: &Dataset) {
        self.unique("sources", d.sources.iter().map(|s| s.id.as_str()));
        for (i, s) in d.sources.iter().enumerate() {
            let p = format!("sources[{i}]");
            self.id(&format!("{p}.id"), &s.id);
            if s.title.trim().is_empty() {
                self.err(
                    format!("{p}.title"),
                    Message::new(
                        "missing: a source needs a title",
                        "tidak ada: sumber memerlukan judul",
                    ),
                );
            }
            self.plain(&format!("{p}.title"), &s.title);
            self.plain(&format!("{p}.publisher"), &s.publisher);
            if let Some(date) = &s.date {
                self.date(&format!("{p}.date"), date);
            }
            if let Some(url) = &s.url {
                if let Err(msg) = check_link(url) {
                    self.err(format!("{p}.url"), msg);
                }
            }
        }
    }

    /// Pillars (with their targets), goals and strategies.
    fn hierarchy(&mut self, d: &Dataset, k: &Known) {
        self.unique("pillars", d.pillars.iter().map(|x| x.id.as_str()));
        let mut target_ids: Vec<(String, &str)> = Vec::new();
        for (i, x) in d.pillars.iter().enumerate() {
            let p = format!("pillars[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &k.sources);
            self.text(&format!("{p}.name"), &x.name, true);
            self.text(&format!("{p}.definition"), &x.definition, false);
            for (j, t) in x.targets.iter().enumerate() {
                let tp = format!("{p}.targets[{j}]");
                self.record(&tp, &t.id, &t.sources, &t.provenance, &k.sources);
                self.text(&format!("{tp}.text"), &t.text, true);
                if let Some(y) = t.year {
                    self.year(&format!("{tp}.year"), y);
                }
                target_ids.push((tp, t.id.as_str()));
            }
        }
        self.unique_paths(&target_ids);
        self.unique("goals", d.goals.iter().map(|x| x.id.as_str()));
        for (i, x) in d.goals.iter().enumerate() {
            let p = format!("goals[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &k.sources);
            self.text(&format!("{p}.name"), &x.name, true);
            self.one_ref(&format!("{p}.pillar"), &x.pillar, &k.pillars);
        }
        self.unique("strategies", d.strategies.iter().map(|x| x.id.as_str()));
        for (i, x) in d.strategies.iter().enumerate() {
            let p = format!("strategies[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &k.sources);
            self.text(&format!("{p}.name"), &x.name, true);
            self.one_ref(&format!("{p}.goal"), &x.goal, &k.goals);
        }
    }

    /// Hazards, focus areas and the City Resilience Framework.
    fn hazards_and_crf(&mut self, d: &Dataset, k: &Known) {
        self.unique("hazards", d.hazards.iter().map(|x| x.id.as_str()));
        for (i, x) in d.hazards.iter().enumerate() {
            let p = format!("hazards[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &k.sources);
            self.text(&format!("{p}.name"), &x.name, true);
            if let Some(t) = &x.description {
                self.text(&format!("{p}.description"), t, false);
            }
        }
        self.unique("focus_areas", d.focus_areas.iter().map(|x| x.id.as_str()));
        for (i, x) in d.focus_areas.iter().enumerate() {
            let p = format!("focus_areas[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &k.sources);
            self.text(&format!("{p}.name"), &x.name, true);
            self.refs(&format!("{p}.pillars"), &x.pillars, &k.pillars);
        }
        self.unique(
            "crf.dimensions",
            d.crf.dimensions.iter().map(|x| x.id.as_str()),
        );
        for (i, x) in d.crf.dimensions.iter().enumerate() {
            let p = format!("crf.dimensions[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &k.sources);
            self.text(&format!("{p}.name"), &x.name, true);
            if let Some(t) = &x.description {
                self.text(&format!("{p}.description"), t, false);
            }
        }
        self.unique("crf.drivers", d.crf.drivers.iter().map(|x| x.id.as_str()));
        for (i, x) in d.crf.drivers.iter().enumerate() {
            let p = format!("crf.drivers[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &k.sources);
            self.text(&format!("{p}.name"), &x.name, true);
            self.one_ref(&format!("{p}.dimension"), &x.dimension, &k.dims);
        }
        self.unique(
            "crf.qualities",
            d.crf.qualities.iter().map(|x| x.id.as_str()),
        );
        for (i, x) in d.crf.qualities.iter().enumerate() {
            let p = format!("crf.qualities[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, &k.sources);
            self.text(&format!("{p}.name"), &x.name, true);
            if let Some(t) = &x.definition {
                self.text(&format!("{p}.definition"), t, false);
            }
        }
    }

    /// The actions: records, texts, references, people and timeframes.
    fn actions(&mut self, d: &Dataset, k: &Known) {
        self.unique("actions", d.actions.iter().map(|x| x.id.as_str()));
        for (i, a) in d.actions.iter().enumerate() {
            let p = format!("actions[{i}]");
            self.record(p.as_str(), &a.id, &a.sources, &a.provenance, &k.sources);
            self.text(format_args!("{p}.title"), &a.title, true);
            if let Some(t) = &a.description {
                self.text(format_args!("{p}.description"), t, false);
            }
            self.refs(format_args!("{p}.pillars"), &a.pillars, &k.pillars);
            self.refs(format_args!("{p}.goals"), &a.goals, &k.goals);
            self.refs(format_args!("{p}.strategies"), &a.strategies, &k.strategies);
            self.refs(format_args!("{p}.hazards"), &a.hazards, &k.hazards);
            self.refs(format_args!("{p}.focus_areas"), &a.focus_areas, &k.focus);
            self.refs(format_args!("{p}.crf_drivers"), &a.crf_drivers, &k.drivers);
            self.refs(
                format_args!("{p}.crf_qualities"),
                &a.crf_qualities,
                &k.qualities,
            );
            self.refs(format_args!("{p}.areas"), &a.areas, &k.areas);
            if let Some(lead) = &a.lead {
                self.plain(format_args!("{p}.lead"), lead);
            }
            for (j, partner) in a.partners.iter().enumerate() {
                self.plain(format_args!("{p}.partners[{j}]"), partner);
            }
            if a.status_basis.is_some() && a.status.is_none() {
                self.err(
                    format!("{p}.status_basis"),
                    msg!(
                        "says how the status is known, but there is no status",
                        "menyebut bagaimana status diketahui, tetapi tidak ada status",
                    ),
                );
            }
            if let Some(tf) = &a.timeframe {
                if let Some(y) = tf.start {
                    self.year(format_args!("{p}.timeframe.start"), y);
                }
                if let Some(y) = tf.end {
                    self.year(format_args!("{p}.timeframe.end"), y);
                }
                if let (Some(s), Some(e)) = (tf.start, tf.end) {
                    if s > e {
                        self.err(
                            format!("{p}.timeframe"),
                            msg!(
                                "starts in {s} but ends in {e}: the end is before the start",
                                "mulai {s} tetapi berakhir {e}: akhirnya sebelum awalnya",
                            ),
                        );
                    }
                }
                if let Some(n) = &tf.note {
                    self.text(format_args!("{p}.timeframe.note"), n, false);
                }
            }
        }
    }

    /// The events of the making of the strategy.
    fn timeline(&mut self, d: &Dataset, k: &Known) {
        self.unique("timeline", d.timeline.iter().map(|x| x.id.as_str()));
        for (i, e) in d.timeline.iter().enumerate() {
            let p = format!("timeline[{i}]");
            self.record(&p, &e.id, &e.sources, &e.provenance, &k.sources);
            self.text(&format!("{p}.title"), &e.title, true);
            self.date(&format!("{p}.date"), &e.date);
            if let Some(t) = &e.description {
                self.text(&format!("{p}.description"), t, false);
            }
            if let Some(t) = &e.participants {
                self.text(&format!("{p}.participants"), t, false);
            }
            if let Some(n) = e.participant_count {
                if n > MAX_PARTICIPANTS {
                    self.err(
                        format!("{p}.participant_count"),
                        msg!(
                            "{n} participants is not plausible for one event",
                            "{n} peserta tidak masuk akal untuk satu acara",
                        ),
                    );
                }
            }
            if let Some(place) = &e.place {
                self.plain(&format!("{p}.place"), place);
            }
        }
    }
}
