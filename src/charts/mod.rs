//! Charts as plain Rust (no Leptos, no browser): each chart is a function from the dataset,
//! the indices of the actions matching the filters, the language and a width in pixels to a
//! [`ChartSpec`]: the SVG drawn with plotters, a title, a one-sentence summary, the table of
//! exactly the data drawn, the CSV of that table, and the hit regions of its interactive marks
//! (which the user interface overlays with focusable targets). Tested natively.
//!
//! CSV convention: the header row of the table, one row per table row (numbers unformatted),
//! and a last `source` column on every row naming the dataset, its date, its licence and the
//! link of the view, so any row copied elsewhere keeps its source.

pub mod bars;
pub mod draw;
pub mod matrix;
pub mod palette;
pub mod text;
pub mod timeline;

use crate::i18n::{self, format_int};
use crate::model::{Dataset, Facet, Filters, Lang};

/// What every chart is drawn from.
#[derive(Debug, Clone, Copy)]
pub struct ChartInput<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// Indices of the actions matching the filters.
    pub matching: &'a [usize],
    /// The filters (to mark selected values and to name files).
    pub filters: &'a Filters,
    /// Interface language.
    pub lang: Lang,
    /// Available width in CSS pixels.
    pub width: u32,
}

impl ChartInput<'_> {
    /// True when the dataset lists aligned initiatives rather than the strategy's actions.
    pub fn aligned(&self) -> bool {
        self.dataset.meta.actions_are == crate::model::ActionsAre::AlignedInitiatives
    }

    /// "12 aksi" / "12 inisiatif" / "1 action" / "12 initiatives".
    pub fn n_actions(&self, n: usize) -> String {
        let key = match (self.aligned(), n == 1) {
            (true, true) => "charts.n_initiatives_one",
            (true, false) => "charts.n_initiatives",
            (false, true) => "charts.n_actions_one",
            (false, false) => "charts.n_actions",
        };
        i18n::tf(self.lang, key, &[("n", format_int(n, self.lang))])
    }

    /// "inisiatif"/"aksi" ("initiatives"/"actions"), capitalised when `cap`.
    pub fn noun(&self, cap: bool) -> &'static str {
        let key = match (self.aligned(), cap) {
            (true, false) => "charts.noun_initiatives",
            (true, true) => "charts.noun_initiatives_cap",
            (false, false) => "charts.noun_actions",
            (false, true) => "charts.noun_actions_cap",
        };
        i18n::t(self.lang, key)
    }

    /// The number formatted for the language.
    pub fn num(&self, n: usize) -> String {
        format_int(n, self.lang)
    }
}

/// One cell of a chart's table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A count (formatted per language in the page, plain in the CSV).
    Num(usize),
    /// Nothing known.
    Empty,
}

impl Cell {
    /// The cell as shown in the page.
    pub fn show(&self, lang: Lang) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Num(n) => format_int(*n, lang),
            Cell::Empty => "—".to_string(),
        }
    }

    /// The cell as written to the CSV.
    pub fn raw(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Num(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// The data a chart shows, as a table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Caption.
    pub caption: String,
    /// Column headers.
    pub header: Vec<String>,
    /// Rows; the first cell of each row is its header.
    pub rows: Vec<Vec<Cell>>,
}

/// What activating a mark does.
#[derive(Debug, Clone, PartialEq)]
pub enum HitAction {
    /// Sets these facets to exactly these values (a matrix cell: pillar and hazard).
    Set(Vec<(Facet, String)>),
    /// Removes these filter values (an active matrix cell, clicked again).
    Clear(Vec<(Facet, String)>),
    /// Adds or removes one filter value (a bar).
    Toggle(Facet, String),
    /// Opens one action's details.
    Open(String),
    /// Expands or collapses a matrix row (pillar id).
    Expand(String),
    /// Nothing: the mark only has a tooltip.
    None,
}

/// An interactive mark: a box in the SVG's pixel space with a description and an action.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Left.
    pub x: i32,
    /// Top.
    pub y: i32,
    /// Width.
    pub w: i32,
    /// Height.
    pub h: i32,
    /// Stable key (e.g. `siap|flood`), used by tests.
    pub key: String,
    /// Full description, used as the accessible name and the tooltip.
    pub label: String,
    /// What activating it does.
    pub action: HitAction,
    /// Position in the visual grid (row, column), for arrow-key navigation.
    pub grid: (i32, i32),
    /// For expandable rows: whether it is expanded.
    pub expanded: Option<bool>,
    /// For filter marks: whether the value is an active filter.
    pub pressed: Option<bool>,
}

