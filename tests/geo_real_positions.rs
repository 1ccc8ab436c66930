//! The generated schematic against real positions: areas built from the centroid
//! tables of `../shared/research/jakarta-facts.md`, and the kecamatan boundary fixture
//! `../shared/geo/jakarta-kecamatan.geojson` (test-only; never copied into the project).

use std::path::PathBuf;

use jrs::geo::boundaries::parse_boundaries;
use jrs::geo::outline::{union_outline, Welder};
use jrs::geo::polygon::{contains, distance_to_boundary, Point};
use jrs::geo::schematic::{build_schematic, kecamatan_path_bytes};
use jrs::model::{Area, AreaLevel, Provenance, ProvenanceKind, Text};

fn shared(rel: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\nThe geo tests need the shared research folder next to the project \
             (../shared relative to Cargo.toml); CI always has it.",
            path.display()
        )
    })
}

fn num(s: &str, line: &str) -> f64 {
    s.trim()
        .parse()
        .unwrap_or_else(|_| panic!("not a number {s:?} in facts table row: {line}"))
}

/// Areas from the facts file: regions (§5.2, "lat, lon" in one cell), kecamatan (§5.3,
/// lat and lon in columns 6–7) and kelurahan (Appendix A, lat and lon in columns 4–5).
fn facts_areas() -> Vec<Area> {
    let text = shared("research/jakarta-facts.md");
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

#[test]
fn facts_tables_parse() {
    let areas = facts_areas();
    assert_eq!(count(&areas, AreaLevel::Region), 6);
    assert_eq!(count(&areas, AreaLevel::Kecamatan), 44);
    assert_eq!(count(&areas, AreaLevel::Kelurahan), 267);
    let gambir = areas.iter().find(|a| a.id == "31.71.01.1001").unwrap();
    assert_eq!(gambir.centroid, [106.8267, -6.1764]);
    assert_eq!(gambir.parent.as_deref(), Some("31.71.01"));
}

#[test]
fn schematic_of_jakarta() {
    let areas = facts_areas();
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

#[test]
fn boundary_fixture_matches_all_kecamatan() {
    let areas = facts_areas();
    let b =
        parse_boundaries(&shared("geo/jakarta-kecamatan.geojson"), "code").expect("fixture parses");
    assert_eq!(b.features.len(), 44);
    let map = b.to_level_paths(&areas, AreaLevel::Kecamatan, 1000.0);
    assert_eq!(map.areas.len(), 44);
    assert!(
        map.unmatched_features.is_empty(),
        "{:?}",
        map.unmatched_features
    );
    assert!(
        map.areas_without_feature.is_empty(),
        "{:?}",
        map.areas_without_feature
    );
    assert_eq!(map.inset_areas, vec!["31.01.01", "31.01.02"]);
    let inset = map.inset.unwrap();
    for a in &map.areas {
        assert_eq!(a.in_inset, inset.contains(a.anchor), "{}", a.id);
        assert!(!a.d.is_empty());
    }
    let total: usize = map.areas.iter().map(|a| a.d.len()).sum();
    println!(
        "boundary fixture kecamatan paths: {total} bytes, viewBox 0 0 {} {:.1}",
        map.width, map.height
    );
}

#[test]
fn schematic_kecamatan_sit_where_the_real_ones_are() {
    let areas = facts_areas();
    let map = build_schematic(&areas);
    let projection = map.projection.expect("mainland projection");
    let km = projection.units_per_km();
    let b =
        parse_boundaries(&shared("geo/jakarta-kecamatan.geojson"), "code").expect("fixture parses");
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
            .expect("fixture feature");
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
    println!("{}", report.join("\n"));
    println!("{passed} of {checked} mainland kecamatan: generated centroid inside or within 1.5 km of the real polygon");
    assert_eq!(checked, 42);
    assert!(passed >= 40, "{passed} of {checked}");
}
