//! Horizontal bar charts of matching actions: by pillar, by status, by lead agency (the
//! largest ten, the rest summed in one "others" bar) and by CRF driver. Every bar has its
//! label and its count written next to it; bars whose value is an active filter get a dark
//! outline and a check mark; zero bars show a dashed stub so absences stay visible. Clicking
//! a bar adds or removes that filter. Labels sit left of the bars on wide layouts and above
//! them on narrow ones.

mod render;

use super::{empty_summary, ChartInput, ChartSpec};
use crate::i18n::{self, tf};
use crate::model::coverage::{by_driver, by_lead, by_pillar, by_status};
use crate::model::sentences::leaders;
use crate::model::{Facet, Status};

/// How many lead agencies get their own bar.
pub const TOP_LEADS: usize = 10;
/// Below this width labels go above the bars.
pub const STACK_BELOW: u32 = 560;

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Filter value (pillar id, status code…); `None` for an aggregate bar.
    pub value: Option<String>,
    /// Label.
    pub label: String,
    /// Count.
    pub count: usize,
}

/// A bar chart before drawing: what it says and its bars.
struct BarChart<'a> {
    slug: &'static str,
    title: String,
    summary: String,
    note: Option<String>,
    label_header: String,
    facet: Facet,
    bars: Vec<Bar>,
    inp: &'a ChartInput<'a>,
}

/// The chart's sentence: the bar with the most, or the bars tied for the most, all named
/// (`key`'s two forms), or that no bar has any (`none_key`). `bars` are every candidate,
/// also those not drawn.
fn summary_top(
    inp: &ChartInput,
    key: i18n::Key,
    none_key: i18n::Key,
    bars: &[Bar],
    extra: &[(&str, String)],
) -> String {
    if inp.matching.is_empty() {
        return empty_summary(inp);
    }
    let counts: Vec<usize> = bars
        .iter()
        .map(|b| if b.value.is_some() { b.count } else { 0 })
        .collect();
    let Some((n, top)) = leaders(&counts) else {
        return tf(
            inp.lang,
            none_key,
            &[("total", inp.n_actions(inp.matching.len()))],
        );
    };
    let names: Vec<String> = top.iter().map(|&i| bars[i].label.clone()).collect();
    let mut args = vec![
        ("name", i18n::join(inp.lang, &names)),
        ("n", inp.num(n)),
        ("total", inp.n_actions(inp.matching.len())),
        ("noun", inp.noun(false).to_string()),
    ];
    args.extend(extra.iter().map(|(k, v)| (*k, v.clone())));
    i18n::fill(
        i18n::form(key(i18n::texts(inp.lang)), top.len() == 1),
        &args,
    )
}

/// Actions by pillar.
pub fn pillars(inp: &ChartInput) -> ChartSpec {
    let d = inp.dataset;
    let bars: Vec<Bar> = by_pillar(d, inp.matching)
        .into_iter()
        .map(|(id, n)| Bar {
            label: d
                .pillars
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.name.get(inp.lang).to_string())
                .unwrap_or_else(|| id.clone()),
            value: Some(id),
            count: n,
        })
        .collect();
    let summary = summary_top(
        inp,
        |t| t.charts.pillar_summary,
        |t| t.charts.pillar_summary_none,
        &bars,
        &[],
    );
    let multi = inp
        .matching
        .iter()
        .filter(|&&i| d.actions[i].pillars.len() > 1)
        .count();
    let note = (multi > 0).then(|| {
        i18n::fill(
            i18n::texts(inp.lang).charts.pillar_note_multi,
            &[("n", inp.n_actions(multi))],
        )
    });
    render::render(BarChart {
        slug: "by-pillar",
        title: i18n::fill(
            i18n::texts(inp.lang).charts.pillar_title,
            &[("noun", inp.noun(true).to_string())],
        ),
        summary,
        note,
        label_header: i18n::texts(inp.lang).filters.pillar.to_string(),
        facet: Facet::Pillar,
        bars,
        inp,
    })
}

fn status_label(inp: &ChartInput, code: &str) -> String {
    match Status::from_code(code) {
        Some(Status::Planned) => i18n::texts(inp.lang).status.planned,
        Some(Status::Ongoing) => i18n::texts(inp.lang).status.ongoing,
        Some(Status::Completed) => i18n::texts(inp.lang).status.completed,
        _ => i18n::texts(inp.lang).status.unknown,
    }
    .to_string()
}