/// A drawn chart with everything the page and the downloads need.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    /// File-name part and DOM id, e.g. `coverage-matrix`.
    pub slug: &'static str,
    /// Title.
    pub title: String,
    /// One sentence saying what the chart shows.
    pub summary: String,
    /// A note below the chart (what is left out), if any.
    pub note: Option<String>,
    /// Width of the SVG in pixels.
    pub width: u32,
    /// Height of the SVG in pixels.
    pub height: u32,
    /// The SVG document drawn by plotters.
    pub svg: String,
    /// The same data as a table.
    pub table: Table,
    /// Interactive marks.
    pub hits: Vec<Hit>,
}

/// The source line of downloads: dataset, date, licence and the view's link.
pub fn source_line(d: &Dataset, lang: Lang, link: &str) -> String {
    let date = d
        .meta
        .dataset_date
        .clone()
        .unwrap_or_else(|| "—".to_string());
    let s = i18n::tf(
        lang,
        "charts.source_line",
        &[
            ("title", d.meta.title.get(lang).to_string()),
            ("id", d.meta.id.clone()),
            ("date", date),
            ("licence", d.meta.licence.clone()),
        ],
    );
    if link.is_empty() {
        s
    } else {
        format!("{s} {link}")
    }
}

impl ChartSpec {
    /// The file name for a download: dataset, chart, active filters, extension.
    pub fn file_name(&self, d: &Dataset, filters: &Filters, ext: &str) -> String {
        let mut parts = vec![text::slug(&d.meta.id), self.slug.to_string()];
        let mut f: Vec<String> = Vec::new();
        for list in [
            &filters.pillars,
            &filters.goals,
            &filters.strategies,
            &filters.shocks,
            &filters.stresses,
            &filters.drivers,
            &filters.qualities,
            &filters.leads,
        ] {
            f.extend(list.iter().cloned());
        }
        f.extend(filters.statuses.iter().map(|s| s.code().to_string()));
        f.extend(filters.provenance.iter().map(|s| s.code().to_string()));
        f.extend(filters.area.iter().cloned());
        if !filters.query.trim().is_empty() {
            f.push(filters.query.clone());
        }
        let mut tail = text::slug(&f.join("-"));
        if tail.len() > 60 {
            tail.truncate(60);
            tail = tail.trim_end_matches('-').to_string();
        }
        if !tail.is_empty() {
            parts.push(tail);
        }
        format!("{}.{ext}", parts.join("-"))
    }

