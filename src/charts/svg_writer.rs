//! The SVG drawing backend of the charts: implements plotters' `DrawingBackend` by writing
//! compact SVG elements into a string, and adds the two things plotters' own SVG backend
//! cannot say in one element: a dashed line (`stroke-dasharray`) and a set of separate strokes
//! (one `<path>`, e.g. hatching).
//!
//! Why: with plotters' backend a gap cell of the coverage matrix was about 40 elements (each
//! dash and each hatch line its own `<polyline>`), 80 % of the matrix's 1,100 elements; the
//! browser parsed, styled and laid them out again on every filter change. Here a gap cell is
//! five elements. The output keeps the shape plotters wrote (the same element kinds,
//! coordinates and text attributes), with the font family once on the root and no
//! default-valued attributes. Text is escaped; no `style` attribute is written (strict CSP).

use crate::model::escape::escape;
use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
    FontTransform,
};
use std::fmt::Write;

/// Writes one SVG document of a fixed size into a string.
pub struct SvgWriter<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

type Result = std::result::Result<(), DrawingErrorKind<std::fmt::Error>>;

impl<'a> SvgWriter<'a> {
    /// Opens a document of `size` pixels at the end of `out`.
    pub fn with_string(out: &'a mut String, size: (u32, u32)) -> SvgWriter<'a> {
        let (w, h) = size;
        let _ = writeln!(
            out,
            "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
             xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\">"
        );
        SvgWriter {
            out,
            size,
            closed: false,
        }
    }

    /// A polyline dashed with `dash` pixels drawn, `dash` pixels left out.
    pub fn dashed_path(
        &mut self,
        points: &[BackendCoord],
        color: BackendColor,
        width: u32,
        dash: u32,
    ) {
        if self.closed || points.len() < 2 {
            return;
        }
        self.out.push_str("<polyline fill=\"none\"");
        self.stroke(color, width);
        let _ = write!(self.out, " stroke-dasharray=\"{dash} {dash}\"");
        self.points(points);
        self.out.push_str("/>\n");
    }

    /// A rectangle filled with `fill` and outlined with a dashed stroke centred on its edge
    /// (`dash` pixels drawn, `dash` left out, from the top left corner clockwise).
    #[allow(clippy::too_many_arguments)]
    pub fn dashed_rect(
        &mut self,
        (x, y): BackendCoord,
        (w, h): (i32, i32),
        fill: BackendColor,
        color: BackendColor,
        width: u32,
        dash: u32,
    ) {
        if self.closed {
            return;
        }
        let _ = write!(
            self.out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\""
        );
        self.fill(fill);
        self.stroke(color, width);
        let _ = writeln!(self.out, " stroke-dasharray=\"{dash} {dash}\"/>");
    }

    /// Separate straight strokes, all in one `<path>`; with none, an empty `<path>` (a
    /// drawing that keeps its elements in the same places whatever it shows).
    pub fn strokes(
        &mut self,
        segments: &[(BackendCoord, BackendCoord)],
        color: BackendColor,
        width: u32,
    ) {
        if self.closed {
            return;
        }
        self.out.push_str("<path fill=\"none\"");
        self.stroke(color, width);
        self.out.push_str(" d=\"");
        for ((x1, y1), (x2, y2)) in segments {
            let _ = write!(self.out, "M{x1} {y1}L{x2} {y2}");
        }
        self.out.push_str("\"/>\n");
    }

    fn fill(&mut self, c: BackendColor) {
        let (r, g, b) = c.rgb;
        let _ = write!(self.out, " fill=\"#{r:02X}{g:02X}{b:02X}\"");
        self.opacity(c);
    }

    fn stroke(&mut self, c: BackendColor, width: u32) {
        let (r, g, b) = c.rgb;
        let _ = write!(
            self.out,
            " stroke=\"#{r:02X}{g:02X}{b:02X}\" stroke-width=\"{width}\""
        );
        self.opacity(c);
    }

    /// Ends a shape: filled with the style's colour, or outlined with it.
    fn paint<S: BackendStyle>(&mut self, style: &S, fill: bool) {
        if fill {
            self.fill(style.color());
        } else {
            self.out.push_str(" fill=\"none\"");
            self.stroke(style.color(), style.stroke_width());
        }
        self.out.push_str("/>\n");
    }

    fn opacity(&mut self, c: BackendColor) {
        if c.alpha < 1.0 {
            let _ = write!(self.out, " opacity=\"{}\"", c.alpha.max(0.0));
        }
    }

    fn points(&mut self, points: &[BackendCoord]) {
        self.out.push_str(" points=\"");
        for (k, (x, y)) in points.iter().enumerate() {
            if k > 0 {
                self.out.push(' ');
            }
            let _ = write!(self.out, "{x},{y}");
        }
        self.out.push('"');
    }
}

impl DrawingBackend for SvgWriter<'_> {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result {
        self.draw_rect((x, y), (x + 1, y + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        if self.closed {
            return Ok(());
        }
        let _ = write!(
            self.out,
            "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\"",
            x1 - x0,
            y1 - y0
        );
        self.paint(style, fill);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        if self.closed {
            return Ok(());
        }
        let points: Vec<BackendCoord> = path.into_iter().collect();
        self.out.push_str("<polyline fill=\"none\"");
        self.stroke(style.color(), style.stroke_width());
        self.points(&points);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        if self.closed {
            return Ok(());
        }
        let _ = write!(self.out, "<circle cx=\"{x}\" cy=\"{y}\" r=\"{radius}\"");
        self.paint(style, fill);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        if self.closed {
            return Ok(());
        }
        let points: Vec<BackendCoord> = vert.into_iter().collect();
        self.out.push_str("<polygon");
        self.fill(style.color());
        self.points(&points);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Result {
        if self.closed {
            return Ok(());
        }
        let anchor = style.anchor();
        let dy = match anchor.v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let h = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        let size = (style.size() * 100.0).round() / 100.0;
        let _ = write!(
            self.out,
            "<text x=\"{x}\" y=\"{y}\" dy=\"{dy}\" text-anchor=\"{h}\" font-size=\"{size}\""
        );
        self.fill(style.color());
        match style.style() {
            FontStyle::Bold => self.out.push_str(" font-weight=\"bold\""),
            FontStyle::Italic => self.out.push_str(" font-style=\"italic\""),
            FontStyle::Oblique => self.out.push_str(" font-style=\"oblique\""),
            FontStyle::Normal => {}
        }
        let turn = match style.transform() {
            FontTransform::Rotate90 => 90,
            FontTransform::Rotate180 => 180,
            FontTransform::Rotate270 => 270,
            FontTransform::None => 0,
        };
        if turn != 0 {
            let _ = write!(self.out, " transform=\"rotate({turn}, {x}, {y})\"");
        }
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str("</text>\n");
        Ok(())
    }
}

impl Drop for SvgWriter<'_> {
    fn drop(&mut self) {
        let _ = self.present();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RED: BackendColor = BackendColor {
        alpha: 1.0,
        rgb: (200, 30, 40),
    };

    #[test]
    fn a_dashed_outline_and_hatching_are_one_element_each() {
        let mut s = String::new();
        {
            let mut w = SvgWriter::with_string(&mut s, (60, 40));
            w.dashed_path(&[(1, 1), (50, 1), (50, 30), (1, 30), (1, 1)], RED, 2, 4);
            w.strokes(&[((0, 7), (7, 0)), ((0, 14), (14, 0))], RED, 1);
        }
        assert_eq!(s.matches("<polyline").count(), 1);
        assert!(s.contains("stroke-dasharray=\"4 4\""), "{s}");
        assert_eq!(s.matches("<path").count(), 1);
        assert!(s.contains("d=\"M0 7L7 0M0 14L14 0\""), "{s}");
        assert!(s.trim_end().ends_with("</svg>"), "closed once on drop");
        assert_eq!(s.matches("</svg>").count(), 1);
    }

    #[test]
    fn text_is_escaped_and_nothing_is_written_after_the_end() {
        let mut s = String::new();
        {
            let mut w = SvgWriter::with_string(&mut s, (10, 10));
            let _ = w.draw_rect((0, 0), (4, 4), &RED, true);
            let _ = w.present();
            let _ = w.draw_rect((0, 0), (4, 4), &RED, true);
        }
        assert_eq!(s.matches("<rect").count(), 1);
        assert!(s.contains("fill=\"#C81E28\""), "{s}");
        assert!(
            !s.contains("opacity"),
            "opaque colours write no opacity: {s}"
        );
    }
}
