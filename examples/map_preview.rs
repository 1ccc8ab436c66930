//! Dev-only preview of the generated schematic map: reads the centroid tables of
//! `../shared/research/jakarta-facts.md` and writes `/tmp/map-region.svg`,
//! `/tmp/map-kecamatan.svg` and `/tmp/map-kelurahan.svg`.
//!
//! With `--real`, also draws the real kecamatan outlines of
//! `../shared/geo/jakarta-kecamatan.geojson` over the kecamatan map (red) for
//! comparison, and writes that boundary file's own map to `/tmp/map-boundaries.svg`.
//! Nothing here is shipped.
//!
//! `cargo run --example map_preview [-- --real]`

use std::fmt::Write as _;
use std::path::PathBuf;

use jrs::geo::boundaries::parse_boundaries;
use jrs::geo::path::PathData;
use jrs::geo::schematic::{build_schematic_with, SchematicMap, SchematicOptions};
use jrs::model::{Area, AreaLevel, Provenance, ProvenanceKind, Text};

fn shared(rel: &str) -> Result<String, String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join(rel);
    std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn facts_areas() -> Result<Vec<Area>, String> {
    let text = shared("research/jakarta-facts.md")?;
    let mut areas = Vec::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 6 {
            continue;
        }
        let code = cells[1];
        let parts: Vec<&str> = code.split('.').collect();
        if parts.len() < 2
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
        {
            continue;
        }
        let n = |s: &str| {
            s.trim()
                .parse::<f64>()
                .map_err(|_| format!("bad number {s:?} in {line}"))
        };
        let (level, lat, lon) = match parts.len() {
            2 => {
                let (lat, lon) = cells[6]
                    .split_once(',')
                    .ok_or(format!("bad centroid in {line}"))?;
                (AreaLevel::Region, n(lat)?, n(lon)?)
            }
            3 => (AreaLevel::Kecamatan, n(cells[6])?, n(cells[7])?),
            4 => (AreaLevel::Kelurahan, n(cells[4])?, n(cells[5])?),
            _ => continue,
        };
        areas.push(Area {
            id: code.to_string(),
            code: code.to_string(),
            level,
            parent: (parts.len() > 2).then(|| parts[..parts.len() - 1].join(".")),
            name: cells[3].to_string(),
            name_en: None,
            centroid: [lon, lat],
            population: None,
            sources: vec![],
            provenance: Provenance {
                kind: ProvenanceKind::Derived,
                note: Text::new("pratinjau", "preview"),
                uncertain: false,
            },
        });
    }
    Ok(areas)
}

/// A fill colour: hue from the region, lightness varied by the area.
fn colour(id: &str) -> String {
    let parts: Vec<u32> = id.split('.').filter_map(|p| p.parse().ok()).collect();
    let region = parts.get(1).copied().unwrap_or(0);
    let hue = match region {
        1 => 200,
        71 => 10,
        72 => 190,
        73 => 45,
        74 => 120,
        75 => 280,
        _ => 0,
    };
    let sub: u32 = parts.iter().skip(2).sum();
    format!("hsl({hue},45%,{}%)", 62 + (sub * 7) % 24)
}

fn svg(map: &SchematicMap, areas: &[Area], level: AreaLevel, overlay: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{}" width="1000" height="{}" font-family="sans-serif">"#,
        map.view_box(),
        map.height.round()
    );
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#dff1fb"/>"##);
    if let Some(r) = map.inset {
        let _ = writeln!(
            s,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#cfe8f7" stroke="#456" stroke-width="1.5"/>"##,
            r.x, r.y, r.width, r.height
        );
    }
    if let Some(l) = map.level(level) {
        for a in &l.areas {
            let _ = writeln!(s, r#"<path d="{}" fill="{}"/>"#, a.d, colour(&a.id));
        }
        let width = match level {
            AreaLevel::Region => 2.0,
            AreaLevel::Kecamatan => 1.2,
            AreaLevel::Kelurahan => 0.6,
        };
        let _ = writeln!(
            s,
            r##"<path d="{}" fill="none" stroke="#223" stroke-width="{width}" stroke-linejoin="round"/>"##,
            l.borders
        );
        s.push_str(overlay);
        if level != AreaLevel::Kelurahan {
            for a in &l.areas {
                let name = areas
                    .iter()
                    .find(|x| x.id == a.id)
                    .map_or("", |x| x.name.as_str());
                let size = if level == AreaLevel::Region { 16 } else { 9 };
                let _ = writeln!(
                    s,
                    r#"<text x="{:.1}" y="{:.1}" font-size="{size}" text-anchor="middle">{}</text>"#,
                    a.anchor[0], a.anchor[1], name
                );
            }
        }
    }
    s.push_str("</svg>\n");
    s
}

fn main() -> Result<(), String> {
    let real = std::env::args().any(|a| a == "--real");
    let areas = facts_areas()?;
    // Tuning knobs for trying options out: JRS_RADIUS_FACTOR, JRS_HULL_FACTOR.
    let mut opts = SchematicOptions::default();
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<f64>().ok());
    if let Some(v) = env("JRS_RADIUS_FACTOR") {
        opts.radius_factor = v;
    }
    if let Some(v) = env("JRS_HULL_FACTOR") {
        opts.hull_margin_factor = v;
    }
    let map = build_schematic_with(&areas, &opts);
    let regions = map.level(AreaLevel::Region).map(|l| {
        l.areas
            .iter()
            .map(|a| format!("{}:{}", a.id, a.d.matches('M').count()))
            .collect::<Vec<_>>()
    });
    println!("region pieces {regions:?}");
    let mut overlay = String::new();
    if real {
        let text = shared("geo/jakarta-kecamatan.geojson")?;
        let b = parse_boundaries(&text, "code")?;
        if let Some(p) = map.projection {
            let mut d = PathData::new();
            for f in b.features.iter().filter(|f| !f.code.starts_with("31.01")) {
                for r in f.polygons.iter().flatten() {
                    let pts: Vec<[f64; 2]> = r.iter().map(|q| p.project(*q)).collect();
                    d.ring(&pts);
                }
            }
            overlay = format!(
                r#"<path d="{}" fill="none" stroke="red" stroke-width="1" opacity="0.8"/>"#,
                d.as_str()
            );
        }
        let bm = b.to_level_paths(&areas, AreaLevel::Kecamatan, 1000.0);
        let mut s = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {:.1}" width="1000" height="{:.0}"><rect width="100%" height="100%" fill="white"/>"#,
            bm.width, bm.height, bm.height
        );
        if let Some(r) = bm.inset {
            let _ = write!(
                s,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="black"/>"#,
                r.x, r.y, r.width, r.height
            );
        }
        for a in &bm.areas {
            let _ = write!(
                s,
                r#"<path d="{}" fill="{}" stroke="white" fill-rule="evenodd"/>"#,
                a.d,
                colour(&a.id)
            );
        }
        s.push_str("</svg>\n");
        std::fs::write("/tmp/map-boundaries.svg", s).map_err(|e| e.to_string())?;
    }
    for level in AreaLevel::ALL {
        let over = if level == AreaLevel::Kecamatan {
            overlay.as_str()
        } else {
            ""
        };
        let path = format!("/tmp/map-{}.svg", level.code());
        std::fs::write(&path, svg(&map, &areas, level, over))
            .map_err(|e| format!("{path}: {e}"))?;
        println!(
            "{path}: {} areas, {} path bytes",
            map.level(level).map_or(0, |l| l.areas.len()),
            map.path_bytes(level)
        );
    }
    println!("viewBox {}", map.view_box());
    Ok(())
}
