//! The page frame around every view: header with the tools menu and the language switch,
//! the view navigation, notices about ignored link parts, the current view, and the footer
//! with licence and date.

use crate::i18n;
use crate::model::date::format_date;
use crate::model::{Lang, View};
use crate::ui::ctx::view_label::view_label;
use crate::ui::ctx::{text, use_ctx};
use leptos::prelude::*;

/// The page for the current mode: presentation (`?present=1`: the slot the lazy module
/// mounts it into), embedded (`?embed=1`, no site chrome) or the full site. Registers the offline service worker unless embedded.
#[component]
pub fn Shell(notices: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_ctx().state;
    let mode = Memo::new(move |_| state.with(|s| (s.present, s.embed)));
    if !state.with_untracked(|s| s.embed) {
        crate::ui::shell::offline::register_service_worker();
    }
    move || match mode.get() {
        (true, _) => view! { <crate::ui::present::slot::PresentationSlot /> }.into_any(),
        (false, true) => view! { <super::embed_shell::EmbedShell /> }.into_any(),
        (false, false) => view! { <SiteShell notices=notices /> }.into_any(),
    }
}

/// The current view (in the site shell, the embed shell and presentation steps).
#[component]
pub fn CurrentView() -> impl IntoView {
    let state = use_ctx().state;
    let view = Memo::new(move |_| state.with(|s| s.view));
    move || crate::ui::present::slide_view::view_of(view.get())
}

/// The header, navigation, current view and footer.
#[component]
fn SiteShell(notices: RwSignal<Vec<String>>) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let state = ctx.state;
    let meta = ctx.d().dataset.meta.clone();
    let synthetic = meta.synthetic;
    let title = meta.title.clone();
    let city = meta.city.clone();
    let switch_lang = move |_| {
        state.update(|s| {
            s.lang = Some(match lang.get_untracked() {
                Lang::Id => Lang::En,
                Lang::En => Lang::Id,
            })
        })
    };
    let nav = view_tabs();
    let deck = crate::ui::deck::tools::DeckSlot::make();
    let footer_meta = meta.clone();
    view! {
        <header class="site-header">
            <div class="brand">
                <p class="eyebrow">{move || city.get(lang.get()).to_string()}</p>
                <p class="site-title">{move || title.get(lang.get()).to_string()}</p>
            </div>
            <super::tools_menu::ToolsMenu>
                <crate::ui::present::present_button::PresentButton />
                <crate::ui::share_embed::share::ShareButton />
                <crate::ui::share_embed::embed::EmbedButton />
                <crate::ui::sources::open_data_link::OpenDataLink class="button tool open-data-link" />
                <crate::ui::deck::tools::DeckButtons deck=deck class="deck-menu-tools" />
                <button
                    type="button"
                    class="contrast-switch"
                    aria-pressed=move || if state.with(|s| s.contrast) { "true" } else { "false" }
                    on:click=move |_| state.update(|s| s.contrast = !s.contrast)
                >
                    {text(lang, |t| t.app.contrast)}
                </button>
                <crate::ui::shell::theme_switch::ThemeSwitch />
            </super::tools_menu::ToolsMenu>
            // The language stays one tap away: its name on wide screens, a code on phones
            // (main.css shows one of the two); the name read out is the text shown.
            <button
                type="button"
                class="lang-switch"
                lang=move || match lang.get() { Lang::Id => "en", Lang::En => "id" }
                title={text(lang, |t| t.app.switch_lang_label)}
                on:click=switch_lang
            >
                <span class="lang-long">{text(lang, |t| t.app.switch_lang)}</span>
                <span class="lang-short">{text(lang, |t| t.app.switch_lang_short)}</span>
            </button>
        </header>
        <div class="views-bar">
            <nav class="views" aria-label={text(lang, |t| t.app.menu)}>
                <ul>{nav}</ul>
            </nav>
            <crate::ui::deck::tools::DeckButtons deck=deck class="deck-tools" />
        </div>
        {deck.view()}
        <crate::ui::open_data::banner::LocalDataBanner />
        <crate::ui::open_data::kept::KeptDataOffer />
        {synthetic.then(|| view! {
            <p class="banner synthetic" role="note">{text(lang, |t| t.app.synthetic)}</p>
        })}
        {move || {
            let n = notices.get();
            (!n.is_empty()).then(|| view! {
                <div class="banner notice" role="status">
                    <p>{i18n::fill(i18n::texts(lang.get()).app.notice_dropped, &[("items", n.join(", "))])}</p>
                    <button type="button" on:click=move |_| notices.set(Vec::new())>
                        {i18n::texts(lang.get()).app.dismiss}
                    </button>
                </div>
            })
        }}
        <main id="main" tabindex="-1">
            <CurrentView />
        </main>
        <crate::ui::share_embed::share::PrintColophon />
        <footer class="site-footer">
            <p>{move || i18n::fill(i18n::texts(lang.get()).app.footer, &[
                ("licence", footer_meta.licence.clone()),
                ("date", footer_meta.dataset_date.as_deref().map(|d| format_date(d, lang.get())).unwrap_or_default()),
            ])}</p>
        </footer>
    }
}

/// One tab per view, for the header and the embedded explorer: a link to the view (so it
/// can be opened in a new tab) that switches the view in place.
pub fn view_tabs() -> impl IntoView {
    let ctx = use_ctx();
    let (lang, state, aligned) = (ctx.lang, ctx.state, ctx.aligned());
    View::ALL
        .into_iter()
        .map(|v| {
            let href = move || ctx.href(|s| s.view = v);
            let current = move || state.with(|s| s.view == v);
            view! {
                <li>
                    <a
                        href=href
                        class:current=current
                        aria-current=move || current().then_some("page")
                        on:click=move |ev| {
                            ev.prevent_default();
                            state.update(|s| s.view = v);
                        }
                    >
                        {move || i18n::t(lang.get(), view_label(v, aligned))}
                    </a>
                </li>
            }
        })
        .collect_view()
}
