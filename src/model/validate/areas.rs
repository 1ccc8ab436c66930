//! Checks of the areas: names, official codes, centroids in range, plausible populations
//! and a parent chain that goes region → kecamatan → kelurahan.

use super::ids::Ids;
use super::{Validator, MAX_POPULATION};
use crate::model::problem::{msg, quote, Message};
use crate::model::types::{Area, AreaLevel, Dataset};
use std::collections::HashMap;

/// A number as written in a message: in scientific notation when it is huge.
fn number(x: f64) -> String {
    if x.is_finite() && x.abs() >= 1e9 {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

impl Validator<'_> {
    pub(super) fn areas(&mut self, d: &Dataset, areas: &Ids, sources: &Ids) {
        let by_id: HashMap<&str, &Area> = d.areas.iter().map(|a| (a.id.as_str(), a)).collect();
        for (i, a) in d.areas.iter().enumerate() {
            let p = format!("areas[{i}]");
            self.record(&p, &a.id, &a.sources, &a.provenance, sources);
            if a.name.trim().is_empty() {
                self.err(
                    format!("{p}.name"),
                    Message::new(
                        "missing: an area needs a name",
                        "tidak ada: wilayah memerlukan nama",
                    ),
                );
            }
            self.plain(&format!("{p}.name"), &a.name);
            if let Some(en) = &a.name_en {
                if en.trim().is_empty() {
                    self.err(
                        format!("{p}.name_en"),
                        Message::new(
                            "empty: leave name_en out when the area has no English name",
                            "kosong: hapus name_en bila wilayah tidak punya nama bahasa Inggris",
                        ),
                    );
                }
                self.plain(&format!("{p}.name_en"), en);
            }
            if a.code.trim().is_empty() {
                self.err(
                    format!("{p}.code"),
                    Message::new(
                        "missing: an area needs its official code",
                        "tidak ada: wilayah memerlukan kode resminya",
                    ),
                );
            }
            self.plain(&format!("{p}.code"), &a.code);
            let [lon, lat] = a.centroid;
            let (lon_shown, lat_shown) = (number(lon), number(lat));
            if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
                self.err(
                    format!("{p}.centroid[0]"),
                    msg!(
                        "longitude {lon_shown} is outside −180…180 (centroid is [longitude, latitude])",
                        "bujur {lon_shown} di luar −180…180 (centroid adalah [bujur, lintang])",
                    ),
                );
            }
            if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
                self.err(
                    format!("{p}.centroid[1]"),
                    msg!(
                        "latitude {lat_shown} is outside −90…90 (centroid is [longitude, latitude])",
                        "lintang {lat_shown} di luar −90…90 (centroid adalah [bujur, lintang])",
                    ),
                );
            }
            if let Some(pop) = a.population {
                if pop > MAX_POPULATION {
                    self.err(
                        format!("{p}.population"),
                        msg!(
                            "population {pop} is not plausible for one area",
                            "jumlah penduduk {pop} tidak masuk akal untuk satu wilayah",
                        ),
                    );
                }
            }
            // Parent chain: regions have no parent; others point at the level above.
            match (&a.parent, a.level) {
                (None, AreaLevel::Region) => {}
                (Some(parent), AreaLevel::Region) => {
                    let q = quote(parent);
                    self.err(
                        format!("{p}.parent"),
                        msg!(
                            "a region has no parent, but {q} is given",
                            "wilayah tingkat region tidak memiliki induk, tetapi {q} diberikan",
                        ),
                    )
                }
                (None, level) => {
                    let level = level.code();
                    self.err(
                        format!("{p}.parent"),
                        msg!(
                            "missing: a {level} needs a parent area",
                            "tidak ada: wilayah tingkat {level} memerlukan wilayah induk",
                        ),
                    )
                }
                (Some(parent), level) => match by_id.get(parent.as_str()) {
                    None => self.one_ref(&format!("{p}.parent"), parent, areas),
                    Some(pa) => {
                        let expected = match level {
                            AreaLevel::Kecamatan => AreaLevel::Region,
                            _ => AreaLevel::Kecamatan,
                        };
                        if pa.level != expected {
                            let (level, expected) = (level.code(), expected.code());
                            let (q, found) = (quote(parent), pa.level.code());
                            self.err(
                                format!("{p}.parent"),
                                msg!(
                                    "the parent of a {level} must be a {expected}, but {q} is a {found}",
                                    "induk wilayah tingkat {level} harus tingkat {expected}, tetapi {q} tingkat {found}",
                                ),
                            );
                        }
                    }
                },
            }
        }
    }
}
