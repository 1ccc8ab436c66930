//! How much of a long list is shown at once: a first page, grown by "show more", and always
//! long enough to include the selected entry (so a shared link to the 5,000th action still
//! shows it in the list). Rendering ten thousand entries at once would freeze a phone.

/// Entries shown at first, and added by each "show more".
pub const PAGE: usize = 100;

/// The part of a list that is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Entries shown, from the start of the list.
    pub shown: usize,
    /// Entries not shown yet.
    pub rest: usize,
}

/// The window of a list of `total` entries when `requested` entries were asked for (at least
/// one page) and the selected entry, if any, is at `selected`.
pub fn window(total: usize, requested: usize, selected: Option<usize>) -> Window {
    let mut want = requested.max(PAGE);
    if let Some(pos) = selected.filter(|p| *p < total) {
        // Whole pages, so "show more" keeps adding pages.
        want = want.max((pos / PAGE + 1) * PAGE);
    }
    let shown = want.min(total);
    Window {
        shown,
        rest: total - shown,
    }
}

/// How many entries to ask for after "show more" was pressed with `shown` on screen.
pub fn more(shown: usize) -> usize {
    shown.saturating_add(PAGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_list_is_shown_whole() {
        assert_eq!(window(48, PAGE, None), Window { shown: 48, rest: 0 });
        assert_eq!(window(0, PAGE, None), Window { shown: 0, rest: 0 });
        assert_eq!(
            window(PAGE, PAGE, None),
            Window {
                shown: PAGE,
                rest: 0
            }
        );
    }

    #[test]
    fn a_long_list_shows_one_page_then_grows_by_pages() {
        let w = window(10_000, PAGE, None);
        assert_eq!(
            w,
            Window {
                shown: 100,
                rest: 9_900
            }
        );
        let w = window(10_000, more(w.shown), None);
        assert_eq!(
            w,
            Window {
                shown: 200,
                rest: 9_800
            }
        );
        // The last page is partial.
        assert_eq!(
            window(250, more(200), None),
            Window {
                shown: 250,
                rest: 0
            }
        );
    }

    #[test]
    fn less_than_a_page_is_never_asked_for() {
        assert_eq!(window(10_000, 0, None).shown, PAGE);
    }

    #[test]
    fn the_selected_entry_is_always_in_the_window() {
        // Entry 5,000 (index 4,999) is on page 50: the window ends with that page.
        let w = window(10_000, PAGE, Some(4_999));
        assert_eq!(w.shown, 5_000);
        assert!(w.shown > 4_999);
        let w = window(10_000, PAGE, Some(5_000));
        assert_eq!(w.shown, 5_100);
        // A selection on the first page changes nothing; one past the end is ignored.
        assert_eq!(window(10_000, PAGE, Some(3)).shown, PAGE);
        assert_eq!(window(120, PAGE, Some(500)).shown, PAGE);
    }
}
