//! The coverage matrix: pillars (optionally expanded into goals or actions) against the
//! shocks and stresses, each cell the number of matching actions with the count printed in
//! it; empty cells (the gaps) are hatched, outlined with a red dashed line and show "0".
//! Wide layouts put pillars in rows and hazards in columns (shocks, then stresses); narrow
//! ones (phones) transpose it so it stays readable, and scroll inside the chart when even
//! that does not fit. Clicking a cell sets the pillar and hazard filters.
//!
//! Here: the chart, its table, notes and summary. `labels` says what every row, column and
//! cell says and does; `layout` places them in either orientation; `draw` draws any layout
//! with one routine; `legend` draws the legend.

mod draw;
mod labels;
mod layout;
mod legend;

pub use legend::legend_buckets;

use super::{empty_summary, Cell, ChartInput, ChartSpec, Table};
use crate::i18n;
use crate::model::coverage::{
    actions_without_pillar, coverage_matrix_expanded, CoverageMatrix, RowKind,
};
use crate::model::sentences::leaders;
use labels::{cols_info, kind_name, rows_info, ColInfo, Grid, RowInfo};
use layout::Orientation;

/// Below this width the matrix is transposed (hazards in rows).
pub const TRANSPOSE_BELOW: u32 = 620;

/// Margin around the chart.
const PAD: i32 = 8;
/// Size of the wide matrix's labels and counts and of the legend, in px: readable from the
/// back of a room on a projector (at 1280 × 720 the chart is drawn at 1:1).
const TEXT_PX: f64 = 14.0;
/// Space between the shock and the stress columns of the wide matrix.
const GROUP_GAP: i32 = 10;

