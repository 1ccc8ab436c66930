//! From a validator's JSON path back to the spreadsheet: `actions[3].hazards[1]` becomes
//! `actions.csv: row 5, column "hazards"` (the row the record was read from, the column the
//! value is in), `meta.licence` becomes `meta.csv: row 9, column "value"`.

use super::cells::at;
use super::spec::{FileSpec, FILES, META};
use std::collections::HashMap;

/// Where every record was read from.
#[derive(Debug, Default, Clone)]
pub struct Rows {
    /// JSON path of a collection (`actions`, `crf.drivers`) → spreadsheet row of each record.
    pub records: HashMap<&'static str, Vec<usize>>,
    /// Row of each target in targets.csv, per pillar and target index.
    pub targets: Vec<Vec<usize>>,
    /// `meta.csv` field → row.
    pub meta: HashMap<String, usize>,
}

/// Splits `name[12]rest` into (`name`, 12, `rest`).
fn indexed<'a>(path: &'a str, name: &str) -> Option<(usize, &'a str)> {
    let rest = path.strip_prefix(name)?.strip_prefix('[')?;
    let close = rest.find(']')?;
    let i = rest[..close].parse().ok()?;
    Some((i, &rest[close + 1..]))
}

/// The column of `rest` (e.g. `.title.en`, `.hazards[1]`, `.centroid[0]`) in `spec`.
fn column(spec: &FileSpec, rest: &str) -> Option<String> {
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    if rest.is_empty() {
        return None;
    }
    match rest {
        "centroid[0]" => return Some("lon".into()),
        "centroid[1]" | "centroid" => {
            return Some(if rest == "centroid" { "lon" } else { "lat" }.into())
        }
        _ => {}
    }
    let mut key = String::new();
    let mut depth = 0;
    for c in rest.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '.' if depth == 0 => key.push('_'),
            c if depth == 0 => key.push(c),
            _ => {}
        }
    }
    let header = spec.header();
    let has = |k: &str| header.iter().any(|h| h == k);
    [key.clone(), format!("{key}_id"), format!("{key}_start")]
        .into_iter()
        .find(|c| has(c))
}

/// The spreadsheet location of a JSON path, or `None` when it has none.
pub fn locate(path: &str, rows: &Rows) -> Option<String> {
    if path == "$schema" {
        return Some(meta_field("$schema", rows));
    }
    if let Some(rest) = path.strip_prefix("meta.") {
        let key = column(&META, rest)?;
        return Some(meta_field(&key, rows));
    }
    if let Some((i, rest)) = indexed(path, "pillars") {
        if let Some((j, rest)) = indexed(rest, ".targets") {
            let spec = FILES.iter().find(|f| f.name == "targets.csv")?;
            let row = *rows.targets.get(i)?.get(j)?;
            return Some(at(spec.name, row, column(spec, rest).as_deref()));
        }
    }
    for spec in FILES {
        if let Some((i, rest)) = indexed(path, spec.json) {
            let row = *rows.records.get(spec.json)?.get(i)?;
            return Some(at(spec.name, row, column(spec, rest).as_deref()));
        }
    }
    None
}

fn meta_field(key: &str, rows: &Rows) -> String {
    match rows.meta.get(key) {
        Some(&r) => at(META.name, r, Some("value")),
        None => format!("{}: field \"{key}\"", META.name),
    }
}

/// Rewrites a validator message that names another record by JSON path
/// (`already used by actions[2]`, `sudah dipakai oleh actions[2]`) to name its row.
pub fn message(msg: &str, rows: &Rows) -> String {
    for mark in ["(already used by ", "(sudah dipakai oleh "] {
        if let Some(rewritten) = name_row(msg, mark, rows) {
            return rewritten;
        }
    }
    msg.to_string()
}

/// `msg` with the JSON path after `mark` replaced by its row, when it has one.
fn name_row(msg: &str, mark: &str, rows: &Rows) -> Option<String> {
    let start = msg.find(mark)? + mark.len();
    let len = msg[start..].find(')')?;
    let path = &msg[start..start + len];
    let loc = locate(&format!("{path}.id"), rows)?;
    let row = loc
        .split(": ")
        .nth(1)
        .and_then(|r| r.split(',').next())
        .unwrap_or(&loc);
    Some(format!("{}{row}{}", &msg[..start], &msg[start + len..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Rows {
        let mut r = Rows::default();
        r.records.insert("actions", vec![2, 3, 4, 5]);
        r.records.insert("crf.drivers", vec![2, 4]);
        r.records.insert("areas", vec![2, 3]);
        r.targets = vec![vec![], vec![2, 3]];
        r.meta.insert("licence".into(), 9);
        r.meta.insert("title_en".into(), 4);
        r.meta.insert("declared_counts_actions".into(), 15);
        r
    }

    #[test]
    fn json_paths_map_to_file_row_and_column() {
        let r = rows();
        let cases = [
            (
                "actions[3].hazards[1]",
                "actions.csv: row 5, column \"hazards\"",
            ),
            (
                "actions[0].title",
                "actions.csv: row 2, column \"title_id\"",
            ),
            (
                "actions[0].title.en",
                "actions.csv: row 2, column \"title_en\"",
            ),
            (
                "actions[1].provenance.note",
                "actions.csv: row 3, column \"provenance_note_id\"",
            ),
            (
                "actions[1].timeframe",
                "actions.csv: row 3, column \"timeframe_start\"",
            ),
            (
                "actions[1].timeframe.end",
                "actions.csv: row 3, column \"timeframe_end\"",
            ),
            (
                "crf.drivers[1].dimension",
                "crf_drivers.csv: row 4, column \"dimension\"",
            ),
            ("areas[1].centroid[1]", "areas.csv: row 3, column \"lat\""),
            (
                "pillars[1].targets[1].year",
                "targets.csv: row 3, column \"year\"",
            ),
            ("meta.licence", "meta.csv: row 9, column \"value\""),
            ("meta.title.en", "meta.csv: row 4, column \"value\""),
            (
                "meta.declared_counts.actions",
                "meta.csv: row 15, column \"value\"",
            ),
            ("meta.city", "meta.csv: field \"city_id\""),
            ("actions[2]", "actions.csv: row 4"),
        ];
        for (path, want) in cases {
            assert_eq!(locate(path, &r).as_deref(), Some(want), "{path}");
        }
        assert_eq!(locate("actions[9].id", &r), None);
        assert_eq!(
            message("duplicate id \"x\" (already used by actions[1])", &r),
            "duplicate id \"x\" (already used by row 3)"
        );
        assert_eq!(
            message("id \"x\" ganda (sudah dipakai oleh actions[1])", &r),
            "id \"x\" ganda (sudah dipakai oleh row 3)"
        );
    }
}
