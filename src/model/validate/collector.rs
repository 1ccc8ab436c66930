//! The capped problem collector that loading and validation share, and the records that
//! could not be read (so references to them are not reported twice).

use crate::model::problem::{msg, Problem, Severity};
use std::collections::{HashMap, HashSet};

/// Most problems listed; the rest are counted in one closing problem, so that a hostile
/// file with millions of bad records cannot exhaust memory or bury the first errors.
pub const MAX_PROBLEMS: usize = 1000;

/// Records that are in the file but could not be read (their type errors are reported
/// already): references to them are not reported a second time as unknown.
#[derive(Debug, Clone, Default)]
pub struct Unread {
    /// Ids of unreadable records, by collection path (`pillars`, `crf.drivers`, …).
    pub ids: HashMap<&'static str, HashSet<String>>,
    /// Collections that could not be read at all (e.g. an object where a list belongs).
    pub whole: HashSet<&'static str>,
    /// Number of unreadable records, by collection path.
    pub counts: HashMap<&'static str, usize>,
}

impl Unread {
    /// Records of `collection` in the file (read or not), or `None` when the whole
    /// collection could not be read.
    pub(super) fn in_file(&self, collection: &str, read: usize) -> Option<usize> {
        if self.whole.contains(collection) {
            None
        } else {
            Some(read + self.counts.get(collection).copied().unwrap_or(0))
        }
    }
}

/// Collects problems, keeping at most [`MAX_PROBLEMS`] errors and as many warnings and
/// counting the rest.
#[derive(Debug, Default)]
pub struct Collector {
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
    omitted_errors: usize,
    omitted_warnings: usize,
}

impl Collector {
    /// Adds a problem (counted only, once the limit is reached).
    pub fn push(&mut self, p: Problem) {
        let (list, omitted) = match p.severity {
            Severity::Error => (&mut self.errors, &mut self.omitted_errors),
            Severity::Warning => (&mut self.warnings, &mut self.omitted_warnings),
        };
        if list.len() < MAX_PROBLEMS {
            list.push(p);
        } else {
            *omitted += 1;
        }
    }

    /// True when no more errors are kept (further ones are only counted).
    pub fn errors_full(&self) -> bool {
        self.errors.len() >= MAX_PROBLEMS
    }

    /// Counts an error that would not be kept anyway, without building it.
    pub fn omit_error(&mut self) {
        self.omitted_errors += 1;
    }

    /// True when an error was added.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The problems, errors first; past [`MAX_PROBLEMS`], one closing problem says how
    /// many more there are.
    pub fn finish(self) -> Vec<Problem> {
        let mut out = self.errors;
        let mut omitted_errors = self.omitted_errors;
        let mut omitted_warnings = self.omitted_warnings;
        let room = MAX_PROBLEMS.saturating_sub(out.len());
        if self.warnings.len() > room {
            omitted_warnings += self.warnings.len() - room;
        }
        out.extend(self.warnings.into_iter().take(room));
        if out.len() == MAX_PROBLEMS && omitted_errors == 0 && omitted_warnings == 0 {
            return out;
        }
        if omitted_errors + omitted_warnings > 0 {
            // Make room for the closing line.
            if let Some(last) = out.pop() {
                match last.severity {
                    Severity::Error => omitted_errors += 1,
                    Severity::Warning => omitted_warnings += 1,
                }
            }
            let n = omitted_errors + omitted_warnings;
            let m = msg!(
                "{n} more problems are not listed ({omitted_errors} errors, {omitted_warnings} \
                 warnings): fix the ones above first",
                "{n} masalah lagi tidak dicantumkan ({omitted_errors} kesalahan, \
                 {omitted_warnings} peringatan): perbaiki dulu yang di atas",
            );
            let severity = if omitted_errors > 0 {
                Severity::Error
            } else {
                Severity::Warning
            };
            out.push(Problem::new(severity, "(more)".to_string(), m));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collector_caps_and_puts_errors_first() {
        let mut c = Collector::default();
        for i in 0..(MAX_PROBLEMS + 10) {
            c.push(Problem::warning(format!("w{i}"), "w", "p"));
        }
        c.push(Problem::error("e", "e", "k"));
        let out = c.finish();
        assert_eq!(out.len(), MAX_PROBLEMS);
        assert_eq!(out[0].path, "e");
        let last = &out[MAX_PROBLEMS - 1];
        assert_eq!(last.path, "(more)");
        assert_eq!(
            last.message,
            "12 more problems are not listed (0 errors, 12 warnings): fix the ones above first"
        );
        assert_eq!(
            last.message_indonesian,
            "12 masalah lagi tidak dicantumkan (0 kesalahan, 12 peringatan): perbaiki dulu yang \
             di atas"
        );
        assert!(!last.is_error());

        let mut small = Collector::default();
        small.push(Problem::warning("w", "w", "p"));
        small.push(Problem::error("e", "e", "k"));
        let out = small.finish();
        assert_eq!(
            out.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(),
            ["e", "w"]
        );
    }
}
