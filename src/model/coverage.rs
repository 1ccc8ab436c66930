//! Coverage counts for charts: the pillar × shock/stress matrix (empty cells are the
//! strategy's gaps) and simple counts by pillar, status, lead agency and CRF driver.

use super::types::*;

/// A row of the coverage matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow {
    /// Pillar (or goal) id.
    pub id: String,
    /// Counts per column, in column order.
    pub counts: Vec<usize>,
}

/// Number of actions per pillar and hazard: rows are pillars, columns are shocks then stresses.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageMatrix {
    /// Hazard ids, shocks first, in dataset order within each kind.
    pub columns: Vec<String>,
    /// Number of shock columns (the rest are stresses).
    pub shock_columns: usize,
    /// One row per pillar, in dataset order.
    pub rows: Vec<MatrixRow>,
}

impl CoverageMatrix {
    /// Cells with no action: the gaps.
    pub fn gaps(&self) -> usize {
        self.rows
            .iter()
            .map(|r| r.counts.iter().filter(|&&c| c == 0).count())
            .sum()
    }

    /// The largest cell value.
    pub fn max(&self) -> usize {
        self.rows
            .iter()
            .flat_map(|r| r.counts.iter().copied())
            .max()
            .unwrap_or(0)
    }
}

/// Builds the pillar × hazard matrix over the given actions (indices into `d.actions`).
pub fn coverage_matrix(d: &Dataset, actions: &[usize]) -> CoverageMatrix {
    let mut columns: Vec<String> = d
        .hazards
        .iter()
        .filter(|h| h.kind == HazardKind::Shock)
        .map(|h| h.id.clone())
        .collect();
    let shock_columns = columns.len();
    columns.extend(
        d.hazards
            .iter()
            .filter(|h| h.kind == HazardKind::Stress)
            .map(|h| h.id.clone()),
    );
    let rows = d
        .pillars
        .iter()
        .map(|p| MatrixRow {
            id: p.id.clone(),
            counts: columns
                .iter()
                .map(|h| {
                    actions
                        .iter()
                        .filter(|&&i| {
                            let a = &d.actions[i];
                            a.pillars.contains(&p.id) && a.hazards.contains(h)
                        })
                        .count()
                })
                .collect(),
        })
        .collect();
    CoverageMatrix {
        columns,
        shock_columns,
        rows,
    }
}

/// Counts of actions by a key; keys in first-seen order with the given known keys first.
pub fn count_by<F>(
    d: &Dataset,
    actions: &[usize],
    known: &[String],
    keys: F,
) -> Vec<(String, usize)>
where
    F: Fn(&Action) -> Vec<String>,
{
    let mut out: Vec<(String, usize)> = known.iter().map(|k| (k.clone(), 0)).collect();
    for &i in actions {
        for k in keys(&d.actions[i]) {
            match out.iter_mut().find(|(x, _)| *x == k) {
                Some(e) => e.1 += 1,
                None => out.push((k, 1)),
            }
        }
    }
    out
}

/// Actions per pillar (all pillars, including those with none).
pub fn by_pillar(d: &Dataset, actions: &[usize]) -> Vec<(String, usize)> {
    let known: Vec<String> = d.pillars.iter().map(|p| p.id.clone()).collect();
    count_by(d, actions, &known, |a| a.pillars.clone())
}

/// Actions per status (missing status counts as unknown).
pub fn by_status(d: &Dataset, actions: &[usize]) -> Vec<(String, usize)> {
    let known: Vec<String> = Status::ALL.iter().map(|s| s.code().to_string()).collect();
    count_by(d, actions, &known, |a| {
        vec![a.status.unwrap_or(Status::Unknown).code().to_string()]
    })
}

/// Actions per lead agency, most first (actions without a lead are left out).
pub fn by_lead(d: &Dataset, actions: &[usize]) -> Vec<(String, usize)> {
    let mut v = count_by(d, actions, &[], |a| a.lead.iter().cloned().collect());
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// Actions per CRF driver (all drivers, including those with none).
pub fn by_driver(d: &Dataset, actions: &[usize]) -> Vec<(String, usize)> {
    let known: Vec<String> = d.crf.drivers.iter().map(|x| x.id.clone()).collect();
    count_by(d, actions, &known, |a| a.crf_drivers.clone())
}
