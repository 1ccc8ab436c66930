//! A thin pen over a plotters drawing backend (`svg_writer.rs`): rectangles, lines, dashed
//! outlines, hatching, dots, triangles and text, in integer pixels. Charts lay themselves out
//! (see `text.rs` for label widths) and draw only with these primitives, so plotters never
//! measures text (in the browser that would insert styled spans into the page) and the wasm
//! stays small. The backend escapes the text it writes. A dashed line and a hatching are one
//! SVG element each, so the page has few elements to lay out when a chart is redrawn.

use super::palette::{self, Rgb};
use super::svg_writer::SvgWriter;
use super::Hit;
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{
    Color, FontDesc, FontFamily, FontStyle, FontTransform, RGBColor, ShapeStyle, TextStyle,
};

/// Horizontal anchor of a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text starts at x.
    Start,
    /// Text is centred on x.
    Middle,
    /// Text ends at x.
    End,
}

/// A text style: size in pixels, colour, weight, anchor, and whether it reads upwards.
#[derive(Debug, Clone, Copy)]
pub struct Font {
    /// Size in CSS pixels.
    pub size: f64,
    /// Colour.
    pub color: Rgb,
    /// Bold.
    pub bold: bool,
    /// Anchor.
    pub align: Align,
    /// Rotated 90° counter-clockwise (reads bottom to top).
    pub up: bool,
}

impl Font {
    /// A regular label.
    pub fn new(size: f64, color: Rgb) -> Font {
        Font {
            size,
            color,
            bold: false,
            align: Align::Start,
            up: false,
        }
    }
    /// Bold.
    pub fn bold(mut self) -> Font {
        self.bold = true;
        self
    }
    /// With an anchor.
    pub fn align(mut self, a: Align) -> Font {
        self.align = a;
        self
    }
    /// Reading upwards.
    pub fn up(mut self) -> Font {
        self.up = true;
        self
    }
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Diagonal lines from lower left to upper right inside a box, `gap` apart.
fn hatch_lines(x: i32, y: i32, w: i32, h: i32, gap: i32) -> Vec<((i32, i32), (i32, i32))> {
    let gap = gap.max(3);
    // Lines x' + y' = c for c in (0, w + h), clipped to the box.
    let mut lines = Vec::new();
    let mut c = gap;
    while c < w + h {
        let (x1, y1) = if c <= h { (0, c) } else { (c - h, h) };
        let (x2, y2) = if c <= w { (c, 0) } else { (w, c - w) };
        lines.push(((x + x1, y + y1), (x + x2, y + y2)));
        c += gap;
    }
    lines
}

/// Draws into an SVG string of a given size.
pub struct Pen<'a> {
    svg: SvgWriter<'a>,
}

