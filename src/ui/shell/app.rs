//! The app root: reads the view state from the URL, loads the dataset (bundled or `?data=`),
//! shows loading and error screens, keeps the URL in step with the state (back and forward
//! work), and under the context shows a body: the site's (`Shell`: header, navigation, the
//! current view, or the presentation's slot) in the app, the presentation's frame in the lazy
//! module (`app_with`, mounted by its `mount_presentation`: the same construction, its own
//! state and context, the one URL).

use crate::i18n;
use crate::model::sentences::page_title;
use crate::model::view_state::Theme;
use crate::model::{Lang, ViewState};
use crate::ui::ctx::link::{follow_state, location_search, read_link, settle_loaded};
use crate::ui::ctx::loading::{fetch_dataset, LocalData, BUNDLED_DATA};
use crate::ui::ctx::stage::Stage;
use crate::ui::ctx::text;
use crate::ui::ctx::Ctx;
use crate::ui::shell::error_screen::ErrorScreen;
use crate::ui::shell::layout::Shell;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The browser's preferred language: English when it prefers English, else Indonesian.
pub fn browser_lang() -> Lang {
    let nav = web_sys::window().map(|w| w.navigator());
    let code = nav.and_then(|n| n.language()).unwrap_or_default();
    match Lang::from_code(&code) {
        Some(Lang::En) => Lang::En,
        _ => Lang::Id,
    }
}

/// Removes the prerendered view (and an English copy of the overview left) from the page, if still there, and the
/// attribute under which the stylesheet showed it (public/prerender-gate.js).
fn drop_prerender() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    while let Ok(Some(el)) = doc.query_selector("#app > .prerendered, #prerender-en") {
        el.remove();
    }
    if let Some(root) = doc.document_element() {
        let _ = root.remove_attribute("data-pre");
        let _ = root.remove_attribute("data-pre-measure");
    }
}

/// Lays the live page out under the prerender for a frame (still hidden, `<html
/// data-pre-measure>`: style/main.css), so its charts learn their width and draw, then
/// removes the prerender in the next frame. At once when no prerender is shown.
/// `then` runs after the swap.
fn measure_then_drop_prerender(then: impl FnOnce() + 'static) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    let Some(root) = root.filter(|_| crate::ui::ctx::stage::prerender_on_screen()) else {
        drop_prerender();
        then();
        return;
    };
    let _ = root.set_attribute("data-pre-measure", "");
    request_animation_frame(move || {
        request_animation_frame(move || {
            drop_prerender();
            then();
        })
    });
}

/// What shows under the context once the dataset is loaded (given the notices about the
/// link's ignored parts).
pub type Body = fn(RwSignal<Vec<String>>) -> AnyView;

/// The application: the site.
#[component]
pub fn App() -> impl IntoView {
    app_with(
        |notices| view! { <Shell notices=notices /> }.into_any(),
        true,
        None,
    )
}

/// The application's root with `body` under its context (`skip_link`: the page's skip link
/// to `#main` before it; the lazy module's presentation is inside the app's page, which has
/// one; `opened`: a dataset opened in the browser to show instead of the address's, as the
/// "open your data" panel sent it). Everything it starts ends with its owner (the lazy
/// module unmounts it).
pub fn app_with(body: Body, skip_link: bool, opened: Option<JsValue>) -> impl IntoView {
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
    let local = RwSignal::new(
        opened
            .as_ref()
            .map(crate::ui::open_data::slot::loaded_of_detail),
    );
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
    provide_context(LocalData(local, StoredValue::new_local(opened)));
    // Under a prerendered view the page is built in steps (ctx/stage.rs).
    let stage = Stage::default();
    provide_context(stage);
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

    // A view prerendered at build time (tools/prerender.mjs) gives way to the live app once
    // it shows an error (in the frame that shows it), or the dataset with the page whole
    // (ctx/stage.rs), two frames later (`measure_then_drop_prerender`); once.
    Effect::new(move |dropped: Option<bool>| {
        if dropped == Some(true) {
            return true;
        }
        let loaded =
            local.with(|l| matches!(l, Some(Ok(_)))) || resource.with(|r| matches!(r, Some(Ok(_))));
        let failed = local.with(|l| matches!(l, Some(Err(_))))
            || resource.with(|r| matches!(r, Some(Err(_))));
        if failed {
            drop_prerender();
        } else if loaded && stage.whole() {
            measure_then_drop_prerender(move || stage.set_live());
        }
        failed || (loaded && stage.whole())
    });

    // A reload keeps where the visitor was (the browser's own restoring is off, focus.rs):
    // once, when the dataset is first shown.
    Effect::new(move |restored: Option<bool>| {
        if restored == Some(true) {
            return true;
        }
        let shown = (local.with(|l| matches!(l, Some(Ok(_))))
            || resource.with(|r| matches!(r, Some(Ok(_)))))
            && stage.live();
        if shown {
            request_animation_frame(crate::ui::shell::focus::restore_kept_position);
        }
        shown
    });

    let popstate = web_sys::window().map(|w| {
        gloo::events::EventListener::new(&w, "popstate", move |_| {
            // The same path as the first load: parse, sanitize against the dataset, notices.
            // (A fragment link, the skip link, also fires popstate: the state stays as it is.)
            let shown = local.get_untracked().or_else(|| resource.get_untracked());
            let d = shown.as_ref().and_then(|r| r.as_ref().ok());
            read_link(state, notices, d.map(|l| &l.dataset));
        })
    });
    // Removed with the app (the lazy module's presentation is unmounted on leaving it).
    StoredValue::new_local(popstate);

    view! {
        {skip_link.then(|| view! { <a class="skip-link" href="#main">{text(lang, |t| t.app.skip)}</a> })}
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
                stage.begin();
                let page = body(notices);
                stage.run();
                page
            }
        }}
    }
}
