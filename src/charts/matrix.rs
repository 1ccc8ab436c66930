//! The coverage matrix: pillars (optionally expanded into goals or actions) against the
//! shocks and stresses, each cell the number of matching actions with the count printed in
//! it; empty cells (the gaps) are hatched, outlined with a red dashed line and show "0".
//! Wide layouts put pillars in rows and hazards in columns (shocks, then stresses); narrow
//! ones (phones) transpose it so it stays readable, and scroll inside the chart when even
//! that does not fit. Clicking a cell sets the pillar and hazard filters.

use super::draw::{Align, Font, Pen};
use super::palette::{self, Rgb};
use super::text;
use super::{empty_summary, Cell, ChartInput, ChartSpec, Hit, HitAction, Table};
use crate::i18n::{self, tf};
use crate::model::coverage::{
    actions_with_hazard, actions_without_pillar, coverage_matrix_expanded, CoverageMatrix, RowKind,
};
use crate::model::{Facet, HazardKind};

/// Below this width the matrix is transposed (hazards in rows).
pub const TRANSPOSE_BELOW: u32 = 620;

const PAD: i32 = 8;
const GROUP_GAP: i32 = 10;

struct RowInfo {
    label: String,
    kind: RowKind,
    id: String,
    expanded: bool,
    /// For pillar rows: how many sub-rows expanding would show.
    children: usize,
}

struct ColInfo {
    label: String,
    kind: HazardKind,
    id: String,
}

fn rows_info(inp: &ChartInput, m: &CoverageMatrix, expanded: &[String]) -> Vec<RowInfo> {
    let d = inp.dataset;
    m.rows
        .iter()
        .map(|r| {
            let label = match r.kind {
                RowKind::Pillar => d
                    .pillars
                    .iter()
                    .find(|p| p.id == r.id)
                    .map(|p| p.name.get(inp.lang).to_string()),
                RowKind::Goal => d
                    .goals
                    .iter()
                    .find(|g| g.id == r.id)
                    .map(|g| g.name.get(inp.lang).to_string()),
                RowKind::Action => d
                    .actions
                    .iter()
                    .find(|a| a.id == r.id)
                    .map(|a| a.title.get(inp.lang).to_string()),
            }
            .unwrap_or_else(|| r.id.clone());
            let children = if r.kind == RowKind::Pillar {
                let goals = d.goals.iter().filter(|g| g.pillar == r.id).count();
                if goals > 0 {
                    goals
                } else {
                    inp.matching
                        .iter()
                        .filter(|&&i| d.actions[i].pillars.contains(&r.id))
                        .count()
                }
            } else {
                0
            };
            RowInfo {
                label,
                kind: r.kind,
                id: r.id.clone(),
                expanded: r.kind == RowKind::Pillar && expanded.contains(&r.id),
                children,
            }
        })
        .collect()
}

fn cols_info(inp: &ChartInput, m: &CoverageMatrix) -> Vec<ColInfo> {
    m.columns
        .iter()
        .map(|id| {
            let h = inp.dataset.hazards.iter().find(|h| &h.id == id);
            ColInfo {
                label: h
                    .map(|h| h.name.get(inp.lang).to_string())
                    .unwrap_or_else(|| id.clone()),
                kind: h.map(|h| h.kind).unwrap_or(HazardKind::Shock),
                id: id.clone(),
            }
        })
        .collect()
}

fn kind_name(inp: &ChartInput, k: HazardKind) -> &'static str {
    match k {
        HazardKind::Shock => i18n::t(inp.lang, "charts.matrix.shock"),
        HazardKind::Stress => i18n::t(inp.lang, "charts.matrix.stress"),
    }
}

fn kind_name_lc(inp: &ChartInput, k: HazardKind) -> &'static str {
    match k {
        HazardKind::Shock => i18n::t(inp.lang, "charts.matrix.shock_lc"),
        HazardKind::Stress => i18n::t(inp.lang, "charts.matrix.stress_lc"),
    }
}

fn facet_of(k: HazardKind) -> Facet {
    match k {
        HazardKind::Shock => Facet::Shock,
        HazardKind::Stress => Facet::Stress,
    }
}

/// The legend's buckets: (first count, last count, fill) for each fill in use.
pub fn legend_buckets(max: usize) -> Vec<(usize, usize, Rgb)> {
    let mut out: Vec<(usize, usize, Rgb)> = Vec::new();
    for n in 1..=max {
        let Some(c) = palette::matrix_fill(n, max) else {
            continue;
        };
        match out.last_mut() {
            Some(last) if last.2 == c => last.1 = n,
            _ => out.push((n, n, c)),
        }
    }
    out
}

