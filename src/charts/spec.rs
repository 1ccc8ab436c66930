//! A drawn chart ([`ChartSpec`]) with what the page and the downloads need: its file names
//! (dataset, chart, active filters), its CSV with a source column, and the source line.

use super::draw::Drawing;
use super::text;
use super::{Cell, Hit, Table};
use crate::i18n;
use crate::model::{Dataset, Facet, Filters, Lang};

/// A drawn chart with everything the page and the downloads need (the default is an empty
/// drawing, for tests that need only a name).
#[derive(Debug, Clone, PartialEq, Default)]
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
    let s = i18n::fill(
        i18n::texts(lang).charts.source_line,
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
    /// The chart `slug`: what it says, its table and its drawing.
    pub fn new(
        slug: &'static str,
        title: String,
        summary: String,
        note: Option<String>,
        table: Table,
        drawing: Drawing,
    ) -> ChartSpec {
        ChartSpec {
            slug,
            title,
            summary,
            note,
            width: drawing.width,
            height: drawing.height,
            svg: drawing.svg,
            table,
            hits: drawing.hits,
        }
    }

    /// The file name for a download: dataset, chart, active filters, extension.
    pub fn file_name(&self, d: &Dataset, filters: &Filters, ext: &str) -> String {
        let mut parts = vec![text::slug(&d.meta.id), self.slug.to_string()];
        let mut f: Vec<String> = Vec::new();
        for facet in Facet::ALL {
            if facet.def().in_file_name {
                let values = filters.values(facet);
                f.extend(values.iter().filter(|v| !v.trim().is_empty()).cloned());
            }
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testdata;

    #[test]
    fn file_names_follow_the_view() {
        let d = testdata::tiny();
        let spec = ChartSpec {
            slug: "coverage-matrix",
            ..ChartSpec::default()
        };
        let mut f = Filters::default();
        assert_eq!(spec.file_name(&d, &f, "svg"), "tiny-coverage-matrix.svg");
        f.toggle(Facet::Pillar, "siap");
        f.toggle(Facet::Shock, "flood");
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
}
