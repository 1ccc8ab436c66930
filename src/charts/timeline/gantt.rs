//! The Gantt of the matching actions that have a start year: open-ended ones drawn up to
//! the latest year drawn (at least the dataset's year) with an arrow head, which a legend
//! explains when there is one, the strategy's launch as a dashed reference line,
//! at most [`GANTT_MAX_ROWS`] rows drawn (the table keeps them all).

use super::scale::{draw_axis, Scale};
use super::{label_column, PAD};
use crate::charts::draw::{Align, Drawing, Font};
use crate::charts::palette;
use crate::charts::text;
use crate::charts::{empty_summary, Cell, ChartInput, ChartSpec, Hit, HitAction, Table};
use crate::i18n;
use crate::model::date::PartialDate;
use crate::model::{Action, Status};

/// Most rows the Gantt draws (the first ones by start year); its table keeps them all.
pub const GANTT_MAX_ROWS: usize = 60;

fn status_text(inp: &ChartInput, a: &Action) -> &'static str {
    match a.status.unwrap_or(Status::Unknown) {
        Status::Planned => i18n::texts(inp.lang).status.planned,
        Status::Ongoing => i18n::texts(inp.lang).status.ongoing,
        Status::Completed => i18n::texts(inp.lang).status.completed,
        Status::Unknown => i18n::texts(inp.lang).status.unknown,
    }
}

/// The year open-ended timeframes are drawn to: the dataset's date, else the latest year.
pub fn reference_year(inp: &ChartInput) -> i32 {
    let d = inp.dataset;
    d.meta
        .dataset_date
        .as_deref()
        .and_then(|s| PartialDate::parse(s).ok())
        .map(|p| p.year)
        .unwrap_or_else(|| {
            d.actions
                .iter()
                .filter_map(|a| a.timeframe.as_ref())
                .flat_map(|t| [t.start, t.end])
                .flatten()
                .max()
                .unwrap_or(2020)
        })
}

