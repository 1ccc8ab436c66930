//! The interactive marks over a chart: what activating one does to the filters, moving
//! between them with arrow keys, and their focusable SVG markup.

use super::text;
use crate::model::{Facet, Filters};

/// What activating a mark does.
#[derive(Debug, Clone, PartialEq)]
pub enum HitAction {
    /// Sets these facets to exactly these values (a matrix cell: pillar and hazard).
    Set(Vec<(Facet, String)>),
    /// Removes these filter values (an active matrix cell, clicked again).
    Clear(Vec<(Facet, String)>),
    /// Adds or removes one filter value (a bar).
    Toggle(Facet, String),
    /// Opens one action's details.
    Open(String),
    /// Expands or collapses a matrix row (pillar id).
    Expand(String),
    /// Nothing: the mark only has a tooltip.
    None,
}

/// An interactive mark: a box in the SVG's pixel space with a description and an action.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Left.
    pub x: i32,
    /// Top.
    pub y: i32,
    /// Width.
    pub w: i32,
    /// Height.
    pub h: i32,
    /// Stable key (e.g. `siap|flood`), used by tests.
    pub key: String,
    /// Full description, used as the accessible name and the tooltip.
    pub label: String,
    /// What activating it does.
    pub action: HitAction,
    /// Position in the visual grid (row, column), for arrow-key navigation.
    pub grid: (i32, i32),
    /// For expandable rows: whether it is expanded.
    pub expanded: Option<bool>,
    /// For filter marks: whether the value is an active filter.
    pub pressed: Option<bool>,
}

impl Hit {
    /// A mark over the box `(x, y, w, h)` at `grid`, neither expandable nor pressable (set
    /// `expanded` or `pressed` after, where they apply).
    pub fn new(
        (x, y, w, h): (i32, i32, i32, i32),
        key: String,
        label: String,
        action: HitAction,
        grid: (i32, i32),
    ) -> Hit {
        Hit {
            x,
            y,
            w,
            h,
            key,
            label,
            action,
            grid,
            expanded: None,
            pressed: None,
        }
    }
}

/// Applies a mark's action to the filters (Open and Expand leave them alone). A matrix cell
/// replaces the pillar (or goal) and the hazard selection; setting a shock clears stresses
/// and vice versa, since the two filters must both hold.
pub fn apply_hit(filters: &mut Filters, action: &HitAction) {
    match action {
        HitAction::Set(pairs) => {
            let has = |f: Facet| pairs.iter().any(|(x, _)| *x == f);
            if has(Facet::Shock) || has(Facet::Stress) {
                filters.clear(Facet::Shock);
                filters.clear(Facet::Stress);
            }
            if has(Facet::Pillar) || has(Facet::Goal) {
                filters.clear(Facet::Pillar);
                filters.clear(Facet::Goal);
            }
            for (facet, value) in pairs {
                if !filters.has(*facet, value) {
                    filters.toggle(*facet, value);
                }
            }
        }
        HitAction::Clear(pairs) => {
            for (facet, value) in pairs {
                if filters.has(*facet, value) {
                    filters.toggle(*facet, value);
                }
            }
        }
        HitAction::Toggle(facet, value) => filters.toggle(*facet, value),
        HitAction::Open(_) | HitAction::Expand(_) | HitAction::None => {}
    }
}

/// The mark to move to from mark `from` with an arrow key (`dr`, `dc` are -1, 0 or 1): the
/// nearest mark in that direction of the visual grid (rows may have different columns).
pub fn neighbour(hits: &[Hit], from: usize, dr: i32, dc: i32) -> Option<usize> {
    let (r0, c0) = hits.get(from)?.grid;
    hits.iter()
        .enumerate()
        .filter(|(i, h)| {
            *i != from
                && if dr != 0 {
                    (h.grid.0 - r0) * dr > 0
                } else {
                    h.grid.0 == r0 && (h.grid.1 - c0) * dc > 0
                }
        })
        .min_by_key(|(_, h)| {
            if dr != 0 {
                ((h.grid.0 - r0).abs(), (h.grid.1 - c0).abs())
            } else {
                ((h.grid.1 - c0).abs(), 0)
            }
        })
        .map(|(i, _)| i)
}

