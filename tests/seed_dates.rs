//! Every date in `data/jakarta.json` that comes from a seed article (`../shared/seeds/NNN_*.txt`,
//! cited as source `seed-NNN`) must appear in that article in one of the forms Indonesian
//! news uses: `17/11` or `(17/11/2018)`, `17 November 2016`, `30 Agustus 2019`, or day and
//! month without a year. When the article states a year with the day and month, it must be
//! the dataset's year; when it names the weekday (`Kamis (17/11)`), the weekday must fit the
//! dataset's date unless the record is marked uncertain.
//!
//! The articles themselves are not part of the project: their date mentions, as written, are
//! recorded with each article's title and publisher in `tests/fixtures/seed-dates.json`, and
//! the checks read those. When the articles are present (`../shared/seeds` beside the project,
//! or `$JRS_SHARED_DIR/seeds`), an extra run also checks every recorded mention against its
//! article and the dataset's dates against the full texts, and says so in the test output.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use jrs::model::date::PartialDate;

mod support;

const MONTHS: [&[&str]; 12] = [
    &["januari", "january", "jan"],
    &["februari", "february", "pebruari", "feb"],
    &["maret", "march", "mar"],
    &["april", "apr"],
    &["mei", "may"],
    &["juni", "june", "jun"],
    &["juli", "july", "jul"],
    &["agustus", "august", "agu", "agt", "aug"],
    &["september", "sept", "sep"],
    &["oktober", "october", "okt", "oct"],
    &["november", "nopember", "nov"],
    &["desember", "december", "des", "dec"],
];

/// Weekday names, Sunday first.
const WEEKDAYS: [&[&str]; 7] = [
    &["minggu", "ahad", "sunday"],
    &["senin", "monday"],
    &["selasa", "tuesday"],
    &["rabu", "wednesday"],
    &["kamis", "thursday"],
    &["jumat", "jum'at", "friday"],
    &["sabtu", "saturday"],
];

/// Day of the week, 0 = Sunday (Sakamoto's method).
fn weekday(year: i32, month: u32, day: u32) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    (y + y / 4 - y / 100 + y / 400 + T[(month - 1) as usize] + day as i32).rem_euclid(7) as usize
}

/// One place where the text gives a day and month.
#[derive(Debug, Clone, PartialEq)]
struct Mention {
    /// The words as written, for messages.
    written: String,
    /// The year written with it, if any.
    year: Option<i32>,
    /// The weekday written just before it, if any (0 = Sunday).
    weekday: Option<usize>,
}

fn is_digit_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_digit)
}

/// Reads `n` (1 or 2 digits, leading zero allowed) at `i`; returns the end.
fn number_at(b: &[u8], i: usize, n: u32) -> Option<usize> {
    for s in [format!("{n:02}"), n.to_string()] {
        let end = i + s.len();
        if b.get(i..end) == Some(s.as_bytes()) && !is_digit_at(b, end) {
            return Some(end);
        }
    }
    None
}

/// A four-digit year at `i` (not followed by another digit).
fn year_at(b: &[u8], i: usize) -> Option<(i32, usize)> {
    let s = b.get(i..i + 4)?;
    if s.iter().all(u8::is_ascii_digit) && !is_digit_at(b, i + 4) {
        std::str::from_utf8(s)
            .ok()?
            .parse()
            .ok()
            .map(|y| (y, i + 4))
    } else {
        None
    }
}

/// The weekday named just before byte `i` ("Kamis (", "Jumat, ").
fn weekday_before(lower: &str, i: usize) -> Option<usize> {
    let head = lower[..i].trim_end_matches([' ', '(', ',', '\u{a0}']);
    let word: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '\'')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    WEEKDAYS
        .iter()
        .position(|names| names.contains(&word.as_str()))
}

