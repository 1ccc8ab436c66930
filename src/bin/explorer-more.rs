//! The explorer's second WebAssembly module, loaded on demand: the features few visitors use,
//! so the first view does not pay for them (ARCHITECTURE.md "Two wasm modules"). It shares the
//! library with the app at source level and links only what its exports reach. The app loads
//! it through `public/lazy-module.js` when such a feature is first shown and calls:
//!
//! - `mount_open_data(container, lang, data_url, data_id, local)`: mounts the "open your data"
//!   panel (`ui::open_data::panel`) into `container`, for the dataset the app shows now (its
//!   URL and `meta.id`; `local` when it is a file opened in the panel). Returns a handle with
//!   `set_lang(code)` and `unmount()`. A dataset the panel opens comes back to the app as a
//!   `jrs-open-data` event on `container`.
//! - `check_dataset(bytes)`: reads a dataset with the full reader (every problem with its
//!   JSON path, unknown fields as warnings), for a dataset the app's lean path
//!   (`model::load::lean`) cannot show: `{ problems, json }` (`ui::ctx::problem_js`).
//! - `qr_svg(text)`: the QR code of a link as an SVG document (`model::qr`; the share dialog
//!   and the presentation's closing slide show it), empty when the text is too long for one.
//! - `deck_slides(link)`: the slides of a deck link (`ui::deck::reader`): `{ slides }`, one
//!   text per slide (`model::deck::wire`), or `{ en, id }` saying what is wrong and where.
//! - `mount_deck(container, lang, data_url)`: mounts the deck's live line and "My deck"
//!   dialog (`ui::deck::host`) into `container`; returns a handle with `add(query)` (adds
//!   the view of this query string to the deck kept in this browser and says so), `open()`
//!   (opens the editor), `set_lang(code)` and `unmount()`; it follows the page's language
//!   (`<html lang>`) by itself. A slide's preview and "present this deck" are new history
//!   entries the app reads like Back and Forward.
//! - `mount_presentation(container, opened)`: mounts presentation mode
//!   (`ui::present::presentation`: the bar, the stage with the story's screens or a deck's
//!   slides, the keys, fullscreen) into the app's slot (`ui::present::slot`), under the
//!   app's own root (`ui::shell::app::app_with`): its own state read from the page's
//!   address, the same dataset (the same URL: the browser's or the service worker's copy; or `opened`, a
//!   dataset opened in the browser as the panel sent it, else null), its own context.
//!   Returns a handle with `unmount()`. Leaving the presentation is a new history entry the
//!   app reads like Back and Forward (`ui::ctx::link::hand_over`), and the app unmounts it.
//! - `mount_presenter(container, lang, deck_link)`: mounts the presenter window
//!   (`ui::present::presenter`) for the deck of `deck_link` (empty: the default story) into
//!   `container`; same handle.
//!
//! Built by `tools/trunk-post-build.mjs` (cargo, wasm-bindgen, wasm-opt) into
//! `dist/more-<hash>.js` and `dist/more-<hash>_bg.wasm`.

#[cfg(target_arch = "wasm32")]
mod lazy {
    use jrs::model::Lang;
    use jrs::ui::deck::add::Added;
    use jrs::ui::deck::host::DeckHost;
    use jrs::ui::open_data::panel::{OpenDataPanel, Source};
    use leptos::prelude::*;
    use wasm_bindgen::prelude::wasm_bindgen;

    /// A mounted feature: follows the app's language; `unmount()` removes it.
    #[wasm_bindgen]
    pub struct Mounted {
        lang: RwSignal<Lang>,
        _view: Box<dyn std::any::Any>,
    }

    #[wasm_bindgen]
    impl Mounted {
        /// Shows the feature in the language with this code (`id` or `en`; others are ignored).
        pub fn set_lang(&self, code: &str) {
            if let Some(l) = Lang::from_code(code) {
                self.lang.try_set(l);
            }
        }

        /// Removes the feature from the page (the handle is used up).
        pub fn unmount(self) {}
    }

    /// Reads a dataset with the full reader (`model::load_bytes`), for the app when its lean
    /// path cannot show it: `{ problems, json }`, every problem (`ui::ctx::problem_js`) and,
    /// when there is no error, the dataset re-encoded as JSON (else `json` is absent).
    #[wasm_bindgen]
    pub fn check_dataset(bytes: &[u8]) -> wasm_bindgen::JsValue {
        let outcome = jrs::model::load_bytes(bytes);
        let answer = js_sys::Object::new();
        let problems = jrs::ui::ctx::problem_js::to_js(&outcome.problems);
        let _ = js_sys::Reflect::set(&answer, &"problems".into(), &problems);
        if let Some(json) = outcome.dataset.and_then(|d| serde_json::to_string(&d).ok()) {
            let _ = js_sys::Reflect::set(&answer, &"json".into(), &json.into());
        }
        answer.into()
    }

    /// The QR code of `text` as an SVG document (`model::qr`), empty when it cannot be one.
    #[wasm_bindgen]
    pub fn qr_svg(text: &str) -> String {
        jrs::model::qr::qr_svg(text).unwrap_or_default()
    }

