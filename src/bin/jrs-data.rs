//! `jrs-data`: command-line tools for strategy datasets.
//!
//! - `jrs-data validate FILE…`: full report; exit 1 on any error.
//! - `jrs-data stats FILE`: counts per entity and completeness.
//! - `jrs-data schema [--check FILE]`: print the JSON Schema, or check a file is current.
//! - `jrs-data generate --actions N --areas N --seed S [-o FILE]`: a synthetic dataset.
//! - `jrs-data import DIR|FILE.csv|FILE.zip... [-o FILE.json]`: CSV files (or a zip of them) → dataset JSON, with a
//!   report that points at file, row and column; exit 1 on any error.
//! - `jrs-data export FILE.json -o DIR`: dataset JSON → one CSV file per entity.
//! - `jrs-data templates -o DIR`: the empty CSV templates (header rows only).
//! - `jrs-data columns`: DATA.md's CSV column tables, generated from the code.

use jrs::model::{csv_io, load_bytes, schema::schema_json, synthetic, Dataset, Severity};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage:
  jrs-data validate FILE...
  jrs-data stats FILE
  jrs-data schema [--check FILE]
  jrs-data generate --actions N --areas N --seed S [-o FILE]
  jrs-data import DIR|FILE.csv|FILE.zip... [-o FILE.json]
  jrs-data export FILE.json -o DIR
  jrs-data templates -o DIR
  jrs-data columns";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("validate") if args.len() > 1 => validate(&args[1..]),
        Some("stats") if args.len() == 2 => stats(&args[1]),
        Some("schema") => schema(&args[1..]),
        Some("generate") => generate(&args[1..]),
        Some("import") => import(&args[1..]),
        Some("export") => export(&args[1..]),
        Some("templates") => templates(&args[1..]),
        Some("columns") if args.len() == 1 => {
            print!("{}", csv_io::columns_markdown());
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))
}

fn validate(files: &[String]) -> Result<ExitCode, String> {
    let mut failed = false;
    for f in files {
        let outcome = load_bytes(&read(f)?);
        let errors = outcome.errors().count();
        let warnings = outcome.warnings().count();
        for p in &outcome.problems {
            println!("{f}: {p}");
        }
        if errors > 0 {
            failed = true;
            println!("{f}: INVALID: {errors} errors, {warnings} warnings");
        } else {
            println!("{f}: valid: 0 errors, {warnings} warnings");
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn stats(path: &str) -> Result<ExitCode, String> {
    let outcome = load_bytes(&read(path)?);
    let Some(d) = outcome.dataset else {
        for p in &outcome.problems {
            println!("{path}: {p}");
        }
        return Ok(ExitCode::from(1));
    };
    let by_prov = |kind: jrs::model::ProvenanceKind| {
        d.actions
            .iter()
            .filter(|a| a.provenance.kind == kind)
            .count()
    };
    println!("dataset: {} ({})", d.meta.id, d.meta.title.en);
    for (what, n) in [
        ("sources", d.sources.len()),
        ("pillars", d.pillars.len()),
        ("goals", d.goals.len()),
        ("strategies", d.strategies.len()),
        ("hazards", d.hazards.len()),
        ("focus_areas", d.focus_areas.len()),
        ("crf.dimensions", d.crf.dimensions.len()),
        ("crf.drivers", d.crf.drivers.len()),
        ("crf.qualities", d.crf.qualities.len()),
        ("actions", d.actions.len()),
        ("areas", d.areas.len()),
        ("timeline", d.timeline.len()),
    ] {
        println!("{what:>16}: {n}");
    }
    println!(
        "actions by provenance: confirmed {}, derived {}, illustrative {}",
        by_prov(jrs::model::ProvenanceKind::Confirmed),
        by_prov(jrs::model::ProvenanceKind::Derived),
        by_prov(jrs::model::ProvenanceKind::Illustrative)
    );
    let city_wide = d.actions.iter().filter(|a| a.areas.is_empty()).count();
    println!("actions city-wide: {city_wide}");
    println!("completeness:");
    let dc = &d.meta.declared_counts;
    for (what, declared, n) in [
        ("pillars", dc.pillars, d.pillars.len()),
        ("goals", dc.goals, d.goals.len()),
        ("strategies", dc.strategies, d.strategies.len()),
        ("actions", dc.actions, d.actions.len()),
    ] {
        if let Some(x) = declared {
            println!("  {what}: {n} itemised of {x} declared");
        }
    }
    let missing_tr = outcome
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Warning && p.message.contains("translation"))
        .count();
    println!("missing translations: {missing_tr}");
    Ok(ExitCode::SUCCESS)
}

fn schema(args: &[String]) -> Result<ExitCode, String> {
    let s = schema_json();
    match args {
        [] => {
            print!("{s}");
            Ok(ExitCode::SUCCESS)
        }
        [flag, file] if flag == "--check" => {
            let current = String::from_utf8_lossy(&read(file)?).into_owned();
            if current == s {
                println!("{file}: up to date");
                Ok(ExitCode::SUCCESS)
            } else {
                println!("{file}: out of date: run `cargo run --bin jrs-data -- schema > {file}`");
                Ok(ExitCode::from(1))
            }
        }
        _ => Err(USAGE.to_string()),
    }
}

fn generate(args: &[String]) -> Result<ExitCode, String> {
    let mut actions = 1000usize;
    let mut areas = 200usize;
    let mut seed = 1u64;
    let mut out: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{a} needs a value\n{USAGE}"))
        };
        let num = |v: String| {
            v.parse::<u64>()
                .map_err(|_| format!("{a}: {v} is not a whole number"))
        };
        match a.as_str() {
            "--actions" => actions = num(value()?)? as usize,
            "--areas" => areas = num(value()?)? as usize,
            "--seed" => seed = num(value()?)?,
            "-o" | "--out" => out = Some(value()?),
            _ => return Err(format!("unknown option {a}\n{USAGE}")),
        }
    }
    if actions > 1_000_000 || areas > 100_000 {
        return Err("at most 1,000,000 actions and 100,000 areas".to_string());
    }
    let d = synthetic::generate(actions, areas, seed);
    let json = serde_json::to_string(&d).map_err(|e| e.to_string())?;
    match out {
        Some(path) => std::fs::write(&path, json).map_err(|e| format!("{path}: {e}"))?,
        None => println!("{json}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Splits `args` into inputs and the value of `-o`/`--out`.
fn inputs_and_out(args: &[String]) -> Result<(Vec<String>, Option<String>), String> {
    let mut inputs = Vec::new();
    let mut out = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--out" => {
                out = Some(
                    it.next()
                        .cloned()
                        .ok_or_else(|| format!("{a} needs a value\n{USAGE}"))?,
                )
            }
            _ if a.starts_with('-') => return Err(format!("unknown option {a}\n{USAGE}")),
            _ => inputs.push(a.clone()),
        }
    }
    Ok((inputs, out))
}

