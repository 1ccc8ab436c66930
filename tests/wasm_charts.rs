//! Browser tests of the chart components (`./x test` runs them in headless Chromium through
//! wasm-bindgen-test-runner): each chart is mounted with a tiny hand-made dataset, and the
//! test checks what it drew — the number of marks, labels in the SVG, the table rows — and
//! that clicks, expansion, language and width changes redraw it. Natively this compiles to
//! nothing.
#![cfg(target_arch = "wasm32")]

use jrs::model::{Dataset, Facet, Index, Lang, ViewState};
use jrs::ui::charts::view::{Chart, COVERAGE, DRIVERS, EVENTS, GANTT, LEADS, PILLARS, STATUSES};
use jrs::ui::ctx::{Ctx, Loaded};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[path = "support/browser.rs"]
mod browser;
use browser::{document, until};

wasm_bindgen_test_configure!(run_in_browser);

/// Two pillars, two shocks and a stress, two CRF drivers, five actions (one without a
/// pillar, one without a timeframe), three process events.
/// The same tiny dataset the native chart tests use (src/charts/testdata.rs).
const TINY: &str = include_str!("fixtures/charts-tiny.json");

fn dataset() -> Dataset {
    serde_json::from_str(TINY).expect("the tiny dataset parses")
}

/// `querySelectorAll` through JS (the NodeList binding is not among the enabled features).
fn select_all(root: &web_sys::HtmlElement, sel: &str) -> Vec<web_sys::Element> {
    let f: js_sys::Function = js_sys::Reflect::get(root, &"querySelectorAll".into())
        .unwrap()
        .unchecked_into();
    let list = f.call1(root, &sel.into()).unwrap();
    js_sys::Array::from(&list)
        .iter()
        .map(|n| n.unchecked_into::<web_sys::Element>())
        .collect()
}

/// Every chart in `host` has drawn its SVG (charts draw once their width is observed).
fn all_drawn(host: &web_sys::HtmlElement) -> bool {
    let figures = select_all(host, "figure[data-chart]");
    !figures.is_empty()
        && figures
            .iter()
            .all(|f| f.query_selector(".chart-svg svg").ok().flatten().is_some())
}

struct Mounted {
    host: web_sys::HtmlElement,
    state: RwSignal<ViewState>,
    lang: RwSignal<Lang>,
}

impl Mounted {
    fn all(&self, sel: &str) -> Vec<web_sys::Element> {
        select_all(&self.host, sel)
    }
    fn one(&self, sel: &str) -> web_sys::Element {
        self.host
            .query_selector(sel)
            .unwrap()
            .unwrap_or_else(|| panic!("{sel} not found"))
    }
    fn text(&self, sel: &str) -> String {
        self.one(sel).text_content().unwrap_or_default()
    }
    fn set_width(&self, w: u32) {
        self.host
            .style()
            .set_property("width", &format!("{w}px"))
            .unwrap();
    }
    /// Clicks an HTML control (a button), then waits until `sel_after` is in the chart.
    async fn click(&self, sel: &str, sel_after: &str) {
        // SVG marks get a dispatched event instead (`dispatch_click`).
        self.one(sel)
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
        until(&format!("{sel_after} after clicking {sel}"), || {
            self.host.query_selector(sel_after).ok().flatten().is_some()
        })
        .await;
    }
}

/// A bubbling click, as a pointer would make it (the chart listens on the overlay).
fn dispatch_click(el: &web_sys::Element) {
    let window = web_sys::window().unwrap();
    let ctor: js_sys::Function = js_sys::Reflect::get(&window, &"MouseEvent".into())
        .unwrap()
        .unchecked_into();
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    let ev =
        js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&"click".into(), &init)).unwrap();
    el.dispatch_event(ev.unchecked_ref()).unwrap();
}

