//! What a slide shows, in words, for the deck editor's list (lazy module only): the screen
//! (a view's name or the story screen), each filter with the names of its values (from the
//! dataset when it has loaded, else the values as the link has them), the initiative, the
//! chart, the area level and the language.

use super::words::Words;
use crate::i18n;
use crate::model::deck::{Chart, Screen, Slide};
use crate::model::facet::OptionLabel;
use crate::model::{AreaLevel, Facet, Index, Lang};
use crate::ui::ctx::view_label::view_label;

/// The name of a filter's value in `lang` (the value itself when unknown).
fn value_name(index: Option<&Index>, facet: Facet, value: &str, lang: Lang) -> String {
    match index.and_then(|i| i.option_label(facet, value)) {
        Some(OptionLabel::Data(t)) => t.get(lang).to_string(),
        Some(OptionLabel::Key(k)) => i18n::t(lang, *k).to_string(),
        Some(OptionLabel::Plain(s)) => s.clone(),
        None => value.to_string(),
    }
}

/// The screen's name (the view's, or the story screen's).
pub fn screen_name(slide: &Slide, w: &Words, lang: Lang, aligned: bool) -> String {
    match slide.screen {
        Screen::Vision => w.vision.into(),
        Screen::Pillars => w.pillars.into(),
        Screen::Hazards => w.hazards.into(),
        Screen::View(v) => i18n::t(lang, view_label(v, aligned)).into(),
    }
}

/// The rest of what the slide shows, as short parts ("Shock: Flooding", "chart: …").
pub fn details(slide: &Slide, w: &Words, lang: Lang, index: Option<&Index>) -> Vec<String> {
    let mut parts = Vec::new();
    for f in Facet::ALL {
        let values = slide.filters.values(f);
        if values.is_empty() {
            continue;
        }
        let names: Vec<String> = values
            .iter()
            .map(|v| value_name(index, f, v, lang))
            .collect();
        parts.push(format!(
            "{}: {}",
            i18n::t(lang, f.def().label),
            names.join(", ")
        ));
    }
    if parts.is_empty() {
        parts.push(w.no_filters.to_string());
    }
    if let Some(a) = &slide.action {
        parts.push(i18n::fill(w.initiative, &[("id", a.clone())]));
    }
    if let Some(c) = slide.chart {
        let at = Chart::ALL.iter().position(|x| *x == c).unwrap_or(0);
        parts.push(i18n::fill(w.chart, &[("name", w.charts[at].to_string())]));
    }
    if let Some(l) = slide.level {
        let at = match l {
            AreaLevel::Region => 0,
            AreaLevel::Kecamatan => 1,
            AreaLevel::Kelurahan => 2,
        };
        parts.push(i18n::fill(w.level, &[("name", w.levels[at].to_string())]));
    }
    if let Some(l) = slide.lang {
        let at = match l {
            Lang::Id => 0,
            Lang::En => 1,
        };
        parts.push(i18n::fill(w.language, &[("name", w.langs[at].to_string())]));
    }
    parts
}
