//! The header's tools (present, share, embed, contrast, theme) behind one menu button on
//! narrow screens: a disclosure button with `aria-expanded` that shows or hides the tools
//! under the header; Escape, a tap elsewhere or the focus leaving it closes it, and Escape
//! gives the focus back to the button. A tool marked `data-closes-menu` (one that only
//! says what it did, like "Add to my deck") closes it too and gives the focus back to the
//! button, so the page and the message are seen. On wide screens (main.css) the button is hidden and the tools sit in the
//! header row, so there is one set of controls and one set of dialogs. Under a prerendered
//! view the tools are built last (`ctx::stage`).

use crate::ui::ctx::{text, use_ctx};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Id of the element holding the tools (the button's `aria-controls`).
pub const TOOLS_ID: &str = "header-tools";

/// True when the event happened inside an open dialog (its own Escape closes the dialog).
fn in_dialog(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("dialog").ok().flatten())
        .is_some()
}

/// True when the event happened inside the element `inside`.
fn within(target: Option<web_sys::EventTarget>, inside: &web_sys::Element) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|n| inside.contains(Some(&n)))
}

/// The menu button and the tools it shows.
#[component]
pub fn ToolsMenu(children: Children) -> impl IntoView {
    let lang = use_ctx().lang;
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let wrapper = NodeRef::<leptos::html::Div>::new();
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() && !in_dialog(ev.target()) {
            ev.prevent_default();
            open.set(false);
            if let Some(b) = button.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    // The focus leaving the menu (a tap elsewhere, Tab past its last tool) closes it; a
    // dialog opened from it is inside it, so the menu stays open behind the dialog.
    // (It also fires while the header is taken down, e.g. for the presentation: hence try_.)
    let on_focusout = move |ev: web_sys::FocusEvent| {
        if open.try_get_untracked() != Some(true) {
            return;
        }
        if let Some(w) = wrapper.try_get_untracked().flatten() {
            if !within(ev.related_target(), &w) {
                open.try_set(false);
            }
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let closes = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-closes-menu]").ok().flatten())
            .is_some();
        if closes && open.get_untracked() {
            open.set(false);
            if let Some(b) = button.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    view! {
        <div
            class="tools-menu"
            node_ref=wrapper
            on:keydown=on_keydown
            on:focusout=on_focusout
            on:click=on_click
        >
            <button
                type="button"
                class="menu-button"
                node_ref=button
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=TOOLS_ID
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="menu-icon" aria-hidden="true">"☰"</span>
                {text(lang, |t| t.app.tools)}
            </button>
            <div id=TOOLS_ID class="header-tools" class:open=open>
                {crate::ui::ctx::stage::at_step(crate::ui::ctx::stage::TOOLS, children)}
            </div>
        </div>
    }
}
