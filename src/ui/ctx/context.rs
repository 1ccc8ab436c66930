//! The app-wide context: the shareable view state (mirrored in the URL), the language, the
//! loaded dataset with its index, and the derived filter results every view reads.

use crate::i18n;
use crate::model::{Dataset, FacetCounts, Filters, Index, Lang, Problem, Text, ViewState};
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

/// Shared by every component through `use_context`.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The view state; the URL follows it.
    pub state: RwSignal<ViewState>,
    /// The interface language.
    pub lang: Memo<Lang>,
    /// The loaded dataset.
    pub data: StoredValue<Arc<Loaded>>,
    /// Indices of the actions matching the filters.
    pub matching: Memo<Vec<usize>>,
    /// Facet counts for the filter panel.
    pub counts: Memo<FacetCounts>,
}

impl Ctx {
    /// Builds the context for a loaded dataset.
    pub fn new(state: RwSignal<ViewState>, lang: Memo<Lang>, loaded: Arc<Loaded>) -> Ctx {
        let data = StoredValue::new(loaded);
        let filters = Memo::new(move |_| state.with(|s| s.filters.clone()));
        let matching = Memo::new(move |_| {
            let f = filters.get();
            let l = data.get_value();
            l.index.matching(&l.dataset, &f)
        });
        let counts = Memo::new(move |_| {
            let f = filters.get();
            let l = data.get_value();
            l.index.facet_counts(&l.dataset, &f)
        });
        Ctx {
            state,
            lang,
            data,
            matching,
            counts,
        }
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

    /// Changes the filters (and keeps the rest of the state).
    pub fn set_filters(&self, f: impl FnOnce(&mut Filters)) {
        self.state.update(|s| f(&mut s.filters));
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

    /// True when the dataset lists aligned initiatives rather than the strategy's actions.
    pub fn aligned(&self) -> bool {
        self.d().dataset.meta.actions_are == crate::model::ActionsAre::AlignedInitiatives
    }
}

/// The context, provided by the app root.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
