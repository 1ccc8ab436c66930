//! Where "Open your data" goes in Sources & method, on the app's side: an empty container that
//! the lazy wasm module (`src/bin/explorer-more.rs`) mounts the panel into when it is first
//! shown; a short loading line, or why it failed with a way to retry, until then. It receives a
//! dataset the panel opened (JSON text in an event), loads it through the app's own loader,
//! validated as any dataset, and shows it in place of the bundled one.

use crate::i18n;
use crate::model::{Lang, View};
use crate::ui::ctx::loading::{loaded_from_text, LoadError, LocalData};
use crate::ui::ctx::{lazy_module, Loaded};
use crate::ui::ctx::{text, use_ctx};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// The event the panel sends with a dataset that opened (see `panel::OPENED`; this side does
/// not link the panel).
const OPENED: &str = "jrs-open-data";

/// What the slot shows besides the panel.
#[derive(Clone, PartialEq)]
enum Slot {
    Loading,
    Failed(String),
    Ready,
}

/// Shows the dataset an [`OPENED`] event carries in place of this page's dataset, and keeps
/// it in this browser (`kept.rs`) when it opens.
fn receive(
    ev: &web_sys::Event,
    local: Option<LocalData>,
    state: RwSignal<crate::model::ViewState>,
    kept: Option<super::kept::Kept>,
) {
    let detail = js_sys::Reflect::get(ev, &"detail".into()).unwrap_or(JsValue::UNDEFINED);
    if receive_detail(&detail, local, state) {
        let stored = super::kept::keep(&detail);
        if let Some(k) = kept {
            k.shown.try_set(Some(stored));
        }
    }
}

/// The dataset in `detail` (`{ name, json, warnings? }`), read and validated as any dataset
/// (the app's, and the lazy module's presentation of an opened dataset).
pub fn loaded_of_detail(detail: &JsValue) -> Result<Arc<Loaded>, LoadError> {
    let (name, json) = (
        crate::ui::ctx::problem_js::field(detail, "name"),
        crate::ui::ctx::problem_js::field(detail, "json"),
    );
    loaded_from_text(&json, &name).map(|mut loaded| {
        // The warnings as the panel found them (for CSV at file, row and column; for JSON
        // with the fields the record types do not know, which only its full reader sees).
        if let Some(ws) = js_sys::Reflect::get(detail, &"warnings".into())
            .ok()
            .and_then(|w| crate::ui::ctx::problem_js::from_js(&w))
        {
            loaded.warnings = ws;
        }
        Arc::new(loaded)
    })
}

/// Shows the dataset in `detail` (`{ name, json, warnings? }`) in place of this page's
/// dataset; true when it loaded.
pub fn receive_detail(
    detail: &JsValue,
    local: Option<LocalData>,
    state: RwSignal<crate::model::ViewState>,
) -> bool {
    let Some(local) = local else {
        return false;
    };
    let loaded = loaded_of_detail(detail);
    local
        .1
        .try_set_value(loaded.is_ok().then(|| detail.clone()));
    state.try_update(|s| {
        s.view = View::Overview;
        s.filters = Default::default();
        s.action = None;
        s.step = 0;
    });
    let ok = loaded.is_ok();
    local.0.try_set(Some(loaded));
    focus_main();
    ok
}

/// After the page has been redrawn for another dataset, puts the focus (and the view) at the
/// top of the main content, so keyboard and screen-reader users start there.
pub fn focus_main() {
    gloo::timers::callback::Timeout::new(0, || {
        let Some(w) = web_sys::window() else {
            return;
        };
        if let Some(main) = w
            .document()
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
        // Focusing scrolls <main> to the top edge; the banner above it must stay in view.
        w.scroll_to_with_x_and_y(0.0, 0.0);
    })
    .forget();
}

/// Loads the lazy module and mounts the panel into `el`; returns the module's handle.
async fn mount(
    el: web_sys::HtmlElement,
    lang: Lang,
    url: String,
    id: String,
    local: bool,
) -> Result<JsValue, String> {
    let module = lazy_module::load().await?;
    let args = [
        el.into(),
        lang.code().into(),
        url.into(),
        id.into(),
        local.into(),
    ];
    lazy_module::call(&module, "mount_open_data", &args)
}

/// The slot of the "open your data" panel (in Sources & method).
#[component]
pub fn OpenDataSlot() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let state = ctx.state;
    let local = use_context::<LocalData>();
    let kept = use_context::<super::kept::Kept>();
    let d = ctx.d();
    let (url, id) = (d.url.clone(), d.dataset.meta.id.clone());
    let is_local = local.is_some_and(|l| l.0.with_untracked(|v| matches!(v, Some(Ok(_)))));
    let status = RwSignal::new(Slot::Loading);
    let attempt = RwSignal::new(0u32);
    let container = NodeRef::<leptos::html::Div>::new();
    let handle = StoredValue::new_local(None::<JsValue>);
    let listener = StoredValue::new_local(None::<gloo::events::EventListener>);
    Effect::new(move |_| {
        attempt.track();
        let Some(el) = container.get() else {
            return;
        };
        if listener.with_value(|l| l.is_none()) {
            let on = gloo::events::EventListener::new(&el, OPENED, move |ev| {
                receive(ev, local, state, kept)
            });
            listener.set_value(Some(on));
        }
        status.set(Slot::Loading);
        let (url, id) = (url.clone(), id.clone());
        leptos::task::spawn_local(async move {
            match mount(el.into(), lang.get_untracked(), url, id, is_local).await {
                Ok(h) => {
                    if handle.try_set_value(Some(h.clone())).is_some() {
                        // The slot went away while the module loaded.
                        let _ = lazy_module::call(&h, "unmount", &[]);
                    } else {
                        // The language may have changed while the module loaded.
                        if let Some(l) = lang.try_get_untracked() {
                            let _ = lazy_module::call(&h, "set_lang", &[l.code().into()]);
                        }
                        status.try_set(Slot::Ready);
                    }
                }
                Err(reason) => {
                    status.try_set(Slot::Failed(reason));
                }
            }
        });
    });
    // The panel follows the language.
    Effect::new(move |_| {
        let code = lang.get().code();
        handle.with_value(|h| {
            if let Some(h) = h {
                let _ = lazy_module::call(h, "set_lang", &[code.into()]);
            }
        });
    });
    on_cleanup(move || {
        if let Some(Some(h)) = handle.try_get_value() {
            let _ = lazy_module::call(&h, "unmount", &[]);
        }
    });
    view! {
        <div class="open-data-slot" node_ref=container></div>
        {move || match status.get() {
            Slot::Ready => None,
            Slot::Loading => Some(view! {
                <p class="lazy-status" role="status">{text(lang, |t| t.open.loading_panel)}</p>
            }.into_any()),
            Slot::Failed(reason) => Some(view! {
                <p class="lazy-status failed" role="alert">
                    {move || i18n::fill(i18n::texts(lang.get()).open.panel_failed, &[("reason", reason.clone())])}
                    " "
                    <button type="button" class="lazy-retry" on:click=move |_| attempt.update(|n| *n += 1)>
                        {text(lang, |t| t.open.retry)}
                    </button>
                </p>
            }.into_any()),
        }}
    }
}
