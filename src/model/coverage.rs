//! Coverage counts for charts: the pillar × shock/stress matrix (empty cells are the
//! strategy's gaps), optionally with pillars expanded into their goals (or, when a pillar
//! has no goals, into its actions), and simple counts by pillar, status, lead agency and
//! CRF driver.

use super::filter::{Facet, Filters};
use super::types::*;
use std::collections::HashMap;

/// What a row of the coverage matrix stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A pillar.
    Pillar,
    /// A goal under an expanded pillar.
    Goal,
    /// An action under an expanded pillar that has no goals (counts are 0 or 1).
    Action,
}

/// A row of the coverage matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow {
    /// Pillar, goal or action id.
    pub id: String,
    /// Counts per column, in column order.
    pub counts: Vec<usize>,
    /// What the row stands for.
    pub kind: RowKind,
    /// For goal and action rows: the pillar they are listed under.
    pub parent: Option<String>,
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
    /// Per column: the counted actions with that hazard, whatever their pillars (also those
    /// with none): what `actions_with_hazard` says, for every column at once.
    pub totals: Vec<usize>,
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
    // One pass over the actions (a filter change at 10,000 actions redraws this): each
    // action's hazards and pillars are looked up once, not compared with every cell.
    let col_of = positions(columns.iter().map(String::as_str));
    let row_of = positions(d.pillars.iter().map(|p| p.id.as_str()));
    let mut counts = vec![vec![0usize; columns.len()]; d.pillars.len()];
    let mut totals = vec![0usize; columns.len()];
    let (mut cols, mut rows) = (Vec::new(), Vec::new());
    for &i in actions {
        let a = &d.actions[i];
        looked_up(&col_of, &a.hazards, &mut cols);
        looked_up(&row_of, &a.pillars, &mut rows);
        for &j in &cols {
            totals[j] += 1;
            for &r in &rows {
                counts[r][j] += 1;
            }
        }
    }
    let rows = d
        .pillars
        .iter()
        .zip(counts)
        .map(|(p, counts)| MatrixRow {
            id: p.id.clone(),
            counts,
            kind: RowKind::Pillar,
            parent: None,
        })
        .collect();
    CoverageMatrix {
        columns,
        shock_columns,
        rows,
        totals,
    }
}

/// Where each id stands in a list (every place, should an id repeat).
fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, Vec<usize>> {
    let mut out: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, id) in ids.enumerate() {
        out.entry(id).or_default().push(k);
    }
    out
}

/// The places of `ids` in `at`, each once, in order (into `out`, cleared first).
fn looked_up(at: &HashMap<&str, Vec<usize>>, ids: &[String], out: &mut Vec<usize>) {
    out.clear();
    for id in ids {
        if let Some(p) = at.get(id.as_str()) {
            out.extend_from_slice(p);
        }
    }
    out.sort_unstable();
    out.dedup();
}

fn count_row<F: Fn(&Action) -> bool>(
    d: &Dataset,
    actions: &[usize],
    columns: &[String],
    keep: F,
) -> Vec<usize> {
    let col_of = positions(columns.iter().map(String::as_str));
    let mut counts = vec![0; columns.len()];
    let mut cols = Vec::new();
    for &i in actions {
        let a = &d.actions[i];
        if !keep(a) {
            continue;
        }
        looked_up(&col_of, &a.hazards, &mut cols);
        for &j in &cols {
            counts[j] += 1;
        }
    }
    counts
}

/// The matrix with the pillars in `expanded` followed by their goals, or, for a pillar
/// without goals in the dataset, by the given actions listed under it.
pub fn coverage_matrix_expanded(
    d: &Dataset,
    actions: &[usize],
    expanded: &[String],
) -> CoverageMatrix {
    let base = coverage_matrix(d, actions);
    let mut rows = Vec::with_capacity(base.rows.len());
    for row in base.rows.iter() {
        rows.push(row.clone());
        if !expanded.contains(&row.id) {
            continue;
        }
        let goals: Vec<&Goal> = d.goals.iter().filter(|g| g.pillar == row.id).collect();
        if goals.is_empty() {
            for &i in actions {
                let a = &d.actions[i];
                if a.pillars.contains(&row.id) {
                    rows.push(MatrixRow {
                        id: a.id.clone(),
                        counts: count_row(d, &[i], &base.columns, |_| true),
                        kind: RowKind::Action,
                        parent: Some(row.id.clone()),
                    });
                }
            }
        } else {
            for g in goals {
                rows.push(MatrixRow {
                    id: g.id.clone(),
                    counts: count_row(d, actions, &base.columns, |a| a.goals.contains(&g.id)),
                    kind: RowKind::Goal,
                    parent: Some(row.id.clone()),
                });
            }
        }
    }
    CoverageMatrix { rows, ..base }
}

