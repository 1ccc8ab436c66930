//! The header's colour theme control: follow the system (`prefers-color-scheme`), light or
//! dark. The choice is part of the view state, so it is kept in the link (`?theme=`) like
//! the high-contrast switch beside it; the app root writes it onto `<html data-theme>`.

use crate::i18n;
use crate::model::view_state::Theme;
use crate::ui::ctx::{text, use_ctx};
use leptos::prelude::*;

fn code(theme: Theme) -> &'static str {
    match theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    }
}

fn key(theme: Theme) -> crate::i18n::Key {
    match theme {
        Theme::Auto => |t| t.app.theme_auto,
        Theme::Light => |t| t.app.theme_light,
        Theme::Dark => |t| t.app.theme_dark,
    }
}

/// A labelled `<select>`: native, so keyboard and screen readers know it without help.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let state = ctx.state;
    let current = Memo::new(move |_| state.with(|s| s.theme));
    let on_change = move |ev: leptos::ev::Event| {
        let theme = match event_target_value(&ev).as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        };
        if current.get_untracked() != theme {
            state.update(|s| s.theme = theme);
        }
    };
    let options = [Theme::Auto, Theme::Light, Theme::Dark]
        .into_iter()
        .map(|t| {
            view! {
                <option value=code(t) selected=move || current.get() == t>
                    {move || i18n::t(lang.get(), key(t))}
                </option>
            }
        })
        .collect_view();
    view! {
        <span class="theme-switch">
            <label for="theme-select">{text(lang, |t| t.app.theme)}</label>
            <select id="theme-select" prop:value=move || code(current.get()) on:change=on_change>
                {options}
            </select>
        </span>
    }
}
