//! Drawing the matrix from its [`Layout`]: the header along the top and the header column on
//! the left (which of rows and hazards they hold depends on the orientation), then every
//! cell, each with its interactive mark, then the legend. Cells are a filled square with the
//! count, a hatched gap with a red dashed outline and "0", or, for action rows, a tick.

use super::labels::{
    cell_action, cell_label, is_selected, kind_name, row_action, row_hit_label, ColInfo, Grid,
    RowInfo,
};
use super::layout::{groups, Layout, Orientation, COL_LABEL_MAX};
use super::legend::draw_legend;
use super::{PAD, TEXT_PX};
use crate::charts::draw::{Align, Drawing, Font, Pen};
use crate::charts::palette;
use crate::charts::text;
use crate::charts::{ChartInput, Hit};
use crate::model::coverage::{CoverageMatrix, RowKind};

/// Draws the matrix in the given orientation.
pub(super) fn draw(inp: &ChartInput, g: &Grid, orientation: Orientation) -> Drawing {
    let l = Layout::new(inp, g, orientation);
    let (m, rows, cols) = (g.m, g.rows, g.cols);
    let max = m.max();
    Drawing::draw(inp.drawn, l.width, l.height, |pen, hits| {
        let cells = |pen: &mut Pen, hits: &mut Vec<Hit>, i: usize, j: usize| {
            cell(pen, hits, inp, &l, g, max, i, j);
        };
        match orientation {
            Orientation::Wide => {
                hazards_across(pen, inp, &l, m, cols);
                for (i, info) in rows.iter().enumerate() {
                    row_down(pen, &l, info, i);
                    hits.push(row_mark(inp, info, &l, i));
                    for j in 0..cols.len() {
                        cells(pen, hits, i, j);
                    }
                }
            }
            Orientation::Tall => {
                for (i, info) in rows.iter().enumerate() {
                    row_across(pen, &l, info, i);
                    hits.push(row_mark(inp, info, &l, i));
                }
                for (a, b, k) in groups(m, cols.len()) {
                    let y = l.cols[a].pos - l.group_h;
                    pen.rect(PAD, y + 2, l.width - 2 * PAD, l.group_h - 4, palette::BAND);
                    pen.text(
                        &format!("{} ({})", kind_name(inp, k), inp.num(b - a)),
                        PAD + 4,
                        y + l.group_h / 2,
                        Font::new(12.0, palette::TEXT).bold(),
                    );
                    for j in a..b {
                        hazard_down(pen, &l, j);
                        for i in 0..rows.len() {
                            cells(pen, hits, i, j);
                        }
                    }
                }
            }
        }
        draw_legend(pen, inp, max, l.width, l.legend_top);
    })
}

/// Wide: the group bands and the hazard names reading upwards, bottom-aligned to the grid.
fn hazards_across(
    pen: &mut Pen,
    inp: &ChartInput,
    l: &Layout,
    m: &CoverageMatrix,
    cols: &[ColInfo],
) {
    for (a, b, k) in groups(m, cols.len()) {
        let (gx0, gx1) = (l.cols[a].pos, l.cols[b - 1].pos + l.cols[b - 1].size);
        pen.rect(gx0, PAD, gx1 - gx0, l.group_h - 4, palette::BAND);
        let label = text::truncate(
            &format!("{} ({})", kind_name(inp, k), inp.num(b - a)),
            TEXT_PX,
            (gx1 - gx0 - 6) as f64,
        );
        pen.text(
            &label,
            (gx0 + gx1) / 2,
            PAD + (l.group_h - 4) / 2,
            Font::new(TEXT_PX, palette::TEXT)
                .bold()
                .align(Align::Middle),
        );
    }
    for (c, t) in cols.iter().zip(&l.cols) {
        let label = text::truncate(&c.label, TEXT_PX, COL_LABEL_MAX);
        pen.text(
            &label,
            t.pos + t.size / 2,
            l.y0 - 6,
            Font::new(TEXT_PX, palette::TEXT).up(),
        );
    }
}

/// Wide: matrix row `i`'s label on the left (pillars bold under a guide line, with a
/// disclosure triangle when they can expand; sub-rows indented and muted).
fn row_down(pen: &mut Pen, l: &Layout, info: &RowInfo, i: usize) {
    let (y, h) = (l.rows[i].pos, l.rows[i].size);
    if info.kind == RowKind::Pillar {
        pen.line((PAD, y), (l.width - PAD, y), palette::GUIDE, 1);
        // Every pillar's name is indented for the triangle, which a pillar without goals or
        // actions to show draws empty (its elements stay when a filter empties it).
        let tx = PAD + 16;
        disclosure(pen, PAD, y + h / 2, info.children > 0, info.expanded);
        let lines = text::wrap(&info.label, 14.0, (l.label_w - 22) as f64, 2);
        pen.lines(
            &lines,
            tx,
            y + h / 2,
            16,
            Font::new(14.0, palette::TEXT).bold(),
        );
    } else {
        let label = text::truncate(&info.label, TEXT_PX, (l.label_w - 30) as f64);
        pen.text(
            &label,
            PAD + 18,
            y + h / 2,
            Font::new(TEXT_PX, palette::MUTED),
        );
    }
}