/// Actions by status (no status counts as unknown).
pub fn statuses(inp: &ChartInput) -> ChartSpec {
    let bars: Vec<Bar> = by_status(inp.dataset, inp.matching)
        .into_iter()
        .map(|(code, n)| Bar {
            label: status_label(inp, &code),
            value: Some(code),
            count: n,
        })
        .collect();
    let summary = summary_top(
        inp,
        |t| t.charts.status_summary,
        |t| t.charts.status_summary_none,
        &bars,
        &[],
    );
    render::render(BarChart {
        slug: "by-status",
        title: i18n::fill(
            i18n::texts(inp.lang).charts.status_title,
            &[("noun", inp.noun(true).to_string())],
        ),
        summary,
        note: None,
        label_header: i18n::texts(inp.lang).filters.status.to_string(),
        facet: Facet::Status,
        bars,
        inp,
    })
}

/// Actions by lead agency: the ten largest, then one bar for all others.
pub fn leads(inp: &ChartInput) -> ChartSpec {
    let all = by_lead(inp.dataset, inp.matching);
    let agencies = all.len();
    // Every agency is a candidate for the sentence: a tie may run past the drawn bars.
    let every: Vec<Bar> = all
        .iter()
        .map(|(name, n)| Bar {
            value: Some(name.clone()),
            label: name.clone(),
            count: *n,
        })
        .collect();
    let mut bars: Vec<Bar> = every.iter().take(TOP_LEADS).cloned().collect();
    if all.len() > TOP_LEADS {
        let rest = &all[TOP_LEADS..];
        bars.push(Bar {
            value: None,
            label: i18n::plural(
                inp.lang,
                i18n::texts(inp.lang).charts.lead_others,
                rest.len(),
            ),
            count: rest.iter().map(|(_, n)| n).sum(),
        });
    }
    let without = inp
        .matching
        .iter()
        .filter(|&&i| inp.dataset.actions[i].lead.is_none())
        .count();
    let summary = summary_top(
        inp,
        |t| t.charts.lead_summary,
        |t| t.charts.lead_summary_none,
        &every,
        &[(
            "agencies",
            i18n::plural(inp.lang, i18n::texts(inp.lang).charts.agencies, agencies),
        )],
    );
    let note = (without > 0).then(|| {
        i18n::fill(
            i18n::texts(inp.lang).charts.lead_note_none,
            &[("n", inp.n_actions(without))],
        )
    });
    render::render(BarChart {
        slug: "by-lead",
        title: i18n::fill(
            i18n::texts(inp.lang).charts.lead_title,
            &[("noun", inp.noun(true).to_string())],
        ),
        summary,
        note,
        label_header: i18n::texts(inp.lang).filters.lead.to_string(),
        facet: Facet::Lead,
        bars,
        inp,
    })
}