/// Draws the coverage matrix. `expanded` lists the pillars shown with their goals/actions.
pub fn coverage(inp: &ChartInput, expanded: &[String]) -> ChartSpec {
    let d = inp.dataset;
    let m = coverage_matrix_expanded(d, inp.matching, expanded);
    let rows = rows_info(inp, &m, expanded);
    let cols = cols_info(inp, &m);
    let title = i18n::t(inp.lang, "charts.matrix.title").to_string();
    let summary = summarise(inp, &m, &rows, &cols);

    // Table: one row per matrix row, one column per hazard.
    let mut header = vec![i18n::t(inp.lang, "charts.matrix.row_header").to_string()];
    header.extend(
        cols.iter()
            .map(|c| format!("{}: {}", kind_name(inp, c.kind), c.label)),
    );
    let table_rows = m
        .rows
        .iter()
        .zip(&rows)
        .map(|(r, info)| {
            let mut row = vec![Cell::Text(if info.kind == RowKind::Pillar {
                info.label.clone()
            } else {
                format!("— {}", info.label)
            })];
            row.extend(r.counts.iter().map(|&n| Cell::Num(n)));
            row
        })
        .collect();
    let table = Table {
        caption: i18n::t(inp.lang, "charts.matrix.caption").to_string(),
        header,
        rows: table_rows,
    };

    let mut notes = Vec::new();
    let without = actions_without_pillar(d, inp.matching);
    if without > 0 {
        notes.push(tf(
            inp.lang,
            "charts.matrix.note_no_pillar",
            &[("n", inp.n_actions(without))],
        ));
    }
    if cols.is_empty() {
        notes.push(i18n::t(inp.lang, "charts.matrix.note_no_hazards").to_string());
    }

    let transpose = inp.width < TRANSPOSE_BELOW;
    let (svg, width, height, hits) = draw(inp, &m, &rows, &cols, transpose);
    ChartSpec {
        slug: "coverage-matrix",
        title,
        summary,
        note: (!notes.is_empty()).then(|| notes.join(" ")),
        width,
        height,
        svg,
        table,
        hits,
    }
}

fn summarise(inp: &ChartInput, m: &CoverageMatrix, rows: &[RowInfo], cols: &[ColInfo]) -> String {
    let total = inp.matching.len();
    if total == 0 {
        return empty_summary(inp);
    }
    let pillar_rows: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == RowKind::Pillar)
        .map(|(i, _)| i)
        .collect();
    let cells = pillar_rows.len() * cols.len();
    let gaps: usize = pillar_rows
        .iter()
        .map(|&i| m.rows[i].counts.iter().filter(|&&c| c == 0).count())
        .sum();
    let best = cols
        .iter()
        .enumerate()
        .map(|(j, c)| (j, actions_with_hazard(inp.dataset, inp.matching, &c.id)))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
    match best {
        Some((j, n)) if n > 0 => {
            let pillar = pillar_rows
                .iter()
                .max_by(|&&a, &&b| {
                    m.rows[a].counts[j]
                        .cmp(&m.rows[b].counts[j])
                        .then(b.cmp(&a))
                })
                .filter(|&&i| m.rows[i].counts[j] > 0)
                .map(|&i| rows[i].label.clone());
            let key = if pillar.is_some() {
                "charts.matrix.summary"
            } else {
                "charts.matrix.summary_no_pillar"
            };
            tf(
                inp.lang,
                key,
                &[
                    ("hazard", cols[j].label.clone()),
                    ("n", inp.num(n)),
                    ("total", inp.n_actions(total)),
                    ("pillar", pillar.unwrap_or_default()),
                    ("gaps", inp.num(gaps)),
                    ("cells", inp.num(cells)),
                ],
            )
        }
        _ => tf(
            inp.lang,
            "charts.matrix.summary_no_hazard",
            &[("total", inp.n_actions(total))],
        ),
    }
}

/// Where things go.
struct Layout {
    width: i32,
    height: i32,
    /// Left/top of the cell area.
    x0: i32,
    y0: i32,
    /// Cell size.
    cw: i32,
    ch_pillar: i32,
    ch_sub: i32,
}

#[allow(clippy::type_complexity)]
fn draw(
    inp: &ChartInput,
    m: &CoverageMatrix,
    rows: &[RowInfo],
    cols: &[ColInfo],
    transpose: bool,
) -> (String, u32, u32, Vec<Hit>) {
    if transpose {
        draw_tall(inp, m, rows, cols)
    } else {
        draw_wide(inp, m, rows, cols)
    }
}

