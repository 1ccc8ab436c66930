//! The header's tools (present, share, embed, contrast, theme) behind one menu button on
//! narrow screens: a disclosure button with `aria-expanded` that shows or hides the tools
//! under the header; Escape or a click elsewhere closes it, and Escape gives the focus back
//! to the button. On wide screens (main.css) the button is hidden and the tools sit in the
//! header row, so there is one set of controls and one set of dialogs.

use crate::i18n;
use crate::ui::ctx::use_ctx;
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
    // A click or tap outside the menu closes it (the focus stays where the click put it).
    let outside = window_event_listener(leptos::ev::click, move |ev| {
        if !open.get_untracked() {
            return;
        }
        if let Some(w) = wrapper.get_untracked() {
            if !within(ev.target(), &w) {
                open.set(false);
            }
        }
    });
    on_cleanup(move || outside.remove());
    view! {
        <div class="tools-menu" node_ref=wrapper on:keydown=on_keydown>
            <button
                type="button"
                class="menu-button"
                node_ref=button
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=TOOLS_ID
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="menu-icon" aria-hidden="true">"☰"</span>
                {move || i18n::texts(lang.get()).app.tools}
            </button>
            <div id=TOOLS_ID class="header-tools" class:open=open>
                {children()}
            </div>
        </div>
    }
}
