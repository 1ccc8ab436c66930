//! Loading a dataset: fetching the bundled file or `?data=` (with a timeout and size and
//! type checks), reading text or CSV files opened in the browser, and why a load failed.

use super::context::Loaded;
use super::data_fetch::{fetch_data_js, Expect};
use crate::model::load::{lean, LoadOutcome};
use crate::model::{Index, Problem};
use leptos::prelude::*;
use std::sync::Arc;

/// Why a dataset could not be shown.
#[derive(Debug, Clone)]
pub enum LoadError {
    /// It could not be fetched (network, HTTP status, size).
    Fetch {
        /// The URL.
        url: String,
        /// Why.
        reason: String,
    },
    /// It was fetched but has errors.
    Invalid {
        /// The URL or file name.
        url: String,
        /// All problems found.
        problems: Vec<Problem>,
    },
}

/// Where the bundled dataset lives, relative to the page (so sub-path hosting works).
pub const BUNDLED_DATA: &str = "data/jakarta.json";

/// Resolves in a later task of the page's event loop (after a zero timeout), so what follows
/// runs apart from what came before.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let timer = web_sys::window()
            .map(|w| w.set_timeout_with_callback(&resolve).is_ok())
            .unwrap_or(false);
        if !timer {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Fetches, reads and validates the dataset at `url` (relative to the page).
pub async fn fetch_dataset(url: String) -> Result<Arc<Loaded>, LoadError> {
    // Another site's file would be blocked by the page's policy with a bare "failed to fetch":
    // say what is wrong instead, before any request.
    if !super::data_fetch::same_origin(&url) {
        return Err(LoadError::Fetch {
            url,
            reason: "files from another site are not allowed by this page's security policy"
                .to_string(),
        });
    }
    let t0 = crate::ui::ctx::perf::now();
    let expect = Expect {
        max_bytes: crate::model::load::MAX_DATASET_BYTES,
        json: true,
    };
    let bytes = match from_gate(&url, expect.max_bytes).await {
        Some(bytes) => bytes,
        None => fetch_data_js(&url, expect)
            .await
            .map_err(|reason| LoadError::Fetch {
                url: url.clone(),
                reason,
            })?,
    };
    let t1 = crate::ui::ctx::perf::now();
    crate::ui::ctx::perf::measure("jrs:fetch", t0, t1);
    // With a prerendered view on screen, decoding the dataset, validating it, indexing it and
    // drawing the view are separate tasks, not one long one: the page answers scrolling
    // between them. Otherwise the visitor sees "Memuat…", and one task is sooner. (The loader
    // starts the wasm only once the gate has put the view up or given up, so by now `data-pre`
    // is a language or `off`.)
    let pause = super::stage::prerender_on_screen();
    // The lean path: typed decoding and the validator. A dataset it cannot show goes to the
    // full reader in the lazy module, which says what is wrong and where.
    let decoded = lean::decode_from(&mut super::js_bytes::JsBytes::new(bytes.clone()));
    let t2 = crate::ui::ctx::perf::now();
    crate::ui::ctx::perf::measure("jrs:decode", t1, t2);
    if pause && decoded.is_ok() {
        next_task().await;
    }
    let t3 = crate::ui::ctx::perf::now();
    let mut outcome = lean::checked(decoded);
    crate::ui::ctx::perf::measure("jrs:validate", t3, crate::ui::ctx::perf::now());
    if outcome.dataset.is_none() {
        outcome = full_reading(&bytes).await;
    }
    drop(bytes);
    match outcome.dataset {
        Some(dataset) => {
            if pause {
                next_task().await;
            }
            let t4 = crate::ui::ctx::perf::now();
            let index = Index::new(&dataset);
            crate::ui::ctx::perf::measure("jrs:index", t4, crate::ui::ctx::perf::now());
            crate::ui::ctx::perf::measure("jrs:load", t1, crate::ui::ctx::perf::now());
            if pause {
                next_task().await;
            }
            Ok(Arc::new(Loaded {
                dataset,
                index,
                warnings: outcome.problems,
                url,
            }))
        }
        None => Err(LoadError::Invalid {
            url,
            problems: outcome.problems,
        }),
    }
}

/// The bundled dataset as public/prerender-gate.js fetched it (revalidated with the host) to
/// compare with the prerendered view, taken once, also while it is on its way (`jrsData` is a
/// promise): the app does not ask the host again. None for another file, when the gate fetched
/// nothing or gave up, or for a file over `max_bytes` (then the app's own request says what is
/// wrong).
async fn from_gate(url: &str, max_bytes: usize) -> Option<js_sys::Uint8Array> {
    use wasm_bindgen::JsCast;
    if url != BUNDLED_DATA {
        return None;
    }
    let window = web_sys::window()?;
    let key = wasm_bindgen::JsValue::from_str("jrsData");
    let held = js_sys::Reflect::get(&window, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let promise = held.dyn_into::<js_sys::Promise>().ok()?;
    let got = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let buffer = got.dyn_into::<js_sys::ArrayBuffer>().ok()?;
    let bytes = js_sys::Uint8Array::new(&buffer);
    (bytes.length() as usize <= max_bytes).then_some(bytes)
}

/// Reads `bytes` with the full reader in the lazy module (`check_dataset` in
/// `src/bin/explorer-more.rs`): every problem with its JSON path, errors first, and when there
/// are no errors the dataset as the reader re-encoded it, decoded here.
async fn full_reading(bytes: &js_sys::Uint8Array) -> LoadOutcome {
    use super::lazy_module;
    let answer = lazy_module::load()
        .await
        .and_then(|m| lazy_module::call(&m, "check_dataset", &[bytes.into()]));
    let answer = match answer {
        Ok(a) => a,
        Err(reason) => {
            return LoadOutcome::failed(vec![Problem::error(
                "(file)",
                format!("the dataset cannot be shown, and the reader that says why could not be loaded: {reason}"),
                format!("dataset tidak dapat ditampilkan, dan pembaca yang menjelaskan sebabnya tidak dapat dimuat: {reason}"),
            )])
        }
    };
    let mut problems = js_sys::Reflect::get(&answer, &"problems".into())
        .ok()
        .and_then(|p| super::problem_js::from_js(&p))
        .unwrap_or_default();
    if problems.iter().any(Problem::is_error) {
        return LoadOutcome::failed(problems);
    }
    match lean::decode(super::problem_js::field(&answer, "json").as_bytes()) {
        Ok(dataset) => LoadOutcome {
            dataset: Some(dataset),
            problems,
        },
        Err(p) => {
            problems.insert(0, p);
            LoadOutcome::failed(problems)
        }
    }
}

/// Loads a dataset from JSON text the "open your data" panel has read and checked (its
/// warnings come with it).
pub fn loaded_from_text(text: &str, name: &str) -> Result<Loaded, LoadError> {
    let outcome = lean::load(text.as_bytes());
    match outcome.dataset {
        Some(dataset) => {
            let index = Index::new(&dataset);
            Ok(Loaded {
                dataset,
                index,
                warnings: outcome.problems,
                url: name.to_string(),
            })
        }
        None => Err(LoadError::Invalid {
            url: name.to_string(),
            problems: outcome.problems,
        }),
    }
}

/// A dataset opened in the browser ("open your data"): it replaces the loaded one for this
/// page only; nothing is uploaded. `None` means "the dataset from the URL". With it, what
/// it was opened from as the panel sent it (`{ name, json, warnings? }`), for the lazy
/// module's presentation, which reads it into its own context (`ui::present::slot`).
#[derive(Clone, Copy)]
pub struct LocalData(
    pub RwSignal<Option<Result<Arc<Loaded>, LoadError>>>,
    pub StoredValue<Option<wasm_bindgen::JsValue>, LocalStorage>,
);
