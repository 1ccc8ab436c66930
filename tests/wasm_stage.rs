//! Browser tests of building the page in steps under a prerendered view (`ui::ctx::stage`):
//! with `<html data-pre>` set to a language (public/prerender-gate.js does that while a
//! prerendered view is on screen), the parts of later steps are not there after the first
//! build and come in later tasks, in order; without it, the same, in sight, the first after
//! the view has been painted. Natively this compiles to nothing.
#![cfg(target_arch = "wasm32")]

use jrs::ui::ctx::stage::{at_step, Stage, FACETS, TOOLS, VIEW_BODY};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[path = "support/browser.rs"]
mod browser;
use browser::{document, next_frame, until};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a page of four parts, one per step, into a new element, and returns the element
/// and the stage.
fn mount_page() -> (web_sys::HtmlElement, Stage) {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let stage = Stage::default();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(stage);
        stage.begin();
        let page = view! {
            <p class="view">"the view"</p>
            {at_step(VIEW_BODY, || view! { <p class="body">"the map"</p> }.into_any())}
            {at_step(FACETS, || view! { <p class="facets">"the facets"</p> }.into_any())}
            {at_step(TOOLS, || view! { <p class="tools">"the tools"</p> }.into_any())}
        };
        stage.run();
        page
    });
    handle.forget();
    (host, stage)
}

fn has(host: &web_sys::HtmlElement, sel: &str) -> bool {
    host.query_selector(sel).unwrap().is_some()
}

/// Waits until the header's tools are built, checking in every frame that a part is there
/// only with those of the steps before it.
async fn the_rest_comes_in_order(host: &web_sys::HtmlElement) {
    until("the header's tools", || {
        let (body, facets, tools) = (
            has(host, ".body"),
            has(host, ".facets"),
            has(host, ".tools"),
        );
        assert!(!tools || facets, "the tools came before the facets");
        assert!(!facets || body, "the facets came before the map");
        tools
    })
    .await;
}

#[wasm_bindgen_test]
async fn under_a_prerender_the_later_parts_are_built_in_later_tasks_in_order() {
    let root = document().document_element().unwrap();
    root.set_attribute("data-pre", "id").unwrap();
    let (host, stage) = mount_page();
    // Right after the first build: the view only.
    assert!(has(&host, ".view"));
    assert!(!has(&host, ".body") && !has(&host, ".facets") && !has(&host, ".tools"));
    assert!(!stage.whole());
    // Then each step in turn: in every frame, a part is there only with those of the steps
    // before it.
    the_rest_comes_in_order(&host).await;
    assert!(has(&host, ".body") && has(&host, ".facets"));
    assert!(stage.whole());
    root.remove_attribute("data-pre").unwrap();
}

#[wasm_bindgen_test]
async fn without_a_prerender_the_view_is_painted_before_the_rest_is_built() {
    let root = document().document_element().unwrap();
    // "off": the gate found no prerender for this address (and none at all is the same).
    root.set_attribute("data-pre", "off").unwrap();
    let (host, stage) = mount_page();
    // In sight from the start: the view alone in the first frame.
    assert!(stage.live());
    assert!(has(&host, ".view"));
    assert!(!has(&host, ".body") && !has(&host, ".tools"));
    next_frame().await;
    assert!(
        !has(&host, ".tools"),
        "the first frame painted the view without the rest"
    );
    // Then the rest, in order.
    the_rest_comes_in_order(&host).await;
    assert!(stage.whole() && stage.live());
    root.remove_attribute("data-pre").unwrap();
}
