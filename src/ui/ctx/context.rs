//! The app-wide context: the shareable view state (mirrored in the URL), the language, the
//! loaded dataset with its index, and the derived filter results every view reads.

use crate::i18n;
use crate::model::id_hash::IdMap;
use crate::model::{
    Dataset, Facet, FacetCounts, Filters, Index, Lang, Outcome, Problem, Text, View, ViewState,
};
use leptos::prelude::*;
use std::sync::Arc;

/// A dataset ready to explore.
#[derive(Debug)]
pub struct Loaded {
    /// The dataset.
    pub dataset: Dataset,
    /// Its search and area index.
    pub index: Index,
    /// Validation warnings (shown as data completeness, not hidden).
    pub warnings: Vec<Problem>,
    /// Where it was loaded from.
    pub url: String,
}

/// Shared by every component through `use_context`. The state is the one thing written;
/// everything else is derived from it once per change, and components read the derived
/// memos (a filter checkbox reads its facet's selection, not the whole state).
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The view state; the URL follows it. It is sanitized against the dataset when a link
    /// is read (first load, back and forward: `ctx::link`), never while rendering.
    pub state: RwSignal<ViewState>,
    /// The interface language.
    pub lang: Memo<Lang>,
    /// The loaded dataset.
    pub data: StoredValue<Arc<Loaded>>,
    /// The filters (changes only when a filter changes, not with the view or selection).
    pub filters: Memo<Filters>,
    /// Each facet's selected values, by [`Facet::index`].
    selected: [Memo<Vec<String>>; Facet::COUNT],
    /// Matching actions and facet counts, from one pass over the actions.
    pub outcome: Memo<Arc<Outcome>>,
    /// Indices of the actions matching the filters.
    pub matching: Memo<Vec<usize>>,
    /// Facet counts for the filter panel.
    pub counts: Memo<FacetCounts>,
    /// Actions per area (given the filters other than the area) and city-wide, for the
    /// map and the area picker.
    pub area_counts: Memo<AreaCounts>,
}

/// Actions per area id (acting there or inside it) and city-wide ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AreaCounts {
    /// By area id.
    pub areas: IdMap<usize>,
    /// City-wide actions.
    pub city_wide: usize,
}

impl AreaCounts {
    /// The count of area `id` (0 when none acts there).
    pub fn get(&self, id: &str) -> usize {
        self.areas.get(id).copied().unwrap_or(0)
    }
}

impl Ctx {
    /// Builds the context for a loaded dataset.
    pub fn new(state: RwSignal<ViewState>, lang: Memo<Lang>, loaded: Arc<Loaded>) -> Ctx {
        let data = StoredValue::new(loaded);
        let filters = Memo::new(move |_| state.with(|s| s.filters.clone()));
        let selected = std::array::from_fn(|i| {
            let facet = Facet::ALL[i];
            Memo::new(move |_| filters.with(|f| f.values(facet).to_vec()))
        });
        let outcome = Memo::new(move |_| {
            let l = data.get_value();
            filters.with(|f| Arc::new(l.index.evaluate(&l.dataset, f)))
        });
        let matching = Memo::new(move |_| outcome.with(|o| o.matching.clone()));
        let counts = Memo::new(move |_| outcome.with(|o| o.counts.clone()));
        let area_counts = Memo::new(move |_| {
            outcome.with(|o| AreaCounts {
                areas: o.counts.areas.clone(),
                city_wide: o.counts.city_wide,
            })
        });
        Ctx {
            state,
            lang,
            data,
            filters,
            selected,
            outcome,
            matching,
            counts,
            area_counts,
        }
    }

    /// The selected values of `facet` (reactive; changes only when they change).
    pub fn selected(&self, facet: Facet) -> Memo<Vec<String>> {
        self.selected[facet.index()]
    }

    /// True when `value` is selected in `facet` (reactive, on that facet only).
    pub fn has(&self, facet: Facet, value: &str) -> bool {
        self.selected(facet).with(|v| v.iter().any(|x| x == value))
    }

    /// The loaded dataset.
    pub fn d(&self) -> Arc<Loaded> {
        self.data.get_value()
    }

    /// A UI string in the current language (reactive).
    pub fn t(&self, key: i18n::Key) -> &'static str {
        let lang = self.lang.get();
        i18n::t(lang, key)
    }

    /// A data text in the current language (reactive).
    pub fn text(&self, t: &Text) -> String {
        t.get(self.lang.get()).to_string()
    }

    /// Changes the filters (and keeps the rest of the state): the one way a filter value
    /// is changed, by the panel, the chips, the map, the charts, the overview and the
    /// presentation.
    pub fn set_filters(&self, f: impl FnOnce(&mut Filters)) {
        self.state.update(|s| f(&mut s.filters));
    }

    /// Adds or removes one filter value.
    pub fn toggle(&self, facet: Facet, value: &str) {
        self.set_filters(|f| f.toggle(facet, value));
    }

    /// Replaces every filter by `value` of `facet` alone (by none when `value` is `None`),
    /// and shows `view` when one is given (a pillar card, a hazard chip, a presentation
    /// choice).
    pub fn filter_only(&self, facet: Facet, value: Option<&str>, view: Option<View>) {
        self.state.update(|s| {
            s.filters = Filters::default();
            if let Some(v) = value {
                s.filters.set(facet, vec![v.to_string()]);
            }
            if let Some(v) = view {
                s.view = v;
            }
        });
    }

    /// Removes every filter.
    pub fn clear_filters(&self) {
        self.set_filters(|f| *f = Filters::default());
    }

    /// The link (query string) of the current state changed by `f`.
    pub fn href(&self, f: impl FnOnce(&mut ViewState)) -> String {
        let mut s = self.state.get();
        f(&mut s);
        let q = s.to_query();
        if q.is_empty() {
            "./".to_string()
        } else {
            q
        }
    }

    /// How many actions serve a pillar, in the dataset's word for them ("12 related
    /// initiatives" or "12 actions"), in the current language (reactive): the pillar cards of
    /// the overview and the presentation.
    pub fn actions_in_pillar(&self, n: usize) -> String {
        let key: i18n::Key = if self.aligned() {
            |t| t.overview.actions_in_pillar
        } else {
            |t| t.overview.actions_in_pillar_official
        };
        let lang = self.lang.get();
        i18n::plural(lang, key(i18n::texts(lang)), n)
    }

    /// True when the dataset lists aligned initiatives rather than the strategy's actions.
    pub fn aligned(&self) -> bool {
        self.d().dataset.meta.actions_are == crate::model::ActionsAre::AlignedInitiatives
    }
}

/// The context, provided by the app root.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
