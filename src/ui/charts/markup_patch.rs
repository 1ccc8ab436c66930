//! Puts a new drawing of a chart into the page by changing only the elements that differ
//! from the one shown (`crate::charts::markup_diff` says which): a filter change then costs
//! the browser a few new cells instead of parsing and laying out the whole SVG again. When
//! the two drawings differ in their outer `<svg>` tag, or the page no longer holds what was
//! put there, it writes the new markup whole.

use crate::charts::markup_diff::{changes, elements, hunks, in_place, split_svg, Change, Hunk};

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
    // The usual filter change: the same elements, some recoloured or relabelled, changed in
    // place from the start up to `k` (the end, unless something was added or taken away).
    let (edits, k) = in_place(&old, &new);
    for (i, list) in edits {
        let Some(el) = kids.item(i as u32) else {
            return false;
        };
        apply_changes(&el, list);
    }
    if k == old.len() && k == new.len() {
        return true;
    }
    // The rest, from the end, so the indices of the changes still to apply stay valid.
    for h in hunks(&old[k..], &new[k..], MAX_CELLS).iter().rev() {
        let h = Hunk {
            old: h.old.start + k..h.old.end + k,
            new: h.new.start + k..h.new.end + k,
        };
        if h.old.len() == h.new.len()
            && change_in_place(&kids, &old, &new, h.old.start, h.new.start, h.old.len())
        {
            continue;
        }
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

/// Turns `n` elements from `o` on into the new ones from `m` on by changing attributes and
/// text where each pair is the same kind of leaf element (a recoloured cell, a new count);
/// false, with nothing changed, when one pair is not.
fn change_in_place(
    kids: &web_sys::HtmlCollection,
    old: &[&str],
    new: &[&str],
    o: usize,
    m: usize,
    n: usize,
) -> bool {
    let Some(all) = (0..n)
        .map(|k| changes(old[o + k], new[m + k]))
        .collect::<Option<Vec<_>>>()
    else {
        return false;
    };
    for (k, list) in all.into_iter().enumerate() {
        let Some(el) = kids.item((o + k) as u32) else {
            return false;
        };
        apply_changes(&el, list);
    }
    true
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
