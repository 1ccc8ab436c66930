//! "Open your data": a file picker and a drop zone for a dataset JSON or a set of spreadsheet
//! CSV files, read and validated in the browser (nothing is uploaded) with the same report as
//! `jrs-data import`; the template and CSV downloads. Part of the lazy wasm module
//! (`src/bin/explorer-more.rs`): it is mounted into the app's `slot.rs`, and hands a dataset
//! that opens back to the app as JSON text in an [`OPENED`] event (the app loads it through its
//! own loader, as any dataset).

use super::download::{download, zip_of};
use crate::i18n;
use crate::model::csv_io;
use crate::model::load::MAX_DATASET_BYTES;
use crate::model::{Lang, Problem};
use crate::ui::ctx::data_fetch::{fetch_data, Expect};
use crate::ui::ctx::text;
use crate::ui::records::problem_list::ProblemList;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// The event (bubbling from the panel to the app's container) that carries a dataset that
/// opened: `detail` is `{ name, json, warnings }`, `warnings` an array of
/// `{ severity, path, en, id }` (`ui::ctx::problem_js`): as the full reader found them (for
/// CSV they name file, row and column). The app reads `json` through the lean path only.
pub const OPENED: &str = "jrs-open-data";

/// Where the dataset the app shows now comes from, for "download as CSV".
#[derive(Clone, Debug)]
pub struct Source {
    /// Its URL (the bundled file or `?data=`), relative to the page; or the opened file's name.
    pub url: String,
    /// Its `meta.id`.
    pub id: String,
    /// True when it is a file opened in this panel (then its text is kept here, not fetched).
    pub local: bool,
}

thread_local! {
    /// The JSON text of the last dataset opened here, for "download as CSV" while it is shown.
    static LAST_OPENED: RefCell<Option<String>> = const { RefCell::new(None) };
}

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

/// Checks the choice of files before reading them: one JSON file, or CSV files (a zip of
/// them counts as CSV files).
fn kind_of(names: &[String]) -> Result<Kind, Problem> {
    let json = names.iter().filter(|n| extension(n) == "json").count();
    let csv = names
        .iter()
        .filter(|n| matches!(extension(n).as_str(), "csv" | "zip"))
        .count();
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
    panel: NodeRef<leptos::html::Section>,
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
    let opened = match kind {
        Kind::Json => {
            let (name, bytes) = &read[0];
            let outcome = crate::model::load_bytes(bytes);
            match (outcome.dataset, std::str::from_utf8(bytes)) {
                (Some(_), Ok(text)) => Ok((text.to_string(), Some(outcome.problems))),
                _ => Err(outcome.problems),
            }
            .map(|(json, w)| (name.clone(), json, w))
        }
        Kind::Csv => match csv_io::import_files_or_zips(&read) {
            (Some(dataset), warnings) => serde_json::to_string(&dataset)
                .map(|json| (label.clone(), json, Some(warnings)))
                .map_err(|e| vec![Problem::error("(files)", e.to_string(), e.to_string())]),
            (None, problems) => Err(problems),
        },
    };
    match opened {
        Ok((name, json, warnings)) => {
            status.try_set(Status::Idle);
            LAST_OPENED.with(|l| *l.borrow_mut() = Some(json.clone()));
            if let Some(el) = panel.get_untracked() {
                hand_over(&el, &name, &json, warnings.as_deref());
            }
        }
        Err(problems) => fail(problems),
    }
}

/// Sends an opened dataset to the app: an [`OPENED`] event that bubbles from `el`.
fn hand_over(el: &web_sys::Element, name: &str, json: &str, warnings: Option<&[Problem]>) {
    let detail = js_sys::Object::new();
    let set = |o: &js_sys::Object, k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(o, &k.into(), v);
    };
    set(&detail, "name", &name.into());
    set(&detail, "json", &json.into());
    if let Some(ws) = warnings {
        set(&detail, "warnings", &crate::ui::ctx::problem_js::to_js(ws));
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(OPENED, &init) {
        let _ = el.dispatch_event(&ev);
    }
}