async fn mount<V: IntoView + 'static>(
    d: Dataset,
    width: u32,
    lang: Lang,
    chart: impl FnOnce() -> V + 'static,
) -> Mounted {
    let host = document().create_element("div").unwrap();
    let host: web_sys::HtmlElement = host.unchecked_into();
    host.style()
        .set_property("width", &format!("{width}px"))
        .unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    // Earlier tests' charts stay in the page above: bring this one on screen, as a visitor
    // sees the chart they click (charts off screen draw their marks when scrolled to).
    host.scroll_into_view();
    let state = RwSignal::new(ViewState::default());
    let lang_sig = RwSignal::new(lang);
    let index = Index::new(&d);
    let loaded = Arc::new(Loaded {
        dataset: d,
        index,
        warnings: vec![],
        url: "tiny.json".into(),
    });
    let handle = leptos::mount::mount_to(host.clone(), move || {
        let lang = Memo::new(move |_| lang_sig.get());
        provide_context(Ctx::new(state, lang, loaded));
        chart()
    });
    std::mem::forget(handle);
    until("every chart to draw", || all_drawn(&host)).await;
    Mounted {
        host,
        state,
        lang: lang_sig,
    }
}

#[wasm_bindgen_test]
async fn coverage_matrix_draws_cells_and_a_click_sets_the_filters() {
    let m = mount(
        dataset(),
        900,
        Lang::Id,
        || view! { <Chart draw=COVERAGE /> },
    )
    .await;
    // 2 pillars × 3 hazards cells + 2 row labels.
    assert_eq!(
        m.all("figure[data-chart=\"coverage-matrix\"] rect.hit")
            .len(),
        8
    );
    let cell = m.one("rect.hit[data-key=\"siap|flood\"]");
    let label = cell.get_attribute("aria-label").unwrap();
    assert!(label.contains("2 inisiatif"), "{label}");
    assert_eq!(cell.get_attribute("role").as_deref(), Some("button"));
    let gap = m.one("rect.hit[data-key=\"sehat|quake\"]");
    assert!(gap.get_attribute("aria-label").unwrap().contains("celah"));
    let svg = m.text(".chart-svg svg");
    assert!(
        svg.contains("Banjir") && svg.contains("Jakarta Siap"),
        "{svg}"
    );
    assert!(m
        .text(".chart-summary")
        .starts_with("Banjir ditangani oleh 3 dari 5 inisiatif"));

    dispatch_click(&cell);
    until("the matrix to follow the filter", || {
        m.text(".chart-summary").contains("2 dari 2")
    })
    .await;
    let f = m.state.with_untracked(|s| s.filters.clone());
    assert_eq!(f.values(Facet::Pillar), ["siap"]);
    assert_eq!(f.values(Facet::Shock), ["flood"]);
    // The chart follows the filters: a1 and a2 remain.
    assert!(
        m.text(".chart-summary").contains("2 dari 2"),
        "{}",
        m.text(".chart-summary")
    );
    // The marks are redrawn for charts on screen (after the summary, which is always current).
    until("the clicked cell to show it is pressed", || {
        m.one("rect.hit[data-key=\"siap|flood\"]")
            .get_attribute("aria-pressed")
            .as_deref()
            == Some("true")
    })
    .await;
}

