//! A chart's data as a table: its cells (text, counts, nothing), shown in the page with
//! counts formatted for the language and written raw to the CSV, and as accessible HTML.

use super::text;
use crate::i18n::format_int;
use crate::model::Lang;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