fn cell_label(inp: &ChartInput, row: &RowInfo, col: &ColInfo, n: usize) -> String {
    let key = if n == 0 && row.kind != RowKind::Action {
        "charts.matrix.cell_gap"
    } else {
        "charts.matrix.cell"
    };
    let mut label = tf(
        inp.lang,
        key,
        &[
            ("row", row.label.clone()),
            ("hazard", col.label.clone()),
            ("kind", kind_name_lc(inp, col.kind).to_string()),
            ("count", inp.n_actions(n)),
        ],
    );
    if is_selected(inp, row, col) {
        label.push_str(". ");
        label.push_str(i18n::t(inp.lang, "charts.bar.remove_filter"));
    }
    label
}

fn cell_action(inp: &ChartInput, row: &RowInfo, col: &ColInfo) -> HitAction {
    if is_selected(inp, row, col) {
        let row_facet = if row.kind == RowKind::Goal {
            Facet::Goal
        } else {
            Facet::Pillar
        };
        return HitAction::Clear(vec![
            (row_facet, row.id.clone()),
            (facet_of(col.kind), col.id.clone()),
        ]);
    }
    match row.kind {
        RowKind::Pillar => HitAction::Set(vec![
            (Facet::Pillar, row.id.clone()),
            (facet_of(col.kind), col.id.clone()),
        ]),
        RowKind::Goal => HitAction::Set(vec![
            (Facet::Goal, row.id.clone()),
            (facet_of(col.kind), col.id.clone()),
        ]),
        RowKind::Action => HitAction::Open(row.id.clone()),
    }
}

fn row_hit_label(inp: &ChartInput, row: &RowInfo) -> String {
    match row.kind {
        RowKind::Pillar if row.children == 0 => row.label.clone(),
        RowKind::Pillar => {
            let key = if row.expanded {
                "charts.matrix.collapse"
            } else {
                "charts.matrix.expand"
            };
            tf(
                inp.lang,
                key,
                &[("row", row.label.clone()), ("n", inp.num(row.children))],
            )
        }
        RowKind::Goal => tf(
            inp.lang,
            "charts.matrix.goal_row",
            &[("row", row.label.clone())],
        ),
        RowKind::Action => tf(
            inp.lang,
            "charts.matrix.action_row",
            &[("row", row.label.clone())],
        ),
    }
}

fn row_action(row: &RowInfo) -> HitAction {
    match row.kind {
        RowKind::Pillar if row.children == 0 => HitAction::None,
        RowKind::Pillar => HitAction::Expand(row.id.clone()),
        RowKind::Goal => HitAction::Set(vec![(Facet::Goal, row.id.clone())]),
        RowKind::Action => HitAction::Open(row.id.clone()),
    }
}

/// True when the cell's row and column are both active filters.
fn is_selected(inp: &ChartInput, row: &RowInfo, col: &ColInfo) -> bool {
    let f = inp.filters;
    let row_on = match row.kind {
        RowKind::Pillar => f.pillars.contains(&row.id),
        RowKind::Goal => f.goals.contains(&row.id),
        RowKind::Action => false,
    };
    row_on && (f.shocks.contains(&col.id) || f.stresses.contains(&col.id))
}

