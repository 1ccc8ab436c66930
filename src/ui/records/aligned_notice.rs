//! The notice that the listed actions are documented initiatives aligned with the strategy,
//! not its official action list: in full on the overview, one line with a link to the full
//! explanation on every other view. Shown only for datasets of aligned initiatives.

use crate::model::{View, ViewState};
use crate::ui::ctx::{text, use_ctx};
use leptos::prelude::*;

/// Id of the full notice on the overview (the short notice's link leads there).
pub const FULL_ID: &str = "aligned-notice";

/// Once the overview is drawn (looking again on each of the next `tries` frames), brings
/// the full notice into view and gives it the focus.
fn reveal_full(tries: u32) {
    request_animation_frame(move || {
        let notice = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(FULL_ID))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        match notice {
            Some(n) => {
                let _ = n.focus();
                n.scroll_into_view();
            }
            None if tries > 0 => reveal_full(tries - 1),
            None => {}
        }
    });
}

fn to_overview(s: &mut ViewState) {
    s.view = View::Overview;
    s.action = None;
}

/// The notice: `full` on the overview, one line elsewhere.
#[component]
pub fn AlignedNotice(#[prop(optional)] full: bool) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    if !ctx.aligned() {
        return ().into_any();
    }
    if full {
        return view! {
            <aside class="banner aligned-notice" id=FULL_ID role="note" tabindex="-1">
                <p>{text(lang, |t| t.overview.aligned_notice)}</p>
            </aside>
        }
        .into_any();
    }
    let href = move || format!("{}#{FULL_ID}", ctx.href(to_overview));
    let open = move |ev: web_sys::MouseEvent| {
        ev.prevent_default();
        ctx.state.update(to_overview);
        reveal_full(12);
    };
    view! {
        <p class="aligned-notice short" role="note">
            {text(lang, |t| t.overview.aligned_short)} " "
            <a href=href on:click=open>{text(lang, |t| t.overview.aligned_why)}</a>
        </p>
    }
    .into_any()
}