/// Every mention of `day`/`month` in `text`, numeric (`17/11`, `17/11/2016`) or with the
/// month's name (`17 November 2016`, `30 Agustus`).
fn mentions(text: &str, day: u32, month: u32) -> Vec<Mention> {
    let lower = text.to_ascii_lowercase();
    let b = lower.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len() {
        if !lower.is_char_boundary(i) || (i > 0 && is_digit_at(b, i - 1)) {
            continue;
        }
        let Some(after_day) = number_at(b, i, day) else {
            continue;
        };
        let mut found: Option<(usize, Option<i32>)> = None;
        // Numeric: 17/11, 17/11/2016, 17/11/16.
        if b.get(after_day) == Some(&b'/') {
            if let Some(after_month) = number_at(b, after_day + 1, month) {
                let mut year = None;
                let mut end = after_month;
                if b.get(after_month) == Some(&b'/') {
                    if let Some((y, e)) = year_at(b, after_month + 1) {
                        year = Some(y);
                        end = e;
                    } else if is_digit_at(b, after_month + 1)
                        && is_digit_at(b, after_month + 2)
                        && !is_digit_at(b, after_month + 3)
                    {
                        let yy: i32 = lower[after_month + 1..after_month + 3].parse().unwrap_or(0);
                        year = Some(2000 + yy);
                        end = after_month + 3;
                    }
                }
                found = Some((end, year));
            }
        }
        // Named: 17 November 2016, 30 Agustus.
        if found.is_none() {
            let name_start = after_day + lower[after_day..].len()
                - lower[after_day..].trim_start_matches([' ', '\u{a0}']).len();
            if name_start > after_day {
                for name in MONTHS[(month - 1) as usize] {
                    let end = name_start + name.len();
                    let boundary = b.get(end).is_none_or(|c| !c.is_ascii_alphabetic());
                    if b.get(name_start..end) == Some(name.as_bytes()) && boundary {
                        let rest = &lower[end..];
                        let year_start =
                            end + rest.len() - rest.trim_start_matches([' ', ',']).len();
                        let (year, stop) = match year_at(b, year_start) {
                            Some((y, e)) if year_start > end => (Some(y), e),
                            _ => (None, end),
                        };
                        found = Some((stop, year));
                        break;
                    }
                }
            }
        }
        if let Some((end, year)) = found {
            out.push(Mention {
                written: text[i..end].to_string(),
                year,
                weekday: weekday_before(&lower, i),
            });
        }
    }
    out
}

/// Checks that `date` (YYYY-MM-DD, YYYY-MM or YYYY) is what `text` says.
fn check_date(text: &str, date: &str, uncertain: bool) -> Result<String, String> {
    let d = PartialDate::parse(date).map_err(|e| format!("the dataset's date: {e}"))?;
    let lower = text.to_ascii_lowercase();
    match (d.month, d.day) {
        (Some(month), Some(day)) => {
            let found = mentions(text, day, month);
            if found.is_empty() {
                return Err(format!(
                    "{date}: the seed never gives day {day} of month {month} (looked for \
                     {day}/{month}, {day} {} …)",
                    MONTHS[(month - 1) as usize][0]
                ));
            }
            let years: Vec<i32> = found.iter().filter_map(|m| m.year).collect();
            if !years.is_empty() && !years.contains(&d.year) {
                return Err(format!(
                    "{date}: the seed gives this day with the year {:?}, not {}: {:?}",
                    years, d.year, found
                ));
            }
            let expected_weekday = weekday(d.year, month, day);
            let named: Vec<usize> = found.iter().filter_map(|m| m.weekday).collect();
            if !named.is_empty() && !named.contains(&expected_weekday) && !uncertain {
                return Err(format!(
                    "{date}: the seed says {} but {date} was a {} (mark the record uncertain \
                     and explain, or fix the date): {found:?}",
                    WEEKDAYS[named[0]][0], WEEKDAYS[expected_weekday][0]
                ));
            }
            Ok(found
                .iter()
                .map(|m| m.written.clone())
                .collect::<Vec<_>>()
                .join(" | "))
        }
        (Some(month), None) => {
            // "Agustus 2019": a month name followed by the year.
            for name in MONTHS[(month - 1) as usize] {
                if lower.contains(&format!("{name} {}", d.year)) {
                    return Ok(format!("{name} {}", d.year));
                }
            }
            Err(format!(
                "{date}: the seed never gives month {month} of {}",
                d.year
            ))
        }
        _ => {
            if lower.contains(&d.year.to_string()) {
                Ok(d.year.to_string())
            } else {
                Err(format!("{date}: the seed never gives the year {}", d.year))
            }
        }
    }
}

