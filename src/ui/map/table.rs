//! The map's accessible alternative: a table of the areas of the current level with
//! their counts (the same numbers the map shows), sortable by name or count, each row
//! with a button that selects the area like a click on the map. The rows are written while
//! the table is open.

use crate::i18n::{self, format_int};
use crate::model::{AreaLevel, Facet};
use crate::ui::ctx::{text, use_ctx};
use crate::ui::map::model::{level_noun, what, MapModel};
use leptos::prelude::*;

/// Id of the table's disclosure (the map's skip button opens it).
pub const TABLE_ID: &str = "map-table";
/// Id of its summary (receives focus after the skip button).
pub const TABLE_SUMMARY_ID: &str = "map-table-summary";

#[derive(Clone, Copy, PartialEq, Eq)]
enum SortKey {
    /// Dataset order (by code).
    Code,
    Name,
    Count,
}

/// The table of areas and counts.
#[component]
pub fn MapTable(model: MapModel) -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let aligned = model.aligned;
    // (key, descending)
    let sort = RwSignal::new((SortKey::Code, false));
    let rows = Memo::new(move |_| {
        let level = model.level.get();
        let lg = lang.get();
        let l = ctx.d();
        let infos = model.infos.get_value();
        let (key, desc) = sort.get();
        let mut rows: Vec<(String, String, String, usize)> = ctx.area_counts.with(|c| {
            l.dataset
                .areas
                .iter()
                .filter(|a| a.level == level)
                .map(|a| {
                    let parent = infos
                        .get(&a.id)
                        .and_then(|i| i.parent(lg).map(str::to_string))
                        .unwrap_or_default();
                    let n = c.get(&a.id);
                    (a.id.clone(), a.name_in(lg).to_string(), parent, n)
                })
                .collect()
        });
        match key {
            SortKey::Code => {}
            SortKey::Name => rows.sort_by_key(|r| r.1.to_lowercase()),
            // Largest first, ties by name.
            SortKey::Count => rows.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.1.cmp(&b.1))),
        }
        if desc {
            rows.reverse();
        }
        rows
    });
    // The visible order as aria-sort: names ascend unless flipped; counts descend unless flipped.
    let sort_state = move |k: SortKey| -> &'static str {
        let (key, desc) = sort.get();
        match (key == k, k, desc) {
            (false, _, _) => "none",
            (true, SortKey::Count, false) | (true, SortKey::Name, true) => "descending",
            _ => "ascending",
        }
    };
    let toggle = move |k: SortKey| {
        sort.update(|(key, desc)| {
            if *key == k {
                *desc = !*desc;
            } else {
                *key = k;
                *desc = false;
            }
        })
    };
    let show_parent = move || model.level.get() != AreaLevel::Region;
    let summary = move || {
        let l = lang.get();
        let args = [
            ("what", what(l, aligned).to_string()),
            ("level", level_noun(l, model.level.get()).to_string()),
            ("n", format_int(rows.with(Vec::len), l)),
        ];
        i18n::fill(i18n::texts(lang.get()).map.table_summary, &args)
    };
    let caption = move || {
        let l = lang.get();
        let args = [
            ("what", what(l, aligned).to_string()),
            ("level", level_noun(l, model.level.get()).to_string()),
        ];
        i18n::fill(i18n::texts(lang.get()).map.table_caption, &args)
    };
    // The rows are in the page only while the table is open (closed, nobody sees or hears
    // them): a filter change on the map view then does not rewrite hundreds of hidden rows.
    let open = RwSignal::new(false);
    let body = move || {
        if !open.get() {
            return None;
        }
        let rows = rows
            .get()
            .into_iter()
            .map(|(id, name, parent, n)| {
                let idp = id.clone();
                let ids = id.clone();
                let pressed = Memo::new(move |_| ctx.has(Facet::Area, &idp));
                let hidden_name = format!(" {name}");
                view! {
                    <tr class:selected=move || pressed.get() data-area=id>
                        <th scope="row">{name}</th>
                        {show_parent().then(|| view! { <td>{parent}</td> })}
                        <td class="num">{format_int(n, lang.get())}</td>
                        <td>
                            <button type="button" class="select"
                                aria-pressed=move || if pressed.get() { "true" } else { "false" }
                                on:click=move |_| ctx.toggle(Facet::Area, &ids)>
                                {move || if pressed.get() {
                                    i18n::texts(lang.get()).map.selected
                                } else {
                                    i18n::texts(lang.get()).map.select
                                }}
                                <span class="visually-hidden">{hidden_name}</span>
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        Some(rows)
    };
    view! {
        <details class="map-table" id=TABLE_ID
            on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
            // A click (or Enter) on the summary writes the rows at once, before the browser
            // opens the table; the toggle event (which comes a task later) covers the rest.
            <summary id=TABLE_SUMMARY_ID on:click=move |ev| {
                let details = event_target::<web_sys::Element>(&ev).closest("details").ok().flatten();
                open.set(!details.is_some_and(|d| d.has_attribute("open")));
            }>{summary}</summary>
            <div class="table-scroll">
                <table>
                    <caption>{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col" aria-sort=move || sort_state(SortKey::Name)>
                                <button type="button" class="sort" on:click=move |_| toggle(SortKey::Name)>
                                    {text(lang, |t| t.map.col_area)}
                                    <span class="sort-mark" aria-hidden="true">{move || match sort_state(SortKey::Name) {
                                        "ascending" => "▲", "descending" => "▼", _ => "↕" }}</span>
                                </button>
                            </th>
                            {move || show_parent().then(|| view! {
                                <th scope="col">{i18n::texts(lang.get()).map.col_parent}</th>
                            })}
                            <th scope="col" class="num" aria-sort=move || sort_state(SortKey::Count)>
                                <button type="button" class="sort" on:click=move |_| toggle(SortKey::Count)>
                                    {text(lang, |t| t.map.col_count)}
                                    <span class="sort-mark" aria-hidden="true">{move || match sort_state(SortKey::Count) {
                                        "ascending" => "▲", "descending" => "▼", _ => "↕" }}</span>
                                </button>
                            </th>
                            <th scope="col">{text(lang, |t| t.map.col_select)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </details>
    }
}
