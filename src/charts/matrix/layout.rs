//! Where the matrix's parts go, in either orientation. Wide: matrix rows (pillars and their
//! sub-rows) run down the left and hazards across the top, grouped into shocks and stresses
//! with a gap between. Tall (phones): hazards run down the left under a band per group and
//! matrix rows across the top. Both give every row and column a track (position and size),
//! so cells, marks and the legend are placed by one routine.

use super::labels::Grid;
use super::legend::legend_height;
use super::{GROUP_GAP, PAD, TEXT_PX};
use crate::charts::text;
use crate::charts::ChartInput;
use crate::model::coverage::{CoverageMatrix, RowKind};
use crate::model::HazardKind;

/// Which way the matrix is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Orientation {
    /// Matrix rows down, hazards across.
    #[default]
    Wide,
    /// Hazards down, matrix rows across (transposed).
    Tall,
}

/// A span along one axis: start and length in pixels.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Track {
    pub pos: i32,
    pub size: i32,
}

/// A run of hazard columns of one kind: first index, end index (exclusive), kind.
pub(super) type Group = (usize, usize, HazardKind);

/// The hazard groups that have columns: shocks, then stresses.
pub(super) fn groups(m: &CoverageMatrix, ncols: usize) -> Vec<Group> {
    let shocks = m.shock_columns.min(ncols);
    [
        (0, shocks, HazardKind::Shock),
        (shocks, ncols, HazardKind::Stress),
    ]
    .into_iter()
    .filter(|(a, b, _)| b > a)
    .collect()
}

/// The placed matrix.
#[derive(Default)]
pub(super) struct Layout {
    pub orientation: Orientation,
    pub width: i32,
    pub height: i32,
    /// Width of the header column on the left (row labels when wide, hazards when tall).
    pub label_w: i32,
    /// Height of the header band on top.
    pub header_h: i32,
    /// Height of a group heading (its band when wide, its row when tall).
    pub group_h: i32,
    /// Top of the grid.
    pub y0: i32,
    /// One track per matrix row: vertical when wide, horizontal when tall.
    pub rows: Vec<Track>,
    /// One track per hazard: horizontal when wide, vertical when tall.
    pub cols: Vec<Track>,
    /// When tall: the wrapped hazard labels. When wide: empty.
    pub hazard_lines: Vec<Vec<String>>,
    /// When tall: the wrapped (or truncated) matrix-row headers. When wide: empty.
    pub header_lines: Vec<Vec<String>>,
    /// When tall: whether every matrix row is a pillar (headers wrap instead of reading up).
    pub all_pillars: bool,
    /// Top of the legend.
    pub legend_top: i32,
}

impl Layout {
    /// The layout for `inp.width` in the given orientation.
    pub fn new(inp: &ChartInput, g: &Grid, orientation: Orientation) -> Layout {
        let mut l = Layout {
            orientation,
            ..Layout::default()
        };
        let grid_bottom = match orientation {
            Orientation::Wide => l.place_wide(inp, g),
            Orientation::Tall => l.place_tall(inp, g),
        };
        l.legend_top = grid_bottom + 14;
        l.height = l.legend_top + legend_height(inp, g.m.max(), l.width) + PAD;
        l
    }

    /// The box of the cell of matrix row `i` and hazard `j`: x, y, w, h.
    pub fn cell(&self, i: usize, j: usize) -> (i32, i32, i32, i32) {
        let (r, c) = (self.rows[i], self.cols[j]);
        match self.orientation {
            Orientation::Wide => (c.pos, r.pos, c.size, r.size),
            Orientation::Tall => (r.pos, c.pos, r.size, c.size),
        }
    }

    /// The cell's place in the visual grid (row, column) for arrow keys; column 0 and row 0
    /// hold the headers.
    pub fn grid(&self, i: usize, j: usize) -> (i32, i32) {
        match self.orientation {
            Orientation::Wide => (i as i32, j as i32 + 1),
            Orientation::Tall => (j as i32 + 1, i as i32 + 1),
        }
    }