/// The attributes of mark `i`'s focusable target (only mark `tab` is in the tab order), in
/// the order they are written; values unescaped, `None` for one the mark does not have.
pub fn hit_attrs(h: &Hit, i: usize, tab: usize) -> [(&'static str, Option<String>); 13] {
    let interactive = h.action != HitAction::None;
    let class = if interactive {
        "hit"
    } else {
        "hit static-mark"
    };
    [
        ("class", Some(class.to_string())),
        ("x", Some(h.x.to_string())),
        ("y", Some(h.y.to_string())),
        ("width", Some(h.w.max(1).to_string())),
        ("height", Some(h.h.max(1).to_string())),
        ("fill", Some("transparent".to_string())),
        ("data-i", Some(i.to_string())),
        ("data-key", Some(h.key.clone())),
        (
            "tabindex",
            Some(if i == tab { "0" } else { "-1" }.to_string()),
        ),
        (
            "role",
            Some(if interactive { "button" } else { "img" }.to_string()),
        ),
        ("aria-label", Some(h.label.clone())),
        ("aria-expanded", h.expanded.map(|v| v.to_string())),
        ("aria-pressed", h.pressed.map(|v| v.to_string())),
    ]
}

/// The focusable targets over a chart's marks as SVG markup (every text escaped): one
/// transparent `<rect class="hit">` per mark with the attributes of [`hit_attrs`]. One tab
/// stop per chart, arrow keys move between marks.
pub fn hits_markup(hits: &[Hit], tab: usize) -> String {
    let mut s = String::with_capacity(hits.len() * 200);
    for (i, h) in hits.iter().enumerate() {
        s.push_str("<rect");
        for (name, v) in hit_attrs(h, i, tab) {
            if let Some(v) = v {
                s.push(' ');
                s.push_str(name);
                s.push_str("=\"");
                s.push_str(&text::escape(&v));
                s.push('"');
            }
        }
        s.push_str("></rect>");
    }
    s
}

/// The attribute changes that turn the targets of `old` (tab stop `old_tab`) into those of
/// `new` (tab stop `new_tab`), per target: `(index, [(name, new value or None to remove)])`,
/// only for targets that change; `None` when the number of marks differs.
#[allow(clippy::type_complexity)]
pub fn hits_changes(
    old: &[Hit],
    old_tab: usize,
    new: &[Hit],
    new_tab: usize,
) -> Option<Vec<(usize, Vec<(&'static str, Option<String>)>)>> {
    if old.len() != new.len() {
        return None;
    }
    let mut out = Vec::new();
    for (i, (o, n)) in old.iter().zip(new).enumerate() {
        let tab_moved = (i == old_tab) != (i == new_tab);
        if o == n && !tab_moved {
            continue;
        }
        let was = hit_attrs(o, i, old_tab);
        let list: Vec<_> = hit_attrs(n, i, new_tab)
            .into_iter()
            .zip(was)
            .filter(|((_, v), (_, w))| v != w)
            .map(|((name, v), _)| (name, v))
            .collect();
        if !list.is_empty() {
            out.push((i, list));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    #[test]
    fn matrix_cell_replaces_pillar_and_hazard() {
        let mut f = Filters::default()
            .with(Facet::Pillar, &["sehat"])
            .with(Facet::Stress, &["congestion"])
            .with(Facet::Status, &[Status::Ongoing.code()]);
        apply_hit(
            &mut f,
            &HitAction::Set(vec![
                (Facet::Pillar, "siap".into()),
                (Facet::Shock, "flood".into()),
            ]),
        );
        assert_eq!(f.values(Facet::Pillar), ["siap"]);
        assert_eq!(f.values(Facet::Shock), ["flood"]);
        assert!(
            f.values(Facet::Stress).is_empty(),
            "the other hazard kind is cleared"
        );
        assert_eq!(f.values(Facet::Status), ["ongoing"], "other filters stay");
        apply_hit(&mut f, &HitAction::Toggle(Facet::Status, "ongoing".into()));
        assert!(f.values(Facet::Status).is_empty());
        apply_hit(
            &mut f,
            &HitAction::Clear(vec![
                (Facet::Pillar, "siap".into()),
                (Facet::Shock, "flood".into()),
            ]),
        );
        assert!(f.is_empty());
    }

    fn hit(key: &str, grid: (i32, i32)) -> Hit {
        Hit {
            x: 0,
            y: 0,
            w: 1,
            h: 1,
            key: key.into(),
            label: key.into(),
            action: HitAction::None,
            grid,
            expanded: None,
            pressed: None,
        }
    }

    #[test]
    fn arrow_keys_move_through_the_grid() {
        // Row 0: a label and two cells; row 1: a label and two cells; row 2: one label.
        let hits = vec![
            hit("r0", (0, 0)),
            hit("a", (0, 1)),
            hit("b", (0, 2)),
            hit("r1", (1, 0)),
            hit("c", (1, 1)),
            hit("d", (1, 2)),
            hit("r2", (2, 0)),
        ];
        assert_eq!(neighbour(&hits, 1, 0, 1), Some(2));
        assert_eq!(neighbour(&hits, 2, 0, 1), None, "stops at the row's end");
        assert_eq!(neighbour(&hits, 1, 1, 0), Some(4), "down keeps the column");
        assert_eq!(
            neighbour(&hits, 5, 1, 0),
            Some(6),
            "nearest in the next row"
        );
        assert_eq!(neighbour(&hits, 4, -1, 0), Some(1));
        assert_eq!(neighbour(&hits, 0, -1, 0), None);
        assert_eq!(neighbour(&hits, 9, 1, 0), None);
    }

    #[test]
    fn hit_markup_is_escaped_and_complete() {
        let mut h = hit("a\"b", (0, 0));
        h.label = "<script>alert(1)</script> & \"x\"".into();
        h.action = HitAction::Toggle(Facet::Lead, "x".into());
        h.pressed = Some(true);
        let mut other = hit("b", (1, 0));
        other.expanded = Some(false);
        let m = hits_markup(&[h, other], 1);
        assert!(!m.contains("<script"));
        assert!(
            m.contains("aria-label=\"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;\"")
        );
        assert!(m.contains("data-key=\"a&quot;b\""));
        assert!(m.contains("role=\"button\""));
        assert!(m.contains("aria-pressed=\"true\""));
        assert!(
            m.contains("class=\"hit static-mark\""),
            "no action: not a button"
        );
        assert!(m.contains("role=\"img\""));
        assert!(m.contains("aria-expanded=\"false\""));
        assert_eq!(m.matches("<rect ").count(), 2);
        assert_eq!(m.matches("tabindex=\"-1\"").count(), 1);
        assert!(m.contains("data-i=\"1\" data-key=\"b\" tabindex=\"0\""));
        assert!(!m.contains("style="));
    }

    #[test]
    fn mark_changes_turn_the_old_targets_into_the_new_ones() {
        let mut a = hit("siap|flood", (0, 0));
        a.label = "Flooding: 23".into();
        a.pressed = Some(false);
        let b = hit("siap|quake", (0, 1));
        let old = vec![a.clone(), b.clone()];
        let mut a2 = a.clone();
        a2.label = "Flooding: 5".into();
        a2.pressed = None;
        let new = vec![a2, b];
        // A new label, a state taken away, and the tab stop moved from 0 to 1.
        let c = hits_changes(&old, 0, &new, 1).expect("as many marks");
        assert_eq!(
            c,
            vec![
                (
                    0,
                    vec![
                        ("tabindex", Some("-1".to_string())),
                        ("aria-label", Some("Flooding: 5".to_string())),
                        ("aria-pressed", None),
                    ]
                ),
                (1, vec![("tabindex", Some("0".to_string()))]),
            ]
        );
        // Applied to the old attributes, they give the new ones, for every mark.
        for (i, list) in &c {
            let mut attrs: Vec<(&str, Option<String>)> = hit_attrs(&old[*i], *i, 0).to_vec();
            for (name, v) in list {
                if let Some(slot) = attrs.iter_mut().find(|(n, _)| n == name) {
                    slot.1 = v.clone();
                }
            }
            assert_eq!(attrs, hit_attrs(&new[*i], *i, 1).to_vec());
        }
        assert_eq!(hits_changes(&old, 0, &old, 0), Some(vec![]));
        assert_eq!(hits_changes(&old, 0, &new[..1], 0), None, "a mark fewer");
    }
}
