//! Fetching a data file (the bundled dataset, `?data=`, `?boundaries=`): the one helper every
//! such request goes through. It always asks the host whether the file changed (a conditional
//! request, `cache: "no-cache"`), so a data update shows at the visitor's next visit whatever
//! caching headers the host sends, and an unchanged file costs one round trip. It gives up
//! after the page's timeout setting, and refuses a file over the size limit or, for datasets,
//! a content type that is not JSON.

use gloo::net::http::Request;
use std::cell::Cell;
use std::rc::Rc;

/// The timeout when the page sets none, in seconds.
const DEFAULT_TIMEOUT_S: u32 = 20;

/// The `<meta name>` in index.html that sets the timeout, in whole seconds (1–600). Web teams
/// may change it in `dist/index.html`; the tests shorten it in a copy of `dist/`.
const TIMEOUT_META: &str = "jrs-fetch-timeout";

/// What a data file must be.
pub struct Expect {
    /// Largest accepted body, in bytes.
    pub max_bytes: usize,
    /// Refuse a content type that is neither JSON nor plain text (a missing one is accepted).
    pub json: bool,
}

/// The timeout in seconds: the page's `<meta name="jrs-fetch-timeout">`, else 20. A value
/// that is not a whole number of seconds from 1 to 600 is reported in the console and ignored.
fn timeout_s() -> u32 {
    let setting = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("meta[name=\"{TIMEOUT_META}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"));
    let Some(text) = setting else {
        return DEFAULT_TIMEOUT_S;
    };
    match text.trim().parse::<u32>() {
        Ok(s) if (1..=600).contains(&s) => s,
        _ => {
            gloo::console::warn!(format!(
                "<meta name=\"{TIMEOUT_META}\" content=\"{text}\">: not a number of seconds \
                 from 1 to 600; using {DEFAULT_TIMEOUT_S}"
            ));
            DEFAULT_TIMEOUT_S
        }
    }
}

/// True when `url`, resolved against the page, is on the page's origin: the only files the
/// page's policy (connect-src 'self') lets it read.
pub fn same_origin(url: &str) -> bool {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return false;
    };
    let (Ok(href), Ok(origin)) = (loc.href(), loc.origin()) else {
        return false;
    };
    web_sys::Url::new_with_base(url, &href)
        .map(|u| u.origin() == origin)
        .unwrap_or(false)
}

/// Fetches `url` (relative to the page) and returns its bytes, or why it could not (a short
/// technical reason the caller shows with the URL).
pub async fn fetch_data(url: &str, expect: Expect) -> Result<Vec<u8>, String> {
    fetch_data_js(url, expect).await.map(|a| a.to_vec())
}

/// [`fetch_data`], leaving the bytes in the browser's memory (read them with
/// `ui::ctx::js_bytes`): a large dataset is then never in the wasm memory whole.
pub async fn fetch_data_js(url: &str, expect: Expect) -> Result<js_sys::Uint8Array, String> {
    let seconds = timeout_s();
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    // Dropped (cancelled) when this function returns: it covers the headers and the body.
    let _timer = controller.clone().map(|c| {
        let flag = timed_out.clone();
        gloo::timers::callback::Timeout::new(seconds.saturating_mul(1000), move || {
            flag.set(true);
            c.abort();
        })
    });
    let signal = controller.as_ref().map(|c| c.signal());
    // An error after the timer fired is the timeout's doing: say so, not "aborted".
    let why = |reason: String| {
        if timed_out.get() {
            format!("no answer within {seconds} seconds")
        } else {
            reason
        }
    };
    let failed = |e: gloo::net::Error| why(e.to_string());
    let resp = Request::get(url)
        .cache(web_sys::RequestCache::NoCache)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(failed)?;
    let content_type = resp.headers().get("content-type").unwrap_or_default();
    if expect.json
        && !content_type.is_empty()
        && !content_type.contains("json")
        && !content_type.starts_with("text/plain")
    {
        return Err(format!("the server sent {content_type}, not a JSON file"));
    }
    if !resp.ok() {
        return Err(format!("HTTP {} {}", resp.status(), resp.status_text()));
    }
    let too_large = |n: usize| {
        format!(
            "the file is {n} bytes, too large (the limit is {} bytes)",
            expect.max_bytes
        )
    };
    let announced = resp
        .headers()
        .get("content-length")
        .and_then(|l| l.parse::<usize>().ok());
    if let Some(len) = announced.filter(|&n| n > expect.max_bytes) {
        return Err(too_large(len));
    }
    let raw = web_sys::Response::from(resp);
    let buffer = wasm_bindgen_futures::JsFuture::from(
        raw.array_buffer()
            .map_err(|e| format!("the body cannot be read: {e:?}"))?,
    )
    .await
    .map_err(|e| why(format!("the body cannot be read: {e:?}")))?;
    let bytes = js_sys::Uint8Array::new(&buffer);
    if bytes.length() as usize > expect.max_bytes {
        return Err(too_large(bytes.length() as usize));
    }
    Ok(bytes)
}
