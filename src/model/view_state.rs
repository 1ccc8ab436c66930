//! The shareable view state and its URL query string: view, language, every filter, the
//! selected action, map level, presentation and embed modes, theme and data URLs. Parsing
//! ignores unknown parameters and drops invalid values with a notice; writing is canonical,
//! so that every view is a link.

use super::filter::Filters;
use super::types::*;

/// The explorer's views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// Vision, pillars, shocks and stresses, completeness.
    #[default]
    Overview,
    /// The filtered list and one action's details.
    Actions,
    /// Coverage matrix and bar charts.
    Charts,
    /// The map of where actions act.
    Map,
    /// The strategy's process over time.
    Timeline,
    /// Sources, provenance legend, licence.
    Sources,
}

impl View {
    /// All views, in navigation order.
    pub const ALL: [View; 6] = [
        View::Overview,
        View::Actions,
        View::Charts,
        View::Map,
        View::Timeline,
        View::Sources,
    ];

    /// The value used in URLs.
    pub fn code(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Actions => "actions",
            View::Charts => "charts",
            View::Map => "map",
            View::Timeline => "timeline",
            View::Sources => "sources",
        }
    }

    /// Parses the URL value.
    pub fn from_code(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == s)
    }
}

/// Colour theme chosen by the visitor (otherwise the system's preference applies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// Everything that makes a view reproducible from its link.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewState {
    /// Current view.
    pub view: View,
    /// Language chosen in the URL (otherwise the browser's, defaulting to Indonesian).
    pub lang: Option<Lang>,
    /// Filters.
    pub filters: Filters,
    /// Selected action id.
    pub action: Option<String>,
    /// Map level.
    pub level: Option<AreaLevel>,
    /// Presentation mode.
    pub present: bool,
    /// Presentation step (0-based).
    pub step: u32,
    /// Embed mode (no site chrome).
    pub embed: bool,
    /// High-contrast mode.
    pub contrast: bool,
    /// Theme.
    pub theme: Theme,
    /// Another dataset's URL.
    pub data: Option<String>,
    /// An official boundary GeoJSON URL.
    pub boundaries: Option<String>,
}

/// Percent-decodes a query component (`+` is a space). Invalid escapes are kept as text.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                    }
                    _ => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a query component (unreserved characters and `,` `:` `/` kept).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b','
            | b':'
            | b'/' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Splits a query string (with or without the leading `?`) into decoded pairs.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(p), String::new()),
        })
        .collect()
}

const MAX_VALUE_LEN: usize = 2000;

