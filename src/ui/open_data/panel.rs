//! "Open your data": a file picker and a drop zone for a dataset JSON or a set of spreadsheet
//! CSV files, read and validated in the browser (nothing is uploaded) with the same report as
//! `jrs-data import`; on success the file replaces the dataset for this page only. Also the
//! template and CSV downloads, and the banner with the way back to the bundled data.

use crate::i18n;
use crate::model::csv_io;
use crate::model::load::MAX_DATASET_BYTES;
use crate::model::{Lang, Problem, View, ViewState};
use crate::ui::ctx::loading::{loaded_from_csv, loaded_from_text, LoadError, LocalData};
use crate::ui::ctx::{text, use_ctx};
use crate::ui::records::problem_list::ProblemList;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// What the panel shows below the picker.
#[derive(Clone, Debug)]
enum Status {
    Idle,
    Reading(usize),
    Failed {
        name: String,
        problems: Vec<Problem>,
    },
}

/// Which loader a set of files needs.
enum Kind {
    Json,
    Csv,
}

fn extension(name: &str) -> String {
    name.rsplit('.').next().unwrap_or("").to_ascii_lowercase()
}

/// A problem with the choice of files, in both languages.
fn choice_problem(key: i18n::Key) -> Problem {
    Problem::error("(files)", i18n::t(Lang::En, key), i18n::t(Lang::Id, key))
}

/// Checks the choice of files before reading them: one JSON file, or CSV files.
fn kind_of(names: &[String]) -> Result<Kind, Problem> {
    let json = names.iter().filter(|n| extension(n) == "json").count();
    let csv = names.iter().filter(|n| extension(n) == "csv").count();
    match (json, csv) {
        (0, 0) => Err(choice_problem(|t| t.open.err_none)),
        (1, 0) if names.len() == 1 => Ok(Kind::Json),
        (0, _) => Ok(Kind::Csv),
        (1, 0) => Err(choice_problem(|t| t.open.err_mixed)),
        (_, 0) => Err(choice_problem(|t| t.open.err_many_json)),
        _ => Err(choice_problem(|t| t.open.err_mixed)),
    }
}

async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads, validates and (when valid) shows the chosen files.
async fn open(
    files: Vec<web_sys::File>,
    status: RwSignal<Status>,
    lang: Lang,
    local: Option<LocalData>,
    state: RwSignal<ViewState>,
) {
    let names: Vec<String> = files.iter().map(|f| f.name()).collect();
    let label = match names.as_slice() {
        [one] => one.clone(),
        many => i18n::fill(
            i18n::texts(lang).open.n_files,
            &[("n", many.len().to_string())],
        ),
    };
    let fail = |problems: Vec<Problem>| {
        status.try_set(Status::Failed {
            name: label.clone(),
            problems,
        });
    };
    let kind = match kind_of(&names) {
        Ok(k) => k,
        Err(p) => return fail(vec![p]),
    };
    let total: f64 = files.iter().map(|f| f.size()).sum();
    if total > MAX_DATASET_BYTES as f64 {
        return fail(vec![Problem::error(
            "(files)",
            format!(
                "the files hold {total} bytes together; the largest dataset accepted is {MAX_DATASET_BYTES} bytes"
            ),
            format!(
                "berkas-berkasnya berjumlah {total} bita; dataset terbesar yang diterima {MAX_DATASET_BYTES} bita"
            ),
        )]);
    }
    status.try_set(Status::Reading(files.len()));
    let mut read = Vec::new();
    for (f, name) in files.iter().zip(&names) {
        match read_file(f).await {
            Ok(bytes) => read.push((name.clone(), bytes)),
            Err(e) => {
                let reason = [("reason", e)];
                return fail(vec![Problem::error(
                    name.clone(),
                    i18n::fill(i18n::texts(Lang::En).open.err_read, &reason),
                    i18n::fill(i18n::texts(Lang::Id).open.err_read, &reason),
                )]);
            }
        }
    }
    let result = match kind {
        Kind::Json => {
            let (name, bytes) = &read[0];
            match std::str::from_utf8(bytes) {
                Ok(text) => loaded_from_text(text, name),
                Err(_) => Err(LoadError::Invalid {
                    url: name.clone(),
                    problems: crate::model::load_bytes(bytes).problems,
                }),
            }
        }
        Kind::Csv => loaded_from_csv(&read, &label),
    };
    match result {
        Ok(loaded) => {
            status.try_set(Status::Idle);
            show(loaded, local, state);
        }
        Err(LoadError::Invalid { problems, .. }) => fail(problems),
        Err(LoadError::Fetch { reason, .. }) => {
            fail(vec![Problem::error("(files)", reason.clone(), reason)])
        }
    }
}

