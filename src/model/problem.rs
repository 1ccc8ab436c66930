//! A problem found in a dataset: where it is (a JSON path), how bad, and what is wrong, in
//! both interface languages (the command-line tool speaks English).

use crate::model::Lang;
use serde::Serialize;
use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The dataset cannot be shown as it is.
    Error,
    /// The dataset can be shown; users are told (e.g. missing translations).
    Warning,
}

/// One problem, with its JSON path (e.g. `actions[3].hazards[1]`) and a plain message in
/// English and in Bahasa Indonesia.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where: a JSON path such as `actions[3].hazards[1]`, or `line 4, column 7` for syntax.
    pub path: String,
    /// What is wrong, in plain English words.
    pub message: String,
    /// The same in Bahasa Indonesia.
    pub message_indonesian: String,
}

impl Problem {
    /// An error at `path`, said in English (`en`) and in Bahasa Indonesia (`id`).
    pub fn error(path: impl Into<String>, en: impl Into<String>, id: impl Into<String>) -> Problem {
        Problem::new(Severity::Error, path.into(), Message::new(en, id))
    }

    /// A warning at `path`, said in English (`en`) and in Bahasa Indonesia (`id`).
    pub fn warning(
        path: impl Into<String>,
        en: impl Into<String>,
        id: impl Into<String>,
    ) -> Problem {
        Problem::new(Severity::Warning, path.into(), Message::new(en, id))
    }

    /// A problem with its message in both languages.
    pub fn new(severity: Severity, path: String, message: Message) -> Problem {
        Problem {
            severity,
            path,
            message: message.en,
            message_indonesian: message.id,
        }
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.message_indonesian,
            Lang::En => &self.message,
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// What is wrong, in English and in Bahasa Indonesia (before it is placed at a path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// In English.
    pub en: String,
    /// In Bahasa Indonesia.
    pub id: String,
}

impl Message {
    /// A message said in English (`en`) and in Bahasa Indonesia (`id`).
    pub fn new(en: impl Into<String>, id: impl Into<String>) -> Message {
        Message {
            en: en.into(),
            id: id.into(),
        }
    }
}

/// `msg!("en {x}", "id {x}")`: a [`Message`] from two format strings (with arguments named
/// inline).
macro_rules! msg {
    ($en:literal, $id:literal $(,)?) => {
        $crate::model::problem::Message::new(format!($en), format!($id))
    };
}
pub(crate) use msg;

impl fmt::Display for Message {
    /// The English text (the command-line tool's language).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tag = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{tag}: {}: {}", self.path, self.message)
    }
}

/// Shortens a text for quoting in a message (keeps messages readable for 1 MB strings).
pub fn quote(s: &str) -> String {
    const MAX: usize = 60;
    let mut out: String = s.chars().take(MAX).collect();
    if s.chars().count() > MAX {
        out.push('…');
    }
    format!("\"{}\"", out.escape_debug())
}
