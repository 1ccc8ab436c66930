//! A chart as a standalone SVG file for downloading: title and summary on top, the chart,
//! the note and the source line below, on a white background, with `<title>` and `<desc>`.

use super::palette;
use super::text;
use super::ChartSpec;

impl ChartSpec {
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

#[cfg(test)]
mod tests {
    use crate::charts::{ChartSpec, Table};

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
