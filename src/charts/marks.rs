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

/// The focusable targets over a chart's marks as SVG markup (every text escaped): one
/// transparent `<rect class="hit">` per mark with its index (`data-i`), key, role,
/// accessible name and states. Only mark `tab` is in the tab order: one tab stop per chart,
/// arrow keys move between marks.
pub fn hits_markup(hits: &[Hit], tab: usize) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(hits.len() * 200);
    for (i, h) in hits.iter().enumerate() {
        let interactive = h.action != HitAction::None;
        let _ = write!(
            s,
            "<rect class=\"hit{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"transparent\" data-i=\"{i}\" data-key=\"{}\" tabindex=\"{}\" role=\"{}\" aria-label=\"{}\"",
            if interactive { "" } else { " static-mark" },
            h.x,
            h.y,
            h.w.max(1),
            h.h.max(1),
            text::escape(&h.key),
            if i == tab { "0" } else { "-1" },
            if interactive { "button" } else { "img" },
            text::escape(&h.label),
        );
        for (name, v) in [("aria-expanded", h.expanded), ("aria-pressed", h.pressed)] {
            if let Some(v) = v {
                let _ = write!(s, " {name}=\"{v}\"");
            }
        }
        s.push_str("></rect>");
    }
    s
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
}