#[wasm_bindgen_test]
async fn matrix_rows_expand_and_the_table_shows_the_same_data() {
    let m = mount(
        dataset(),
        900,
        Lang::En,
        || view! { <Chart draw=COVERAGE /> },
    )
    .await;
    let row = m.one("rect.hit[data-key=\"row|siap\"]");
    assert_eq!(row.get_attribute("aria-expanded").as_deref(), Some("false"));
    dispatch_click(&row);
    until("the expanded rows", || m.all("rect.hit").len() > 8).await;
    // siap has a1, a2, a3: three more rows of a label and three cells.
    assert_eq!(m.all("rect.hit").len(), 8 + 3 * 4);
    assert_eq!(
        m.one("rect.hit[data-key=\"row|siap\"]")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert!(m.text(".chart-svg svg").contains("Safe schools"));

    m.click("button.chart-table-toggle", ".chart-table table tbody tr")
        .await;
    let rows = m.all(".chart-table table tbody tr");
    assert_eq!(rows.len(), 2 + 3);
    assert_eq!(m.all(".chart-table thead th").len(), 1 + 3);
    assert!(m.text(".chart-table caption").contains("0 marks a gap"));
    assert_eq!(
        rows[0].text_content().unwrap(),
        "Prepared Jakarta211",
        "pillar, then flood, quake, congestion"
    );
    assert!(m.one(".chart-frame").has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn matrix_transposes_on_a_phone_and_redraws_on_resize() {
    let m = mount(
        dataset(),
        900,
        Lang::Id,
        || view! { <Chart draw=COVERAGE /> },
    )
    .await;
    let xy = |m: &Mounted, key: &str| {
        let el = m.one(&format!("rect.hit[data-key=\"{key}\"]"));
        (
            el.get_attribute("x").unwrap().parse::<i32>().unwrap(),
            el.get_attribute("y").unwrap().parse::<i32>().unwrap(),
        )
    };
    assert_eq!(
        xy(&m, "siap|flood").1,
        xy(&m, "siap|quake").1,
        "one row per pillar"
    );
    m.set_width(343);
    until("the redraw at 343 px", || {
        m.one(".chart-stage")
            .get_attribute("data-width")
            .and_then(|w| w.parse::<u32>().ok())
            .is_some_and(|w| w <= 343)
    })
    .await;
    assert_eq!(
        xy(&m, "siap|flood").0,
        xy(&m, "siap|quake").0,
        "one column per pillar"
    );
    let w: u32 = m
        .one(".chart-stage")
        .get_attribute("data-width")
        .unwrap()
        .parse()
        .unwrap();
    assert!(w <= 343, "drawn for the phone's width, got {w}");
}

#[wasm_bindgen_test]
async fn bar_charts_draw_one_bar_per_value_and_toggle_filters() {
    let m = mount(dataset(), 700, Lang::Id, || {
        view! { <Chart draw=PILLARS /> <Chart draw=STATUSES /> <Chart draw=LEADS /> <Chart draw=DRIVERS /> }
    })
    .await;
    let bars = |chart: &str| {
        m.all(&format!("figure[data-chart=\"{chart}\"] rect.hit"))
            .len()
    };
    assert_eq!(bars("by-pillar"), 2);
    assert_eq!(bars("by-status"), 4);
    assert_eq!(bars("by-lead"), 2);
    assert_eq!(bars("by-driver"), 2);
    assert!(m
        .text("figure[data-chart=\"by-pillar\"] .chart-summary")
        .contains("Jakarta Siap memiliki inisiatif terbanyak: 3 dari 5"));
    assert!(m
        .text("figure[data-chart=\"by-lead\"] .chart-svg")
        .contains("Dinas Air"));
    let ongoing = m.one("figure[data-chart=\"by-status\"] rect.hit[data-key=\"ongoing\"]");
    assert_eq!(
        ongoing.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    dispatch_click(&ongoing);
    until("the charts to follow the status filter", || {
        m.text("figure[data-chart=\"by-pillar\"] .chart-summary")
            .contains("dari 2 inisiatif")
    })
    .await;
    assert_eq!(
        m.state
            .with_untracked(|s| s.filters.values(Facet::Status).to_vec()),
        vec!["ongoing"]
    );
    // Every chart now counts the two ongoing actions.
    assert!(m
        .text("figure[data-chart=\"by-pillar\"] .chart-summary")
        .contains("dari 2 inisiatif"));
    m.click(
        "figure[data-chart=\"by-driver\"] button.chart-table-toggle",
        "figure[data-chart=\"by-driver\"] table tbody tr",
    )
    .await;
    let rows = m.all("figure[data-chart=\"by-driver\"] table tbody tr");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].text_content().unwrap(), "Kebutuhan dasar1");
}

#[wasm_bindgen_test]
async fn timeline_charts_follow_the_language() {
    let m = mount(dataset(), 800, Lang::Id, || {
        view! { <Chart draw=GANTT /> <Chart draw=EVENTS /> }
    })
    .await;
    let keys: Vec<String> = m
        .all("figure[data-chart=\"timeframes\"] rect.hit")
        .iter()
        .filter_map(|e| e.get_attribute("data-key"))
        .collect();
    assert_eq!(
        keys,
        vec!["a1", "a2", "a5"],
        "actions with a start year, by start"
    );
    assert_eq!(
        m.all("figure[data-chart=\"process-timeline\"] rect.hit")
            .len(),
        3
    );
    assert!(m
        .text("figure[data-chart=\"process-timeline\"] .chart-svg")
        .contains("Lokakarya pertama"));
    m.lang.set(Lang::En);
    // A chart off screen redraws its drawing when it comes near: bring the second one up.
    m.one("figure[data-chart=\"process-timeline\"]")
        .scroll_into_view();
    until("the charts in English", || {
        m.text("figure[data-chart=\"process-timeline\"] .chart-svg")
            .contains("First workshop")
    })
    .await;
    assert!(m
        .text("figure[data-chart=\"process-timeline\"] .chart-svg")
        .contains("First workshop"));
    assert!(m
        .text("figure[data-chart=\"timeframes\"] .chart-summary")
        .starts_with("3 of 5 initiatives have a start year"));
    assert!(m
        .text("figure[data-chart=\"timeframes\"] .chart-title")
        .contains("When the initiatives run"));
}

#[wasm_bindgen_test]
async fn data_text_never_becomes_markup() {
    let mut d = dataset();
    d.pillars[0].name.id = "<script>window.pwned=1</script>".into();
    d.hazards[0].name.id = "<img src=x onerror=window.pwned=1>".into();
    d.actions[0].lead = Some("<b>bold</b>".into());
    let m = mount(d, 900, Lang::Id, || {
        view! { <Chart draw=COVERAGE /> <Chart draw=LEADS /> }
    })
    .await;
    assert!(m.host.query_selector("script").unwrap().is_none());
    assert!(m.host.query_selector("img").unwrap().is_none());
    assert!(m.host.query_selector(".chart-svg b").unwrap().is_none());
    // Shown as text (possibly cut to fit), never run.
    assert!(m.text(".chart-svg").contains("<script>window"));
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

/// The element tree under `el` as text: tag, attributes sorted by name, and the text of
/// leaves, children in order; the whitespace between elements is left out (the patch does
/// not keep the drawing's line breaks).
fn shape(el: &web_sys::Element) -> String {
    let mut names: Vec<String> = el
        .get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
        .collect();
    names.sort();
    let attrs: Vec<String> = names
        .iter()
        .map(|n| format!("{n}={:?}", el.get_attribute(n).unwrap_or_default()))
        .collect();
    let kids = el.children();
    let inner = if kids.length() == 0 {
        el.text_content().unwrap_or_default()
    } else {
        (0..kids.length())
            .filter_map(|i| kids.item(i))
            .map(|k| shape(&k))
            .collect::<Vec<_>>()
            .join("")
    };
    format!("<{} {}>{inner}</>", el.tag_name(), attrs.join(" "))
}

#[wasm_bindgen_test]
fn a_redraw_patches_the_page_into_exactly_the_new_drawing() {
    use jrs::charts::{matrix, ChartInput};
    use jrs::model::Filters;
    use jrs::ui::charts::markup_patch::patch_svg;
    let d = dataset();
    let all: Vec<usize> = (0..d.actions.len()).collect();
    let none = Filters::default();
    // Cells selected by a pillar and a hazard filter get an outline: an element more.
    let selected = none.clone().with(Facet::Pillar, &["siap"]);
    let selected = selected.with(Facet::Shock, &["flood"]);
    let draw = |matching: &[usize], f: &Filters| {
        let inp = ChartInput {
            dataset: &d,
            matching,
            filters: f,
            lang: Lang::En,
            width: 900,
            drawn: true,
            tabled: true,
        };
        matrix::coverage(&inp, &[]).svg
    };
    let (full, one, picked) = (draw(&all, &none), draw(&[1], &none), draw(&[1], &selected));
    for (from, to, in_place) in [
        (&full, &one, true),
        (&one, &full, true),
        (&one, &picked, false),
        (&picked, &full, false),
    ] {
        let host = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&host).unwrap();
        host.set_inner_html(from);
        let kids = host.first_element_child().unwrap().children();
        let before: Vec<web_sys::Element> =
            (0..kids.length()).filter_map(|i| kids.item(i)).collect();
        let first_cell = host.query_selector("svg > rect ~ rect").unwrap().unwrap();
        patch_svg(&host, from, to);
        let expected = document().create_element("div").unwrap();
        expected.set_inner_html(to);
        let (got, want) = (
            shape(&host.first_element_child().unwrap()),
            shape(&expected.first_element_child().unwrap()),
        );
        assert_eq!(got, want, "patched {} → {}", from.len(), to.len());
        assert!(
            first_cell.is_connected(),
            "elements before the first change are kept, not redrawn"
        );
        if in_place {
            // Counts turning into gaps and back: every element up to the legend (whose steps
            // follow the largest count) is the one that was there, changed in place.
            let legend = before
                .iter()
                .position(|e| e.text_content().as_deref() == Some("Count:"))
                .expect("a legend");
            assert!(
                before[..legend].iter().all(|e| e.is_connected()),
                "an element was replaced"
            );
        }
        host.remove();
    }
}
