//! The generated schematic against real positions. The areas are those of `data/jakarta.json`
//! (codes, names, centroids, with their sources), checked against the facts recorded in
//! `tests/fixtures/area-facts.json`. Boundary files are GeoJSON the test writes from the
//! explorer's own geometry (the schematic's cells, projected back to longitude and latitude).
//! When the shared research folder is beside the project (`../shared`, or `$JRS_SHARED_DIR`),
//! an extra run also compares every area with its facts tables and the schematic with the real
//! kecamatan boundaries (`geo/jakarta-kecamatan.geojson`, test-only, never copied into the
//! project), and the test output names the files it used.

use std::path::PathBuf;

use jrs::geo::boundaries::parse_boundaries;
use jrs::geo::outline::{union_outline, Welder};
use jrs::geo::polygon::{contains, distance_to_boundary, Point};
use jrs::geo::schematic::{build_schematic, kecamatan_path_bytes, SchematicMap};
use jrs::model::{load_bytes, Area, AreaLevel, Provenance, ProvenanceKind, Text};
use serde_json::{json, Value};

fn project_file(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A file of the shared research folder (`$JRS_SHARED_DIR`, else `../shared` beside the
/// project), when it is there: the extra runs use it; nothing requires it.
fn shared(rel: &str) -> Option<(PathBuf, String)> {
    let dir = std::env::var_os("JRS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("..")
                .join("shared")
        });
    let path = dir.join(rel);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            println!("extra run: using {}", path.display());
            Some((path, text))
        }
        Err(_) => {
            println!("no {}: extra run not done", path.display());
            None
        }
    }
}

/// The areas of the bundled Jakarta dataset.
fn jakarta_areas() -> Vec<Area> {
    let bytes = project_file("data/jakarta.json");
    load_bytes(bytes.as_bytes())
        .dataset
        .expect("data/jakarta.json loads")
        .areas
}

fn num(s: &str, line: &str) -> f64 {
    s.trim()
        .parse()
        .unwrap_or_else(|_| panic!("not a number {s:?} in facts table row: {line}"))
}

/// Areas from the facts tables: regions (§5.2, "lat, lon" in one cell), kecamatan (§5.3,
/// lat and lon in columns 6–7) and kelurahan (Appendix A, lat and lon in columns 4–5).
fn facts_table_areas(text: &str) -> Vec<Area> {
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
        let (level, lat, lon) = match parts.len() {
            2 => {
                let (lat, lon) = cells[6]
                    .split_once(',')
                    .unwrap_or_else(|| panic!("region centroid not 'lat, lon': {line}"));
                (AreaLevel::Region, num(lat, line), num(lon, line))
            }
            3 => (
                AreaLevel::Kecamatan,
                num(cells[6], line),
                num(cells[7], line),
            ),
            4 => (
                AreaLevel::Kelurahan,
                num(cells[4], line),
                num(cells[5], line),
            ),
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
                note: Text::new("uji", "test"),
                uncertain: false,
            },
        });
    }
    areas
}

fn count(areas: &[Area], level: AreaLevel) -> usize {
    areas.iter().filter(|a| a.level == level).count()
}