    /// The slides of a deck link, or why it cannot be read (see the module comment).
    #[wasm_bindgen]
    pub fn deck_slides(link: &str) -> wasm_bindgen::JsValue {
        jrs::ui::deck::reader::read_link(link)
    }

    /// The deck's place in the page: "Add to my deck" and "My deck" call its methods.
    #[wasm_bindgen]
    pub struct DeckHandle {
        lang: RwSignal<Lang>,
        said: RwSignal<Option<Added>>,
        editor: RwSignal<bool>,
        _view: Box<dyn std::any::Any>,
    }

    #[wasm_bindgen]
    impl DeckHandle {
        /// Shows the deck's texts in the language with this code (`id` or `en`).
        pub fn set_lang(&self, code: &str) {
            if let Some(l) = Lang::from_code(code) {
                self.lang.try_set(l);
            }
        }

        /// Adds the view of this query string to the kept deck and says so.
        pub fn add(&self, query: &str) {
            self.editor.try_set(false);
            self.said.try_set(Some(jrs::ui::deck::add::add(query)));
        }

        /// Opens the deck editor (the argument is not used).
        pub fn open(&self, _query: &str) {
            self.said.try_set(None);
            self.editor.try_set(true);
        }

        /// Removes the deck's line and dialog from the page (the handle is used up).
        pub fn unmount(self) {}
    }

    /// Keeps `lang` in step with the page's language (the app writes it to `<html lang>`),
    /// so the app need not tell the deck.
    fn follow_page_lang(lang: RwSignal<Lang>) {
        use wasm_bindgen::JsCast;
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        let el = root.clone();
        let on_change = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            if let Some(l) = el.get_attribute("lang").and_then(|c| Lang::from_code(&c)) {
                lang.try_set(l);
            }
        });
        if let Ok(observer) = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()) {
            let options = web_sys::MutationObserverInit::new();
            options.set_attribute_filter(&js_sys::Array::of1(&"lang".into()));
            let _ = observer.observe_with_options(&root, &options);
        }
        // The page keeps one deck host for its life.
        on_change.forget();
    }

    /// Mounts the deck's live line and dialog into `container` (see the module comment).
    #[wasm_bindgen]
    pub fn mount_deck(container: web_sys::HtmlElement, lang: &str, data_url: String) -> DeckHandle {
        let lang = RwSignal::new(Lang::from_code(lang).unwrap_or(Lang::Id));
        let said = RwSignal::new(None);
        let editor = RwSignal::new(false);
        follow_page_lang(lang);
        let view = leptos::mount::mount_to(container, move || {
            let lang = Memo::new(move |_| lang.get());
            view! {
                <DeckHost lang=lang data_url=data_url.clone() said=said editor=editor />
            }
        });
        DeckHandle {
            lang,
            said,
            editor,
            _view: Box::new(view),
        }
    }

    /// Mounts the "open your data" panel into `container` (see the module comment).
    #[wasm_bindgen]
    pub fn mount_open_data(
        container: web_sys::HtmlElement,
        lang: &str,
        data_url: String,
        data_id: String,
        local: bool,
    ) -> Mounted {
        let lang = RwSignal::new(Lang::from_code(lang).unwrap_or(Lang::Id));
        let source = Source {
            url: data_url,
            id: data_id,
            local,
        };
        let view = leptos::mount::mount_to(container, move || {
            let lang = Memo::new(move |_| lang.get());
            view! { <OpenDataPanel lang=lang source=source.clone() /> }
        });
        Mounted {
            lang,
            _view: Box::new(view),
        }
    }

    /// Presentation mode mounted in the app's slot.
    #[wasm_bindgen]
    pub struct Presenting {
        _view: Box<dyn std::any::Any>,
    }

    #[wasm_bindgen]
    impl Presenting {
        /// Removes the presentation from the page (the handle is used up).
        pub fn unmount(self) {}
    }

    /// Mounts presentation mode into `container` (see the module comment).
    #[wasm_bindgen]
    pub fn mount_presentation(
        container: web_sys::HtmlElement,
        opened: wasm_bindgen::JsValue,
    ) -> Presenting {
        use jrs::ui::present::presentation::body;
        let opened = opened.is_object().then_some(opened);
        let view = leptos::mount::mount_to(container, move || {
            jrs::ui::shell::app::app_with(body, false, opened)
        });
        Presenting {
            _view: Box::new(view),
        }
    }

    /// Mounts the presenter window into `container` (see the module comment).
    #[wasm_bindgen]
    pub fn mount_presenter(
        container: web_sys::HtmlElement,
        lang: &str,
        deck_link: String,
    ) -> Mounted {
        let lang = RwSignal::new(Lang::from_code(lang).unwrap_or(Lang::Id));
        let link = (!deck_link.is_empty()).then_some(deck_link);
        let view = leptos::mount::mount_to(container, move || {
            let lang = Memo::new(move |_| lang.get());
            view! { <jrs::ui::present::presenter::PresenterView lang=lang link=link.clone() /> }
        });
        Mounted {
            lang,
            _view: Box::new(view),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    jrs::ui::shell::panic_screen::install();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The explorer's lazy module runs in the browser; the explorer loads it on demand.");
}
