//! The shareable view state and its URL query string: view, language, every filter, the
//! selected action, map level, presentation and embed modes, theme and data URLs. Parsing
//! ignores unknown parameters and drops invalid values with a notice; writing is canonical,
//! so that every view is a link.

use super::facet::{Facet, UrlForm};
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

/// One chart an embedded page can show alone (`part=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EmbedChart {
    /// The coverage matrix.
    Matrix,
    /// Initiatives by pillar.
    Pillars,
    /// Initiatives by status.
    Status,
    /// Initiatives by lead agency.
    Lead,
    /// Initiatives by driver.
    Driver,
    /// The initiatives' timeframes (Gantt).
    Gantt,
}

/// What an embedded page shows (`part=`; only with `embed=1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum EmbedPart {
    /// The view in `view=` (the default).
    #[default]
    View,
    /// The whole explorer: every view, with the views' tabs.
    Explorer,
    /// One chart, with its table and downloads.
    Chart(EmbedChart),
    /// The map alone.
    Map,
}

impl EmbedPart {
    /// Every part, in the order the embed builder offers them.
    pub const ALL: [EmbedPart; 9] = [
        EmbedPart::Explorer,
        EmbedPart::View,
        EmbedPart::Chart(EmbedChart::Matrix),
        EmbedPart::Chart(EmbedChart::Pillars),
        EmbedPart::Chart(EmbedChart::Status),
        EmbedPart::Chart(EmbedChart::Lead),
        EmbedPart::Chart(EmbedChart::Driver),
        EmbedPart::Chart(EmbedChart::Gantt),
        EmbedPart::Map,
    ];

    /// The value used in URLs (`view` is the default and not written).
    pub fn code(self) -> &'static str {
        match self {
            EmbedPart::View => "view",
            EmbedPart::Explorer => "explorer",
            EmbedPart::Chart(EmbedChart::Matrix) => "matrix",
            EmbedPart::Chart(EmbedChart::Pillars) => "pillars",
            EmbedPart::Chart(EmbedChart::Status) => "status",
            EmbedPart::Chart(EmbedChart::Lead) => "lead",
            EmbedPart::Chart(EmbedChart::Driver) => "driver",
            EmbedPart::Chart(EmbedChart::Gantt) => "gantt",
            EmbedPart::Map => "map",
        }
    }

    /// Parses the URL value.
    pub fn from_code(s: &str) -> Option<EmbedPart> {
        EmbedPart::ALL.into_iter().find(|p| p.code() == s)
    }

    /// The view that holds this part (where "open the full explorer" goes), or `None` when
    /// the part is a whole view already.
    pub fn view(self) -> Option<View> {
        match self {
            EmbedPart::View | EmbedPart::Explorer => None,
            EmbedPart::Chart(_) => Some(View::Charts),
            EmbedPart::Map => Some(View::Map),
        }
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
    /// The presenter's deck being presented (`deck=`, its link as `model::deck::codec`
    /// writes it; read by the lazy module, so the first view does not decode it).
    pub deck: Option<String>,
    /// Embed mode (no site chrome).
    pub embed: bool,
    /// Embedded: what the page shows (`part=`).
    pub part: EmbedPart,
    /// Embedded: the filter panel hidden (`filters=0`).
    pub no_filters: bool,
    /// Embedded: the header hidden (`header=0`); the link to the full explorer stays.
    pub no_header: bool,
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
            let max = if k == "deck" {
                super::deck::codec::MAX_LINK_CHARS
            } else {
                MAX_VALUE_LEN
            };
            if v.len() > max {
                notices.push(format!("{k}=…"));
                continue;
            }
            let mut bad = false;
            if let Some(facet) = Facet::from_key(&k) {
                let (values, rejected) = read_values(facet, &v, s.filters.values(facet));
                s.filters.set(facet, values);
                notices.extend(rejected.into_iter().map(|x| format!("{k}={x}")));
                continue;
            }
            match k.as_str() {
                "view" => match View::from_code(&v) {
                    Some(x) => s.view = x,
                    None => bad = true,
                },
                "lang" => match Lang::from_code(&v) {
                    Some(l) => s.lang = Some(l),
                    None => bad = true,
                },
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
                "part" => match EmbedPart::from_code(&v) {
                    Some(p) => s.part = p,
                    None => bad = true,
                },
                "filters" => s.no_filters = !flag(&v, &mut bad) && !bad,
                "header" => s.no_header = !flag(&v, &mut bad) && !bad,
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
                "deck" => s.deck = non_empty(&v, &mut bad),
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
        for facet in Facet::ALL {
            let def = facet.def();
            if self.filters.values(facet).is_empty() || def.url == UrlForm::Text {
                continue;
            }
            let options = (def.options)(d);
            let (kept, gone): (Vec<String>, Vec<String>) = self
                .filters
                .values(facet)
                .iter()
                .cloned()
                .partition(|v| options.iter().any(|o| &o.value == v));
            dropped.extend(gone.into_iter().map(|v| format!("{}={v}", def.key)));
            self.filters.set(facet, kept);
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
        for facet in Facet::ALL {
            let key = facet.def().key;
            let values = self.filters.values(facet);
            match facet.def().url {
                _ if values.is_empty() => {}
                UrlForm::Comma => pairs.push((key, values.join(","))),
                UrlForm::Repeated | UrlForm::One | UrlForm::Text => {
                    pairs.extend(values.iter().map(|v| (key, v.clone())))
                }
            }
        }
        if let Some(a) = &self.action {
            pairs.push(("action", a.clone()));
        }
        if let Some(l) = self.level {
            pairs.push(("level", l.code().to_string()));
        }
        if self.present {
            pairs.push(("present", "1".into()));
            if let Some(d) = &self.deck {
                pairs.push(("deck", d.clone()));
            }
            if self.step > 0 {
                pairs.push(("step", self.step.to_string()));
            }
        }
        if self.embed {
            pairs.push(("embed", "1".into()));
        }
        if self.part != EmbedPart::View {
            pairs.push(("part", self.part.code().into()));
        }
        if self.no_filters {
            pairs.push(("filters", "0".into()));
        }
        if self.no_header {
            pairs.push(("header", "0".into()));
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

/// The values of `facet` in URL parameter value `v`, added to those `before` it (a
/// parameter may repeat), and the parts it does not accept.
fn read_values(facet: Facet, v: &str, before: &[String]) -> (Vec<String>, Vec<String>) {
    let def = facet.def();
    let mut values = before.to_vec();
    let mut rejected = Vec::new();
    let parts: Vec<&str> = match def.url {
        UrlForm::Comma => v.split(',').collect(),
        UrlForm::Repeated | UrlForm::Text | UrlForm::One => vec![v],
    };
    for part in parts {
        let value = match def.url {
            UrlForm::Comma | UrlForm::One => part.trim(),
            UrlForm::Repeated | UrlForm::Text => part,
        };
        if def.url == UrlForm::Text {
            values = vec![value.to_string()];
        } else if value.trim().is_empty() {
            if def.url == UrlForm::One {
                rejected.push(part.to_string());
            }
        } else if !(def.accepts)(value) {
            rejected.push(part.to_string());
        } else if def.url == UrlForm::One {
            values = vec![value.to_string()];
        } else if !values.iter().any(|x| x == value) {
            values.push(value.to_string());
        }
    }
    (values, rejected)
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