/// A GeoJSON FeatureCollection of the kecamatan made from the explorer's own geometry: each
/// kecamatan is the union of its kelurahan cells of the schematic (a MultiPolygon), projected
/// back to `[lon, lat]` (the inset's cells with the inset's projection).
fn own_kecamatan_geojson(areas: &[Area], map: &SchematicMap) -> String {
    let main = map.projection.expect("mainland projection");
    let features: Vec<Value> = areas
        .iter()
        .filter(|a| a.level == AreaLevel::Kecamatan)
        .map(|a| {
            let polygons: Vec<Value> = map
                .cells
                .iter()
                .filter(|c| c.chain.iter().any(|id| id == &a.id))
                .flat_map(|c| {
                    let p = if c.in_inset {
                        map.inset_projection.expect("inset projection")
                    } else {
                        main
                    };
                    c.polygons
                        .iter()
                        .map(|ring| {
                            let mut r: Vec<[f64; 2]> =
                                ring.iter().map(|pt| p.unproject(*pt)).collect();
                            r.push(r[0]);
                            json!([r])
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            assert!(!polygons.is_empty(), "{} has cells", a.id);
            json!({
                "type": "Feature",
                "properties": { "code": a.code, "name": a.name },
                "geometry": { "type": "MultiPolygon", "coordinates": polygons },
            })
        })
        .collect();
    json!({ "type": "FeatureCollection", "features": features }).to_string()
}

#[test]
fn dataset_areas_match_the_recorded_facts() {
    let areas = jakarta_areas();
    let facts: Value =
        serde_json::from_str(&project_file("tests/fixtures/area-facts.json")).expect("parses");
    for (level, name) in [
        (AreaLevel::Region, "region"),
        (AreaLevel::Kecamatan, "kecamatan"),
        (AreaLevel::Kelurahan, "kelurahan"),
    ] {
        assert_eq!(
            count(&areas, level) as u64,
            facts["counts"][name].as_u64().expect("a count"),
            "{name}"
        );
    }
    let spots = facts["centroids"].as_array().expect("centroids");
    assert!(spots.len() >= 5);
    for f in spots {
        let code = f["code"].as_str().expect("a code");
        let a = areas
            .iter()
            .find(|a| a.code == code)
            .unwrap_or_else(|| panic!("{code} is in the dataset"));
        let want: [f64; 2] = serde_json::from_value(f["centroid"].clone()).expect("lon, lat");
        assert_eq!(a.centroid, want, "{code}");
    }
    let gambir = areas.iter().find(|a| a.id == "31.71.01.1001").unwrap();
    assert_eq!(gambir.parent.as_deref(), Some("31.71.01"));
    // Extra run: every area against the full facts tables.
    if let Some((path, text)) = shared("research/jakarta-facts.md") {
        let table = facts_table_areas(&text);
        assert_eq!(table.len(), areas.len(), "{}", path.display());
        for t in &table {
            let a = areas
                .iter()
                .find(|a| a.code == t.code)
                .unwrap_or_else(|| panic!("{} of {} is in the dataset", t.code, path.display()));
            assert_eq!((a.level, a.centroid), (t.level, t.centroid), "{}", t.code);
            assert_eq!(a.parent, t.parent, "{}", t.code);
        }
    }
}

#[test]
fn schematic_of_jakarta() {
    let areas = jakarta_areas();
    let map = build_schematic(&areas);
    let level = |l| map.level(l).unwrap();
    assert_eq!(map.cells.len(), 267, "one cell per kelurahan");
    assert_eq!(level(AreaLevel::Kelurahan).areas.len(), 267);
    assert_eq!(level(AreaLevel::Kecamatan).areas.len(), 44);
    assert_eq!(level(AreaLevel::Region).areas.len(), 6);
    for c in &map.cells {
        assert!(
            c.contains(c.site),
            "site of {} outside its cell",
            c.chain[0]
        );
    }
    // Kepulauan Seribu (31.01) in the inset, nothing else.
    let inset = map.inset.expect("an inset for Kepulauan Seribu");
    let seribu = |id: &str| id == "31.01" || id.starts_with("31.01.");
    let expected: Vec<String> = areas
        .iter()
        .filter(|a| seribu(&a.id))
        .map(|a| a.id.clone())
        .collect();
    assert_eq!(map.inset_areas, expected);
    assert_eq!(expected.len(), 1 + 2 + 6);
    for c in &map.cells {
        assert_eq!(c.in_inset, seribu(&c.chain[0]), "{}", c.chain[0]);
        let inside = c.polygons.iter().flatten().all(|p| inset.contains(*p));
        let outside = c.polygons.iter().flatten().all(|p| !inset.contains(*p));
        assert!(
            if c.in_inset { inside } else { outside },
            "{} and the inset box",
            c.chain[0]
        );
    }
    for l in &map.levels {
        for s in &l.areas {
            assert_eq!(s.in_inset, seribu(&s.id), "{}", s.id);
        }
    }
    // One solid mainland: the union of all mainland cells is a single ring, no holes,
    // and every mainland kecamatan is a single piece. (Regions may be split: a
    // schematic does not keep every real adjacency.)
    let mut welder = Welder::new(1e-3);
    let rings: Vec<Vec<usize>> = map
        .cells
        .iter()
        .filter(|c| !c.in_inset)
        .flat_map(|c| {
            c.polygons
                .iter()
                .map(|p| welder.ring(p))
                .collect::<Vec<_>>()
        })
        .collect();
    let refs: Vec<&[usize]> = rings.iter().map(Vec::as_slice).collect();
    let outline = union_outline(&refs).expect("cells fit together");
    assert_eq!(outline.len(), 1, "the mainland has holes or is in pieces");
    for s in level(AreaLevel::Kecamatan)
        .areas
        .iter()
        .filter(|s| !s.in_inset)
    {
        assert_eq!(
            s.d.matches('M').count(),
            1,
            "{} is not one solid piece",
            s.id
        );
    }
    for s in level(AreaLevel::Region).areas.iter() {
        println!("region {}: {} piece(s)", s.id, s.d.matches('M').count());
    }
    let bytes = kecamatan_path_bytes(&map);
    let fills: usize = level(AreaLevel::Kecamatan)
        .areas
        .iter()
        .map(|a| a.d.len())
        .sum();
    println!(
        "kecamatan-level path bytes: {bytes} (fills {fills}, borders {}); kelurahan {}; region {}; viewBox {}",
        bytes - fills,
        map.path_bytes(AreaLevel::Kelurahan),
        map.path_bytes(AreaLevel::Region),
        map.view_box()
    );
    assert!(
        bytes < 40_000,
        "kecamatan paths should stay compact: {bytes} bytes"
    );
}

/// A kecamatan boundary file matched by code: every feature and every kecamatan, the inset.
fn check_boundary_file(areas: &[Area], geojson: &str, label: &str) {
    let b = parse_boundaries(geojson, "code").unwrap_or_else(|e| panic!("{label}: {e}"));
    assert_eq!(b.features.len(), 44, "{label}");
    let map = b.to_level_paths(areas, AreaLevel::Kecamatan, 1000.0);
    assert_eq!(map.areas.len(), 44, "{label}");
    assert!(
        map.unmatched_features.is_empty(),
        "{label}: {:?}",
        map.unmatched_features
    );
    assert!(
        map.areas_without_feature.is_empty(),
        "{label}: {:?}",
        map.areas_without_feature
    );
    assert_eq!(map.inset_areas, vec!["31.01.01", "31.01.02"], "{label}");
    let inset = map.inset.unwrap();
    for a in &map.areas {
        assert_eq!(a.in_inset, inset.contains(a.anchor), "{label}: {}", a.id);
        assert!(!a.d.is_empty());
    }
    let total: usize = map.areas.iter().map(|a| a.d.len()).sum();
    println!(
        "{label}: kecamatan paths {total} bytes, viewBox 0 0 {} {:.1}",
        map.width, map.height
    );
}

#[test]
fn boundary_file_matches_all_kecamatan() {
    let areas = jakarta_areas();
    let own = own_kecamatan_geojson(&areas, &build_schematic(&areas));
    check_boundary_file(
        &areas,
        &own,
        "boundary file from the explorer's own geometry",
    );
    if let Some((path, text)) = shared("geo/jakarta-kecamatan.geojson") {
        check_boundary_file(&areas, &text, &path.display().to_string());
    }
}

/// How many mainland kecamatan of the schematic have their generated centroid inside, or within
/// 1.5 km of, their polygon in `geojson`; returns (passed, checked).
fn kecamatan_positions(areas: &[Area], geojson: &str, label: &str) -> (usize, usize) {
    let map = build_schematic(areas);
    let projection = map.projection.expect("mainland projection");
    let km = projection.units_per_km();
    let b = parse_boundaries(geojson, "code").unwrap_or_else(|e| panic!("{label}: {e}"));
    let (mut checked, mut passed) = (0, 0);
    let mut report = Vec::new();
    for a in areas
        .iter()
        .filter(|a| a.level == AreaLevel::Kecamatan && !a.id.starts_with("31.01"))
    {
        let f = b
            .features
            .iter()
            .find(|f| f.code == a.code)
            .unwrap_or_else(|| panic!("{label}: a feature for {}", a.code));
        let rings: Vec<Vec<Point>> = f
            .polygons
            .iter()
            .flatten()
            .map(|r| r.iter().map(|p| projection.project(*p)).collect())
            .collect();
        let c = map.shape_centroid(&a.id).expect("generated shape");
        let inside = rings.iter().filter(|r| contains(r, c)).count() % 2 == 1;
        let gap_km = if inside {
            0.0
        } else {
            rings
                .iter()
                .map(|r| distance_to_boundary(r, c))
                .fold(f64::INFINITY, f64::min)
                / km
        };
        checked += 1;
        if gap_km <= 1.5 {
            passed += 1;
        }
        report.push(format!(
            "{} {:<20} {}",
            a.id,
            a.name,
            if inside {
                "inside".to_string()
            } else {
                format!("{gap_km:.2} km outside")
            }
        ));
    }
    println!("{label}:\n{}", report.join("\n"));
    println!("{label}: {passed} of {checked} mainland kecamatan: generated centroid inside or within 1.5 km of the polygon");
    (passed, checked)
}

#[test]
fn schematic_kecamatan_sit_where_the_real_ones_are() {
    let areas = jakarta_areas();
    // The explorer's own geometry, round-tripped through longitude and latitude: every
    // generated kecamatan sits inside its own polygon.
    let own = own_kecamatan_geojson(&areas, &build_schematic(&areas));
    let (passed, checked) = kecamatan_positions(&areas, &own, "own geometry");
    assert_eq!((passed, checked), (42, 42));
    // Extra run: against the real boundaries.
    if let Some((path, text)) = shared("geo/jakarta-kecamatan.geojson") {
        let (passed, checked) = kecamatan_positions(&areas, &text, &path.display().to_string());
        assert_eq!(checked, 42);
        assert!(passed >= 40, "{passed} of {checked}");
    }
}