/// One cell: filled with the count, or a gap.
#[allow(clippy::too_many_arguments)]
fn draw_cell(pen: &mut Pen, x: i32, y: i32, w: i32, h: i32, n: usize, max: usize, kind: RowKind) {
    let (ix, iy, iw, ih) = (x + 2, y + 2, w - 4, h - 4);
    let size = if kind == RowKind::Pillar { 14.0 } else { 12.0 };
    let (cx, cy) = (x + w / 2, y + h / 2);
    if kind == RowKind::Action {
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
    match palette::matrix_fill(n, max) {
        Some(fill) => {
            pen.rect(ix, iy, iw, ih, fill);
            pen.text(
                &n.to_string(),
                cx,
                cy,
                Font::new(size, palette::text_on(fill))
                    .bold()
                    .align(Align::Middle),
            );
        }
        None => {
            pen.rect(ix, iy, iw, ih, palette::PAPER);
            pen.hatch(ix, iy, iw, ih, palette::GAP_HATCH, 7);
            pen.dashed_outline(ix, iy, iw, ih, palette::GAP, 2);
            // A paper-coloured patch behind the 0 keeps it legible over the hatching.
            let r = (size * 0.75) as i32;
            pen.rect(cx - r + 2, cy - r + 1, 2 * r - 4, 2 * r - 2, palette::PAPER);
            pen.text(
                "0",
                cx,
                cy,
                Font::new(size, palette::GAP_TEXT)
                    .bold()
                    .align(Align::Middle),
            );
        }
    }
}

/// A small triangle: pointing right (collapsed) or down (expanded).
fn disclosure(pen: &mut Pen, x: i32, cy: i32, expanded: bool) {
    let pts = if expanded {
        vec![(x, cy - 3), (x + 9, cy - 3), (x + 4, cy + 4)]
    } else {
        vec![(x + 1, cy - 5), (x + 8, cy), (x + 1, cy + 5)]
    };
    pen.polygon(pts, palette::TEXT);
}

/// The legend below the matrix; returns its height.
fn legend_height(inp: &ChartInput, max: usize, width: i32) -> i32 {
    legend_items(inp, max, width).1
}

/// A placed legend entry: x, y, label, fill (`None` for the gap swatch).
type LegendItem = (i32, i32, String, Option<Rgb>);

fn legend_items(inp: &ChartInput, max: usize, width: i32) -> (Vec<LegendItem>, i32) {
    let size = 12.0;
    let mut items: Vec<(String, Option<Rgb>)> = legend_buckets(max)
        .into_iter()
        .map(|(a, b, c)| {
            let label = if a == b {
                inp.num(a)
            } else {
                format!("{}–{}", inp.num(a), inp.num(b))
            };
            (label, Some(c))
        })
        .collect();
    items.push((
        i18n::t(inp.lang, "charts.matrix.legend_gap").to_string(),
        None,
    ));
    let lead = i18n::t(inp.lang, "charts.matrix.legend").to_string();
    let mut placed = Vec::new();
    let mut x = PAD + text::width(&lead, size) as i32 + 8;
    let mut y = 14;
    for (label, fill) in items {
        let w = 24 + text::width(&label, size) as i32 + 14;
        if x + w > width - PAD && x > PAD + 100 {
            x = PAD;
            y += 24;
        }
        placed.push((x, y, label, fill));
        x += w;
    }
    (placed, y + 16)
}

fn draw_legend(pen: &mut Pen, inp: &ChartInput, max: usize, width: i32, top: i32) {
    let size = 12.0;
    let lead = i18n::t(inp.lang, "charts.matrix.legend");
    pen.text(lead, PAD, top + 14, Font::new(size, palette::MUTED));
    let (items, _) = legend_items(inp, max, width);
    for (x, y, label, fill) in items {
        let (sx, sy) = (x, top + y - 8);
        match fill {
            Some(c) => pen.rect(sx, sy, 20, 16, c),
            None => {
                pen.hatch(sx, sy, 20, 16, palette::GAP_HATCH, 6);
                pen.dashed_outline(sx, sy, 20, 16, palette::GAP, 2);
            }
        }
        pen.text(&label, sx + 26, top + y, Font::new(size, palette::TEXT));
    }
}

fn draw_wide(
    inp: &ChartInput,
    m: &CoverageMatrix,
    rows: &[RowInfo],
    cols: &[ColInfo],
) -> (String, u32, u32, Vec<Hit>) {
    let w_avail = inp.width.max(280) as i32;
    let ncols = cols.len() as i32;
    let shock_cols = m.shock_columns as i32;
    let has_groups = shock_cols > 0 && shock_cols < ncols;
    let gap = if has_groups { GROUP_GAP } else { 0 };
    // Row label column.
    let label_max = ((w_avail as f64) * 0.3).clamp(120.0, 260.0);
    let label_w = rows
        .iter()
        .map(|r| match r.kind {
            RowKind::Pillar => text::width_bold(&r.label, 14.0) + 22.0,
            _ => text::width(&r.label, 12.0) + 30.0,
        })
        .fold(90.0_f64, f64::max)
        .min(label_max)
        .ceil() as i32;
    let cw = if ncols > 0 {
        ((w_avail - label_w - 2 * PAD - gap) / ncols).clamp(30, 64)
    } else {
        30
    };
    let col_label_max = 190.0;
    let col_label_w = cols
        .iter()
        .map(|c| text::width(&c.label, 12.0))
        .fold(40.0_f64, f64::max)
        .min(col_label_max)
        .ceil() as i32;
    let group_h = if has_groups || ncols > 0 { 24 } else { 0 };
    let header_h = group_h + col_label_w + 12;
    let width = (label_w + 2 * PAD + gap + ncols * cw).max(w_avail);
    let l = Layout {
        width,
        height: 0,
        x0: PAD + label_w,
        y0: PAD + header_h,
        cw,
        ch_pillar: 40,
        ch_sub: 28,
    };
    let row_h = |r: &RowInfo| {
        if r.kind == RowKind::Pillar {
            l.ch_pillar
        } else {
            l.ch_sub
        }
    };
    let grid_h: i32 = rows.iter().map(row_h).sum();
    let max = m.max();
    let legend_h = legend_height(inp, max, width);
    let height = l.y0 + grid_h + 14 + legend_h + PAD;
    let l = Layout { height, ..l };
    let col_x = |j: i32| l.x0 + j * l.cw + if j >= shock_cols { gap } else { 0 };

    let mut buf = String::new();
    let mut hits = Vec::new();
    {
        let mut pen = Pen::new(&mut buf, l.width as u32, l.height as u32);
        // Group headers.
        if ncols > 0 {
            let groups = [
                (0, shock_cols, HazardKind::Shock),
                (shock_cols, ncols, HazardKind::Stress),
            ];
            for (a, b, k) in groups {
                if b <= a {
                    continue;
                }
                let (gx0, gx1) = (col_x(a), col_x(b - 1) + l.cw);
                pen.rect(gx0, PAD, gx1 - gx0, group_h - 4, palette::BAND);
                let label = text::truncate(
                    &format!("{} ({})", kind_name(inp, k), inp.num((b - a) as usize)),
                    12.0,
                    (gx1 - gx0 - 6) as f64,
                );
                pen.text(
                    &label,
                    (gx0 + gx1) / 2,
                    PAD + (group_h - 4) / 2,
                    Font::new(12.0, palette::TEXT).bold().align(Align::Middle),
                );
            }
        }
        // Column labels, reading upwards, bottom-aligned to the grid.
        for (j, c) in cols.iter().enumerate() {
            let x = col_x(j as i32) + l.cw / 2;
            let label = text::truncate(&c.label, 12.0, col_label_max);
            pen.text(&label, x, l.y0 - 6, Font::new(12.0, palette::TEXT).up());
        }
        // Rows.
        let mut y = l.y0;
        for (i, (r, info)) in m.rows.iter().zip(rows).enumerate() {
            let h = row_h(info);
            if info.kind == RowKind::Pillar {
                pen.line((PAD, y), (l.width - PAD, y), palette::GUIDE, 1);
                let tx = PAD + if info.children > 0 { 16 } else { 0 };
                if info.children > 0 {
                    disclosure(&mut pen, PAD, y + h / 2, info.expanded);
                }
                let lines = text::wrap(&info.label, 14.0, (label_w - 22) as f64, 2);
                let n = lines.len() as i32;
                for (k, line) in lines.iter().enumerate() {
                    let ly = y + h / 2 - (n - 1) * 8 + k as i32 * 16;
                    pen.text(line, tx, ly, Font::new(14.0, palette::TEXT).bold());
                }
            } else {
                let label = text::truncate(&info.label, 12.0, (label_w - 30) as f64);
                pen.text(&label, PAD + 18, y + h / 2, Font::new(12.0, palette::MUTED));
            }
            hits.push(Hit {
                x: PAD,
                y,
                w: label_w,
                h,
                key: format!("row|{}", info.id),
                label: row_hit_label(inp, info),
                action: row_action(info),
                grid: (i as i32, 0),
                expanded: (info.kind == RowKind::Pillar && info.children > 0)
                    .then_some(info.expanded),
                pressed: None,
            });
            for (j, (&n, c)) in r.counts.iter().zip(cols).enumerate() {
                let x = col_x(j as i32);
                draw_cell(&mut pen, x, y, l.cw, h, n, max, info.kind);
                let selected = is_selected(inp, info, c);
                if selected {
                    pen.outline(x, y, l.cw, h, palette::SELECTED, 3);
                }
                hits.push(Hit {
                    x,
                    y,
                    w: l.cw,
                    h,
                    key: format!("{}|{}", info.id, c.id),
                    label: cell_label(inp, info, c, n),
                    action: cell_action(inp, info, c),
                    grid: (i as i32, j as i32 + 1),
                    expanded: None,
                    pressed: (info.kind != RowKind::Action).then_some(selected),
                });
            }
            y += h;
        }
        draw_legend(&mut pen, inp, max, l.width, y + 14);
        pen.finish();
    }
    (buf, l.width as u32, l.height as u32, hits)
}

fn draw_tall(
    inp: &ChartInput,
    m: &CoverageMatrix,
    rows: &[RowInfo],
    cols: &[ColInfo],
) -> (String, u32, u32, Vec<Hit>) {
    // Hazards become rows (grouped under a shocks and a stresses heading); matrix rows
    // (pillars and their sub-rows) become columns.
    let w_avail = inp.width.max(260) as i32;
    let nitems = rows.len() as i32;
    let label_w = ((w_avail as f64) * 0.36).clamp(104.0, 200.0) as i32;
    let all_pillars = rows.iter().all(|r| r.kind == RowKind::Pillar);
    let cw = if nitems > 0 {
        ((w_avail - label_w - 2 * PAD) / nitems).clamp(34, 120)
    } else {
        34
    };
    // Column headers: pillar names wrapped horizontally when only pillars are shown,
    // otherwise every label reads upwards.
    let header_lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            if all_pillars {
                text::wrap(&r.label, 11.0, (cw - 4) as f64, 3)
            } else {
                vec![text::truncate(&r.label, 12.0, 150.0)]
            }
        })
        .collect();
    let header_h = if all_pillars {
        header_lines
            .iter()
            .map(|l| l.len() as i32)
            .max()
            .unwrap_or(1)
            * 15
            + 32
    } else {
        header_lines
            .iter()
            .map(|l| text::width(&l[0], 12.0) as i32)
            .max()
            .unwrap_or(40)
            .clamp(40, 156)
            + 26
    };
    let width = (label_w + 2 * PAD + nitems * cw).max(w_avail);
    // Hazard names wrap to at most three lines; rows grow to fit them.
    let hazard_lines: Vec<Vec<String>> = cols
        .iter()
        .map(|c| text::wrap(&c.label, 12.0, (label_w - 8) as f64, 3))
        .collect();
    let row_hs: Vec<i32> = hazard_lines
        .iter()
        .map(|l| (l.len() as i32 * 14 + 12).max(38))
        .collect();
    let group_h = 26;
    let shock_cols = m.shock_columns;
    let groups: Vec<(usize, usize, HazardKind)> = [
        (0, shock_cols, HazardKind::Shock),
        (shock_cols, cols.len(), HazardKind::Stress),
    ]
    .into_iter()
    .filter(|(a, b, _)| b > a)
    .collect();
    let grid_h = groups.len() as i32 * group_h + row_hs.iter().sum::<i32>();
    let max = m.max();
    let legend_h = legend_height(inp, max, width);
    let x0 = PAD + label_w;
    let y0 = PAD + header_h;
    let height = y0 + grid_h + 14 + legend_h + PAD;

    let mut buf = String::new();
    let mut hits = Vec::new();
    {
        let mut pen = Pen::new(&mut buf, width as u32, height as u32);
        // Column headers (pillars and sub-rows).
        for (i, (info, lines)) in rows.iter().zip(&header_lines).enumerate() {
            let x = x0 + i as i32 * cw;
            let bold = info.kind == RowKind::Pillar;
            if all_pillars {
                let n = lines.len() as i32;
                for (k, line) in lines.iter().enumerate() {
                    let mut f = Font::new(11.0, palette::TEXT).align(Align::Middle);
                    if bold {
                        f = f.bold();
                    }
                    pen.text(line, x + cw / 2, y0 - 24 - (n - 1 - k as i32) * 15, f);
                }
            } else {
                let color = if bold { palette::TEXT } else { palette::MUTED };
                let mut f = Font::new(12.0, color).up();
                if bold {
                    f = f.bold();
                }
                pen.text(&lines[0], x + cw / 2 + 4, y0 - 24, f);
            }
            if info.kind == RowKind::Pillar && info.children > 0 {
                disclosure(&mut pen, x + cw / 2 - 4, y0 - 10, info.expanded);
            }
            hits.push(Hit {
                x,
                y: PAD,
                w: cw,
                h: header_h,
                key: format!("row|{}", info.id),
                label: row_hit_label(inp, info),
                action: row_action(info),
                grid: (0, i as i32 + 1),
                expanded: (info.kind == RowKind::Pillar && info.children > 0)
                    .then_some(info.expanded),
                pressed: None,
            });
        }
        // Hazard rows under group headings.
        let mut y = y0;
        let mut visual_row = 1;
        for (a, b, k) in groups {
            pen.rect(PAD, y + 2, width - 2 * PAD, group_h - 4, palette::BAND);
            pen.text(
                &format!("{} ({})", kind_name(inp, k), inp.num(b - a)),
                PAD + 4,
                y + group_h / 2,
                Font::new(12.0, palette::TEXT).bold(),
            );
            y += group_h;
            for (j, c) in cols.iter().enumerate().take(b).skip(a) {
                let lines = &hazard_lines[j];
                let row_h = row_hs[j];
                let n = lines.len() as i32;
                for (k2, line) in lines.iter().enumerate() {
                    pen.text(
                        line,
                        PAD + 4,
                        y + row_h / 2 - (n - 1) * 7 + k2 as i32 * 14,
                        Font::new(12.0, palette::TEXT),
                    );
                }
                for (i, (r, info)) in m.rows.iter().zip(rows).enumerate() {
                    let x = x0 + i as i32 * cw;
                    draw_cell(&mut pen, x, y, cw, row_h, r.counts[j], max, info.kind);
                    let selected = is_selected(inp, info, c);
                    if selected {
                        pen.outline(x, y, cw, row_h, palette::SELECTED, 3);
                    }
                    hits.push(Hit {
                        x,
                        y,
                        w: cw,
                        h: row_h,
                        key: format!("{}|{}", info.id, c.id),
                        label: cell_label(inp, info, c, r.counts[j]),
                        action: cell_action(inp, info, c),
                        grid: (visual_row, i as i32 + 1),
                        expanded: None,
                        pressed: (info.kind != RowKind::Action).then_some(selected),
                    });
                }
                y += row_h;
                visual_row += 1;
            }
        }
        draw_legend(&mut pen, inp, max, width, y + 14);
        pen.finish();
    }
    (buf, width as u32, height as u32, hits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testdata::tiny;
    use crate::model::{Filters, Lang};

    fn input<'a>(
        d: &'a crate::model::Dataset,
        m: &'a [usize],
        f: &'a Filters,
        lang: Lang,
        width: u32,
    ) -> ChartInput<'a> {
        ChartInput {
            dataset: d,
            matching: m,
            filters: f,
            lang,
            width,
        }
    }

    #[test]
    fn cells_count_matching_actions_and_gaps_are_marked() {
        let d = tiny();
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        let spec = coverage(&input(&d, &all, &f, Lang::Id, 1000), &[]);
        // Columns: flood, quake (shocks), traffic (stress).
        let cell = |k: &str| spec.hits.iter().find(|h| h.key == k).unwrap().clone();
        assert!(
            cell("siap|flood").label.contains("2 inisiatif"),
            "{}",
            cell("siap|flood").label
        );
        assert!(cell("sehat|quake").label.contains("celah"));
        assert_eq!(
            cell("siap|flood").action,
            HitAction::Set(vec![
                (Facet::Pillar, "siap".into()),
                (Facet::Shock, "flood".into())
            ])
        );
        assert_eq!(
            cell("sehat|traffic").action,
            HitAction::Set(vec![
                (Facet::Pillar, "sehat".into()),
                (Facet::Stress, "traffic".into())
            ])
        );
        // 2 pillars × 3 hazards cells + 2 row headers.
        assert_eq!(spec.hits.len(), 8);
        assert_eq!(spec.table.rows.len(), 2);
        assert_eq!(
            spec.table.rows[0],
            vec![
                Cell::Text("Jakarta Siap".into()),
                Cell::Num(2),
                Cell::Num(1),
                Cell::Num(1)
            ]
        );
        assert_eq!(spec.table.header[1], "Guncangan: Banjir");
        assert_eq!(spec.table.header[3], "Tekanan: Kemacetan");
        // The pillar-less action is mentioned, not silently dropped.
        assert!(spec.note.as_deref().unwrap().contains("1 inisiatif"));
        assert!(spec.svg.contains("Banjir"));
    }

    #[test]
    fn summary_names_the_top_hazard_and_its_pillar_in_both_languages() {
        let d = tiny();
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        let id = coverage(&input(&d, &all, &f, Lang::Id, 1000), &[]);
        assert_eq!(
            id.summary,
            "Banjir ditangani oleh 3 dari 5 inisiatif, sebagian besar di pilar Jakarta Siap; celah (sel pilar × bahaya yang kosong): 1 dari 6."
        );
        let en = coverage(&input(&d, &all, &f, Lang::En, 1000), &[]);
        assert_eq!(
            en.summary,
            "Flooding is addressed by 3 of 5 initiatives, most of them in the Prepared Jakarta pillar; gaps (empty pillar × hazard cells): 1 of 6."
        );
        let none = coverage(&input(&d, &[], &f, Lang::Id, 1000), &[]);
        assert!(none.summary.contains("Tidak ada"));
        assert_eq!(none.table.rows.len(), 2, "pillars stay, all cells gaps");
        assert!(
            none.hits
                .iter()
                .filter(|h| h.label.contains("celah"))
                .count()
                == 6
        );
    }

    #[test]
    fn counts_follow_the_filtered_actions() {
        let d = tiny();
        let f = Filters::default();
        // Only a2 (siap, flood + quake).
        let spec = coverage(&input(&d, &[1], &f, Lang::Id, 1000), &[]);
        assert_eq!(
            spec.table.rows[0][1..],
            [Cell::Num(1), Cell::Num(1), Cell::Num(0)]
        );
        assert_eq!(
            spec.table.rows[1][1..],
            [Cell::Num(0), Cell::Num(0), Cell::Num(0)]
        );
    }

    #[test]
    fn expanding_a_pillar_lists_its_actions() {
        let d = tiny();
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        let spec = coverage(&input(&d, &all, &f, Lang::En, 1000), &["siap".into()]);
        let labels: Vec<String> = spec.table.rows.iter().map(|r| r[0].raw()).collect();
        assert_eq!(
            labels,
            vec![
                "Prepared Jakarta",
                "— Sea wall",
                "— Safe schools",
                "— Integrated buses",
                "Healthy Jakarta"
            ]
        );
        let row = spec.hits.iter().find(|h| h.key == "row|siap").unwrap();
        assert_eq!(row.expanded, Some(true));
        assert_eq!(row.action, HitAction::Expand("siap".into()));
        let sub = spec.hits.iter().find(|h| h.key == "a1|flood").unwrap();
        assert_eq!(sub.action, HitAction::Open("a1".into()));
    }

    #[test]
    fn narrow_widths_transpose_and_stay_within_a_phone() {
        let d = tiny();
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        let spec = coverage(&input(&d, &all, &f, Lang::Id, 343), &[]);
        assert_eq!(spec.width, 343, "fits the phone without scrolling");
        let a = spec.hits.iter().find(|h| h.key == "siap|flood").unwrap();
        let b = spec.hits.iter().find(|h| h.key == "siap|quake").unwrap();
        assert_eq!(a.x, b.x, "hazards are rows when transposed");
        assert!(b.y > a.y);
        for h in &spec.hits {
            assert!(h.x >= 0 && h.x + h.w <= spec.width as i32, "{h:?}");
            assert!(h.y >= 0 && h.y + h.h <= spec.height as i32, "{h:?}");
        }
        let wide = coverage(&input(&d, &all, &f, Lang::Id, 1280), &[]);
        let a = wide.hits.iter().find(|h| h.key == "siap|flood").unwrap();
        let b = wide.hits.iter().find(|h| h.key == "siap|quake").unwrap();
        assert_eq!(a.y, b.y, "hazards are columns when wide");
        assert!(wide.width <= 1280);
    }

    #[test]
    fn data_text_is_escaped_in_the_svg() {
        let mut d = tiny();
        d.pillars[0].name.id = "<script>alert(1)</script>".into();
        d.hazards[0].name.id = "<img src=x onerror=alert(1)>".into();
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        for w in [343, 1000] {
            let spec = coverage(&input(&d, &all, &f, Lang::Id, w), &["siap".into()]);
            assert!(!spec.svg.contains("<script"), "{}", spec.svg);
            assert!(!spec.svg.contains("<img"));
            assert!(spec.svg.contains("&lt;script&gt;") || spec.svg.contains("&lt;script"));
            let standalone = spec.standalone_svg("src");
            assert!(!standalone.contains("<script"));
        }
    }

    #[test]
    fn the_active_cell_is_pressed() {
        let d = tiny();
        let f = Filters {
            pillars: vec!["siap".into()],
            shocks: vec!["flood".into()],
            ..Default::default()
        };
        for w in [343, 1000] {
            let spec = coverage(&input(&d, &[0, 1], &f, Lang::Id, w), &[]);
            let pressed: Vec<&str> = spec
                .hits
                .iter()
                .filter(|h| h.pressed == Some(true))
                .map(|h| h.key.as_str())
                .collect();
            assert_eq!(pressed, vec!["siap|flood"]);
            let cell = spec.hits.iter().find(|h| h.key == "siap|flood").unwrap();
            assert!(matches!(cell.action, HitAction::Clear(_)));
        }
    }

    #[test]
    fn legend_buckets_cover_one_to_max() {
        let b = legend_buckets(12);
        assert_eq!(b.first().unwrap().0, 1);
        assert_eq!(b.last().unwrap().1, 12);
        for w in b.windows(2) {
            assert_eq!(w[0].1 + 1, w[1].0);
        }
        assert!(legend_buckets(0).is_empty());
    }
}
