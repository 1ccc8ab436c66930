//! A link's QR code on the page (the share dialog, the presentation's closing slide). The
//! encoder is in the lazy module (`qr_svg`, ARCHITECTURE.md "Two wasm modules"), so the first
//! view does not carry it; the service worker keeps that module, so it shows offline too.
//! Until the module answers (or if it cannot load) the box is empty and the link beside it
//! is the way to share.

use crate::ui::ctx::{lazy_module, text, use_ctx};
use leptos::prelude::*;

/// The QR code of `url`, redrawn when it changes.
#[component]
pub fn QrCode(#[prop(into)] url: Signal<String>) -> impl IntoView {
    let lang = use_ctx().lang;
    let svg = RwSignal::new(String::new());
    Effect::new(move |_| {
        let u = url.get();
        leptos::task::spawn_local(async move {
            let Ok(module) = lazy_module::load().await else {
                return;
            };
            let drawn = lazy_module::call(&module, "qr_svg", &[u.as_str().into()])
                .ok()
                .and_then(|v| v.as_string());
            // An answer for a link that has changed since is dropped.
            if url.try_get_untracked().as_ref() == Some(&u) {
                svg.try_set(drawn.unwrap_or_default());
            }
        });
    });
    view! {
        <div class="qr-code" role="img" aria-label={text(lang, |t| t.share.qr)}
            aria-busy=move || svg.with(String::is_empty).to_string() inner_html=move || svg.get()></div>
    }
}