/// Actions by CRF driver (every driver, including those with none).
pub fn drivers(inp: &ChartInput) -> ChartSpec {
    let d = inp.dataset;
    let bars: Vec<Bar> = by_driver(d, inp.matching)
        .into_iter()
        .map(|(id, n)| Bar {
            label: d
                .crf
                .drivers
                .iter()
                .find(|x| x.id == id)
                .map(|x| x.name.get(inp.lang).to_string())
                .unwrap_or_else(|| id.clone()),
            value: Some(id),
            count: n,
        })
        .collect();
    let zero = bars.iter().filter(|b| b.count == 0).count();
    let summary = summary_top(
        inp,
        |t| t.charts.driver_summary,
        |t| t.charts.driver_summary_none,
        &bars,
        &[("zero", inp.num(zero)), ("drivers", inp.num(bars.len()))],
    );
    render::render(BarChart {
        slug: "by-driver",
        title: i18n::fill(
            i18n::texts(inp.lang).charts.driver_title,
            &[("noun", inp.noun(true).to_string())],
        ),
        summary,
        note: None,
        label_header: i18n::texts(inp.lang).filters.driver.to_string(),
        facet: Facet::Driver,
        bars,
        inp,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testdata::{input as inp, tiny};
    use crate::charts::{Cell, HitAction};
    use crate::model::{Filters, Lang};

    #[test]
    fn pillar_bars_count_and_summarise() {
        let d = tiny();
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        let s = pillars(&inp(&d, &all, &f, Lang::Id, 600));
        assert_eq!(
            s.table.rows,
            vec![
                vec![Cell::Text("Jakarta Siap".into()), Cell::Num(3)],
                vec![Cell::Text("Jakarta Sehat".into()), Cell::Num(2)],
            ]
        );
        assert_eq!(s.table.header, vec!["Pilar", "Inisiatif"]);
        assert_eq!(
            s.summary,
            "Jakarta Siap memiliki inisiatif terbanyak: 3 dari 5 inisiatif."
        );
        assert!(s.note.unwrap().contains("1 inisiatif"));
        assert_eq!(s.hits.len(), 2);
        assert_eq!(
            s.hits[0].action,
            HitAction::Toggle(Facet::Pillar, "siap".into())
        );
        let en = pillars(&inp(&d, &all, &f, Lang::En, 600));
        assert_eq!(
            en.summary,
            "Prepared Jakarta has the most initiatives: 3 of 5 initiatives."
        );
    }

    #[test]
    fn status_bars_include_unknown_and_mark_the_active_filter() {
        let d = tiny();
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default().with(Facet::Status, &[Status::Ongoing.code()]);
        let s = statuses(&inp(&d, &all, &f, Lang::En, 400));
        let counts: Vec<usize> = s
            .table
            .rows
            .iter()
            .map(|r| match r[1] {
                Cell::Num(n) => n,
                _ => 0,
            })
            .collect();
        assert_eq!(
            counts,
            vec![1, 2, 1, 1],
            "planned, ongoing, completed, unknown"
        );
        let ongoing = s.hits.iter().find(|h| h.key == "ongoing").unwrap();
        assert_eq!(ongoing.pressed, Some(true));
        assert!(ongoing.label.contains("remove"), "{}", ongoing.label);
        assert!(s.svg.contains("✓"));
    }

    #[test]
    fn leads_keep_the_top_ten_and_sum_the_rest() {
        let mut d = tiny();
        let template = d.actions[0].clone();
        for i in 0..14 {
            let mut a = template.clone();
            a.id = format!("x{i}");
            a.lead = Some(format!("Agency {i:02}"));
            d.actions.push(a);
        }
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        let s = leads(&inp(&d, &all, &f, Lang::En, 900));
        assert_eq!(s.table.rows.len(), TOP_LEADS + 1);
        assert_eq!(s.table.rows[0][0], Cell::Text("Dinas Air".into()));
        assert_eq!(s.table.rows[0][1], Cell::Num(2));
        let others = s.table.rows.last().unwrap();
        assert!(others[0].raw().contains("6 other"), "{:?}", others[0]);
        let listed: usize = s
            .table
            .rows
            .iter()
            .map(|r| r[1].raw().parse::<usize>().unwrap())
            .sum();
        let with_lead = d.actions.iter().filter(|a| a.lead.is_some()).count();
        assert_eq!(
            listed, with_lead,
            "every action with a lead is counted once"
        );
        assert_eq!(s.hits.last().unwrap().action, HitAction::None);
        assert!(s.note.unwrap().contains("2 initiatives"));
    }

    #[test]
    fn drivers_show_zero_bars() {
        let d = tiny();
        let f = Filters::default();
        let s = drivers(&inp(&d, &[2], &f, Lang::Id, 1000));
        assert_eq!(s.table.rows.len(), 2);
        assert_eq!(s.table.rows[0][1], Cell::Num(0));
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let s = drivers(&inp(&d, &all, &f, Lang::Id, 1000));
        assert!(s.summary.contains("Kebutuhan dasar"), "{}", s.summary);
        assert!(s.summary.contains("1 dari 2"), "{}", s.summary);
    }

    #[test]
    fn charts_without_values_say_so() {
        let mut d = tiny();
        for a in &mut d.actions {
            a.lead = None;
            a.crf_drivers.clear();
        }
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let f = Filters::default();
        let l = leads(&inp(&d, &all, &f, Lang::En, 600));
        assert_eq!(
            l.summary,
            "None of the 5 initiatives that match names a lead agency."
        );
        assert!(l.table.rows.is_empty());
        let dr = drivers(&inp(&d, &all, &f, Lang::Id, 600));
        assert_eq!(
            dr.summary,
            "Tidak satu pun dari 5 inisiatif yang cocok dikaitkan dengan penggerak CRF."
        );
    }

    #[test]
    fn csv_rows_are_exactly_the_table_rows() {
        let d = tiny();
        let f = Filters::default();
        let s = statuses(&inp(&d, &[0, 1], &f, Lang::Id, 600));
        let csv = s.csv("src");
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "Status,Inisiatif,source");
        assert_eq!(lines.len(), 1 + s.table.rows.len());
        assert_eq!(lines[1], "Direncanakan,0,src");
        assert_eq!(lines[2], "Berjalan,1,src");
    }
}