/// Draws the coverage matrix. `expanded` lists the pillars shown with their goals/actions.
pub fn coverage(inp: &ChartInput, expanded: &[String]) -> ChartSpec {
    let d = inp.dataset;
    let m = coverage_matrix_expanded(d, inp.matching, expanded);
    let rows = rows_info(inp, &m, expanded);
    let cols = cols_info(inp, &m);
    let title = i18n::texts(inp.lang).charts.matrix_title.to_string();
    let summary = summarise(inp, &m, &rows, &cols);

    // Table: one row per matrix row, one column per hazard.
    let mut header = vec![i18n::texts(inp.lang).charts.matrix_row_header.to_string()];
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
        caption: i18n::texts(inp.lang).charts.matrix_caption.to_string(),
        header,
        rows: table_rows,
    };

    let mut notes = Vec::new();
    let without = actions_without_pillar(d, inp.matching);
    if without > 0 {
        notes.push(i18n::fill(
            i18n::texts(inp.lang).charts.matrix_note_no_pillar,
            &[("n", inp.n_actions(without))],
        ));
    }
    if cols.is_empty() {
        notes.push(
            i18n::texts(inp.lang)
                .charts
                .matrix_note_no_hazards
                .to_string(),
        );
    }

    let orientation = if inp.width < TRANSPOSE_BELOW {
        Orientation::Tall
    } else {
        Orientation::Wide
    };
    let grid = Grid {
        m: &m,
        rows: &rows,
        cols: &cols,
    };
    let drawing = draw::draw(inp, &grid, orientation);
    let note = (!notes.is_empty()).then(|| notes.join(" "));
    ChartSpec::new("coverage-matrix", title, summary, note, table, drawing)
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
    let Some((n, top)) = leaders(&m.totals[..cols.len()]) else {
        return i18n::fill(
            i18n::texts(inp.lang).charts.matrix_summary_no_hazard,
            &[("total", inp.n_actions(total))],
        );
    };
    // Several shocks or stresses tied for the most are all named, with no pillar; one is
    // named with the pillar (or the pillars tied) where most of its actions are.
    let hazards: Vec<String> = top.iter().map(|&j| cols[j].label.clone()).collect();
    let j = top[0];
    let in_pillars: Vec<usize> = pillar_rows.iter().map(|&i| m.rows[i].counts[j]).collect();
    let pillars: Vec<String> = leaders(&in_pillars)
        .map(|(_, p)| {
            p.iter()
                .map(|&k| rows[pillar_rows[k]].label.clone())
                .collect()
        })
        .unwrap_or_default();
    let text = match (hazards.len(), pillars.len()) {
        (1, 0) => i18n::texts(inp.lang).charts.matrix_summary_no_pillar,
        (1, p) => i18n::form(i18n::texts(inp.lang).charts.matrix_summary, p == 1),
        _ => i18n::texts(inp.lang).charts.matrix_summary_tie,
    };
    i18n::fill(
        text,
        &[
            ("hazard", i18n::join(inp.lang, &hazards)),
            ("n", inp.num(n)),
            ("total", inp.n_actions(total)),
            ("pillar", i18n::join(inp.lang, &pillars)),
            ("gaps", inp.num(gaps)),
            ("cells", inp.num(cells)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testdata::{input, tiny};
    use crate::charts::HitAction;
    use crate::model::{Facet, Filters, Lang};

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
    fn a_filter_change_redraws_cells_in_place() {
        // Cells that turn from counts into gaps (and back) keep their elements, so the page
        // changes attributes only (`markup_diff::plan`), in both orientations.
        use crate::charts::markup_diff::{elements, plan, split_svg, Change};
        let d = tiny();
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        for width in [1000, 320] {
            let before = coverage(&input(&d, &all, &f, Lang::En, width), &[]);
            let after = coverage(&input(&d, &[1], &f, Lang::En, width), &[]);
            let (Some((_, b)), Some((_, a))) = (split_svg(&before.svg), split_svg(&after.svg))
            else {
                panic!("two SVG documents");
            };
            let (b, a) = (elements(b).expect("markup"), elements(a).expect("markup"));
            // In place up to the legend (whose steps follow the largest count).
            let legend = a
                .iter()
                .position(|e| e.contains(">Count:<"))
                .expect("a legend");
            let p = plan(&b, &a, 1_000_000);
            let first_replaced = p.replace.first().map_or(a.len(), |h| h.new.start);
            assert!(
                first_replaced >= legend,
                "in place up to {first_replaced} of {}, legend at {legend}",
                a.len()
            );
            let list = p.edits;
            let fills = list
                .iter()
                .flat_map(|(_, _, c)| c)
                .filter(|c| matches!(c, Change::Set("fill", _)))
                .count();
            assert!(fills >= 2, "cells changed colour at {width} px: {list:?}");
            let texts = list
                .iter()
                .flat_map(|(_, _, c)| c)
                .filter(|c| matches!(c, Change::Text(t) if t == "0"))
                .count();
            assert!(texts >= 2, "counts became gaps at {width} px");
        }
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
        let f = Filters::default()
            .with(Facet::Pillar, &["siap"])
            .with(Facet::Shock, &["flood"]);
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

    /// Wide and tall are one drawing in two orientations: the same cells with the same
    /// counts, labels, actions and states, the same row headers, every text of one drawn in
    /// the other, and each cell's place in the visual grid transposed.
    #[test]
    fn wide_and_tall_draw_the_same_cells_and_labels() {
        let d = tiny();
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default()
            .with(Facet::Pillar, &["siap"])
            .with(Facet::Stress, &["traffic"]);
        for lang in [Lang::Id, Lang::En] {
            for expanded in [vec![], vec!["siap".to_string()]] {
                let wide = coverage(&input(&d, &all, &f, lang, 1000), &expanded);
                let tall = coverage(&input(&d, &all, &f, lang, 400), &expanded);
                let marks = |s: &ChartSpec| {
                    let mut v: Vec<_> = s
                        .hits
                        .iter()
                        .map(|h| {
                            (
                                h.key.clone(),
                                h.label.clone(),
                                h.action.clone(),
                                h.pressed,
                                h.expanded,
                            )
                        })
                        .collect();
                    v.sort_by(|a, b| a.0.cmp(&b.0));
                    v
                };
                assert_eq!(marks(&wide), marks(&tall));
                assert_eq!(wide.table, tall.table);
                assert_eq!(wide.summary, tall.summary);
                let rows = wide.table.rows.len() as i32;
                for w in wide.hits.iter().filter(|h| !h.key.starts_with("row|")) {
                    let t = tall.hits.iter().find(|t| t.key == w.key).unwrap();
                    assert_eq!((t.grid.0, t.grid.1 - 1), (w.grid.1, w.grid.0), "{}", w.key);
                    assert!(w.grid.0 < rows);
                }
                // Every text drawn tall is drawn wide too: whole, cut short with an
                // ellipsis, or as the whole of which a wrapped line is a part.
                let texts = |svg: &str| -> Vec<String> {
                    svg.split("<text")
                        .skip(1)
                        .filter_map(|t| {
                            Some(t[t.find('>')? + 1..t.find("</text>")?].trim().to_string())
                        })
                        .collect()
                };
                let wide_texts = texts(&wide.svg);
                for t in texts(&tall.svg) {
                    let shown = wide_texts.iter().any(|w| {
                        w == &t
                            || w.contains(&t)
                            || w.strip_suffix('…').is_some_and(|cut| t.starts_with(cut))
                    });
                    assert!(shown, "{t:?} is drawn only when tall");
                }
                for h in &d.hazards {
                    let name = h.name.get(lang);
                    assert!(wide.svg.contains(name) && tall.svg.contains(name), "{name}");
                }
            }
        }
    }
}