/// The shared research folder: `$JRS_SHARED_DIR`, else `../shared` beside the project.
fn shared_dir() -> PathBuf {
    std::env::var_os("JRS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// The folder of seed articles, when it is there (an extra run; never required).
fn articles_dir() -> Option<PathBuf> {
    let dir = shared_dir().join("seeds");
    if dir.is_dir() {
        println!("extra run: the seed articles in {}", dir.display());
        Some(dir)
    } else {
        println!(
            "no seed articles at {}: checked against tests/fixtures/seed-dates.json only",
            dir.display()
        );
        None
    }
}

/// The recorded date mentions of seed `seed-NNN` (tests/fixtures/seed-dates.json).
fn recorded_mentions(source_id: &str) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed-dates.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let v: serde_json::Value = serde_json::from_str(&text).expect("seed-dates.json parses");
    let seed = v["seeds"]
        .as_array()
        .expect("a seeds list")
        .iter()
        .find(|s| s["source"] == source_id)
        .unwrap_or_else(|| panic!("{source_id} is not in {}", path.display()));
    seed["mentions"]
        .as_array()
        .expect("a mentions list")
        .iter()
        .map(|m| m.as_str().expect("a mention is text").to_string())
        .collect()
}

/// What the checks read for seed `seed-NNN`: its recorded mentions, one per line.
fn seed_text(source_id: &str) -> String {
    recorded_mentions(source_id).join(".\n")
}

/// The full text of the article cited as `seed-NNN`, from `dir`.
fn article_text(dir: &std::path::Path, source_id: &str) -> String {
    let n = source_id.strip_prefix("seed-").expect("a seed id");
    let file = std::fs::read_dir(dir)
        .expect("readable seeds folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|f| f.to_str())
                .is_some_and(|f| f.starts_with(&format!("{n}_")) && f.ends_with(".txt"))
        })
        .unwrap_or_else(|| {
            panic!(
                "no file {n}_*.txt in {} for source {source_id}",
                dir.display()
            )
        });
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// Every (source, date, uncertain) the dataset takes from a seed, timeline events first.
fn seed_dates() -> Vec<(String, String, bool, String)> {
    let d = support::dataset("data/jakarta.json");
    let mut out = Vec::new();
    for e in &d.timeline {
        for s in e.sources.iter().filter(|s| s.starts_with("seed-")) {
            let what = format!("timeline event {} ({s})", e.id);
            out.push((s.clone(), e.date.clone(), e.provenance.uncertain, what));
        }
    }
    for s in d.sources.iter().filter(|s| s.id.starts_with("seed-")) {
        if let Some(date) = &s.date {
            out.push((
                s.id.clone(),
                date.clone(),
                false,
                format!("source {}", s.id),
            ));
        }
    }
    out
}

#[test]
fn recorded_mentions_are_in_the_articles() {
    let sources: Vec<String> = seed_dates().into_iter().map(|(s, ..)| s).collect();
    for s in &sources {
        assert!(
            !recorded_mentions(s).is_empty(),
            "{s} has recorded mentions"
        );
    }
    let Some(dir) = articles_dir() else {
        return;
    };
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    for s in &sources {
        let article = squash(&article_text(&dir, s));
        for m in recorded_mentions(s) {
            assert!(
                article.contains(&squash(&m)),
                "{s}: {m:?} is not in the article"
            );
        }
        // The same answers from the article as from the recorded mentions.
        for (src, date, uncertain, what) in seed_dates().iter().filter(|d| &d.0 == s) {
            assert_eq!(
                check_date(&article_text(&dir, src), date, *uncertain).is_ok(),
                check_date(&seed_text(src), date, *uncertain).is_ok(),
                "{what}: the article and its recorded mentions disagree on {date}"
            );
        }
    }
}

#[test]
fn timeline_dates_from_seeds_match_the_seeds() {
    let dates = seed_dates();
    let mut failures = Vec::new();
    let events = dates.iter().filter(|d| d.3.starts_with("timeline")).count();
    for (s, date, uncertain, what) in &dates {
        if let Err(msg) = check_date(&seed_text(s), date, *uncertain) {
            failures.push(format!("{what}: {msg}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        events >= 5,
        "only {events} seed-dated events: did the seeds get lost?"
    );
    if let Some(dir) = articles_dir() {
        for (s, date, uncertain, what) in &dates {
            if let Err(msg) = check_date(&article_text(&dir, s), date, *uncertain) {
                failures.push(format!("{what} (article): {msg}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

#[test]
fn matcher_reads_the_forms_news_uses() {
    let t = "Jakarta, Kamis (17/11). Lokakarya pada tanggal 15 September 2017; \
             Jumat, 30 Agustus 2019; Rabu (29/11/2018); Jakarta, 4 April 2018; \
             seminar 11 Oktober.";
    assert_eq!(check_date(t, "2016-11-17", false), Ok("17/11".to_string()));
    assert_eq!(
        check_date(t, "2017-09-15", false),
        Ok("15 September 2017".to_string())
    );
    assert_eq!(
        check_date(t, "2019-08-30", false),
        Ok("30 Agustus 2019".to_string())
    );
    assert_eq!(
        check_date(t, "2018-04-04", false),
        Ok("4 April 2018".to_string())
    );
    assert_eq!(
        check_date(t, "2017-10-11", false),
        Ok("11 Oktober".to_string())
    );
    assert_eq!(
        check_date(t, "2019-08", false),
        Ok("agustus 2019".to_string())
    );
    assert!(check_date(t, "2019", false).is_ok());
    assert_eq!(weekday(2016, 11, 17), 4, "17 November 2016 was a Thursday");
    assert_eq!(weekday(2019, 8, 30), 5, "30 August 2019 was a Friday");
}

#[test]
fn matcher_rejects_wrong_dates() {
    let t = "Jakarta, Kamis (17/11). Lokakarya pada tanggal 15 September 2017; \
             Rabu (29/11/2018); 117/110; 5 Septembers.";
    // A day that is not there, a neighbouring day, a swapped day and month.
    for wrong in ["2016-11-18", "2016-11-16", "2016-07-11", "2017-09-05"] {
        assert!(
            check_date(t, wrong, false).is_err(),
            "{wrong} must not match"
        );
    }
    // The right day with the wrong year, when the text states the year.
    let err = check_date(t, "2016-09-15", false).unwrap_err();
    assert!(err.contains("with the year [2017]"), "{err}");
    // The weekday does not fit the year: 17 November 2017 was a Friday, not a Thursday.
    let err = check_date(t, "2017-11-17", false).unwrap_err();
    assert!(
        err.contains("the seed says kamis but 2017-11-17 was a jumat"),
        "{err}"
    );
    // 29 November 2018 was a Thursday; the text says Wednesday (Rabu) and 2018: refused
    // unless the record is marked uncertain.
    assert!(check_date(t, "2018-11-29", false).is_err());
    assert!(check_date(t, "2018-11-29", true).is_ok());
    // Month-only and year-only dates must be stated too.
    assert!(check_date(t, "2017-10", false).is_err());
    assert!(check_date(t, "2015", false).is_err());
}

/// The forms the real seeds use, so that a change in the matcher cannot pass silently.
fn real_seed_forms(seed_text: &dyn Fn(&str) -> String) {
    assert_eq!(
        check_date(&seed_text("seed-000"), "2016-11-17", false),
        Ok("17/11 | 17/11".into())
    );
    assert!(
        check_date(&seed_text("seed-000"), "2015-11-17", false).is_err(),
        "17/11/2015 was a Tuesday"
    );
    assert_eq!(
        check_date(&seed_text("seed-001"), "2019-08-30", false),
        Ok("30 Agustus 2019".into())
    );
    assert!(check_date(&seed_text("seed-003"), "2017-09-16", false).is_err());
    // seed-002 says "Rabu (29/11)" (a Wednesday) without a year; 29 November 2018 was a
    // Thursday, so the dataset keeps that date only as uncertain (its note explains).
    assert!(check_date(&seed_text("seed-002"), "2018-11-29", false).is_err());
    assert!(check_date(&seed_text("seed-002"), "2018-11-29", true).is_ok());
    assert!(check_date(&seed_text("seed-002"), "2017-11-29", false).is_ok());
    assert!(check_date(&seed_text("seed-004"), "2019-04-04", false).is_err());
}

#[test]
fn matcher_reads_the_real_seeds() {
    real_seed_forms(&seed_text);
    if let Some(dir) = articles_dir() {
        real_seed_forms(&|s: &str| article_text(&dir, s));
    }
}
