//! Presentation mode on the app's side (first view): while the state says `present`, the
//! site's frame shows this slot instead of the site, and the lazy wasm module mounts the
//! presentation into it (`mount_presentation`, ARCHITECTURE.md "Two wasm modules"), with its
//! own state and context read from the same address. A short line says it is loading, or why
//! it could not load, with a retry and a way back to the site. Leaving the presentation there
//! (Exit, Escape, Back) reaches the app as a history entry it reads like Back and Forward;
//! then the slot goes, and unmounts the presentation. Escape while it loads leaves too.

use crate::i18n;
use crate::ui::ctx::loading::LocalData;
use crate::ui::ctx::{lazy_module, link, text, use_ctx};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// What the slot shows besides the presentation.
#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Failed(String),
    Ready,
}

/// The slot the lazy module mounts the presentation into.
#[component]
pub fn PresentationSlot() -> impl IntoView {
    let ctx = use_ctx();
    let (lang, state) = (ctx.lang, ctx.state);
    let status = RwSignal::new(Status::Loading);
    let attempt = RwSignal::new(0u32);
    let container = NodeRef::<leptos::html::Div>::new();
    let handle = StoredValue::new_local(None::<JsValue>);
    // A dataset opened in the browser is presented too (not the address's).
    let local = use_context::<LocalData>();
    Effect::new(move |_| {
        attempt.track();
        let Some(el) = container.get() else {
            return;
        };
        status.set(Status::Loading);
        let opened = local
            .filter(|l| l.0.with_untracked(|v| matches!(v, Some(Ok(_)))))
            .and_then(|l| l.1.get_value())
            .unwrap_or(JsValue::NULL);
        leptos::task::spawn_local(async move {
            let mounted = async {
                let module = lazy_module::load().await?;
                // The presentation reads the address, which the app writes only after the
                // page has painted: write it now (the entry the Present button adds).
                match state.try_with_untracked(|s| s.present.then(|| link::push_address(s))) {
                    Some(Some(())) => {}
                    _ => return Err(String::new()), // the presentation was left meanwhile
                }
                lazy_module::call(&module, "mount_presentation", &[el.into(), opened])
            };
            match mounted.await {
                Ok(h) => {
                    if handle.try_set_value(Some(h.clone())).is_some() {
                        // The slot went away while the module loaded.
                        let _ = lazy_module::call(&h, "unmount", &[]);
                    } else {
                        status.try_set(Status::Ready);
                    }
                }
                Err(reason) => {
                    status.try_set(Status::Failed(reason));
                }
            }
        });
    });
    on_cleanup(move || {
        if let Some(Some(h)) = handle.try_get_value() {
            let _ = lazy_module::call(&h, "unmount", &[]);
        }
    });
    let exit = move || {
        state.try_update(|s| {
            s.present = false;
            s.step = 0;
            s.deck = None;
        });
    };
    let leave = move |_| exit();
    // Escape leaves while the presentation loads or could not load, as it does once shown
    // (then the presentation's own keys take it).
    // Mounted is not yet shown: the presentation reads its dataset first, and only then
    // listens to the keys; until its frame is in the slot, Escape is the slot's.
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        // Whether the slot is still there (its status readable), whatever the status.
        let alive = status.try_with_untracked(|_| ()).is_some();
        let framed = container
            .try_get_untracked()
            .flatten()
            .and_then(|c| c.query_selector(".present").ok().flatten())
            .is_some();
        if ev.key() == "Escape" && alive && !framed && !ev.default_prevented() {
            ev.prevent_default();
            exit();
        }
    });
    on_cleanup(move || esc.remove());
    view! {
        <div class="present-slot" tabindex="-1" node_ref=container></div>
        {move || match status.get() {
            Status::Ready => None,
            Status::Loading => Some(view! {
                <p class="lazy-status present-slot-status" role="status">{text(lang, |t| t.present.module_loading)}</p>
            }.into_any()),
            Status::Failed(reason) => Some(view! {
                <div class="lazy-status failed present-slot-status present-failed" role="alert">
                    <p>{move || i18n::fill(i18n::texts(lang.get()).present.module_failed, &[("reason", reason.clone())])}</p>
                    <p class="present-slot-actions">
                        <button type="button" class="lazy-retry" on:click=move |_| attempt.update(|n| *n += 1)>
                            {text(lang, |t| t.open.retry)}
                        </button>
                        <button type="button" class="present-exit" on:click=leave>
                            {text(lang, |t| t.present.exit)}
                        </button>
                    </p>
                </div>
            }.into_any()),
        }}
    }
}