fn import(args: &[String]) -> Result<ExitCode, String> {
    let (inputs, out) = inputs_and_out(args)?;
    if inputs.is_empty() {
        return Err(USAGE.to_string());
    }
    let mut files = Vec::new();
    for input in &inputs {
        let path = Path::new(input);
        if path.is_dir() {
            let mut names: Vec<_> = std::fs::read_dir(path)
                .map_err(|e| format!("{input}: cannot read: {e}"))?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
                .collect();
            names.sort();
            for p in names {
                let name = p.display().to_string();
                files.push((name.clone(), read(&name)?));
            }
        } else {
            files.push((input.clone(), read(input)?));
        }
    }
    let label = inputs.join(" ");
    let (dataset, problems) = csv_io::import_files_or_zips(&files);
    for p in &problems {
        println!("{p}");
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    let Some(d) = dataset else {
        println!("{label}: INVALID: {errors} errors, {warnings} warnings");
        return Ok(ExitCode::from(1));
    };
    println!("{label}: valid: 0 errors, {warnings} warnings");
    if let Some(out) = out {
        let json = jrs::model::publish::dataset_json(&d);
        std::fs::write(&out, json).map_err(|e| format!("{out}: {e}"))?;
        println!("wrote {out}");
    }
    Ok(ExitCode::SUCCESS)
}

fn write_files(dir: &str, files: &[(String, String)]) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
    for (name, text) in files {
        let path = Path::new(dir).join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!("wrote {} files to {dir}", files.len());
    Ok(())
}

fn export(args: &[String]) -> Result<ExitCode, String> {
    let (inputs, out) = inputs_and_out(args)?;
    let ([input], Some(dir)) = (inputs.as_slice(), out) else {
        return Err(USAGE.to_string());
    };
    let bytes = read(input)?;
    let outcome = load_bytes(&bytes);
    let d: Dataset = match outcome.dataset {
        Some(d) => d,
        None => {
            for p in &outcome.problems {
                println!("{input}: {p}");
            }
            // A dataset with validation errors can still be exported, to fix it in a
            // spreadsheet; one that does not even have the right shape cannot.
            match serde_json::from_slice::<Dataset>(&bytes) {
                Ok(d) => {
                    println!("{input}: has errors; exporting it anyway so they can be fixed");
                    d
                }
                Err(_) => return Ok(ExitCode::from(1)),
            }
        }
    };
    write_files(&dir, &csv_io::export(&d))?;
    Ok(ExitCode::SUCCESS)
}

fn templates(args: &[String]) -> Result<ExitCode, String> {
    let (inputs, out) = inputs_and_out(args)?;
    let (true, Some(dir)) = (inputs.is_empty(), out) else {
        return Err(USAGE.to_string());
    };
    write_files(&dir, &csv_io::templates())?;
    Ok(ExitCode::SUCCESS)
}
