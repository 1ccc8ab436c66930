//! Validation: one pure function that returns every problem in a typed dataset, each with
//! its JSON path: duplicate ids, dangling references, missing sources or provenance,
//! broken area parent chains, coordinates out of range, impossible dates, unsafe links,
//! ids with invisible characters, oversized texts, and warnings for missing translations,
//! direction-changing characters and declared counts larger than what is itemised.
//! Also the capped problem collector that loading shares.

use super::date::PartialDate;
use super::problem::{quote, Problem, Severity};
use super::types::*;
use std::collections::{HashMap, HashSet};

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
/// Longest link accepted, in bytes.
pub const MAX_LINK_CHARS: usize = 2000;
/// Most problems listed; the rest are counted in one closing problem, so that a hostile
/// file with millions of bad records cannot exhaust memory or bury the first errors.
pub const MAX_PROBLEMS: usize = 1000;

/// Returns all problems in `d`: errors first, then warnings, each in document order.
pub fn validate(d: &Dataset) -> Vec<Problem> {
    let mut c = Collector::default();
    validate_into(d, &Unread::default(), &mut c);
    c.finish()
}

/// Records that are in the file but could not be read (their type errors are reported
/// already): references to them are not reported a second time as unknown.
#[derive(Debug, Clone, Default)]
pub struct Unread {
    /// Ids of unreadable records, by collection path (`pillars`, `crf.drivers`, …).
    pub ids: HashMap<&'static str, HashSet<String>>,
    /// Collections that could not be read at all (e.g. an object where a list belongs).
    pub whole: HashSet<&'static str>,
    /// Number of unreadable records, by collection path.
    pub counts: HashMap<&'static str, usize>,
}

impl Unread {
    /// Records of `collection` in the file (read or not), or `None` when the whole
    /// collection could not be read.
    fn in_file(&self, collection: &str, read: usize) -> Option<usize> {
        if self.whole.contains(collection) {
            None
        } else {
            Some(read + self.counts.get(collection).copied().unwrap_or(0))
        }
    }
}

/// Collects problems, keeping at most [`MAX_PROBLEMS`] errors and as many warnings and
/// counting the rest.
#[derive(Debug, Default)]
pub struct Collector {
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
    omitted_errors: usize,
    omitted_warnings: usize,
}

impl Collector {
    /// Adds a problem (counted only, once the limit is reached).
    pub fn push(&mut self, p: Problem) {
        let (list, omitted) = match p.severity {
            Severity::Error => (&mut self.errors, &mut self.omitted_errors),
            Severity::Warning => (&mut self.warnings, &mut self.omitted_warnings),
        };
        if list.len() < MAX_PROBLEMS {
            list.push(p);
        } else {
            *omitted += 1;
        }
    }

    /// True when no more errors are kept (further ones are only counted).
    pub fn errors_full(&self) -> bool {
        self.errors.len() >= MAX_PROBLEMS
    }

    /// Counts an error that would not be kept anyway, without building it.
    pub fn omit_error(&mut self) {
        self.omitted_errors += 1;
    }

    /// True when an error was added.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The problems, errors first; past [`MAX_PROBLEMS`], one closing problem says how
    /// many more there are.
    pub fn finish(self) -> Vec<Problem> {
        let mut out = self.errors;
        let mut omitted_errors = self.omitted_errors;
        let mut omitted_warnings = self.omitted_warnings;
        let room = MAX_PROBLEMS.saturating_sub(out.len());
        if self.warnings.len() > room {
            omitted_warnings += self.warnings.len() - room;
        }
        out.extend(self.warnings.into_iter().take(room));
        if out.len() == MAX_PROBLEMS && omitted_errors == 0 && omitted_warnings == 0 {
            return out;
        }
        if omitted_errors + omitted_warnings > 0 {
            // Make room for the closing line.
            if let Some(last) = out.pop() {
                match last.severity {
                    Severity::Error => omitted_errors += 1,
                    Severity::Warning => omitted_warnings += 1,
                }
            }
            let msg = format!(
                "{} more problems are not listed ({omitted_errors} errors, {omitted_warnings} \
                 warnings): fix the ones above first",
                omitted_errors + omitted_warnings
            );
            out.push(if omitted_errors > 0 {
                Problem::error("(more)", msg)
            } else {
                Problem::warning("(more)", msg)
            });
        }
        out
    }
}

