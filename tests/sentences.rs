//! The sentences the explorer writes from the data, on three datasets (the bundled Jakarta
//! data, Chennai and a generated one) and on variants of them made to tie, to hold one
//! event or one day, or to run past the dataset's year: ties name every leader, counts take
//! the right number, one day is not a range, the Gantt's legend names the year its
//! open-ended bars reach, and only a dataset whose documents could not be read says so.

use jrs::charts::timeline::GANTT_MAX_ROWS;
use jrs::charts::{bars, matrix, timeline, Cell, ChartInput, ChartSpec};
use jrs::i18n;
use jrs::model::sentences::{no_targets, page_title};
use jrs::model::{synthetic, Dataset, Filters, Lang};

mod support;

fn datasets() -> Vec<(&'static str, Dataset)> {
    vec![
        ("jakarta", support::dataset("data/jakarta.json")),
        ("chennai", support::dataset("data/chennai.json")),
        ("synthetic", synthetic::generate(300, 40, 7)),
    ]
}

/// Every chart's spec for the actions `matching`.
fn charts(d: &Dataset, matching: &[usize], lang: Lang) -> Vec<ChartSpec> {
    let f = Filters::default();
    let inp = ChartInput {
        dataset: d,
        matching,
        filters: &f,
        lang,
        width: 1000,
        drawn: true,
        tabled: true,
    };
    vec![
        bars::pillars(&inp),
        bars::statuses(&inp),
        bars::leads(&inp),
        bars::drivers(&inp),
        matrix::coverage(&inp, &[]),
        timeline::events(&inp),
        timeline::gantt(&inp),
    ]
}

fn all(d: &Dataset) -> Vec<usize> {
    (0..d.actions.len()).collect()
}

fn count(c: &Cell) -> usize {
    c.raw().parse().unwrap_or(0)
}

