//! Texts in both languages (`Text`) and the languages themselves (`Lang`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A human-readable text in Bahasa Indonesia (`id`) and English (`en`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Text {
    /// Bahasa Indonesia.
    #[serde(default)]
    pub id: String,
    /// English.
    #[serde(default)]
    pub en: String,
    /// Which side, if any, is a translation made by the dataset's editors rather than
    /// the wording of a source: `"id"` or `"en"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor_translated: Option<Lang>,
}

/// A language of the explorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

impl Lang {
    /// The language code used in URLs and `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Parses a code such as `id`, `en`, `en-GB`, `id-ID`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "id" | "in" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl Text {
    /// The text in `lang`, falling back to the other language when it is missing.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Id => (&self.id, &self.en),
            Lang::En => (&self.en, &self.id),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }

    /// True when the text in `lang` is an editors' translation, or missing and shown
    /// in the other language.
    pub fn is_translated(&self, lang: Lang) -> bool {
        let missing = match lang {
            Lang::Id => self.id.trim().is_empty(),
            Lang::En => self.en.trim().is_empty(),
        };
        missing || self.editor_translated == Some(lang)
    }

    /// Convenience constructor.
    pub fn new(id: &str, en: &str) -> Text {
        Text {
            id: id.to_string(),
            en: en.to_string(),
            editor_translated: None,
        }
    }
}