    /// The CSV: table header plus a `source` column, one line per table row.
    pub fn csv(&self, source: &str) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut header: Vec<&str> = self.table.header.iter().map(String::as_str).collect();
        header.push("source");
        let _ = w.write_record(&header);
        for row in &self.table.rows {
            let mut cells: Vec<String> = row.iter().map(Cell::raw).collect();
            cells.push(source.to_string());
            let _ = w.write_record(&cells);
        }
        let bytes = w.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// A standalone SVG for downloading: title and summary on top, the chart, the source
    /// line below, on a white background, with `<title>` and `<desc>`.
    pub fn standalone_svg(&self, source: &str) -> String {
        let w = self.width as f64;
        let pad = 12.0;
        let title_lines = text::wrap(&self.title, 17.0, w - 2.0 * pad, 3);
        let summary_lines = text::wrap(&self.summary, 13.0, w - 2.0 * pad, 4);
        let mut note_lines = Vec::new();
        if let Some(n) = &self.note {
            note_lines = text::wrap(n, 12.0, w - 2.0 * pad, 4);
        }
        let source_lines = text::wrap(source, 11.0, w - 2.0 * pad, 5);
        let top = pad + title_lines.len() as f64 * 22.0 + summary_lines.len() as f64 * 18.0 + 6.0;
        let bottom =
            8.0 + (note_lines.len() as f64) * 16.0 + source_lines.len() as f64 * 15.0 + pad;
        let total_h = (top + self.height as f64 + bottom).ceil() as u32;
        let mut s = String::with_capacity(self.svg.len() + 2048);
        s.push_str(&format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">\n",
            self.width, total_h, self.width, total_h
        ));
        s.push_str(&format!("<title>{}</title>\n", text::escape(&self.title)));
        s.push_str(&format!("<desc>{}</desc>\n", text::escape(&self.summary)));
        s.push_str(&format!(
            "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n",
            self.width,
            total_h,
            palette::PAPER.hex()
        ));
        let mut y = pad;
        let line = |s: &mut String, y: f64, size: f64, color: palette::Rgb, bold: bool, t: &str| {
            s.push_str(&format!(
                "<text x=\"{pad}\" y=\"{:.1}\" font-family=\"sans-serif\" font-size=\"{size}\"{} fill=\"{}\">{}</text>\n",
                y,
                if bold { " font-weight=\"bold\"" } else { "" },
                color.hex(),
                text::escape(t)
            ));
        };
        for t in &title_lines {
            y += 22.0;
            line(&mut s, y - 5.0, 17.0, palette::TEXT, true, t);
        }
        for t in &summary_lines {
            y += 18.0;
            line(&mut s, y - 4.0, 13.0, palette::TEXT, false, t);
        }
        s.push_str(&format!("<g transform=\"translate(0,{:.0})\">\n", top));
        s.push_str(self.svg.trim());
        s.push_str("\n</g>\n");
        let mut y = top + self.height as f64 + 8.0;
        for t in &note_lines {
            y += 16.0;
            line(&mut s, y - 4.0, 12.0, palette::MUTED, false, t);
        }
        for t in &source_lines {
            y += 15.0;
            line(&mut s, y - 4.0, 11.0, palette::MUTED, false, t);
        }
        s.push_str("</svg>\n");
        s
    }
}

/// Applies a mark's action to the filters (Open and Expand leave them alone). A matrix cell
/// replaces the pillar (or goal) and the hazard selection; setting a shock clears stresses
/// and vice versa, since the two filters must both hold.
pub fn apply_hit(filters: &mut Filters, action: &HitAction) {
    match action {
        HitAction::Set(pairs) => {
            let has = |f: Facet| pairs.iter().any(|(x, _)| *x == f);
            if has(Facet::Shock) || has(Facet::Stress) {
                filters.shocks.clear();
                filters.stresses.clear();
            }
            if has(Facet::Pillar) || has(Facet::Goal) {
                filters.pillars.clear();
                filters.goals.clear();
            }
            for (facet, value) in pairs {
                if !filters.has(*facet, value) {
                    filters.toggle(*facet, value);
                }
            }
        }
        HitAction::Clear(pairs) => {
            for (facet, value) in pairs {
                if filters.has(*facet, value) {
                    filters.toggle(*facet, value);
                }
            }
        }
        HitAction::Toggle(facet, value) => filters.toggle(*facet, value),
        HitAction::Open(_) | HitAction::Expand(_) | HitAction::None => {}
    }
}

/// The mark to move to from mark `from` with an arrow key (`dr`, `dc` are -1, 0 or 1): the
/// nearest mark in that direction of the visual grid (rows may have different columns).
pub fn neighbour(hits: &[Hit], from: usize, dr: i32, dc: i32) -> Option<usize> {
    let (r0, c0) = hits.get(from)?.grid;
    hits.iter()
        .enumerate()
        .filter(|(i, h)| {
            *i != from
                && if dr != 0 {
                    (h.grid.0 - r0) * dr > 0
                } else {
                    h.grid.0 == r0 && (h.grid.1 - c0) * dc > 0
                }
        })
        .min_by_key(|(_, h)| {
            if dr != 0 {
                ((h.grid.0 - r0).abs(), (h.grid.1 - c0).abs())
            } else {
                ((h.grid.1 - c0).abs(), 0)
            }
        })
        .map(|(i, _)| i)
}

