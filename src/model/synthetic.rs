//! A generator of synthetic datasets for benchmarks: valid by construction, labelled
//! synthetic in its meta (the UI shows a banner), deterministic for a seed, and never bundled
//! as a default. Names are placeholders ("Aksi sintetis 17"), never plausible real ones.

use super::types::*;

/// A small deterministic pseudo-random generator (xorshift64*), enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn prov() -> Provenance {
    Provenance {
        kind: ProvenanceKind::Illustrative,
        note: Text::new(
            "Data sintetis untuk uji kinerja.",
            "Synthetic data for benchmarks.",
        ),
        uncertain: false,
    }
}

/// Generates a dataset with `actions` actions over `areas` areas (split into regions,
/// kecamatan and kelurahan), deterministic for `seed`.
pub fn generate(actions: usize, areas: usize, seed: u64) -> Dataset {
    let mut rng = Rng(seed
        .wrapping_mul(2_862_933_555_777_941_757)
        .wrapping_add(3_037_000_493)
        | 1);
    let src = vec!["synthetic".to_string()];
    let pillars: Vec<Pillar> = (0..3)
        .map(|i| Pillar {
            id: format!("p{i}"),
            name: Text::new(
                &format!("Pilar sintetis {i}"),
                &format!("Synthetic pillar {i}"),
            ),
            definition: Text::new("Sintetis.", "Synthetic."),
            targets: Vec::new(),
            sources: src.clone(),
            provenance: prov(),
        })
        .collect();
    let hazards: Vec<Hazard> = (0..16)
        .map(|i| Hazard {
            id: format!("h{i}"),
            kind: if i < 6 {
                HazardKind::Shock
            } else {
                HazardKind::Stress
            },
            name: Text::new(
                &format!("Bahaya sintetis {i}"),
                &format!("Synthetic hazard {i}"),
            ),
            description: None,
            sources: src.clone(),
            provenance: prov(),
        })
        .collect();
    let drivers: Vec<CrfDriver> = (0..12)
        .map(|i| CrfDriver {
            id: format!("d{i}"),
            dimension: format!("dim{}", i / 3),
            name: Text::new(&format!("Penggerak {i}"), &format!("Driver {i}")),
            sources: src.clone(),
            provenance: prov(),
        })
        .collect();
    let dimensions: Vec<CrfDimension> = (0..4)
        .map(|i| CrfDimension {
            id: format!("dim{i}"),
            name: Text::new(&format!("Dimensi {i}"), &format!("Dimension {i}")),
            description: None,
            sources: src.clone(),
            provenance: prov(),
        })
        .collect();
    // Areas: ~1/50 regions, ~1/8 kecamatan, the rest kelurahan, on a grid around Jakarta.
    let n_regions = (areas / 50).max(1);
    let n_kec = (areas / 8).max(n_regions);
    let mut area_list = Vec::new();
    let point = |rng: &mut Rng| {
        [
            106.70 + (rng.below(10_000) as f64) * 0.000_025,
            -6.35 + (rng.below(10_000) as f64) * 0.000_025,
        ]
    };
    for r in 0..n_regions.min(areas) {
        area_list.push(Area {
            id: format!("r{r}"),
            code: format!("R{r}"),
            level: AreaLevel::Region,
            parent: None,
            name: format!("Wilayah sintetis {r}"),
            name_en: None,
            centroid: point(&mut rng),
            population: None,
            sources: src.clone(),
            provenance: prov(),
        });
    }
    for k in 0..n_kec.min(areas.saturating_sub(n_regions)) {
        area_list.push(Area {
            id: format!("k{k}"),
            code: format!("K{k}"),
            level: AreaLevel::Kecamatan,
            parent: Some(format!("r{}", k % n_regions)),
            name: format!("Kecamatan sintetis {k}"),
            name_en: None,
            centroid: point(&mut rng),
            population: None,
            sources: src.clone(),
            provenance: prov(),
        });
    }
    let n_kec_made = area_list.len() - n_regions.min(areas);
    let rest = areas.saturating_sub(area_list.len());
    for v in 0..rest {
        if n_kec_made == 0 {
            break;
        }
        area_list.push(Area {
            id: format!("v{v}"),
            code: format!("V{v}"),
            level: AreaLevel::Kelurahan,
            parent: Some(format!("k{}", v % n_kec_made)),
            name: format!("Kelurahan sintetis {v}"),
            name_en: None,
            centroid: point(&mut rng),
            population: None,
            sources: src.clone(),
            provenance: prov(),
        });
    }
    let leads: Vec<String> = (0..20).map(|i| format!("Instansi sintetis {i}")).collect();
    let action_list: Vec<Action> = (0..actions)
        .map(|i| {
            let mut pick = |n: usize, max: usize, prefix: &str| {
                let k = 1 + rng.below(max);
                let mut v: Vec<String> = (0..k)
                    .map(|_| format!("{prefix}{}", rng.below(n)))
                    .collect();
                v.sort();
                v.dedup();
                v
            };
            let pillars = pick(3, 2, "p");
            let hazards = pick(16, 3, "h");
            let crf_drivers = pick(12, 2, "d");
            let area_ids: Vec<String> = if area_list.is_empty() || rng.below(4) == 0 {
                Vec::new()
            } else {
                let a = &area_list[rng.below(area_list.len())];
                vec![a.id.clone()]
            };
            let start = 2015 + rng.below(8) as i32;
            Action {
                id: format!("a{i}"),
                title: Text::new(
                    &format!("Aksi sintetis {i}"),
                    &format!("Synthetic action {i}"),
                ),
                description: Some(Text::new(
                    "Deskripsi sintetis untuk uji kinerja.",
                    "Synthetic description for benchmarks.",
                )),
                pillars,
                goals: Vec::new(),
                strategies: Vec::new(),
                hazards,
                focus_areas: Vec::new(),
                crf_drivers,
                crf_qualities: Vec::new(),
                areas: area_ids,
                lead: Some(leads[rng.below(leads.len())].clone()),
                partners: Vec::new(),
                status: Some(Status::ALL[rng.below(4)]),
                status_basis: None,
                tie: None,
                timeframe: Some(Timeframe {
                    start: Some(start),
                    end: Some(start + rng.below(8) as i32),
                    note: None,
                }),
                sources: src.clone(),
                provenance: prov(),
            }
        })
        .collect();
    Dataset {
        schema: Some("strategy.schema.json".to_string()),
        meta: Meta {
            id: format!("synthetic-{actions}-{areas}-{seed}"),
            title: Text::new("Strategi sintetis", "Synthetic strategy"),
            city: Text::new("Kota sintetis", "Synthetic city"),
            vision: Text::new(
                "Data sintetis untuk uji kinerja.",
                "Synthetic data for benchmarks.",
            ),
            published: None,
            dataset_date: None,
            licence: "CC0 1.0".to_string(),
            editors: Some("jrs-data generate".to_string()),
            actions_are: ActionsAre::StrategyActions,
            declared_counts: DeclaredCounts::default(),
            note: Some(Text::new(
                "Dibuat oleh generator; bukan data nyata.",
                "Made by the generator; not real data.",
            )),
            synthetic: true,
            sources: src.clone(),
        },
        sources: vec![Source {
            id: "synthetic".to_string(),
            title: "jrs-data generate".to_string(),
            publisher: "Jakarta Resilience Strategy Explorer".to_string(),
            date: None,
            url: None,
        }],
        pillars,
        goals: Vec::new(),
        strategies: Vec::new(),
        hazards,
        rankings: Vec::new(),
        focus_areas: Vec::new(),
        crf: Crf {
            dimensions,
            drivers,
            qualities: Vec::new(),
        },
        actions: action_list.into_iter().map(Box::new).collect(),
        areas: area_list,
        timeline: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::validate;

    #[test]
    fn generated_datasets_are_valid_synthetic_and_deterministic() {
        for (n, areas) in [(0, 0), (10, 3), (1000, 200)] {
            let d = generate(n, areas, 1);
            let errors: Vec<_> = validate(&d).into_iter().filter(|p| p.is_error()).collect();
            assert!(errors.is_empty(), "{n}/{areas}: {errors:?}");
            assert!(d.meta.synthetic);
            assert_eq!(d.actions.len(), n);
            assert_eq!(d.areas.len(), areas);
        }
        assert_eq!(generate(50, 20, 7), generate(50, 20, 7));
        assert_ne!(generate(50, 20, 7), generate(50, 20, 8));
    }
}
