//! The link to "Open your data" from the header's tools (shown in the phone's menu) and the
//! overview: it opens Sources & method at the panel (the panel's place, `ANCHOR`, is in
//! `view.rs`), focused and in view.

use crate::model::{View, ViewState};
use crate::ui::ctx::{text, use_ctx};
use leptos::prelude::*;

/// Id of the place of "Open your data" in Sources & method.
pub const ANCHOR: &str = "open-your-data";

fn to_sources(s: &mut ViewState) {
    s.view = View::Sources;
    s.action = None;
}

/// Once Sources & method is drawn (looking again on each of the next `tries` frames), brings
/// the panel's place into view and gives it the focus.
fn reveal(tries: u32) {
    request_animation_frame(move || {
        let place = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(ANCHOR))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        match place {
            Some(p) => {
                let _ = p.focus();
                p.scroll_into_view();
            }
            None if tries > 0 => reveal(tries - 1),
            None => {}
        }
    });
}

/// The link, with `class`.
#[component]
pub fn OpenDataLink(class: &'static str) -> impl IntoView {
    let ctx = use_ctx();
    let href = move || format!("{}#{ANCHOR}", ctx.href(to_sources));
    view! {
        <a class=class href=href on:click=move |ev| {
            ev.prevent_default();
            ctx.state.update(to_sources);
            reveal(12);
        }>{text(ctx.lang, |t| t.open.title)}</a>
    }
}