/// Checks `d`, adding every problem to `out`; references to `unread` records are accepted.
pub fn validate_into(d: &Dataset, unread: &Unread, out: &mut Collector) {
    let mut v = Validator { out };
    v.run(d, unread);
}

/// The ids of one collection, for reference checks with helpful messages.
struct Ids<'a> {
    what: &'static str,
    ids: HashSet<&'a str>,
    ordered: Vec<&'a str>,
    unread: Option<&'a HashSet<String>>,
    accept_all: bool,
}

impl<'a> Ids<'a> {
    fn new(
        what: &'static str,
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

    fn contains(&self, id: &str) -> bool {
        self.accept_all || self.ids.contains(id) || self.unread.is_some_and(|u| u.contains(id))
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

struct Validator<'c> {
    out: &'c mut Collector,
}

/// Characters that are invisible or change the direction of text: zero-width spaces and
/// joiners, bidirectional controls, the byte-order mark, soft hyphens, tag characters.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}' | '\u{E0000}'..='\u{E0FFF}')
        || c.is_control()
}

/// Characters that mean something in HTML, SVG or scripts: refused in ids, which end up in
/// links, attributes and element ids.
const MARKUP: &str = "<>\"'`&\\";
const MARKUP_SHOWN: &str = "< > \" ' ` & \\";

/// Bidirectional embedding, override and isolate controls, which can make a text display
/// in a misleading order.
fn direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A number as written in a message: in scientific notation when it is huge.
fn number(x: f64) -> String {
    if x.is_finite() && x.abs() >= 1e9 {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

impl Validator<'_> {
    fn err(&mut self, path: impl Into<String>, msg: impl Into<String>) {
        self.out.push(Problem::error(path, msg));
    }

    fn warn(&mut self, path: impl Into<String>, msg: impl Into<String>) {
        self.out.push(Problem::warning(path, msg));
    }

    fn run(&mut self, d: &Dataset, unread: &Unread) {
        let sources = Ids::new(
            "source",
            "sources",
            d.sources.iter().map(|s| s.id.as_str()),
            unread,
        );
        let pillars = Ids::new(
            "pillar",
            "pillars",
            d.pillars.iter().map(|p| p.id.as_str()),
            unread,
        );
        let goals = Ids::new(
            "goal",
            "goals",
            d.goals.iter().map(|g| g.id.as_str()),
            unread,
        );
        let strategies = Ids::new(
            "strategy",
            "strategies",
            d.strategies.iter().map(|s| s.id.as_str()),
            unread,
        );
        let hazards = Ids::new(
            "hazard",
            "hazards",
            d.hazards.iter().map(|h| h.id.as_str()),
            unread,
        );
        let focus = Ids::new(
            "focus area",
            "focus_areas",
            d.focus_areas.iter().map(|f| f.id.as_str()),
            unread,
        );
        let dims = Ids::new(
            "CRF dimension",
            "crf.dimensions",
            d.crf.dimensions.iter().map(|x| x.id.as_str()),
            unread,
        );
        let drivers = Ids::new(
            "CRF driver",
            "crf.drivers",
            d.crf.drivers.iter().map(|x| x.id.as_str()),
            unread,
        );
        let qualities = Ids::new(
            "CRF quality",
            "crf.qualities",
            d.crf.qualities.iter().map(|x| x.id.as_str()),
            unread,
        );
        let areas = Ids::new(
            "area",
            "areas",
            d.areas.iter().map(|a| a.id.as_str()),
            unread,
        );

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
        self.refs("meta.sources", &m.sources, &sources);
        self.refs(
            "meta.declared_counts.sources",
            &m.declared_counts.sources,
            &sources,
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

        // Sources.
        self.unique("sources", d.sources.iter().map(|s| s.id.as_str()));
        for (i, s) in d.sources.iter().enumerate() {
            let p = format!("sources[{i}]");
            self.id(&format!("{p}.id"), &s.id);
            if s.title.trim().is_empty() {
                self.err(format!("{p}.title"), "missing: a source needs a title");
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

        // Pillars, goals, strategies.
        self.unique("pillars", d.pillars.iter().map(|x| x.id.as_str()));
        let mut target_ids: Vec<(String, &str)> = Vec::new();
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
                target_ids.push((tp, t.id.as_str()));
            }
        }
        self.unique_paths(&target_ids);
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
            if let Some(t) = &x.description {
                self.text(&format!("{p}.description"), t, false);
            }
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
            if let Some(t) = &x.definition {
                self.text(&format!("{p}.definition"), t, false);
            }
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
            if let Some(lead) = &a.lead {
                self.plain(&format!("{p}.lead"), lead);
            }
            for (j, partner) in a.partners.iter().enumerate() {
                self.plain(&format!("{p}.partners[{j}]"), partner);
            }
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
                if let Some(n) = &tf.note {
                    self.text(&format!("{p}.timeframe.note"), n, false);
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
                        format!("{n} participants is not plausible for one event"),
                    );
                }
            }
            if let Some(place) = &e.place {
                self.plain(&format!("{p}.place"), place);
            }
        }
    }

