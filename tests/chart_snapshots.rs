//! Every chart drawn from the tiny fixture, in both languages, wide and narrow, compared with
//! the recorded output in `tests/fixtures/chart-snapshots/`: the SVG, the table, the summary
//! and every interactive mark. A refactoring of the drawing code must leave them unchanged;
//! a deliberate change of a chart re-records them with
//! `UPDATE_SNAPSHOTS=1 cargo test --test chart_snapshots` (and the diff shows in review).

use std::fmt::Write;
use std::path::PathBuf;

use jrs::charts::{bars, matrix, timeline, ChartInput, ChartSpec};
use jrs::model::{Dataset, Facet, Filters, Lang};

mod support;

fn tiny() -> Dataset {
    serde_json::from_str(&support::read_text("tests/fixtures/charts-tiny.json"))
        .expect("the tiny fixture parses")
}

/// The chart as text: what it says, the SVG, the table and the marks, one item per line.
fn render(spec: &ChartSpec) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "slug: {}", spec.slug);
    let _ = writeln!(s, "title: {}", spec.title);
    let _ = writeln!(s, "summary: {}", spec.summary);
    let _ = writeln!(s, "note: {:?}", spec.note);
    let _ = writeln!(s, "size: {}×{}", spec.width, spec.height);
    let _ = writeln!(s, "--- table: {}", spec.table.caption);
    let _ = writeln!(s, "{:?}", spec.table.header);
    for row in &spec.table.rows {
        let _ = writeln!(s, "{row:?}");
    }
    let _ = writeln!(s, "--- hits");
    for h in &spec.hits {
        let _ = writeln!(s, "{h:?}");
    }
    let _ = writeln!(s, "--- svg");
    s.push_str(spec.svg.trim_end());
    s.push('\n');
    s
}

fn cases() -> Vec<(String, String)> {
    let d = tiny();
    let all: Vec<usize> = (0..d.actions.len()).collect();
    let none = Filters::default();
    let active = Filters::default()
        .with(Facet::Pillar, &["siap"])
        .with(Facet::Shock, &["flood"]);
    let mut out = Vec::new();
    for (lang, code) in [(Lang::Id, "id"), (Lang::En, "en")] {
        for width in [343u32, 1000] {
            for (fname, filters) in [("all", &none), ("active", &active)] {
                let inp = ChartInput {
                    dataset: &d,
                    matching: &all,
                    filters,
                    lang,
                    width,
                    drawn: true,
                    tabled: true,
                };
                let name = |chart: &str| format!("{chart}-{code}-{width}-{fname}");
                out.push((name("matrix"), render(&matrix::coverage(&inp, &[]))));
                out.push((
                    name("matrix-expanded"),
                    render(&matrix::coverage(&inp, &["siap".into(), "sehat".into()])),
                ));
                if fname == "all" {
                    out.push((name("pillars"), render(&bars::pillars(&inp))));
                    out.push((name("statuses"), render(&bars::statuses(&inp))));
                    out.push((name("leads"), render(&bars::leads(&inp))));
                    out.push((name("drivers"), render(&bars::drivers(&inp))));
                    out.push((name("events"), render(&timeline::events(&inp))));
                    out.push((name("gantt"), render(&timeline::gantt(&inp))));
                }
            }
        }
    }
    out
}

/// The cases that differ from their recording, each with the first line that differs (the
/// new text is written next to the test binaries); with `update`, records them instead.
fn changed(cases: &[(String, String)], update: bool) -> Vec<String> {
    let dir = support::root().join("tests/fixtures/chart-snapshots");
    let mut changed = Vec::new();
    for (name, text) in cases {
        let path = dir.join(format!("{name}.txt"));
        if update {
            std::fs::create_dir_all(&dir).expect("snapshot folder");
            std::fs::write(&path, text).expect("snapshot written");
            continue;
        }
        let recorded = std::fs::read_to_string(&path).unwrap_or_default();
        if &recorded != text {
            let line = recorded
                .lines()
                .zip(text.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(recorded.lines().count().min(text.lines().count()));
            let new = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.txt"));
            let _ = std::fs::write(&new, text);
            changed.push(format!(
                "{name}: differs from line {} (now: {})",
                line + 1,
                new.display()
            ));
        }
    }
    changed
}

#[test]
fn charts_draw_as_recorded() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let changed = changed(&cases(), update);
    assert!(
        changed.is_empty(),
        "charts changed:\n{}",
        changed.join("\n")
    );
}

#[test]
fn the_snapshot_check_sees_a_change() {
    // Negative control: the wide matrix drawn one pixel narrower, and a summary with one
    // word changed, are both reported, by name and by the line where they differ; the
    // other cases are not.
    let d = tiny();
    let all: Vec<usize> = (0..d.actions.len()).collect();
    let f = Filters::default();
    let narrower = ChartInput {
        dataset: &d,
        matching: &all,
        filters: &f,
        lang: Lang::Id,
        width: 999,
        drawn: true,
        tabled: true,
    };
    let mut cases = cases();
    for (name, text) in &mut cases {
        if name == "matrix-id-1000-all" {
            *text = render(&matrix::coverage(&narrower, &[]));
        } else if name == "pillars-en-343-all" {
            *text = text.replacen("most", "fewest", 1);
        }
    }
    let changed = changed(&cases, false);
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert!(
        changed[0].starts_with("matrix-id-1000-all: differs from line 5 "),
        "{changed:?}"
    );
    assert!(
        changed[1].starts_with("pillars-en-343-all: differs from line 3 "),
        "{changed:?}"
    );
}

#[test]
fn a_chart_far_from_the_screen_says_the_same_without_its_drawing() {
    // What a chart far from the screen makes on a filter change: its words, table and size
    // as when drawn (screen readers read them), and no drawing or marks.
    let d = tiny();
    let all: Vec<usize> = (0..d.actions.len()).collect();
    let f = Filters::default().with(Facet::Shock, &["flood"]);
    for lang in [Lang::Id, Lang::En] {
        let drawn = ChartInput {
            dataset: &d,
            matching: &all,
            filters: &f,
            lang,
            width: 700,
            drawn: true,
            tabled: true,
        };
        let far = ChartInput {
            drawn: false,
            tabled: true,
            ..drawn
        };
        type Chart = fn(&ChartInput) -> ChartSpec;
        let charts: [(&str, Chart); 7] = [
            ("matrix", |i| matrix::coverage(i, &[])),
            ("pillars", bars::pillars),
            ("statuses", bars::statuses),
            ("leads", bars::leads),
            ("drivers", bars::drivers),
            ("events", timeline::events),
            ("gantt", timeline::gantt),
        ];
        for (name, chart) in charts {
            let (a, b) = (chart(&drawn), chart(&far));
            assert!(!a.svg.is_empty() && !a.hits.is_empty(), "{name}: drawn");
            assert!(
                b.svg.is_empty() && b.hits.is_empty(),
                "{name}: far, not drawn"
            );
            assert_eq!(
                (&a.title, &a.summary, &a.note, &a.table, a.width, a.height),
                (&b.title, &b.summary, &b.note, &b.table, b.width, b.height),
                "{name}: the same words, table and size"
            );
        }
    }
}