/// The dataset the app shows now: the one opened here, or the file at its URL (fetched
/// again: the browser or the service worker has it).
async fn current(source: &Source) -> Result<crate::model::Dataset, Vec<Problem>> {
    let kept = if source.local {
        LAST_OPENED.with(|l| l.borrow().clone())
    } else {
        None
    };
    let bytes = match kept {
        Some(text) => text.into_bytes(),
        None => {
            let expect = Expect {
                max_bytes: MAX_DATASET_BYTES,
                json: true,
            };
            fetch_data(&source.url, expect)
                .await
                .map_err(|e| vec![Problem::error(source.url.clone(), e.clone(), e)])?
        }
    };
    let outcome = crate::model::load_bytes(&bytes);
    outcome.dataset.ok_or(outcome.problems)
}

/// What a download button gives, made from the dataset shown now.
#[derive(Clone, Copy)]
enum Download {
    /// Its CSV files in a zip.
    Csv,
    /// The JSON file the explorer reads (`model::publish`).
    Json,
    /// The templates with one example row each and the READMEs (`csv_io::guide`).
    Templates,
}

/// Offers the download `what` of the dataset shown now; a failure shows in the report.
async fn offer(what: Download, source: Source, status: RwSignal<Status>) {
    let d = match current(&source).await {
        Ok(d) => d,
        Err(problems) => {
            status.try_set(Status::Failed {
                name: source.url.clone(),
                problems,
            });
            return;
        }
    };
    match what {
        Download::Csv => {
            let bytes = zip_of(&d.meta.id, csv_io::export(&d));
            download(&format!("{}-csv.zip", source.id), &bytes, "application/zip");
        }
        Download::Json => {
            let json = crate::model::publish::dataset_json(&d);
            let name = crate::model::publish::json_file_name(&d);
            download(&name, json.as_bytes(), "application/json");
        }
        Download::Templates => {
            let bytes = zip_of("templates", csv_io::guide::templates_with_examples(&d));
            download("strategy-templates-csv.zip", &bytes, "application/zip");
        }
    }
}

/// A rule of the templates as text, with the parts between backticks as code.
fn rule_view(rule: &'static str) -> impl IntoView {
    rule.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                view! { <code>{part}</code> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
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

/// The "open your data" panel (in Sources & method), in `lang`, for the dataset at `source`.
#[component]
pub fn OpenDataPanel(lang: Memo<Lang>, source: Source) -> impl IntoView {
    let status = RwSignal::new(Status::Idle);
    let dragging = RwSignal::new(false);
    let panel = NodeRef::<leptos::html::Section>::new();
    let start = move |list: Option<web_sys::FileList>| {
        let files = list.map(|l| files_of(&l)).unwrap_or_default();
        if files.is_empty() {
            return;
        }
        let l = lang.get_untracked();
        leptos::task::spawn_local(open(files, status, l, panel));
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
    let current_id = source.id.clone();
    let json_id = source.id.clone();
    let on = move |what: Download| {
        let source = source.clone();
        move |_| {
            leptos::task::spawn_local(offer(what, source.clone(), status));
        }
    };
    view! {
        <section id="open-data" class="open-data" aria-labelledby="open-data-title" node_ref=panel>
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
                    accept=".json,.csv,.zip,application/json,text/csv,application/zip"
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
            <details class="open-data-rules">
                <summary>{text(lang, |t| t.open.rules_title)}</summary>
                <ul>
                    {move || csv_io::guide::rules(lang.get()).iter().map(|r| view! { <li>{rule_view(r)}</li> }).collect_view()}
                </ul>
            </details>
            <p class="open-data-downloads">
                <button type="button" class="download-templates" on:click=on(Download::Templates)>
                    {text(lang, |t| t.open.download_templates)}
                </button>
                <button type="button" class="download-current" on:click=on(Download::Csv)>
                    {move || i18n::fill(i18n::texts(lang.get()).open.download_current, &[("id", current_id.clone())])}
                </button>
                <button type="button" class="download-json" on:click=on(Download::Json)>
                    {move || i18n::fill(i18n::texts(lang.get()).open.download_json, &[("id", json_id.clone())])}
                </button>
            </p>
            <h3>{text(lang, |t| t.open.publish_title)}</h3>
            <p>{text(lang, |t| t.open.publish)}</p>
        </section>
    }
}