impl<'a> Pen<'a> {
    /// Starts an SVG document of `w` × `h` pixels in `buf` (finish with [`Pen::finish`]).
    pub fn new(buf: &'a mut String, w: u32, h: u32) -> Pen<'a> {
        Pen {
            svg: SvgWriter::with_string(buf, (w.max(1), h.max(1))),
        }
    }

    /// A filled rectangle.
    pub fn rect(&mut self, x: i32, y: i32, w: i32, h: i32, fill: Rgb) {
        if w <= 0 || h <= 0 {
            return;
        }
        let _ = self.svg.draw_rect((x, y), (x + w, y + h), &rgb(fill), true);
    }

    /// A rectangle outline of `width` pixels, drawn inside the box.
    pub fn outline(&mut self, x: i32, y: i32, w: i32, h: i32, color: Rgb, width: u32) {
        let o = (width as i32) / 2;
        let pts = vec![
            (x + o, y + o),
            (x + w - o, y + o),
            (x + w - o, y + h - o),
            (x + o, y + h - o),
            (x + o, y + o),
        ];
        let _ = self.svg.draw_path(pts, &style(color, width));
    }

    /// A straight line.
    pub fn line(&mut self, from: (i32, i32), to: (i32, i32), color: Rgb, width: u32) {
        let _ = self.svg.draw_path(vec![from, to], &style(color, width));
    }

    /// A dashed straight line (dash and gap in pixels).
    pub fn dashed(&mut self, from: (i32, i32), to: (i32, i32), color: Rgb, width: u32, dash: i32) {
        if from == to {
            return;
        }
        let c = rgb(color).to_backend_color();
        self.svg
            .dashed_path(&[from, to], c, width, dash.max(1) as u32);
    }

    /// A dashed rectangle outline (4 pixels drawn, 4 left out), inside the box.
    pub fn dashed_outline(&mut self, x: i32, y: i32, w: i32, h: i32, color: Rgb, width: u32) {
        let o = (width as i32) / 2;
        let (l, t, r, b) = (x + o, y + o, x + w - o - 1, y + h - o - 1);
        let c = rgb(color).to_backend_color();
        self.svg
            .dashed_path(&[(l, t), (r, t), (r, b), (l, b), (l, t)], c, width, 4);
    }

    /// Diagonal hatching inside a box (lines from lower left to upper right, `gap` apart).
    pub fn hatch(&mut self, x: i32, y: i32, w: i32, h: i32, color: Rgb, gap: i32) {
        let lines = hatch_lines(x, y, w, h, gap);
        if !lines.is_empty() {
            self.svg.strokes(&lines, rgb(color).to_backend_color(), 1);
        }
    }

    /// A cell of a grid showing `label` (e.g. a count), filled with `fill` or, without one,
    /// drawn as a gap: paper with a dashed outline inside the box, hatched, and a paper patch
    /// under the label so it stays legible. Filled or a gap, it is the same elements (a
    /// rectangle, a hatching, a patch, the label), so a redraw that turns one into the other
    /// changes attributes in the page, not elements (`markup_diff::plan`).
    pub fn grid_cell(
        &mut self,
        (x, y, w, h): (i32, i32, i32, i32),
        fill: Option<Rgb>,
        label: &str,
        size: f64,
    ) {
        let (cx, cy) = (x + w / 2, y + h / 2);
        let (w, h) = (w.max(4), h.max(4));
        let lines = match fill {
            Some(fill) => {
                let _ = self.svg.draw_rect((x, y), (x + w, y + h), &rgb(fill), true);
                Vec::new()
            }
            None => {
                // The 2-pixel dashed outline centred one pixel in: within the box.
                let (paper, outline) = (
                    rgb(palette::PAPER).to_backend_color(),
                    rgb(palette::GAP).to_backend_color(),
                );
                self.svg
                    .dashed_rect((x + 1, y + 1), (w - 3, h - 3), paper, outline, 2, 4);
                hatch_lines(x + 2, y + 2, w - 5, h - 5, 7)
            }
        };
        self.svg
            .strokes(&lines, rgb(palette::GAP_HATCH).to_backend_color(), 1);
        let r = (size * 0.75) as i32;
        let _ = self.svg.draw_rect(
            (cx - r + 2, cy - r + 1),
            (cx + r - 2, cy + r - 1),
            &rgb(fill.unwrap_or(palette::PAPER)),
            true,
        );
        let color = fill.map_or(palette::GAP_TEXT, palette::text_on);
        self.text(
            label,
            cx,
            cy,
            Font::new(size, color).bold().align(Align::Middle),
        );
    }

    /// A filled circle.
    pub fn dot(&mut self, c: (i32, i32), r: u32, fill: Rgb) {
        let _ = self.svg.draw_circle(c, r, &rgb(fill), true);
    }

    /// A filled polygon (e.g. an arrow head).
    pub fn polygon(&mut self, pts: Vec<(i32, i32)>, fill: Rgb) {
        let _ = self.svg.fill_polygon(pts, &rgb(fill));
    }

    /// Lines of text `line_h` apart, the block centred on `cy`.
    pub fn lines(&mut self, lines: &[String], x: i32, cy: i32, line_h: i32, font: Font) {
        let n = lines.len() as i32;
        for (k, line) in lines.iter().enumerate() {
            self.text(line, x, cy - (n - 1) * line_h / 2 + k as i32 * line_h, font);
        }
    }

    /// A line of text; `y` is the baseline's vertical centre for horizontal text.
    pub fn text(&mut self, s: &str, x: i32, y: i32, font: Font) {
        if s.is_empty() {
            return;
        }
        let mut desc = FontDesc::new(
            FontFamily::SansSerif,
            font.size,
            if font.bold {
                FontStyle::Bold
            } else {
                FontStyle::Normal
            },
        );
        if font.up {
            desc = desc.transform(FontTransform::Rotate270);
        }
        let h = match font.align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let color = rgb(font.color);
        let style = TextStyle::from(desc)
            .color(&color)
            .pos(Pos::new(h, VPos::Center));
        let _ = self.svg.draw_text(s, &style, (x, y));
    }

    /// Closes the document.
    pub fn finish(mut self) {
        let _ = self.svg.present();
    }
}

/// A finished drawing: the SVG document, its size and the marks over it.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    /// The SVG document.
    pub svg: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Interactive marks.
    pub hits: Vec<Hit>,
}

impl Drawing {
    /// Draws a chart of `width` × `height` pixels: `f` draws with the pen and adds the marks.
    /// Unless `drawn` (`ChartInput::drawn`): then the drawing has its size and nothing else.
    pub fn draw(
        drawn: bool,
        width: i32,
        height: i32,
        f: impl FnOnce(&mut Pen, &mut Vec<Hit>),
    ) -> Drawing {
        let (width, height) = (width.max(0) as u32, height.max(0) as u32);
        let mut svg = String::new();
        let mut hits = Vec::new();
        if drawn {
            let mut pen = Pen::new(&mut svg, width, height);
            f(&mut pen, &mut hits);
            pen.finish();
        }
        Drawing {
            svg,
            width,
            height,
            hits,
        }
    }
}

fn style(c: Rgb, width: u32) -> ShapeStyle {
    ShapeStyle {
        color: rgb(c).to_rgba(),
        filled: false,
        stroke_width: width,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::palette;

    #[test]
    fn draws_an_svg_with_escaped_text() {
        let mut buf = String::new();
        let mut pen = Pen::new(&mut buf, 200, 100);
        pen.rect(0, 0, 10, 10, palette::BAR);
        pen.text(
            "<script>alert(1)</script>",
            5,
            50,
            Font::new(12.0, palette::TEXT),
        );
        pen.dashed_outline(20, 20, 30, 30, palette::GAP, 2);
        pen.hatch(20, 20, 30, 30, palette::GAP_HATCH, 6);
        pen.finish();
        assert!(buf.starts_with("<svg"));
        assert!(buf.trim_end().ends_with("</svg>"));
        assert!(!buf.contains("<script>"));
        assert!(buf.contains("&lt;script&gt;"));
        assert!(buf.contains("#12436d") || buf.contains("#12436D"));
        assert!(!buf.contains("style="), "no inline styles (strict CSP)");
    }
}
