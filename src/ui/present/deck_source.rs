//! Which slides presentation mode walks (lazy module): the fixed story, or a presenter's deck
//! when the link has `deck=`. The deck link is read through the module's own `deck_slides`
//! export (called the way the app called it when the presentation was in the first view);
//! its slides come back as one text each (`model::deck::wire`) and become [`Slide`]s here. A link that cannot be read leaves the
//! story with the reason, in both languages, for the notice.
//!
//! [`use_shown_deck`] is how other parts (the presenter window) learn the deck shown: its
//! link and its slides.

use crate::model::deck::wire::slide_of_text;
use crate::model::deck::Slide;
use crate::model::Lang;
use crate::ui::ctx::{lazy_module, use_ctx};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// What presentation mode shows.
#[derive(Clone, Debug)]
pub enum Source {
    /// The fixed story (no deck in the link).
    Story,
    /// A deck link is being read.
    Loading,
    /// The deck's slides, in order (at least one).
    Deck(Arc<Vec<Slide>>),
    /// The deck link could not be read: the story is shown, with why (English, Indonesian).
    Failed {
        /// The reason in English.
        en: String,
        /// The reason in Indonesian.
        id: String,
    },
}

impl Source {
    /// The reason a deck link failed, in `lang`.
    pub fn reason(&self, lang: Lang) -> Option<&str> {
        match self {
            Source::Failed { en, id } => Some(match lang {
                Lang::En => en,
                Lang::Id => id,
            }),
            _ => None,
        }
    }
}

/// The deck presentation mode shows (provided as context while presenting).
#[derive(Clone, Copy)]
pub struct ShownDeck {
    /// The deck's link (the value of `deck=`), or `None` for the story.
    pub link: Memo<Option<String>>,
    /// Its slides, or the story, or why the link failed.
    pub source: RwSignal<Source>,
}

impl ShownDeck {
    /// The slides of the deck shown (`None` while the story is shown). Tracked.
    pub fn slides(&self) -> Option<Arc<Vec<Slide>>> {
        self.source.with(|s| match s {
            Source::Deck(slides) => Some(slides.clone()),
            _ => None,
        })
    }
}

/// The deck shown, while presenting (`None` outside presentation mode).
pub fn use_shown_deck() -> Option<ShownDeck> {
    use_context::<ShownDeck>()
}

fn text_field(o: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(o, &key.into()).ok()?.as_string()
}

/// The slides of a `deck_slides` answer, or why not (English, Indonesian).
fn read_answer(answer: &JsValue) -> Result<Vec<Slide>, (String, String)> {
    let slides = js_sys::Reflect::get(answer, &"slides".into()).unwrap_or(JsValue::UNDEFINED);
    let Some(list) = slides.dyn_ref::<js_sys::Array>() else {
        return Err((
            text_field(answer, "en").unwrap_or_default(),
            text_field(answer, "id").unwrap_or_default(),
        ));
    };
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let slide = item
            .as_string()
            .and_then(|t| slide_of_text(&t))
            .ok_or_else(|| (format!("slide {}", i + 1), format!("slide {}", i + 1)))?;
        out.push(slide);
    }
    if out.is_empty() {
        return Err((
            "deck, slide count: no slides".into(),
            "dek, jumlah slide: tidak ada slide".into(),
        ));
    }
    Ok(out)
}

async fn load(link: String) -> Result<Vec<Slide>, (String, String)> {
    let module = lazy_module::load().await.map_err(|r| {
        (
            format!("the presentation module did not load ({r})"),
            format!("modul presentasi tidak termuat ({r})"),
        )
    })?;
    let answer =
        lazy_module::call(&module, "deck_slides", &[link.into()]).map_err(|r| (r.clone(), r))?;
    read_answer(&answer)
}

/// Starts reading the link's deck (again whenever `deck=` changes) and provides it as
/// context; `arrived` runs once per deck when its slides are ready.
pub fn provide_shown_deck(arrived: impl Fn(Arc<Vec<Slide>>) + Copy + 'static) -> ShownDeck {
    let state = use_ctx().state;
    let link = Memo::new(move |_| state.with(|s| s.deck.clone()));
    let source = RwSignal::new(Source::Story);
    Effect::new(move |_| {
        let Some(l) = link.get() else {
            // Set only on a change: each set redraws the stage.
            if !source.with_untracked(|s| matches!(s, Source::Story)) {
                source.set(Source::Story);
            }
            return;
        };
        source.set(Source::Loading);
        leptos::task::spawn_local(async move {
            let read = load(l.clone()).await;
            // A newer link was asked for meanwhile, or presentation mode ended.
            if link.try_get_untracked().flatten().as_deref() != Some(l.as_str()) {
                return;
            }
            match read {
                Ok(slides) => {
                    let slides = Arc::new(slides);
                    source.try_set(Source::Deck(slides.clone()));
                    arrived(slides);
                }
                Err((en, id)) => {
                    source.try_set(Source::Failed { en, id });
                }
            }
        });
    });
    let shown = ShownDeck { link, source };
    provide_context(shown);
    shown
}
