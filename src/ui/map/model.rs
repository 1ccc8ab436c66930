//! The map view's shared derived state: the current level, the layer drawn for it
//! (schematic or official boundaries), the colour scale of the current counts, the area
//! names and parents used by labels, tooltips and the table, and the wording helpers
//! ("Kecamatan Gambir", "3 inisiatif").

use crate::geo::choropleth::Scale;
use crate::geo::layer::MapLayer;
use crate::i18n;
use crate::model::{AreaLevel, Lang};
use crate::ui::ctx::Ctx;
use crate::ui::map::boundaries::BoundaryState;
use crate::ui::map::geometry::{geometry, Geometry};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// A layer compared by identity (layers are large and immutable).
#[derive(Clone)]
pub struct LayerRef(pub Arc<MapLayer>);

impl PartialEq for LayerRef {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// What the map needs to know about an area.
#[derive(Debug, Clone)]
pub struct AreaInfo {
    /// Official code.
    pub code: String,
    /// Names per language ([`AreaInfo::name`]).
    pub names: [String; 2],
    /// Level.
    pub level: AreaLevel,
    /// The parent's names, if any.
    pub parents: Option<[String; 2]>,
    /// The region (root ancestor) id.
    pub region: String,
    /// The region's names.
    pub region_names: [String; 2],
}

/// The name of `names` in `lang`.
fn pick(names: &[String; 2], lang: Lang) -> &str {
    &names[usize::from(lang == Lang::En)]
}

impl AreaInfo {
    /// The name to show in `lang` (the English name in English where the area has one).
    pub fn name(&self, lang: Lang) -> &str {
        pick(&self.names, lang)
    }

    /// The parent's name in `lang`.
    pub fn parent(&self, lang: Lang) -> Option<&str> {
        self.parents.as_ref().map(|p| pick(p, lang))
    }

    /// The region's name in `lang`.
    pub fn region_name(&self, lang: Lang) -> &str {
        pick(&self.region_names, lang)
    }
}

/// Names and places of every area, by id.
pub type AreaInfos = HashMap<String, AreaInfo>;

/// The map view's shared signals (all `Copy`).
#[derive(Clone, Copy)]
pub struct MapModel {
    /// The level shown.
    pub level: Memo<AreaLevel>,
    /// The layer drawn for it.
    pub layer: Memo<LayerRef>,
    /// The colour scale of the counts at this level.
    pub scale: Memo<Scale>,
    /// The schematic geometry of the dataset (every level).
    pub geometry: StoredValue<Arc<Geometry>>,
    /// Area names and places.
    pub infos: StoredValue<Arc<AreaInfos>>,
    /// True when the dataset lists aligned initiatives rather than the strategy's actions.
    pub aligned: bool,
}

impl MapModel {
    /// Builds the model for the current dataset; `boundaries` is the official boundary state.
    pub fn new(ctx: Ctx, boundaries: ReadSignal<BoundaryState>) -> MapModel {
        let loaded = ctx.d();
        let geometry = StoredValue::new(geometry(&loaded));
        let infos = StoredValue::new(Arc::new(area_infos(&ctx)));
        // The level asked for when the dataset has it, else kecamatan, else the first it has.
        let present: Vec<AreaLevel> = AreaLevel::ALL
            .into_iter()
            .filter(|l| loaded.dataset.areas.iter().any(|a| a.level == *l))
            .collect();
        let fallback = if present.contains(&AreaLevel::Kecamatan) || present.is_empty() {
            AreaLevel::Kecamatan
        } else {
            present[0]
        };
        let level = Memo::new(move |_| {
            ctx.state
                .with(|s| s.level)
                .filter(|l| present.contains(l))
                .unwrap_or(fallback)
        });
        let layer = Memo::new(move |_| {
            let l = level.get();
            let official = boundaries.with(|b| match b {
                BoundaryState::Ready(r) if r.layer.level == l => Some(r.layer.clone()),
                _ => None,
            });
            LayerRef(official.unwrap_or_else(|| geometry.with_value(|g| g.layer(l))))
        });
        let scale = Memo::new(move |_| {
            let l = level.get();
            let ids: Vec<String> = ctx
                .d()
                .dataset
                .areas
                .iter()
                .filter(|a| a.level == l)
                .map(|a| a.id.clone())
                .collect();
            ctx.area_counts
                .with(|c| Scale::for_counts(ids.iter().map(|id| c.get(id))))
        });
        MapModel {
            level,
            layer,
            scale,
            geometry,
            infos,
            aligned: ctx.aligned(),
        }
    }

    /// The info of area `id`.
    pub fn info(&self, id: &str) -> Option<AreaInfo> {
        self.infos.with_value(|m| m.get(id).cloned())
    }
}

/// Names and places of every area, from the dataset's one area tree (the first area with
/// a repeated id is the one shown).
fn area_infos(ctx: &Ctx) -> AreaInfos {
    let l = ctx.d();
    let d = &l.dataset;
    let tree = l.index.tree();
    d.areas
        .iter()
        .enumerate()
        .filter(|(i, _)| tree.is_primary(*i))
        .map(|(i, a)| {
            let names = |i| [Lang::Id, Lang::En].map(|l| tree.name_in(i, l).to_string());
            let region = tree.chain_of(i).last().map_or(i, |r| *r);
            (
                a.id.clone(),
                AreaInfo {
                    code: a.code.clone(),
                    names: names(i),
                    level: a.level,
                    parents: tree.parent(i).map(names),
                    region: tree.id(region).to_string(),
                    region_names: names(region),
                },
            )
        })
        .collect()
}

/// "Kecamatan Gambir", "Kelurahan Gambir" or a region's own name.
pub fn display_name(lang: Lang, info: &AreaInfo) -> String {
    let name = info.name(lang).to_string();
    match info.level {
        AreaLevel::Region => name,
        AreaLevel::Kecamatan => i18n::fill(i18n::texts(lang).map.kecamatan_name, &[("name", name)]),
        AreaLevel::Kelurahan => i18n::fill(i18n::texts(lang).map.kelurahan_name, &[("name", name)]),
    }
}

/// The name with its region, as screen readers hear it: "Kecamatan Koja, Jakarta Utara"
/// (a region's own name alone).
pub fn place_name(lang: Lang, info: &AreaInfo) -> String {
    let name = display_name(lang, info);
    match info.level {
        AreaLevel::Region => name,
        _ => format!("{name}, {}", info.region_name(lang)),
    }
}

pub use crate::i18n::count_text;

/// "inisiatif" / "aksi" (plural, for headings).
pub fn what(lang: Lang, aligned: bool) -> &'static str {
    if aligned {
        i18n::texts(lang).map.what_initiatives
    } else {
        i18n::texts(lang).map.what_actions
    }
}

/// The level's name in "per {level}" phrases.
pub fn level_noun(lang: Lang, level: AreaLevel) -> &'static str {
    match level {
        AreaLevel::Region => i18n::texts(lang).map.per_region,
        AreaLevel::Kecamatan => i18n::texts(lang).map.per_kecamatan,
        AreaLevel::Kelurahan => i18n::texts(lang).map.per_kelurahan,
    }
}

/// The level's name on the level switch.
pub fn level_label(lang: Lang, level: AreaLevel) -> &'static str {
    match level {
        AreaLevel::Region => i18n::texts(lang).map.level_region,
        AreaLevel::Kecamatan => i18n::texts(lang).map.level_kecamatan,
        AreaLevel::Kelurahan => i18n::texts(lang).map.level_kelurahan,
    }
}
