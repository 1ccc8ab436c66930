//! `jrs-data`: command-line tools for strategy datasets.
//!
//! - `jrs-data validate FILE…`: full report; exit 1 on any error.
//! - `jrs-data stats FILE`: counts per entity and completeness.
//! - `jrs-data schema [--check FILE]`: print the JSON Schema, or check a file is current.
//! - `jrs-data generate --actions N --areas N --seed S [-o FILE]`: a synthetic dataset.

use jrs::model::{load_bytes, schema::schema_json, synthetic, Severity};
use std::process::ExitCode;

const USAGE: &str = "usage:
  jrs-data validate FILE...
  jrs-data stats FILE
  jrs-data schema [--check FILE]
  jrs-data generate --actions N --areas N --seed S [-o FILE]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("validate") if args.len() > 1 => validate(&args[1..]),
        Some("stats") if args.len() == 2 => stats(&args[1]),
        Some("schema") => schema(&args[1..]),
        Some("generate") => generate(&args[1..]),
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
