//! The deck's place in the page (lazy module only; mounted once into the app's empty
//! container by `tools`): the live line that says what "Add to my deck" did (with a way to
//! open the deck), and the "My deck" dialog holding the editor (a fresh editor each time it
//! opens, so it shows what was added meanwhile).

use super::add::Added;
use super::editor::DeckEditor;
use super::words::words;
use crate::i18n;
use crate::model::deck::MAX_SLIDES;
use crate::model::Lang;
use leptos::prelude::*;

/// The deck's live line and dialog.
#[component]
pub fn DeckHost(
    lang: Memo<Lang>,
    data_url: String,
    said: RwSignal<Option<Added>>,
    editor: RwSignal<bool>,
) -> impl IntoView {
    let w = move || words(lang.get());
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let open = editor.get();
        if let Some(d) = dialog.get() {
            if open && !d.open() {
                let _ = d.show_modal();
            } else if !open && d.open() {
                d.close();
            }
        }
    });
    let said_text = move || {
        said.get().map(|a| match a {
            Added::Slide { n, kept } => {
                let mut t = i18n::fill(w().added, &[("n", n.to_string())]);
                if !kept {
                    t = format!("{t} {}", w().not_kept);
                }
                t
            }
            Added::Full => i18n::fill(w().full, &[("max", MAX_SLIDES.to_string())]),
        })
    };
    let open_editor = move |_| {
        said.set(None);
        editor.set(true);
    };
    view! {
        <div class="deck-said" role="status">
            {move || said_text().map(|t| view! {
                <p>{t}</p>
                <button type="button" class="deck-said-open" on:click=open_editor>{move || w().open}</button>
                <button type="button" class="close" aria-label=move || i18n::texts(lang.get()).share.close
                    on:click=move |_| said.set(None)>"×"</button>
            })}
        </div>
        <dialog node_ref=dialog class="tool-dialog deck-dialog" aria-labelledby="deck-title"
            on:close=move |_| editor.set(false)>
            <div class="dialog-head">
                <h2 id="deck-title">{move || i18n::texts(lang.get()).deck.title}</h2>
                <button type="button" class="close" aria-label=move || i18n::texts(lang.get()).share.close
                    on:click=move |_| editor.set(false)>"×"</button>
            </div>
            {move || editor.get().then(|| view! {
                <DeckEditor lang=lang data_url=data_url.clone() shown=editor />
            })}
        </dialog>
    }
}