/// A Gantt of the matching actions' timeframes.
pub fn gantt(inp: &ChartInput) -> ChartSpec {
    let d = inp.dataset;
    let mut items: Vec<(i32, Option<i32>, &Action)> = inp
        .matching
        .iter()
        .map(|&i| &*d.actions[i])
        .filter_map(|a| {
            let t = a.timeframe.as_ref()?;
            Some((t.start?, t.end, a))
        })
        .collect();
    // By start, then end (open-ended last), then dataset order (the matching actions are in
    // dataset order, and the sort is stable): sorted in place, no copies at 10,000 actions.
    items.sort_by_key(|&(s, e, _)| (s, e.is_none(), e));
    let reference = reference_year(inp);
    let open = items.iter().filter(|i| i.1.is_none()).count();
    // Past GANTT_MAX_ROWS rows a Gantt is a wall nobody reads (and thousands of rows freeze a
    // phone): the first ones by start year are drawn, the table and the CSV keep them all.
    let drawn = &items[..items.len().min(GANTT_MAX_ROWS)];
    // Open-ended bars run to the latest year drawn (at least the dataset's year), so that the
    // legend's "drawn up to" is where they end and no bar ends beyond it.
    let open_to = drawn
        .iter()
        .map(|&(s, e, _)| e.unwrap_or(s).max(s))
        .max()
        .unwrap_or(reference)
        .max(reference);
    let any_open = drawn.iter().any(|i| i.1.is_none());
    let title = i18n::fill(
        i18n::texts(inp.lang).charts.gantt_title,
        &[("noun", inp.noun(false).to_string())],
    );
    let summary = if inp.matching.is_empty() {
        empty_summary(inp)
    } else if items.is_empty() {
        i18n::fill(
            i18n::texts(inp.lang).charts.gantt_summary_none,
            &[("total", inp.n_actions(inp.matching.len()))],
        )
    } else {
        i18n::fill(
            // "1 of 5 has", "3 of 5 have".
            i18n::form(i18n::texts(inp.lang).charts.gantt_summary, items.len() == 1),
            &[
                ("n", inp.num(items.len())),
                ("total", inp.n_actions(inp.matching.len())),
                ("first", items[0].0.to_string()),
                ("open", inp.num(open)),
            ],
        )
    };
    let missing = inp.matching.len() - items.len();
    let capped = (drawn.len() < items.len()).then(|| {
        i18n::fill(
            i18n::texts(inp.lang).charts.gantt_note_capped,
            &[("shown", inp.num(drawn.len())), ("n", inp.num(items.len()))],
        )
    });
    let missing = (missing > 0).then(|| {
        i18n::fill(
            i18n::texts(inp.lang).charts.gantt_note_missing,
            &[("n", inp.n_actions(missing))],
        )
    });
    let note = match (capped, missing) {
        (Some(c), Some(m)) => Some(format!("{c} {m}")),
        (c, m) => c.or(m),
    };
    let open_label = i18n::fill(
        i18n::texts(inp.lang).charts.gantt_open,
        &[("year", open_to.to_string())],
    );

    let (width, label_w) = label_column(inp, 0.45, 0.36, 360.0);
    let size = 12.0;
    let wrapped: Vec<Vec<String>> = drawn
        .iter()
        .map(|(_, _, a)| text::wrap(a.title.get(inp.lang), size, (label_w - 8) as f64, 2))
        .collect();
    let row_h = 38;
    // The legend explains the arrow head: only when an open-ended bar is drawn.
    let legend_h = if any_open { 26 } else { 0 };
    let axis_h = 44;
    let height = PAD * 2 + legend_h + axis_h + row_h * drawn.len() as i32;
    let first = drawn.iter().map(|i| i.0).min().unwrap_or(reference - 4);
    let last = open_to;
    let scale = Scale {
        from: first as f64,
        to: last as f64 + 1.0,
        x0: PAD + label_w + 10,
        x1: width - PAD - 16,
    };
    let launch = d
        .meta
        .published
        .as_deref()
        .and_then(|p| PartialDate::parse(p).ok());

    let drawing = Drawing::draw(inp.drawn, width, height, |pen, hits| {
        // Legend: the arrow head means "no end year".
        if any_open {
            let ly = PAD + legend_h / 2;
            pen.rect(PAD, ly - 6, 22, 12, palette::GANTT);
            pen.polygon(
                vec![(PAD + 22, ly - 9), (PAD + 32, ly), (PAD + 22, ly + 9)],
                palette::GANTT,
            );
            pen.text(
                &text::truncate(&open_label, 12.0, (width - 3 * PAD - 40) as f64),
                PAD + 40,
                ly,
                Font::new(12.0, palette::MUTED),
            );
        }
        let top = PAD + legend_h + 14;
        draw_axis(pen, &scale, top, height - PAD);
        if let Some(l) = launch {
            let x = scale.x(l.as_year_fraction());
            if x >= scale.x0 && x <= scale.x1 {
                pen.dashed((x, top + 12), (x, height - PAD), palette::MARKER, 2, 5);
                let label = i18n::fill(
                    i18n::texts(inp.lang).charts.gantt_launch,
                    &[("year", l.year.to_string())],
                );
                let right_room = width - PAD - x;
                let align = if right_room > text::width(&label, 11.0) as i32 + 8 {
                    Align::Start
                } else {
                    Align::End
                };
                let tx = if align == Align::Start { x + 4 } else { x - 4 };
                pen.text(
                    &label,
                    tx,
                    top + 22,
                    Font::new(11.0, palette::MARKER).bold().align(align),
                );
            }
        }
        let mut y = PAD + legend_h + axis_h;
        for (i, ((start, end, a), lines)) in drawn.iter().zip(&wrapped).enumerate() {
            if i % 2 == 0 {
                pen.rect(PAD, y, width - 2 * PAD, row_h, palette::BAND);
            }
            pen.lines(
                lines,
                PAD + 4,
                y + row_h / 2,
                14,
                Font::new(size, palette::TEXT),
            );
            let x0 = scale.x(*start as f64);
            let end_year = end.unwrap_or(open_to).max(*start);
            let x1 = scale.x(end_year as f64 + 1.0).max(x0 + 4);
            let (by, bh) = (y + 9, row_h - 18);
            let years = match end {
                Some(e) if e == start => start.to_string(),
                Some(e) => format!("{start}–{e}"),
                None => format!("{start}–"),
            };
            if end.is_none() {
                let tip = x1 - 2;
                pen.rect(x0, by, (tip - x0 - 8).max(2), bh, palette::GANTT);
                pen.polygon(
                    vec![
                        (tip - 9, by - 4),
                        (tip + 3, by + bh / 2),
                        (tip - 9, by + bh + 4),
                    ],
                    palette::GANTT,
                );
            } else {
                pen.rect(x0, by, x1 - x0, bh, palette::GANTT);
            }
            let tw = text::width(&years, 11.0) as i32;
            if tw + 8 < x1 - x0 - 10 {
                pen.text(
                    &years,
                    x0 + 4,
                    by + bh / 2,
                    Font::new(11.0, palette::text_on(palette::GANTT)).bold(),
                );
            } else if x1 + 6 + tw < width - PAD {
                pen.text(
                    &years,
                    x1 + 6,
                    by + bh / 2,
                    Font::new(11.0, palette::TEXT).bold(),
                );
            } else if x0 - 6 - tw > scale.x0 {
                pen.text(
                    &years,
                    x0 - 6,
                    by + bh / 2,
                    Font::new(11.0, palette::TEXT).bold().align(Align::End),
                );
            }
            let span = match end {
                Some(_) => years.clone(),
                None => format!("{years} ({open_label})"),
            };
            let label = i18n::fill(
                i18n::texts(inp.lang).charts.gantt_hit,
                &[
                    ("name", a.title.get(inp.lang).to_string()),
                    ("years", span),
                    ("status", status_text(inp, a).to_string()),
                ],
            );
            hits.push(Hit::new(
                (PAD, y, width - 2 * PAD, row_h),
                a.id.clone(),
                label,
                HitAction::Open(a.id.clone()),
                (i as i32, 0),
            ));
            y += row_h;
        }
    });
    let table = table(inp, &title, &items);
    ChartSpec::new("timeframes", title, summary, note, table, drawing)
}