/// Replaces this page's dataset with `loaded` and opens its overview.
fn show(loaded: crate::ui::ctx::Loaded, local: Option<LocalData>, state: RwSignal<ViewState>) {
    let Some(local) = local else {
        return;
    };
    state.try_update(|s| {
        s.view = View::Overview;
        s.filters = Default::default();
        s.action = None;
        s.step = 0;
    });
    local.0.try_set(Some(Ok(Arc::new(loaded))));
    focus_main();
}

/// After the page has been redrawn for another dataset, puts the focus (and the view) at the
/// top of the main content, so keyboard and screen-reader users start there.
fn focus_main() {
    gloo::timers::callback::Timeout::new(0, || {
        let Some(w) = web_sys::window() else {
            return;
        };
        if let Some(main) = w
            .document()
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
        // Focusing scrolls <main> to the top edge; the banner above it must stay in view.
        w.scroll_to_with_x_and_y(0.0, 0.0);
    })
    .forget();
}

/// Offers `bytes` as a download named `name` (a blob URL, revoked afterwards).
fn download(name: &str, bytes: &[u8], mime: &str) {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let doc = web_sys::window().and_then(|w| w.document());
    if let Some(a) = doc
        .as_ref()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.set_class_name("visually-hidden");
        if let Some(body) = doc.as_ref().and_then(|d| d.body()) {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    let revoke = url.clone();
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&revoke);
    })
    .forget();
}

fn zip_of(folder: &str, files: Vec<(String, String)>) -> Vec<u8> {
    let entries: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|(n, t)| (format!("{folder}/{n}"), t.into_bytes()))
        .collect();
    csv_io::zip::zip(&entries)
}

/// The one-line outcome of a failed check (announced in the live region).
fn summary(name: &str, problems: &[Problem], lang: Lang) -> String {
    let errors = problems.iter().filter(|p| p.is_error()).count();
    i18n::fill(
        i18n::texts(lang).open.invalid,
        &[
            ("name", name.to_string()),
            ("errors", errors.to_string()),
            ("warnings", (problems.len() - errors).to_string()),
        ],
    )
}

/// The report of a file that was opened: its problems, listed as on the error screen.
#[component]
fn Report(problems: Vec<Problem>, lang: Memo<Lang>) -> impl IntoView {
    view! {
        <h3>{text(lang, |t| t.open.report)}</h3>
        <ProblemList problems=problems lang=lang />
    }
}

