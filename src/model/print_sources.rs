//! The sources a printed view lists under its content: the sources behind what the view
//! shows (the overview's pillars and hazards, the selected action alone, else the actions
//! that match the filters, the map's areas, the timeline's events), most cited first.

use super::types::{Dataset, Source};
use super::view_state::View;
use std::collections::HashMap;

/// How many sources a printed page lists before "and N more".
pub const MAX_PRINTED: usize = 10;

/// The sources behind `view` as it is shown: `matching` are the indices of the actions that
/// match the filters, `action` the selected action (in the actions view, only its sources
/// are listed, in its order). Each source once; otherwise most cited first (ties: first
/// cited first).
/// Empty for the sources view, which lists every source itself.
pub fn cited_sources<'a>(
    d: &'a Dataset,
    view: View,
    matching: &[usize],
    action: Option<&str>,
) -> Vec<&'a Source> {
    let mut first: Vec<&str> = Vec::new();
    let mut cited: Vec<&str> = Vec::new();
    let actions = || matching.iter().filter_map(|&i| d.actions.get(i));
    match view {
        View::Overview => {
            cited.extend(d.meta.sources.iter().map(String::as_str));
            for p in &d.pillars {
                cited.extend(p.sources.iter().map(String::as_str));
                for t in &p.targets {
                    cited.extend(t.sources.iter().map(String::as_str));
                }
            }
            for h in &d.hazards {
                cited.extend(h.sources.iter().map(String::as_str));
            }
        }
        View::Actions | View::Charts | View::Map => {
            let selected = match view {
                View::Actions => action.and_then(|id| d.actions.iter().find(|a| a.id == id)),
                _ => None,
            };
            // A selected action is what the printed page shows: its sources only.
            if let Some(a) = selected {
                first.extend(a.sources.iter().map(String::as_str));
            }
            for a in actions().filter(|_| selected.is_none()) {
                cited.extend(a.sources.iter().map(String::as_str));
                if view == View::Map {
                    for area in a
                        .areas
                        .iter()
                        .filter_map(|x| d.areas.iter().find(|ar| &ar.id == x))
                    {
                        cited.extend(area.sources.iter().map(String::as_str));
                    }
                }
            }
        }
        View::Timeline => {
            for e in &d.timeline {
                cited.extend(e.sources.iter().map(String::as_str));
            }
        }
        View::Sources => {}
    }
    let mut count: HashMap<&str, usize> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for id in &cited {
        let n = count.entry(id).or_insert(0);
        if *n == 0 {
            order.push(id);
        }
        *n += 1;
    }
    // Stable sort: ties keep the order of first citation.
    order.sort_by_key(|id| std::cmp::Reverse(count[id]));
    let mut out: Vec<&Source> = Vec::new();
    for id in first.into_iter().chain(order) {
        if let Some(s) = d.sources.iter().find(|s| s.id == id) {
            if !out.iter().any(|x| x.id == s.id) {
                out.push(s);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jakarta() -> Dataset {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/jakarta.json"))
                .unwrap();
        crate::model::load_str(&text)
            .dataset
            .expect("bundled dataset loads")
    }

    #[test]
    fn each_source_once_selected_action_alone_and_none_for_the_sources_view() {
        let d = jakarta();
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let a = d
            .actions
            .iter()
            .find(|a| !a.sources.is_empty())
            .expect("an action with sources");
        let list = cited_sources(&d, View::Actions, &all, Some(&a.id));
        assert!(!list.is_empty());
        assert_eq!(list[0].id, a.sources[0]);
        assert!(
            list.iter().all(|s| a.sources.contains(&s.id)),
            "only the selected action's"
        );
        let mut ids: Vec<&str> = list.iter().map(|s| s.id.as_str()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "each source once");
        assert!(cited_sources(&d, View::Sources, &all, None).is_empty());
        assert!(!cited_sources(&d, View::Overview, &all, None).is_empty());
        assert!(!cited_sources(&d, View::Timeline, &all, None).is_empty());
    }

    #[test]
    fn only_the_matching_actions_count_and_the_most_cited_come_first() {
        let d = jakarta();
        assert!(cited_sources(&d, View::Charts, &[], None).is_empty());
        let all: Vec<usize> = (0..d.actions.len()).collect();
        let list = cited_sources(&d, View::Charts, &all, None);
        let cites = |id: &str| {
            d.actions
                .iter()
                .filter(|a| a.sources.iter().any(|s| s == id))
                .count()
        };
        for w in list.windows(2) {
            assert!(
                cites(&w[0].id) >= cites(&w[1].id),
                "{} before {}",
                w[0].id,
                w[1].id
            );
        }
        let one = cited_sources(&d, View::Map, &[0], None);
        for s in &one {
            let by_action = d.actions[0].sources.contains(&s.id);
            let by_area = d.actions[0].areas.iter().any(|x| {
                d.areas
                    .iter()
                    .any(|ar| &ar.id == x && ar.sources.contains(&s.id))
            });
            assert!(by_action || by_area, "{} is not behind action 0", s.id);
        }
    }
}