    /// Wide: sizes the headers, the matrix-row tracks (down) and the hazard tracks (across,
    /// a gap between shocks and stresses); returns the bottom of the grid.
    fn place_wide(&mut self, inp: &ChartInput, g: &Grid) -> i32 {
        let (m, rows, cols) = (g.m, g.rows, g.cols);
        let w_avail = inp.width.max(280) as i32;
        let ncols = cols.len() as i32;
        let shock_cols = m.shock_columns as i32;
        let has_groups = shock_cols > 0 && shock_cols < ncols;
        let gap = if has_groups { GROUP_GAP } else { 0 };
        // Row label column.
        let label_max = ((w_avail as f64) * 0.3).clamp(120.0, 260.0);
        self.label_w = rows
            .iter()
            .map(|r| match r.kind {
                RowKind::Pillar => text::width_bold(&r.label, 14.0) + 22.0,
                _ => text::width(&r.label, TEXT_PX) + 30.0,
            })
            .fold(90.0_f64, f64::max)
            .min(label_max)
            .ceil() as i32;
        let cw = if ncols > 0 {
            ((w_avail - self.label_w - 2 * PAD - gap) / ncols).clamp(30, 64)
        } else {
            30
        };
        let col_label_w = cols
            .iter()
            .map(|c| text::width(&c.label, TEXT_PX))
            .fold(40.0_f64, f64::max)
            .min(COL_LABEL_MAX)
            .ceil() as i32;
        self.group_h = if has_groups || ncols > 0 { 24 } else { 0 };
        self.header_h = self.group_h + col_label_w + 12;
        self.width = (self.label_w + 2 * PAD + gap + ncols * cw).max(w_avail);
        let x0 = PAD + self.label_w;
        self.y0 = PAD + self.header_h;
        let mut y = self.y0;
        self.rows = rows
            .iter()
            .map(|r| {
                let size = if r.kind == RowKind::Pillar { 40 } else { 28 };
                y += size;
                Track {
                    pos: y - size,
                    size,
                }
            })
            .collect();
        self.cols = (0..ncols)
            .map(|j| Track {
                pos: x0 + j * cw + if j >= shock_cols { gap } else { 0 },
                size: cw,
            })
            .collect();
        y
    }

    /// Tall: sizes the headers, the matrix-row tracks (across) and the hazard tracks (down,
    /// under a heading row per group); returns the bottom of the grid.
    fn place_tall(&mut self, inp: &ChartInput, g: &Grid) -> i32 {
        let (m, rows, cols) = (g.m, g.rows, g.cols);
        let w_avail = inp.width.max(260) as i32;
        let nitems = rows.len() as i32;
        self.label_w = ((w_avail as f64) * 0.36).clamp(104.0, 200.0) as i32;
        self.all_pillars = rows.iter().all(|r| r.kind == RowKind::Pillar);
        let cw = if nitems > 0 {
            ((w_avail - self.label_w - 2 * PAD) / nitems).clamp(34, 120)
        } else {
            34
        };
        // Column headers: pillar names wrapped horizontally when only pillars are shown,
        // otherwise every label reads upwards.
        self.header_lines = rows
            .iter()
            .map(|r| {
                if self.all_pillars {
                    text::wrap(&r.label, 11.0, (cw - 4) as f64, 3)
                } else {
                    vec![text::truncate(&r.label, 12.0, 150.0)]
                }
            })
            .collect();
        self.header_h = if self.all_pillars {
            self.header_lines
                .iter()
                .map(|l| l.len() as i32)
                .max()
                .unwrap_or(1)
                * 15
                + 32
        } else {
            self.header_lines
                .iter()
                .map(|l| text::width(&l[0], 12.0) as i32)
                .max()
                .unwrap_or(40)
                .clamp(40, 156)
                + 26
        };
        self.width = (self.label_w + 2 * PAD + nitems * cw).max(w_avail);
        // Hazard names wrap to at most three lines; rows grow to fit them.
        self.hazard_lines = cols
            .iter()
            .map(|c| text::wrap(&c.label, 12.0, (self.label_w - 8) as f64, 3))
            .collect();
        self.group_h = 26;
        let x0 = PAD + self.label_w;
        self.y0 = PAD + self.header_h;
        self.cols = vec![Track::default(); cols.len()];
        let mut y = self.y0;
        for (a, b, _) in groups(m, cols.len()) {
            y += self.group_h;
            for j in a..b {
                let size = (self.hazard_lines[j].len() as i32 * 14 + 12).max(38);
                self.cols[j] = Track { pos: y, size };
                y += size;
            }
        }
        self.rows = (0..nitems)
            .map(|i| Track {
                pos: x0 + i * cw,
                size: cw,
            })
            .collect();
        y
    }
}

/// Longest hazard label across the top of the wide matrix, in pixels.
pub(super) const COL_LABEL_MAX: f64 = 190.0;