    fn id(&mut self, path: &str, id: &str) {
        if id.trim().is_empty() {
            self.err(path, "missing: every record needs a non-empty id");
        } else if id.len() > MAX_ID_LEN {
            self.err(
                path,
                format!(
                    "id {} is {} characters long; at most {MAX_ID_LEN} are allowed",
                    quote(id),
                    id.chars().count()
                ),
            );
        } else if id.chars().any(char::is_whitespace) {
            self.err(
                path,
                format!(
                    "id {} contains a space: ids may not contain spaces",
                    quote(id)
                ),
            );
        } else if let Some(c) = id.chars().find(|&c| invisible(c)) {
            self.err(
                path,
                format!(
                    "id {} contains an invisible or direction-changing character ({}): ids \
                     may use only visible characters",
                    quote(id),
                    code_point(c)
                ),
            );
        } else if id.contains(',') {
            self.err(
                path,
                format!(
                    "id {} contains a comma: commas separate ids in links",
                    quote(id)
                ),
            );
        } else if let Some(c) = id.chars().find(|c| MARKUP.contains(*c)) {
            self.err(
                path,
                format!(
                    "id {} contains {}: ids may not contain the characters {MARKUP_SHOWN}",
                    quote(id),
                    quote(&c.to_string())
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
        self.plain(&format!("{path}.id"), &t.id);
        self.plain(&format!("{path}.en"), &t.en);
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

    /// Checks a text shown as it is: not oversized, no direction-changing controls.
    fn plain(&mut self, path: &str, s: &str) {
        if s.len() > MAX_TEXT_CHARS {
            let n = s.chars().count();
            if n > MAX_TEXT_CHARS {
                self.err(
                    path,
                    format!(
                        "the text is {n} characters long; at most {MAX_TEXT_CHARS} are accepted"
                    ),
                );
                return;
            }
        }
        if let Some(c) = s.chars().find(|&c| direction_control(c)) {
            self.warn(
                path,
                format!(
                    "contains a direction-changing control character ({}), which can make the \
                     text display in a misleading order",
                    code_point(c)
                ),
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

    /// Like `unique`, for records spread over several lists (pillar targets).
    fn unique_paths(&mut self, records: &[(String, &str)]) {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for (path, id) in records {
            if let Some(first) = seen.get(id) {
                self.err(
                    format!("{path}.id"),
                    format!("duplicate id {} (already used by {first})", quote(id)),
                );
            } else {
                seen.insert(id, path);
            }
        }
    }

    fn refs(&mut self, path: &str, refs: &[String], known: &Ids) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (j, r) in refs.iter().enumerate() {
            if let Some(first) = seen.get(r.as_str()) {
                self.err(
                    format!("{path}[{j}]"),
                    format!(
                        "{} {} is listed twice (first at {path}[{first}])",
                        known.what,
                        quote(r)
                    ),
                );
                continue;
            }
            seen.insert(r, j);
            self.one_ref(&format!("{path}[{j}]"), r, known);
        }
    }

    fn one_ref(&mut self, path: &str, r: &str, known: &Ids) {
        if !known.contains(r) {
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
        // Longer than YYYY-MM-DD: refuse before parsing, so messages stay short.
        if s.len() > 10 {
            self.err(
                path,
                format!(
                    "date {} is not of the form YYYY, YYYY-MM or YYYY-MM-DD",
                    quote(s)
                ),
            );
        } else if let Err(msg) = PartialDate::parse(s) {
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
            self.plain(&format!("{p}.name"), &a.name);
            if a.code.trim().is_empty() {
                self.err(
                    format!("{p}.code"),
                    "missing: an area needs its official code",
                );
            }
            self.plain(&format!("{p}.code"), &a.code);
            let [lon, lat] = a.centroid;
            let (lon_shown, lat_shown) = (number(lon), number(lat));
            if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
                self.err(
                    format!("{p}.centroid[0]"),
                    format!(
                        "longitude {lon_shown} is outside −180…180 (centroid is [longitude, latitude])"
                    ),
                );
            }
            if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
                self.err(
                    format!("{p}.centroid[1]"),
                    format!("latitude {lat_shown} is outside −90…90 (centroid is [longitude, latitude])"),
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

/// Links from data may only be http, https or mailto, with something after the scheme, no
/// spaces, control or invisible characters, no raw quotes or angle brackets, and at most
/// [`MAX_LINK_CHARS`] long.
pub fn check_link(url: &str) -> Result<(), String> {
    if url.len() > MAX_LINK_CHARS {
        return Err(format!(
            "link {} is {} characters long; at most {MAX_LINK_CHARS} are accepted",
            quote(url),
            url.chars().count()
        ));
    }
    let lower = url.to_ascii_lowercase();
    let Some(rest) = ["http://", "https://", "mailto:"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
    else {
        return Err(format!(
            "link {} is not allowed: only http, https and mailto links are",
            quote(url)
        ));
    };
    if let Some(c) = url.chars().find(|&c| c.is_whitespace() || invisible(c)) {
        return Err(format!(
            "link {} contains a space or an invisible character ({}): write spaces as %20",
            quote(url),
            code_point(c)
        ));
    }
    if let Some(c) = url.chars().find(|c| matches!(c, '"' | '<' | '>' | '`')) {
        return Err(format!(
            "link {} contains {}, which must be percent-encoded (%{:02X})",
            quote(url),
            quote(&c.to_string()),
            c as u32
        ));
    }
    if rest.trim_start_matches('/').is_empty() {
        return Err(format!(
            "link {} is incomplete: nothing follows the scheme",
            quote(url)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links() {
        assert!(check_link("https://example.org/a?b=c").is_ok());
        assert!(check_link("HTTP://EXAMPLE.ORG").is_ok());
        assert!(check_link("mailto:someone@example.org").is_ok());
        for bad in [
            "javascript:alert(1)",
            " javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//example.org",
            "https://",
            "mailto:",
            " https://example.org",
            "https://exa mple.org",
            "https://example.org/\u{202e}gpj.exe",
            "https://example.org/\u{200b}",
            "https://example.org/\n",
            "https://example.org/\"onmouseover=\"alert(1)",
            "https://example.org/<script>",
            "",
        ] {
            assert!(check_link(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn collector_caps_and_puts_errors_first() {
        let mut c = Collector::default();
        for i in 0..(MAX_PROBLEMS + 10) {
            c.push(Problem::warning(format!("w{i}"), "w"));
        }
        c.push(Problem::error("e", "e"));
        let out = c.finish();
        assert_eq!(out.len(), MAX_PROBLEMS);
        assert_eq!(out[0].path, "e");
        let last = &out[MAX_PROBLEMS - 1];
        assert_eq!(last.path, "(more)");
        assert_eq!(
            last.message,
            "12 more problems are not listed (0 errors, 12 warnings): fix the ones above first"
        );
        assert!(!last.is_error());

        let mut small = Collector::default();
        small.push(Problem::warning("w", "w"));
        small.push(Problem::error("e", "e"));
        let out = small.finish();
        assert_eq!(
            out.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(),
            ["e", "w"]
        );
    }
}