/// Tall: matrix row `i`'s header on top (pillar names wrapped when only pillars are shown,
/// otherwise reading upwards), with its disclosure triangle.
fn row_across(pen: &mut Pen, l: &Layout, info: &RowInfo, i: usize) {
    let (x, cw) = (l.rows[i].pos, l.rows[i].size);
    let lines = &l.header_lines[i];
    let bold = info.kind == RowKind::Pillar;
    if l.all_pillars {
        let n = lines.len() as i32;
        for (k, line) in lines.iter().enumerate() {
            let mut f = Font::new(11.0, palette::TEXT).align(Align::Middle);
            if bold {
                f = f.bold();
            }
            pen.text(line, x + cw / 2, l.y0 - 24 - (n - 1 - k as i32) * 15, f);
        }
    } else {
        let color = if bold { palette::TEXT } else { palette::MUTED };
        let mut f = Font::new(12.0, color).up();
        if bold {
            f = f.bold();
        }
        pen.text(&lines[0], x + cw / 2 + 4, l.y0 - 24, f);
    }
    if info.kind == RowKind::Pillar {
        disclosure(
            pen,
            x + cw / 2 - 4,
            l.y0 - 10,
            info.children > 0,
            info.expanded,
        );
    }
}

/// Tall: hazard `j`'s name on the left, wrapped and centred on its row.
fn hazard_down(pen: &mut Pen, l: &Layout, j: usize) {
    let t = l.cols[j];
    let font = Font::new(12.0, palette::TEXT);
    pen.lines(&l.hazard_lines[j], PAD + 4, t.pos + t.size / 2, 14, font);
}

/// The mark over matrix row `i`'s header: expands a pillar, filters a goal, opens an action.
fn row_mark(inp: &ChartInput, info: &RowInfo, l: &Layout, i: usize) -> Hit {
    let t = l.rows[i];
    let ((x, y, w, h), grid) = match l.orientation {
        Orientation::Wide => ((PAD, t.pos, l.label_w, t.size), (i as i32, 0)),
        Orientation::Tall => ((t.pos, PAD, t.size, l.header_h), (0, i as i32 + 1)),
    };
    Hit {
        x,
        y,
        w,
        h,
        key: format!("row|{}", info.id),
        label: row_hit_label(inp, info),
        action: row_action(info),
        grid,
        expanded: (info.kind == RowKind::Pillar && info.children > 0).then_some(info.expanded),
        pressed: None,
    }
}

/// Draws the cell of matrix row `i` and hazard `j` and adds its mark.
#[allow(clippy::too_many_arguments)]
fn cell(
    pen: &mut Pen,
    hits: &mut Vec<Hit>,
    inp: &ChartInput,
    l: &Layout,
    g: &Grid,
    max: usize,
    i: usize,
    j: usize,
) {
    let (info, c) = (&g.rows[i], &g.cols[j]);
    let n = g.m.rows[i].counts[j];
    let (x, y, w, h) = l.cell(i, j);
    let size = match l.orientation {
        Orientation::Wide => TEXT_PX,
        Orientation::Tall if info.kind == RowKind::Pillar => 14.0,
        Orientation::Tall => 12.0,
    };
    draw_cell(pen, (x, y, w, h), n, max, info.kind, size);
    let selected = is_selected(inp, info, c);
    if selected {
        pen.outline(x, y, w, h, palette::SELECTED, 3);
    }
    hits.push(Hit {
        x,
        y,
        w,
        h,
        key: format!("{}|{}", info.id, c.id),
        label: cell_label(inp, info, c, n),
        action: cell_action(inp, info, c),
        grid: l.grid(i, j),
        expanded: None,
        pressed: (info.kind != RowKind::Action).then_some(selected),
    });
}

/// One cell: filled with the count (`size` px), or a gap.
fn draw_cell(
    pen: &mut Pen,
    rect: (i32, i32, i32, i32),
    n: usize,
    max: usize,
    kind: RowKind,
    size: f64,
) {
    let (x, y, w, h) = rect;
    if kind == RowKind::Action {
        let (ix, iy, iw, ih) = (x + 2, y + 2, w - 4, h - 4);
        let (cx, cy) = (x + w / 2, y + h / 2);
        if n == 0 {
            pen.rect(ix, iy, iw, ih, palette::BAND);
        } else {
            // A dot, not a filled cell: action rows say "addresses it", not a count.
            pen.rect(ix, iy, iw, ih, palette::BAND);
            let fill = palette::MATRIX[2];
            pen.dot((cx, cy), 9, fill);
            pen.text(
                "✓",
                cx,
                cy,
                Font::new(11.0, palette::text_on(fill))
                    .bold()
                    .align(Align::Middle),
            );
        }
        return;
    }
    pen.grid_cell(
        (x + 2, y + 2, w - 4, h - 4),
        palette::matrix_fill(n, max),
        &n.to_string(),
        size,
    );
}

/// A small triangle: pointing right (collapsed) or down (expanded); an empty polygon when
/// not `shown`.
fn disclosure(pen: &mut Pen, x: i32, cy: i32, shown: bool, expanded: bool) {
    let pts = if !shown {
        Vec::new()
    } else if expanded {
        vec![(x, cy - 3), (x + 9, cy - 3), (x + 4, cy + 4)]
    } else {
        vec![(x + 1, cy - 5), (x + 8, cy), (x + 1, cy + 5)]
    };
    pen.polygon(pts, palette::TEXT);
}
