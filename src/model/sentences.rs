//! The parts of generated sentences that depend on the data and must read right on any
//! dataset: the leaders of a count when several tie, a date or a span of dates ("on 14 March
//! 2025" rather than "from 14 March 2025 to 14 March 2025"), the page title (the open
//! dataset's city) and what a pillar without targets says. Counts in words and lists of names
//! are `i18n::plural` and `i18n::join`.

use super::date::PartialDate;
use super::types::{ActionsAre, Lang, Meta};
use crate::i18n::{self, fill, texts, Key};

/// The places of the highest count above zero in `counts` (several when they tie) and that
/// count; `None` when every count is zero.
pub fn leaders(counts: &[usize]) -> Option<(usize, Vec<usize>)> {
    let mut top = 0;
    let mut at = Vec::new();
    for (i, &n) in counts.iter().enumerate() {
        if n > top {
            top = n;
            at.clear();
        }
        if n == top && n > 0 {
            at.push(i);
        }
    }
    (top > 0).then_some((top, at))
}

/// A date as the object of a sentence: "on 14 March 2025", "in March 2025", "in 2025"
/// ("pada …" in Indonesian).
pub fn at(date: PartialDate, lang: Lang) -> String {
    let key: Key = if date.day.is_some() {
        |t| t.words.on_day
    } else {
        |t| t.words.in_period
    };
    fill(i18n::t(lang, key), &[("date", date.format(lang))])
}

/// From `first` to `last`, or one date when both are the same.
pub fn span(first: PartialDate, last: PartialDate, lang: Lang) -> String {
    if first == last {
        return at(first, lang);
    }
    fill(
        texts(lang).words.range,
        &[("first", first.format(lang)), ("last", last.format(lang))],
    )
}

/// The page title: the explorer of the open dataset's city.
pub fn page_title(meta: &Meta, lang: Lang) -> String {
    fill(
        texts(lang).app.title,
        &[("city", meta.city.get(lang).to_string())],
    )
}

/// What a pillar without targets says: that no readable source gave them, where the dataset
/// says its strategy's documents could not be read in full (its actions are aligned
/// initiatives, not the official list), else only that the dataset records none.
pub fn no_targets(meta: &Meta) -> Key {
    if meta.actions_are == ActionsAre::AlignedInitiatives && !meta.synthetic {
        |t| t.overview.no_targets
    } else {
        |t| t.overview.no_targets_recorded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> PartialDate {
        PartialDate::parse(s).expect("a valid date")
    }

    #[test]
    fn leaders_are_every_item_with_the_top_count() {
        assert_eq!(leaders(&[2, 1, 2]), Some((2, vec![0, 2])));
        assert_eq!(leaders(&[1, 3, 2]), Some((3, vec![1])));
        assert!(leaders(&[0, 0]).is_none());
        assert!(leaders(&[]).is_none());
    }

    #[test]
    fn one_day_is_not_a_range() {
        let d = date("2025-03-14");
        assert_eq!(span(d, d, Lang::En), "on 14 March 2025");
        assert_eq!(span(d, d, Lang::Id), "pada 14 Maret 2025");
        assert_eq!(span(date("2019"), date("2019"), Lang::En), "in 2019");
        assert_eq!(
            span(date("2019-08"), date("2019-08"), Lang::En),
            "in August 2019"
        );
        assert_eq!(
            span(date("2014-12"), date("2019"), Lang::En),
            "from December 2014 to 2019"
        );
        assert_eq!(
            span(date("2014-12"), date("2019"), Lang::Id),
            "dari Desember 2014 sampai 2019"
        );
    }
}