/// The Gantt's table: every item with a start year (also those not drawn), its years and
/// its status.
fn table(inp: &ChartInput, title: &str, items: &[(i32, Option<i32>, &Action)]) -> Table {
    // Unread (`tabled` false), the table lists the drawn rows only: as many rows or none
    // exactly when the full table has some or none.
    let items = if inp.tabled {
        items
    } else {
        &items[..items.len().min(GANTT_MAX_ROWS)]
    };
    Table {
        caption: title.to_string(),
        header: vec![
            i18n::t(
                inp.lang,
                if inp.aligned() {
                    |t| t.charts.col_initiative
                } else {
                    |t| t.charts.col_action
                },
            )
            .to_string(),
            i18n::texts(inp.lang).charts.gantt_col_start.to_string(),
            i18n::texts(inp.lang).charts.gantt_col_end.to_string(),
            i18n::texts(inp.lang).filters.status.to_string(),
        ],
        rows: items
            .iter()
            .map(|(s, e, a)| {
                vec![
                    Cell::Text(a.title.get(inp.lang).to_string()),
                    Cell::Text(s.to_string()),
                    match e {
                        Some(e) => Cell::Text(e.to_string()),
                        None => Cell::Text(i18n::texts(inp.lang).charts.gantt_no_end.to_string()),
                    },
                    Cell::Text(status_text(inp, a).to_string()),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testdata::{input as inp, tiny};
    use crate::model::{Filters, Lang};

    /// The Gantt's rows: the actions with a start year.
    fn rows_with_start(d: &crate::model::Dataset) -> usize {
        d.actions
            .iter()
            .filter(|a| a.timeframe.as_ref().is_some_and(|t| t.start.is_some()))
            .count()
    }

    #[test]
    fn an_unread_table_lists_the_drawn_rows_and_a_read_one_every_row() {
        let d = crate::model::synthetic::generate(300, 40, 7);
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        let read = gantt(&inp(&d, &all, &f, Lang::Id, 900));
        let with_start = rows_with_start(&d);
        assert!(
            with_start > GANTT_MAX_ROWS,
            "the fixture has more rows than are drawn"
        );
        assert_eq!(read.table.rows.len(), with_start);
        let unread = gantt(&ChartInput {
            tabled: false,
            ..inp(&d, &all, &f, Lang::Id, 900)
        });
        assert_eq!(unread.table.rows.len(), GANTT_MAX_ROWS);
        assert_eq!(unread.table.rows[..], read.table.rows[..GANTT_MAX_ROWS]);
        // The drawing and the words are the same either way.
        assert_eq!((unread.svg, unread.summary), (read.svg, read.summary));
    }

    #[test]
    fn gantt_draws_actions_with_a_start_and_marks_open_ones() {
        let d = tiny();
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        let s = gantt(&inp(&d, &all, &f, Lang::En, 900));
        // a1 2016–, a2 2017–2019, a5 2018–2020; a3 has no timeframe, a4 only an end.
        let keys: Vec<&str> = s.hits.iter().map(|h| h.key.as_str()).collect();
        assert_eq!(keys, vec!["a1", "a2", "a5"]);
        assert_eq!(s.table.rows[0][2], Cell::Text("no end year".into()));
        assert!(s.hits[0].label.contains("2016–"));
        assert!(
            s.hits[0].label.contains("2024"),
            "open-ended drawn to the dataset year"
        );
        assert_eq!(s.hits[1].action, HitAction::Open("a2".into()));
        assert!(s.note.unwrap().contains("2 initiatives"));
        assert_eq!(
            s.summary,
            "3 of 5 initiatives have a start year, the earliest 2016; without an end year: 1."
        );
        // One with a start year: the verb agrees.
        let one = gantt(&inp(&d, &[0, 2], &f, Lang::En, 900));
        assert_eq!(
            one.summary,
            "1 of 2 initiatives has a start year, the earliest 2016; without an end year: 1."
        );
        let only_a3 = gantt(&inp(&d, &[2], &f, Lang::Id, 900));
        assert!(only_a3.hits.is_empty());
        assert!(
            only_a3.summary.contains("1 inisiatif"),
            "{}",
            only_a3.summary
        );
    }

    #[test]
    fn a_long_gantt_draws_the_first_rows_and_keeps_all_in_the_table() {
        let d = crate::model::synthetic::generate(400, 40, 3);
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        let s = gantt(&inp(&d, &all, &f, Lang::En, 900));
        let with_start = rows_with_start(&d);
        assert!(with_start > GANTT_MAX_ROWS, "the test needs a long Gantt");
        assert_eq!(s.hits.len(), GANTT_MAX_ROWS, "one mark per drawn row");
        assert_eq!(s.table.rows.len(), with_start, "the table lists every row");
        assert_eq!(s.csv("x").lines().count(), with_start + 1);
        let note = s.note.expect("a note says what is left out");
        assert!(
            note.contains(&format!("the first {GANTT_MAX_ROWS} of {with_start}")),
            "{note}"
        );
        // The drawn rows are the earliest: no later start than any row left out.
        let starts: Vec<i32> = s
            .table
            .rows
            .iter()
            .map(|r| match &r[1] {
                Cell::Text(t) => t.parse().unwrap_or(i32::MAX),
                _ => i32::MAX,
            })
            .collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "sorted by start");
        assert!(
            s.height < 60 * 38 + 200,
            "height follows the drawn rows: {}",
            s.height
        );
        let id = gantt(&inp(&d, &all, &f, Lang::Id, 375));
        assert!(id.note.is_some_and(|n| n.contains("60 pertama")));
    }

    #[test]
    fn gantt_rows_follow_the_filter() {
        let d = tiny();
        let f = Filters::default();
        let s = gantt(&inp(&d, &[1], &f, Lang::Id, 375));
        assert_eq!(s.table.rows.len(), 1);
        assert_eq!(s.csv("x").lines().count(), 2);
        assert!(s.svg.contains("2017–2019"));
    }
}