impl ViewState {
    /// Parses a query string. Unknown parameters are ignored; malformed values are dropped
    /// and described in the returned notices (e.g. `view=peta`).
    pub fn from_query(query: &str) -> (ViewState, Vec<String>) {
        let mut s = ViewState::default();
        let mut notices = Vec::new();
        for (k, v) in query_pairs(query) {
            if v.len() > MAX_VALUE_LEN {
                notices.push(format!("{k}=…"));
                continue;
            }
            let mut bad = false;
            let list = |target: &mut Vec<String>, v: &str| {
                for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    if !target.iter().any(|x| x == part) {
                        target.push(part.to_string());
                    }
                }
            };
            match k.as_str() {
                "view" => match View::from_code(&v) {
                    Some(x) => s.view = x,
                    None => bad = true,
                },
                "lang" => match Lang::from_code(&v) {
                    Some(l) => s.lang = Some(l),
                    None => bad = true,
                },
                "pillar" => list(&mut s.filters.pillars, &v),
                "goal" => list(&mut s.filters.goals, &v),
                "strategy" => list(&mut s.filters.strategies, &v),
                "shock" => list(&mut s.filters.shocks, &v),
                "stress" => list(&mut s.filters.stresses, &v),
                "driver" => list(&mut s.filters.drivers, &v),
                "quality" => list(&mut s.filters.qualities, &v),
                "lead" if !v.trim().is_empty() && !s.filters.leads.contains(&v) => {
                    s.filters.leads.push(v.clone());
                }
                "lead" => {}
                "status" => {
                    for part in v.split(',') {
                        match Status::from_code(part.trim()) {
                            Some(st) if !s.filters.statuses.contains(&st) => {
                                s.filters.statuses.push(st)
                            }
                            Some(_) => {}
                            None => notices.push(format!("status={part}")),
                        }
                    }
                }
                "prov" => {
                    for part in v.split(',') {
                        match ProvenanceKind::ALL
                            .into_iter()
                            .find(|k| k.code() == part.trim())
                        {
                            Some(kind) if !s.filters.provenance.contains(&kind) => {
                                s.filters.provenance.push(kind)
                            }
                            Some(_) => {}
                            None => notices.push(format!("prov={part}")),
                        }
                    }
                }
                "area" => {
                    if v.trim().is_empty() {
                        bad = true
                    } else {
                        s.filters.area = Some(v.trim().to_string())
                    }
                }
                "q" => s.filters.query = v.clone(),
                "action" => {
                    if v.trim().is_empty() {
                        bad = true
                    } else {
                        s.action = Some(v.trim().to_string())
                    }
                }
                "level" => match AreaLevel::from_code(&v) {
                    Some(l) => s.level = Some(l),
                    None => bad = true,
                },
                "present" => s.present = flag(&v, &mut bad),
                "embed" => s.embed = flag(&v, &mut bad),
                "contrast" => match v.as_str() {
                    "high" | "1" => s.contrast = true,
                    "normal" | "0" => s.contrast = false,
                    _ => bad = true,
                },
                "theme" => match v.as_str() {
                    "dark" => s.theme = Theme::Dark,
                    "light" => s.theme = Theme::Light,
                    "auto" => s.theme = Theme::Auto,
                    _ => bad = true,
                },
                "step" => match v.parse::<u32>() {
                    Ok(n) if n < 1000 => s.step = n,
                    _ => bad = true,
                },
                "data" => s.data = non_empty(&v, &mut bad),
                "boundaries" => s.boundaries = non_empty(&v, &mut bad),
                _ => {} // unknown parameters (e.g. utm_source) are ignored
            }
            if bad {
                notices.push(format!("{k}={v}"));
            }
        }
        (s, notices)
    }

    /// Drops references the dataset does not know (unknown pillar, hazard, area, action…)
    /// and returns what was dropped, as `key=value` strings for a visible notice.
    pub fn sanitize(&mut self, d: &Dataset) -> Vec<String> {
        let mut dropped = Vec::new();
        let mut keep = |key: &str, list: &mut Vec<String>, ok: &dyn Fn(&str) -> bool| {
            list.retain(|x| {
                let good = ok(x);
                if !good {
                    dropped.push(format!("{key}={x}"));
                }
                good
            });
        };
        let f = &mut self.filters;
        keep("pillar", &mut f.pillars, &|x| {
            d.pillars.iter().any(|p| p.id == x)
        });
        keep("goal", &mut f.goals, &|x| d.goals.iter().any(|p| p.id == x));
        keep("strategy", &mut f.strategies, &|x| {
            d.strategies.iter().any(|p| p.id == x)
        });
        keep("shock", &mut f.shocks, &|x| {
            d.hazards
                .iter()
                .any(|h| h.id == x && h.kind == HazardKind::Shock)
        });
        keep("stress", &mut f.stresses, &|x| {
            d.hazards
                .iter()
                .any(|h| h.id == x && h.kind == HazardKind::Stress)
        });
        keep("driver", &mut f.drivers, &|x| {
            d.crf.drivers.iter().any(|p| p.id == x)
        });
        keep("quality", &mut f.qualities, &|x| {
            d.crf.qualities.iter().any(|p| p.id == x)
        });
        keep("lead", &mut f.leads, &|x| {
            d.actions.iter().any(|a| a.lead.as_deref() == Some(x))
        });
        if let Some(a) = &f.area {
            if !d.areas.iter().any(|x| &x.id == a) {
                dropped.push(format!("area={a}"));
                f.area = None;
            }
        }
        if let Some(a) = &self.action {
            if !d.actions.iter().any(|x| &x.id == a) {
                dropped.push(format!("action={a}"));
                self.action = None;
            }
        }
        dropped
    }

    /// The canonical query string (with leading `?`, or empty), defaults omitted.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if self.view != View::Overview {
            pairs.push(("view", self.view.code().to_string()));
        }
        if let Some(l) = self.lang {
            pairs.push(("lang", l.code().to_string()));
        }
        let f = &self.filters;
        let joined = |v: &Vec<String>| v.join(",");
        for (k, v) in [
            ("pillar", &f.pillars),
            ("goal", &f.goals),
            ("strategy", &f.strategies),
            ("shock", &f.shocks),
            ("stress", &f.stresses),
            ("driver", &f.drivers),
            ("quality", &f.qualities),
        ] {
            if !v.is_empty() {
                pairs.push((k, joined(v)));
            }
        }
        if !f.statuses.is_empty() {
            let v: Vec<&str> = f.statuses.iter().map(|s| s.code()).collect();
            pairs.push(("status", v.join(",")));
        }
        for l in &f.leads {
            pairs.push(("lead", l.clone()));
        }
        if !f.provenance.is_empty() {
            let v: Vec<&str> = f.provenance.iter().map(|s| s.code()).collect();
            pairs.push(("prov", v.join(",")));
        }
        if let Some(a) = &f.area {
            pairs.push(("area", a.clone()));
        }
        if !f.query.is_empty() {
            pairs.push(("q", f.query.clone()));
        }
        if let Some(a) = &self.action {
            pairs.push(("action", a.clone()));
        }
        if let Some(l) = self.level {
            pairs.push(("level", l.code().to_string()));
        }
        if self.present {
            pairs.push(("present", "1".into()));
            if self.step > 0 {
                pairs.push(("step", self.step.to_string()));
            }
        }
        if self.embed {
            pairs.push(("embed", "1".into()));
        }
        if self.contrast {
            pairs.push(("contrast", "high".into()));
        }
        match self.theme {
            Theme::Auto => {}
            Theme::Light => pairs.push(("theme", "light".into())),
            Theme::Dark => pairs.push(("theme", "dark".into())),
        }
        if let Some(d) = &self.data {
            pairs.push(("data", d.clone()));
        }
        if let Some(b) = &self.boundaries {
            pairs.push(("boundaries", b.clone()));
        }
        if pairs.is_empty() {
            return String::new();
        }
        let body: Vec<String> = pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", percent_encode(&v)))
            .collect();
        format!("?{}", body.join("&"))
    }
}

fn flag(v: &str, bad: &mut bool) -> bool {
    match v {
        "1" | "true" | "" => true,
        "0" | "false" => false,
        _ => {
            *bad = true;
            false
        }
    }
}

fn non_empty(v: &str, bad: &mut bool) -> Option<String> {
    if v.trim().is_empty() {
        *bad = true;
        None
    } else {
        Some(v.trim().to_string())
    }
}
