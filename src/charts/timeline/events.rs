//! The strategy's process events: one row per event, date and title on the left, a dot at
//! its date on the year scale on the right.

use super::scale::{draw_axis, Scale};
use super::{label_column, NARROW_BELOW, PAD};
use crate::charts::draw::{Drawing, Font};
use crate::charts::palette;
use crate::charts::text;
use crate::charts::{order_by, Cell, ChartInput, ChartSpec, Hit, HitAction, Table};
use crate::i18n;
use crate::model::date::PartialDate;
use crate::model::sentences;

/// The strategy's process events.
pub fn events(inp: &ChartInput) -> ChartSpec {
    let d = inp.dataset;
    let dated: Vec<(PartialDate, &crate::model::TimelineEvent)> = d
        .timeline
        .iter()
        .filter_map(|e| PartialDate::parse(&e.date).ok().map(|p| (p, e)))
        .collect();
    // By date (a month or year alone sorts before its days), then dataset order.
    let evs: Vec<(PartialDate, &crate::model::TimelineEvent)> = order_by(dated.len(), |i| {
        let p = dated[i].0;
        let y = (p.year - 1700).clamp(0, 1000) as u64;
        (y * 13 + p.month.unwrap_or(0) as u64) * 32 + p.day.unwrap_or(0) as u64
    })
    .into_iter()
    .map(|i| dated[i])
    .collect();
    let title = i18n::texts(inp.lang).charts.events_title.to_string();
    let summary = match (evs.first(), evs.last()) {
        (Some(first), Some(last)) => {
            let launch = d
                .meta
                .published
                .as_deref()
                .and_then(|p| PartialDate::parse(p).ok());
            let mut args = vec![
                (
                    "n",
                    i18n::plural(
                        inp.lang,
                        i18n::texts(inp.lang).charts.events_count,
                        evs.len(),
                    ),
                ),
                ("when", sentences::span(first.0, last.0, inp.lang)),
            ];
            let key: i18n::Key = match launch {
                Some(l) => {
                    args.push(("launch", sentences::at(l, inp.lang)));
                    |t| t.charts.events_summary_launch
                }
                None => |t| t.charts.events_summary,
            };
            i18n::tf(inp.lang, key, &args)
        }
        _ => i18n::texts(inp.lang).charts.events_empty.to_string(),
    };

    let (width, text_w) = label_column(inp, 0.55, 0.5, 560.0);
    let narrow = inp.width < NARROW_BELOW;
    let size = 13.0;
    let rows: Vec<(String, Vec<String>)> = evs
        .iter()
        .map(|(p, e)| {
            (
                p.format(inp.lang),
                text::wrap(
                    e.title.get(inp.lang),
                    size,
                    (text_w - 12) as f64,
                    if narrow { 4 } else { 3 },
                ),
            )
        })
        .collect();
    let row_h: Vec<i32> = rows
        .iter()
        .map(|(_, lines)| 18 + lines.len() as i32 * 17 + 8)
        .collect();
    let axis_h = 28;
    let height = PAD * 2 + axis_h + row_h.iter().sum::<i32>();
    let (from, to) = match (evs.first(), evs.last()) {
        (Some(a), Some(b)) => (a.0.year as f64, b.0.year as f64 + 1.0),
        _ => (2016.0, 2020.0),
    };
    let scale = Scale {
        from,
        to,
        x0: PAD + text_w + 14,
        x1: width - PAD - 10,
    };

    let drawing = Drawing::draw(inp.drawn, width, height, |pen, hits| {
        draw_axis(pen, &scale, PAD + 8, height - PAD);
        let mut y = PAD + axis_h;
        for (i, (((date, lines), (p, e)), &h)) in rows.iter().zip(&evs).zip(&row_h).enumerate() {
            if i % 2 == 0 {
                pen.rect(PAD, y, width - 2 * PAD, h, palette::BAND);
            }
            pen.text(
                date,
                PAD + 6,
                y + 13,
                Font::new(12.0, palette::MUTED).bold(),
            );
            for (k, line) in lines.iter().enumerate() {
                pen.text(
                    line,
                    PAD + 6,
                    y + 31 + k as i32 * 17,
                    Font::new(size, palette::TEXT),
                );
            }
            let cx = scale.x(p.as_year_fraction());
            let cy = y + h / 2;
            pen.line((scale.x0, cy), (cx, cy), palette::GUIDE, 1);
            pen.dot((cx, cy), 6, palette::EVENT);
            let mut label = format!("{date}: {}", e.title.get(inp.lang));
            if let Some(n) = e.participant_count {
                label.push_str(". ");
                label.push_str(&i18n::plural(
                    inp.lang,
                    i18n::texts(inp.lang).timeline.participant_count,
                    n as usize,
                ));
            }
            hits.push(Hit::new(
                (PAD, y, width - 2 * PAD, h),
                e.id.clone(),
                label,
                HitAction::None,
                (i as i32, 0),
            ));
            y += h;
        }
    });
    let table = Table {
        caption: title.clone(),
        header: vec![
            i18n::texts(inp.lang).charts.events_col_date.to_string(),
            i18n::texts(inp.lang).charts.events_col_event.to_string(),
            i18n::texts(inp.lang).timeline.participants.to_string(),
        ],
        rows: evs
            .iter()
            .map(|(p, e)| {
                vec![
                    Cell::Text(p.format(inp.lang)),
                    Cell::Text(e.title.get(inp.lang).to_string()),
                    e.participant_count
                        .map(|n| Cell::Num(n as usize))
                        .unwrap_or(Cell::Empty),
                ]
            })
            .collect(),
    };
    let note = Some(i18n::texts(inp.lang).charts.events_note.to_string());
    ChartSpec::new("process-timeline", title, summary, note, table, drawing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testdata::{input as inp, tiny};
    use crate::model::{Filters, Lang};

    #[test]
    fn events_are_sorted_and_summarised() {
        let d = tiny();
        let f = Filters::default();
        let s = events(&inp(&d, &[], &f, Lang::Id, 800));
        let keys: Vec<&str> = s.hits.iter().map(|h| h.key.as_str()).collect();
        assert_eq!(keys, vec!["e1", "e2", "e3"]);
        assert_eq!(s.table.rows[0][0], Cell::Text("17 November 2016".into()));
        assert_eq!(s.table.rows[2][2], Cell::Num(200));
        assert_eq!(
            s.summary,
            "3 peristiwa proses strategi, dari 17 November 2016 sampai 30 Agustus 2019; strategi diluncurkan pada 30 Agustus 2019."
        );
        assert!(s.hits[2].label.contains("200"));
        let en = events(&inp(&d, &[], &f, Lang::En, 375));
        assert!(
            en.summary.starts_with("3 events in the strategy's process"),
            "{}",
            en.summary
        );
        assert_eq!(en.width, 375);
    }
}
