//! Puts a new drawing of a chart into the page by changing only the elements that differ
//! from the one shown (`crate::charts::markup_diff` says which): a filter change then costs
//! the browser a few new cells instead of parsing and laying out the whole SVG again. When
//! the two drawings differ in their outer `<svg>` tag, or the page no longer holds what was
//! put there, it writes the new markup whole.

use crate::charts::markup_diff::{elements, plan, split_svg, Change};

/// Above this many element pairs the changed middle is replaced whole (the comparison
/// would cost more than it saves).
const MAX_CELLS: usize = 250_000;

/// Replaces the SVG document inside `host` (shown: `old`) with `new`.
pub fn patch_svg(host: &web_sys::Element, old: &str, new: &str) {
    if old == new {
        return;
    }
    let svg = host.first_element_child();
    let done = match (split_svg(old), split_svg(new), svg) {
        (Some((o_open, o_inner)), Some((n_open, n_inner)), Some(svg)) if o_open == n_open => {
            patch_children(&svg, o_inner, n_inner)
        }
        _ => false,
    };
    if !done {
        host.set_inner_html(new);
    }
}

/// Changes the element children of `parent` from `old` to `new`; false when it cannot
/// (markup it does not understand, or children that are not the ones `old` describes).
fn patch_children(parent: &web_sys::Element, old: &str, new: &str) -> bool {
    let (Some(old), Some(new)) = (elements(old), elements(new)) else {
        return false;
    };
    // A live list: only the elements that change are fetched (one call each).
    let kids = parent.children();
    if kids.length() as usize != old.len() {
        return false;
    }
    let plan = plan(&old, &new, MAX_CELLS);
    for (i, _, list) in plan.edits {
        let Some(el) = kids.item(i as u32) else {
            return false;
        };
        apply_changes(&el, list);
    }
    for h in plan.replace.iter().rev() {
        let after = kids.item(h.old.end as u32);
        for i in h.old.clone().rev() {
            if let Some(el) = kids.item(i as u32) {
                el.remove();
            }
        }
        if h.new.is_empty() {
            continue;
        }
        let markup = new[h.new.clone()].concat();
        let placed = match &after {
            Some(el) => el.insert_adjacent_html("beforebegin", &markup),
            None => parent.insert_adjacent_html("beforeend", &markup),
        };
        if placed.is_err() {
            return false;
        }
    }
    parent.child_element_count() as usize == new.len()
}

/// Changes `el`'s attributes and text as `list` says.
fn apply_changes(el: &web_sys::Element, list: Vec<Change>) {
    for c in list {
        match c {
            Change::Set(name, v) => {
                let _ = el.set_attribute(name, &v);
            }
            Change::Remove(name) => {
                let _ = el.remove_attribute(name);
            }
            Change::Text(t) => el.set_text_content(Some(&t)),
        }
    }
}
