//! Building the page in steps while a prerendered view covers it (public/prerender-gate.js,
//! `<html data-pre>` set to a language): the live page is hidden under the prerender until it
//! is whole, so the parts that take longest to build are built a task apart and the page
//! answers a tap or a scroll between them. Step 0 is the page with its view, step 1 adds the
//! heaviest part of the view (`VIEW_BODY`: the map), step 2 what is below it (`VIEW_REST`:
//! the map's table), steps 3 and 4 the filter panel's facets (`FACETS`: the open ones;
//! `FACETS_REST`: the area picker and the folded ones), step 5 the header's tools (`TOOLS`);
//! the prerender goes when the page is whole (`shell::app`). Without a prerender the page is
//! built in the same steps in sight, the first after the browser has painted step 0 (the
//! page with the top of its view: the charts view's first chart is on screen before the
//! facets, the other charts and the tools are built).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The step that builds the heaviest part of a view.
pub const VIEW_BODY: u8 = 1;
/// The step that builds what of a view is below its heaviest part (the map's table).
pub const VIEW_REST: u8 = 2;
/// The step that builds the filter panel's open facets.
pub const FACETS: u8 = 3;
/// The step that builds the filter panel's area picker and folded facets.
pub const FACETS_REST: u8 = 4;
/// The step that builds the header's tools.
pub const TOOLS: u8 = 5;
/// The step at which every part is built.
pub const WHOLE: u8 = TOOLS;

/// Work to do in a task of its own before a step is built.
type Ahead = Vec<(u8, Box<dyn FnOnce()>)>;

/// The step the page is built to (app-wide context, provided by `shell::app::app_with`), and
/// the work to do ahead of the steps to come.
#[derive(Clone, Copy)]
pub struct Stage(
    RwSignal<u8>,
    StoredValue<Ahead, LocalStorage>,
    RwSignal<bool>,
);

impl Default for Stage {
    fn default() -> Self {
        Self(
            RwSignal::new(WHOLE),
            StoredValue::new_local(Vec::new()),
            RwSignal::new(true),
        )
    }
}

impl Stage {
    /// Whether the parts of step `step` are built (tracked).
    pub fn reached(self, step: u8) -> bool {
        self.0.try_get().unwrap_or(WHOLE) >= step
    }

    /// Whether the page is built in steps and has not reached `step` yet (untracked).
    pub fn before(self, step: u8) -> bool {
        self.0.try_get_untracked().unwrap_or(WHOLE) < step
    }

    /// Whether every part is built (tracked).
    pub fn whole(self) -> bool {
        self.reached(WHOLE)
    }

    /// Starts building at step 0 (call before the page is built): hidden under a prerendered
    /// view when one is on screen; else in sight, the page with the top of its view (the
    /// charts view's first chart) painted before the rest is built (`run`).
    pub fn begin(self) {
        self.0.update_untracked(|s| *s = 0);
        if prerender_on_screen() {
            self.2.update_untracked(|l| *l = false);
        }
    }

    /// Whether the live page is the one on screen: no prerender over it (tracked). Until
    /// then it is hidden, and where its parts are is not where they will be.
    pub fn live(self) -> bool {
        self.2.try_get().unwrap_or(true)
    }

    /// The prerender has gone (`shell::app`).
    pub fn set_live(self) {
        self.2.try_set(true);
    }

    /// Runs `work` in a task of its own before step `step` is built (at once if the page is
    /// not built in steps or is past it).
    pub fn ahead(self, step: u8, work: impl FnOnce() + 'static) {
        if self.before(step) {
            self.1.update_value(|a| a.push((step, Box::new(work))));
        } else {
            work();
        }
    }

    /// Goes through the remaining steps, each in a later task, with the work ahead of each in
    /// a task before it.
    pub fn run(self) {
        if self.0.get_untracked() >= WHOLE {
            return;
        }
        leptos::task::spawn_local(async move {
            // In sight (no prerender over it), the top of the view is painted first.
            if self.2.try_get_untracked().unwrap_or(true) {
                after_paint().await;
            }
            while let Some(now) = self.0.try_get_untracked().filter(|s| *s < WHOLE) {
                let next = now + 1;
                let work: Ahead = self
                    .1
                    .try_update_value(|a| {
                        let (due, later) =
                            std::mem::take(a).into_iter().partition(|(s, _)| *s <= next);
                        *a = later;
                        due
                    })
                    .unwrap_or_default();
                if !work.is_empty() {
                    super::loading::next_task().await;
                    for (_, w) in work {
                        w();
                    }
                }
                super::loading::next_task().await;
                let t0 = super::perf::now();
                self.0.try_update(|s| *s = next);
                // The step's parts are built by the effects this set off (microtasks): measured
                // up to the end of this task's microtasks.
                let start = t0;
                leptos::task::spawn_local(async move {
                    super::perf::measure(&format!("jrs:step:{next}"), start, super::perf::now());
                });
            }
        });
    }
}

/// Resolves once the browser has painted the next frame (a task after its animation frame),
/// or after 100 ms where it paints none (a page in a background tab).
async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let later = resolve.clone();
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&later, 100);
        let painted = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        });
        let _ = window.request_animation_frame(painted.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The page's stage, or whole where none is provided (a component mounted on its own).
pub fn use_stage() -> Stage {
    use_context::<Stage>().unwrap_or_default()
}

/// `build` now if the page has reached `step`, else when it does. One type for every caller
/// (the view is an `AnyView`, the builder boxed), so the reactive part is compiled once.
pub fn at_step(step: u8, build: impl FnOnce() -> AnyView + 'static) -> AnyView {
    later(step, Box::new(build))
}

fn later(step: u8, build: Box<dyn FnOnce() -> AnyView>) -> AnyView {
    let stage = use_stage();
    if !stage.before(step) {
        return build();
    }
    let build = StoredValue::new_local(Some(build));
    let ready = Memo::new(move |_| stage.reached(step));
    (move || {
        ready
            .get()
            .then(|| build.try_update_value(Option::take).flatten().map(|b| b()))
            .flatten()
    })
    .into_any()
}

/// Whether a prerendered view is on screen: public/prerender-gate.js set `<html data-pre>` to
/// its language (`off`: none; `wait`: one is on its way).
pub fn prerender_on_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-pre"))
        .is_some_and(|v| v == "id" || v == "en")
}
