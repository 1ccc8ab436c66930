//! The app root: reads the view state from the URL, loads the dataset (bundled or `?data=`),
//! shows loading and error screens, keeps the URL in step with the state (back and forward
//! work), and lays out the header, navigation and current view.

use crate::i18n;
use crate::model::sentences::page_title;
use crate::model::view_state::Theme;
use crate::model::{Lang, ViewState};
use crate::ui::ctx::link::{follow_state, location_search, read_link, settle_loaded};
use crate::ui::ctx::loading::{fetch_dataset, LoadError, LocalData, BUNDLED_DATA};
use crate::ui::ctx::text;
use crate::ui::ctx::{Ctx, Loaded};
use crate::ui::shell::error_screen::ErrorScreen;
use crate::ui::shell::layout::Shell;
use leptos::prelude::*;
use std::sync::Arc;

/// The browser's preferred language: English when it prefers English, else Indonesian.
pub fn browser_lang() -> Lang {
    let nav = web_sys::window().map(|w| w.navigator());
    let code = nav.and_then(|n| n.language()).unwrap_or_default();
    match Lang::from_code(&code) {
        Some(Lang::En) => Lang::En,
        _ => Lang::Id,
    }
}

/// The application.
#[component]
pub fn App() -> impl IntoView {
    let (initial, notices) = ViewState::from_query(&location_search());
    let data_url = initial.data.clone();
    let state = RwSignal::new(initial);
    let notices = RwSignal::new(notices);
    let default_lang = browser_lang();
    let lang = Memo::new(move |_| state.with(|s| s.lang).unwrap_or(default_lang));
    crate::ui::shell::focus::install(state);

    // Theme and contrast live on <html> as data attributes the stylesheet reads.
    Effect::new(move |_| {
        let (theme, contrast) = state.with(|s| (s.theme, s.contrast));
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = match theme {
                Theme::Auto => el.remove_attribute("data-theme"),
                Theme::Light => el.set_attribute("data-theme", "light"),
                Theme::Dark => el.set_attribute("data-theme", "dark"),
            };
            let _ = if contrast {
                el.set_attribute("data-contrast", "high")
            } else {
                el.remove_attribute("data-contrast")
            };
        }
    });

    // State → URL, written after the page has painted (ctx/link.rs).
    follow_state(state);
    let url = data_url.unwrap_or_else(|| BUNDLED_DATA.to_string());
    let local = RwSignal::new(None::<Result<Arc<Loaded>, LoadError>>);
    let resource = LocalResource::new(move || {
        let url = url.clone();
        async move {
            let loaded = fetch_dataset(url).await;
            // The link was read before the dataset arrived: check it now, before it is shown.
            if let Ok(l) = &loaded {
                settle_loaded(state, notices, &l.dataset);
            }
            loaded
        }
    });
    provide_context(LocalData(local));
    // Whether an opened dataset is kept in this browser; the browser asks before a page
    // showing one that is not kept is left (ui/open_data/kept.rs).
    let kept = crate::ui::open_data::kept::Kept::new(state.with_untracked(|s| s.embed));
    provide_context(kept);
    crate::ui::open_data::kept::warn_before_leaving(kept);
    // Keep <html lang> in step with the language, and the document title: the open dataset's
    // city, in the language (index.html's title stands until a dataset is shown).
    Effect::new(move |_| {
        let l = lang.get();
        let shown = local.get().or_else(|| resource.get());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(el) = doc.document_element() {
                let _ = el.set_attribute("lang", l.code());
            }
            if let Some(Ok(loaded)) = shown {
                doc.set_title(&page_title(&loaded.dataset.meta, l));
            }
        }
    });

    let _popstate = gloo::events::EventListener::new(
        &web_sys::window().expect("a browser window"),
        "popstate",
        move |_| {
            // The same path as the first load: parse, sanitize against the dataset, notices.
            // (A fragment link, the skip link, also fires popstate: the state stays as it is.)
            let shown = local.get_untracked().or_else(|| resource.get_untracked());
            let d = shown.as_ref().and_then(|r| r.as_ref().ok());
            read_link(state, notices, d.map(|l| &l.dataset));
        },
    );
    std::mem::forget(_popstate);

    view! {
        <a class="skip-link" href="#main">{text(lang, |t| t.app.skip)}</a>
        {move || match local.get().or_else(|| resource.get()) {
            None => view! {
                <div class="loading" role="status" aria-live="polite">
                    <div class="spinner" aria-hidden="true"></div>
                    <p>{i18n::texts(lang.get()).app.loading}</p>
                </div>
            }.into_any(),
            Some(Err(e)) => view! { <ErrorScreen error=e lang=lang /> }.into_any(),
            Some(Ok(loaded)) => {
                let ctx = Ctx::new(state, lang, loaded);
                provide_context(ctx);
                view! { <Shell notices=notices /> }.into_any()
            }
        }}
    }
}