/// The focusable targets over a chart's marks as SVG markup (every text escaped): one
/// transparent `<rect class="hit">` per mark with its index (`data-i`), key, role,
/// accessible name and states. Only mark `tab` is in the tab order: one tab stop per chart,
/// arrow keys move between marks.
pub fn hits_markup(hits: &[Hit], tab: usize) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(hits.len() * 200);
    for (i, h) in hits.iter().enumerate() {
        let interactive = h.action != HitAction::None;
        let _ = write!(
            s,
            "<rect class=\"hit{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"transparent\" data-i=\"{i}\" data-key=\"{}\" tabindex=\"{}\" role=\"{}\" aria-label=\"{}\"",
            if interactive { "" } else { " static-mark" },
            h.x,
            h.y,
            h.w.max(1),
            h.h.max(1),
            text::escape(&h.key),
            if i == tab { "0" } else { "-1" },
            if interactive { "button" } else { "img" },
            text::escape(&h.label),
        );
        for (name, v) in [("aria-expanded", h.expanded), ("aria-pressed", h.pressed)] {
            if let Some(v) = v {
                let _ = write!(s, " {name}=\"{v}\"");
            }
        }
        s.push_str("></rect>");
    }
    s
}

/// The chart's table as HTML (every text escaped): a `<caption>`, column headers with
/// `scope="col"`, the first cell of each row as a row header, counts right-aligned and
/// formatted for the language.
pub fn table_html(t: &Table, lang: Lang) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(256 + t.rows.len() * 80);
    let _ = write!(
        s,
        "<table><caption>{}</caption><thead><tr>",
        text::escape(&t.caption)
    );
    for h in &t.header {
        let _ = write!(s, "<th scope=\"col\">{}</th>", text::escape(h));
    }
    s.push_str("</tr></thead><tbody>");
    for row in &t.rows {
        s.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let v = text::escape(&c.show(lang));
            if i == 0 {
                let _ = write!(s, "<th scope=\"row\">{v}</th>");
            } else if matches!(c, Cell::Num(_)) {
                let _ = write!(s, "<td class=\"num\">{v}</td>");
            } else {
                let _ = write!(s, "<td>{v}</td>");
            }
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
    s
}

/// Width and height from an SVG document's root `width` and `height` attributes.
pub fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let head = &svg[..svg.find('>')?];
    let attr = |name: &str| -> Option<u32> {
        let pat = format!(" {name}=\"");
        let i = head.find(&pat)? + pat.len();
        head[i..].split('"').next()?.parse().ok()
    };
    Some((attr("width")?, attr("height")?))
}

/// Positions `0..n` ordered by `key(i)` (smaller first), ties by position. Every chart sorts
/// through this one `u64` sort, which keeps the wasm small; keys must stay below 2^40.
pub fn order_by(n: usize, key: impl Fn(usize) -> u64) -> Vec<usize> {
    let mut keys: Vec<u64> = (0..n).map(|i| (key(i) << 24) | i as u64).collect();
    keys.sort_unstable();
    keys.into_iter().map(|k| (k & 0xff_ffff) as usize).collect()
}

/// The "no matching actions" sentence.
pub fn empty_summary(inp: &ChartInput) -> String {
    let key = if inp.aligned() {
        "charts.empty_initiatives"
    } else {
        "charts.empty_actions"
    };
    i18n::t(inp.lang, key).to_string()
}