/// The shade step (1 ..= `steps`) of a non-zero count relative to the largest count; 0 for
/// zero. Used to tint the cells of a compact coverage table; the number is always shown too.
pub fn shade_step(n: usize, max: usize, steps: usize) -> usize {
    if n == 0 || max == 0 || steps == 0 {
        0
    } else {
        (n.min(max) * steps).div_ceil(max).clamp(1, steps)
    }
}

/// The filters that list exactly the actions counted in the matrix cell of `pillar` and
/// `hazard` (the pillar filter and the shock or stress filter, by the hazard's kind); `None`
/// when the dataset has no such hazard.
pub fn cell_filters(d: &Dataset, pillar: &str, hazard: &str) -> Option<Filters> {
    let kind = d.hazards.iter().find(|h| h.id == hazard)?.kind;
    let mut f = Filters::default();
    f.toggle(Facet::Pillar, pillar);
    f.toggle(
        match kind {
            HazardKind::Shock => Facet::Shock,
            HazardKind::Stress => Facet::Stress,
        },
        hazard,
    );
    Some(f)
}

/// Number of the given actions that address `hazard` (each action once).
pub fn actions_with_hazard(d: &Dataset, actions: &[usize], hazard: &str) -> usize {
    actions
        .iter()
        .filter(|&&i| d.actions[i].hazards.iter().any(|h| h == hazard))
        .count()
}

