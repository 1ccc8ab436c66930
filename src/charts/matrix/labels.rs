//! What the matrix's rows, columns and cells say and do: the names of pillars, goals,
//! actions and hazards, the accessible label of every cell and row header, and the filter
//! change (or details, or expansion) that activating one makes.

use crate::charts::ChartInput;
use crate::charts::HitAction;
use crate::i18n::{self, tf};
use crate::model::coverage::{CoverageMatrix, RowKind};
use crate::model::{Facet, HazardKind};

/// The matrix with its rows and columns labelled: what the layout and the drawing read.
pub(super) struct Grid<'a> {
    pub m: &'a CoverageMatrix,
    pub rows: &'a [RowInfo],
    pub cols: &'a [ColInfo],
}

/// A matrix row (pillar, goal or action) as labelled.
pub(super) struct RowInfo {
    pub label: String,
    pub kind: RowKind,
    pub id: String,
    pub expanded: bool,
    /// For pillar rows: how many sub-rows expanding would show.
    pub children: usize,
}

/// A matrix column (a hazard) as labelled.
pub(super) struct ColInfo {
    pub label: String,
    pub kind: HazardKind,
    pub id: String,
}

pub(super) fn rows_info(inp: &ChartInput, m: &CoverageMatrix, expanded: &[String]) -> Vec<RowInfo> {
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

pub(super) fn cols_info(inp: &ChartInput, m: &CoverageMatrix) -> Vec<ColInfo> {
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

pub(super) fn kind_name(inp: &ChartInput, k: HazardKind) -> &'static str {
    match k {
        HazardKind::Shock => i18n::texts(inp.lang).charts.matrix_shock,
        HazardKind::Stress => i18n::texts(inp.lang).charts.matrix_stress,
    }
}

fn kind_name_lc(inp: &ChartInput, k: HazardKind) -> &'static str {
    match k {
        HazardKind::Shock => i18n::texts(inp.lang).charts.matrix_shock_lc,
        HazardKind::Stress => i18n::texts(inp.lang).charts.matrix_stress_lc,
    }
}

pub(super) fn cell_label(inp: &ChartInput, row: &RowInfo, col: &ColInfo, n: usize) -> String {
    let key: i18n::Key = if n == 0 && row.kind != RowKind::Action {
        |t| t.charts.matrix_cell_gap
    } else {
        |t| t.charts.matrix_cell
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
        label.push_str(i18n::texts(inp.lang).charts.bar_remove_filter);
    }
    label
}

pub(super) fn cell_action(inp: &ChartInput, row: &RowInfo, col: &ColInfo) -> HitAction {
    if is_selected(inp, row, col) {
        let row_facet = if row.kind == RowKind::Goal {
            Facet::Goal
        } else {
            Facet::Pillar
        };
        return HitAction::Clear(vec![
            (row_facet, row.id.clone()),
            (Facet::of_hazard(col.kind), col.id.clone()),
        ]);
    }
    match row.kind {
        RowKind::Pillar => HitAction::Set(vec![
            (Facet::Pillar, row.id.clone()),
            (Facet::of_hazard(col.kind), col.id.clone()),
        ]),
        RowKind::Goal => HitAction::Set(vec![
            (Facet::Goal, row.id.clone()),
            (Facet::of_hazard(col.kind), col.id.clone()),
        ]),
        RowKind::Action => HitAction::Open(row.id.clone()),
    }
}

pub(super) fn row_hit_label(inp: &ChartInput, row: &RowInfo) -> String {
    let key: i18n::Key = match row.kind {
        RowKind::Pillar if row.children == 0 => return row.label.clone(),
        RowKind::Pillar if row.expanded => |t| t.charts.matrix_collapse,
        RowKind::Pillar => |t| t.charts.matrix_expand,
        RowKind::Goal => |t| t.charts.matrix_goal_row,
        RowKind::Action => |t| t.charts.matrix_action_row,
    };
    // Each text uses the placeholders it has ({n} only in the pillars' texts).
    tf(
        inp.lang,
        key,
        &[("row", row.label.clone()), ("n", inp.num(row.children))],
    )
}

pub(super) fn row_action(row: &RowInfo) -> HitAction {
    match row.kind {
        RowKind::Pillar if row.children == 0 => HitAction::None,
        RowKind::Pillar => HitAction::Expand(row.id.clone()),
        RowKind::Goal => HitAction::Set(vec![(Facet::Goal, row.id.clone())]),
        RowKind::Action => HitAction::Open(row.id.clone()),
    }
}

/// True when the cell's row and column are both active filters.
pub(super) fn is_selected(inp: &ChartInput, row: &RowInfo, col: &ColInfo) -> bool {
    let f = inp.filters;
    let row_on = match row.kind {
        RowKind::Pillar => f.has(Facet::Pillar, &row.id),
        RowKind::Goal => f.has(Facet::Goal, &row.id),
        RowKind::Action => false,
    };
    row_on && f.has(Facet::of_hazard(col.kind), &col.id)
}
