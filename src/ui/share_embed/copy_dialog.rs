//! The header's tool dialogs (share, embed): the dialog's head with its title and close
//! button (and, with a file opened in this browser, that links open the published data), opening and closing it, and its "copy" button, which copies a text and says so,
//! or, when the browser refuses, says that and selects the text in its field so the visitor
//! can copy it by hand.

use crate::i18n::{self, Key};
use crate::ui::ctx::loading::LocalData;
use crate::ui::ctx::{text, use_ctx};
use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Copies text to the clipboard; false when the browser refuses.
pub async fn copy_text(text: String) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let nav = w.navigator();
    let has = js_sys::Reflect::get(&nav, &"clipboard".into())
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(nav.clipboard().write_text(&text))
        .await
        .is_ok()
}

/// A modal tool dialog and the outcome of its last copy.
#[derive(Clone, Copy, Default)]
pub struct CopyDialog {
    /// The `<dialog>` element.
    pub node: NodeRef<Dialog>,
    /// What the last copy attempt did (a text).
    pub status: RwSignal<Option<Key>>,
    /// Whether the dialog's content is built: one task after the dialog (closed, so unseen),
    /// so building the page is not one long task; at once when it is opened before that.
    pub built: RwSignal<bool>,
}

impl CopyDialog {
    /// A closed dialog, its content built in a later task (`built`).
    pub fn new() -> CopyDialog {
        let dialog = CopyDialog::default();
        let built = dialog.built;
        leptos::task::spawn_local(async move {
            crate::ui::ctx::loading::next_task().await;
            built.try_set(true);
        });
        dialog
    }

    /// Opens it (modal), forgetting the last copy's outcome. Opened before its content is
    /// built, it opens once that is done (in the next task), so focus lands inside it.
    pub fn show(&self) {
        self.status.set(None);
        let node = self.node;
        let open = move || {
            if let Some(d) = node.get_untracked() {
                let _ = d.show_modal();
            }
        };
        if self.built.get_untracked() {
            open();
        } else {
            self.built.set(true);
            leptos::task::spawn_local(async move {
                crate::ui::ctx::loading::next_task().await;
                open();
            });
        }
    }

    /// Closes it.
    pub fn close(&self) {
        if let Some(d) = self.node.get() {
            d.close();
        }
    }

    /// Copies `text`; the status then says `copied`, or that copying failed, and the field
    /// with id `field` (an input or a text area) is selected instead.
    pub fn copy(&self, text: String, copied: Key, field: &'static str) {
        let status = self.status;
        leptos::task::spawn_local(async move {
            let ok = copy_text(text).await;
            status.set(Some(if ok { copied } else { |t| t.share.copy_failed }));
            if !ok {
                select_field(field);
            }
        });
    }
}

/// Selects the text of the input or text area with this id.
fn select_field(id: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.select();
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.select();
    }
}

/// The dialog's title (with element id `id`) and its close button.
#[component]
pub fn DialogHead(dialog: CopyDialog, id: &'static str, title: Key) -> impl IntoView {
    let lang = use_ctx().lang;
    // With a file opened in this browser, a link (and an embed) opens the published data:
    // say so (the page is rebuilt when the data changes, so this is read once).
    let local =
        use_context::<LocalData>().is_some_and(|l| matches!(l.0.get_untracked(), Some(Ok(_))));
    view! {
        <div class="dialog-head">
            <h2 id=id>{move || i18n::t(lang.get(), title)}</h2>
            <button type="button" class="close" on:click=move |_| dialog.close()
                aria-label={text(lang, |t| t.share.close)}>"×"</button>
        </div>
        {local.then(|| view! { <p class="local-link-note" role="note">{text(lang, |t| t.share.local_note)}</p> })}
    }
}

/// The live line that says what the last copy did.
#[component]
pub fn CopyStatus(dialog: CopyDialog) -> impl IntoView {
    let lang = use_ctx().lang;
    view! {
        <p class="dialog-status" role="status">{move || dialog.status.get().map(|k| i18n::t(lang.get(), k))}</p>
    }
}