/// Number of the given actions that serve no pillar (they have no row in the matrix).
pub fn actions_without_pillar(d: &Dataset, actions: &[usize]) -> usize {
    actions
        .iter()
        .filter(|&&i| d.actions[i].pillars.is_empty())
        .count()
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

/// Actions per lead agency, most first, ties in dataset order (actions without a lead are
/// left out). Sorted through `u64` keys: one small sort instead of one per element type.
pub fn by_lead(d: &Dataset, actions: &[usize]) -> Vec<(String, usize)> {
    let v = count_by(d, actions, &[], |a| a.lead.iter().cloned().collect());
    let mut keys: Vec<u64> = v
        .iter()
        .enumerate()
        .map(|(i, (_, n))| ((u32::MAX as u64 - *n as u64) << 24) | i as u64)
        .collect();
    keys.sort_unstable();
    keys.into_iter()
        .map(|k| v[(k & 0xff_ffff) as usize].clone())
        .collect()
}

/// Actions per CRF driver (all drivers, including those with none).
pub fn by_driver(d: &Dataset, actions: &[usize]) -> Vec<(String, usize)> {
    let known: Vec<String> = d.crf.drivers.iter().map(|x| x.id.clone()).collect();
    count_by(d, actions, &known, |a| a.crf_drivers.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matrix as its definition says, cell by cell: the actions that list the pillar
    /// and the hazard (each action once), and per column the actions with that hazard.
    fn by_definition(d: &Dataset, actions: &[usize]) -> (Vec<Vec<usize>>, Vec<usize>) {
        let m = coverage_matrix(d, actions);
        let cells = d
            .pillars
            .iter()
            .map(|p| {
                m.columns
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
                    .collect()
            })
            .collect();
        let totals = m
            .columns
            .iter()
            .map(|h| actions_with_hazard(d, actions, h))
            .collect();
        (cells, totals)
    }

    #[test]
    fn one_pass_counts_match_the_definition_with_repeated_ids() {
        let mut d = crate::model::synthetic::generate(400, 40, 7);
        // Repeated hazard and pillar ids in a record count the action once per cell.
        let (h, p) = (
            d.actions[0].hazards[0].clone(),
            d.actions[0].pillars[0].clone(),
        );
        d.actions[0].hazards.push(h);
        d.actions[0].pillars.push(p);
        let every: Vec<usize> = (0..d.actions.len()).collect();
        let some: Vec<usize> = (0..d.actions.len()).step_by(3).collect();
        for actions in [every, some, Vec::new()] {
            let m = coverage_matrix(&d, &actions);
            let (cells, totals) = by_definition(&d, &actions);
            let got: Vec<Vec<usize>> = m.rows.iter().map(|r| r.counts.clone()).collect();
            assert_eq!(got, cells);
            assert_eq!(m.totals, totals);
            assert!(actions.is_empty() || m.totals.iter().sum::<usize>() > 0);
        }
    }

    fn prov() -> Provenance {
        Provenance {
            kind: ProvenanceKind::Confirmed,
            note: Text::new("n", "n"),
            uncertain: false,
        }
    }

    fn action(id: &str, pillars: &[&str], goals: &[&str], hazards: &[&str]) -> Action {
        let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        Action {
            pillars: list(pillars),
            goals: list(goals),
            ..crate::model::testdata::action(id, id, hazards, &[])
        }
    }

    fn dataset() -> Dataset {
        let mut d = crate::model::synthetic::generate(0, 0, 1);
        d.pillars.truncate(2);
        d.pillars[0].id = "p1".into();
        d.pillars[1].id = "p2".into();
        let hz = |id: &str, kind| Hazard {
            id: id.into(),
            kind,
            name: Text::new(id, id),
            description: None,
            sources: vec![],
            provenance: prov(),
        };
        d.hazards = vec![
            hz("stress1", HazardKind::Stress),
            hz("shock1", HazardKind::Shock),
            hz("shock2", HazardKind::Shock),
        ];
        d.goals = vec![Goal {
            id: "g1".into(),
            pillar: "p2".into(),
            name: Text::new("g1", "g1"),
            sources: vec![],
            provenance: prov(),
        }];
        d.actions = [
            action("a", &["p1"], &[], &["shock1", "stress1"]),
            action("b", &["p1", "p2"], &["g1"], &["shock1"]),
            action("c", &["p2"], &[], &["shock2"]),
            action("d", &[], &[], &["shock2"]),
        ]
        .into_iter()
        .map(Box::new)
        .collect();
        d
    }

    #[test]
    fn matrix_counts_and_gaps() {
        let d = dataset();
        let m = coverage_matrix(&d, &[0, 1, 2, 3]);
        assert_eq!(
            m.columns,
            vec!["shock1", "shock2", "stress1"],
            "shocks first"
        );
        assert_eq!(m.shock_columns, 2);
        assert_eq!(m.rows[0].counts, vec![2, 0, 1]);
        assert_eq!(m.rows[1].counts, vec![1, 1, 0]);
        assert_eq!(m.gaps(), 2);
        assert_eq!(m.max(), 2);
        let only_c = coverage_matrix(&d, &[2]);
        assert_eq!(only_c.rows[0].counts, vec![0, 0, 0]);
        assert_eq!(only_c.gaps(), 5);
    }

    #[test]
    fn expansion_lists_goals_or_actions_under_their_pillar() {
        let d = dataset();
        let all = [0, 1, 2, 3];
        let m = coverage_matrix_expanded(&d, &all, &["p1".into(), "p2".into()]);
        let ids: Vec<(&str, RowKind)> = m.rows.iter().map(|r| (r.id.as_str(), r.kind)).collect();
        assert_eq!(
            ids,
            vec![
                ("p1", RowKind::Pillar),
                ("a", RowKind::Action),
                ("b", RowKind::Action),
                ("p2", RowKind::Pillar),
                ("g1", RowKind::Goal),
            ]
        );
        assert_eq!(m.rows[1].counts, vec![1, 0, 1]);
        assert_eq!(m.rows[1].parent.as_deref(), Some("p1"));
        assert_eq!(m.rows[4].counts, vec![1, 0, 0]);
        let none = coverage_matrix_expanded(&d, &all, &[]);
        assert_eq!(none, coverage_matrix(&d, &all));
    }

    #[test]
    fn hazard_and_pillarless_counts() {
        let d = dataset();
        assert_eq!(actions_with_hazard(&d, &[0, 1, 2, 3], "shock2"), 2);
        assert_eq!(actions_without_pillar(&d, &[0, 1, 2, 3]), 1);
    }

    #[test]
    fn counts_by_key() {
        let mut d = dataset();
        d.actions[0].status = Some(Status::Ongoing);
        d.actions[0].lead = Some("B agency".into());
        d.actions[1].lead = Some("A agency".into());
        d.actions[2].lead = Some("B agency".into());
        let all = [0, 1, 2, 3];
        assert_eq!(
            by_pillar(&d, &all),
            vec![("p1".to_string(), 2), ("p2".to_string(), 2)]
        );
        let st = by_status(&d, &all);
        assert_eq!(st[1], ("ongoing".to_string(), 1));
        assert_eq!(st[3], ("unknown".to_string(), 3));
        assert_eq!(
            by_lead(&d, &all),
            vec![("B agency".to_string(), 2), ("A agency".to_string(), 1)]
        );
    }

    #[test]
    fn shade_steps() {
        assert_eq!(shade_step(0, 9, 4), 0);
        assert_eq!(shade_step(1, 9, 4), 1);
        assert_eq!(shade_step(9, 9, 4), 4);
        assert_eq!(shade_step(12, 9, 4), 4);
        assert!(shade_step(5, 9, 4) >= shade_step(3, 9, 4));
        assert_eq!(shade_step(3, 0, 4), 0);
    }

    #[test]
    fn cell_filters_list_what_the_cell_counts() {
        let d = dataset();
        let index = crate::model::Index::new(&d);
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let m = coverage_matrix(&d, &all);
        for row in &m.rows {
            for (col, hazard) in m.columns.iter().enumerate() {
                let f = cell_filters(&d, &row.id, hazard).expect("a known hazard");
                assert_eq!(
                    index.matching(&d, &f).len(),
                    row.counts[col],
                    "{} × {hazard}",
                    row.id
                );
            }
        }
        assert!(cell_filters(&d, "p1", "no-such-hazard").is_none());
    }
}
