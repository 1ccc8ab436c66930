//! What every chart is drawn from: the dataset, the matching actions, the filters, the
//! language and the width; and the phrases every chart uses for counts of actions.

use crate::i18n::{self, format_int};
use crate::model::{Dataset, Filters, Lang};

/// What every chart is drawn from.
#[derive(Debug, Clone, Copy)]
pub struct ChartInput<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// Indices of the actions matching the filters.
    pub matching: &'a [usize],
    /// The filters (to mark selected values and to name files).
    pub filters: &'a Filters,
    /// Interface language.
    pub lang: Lang,
    /// Available width in CSS pixels.
    pub width: u32,
    /// False for a chart far from the screen: its words, table and size are made but not its
    /// drawing (the page keeps the last one until the chart comes near and is drawn again).
    pub drawn: bool,
    /// False while nobody reads the chart's table (not shown, not printing, no download): a
    /// chart whose table has a row per action (the Gantt) then lists only the rows it draws,
    /// so 10,000 actions are not copied into a table on every redraw.
    pub tabled: bool,
}

impl ChartInput<'_> {
    /// True when the dataset lists aligned initiatives rather than the strategy's actions.
    pub fn aligned(&self) -> bool {
        self.dataset.meta.actions_are == crate::model::ActionsAre::AlignedInitiatives
    }

    /// "12 aksi" / "12 inisiatif" / "1 action" / "12 initiatives".
    pub fn n_actions(&self, n: usize) -> String {
        let key: i18n::Key = match (self.aligned(), n == 1) {
            (true, true) => |t| t.charts.n_initiatives_one,
            (true, false) => |t| t.charts.n_initiatives,
            (false, true) => |t| t.charts.n_actions_one,
            (false, false) => |t| t.charts.n_actions,
        };
        i18n::tf(self.lang, key, &[("n", format_int(n, self.lang))])
    }

    /// "inisiatif"/"aksi" ("initiatives"/"actions"), capitalised when `cap`.
    pub fn noun(&self, cap: bool) -> &'static str {
        let key: i18n::Key = match (self.aligned(), cap) {
            (true, false) => |t| t.charts.noun_initiatives,
            (true, true) => |t| t.charts.noun_initiatives_cap,
            (false, false) => |t| t.charts.noun_actions,
            (false, true) => |t| t.charts.noun_actions_cap,
        };
        i18n::t(self.lang, key)
    }

    /// The number formatted for the language.
    pub fn num(&self, n: usize) -> String {
        format_int(n, self.lang)
    }
}

/// The "no matching actions" sentence.
pub fn empty_summary(inp: &ChartInput) -> String {
    let key: i18n::Key = if inp.aligned() {
        |t| t.charts.empty_initiatives
    } else {
        |t| t.charts.empty_actions
    };
    i18n::t(inp.lang, key).to_string()
}