/// The "open your data" panel (in Sources & method).
#[component]
pub fn OpenDataPanel() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let status = RwSignal::new(Status::Idle);
    let dragging = RwSignal::new(false);
    let local = use_context::<LocalData>();
    let state = ctx.state;
    let start = move |list: Option<web_sys::FileList>| {
        let files = list.map(|l| files_of(&l)).unwrap_or_default();
        if files.is_empty() {
            return;
        }
        let l = lang.get_untracked();
        leptos::task::spawn_local(open(files, status, l, local, state));
    };
    let on_change = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        start(input.files());
        // Choosing the same files again (after fixing them) fires `change` again.
        input.set_value("");
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        start(ev.data_transfer().and_then(|dt| dt.files()));
    };
    let on_over = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    let failed = move || matches!(status.get(), Status::Failed { .. });
    let dataset = ctx.d();
    let current_id = dataset.dataset.meta.id.clone();
    let download_current = move |_| {
        let d = ctx.d();
        let folder = d.dataset.meta.id.clone();
        let bytes = zip_of(&folder, csv_io::export(&d.dataset));
        download(&format!("{folder}-csv.zip"), &bytes, "application/zip");
    };
    let download_templates = move |_| {
        let bytes = zip_of("templates", csv_io::templates());
        download("strategy-templates-csv.zip", &bytes, "application/zip");
    };
    view! {
        <section id="open-data" class="open-data" aria-labelledby="open-data-title">
            <h2 id="open-data-title">{text(lang, |t| t.open.title)}</h2>
            <p>{text(lang, |t| t.open.intro)}</p>
            <p class="privacy" role="note">
                <strong>{text(lang, |t| t.open.privacy_head)}</strong>
                " "
                {text(lang, |t| t.open.privacy)}
            </p>
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                on:dragenter=on_over
                on:dragover=on_over
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <input
                    type="file"
                    id="open-data-input"
                    class="file-input"
                    accept=".json,.csv,application/json,text/csv"
                    multiple
                    on:change=on_change
                />
                <label for="open-data-input" class="button primary">
                    {text(lang, |t| t.open.choose)}
                </label>
                <p class="drop-hint">{text(lang, |t| t.open.drop)}</p>
                <p class="muted">{text(lang, |t| t.open.hint)}</p>
            </div>
            <div class="open-data-report" class:failed=failed>
                // Only the one-line outcome is in the live region; the list follows it.
                <div class="open-data-status" role="status" aria-live="polite">
                    {move || match status.get() {
                        Status::Idle => ().into_any(),
                        Status::Reading(n) => view! {
                            <p>{move || i18n::fill(i18n::texts(lang.get()).open.reading, &[("n", n.to_string())])}</p>
                        }.into_any(),
                        Status::Failed { name, problems } => view! {
                            <p class="open-data-failed">{move || summary(&name, &problems, lang.get())}</p>
                        }.into_any(),
                    }}
                </div>
                {move || match status.get() {
                    Status::Failed { problems, .. } => Some(view! { <Report problems=problems lang=lang /> }),
                    _ => None,
                }}
            </div>
            <h3>{text(lang, |t| t.open.templates)}</h3>
            <p>{text(lang, |t| t.open.templates_intro)}</p>
            <p class="open-data-downloads">
                <button type="button" class="download-templates" on:click=download_templates>
                    {text(lang, |t| t.open.download_templates)}
                </button>
                <button type="button" class="download-current" on:click=download_current>
                    {move || i18n::fill(i18n::texts(lang.get()).open.download_current, &[("id", current_id.clone())])}
                </button>
            </p>
            <h3>{text(lang, |t| t.open.publish_title)}</h3>
            <p>{text(lang, |t| t.open.publish)}</p>
        </section>
    }
}

/// The banner shown while a dataset opened in the browser replaces the bundled one.
#[component]
pub fn LocalDataBanner() -> impl IntoView {
    let lang = use_ctx().lang;
    let local = use_context::<LocalData>();
    let shown = move || {
        local.and_then(|l| match l.0.get() {
            Some(Ok(loaded)) => Some((loaded.url.clone(), loaded.warnings.clone())),
            _ => None,
        })
    };
    move || {
        shown().map(|(n, warnings)| {
            // A file that loads may still have warnings (a missing translation…): they are
            // listed here, folded behind their count.
            let count = warnings.len();
            let warnings = (count > 0).then(|| view! {
                <details class="local-warnings">
                    <summary>{move || i18n::plural(lang.get(), i18n::texts(lang.get()).open.n_warnings, count)}</summary>
                    <ProblemList problems=warnings lang=lang />
                </details>
            });
            view! {
                <aside class="banner local-data" role="note">
                    <p>{move || i18n::fill(i18n::texts(lang.get()).open.banner, &[("name", n.clone())])}</p>
                    <button type="button" class="back-to-bundled" on:click=move |_| {
                        if let Some(l) = local {
                            l.0.set(None);
                            focus_main();
                        }
                    }>
                        {text(lang, |t| t.open.back)}
                    </button>
                    {warnings}
                </aside>
            }
        })
    }
}
