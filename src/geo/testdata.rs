//! Fixtures for the geometry tests: one area record with its centroid, a small made-up city,
//! and boundary files made of square features.

pub use crate::model::testdata::area;
use crate::model::{Area, AreaLevel};

/// Two mainland regions of 2 kecamatan × 4 kelurahan on a grid, and a far island
/// region of 1 kecamatan × 2 kelurahan.
pub fn city() -> Vec<Area> {
    let mut v = vec![
        area("A", AreaLevel::Region, None, 106.80, -6.20),
        area("B", AreaLevel::Region, None, 106.90, -6.20),
        area("I", AreaLevel::Region, None, 106.60, -5.70),
        area("I.1", AreaLevel::Kecamatan, Some("I"), 106.60, -5.70),
        area("I.1.1", AreaLevel::Kelurahan, Some("I.1"), 106.60, -5.65),
        area("I.1.2", AreaLevel::Kelurahan, Some("I.1"), 106.62, -5.75),
    ];
    for (r, x0) in [("A", 106.75), ("B", 106.85)] {
        for k in 0..2 {
            let kid = format!("{r}.{k}");
            v.push(area(
                &kid,
                AreaLevel::Kecamatan,
                Some(r),
                x0 + 0.05 * k as f64,
                -6.2,
            ));
            for l in 0..4 {
                let x = x0 + 0.05 * k as f64 + 0.02 * (l % 2) as f64;
                let y = -6.15 - 0.02 * (l / 2) as f64 - 0.05 * k as f64;
                v.push(area(
                    &format!("{kid}.{l}"),
                    AreaLevel::Kelurahan,
                    Some(&kid),
                    x,
                    y,
                ));
            }
        }
    }
    v
}

/// A square Polygon feature with area code `code`, its south-west corner at `lon`, `lat`.
pub fn square_feature(code: &str, lon: f64, lat: f64, size: f64) -> String {
    format!(
        r#"{{"type":"Feature","properties":{{"code":"{code}"}},"geometry":{{"type":"Polygon","coordinates":[[[{a},{b}],[{c},{b}],[{c},{d}],[{a},{d}],[{a},{b}]]]}}}}"#,
        a = lon,
        b = lat,
        c = lon + size,
        d = lat + size
    )
}

/// A FeatureCollection of `features`.
pub fn collection(features: &[String]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}