#[cfg(test)]
pub(crate) mod testdata;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    /// Every `lang, "key"` lookup in the chart code names a key of the i18n tables (the
    /// interface-wide test only scans the `t(lang, …` spelling).
    #[test]
    fn every_chart_key_exists() {
        let known = i18n::keys(Lang::Id);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/charts");
        let mut missing = Vec::new();
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let text = std::fs::read_to_string(e.path()).unwrap_or_default();
            for pat in ["lang, \"", "lang,\n        \"", "\"charts."] {
                for (i, _) in text.match_indices(pat) {
                    let start = if pat.starts_with('"') {
                        i + 1
                    } else {
                        i + pat.len()
                    };
                    let rest = &text[start..];
                    let key = &rest[..rest.find('"').unwrap_or(0)];
                    if key.contains('.')
                        && !key.ends_with('.')
                        && !key.contains(' ')
                        && !known.contains(&key)
                    {
                        missing.push(format!("{}: {key}", e.path().display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn matrix_cell_replaces_pillar_and_hazard() {
        let mut f = Filters {
            pillars: vec!["sehat".into()],
            stresses: vec!["congestion".into()],
            statuses: vec![Status::Ongoing],
            ..Default::default()
        };
        apply_hit(
            &mut f,
            &HitAction::Set(vec![
                (Facet::Pillar, "siap".into()),
                (Facet::Shock, "flood".into()),
            ]),
        );
        assert_eq!(f.pillars, vec!["siap".to_string()]);
        assert_eq!(f.shocks, vec!["flood".to_string()]);
        assert!(f.stresses.is_empty(), "the other hazard kind is cleared");
        assert_eq!(f.statuses, vec![Status::Ongoing], "other filters stay");
        apply_hit(&mut f, &HitAction::Toggle(Facet::Status, "ongoing".into()));
        assert!(f.statuses.is_empty());
        apply_hit(
            &mut f,
            &HitAction::Clear(vec![
                (Facet::Pillar, "siap".into()),
                (Facet::Shock, "flood".into()),
            ]),
        );
        assert!(f.is_empty());
    }

    fn hit(key: &str, grid: (i32, i32)) -> Hit {
        Hit {
            x: 0,
            y: 0,
            w: 1,
            h: 1,
            key: key.into(),
            label: key.into(),
            action: HitAction::None,
            grid,
            expanded: None,
            pressed: None,
        }
    }

    #[test]
    fn arrow_keys_move_through_the_grid() {
        // Row 0: a label and two cells; row 1: a label and two cells; row 2: one label.
        let hits = vec![
            hit("r0", (0, 0)),
            hit("a", (0, 1)),
            hit("b", (0, 2)),
            hit("r1", (1, 0)),
            hit("c", (1, 1)),
            hit("d", (1, 2)),
            hit("r2", (2, 0)),
        ];
        assert_eq!(neighbour(&hits, 1, 0, 1), Some(2));
        assert_eq!(neighbour(&hits, 2, 0, 1), None, "stops at the row's end");
        assert_eq!(neighbour(&hits, 1, 1, 0), Some(4), "down keeps the column");
        assert_eq!(
            neighbour(&hits, 5, 1, 0),
            Some(6),
            "nearest in the next row"
        );
        assert_eq!(neighbour(&hits, 4, -1, 0), Some(1));
        assert_eq!(neighbour(&hits, 0, -1, 0), None);
        assert_eq!(neighbour(&hits, 9, 1, 0), None);
    }

    #[test]
    fn hit_markup_is_escaped_and_complete() {
        let mut h = hit("a\"b", (0, 0));
        h.label = "<script>alert(1)</script> & \"x\"".into();
        h.action = HitAction::Toggle(Facet::Lead, "x".into());
        h.pressed = Some(true);
        let mut other = hit("b", (1, 0));
        other.expanded = Some(false);
        let m = hits_markup(&[h, other], 1);
        assert!(!m.contains("<script"));
        assert!(
            m.contains("aria-label=\"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;\"")
        );
        assert!(m.contains("data-key=\"a&quot;b\""));
        assert!(m.contains("role=\"button\""));
        assert!(m.contains("aria-pressed=\"true\""));
        assert!(
            m.contains("class=\"hit static-mark\""),
            "no action: not a button"
        );
        assert!(m.contains("role=\"img\""));
        assert!(m.contains("aria-expanded=\"false\""));
        assert_eq!(m.matches("<rect ").count(), 2);
        assert_eq!(m.matches("tabindex=\"-1\"").count(), 1);
        assert!(m.contains("data-i=\"1\" data-key=\"b\" tabindex=\"0\""));
        assert!(!m.contains("style="));
    }

    #[test]
    fn tables_are_real_and_escaped() {
        let t = Table {
            caption: "Cap <b>".into(),
            header: vec!["Lembaga".into(), "Jumlah".into()],
            rows: vec![
                vec![Cell::Text("<script>x</script>".into()), Cell::Num(1234)],
                vec![Cell::Text("B".into()), Cell::Empty],
            ],
        };
        let h = table_html(&t, Lang::Id);
        assert!(h.starts_with("<table><caption>Cap &lt;b&gt;</caption>"));
        assert!(h.contains("<th scope=\"col\">Lembaga</th><th scope=\"col\">Jumlah</th>"));
        assert!(h.contains("<tr><th scope=\"row\">&lt;script&gt;x&lt;/script&gt;</th><td class=\"num\">1.234</td></tr>"));
        assert!(h.contains("<td>—</td>"));
        assert!(!h.contains("<script"));
        assert_eq!(h.matches("<tr>").count(), 3);
    }

    #[test]
    fn order_by_sorts_by_key_then_position() {
        assert_eq!(order_by(4, |i| [3, 1, 3, 0][i]), vec![3, 1, 0, 2]);
        assert!(order_by(0, |_| 0).is_empty());
    }

    #[test]
    fn svg_size_reads_the_root() {
        assert_eq!(
            svg_size("<svg xmlns=\"x\" width=\"640\" height=\"480\" viewBox=\"0 0 640 480\">"),
            Some((640, 480))
        );
        assert_eq!(svg_size("<svg>"), None);
    }

    #[test]
    fn file_names_follow_the_view() {
        let d = testdata::tiny();
        let spec = ChartSpec {
            slug: "coverage-matrix",
            title: String::new(),
            summary: String::new(),
            note: None,
            width: 10,
            height: 10,
            svg: String::new(),
            table: Table::default(),
            hits: vec![],
        };
        let mut f = Filters::default();
        assert_eq!(spec.file_name(&d, &f, "svg"), "tiny-coverage-matrix.svg");
        f.pillars.push("siap".into());
        f.shocks.push("flood".into());
        assert_eq!(
            spec.file_name(&d, &f, "csv"),
            "tiny-coverage-matrix-siap-flood.csv"
        );
    }

    #[test]
    fn csv_has_a_header_a_source_column_and_quotes() {
        let spec = ChartSpec {
            slug: "by-lead",
            title: "t".into(),
            summary: "s".into(),
            note: None,
            width: 100,
            height: 50,
            svg: "<svg></svg>".into(),
            table: Table {
                caption: "c".into(),
                header: vec!["Lembaga".into(), "Jumlah".into()],
                rows: vec![
                    vec![Cell::Text("Dinas \"A\", Jakarta".into()), Cell::Num(1234)],
                    vec![Cell::Text("B".into()), Cell::Empty],
                ],
            },
            hits: vec![],
        };
        let csv = spec.csv("Sumber: X, CC BY 4.0");
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], "Lembaga,Jumlah,source");
        assert_eq!(
            lines[1],
            "\"Dinas \"\"A\"\", Jakarta\",1234,\"Sumber: X, CC BY 4.0\""
        );
        assert_eq!(lines[2], "B,,\"Sumber: X, CC BY 4.0\"");
    }

    #[test]
    fn standalone_svg_has_title_desc_source_and_escapes() {
        let spec = ChartSpec {
            slug: "x",
            title: "<script>alert(1)</script>".into(),
            summary: "a & b".into(),
            note: Some("n".into()),
            width: 300,
            height: 40,
            svg: "<svg width=\"300\" height=\"40\"></svg>".into(),
            table: Table::default(),
            hits: vec![],
        };
        let s = spec.standalone_svg("Source <x>");
        assert!(s.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(s.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assert!(s.contains("<desc>a &amp; b</desc>"));
        assert!(s.contains("Source &lt;x&gt;"));
        assert!(!s.contains("<script>"));
        assert!(!s.contains("style="));
    }
}