/// "1 events", "1 records", "among 1 agencies"…: a count of one with a plural noun.
fn one_with_a_plural(s: &str) -> Option<String> {
    const PLURALS: &[&str] = &[
        "events",
        "records",
        "agencies",
        "initiatives",
        "actions",
        "participants",
        "problems",
        "others",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    words.windows(2).find_map(|w| {
        let noun = w[1].trim_end_matches(|c: char| !c.is_alphabetic());
        (w[0] == "1" && PLURALS.contains(&noun)).then(|| format!("{} {}", w[0], w[1]))
    })
}

/// "from X to X" / "dari X sampai X" with the same X on both sides.
fn same_day_range(s: &str) -> Option<String> {
    for (from, to) in [("from ", " to "), ("dari ", " sampai ")] {
        let mut rest = s;
        while let Some(i) = rest.find(from) {
            let after = &rest[i + from.len()..];
            if let Some(j) = after.find(to) {
                let first = &after[..j];
                let tail = &after[j + to.len()..];
                if tail.starts_with(first) && !first.is_empty() {
                    return Some(format!("{from}{first}{to}{first}"));
                }
            }
            rest = after;
        }
    }
    None
}

#[test]
fn the_checks_see_the_old_mistakes() {
    assert_eq!(
        one_with_a_plural("1 events in the process").as_deref(),
        Some("1 events")
    );
    assert_eq!(
        one_with_a_plural("among 1 agencies.").as_deref(),
        Some("1 agencies.")
    );
    assert!(one_with_a_plural("1 of 5 initiatives").is_none());
    assert!(same_day_range("from 14 March 2025 to 14 March 2025.").is_some());
    assert!(same_day_range("dari 2019 sampai 2019.").is_some());
    assert!(same_day_range("from March 2025 to May 2025.").is_none());
    assert!(names("Agency 18 and Agency 2 lead", "Agency 2"));
    assert!(!names("Agency 18 leads", "Agency 1"));
}

#[test]
fn every_summary_reads_right_on_three_datasets() {
    for (name, d) in datasets() {
        let pillar_subsets: Vec<Vec<usize>> = d
            .pillars
            .iter()
            .map(|p| {
                (0..d.actions.len())
                    .filter(|&i| d.actions[i].pillars.contains(&p.id))
                    .collect()
            })
            .collect();
        let mut subsets = vec![all(&d), vec![0], vec![0, 1]];
        subsets.extend(pillar_subsets);
        for lang in [Lang::Id, Lang::En] {
            for matching in &subsets {
                for spec in charts(&d, matching, lang) {
                    let s = &spec.summary;
                    let what =
                        format!("{name} {lang:?} {} ({} actions)", spec.slug, matching.len());
                    assert!(one_with_a_plural(s).is_none(), "{what}: {s}");
                    assert!(same_day_range(s).is_none(), "{what}: {s}");
                    assert!(!s.contains('{'), "{what}: a placeholder left: {s}");
                    if std::env::var_os("PRINT_SENTENCES").is_some()
                        && matching.len() == d.actions.len()
                    {
                        println!("{what}: {s}");
                    }
                }
            }
        }
    }
}

/// True when `s` names `label` as a whole ("Agency 1" is not named in "Agency 18 leads").
fn names(s: &str, label: &str) -> bool {
    s.match_indices(label).any(|(i, _)| {
        let before = s[..i].chars().next_back();
        let after = s[i + label.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn the_bar_charts_name_every_leader() {
    for (name, d) in datasets() {
        let all = all(&d);
        for spec in charts(&d, &all, Lang::En).into_iter().take(4) {
            // The table lists every bar (leads: the top ten and the others, which a tie
            // past the tenth would show as "N others").
            let rows: Vec<(String, usize)> = spec
                .table
                .rows
                .iter()
                .map(|r| (r[0].raw().to_string(), count(&r[1])))
                .filter(|(label, _)| !label.contains("other agenc"))
                .collect();
            let top = rows.iter().map(|r| r.1).max().unwrap_or(0);
            if top == 0 {
                continue;
            }
            let leaders: Vec<&String> = rows.iter().filter(|r| r.1 == top).map(|r| &r.0).collect();
            let s = &spec.summary;
            let what = format!("{name} {}: {s}", spec.slug);
            if leaders.len() <= 4 {
                for l in &leaders {
                    assert!(names(s, l), "{what}: {l} is not named");
                }
            }
            assert_eq!(leaders.len() > 1, s.contains(" each,"), "{what}");
            for (label, n) in &rows {
                if *n < top {
                    assert!(!names(s, label), "{what}: {label} is not a leader");
                }
            }
        }
    }
}

/// Chennai with its actions made to tie: two pillars two each, four agencies one each.
#[test]
fn ties_are_told_as_ties() {
    let mut d = support::dataset("data/chennai.json");
    assert!(
        d.actions.len() >= 4 && d.pillars.len() >= 2,
        "Chennai has the records this needs"
    );
    d.actions.truncate(4);
    let (p0, p1) = (d.pillars[0].id.clone(), d.pillars[1].id.clone());
    let agencies = ["Agency A", "Agency B", "Agency C", "Agency D"];
    for (i, a) in d.actions.iter_mut().enumerate() {
        a.pillars = vec![if i < 2 { p0.clone() } else { p1.clone() }];
        a.lead = Some(agencies[i].to_string());
    }
    let all = all(&d);
    let en = charts(&d, &all, Lang::En);
    let (n0, n1) = (d.pillars[0].name.en.clone(), d.pillars[1].name.en.clone());
    assert_eq!(
        en[0].summary,
        format!("{n0} and {n1} have the most actions: 2 each, of 4 actions.")
    );
    assert_eq!(
        en[2].summary,
        "Agency A, Agency B, Agency C and Agency D lead the most actions: 1 each, of 4 actions, among 4 agencies."
    );
    let id = charts(&d, &all, Lang::Id);
    assert_eq!(
        id[2].summary,
        "Agency A, Agency B, Agency C dan Agency D memimpin aksi terbanyak: masing-masing 1, dari 4 aksi, di antara 4 lembaga."
    );
    // Five tied: three named, the rest counted.
    d.actions.push(d.actions[0].clone());
    d.actions[4].id = "tie-5".into();
    d.actions[4].lead = Some("Agency E".into());
    let all: Vec<usize> = (0..5).collect();
    let five = bars::leads(&ChartInput {
        dataset: &d,
        matching: &all,
        filters: &Filters::default(),
        lang: Lang::En,
        width: 600,
        drawn: true,
        tabled: true,
    });
    assert!(
        five.summary
            .starts_with("Agency A, Agency B, Agency C and 2 others lead the most actions: 1 each"),
        "{}",
        five.summary
    );
    // One agency alone leads: the singular sentence, and "1 agency".
    d.actions.truncate(1);
    let one = charts(&d, &[0], Lang::En);
    assert_eq!(
        one[2].summary,
        "Agency A leads the most actions: 1 of 1 action, among 1 agency."
    );
}

/// A process of one event, of several on one day, and a span of months.
#[test]
fn one_day_is_said_as_one_day() {
    let mut d = support::dataset("data/chennai.json");
    d.meta.published = Some("2019".into());
    d.timeline.truncate(1);
    d.timeline[0].date = "2025-03-14".into();
    let en = charts(&d, &[], Lang::En);
    assert_eq!(
        en[5].summary,
        "1 event in the strategy's process, on 14 March 2025; the strategy was launched in 2019."
    );
    let id = charts(&d, &[], Lang::Id);
    assert_eq!(
        id[5].summary,
        "1 peristiwa proses strategi, pada 14 Maret 2025; strategi diluncurkan pada 2019."
    );
    d.timeline.push(d.timeline[0].clone());
    d.timeline[1].id = "same-day".into();
    d.meta.published = None;
    let en = charts(&d, &[], Lang::En);
    assert_eq!(
        en[5].summary,
        "2 events in the strategy's process, on 14 March 2025."
    );
    d.timeline[1].date = "2025-05".into();
    let en = charts(&d, &[], Lang::En);
    assert_eq!(
        en[5].summary,
        "2 events in the strategy's process, from 14 March 2025 to May 2025."
    );
}

/// The year after "drawn up to" in the Gantt's legend, if it has one.
fn legend_year(spec: &ChartSpec, lang: Lang) -> Option<i32> {
    let marker = match lang {
        Lang::En => "drawn up to ",
        Lang::Id => "digambar sampai ",
    };
    let i = spec.svg.find(marker)?;
    spec.svg[i + marker.len()..].get(..4)?.parse().ok()
}

#[test]
fn the_gantt_legend_names_the_year_its_open_bars_reach() {
    for (name, mut d) in datasets() {
        // A variant whose closed bars run past the dataset's year.
        let mut late = d.clone();
        if let Some(a) = late.actions.iter_mut().find(|a| {
            a.timeframe
                .as_ref()
                .is_some_and(|t| t.start.is_some() && t.end.is_some())
        }) {
            if let Some(t) = a.timeframe.as_mut() {
                t.end = Some(2040);
            }
        }
        for (variant, d) in [("as is", &mut d), ("late", &mut late)] {
            let all = all(d);
            for lang in [Lang::Id, Lang::En] {
                let g = timeline::gantt(&ChartInput {
                    dataset: d,
                    matching: &all,
                    filters: &Filters::default(),
                    lang,
                    width: 1000,
                    drawn: true,
                    tabled: true,
                });
                let drawn = &g.table.rows[..g.table.rows.len().min(GANTT_MAX_ROWS)];
                let ends: Vec<i32> = drawn
                    .iter()
                    .filter_map(|r| r[2].raw().parse().ok())
                    .collect();
                let open = drawn.iter().any(|r| r[2].raw().parse::<i32>().is_err());
                let what = format!("{name} ({variant}, {lang:?})");
                match legend_year(&g, lang) {
                    Some(year) => {
                        assert!(open, "{what}: a legend for open bars, with none drawn");
                        let latest = ends.iter().copied().max().unwrap_or(year);
                        assert!(
                            year >= latest,
                            "{what}: legend {year}, a bar ends in {latest}"
                        );
                        if variant == "late" && ends.contains(&2040) {
                            assert_eq!(year, 2040, "{what}");
                        }
                    }
                    None => assert!(!open, "{what}: open bars drawn without their legend"),
                }
            }
        }
    }
}

#[test]
fn the_title_and_the_missing_targets_follow_the_dataset() {
    for (name, d) in datasets() {
        for lang in [Lang::Id, Lang::En] {
            let title = page_title(&d.meta, lang);
            assert!(title.contains(d.meta.city.get(lang)), "{name}: {title}");
            assert!(!title.contains('{'), "{name}: {title}");
            if name != "jakarta" {
                assert!(!title.contains("Jakarta"), "{name}: {title}");
            }
            let line = i18n::t(lang, no_targets(&d.meta));
            let readable = line.contains("readable source") || line.contains("dapat dibaca");
            assert_eq!(readable, name == "jakarta", "{name} {lang:?}: {line}");
        }
    }
    let jakarta = support::dataset("data/jakarta.json");
    assert_eq!(
        page_title(&jakarta.meta, Lang::Id),
        "Penjelajah Strategi Ketahanan Kota Jakarta"
    );
    assert_eq!(
        page_title(&jakarta.meta, Lang::En),
        "Jakarta Resilience Strategy Explorer"
    );
    let chennai = support::dataset("data/chennai.json");
    assert_eq!(
        page_title(&chennai.meta, Lang::En),
        "Chennai Resilience Strategy Explorer"
    );
}

#[test]
fn counts_of_one_are_singular_in_the_interface_texts() {
    let cases: [(i18n::Key, &str, &str); 5] = [
        (
            |t| t.sources.cited_by,
            "cited by 1 record",
            "cited by 2 records",
        ),
        (
            |t| t.timeline.participant_count,
            "1 participant",
            "2 participants",
        ),
        (
            |t| t.error.more,
            "and 1 more problem",
            "and 2 more problems",
        ),
        (
            |t| t.filters.city_wide_note,
            "1 more initiative applies city-wide.",
            "2 more initiatives apply city-wide.",
        ),
        (
            |t| t.charts.lead_others,
            "1 other agency",
            "2 other agencies",
        ),
    ];
    for (key, one, two) in cases {
        let (en, id) = (i18n::t(Lang::En, key), i18n::t(Lang::Id, key));
        assert_eq!(i18n::plural(Lang::En, en, 1), one);
        assert_eq!(i18n::plural(Lang::En, en, 2), two);
        assert!(!i18n::plural(Lang::Id, id, 1).contains('|'));
    }
    assert_eq!(
        i18n::plural(Lang::Id, i18n::texts(Lang::Id).sources.cited_by, 1),
        "dikutip oleh 1 catatan"
    );
}
