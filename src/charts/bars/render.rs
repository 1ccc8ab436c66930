//! Drawing a bar chart: labels left of the bars (or above them when narrow), the count next
//! to each bar, the active filter values outlined and ticked, dashed stubs for zero bars,
//! one mark per bar that toggles its filter, and the table of exactly the bars drawn.

use super::{BarChart, STACK_BELOW};
use crate::charts::draw::{Drawing, Font};
use crate::charts::palette;
use crate::charts::text;
use crate::charts::{Cell, ChartSpec, Hit, HitAction, Table};
use crate::i18n;

/// Draws the chart.
pub(super) fn render(c: BarChart) -> ChartSpec {
    let inp = c.inp;
    let width = inp.width.max(260) as i32;
    let stacked = inp.width < STACK_BELOW;
    let pad = 8;
    let size = 13.0;
    let max = c.bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let label_w = if stacked {
        width - 2 * pad
    } else {
        let want = c
            .bars
            .iter()
            .map(|b| text::width(&b.label, size) as i32 + 22)
            .max()
            .unwrap_or(80);
        want.clamp(80, (width as f64 * 0.42) as i32)
    };
    let value_w = text::width(&inp.num(max), size) as i32 + 34;
    let bar_x0 = if stacked { pad } else { pad + label_w + 8 };
    let bar_span = (width - bar_x0 - pad - value_w).max(20);
    let bar_h = 20;
    let line_h = 17;
    let wrapped: Vec<Vec<String>> = c
        .bars
        .iter()
        .map(|b| text::wrap(&b.label, size, (label_w - 20) as f64, 2))
        .collect();
    let row_h: Vec<i32> = wrapped
        .iter()
        .map(|lines| {
            let n = lines.len() as i32;
            if stacked {
                n * line_h + bar_h + 14
            } else {
                (n * line_h + 8).max(bar_h + 14)
            }
        })
        .collect();
    let height = pad * 2 + row_h.iter().sum::<i32>() + 4;

    let drawing = Drawing::draw(inp.drawn, width, height, |pen, hits| {
        let mut y = pad;
        // Baseline of the bars.
        pen.line((bar_x0, pad), (bar_x0, height - pad), palette::AXIS, 1);
        for (i, ((b, lines), &h)) in c.bars.iter().zip(&wrapped).zip(&row_h).enumerate() {
            let selected = b
                .value
                .as_ref()
                .is_some_and(|v| inp.filters.has(c.facet, v));
            let n = lines.len() as i32;
            let bar_y = if stacked {
                y + n * line_h + 4
            } else {
                y + (h - bar_h) / 2
            };
            let label_font = if selected {
                Font::new(size, palette::TEXT).bold()
            } else {
                Font::new(size, palette::TEXT)
            };
            let label_x = if stacked { pad + 2 } else { pad + 16 };
            for (k, line) in lines.iter().enumerate() {
                let ly = if stacked {
                    y + line_h / 2 + 2 + k as i32 * line_h
                } else {
                    y + h / 2 - (n - 1) * line_h / 2 + k as i32 * line_h
                };
                pen.text(line, label_x, ly, label_font);
            }
            if selected && !stacked {
                pen.text("✓", pad, y + h / 2, Font::new(size, palette::TEXT).bold());
            }
            let bw = ((b.count as f64 / max as f64) * bar_span as f64).round() as i32;
            if b.count > 0 {
                // The aggregate "others" bar is grey: it is not one agency.
                let fill = if b.value.is_some() {
                    palette::BAR
                } else {
                    palette::AXIS
                };
                pen.rect(bar_x0, bar_y, bw.max(2), bar_h, fill);
                if selected {
                    pen.outline(
                        bar_x0 - 2,
                        bar_y - 2,
                        bw.max(2) + 4,
                        bar_h + 4,
                        palette::SELECTED,
                        2,
                    );
                }
            } else {
                pen.dashed_outline(bar_x0, bar_y, 14, bar_h, palette::AXIS, 1);
            }
            let mut value = inp.num(b.count);
            if selected && stacked {
                value = format!("{value} ✓");
            }
            pen.text(
                &value,
                bar_x0 + bw.max(14) + 6,
                bar_y + bar_h / 2,
                Font::new(size, palette::TEXT).bold(),
            );
            let label = i18n::fill(
                i18n::texts(inp.lang).charts.bar_hit,
                &[("name", b.label.clone()), ("count", inp.n_actions(b.count))],
            );
            hits.push(Hit {
                x: 0,
                y,
                w: width,
                h,
                key: b.value.clone().unwrap_or_else(|| "others".into()),
                label: if b.value.is_some() {
                    format!(
                        "{label}. {}",
                        i18n::t(
                            inp.lang,
                            if selected {
                                |t| t.charts.bar_remove_filter
                            } else {
                                |t| t.charts.bar_add_filter
                            }
                        )
                    )
                } else {
                    label
                },
                action: match &b.value {
                    Some(v) => HitAction::Toggle(c.facet, v.clone()),
                    None => HitAction::None,
                },
                grid: (i as i32, 0),
                expanded: None,
                pressed: b.value.as_ref().map(|_| selected),
            });
            y += h;
        }
    });
    let table = Table {
        caption: c.title.clone(),
        header: vec![
            c.label_header,
            i18n::t(
                inp.lang,
                if inp.aligned() {
                    |t| t.charts.col_initiatives
                } else {
                    |t| t.charts.col_actions
                },
            )
            .to_string(),
        ],
        rows: c
            .bars
            .iter()
            .map(|b| vec![Cell::Text(b.label.clone()), Cell::Num(b.count)])
            .collect(),
    };
    ChartSpec::new(c.slug, c.title, c.summary, c.note, table, drawing)
}

#[cfg(test)]
mod tests {
    use crate::charts::bars::*;
    use crate::charts::testdata::{input as inp, tiny};
    use crate::model::{Filters, Lang};

    #[test]
    fn hits_stay_inside_the_drawing_at_phone_and_projector_widths() {
        let d = tiny();
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        for w in [320, 375, 1280, 1920] {
            for s in [
                pillars(&inp(&d, &all, &f, Lang::Id, w)),
                statuses(&inp(&d, &all, &f, Lang::Id, w)),
                leads(&inp(&d, &all, &f, Lang::Id, w)),
                drivers(&inp(&d, &all, &f, Lang::Id, w)),
            ] {
                assert_eq!(s.width, w.max(260));
                for h in &s.hits {
                    assert!(h.y + h.h <= s.height as i32);
                }
            }
        }
    }

    #[test]
    fn agency_names_are_escaped() {
        let mut d = tiny();
        d.actions[0].lead = Some("<script>alert(1)</script>".into());
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        let s = leads(&inp(&d, &all, &f, Lang::Id, 900));
        assert!(!s.svg.contains("<script"));
        assert!(s.svg.contains("&lt;script&gt;"));
    }
}
