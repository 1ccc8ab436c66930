//! The inset: deciding which groups of areas lie too far from the rest to share the
//! main map (Kepulauan Seribu, far north of mainland Jakarta), and placing their box in
//! the map's top-left corner, moving the mainland down when it would overlap.

use super::polygon::Point;
use super::projection::{GeoBounds, Rect};

/// Default distance beyond which a group goes to the inset.
pub const DEFAULT_THRESHOLD_KM: f64 = 30.0;

/// A group of areas (usually a region and everything in it).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Where the group is, `[lon, lat]` (the region's centroid).
    pub anchor: [f64; 2],
    /// Bounds of the group's geometry (sites or polygons).
    pub bounds: GeoBounds,
    /// How many sites or features it has.
    pub weight: usize,
}

/// For each group, whether it goes to the inset. Among the mainland groups smaller
/// than the rest of the mainland taken together, repeatedly takes the one whose anchor
/// is farthest from the bounds of all other mainland groups and moves it to the inset
/// while that distance exceeds `threshold_km`.
pub fn far_groups(groups: &[Group], threshold_km: f64) -> Vec<bool> {
    let mut inset = vec![false; groups.len()];
    loop {
        let mainland: Vec<usize> = (0..groups.len()).filter(|&g| !inset[g]).collect();
        if mainland.len() < 2 {
            break;
        }
        let total: usize = mainland.iter().map(|&g| groups[g].weight).sum();
        let mut best: Option<(f64, usize)> = None;
        // Only a group smaller than the rest of the mainland may leave it.
        for &g in mainland.iter().filter(|&&g| 2 * groups[g].weight < total) {
            let others = mainland
                .iter()
                .filter(|&&o| o != g)
                .fold(GeoBounds::empty(), |b, &o| b.union(&groups[o].bounds));
            let d = others.distance_km(groups[g].anchor);
            if d.is_finite() && best.is_none_or(|(bd, _)| d > bd) {
                best = Some((d, g));
            }
        }
        match best {
            Some((d, g)) if d > threshold_km => inset[g] = true,
            _ => break,
        }
    }
    inset
}

/// Size limits and spacing of the inset box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InsetStyle {
    /// Largest box width, as a fraction of the map width.
    pub max_width: f64,
    /// Largest box height, as a fraction of the mainland map height.
    pub max_height: f64,
    /// Space between the box and the map edge, inside the box, and to the mainland.
    pub gap: f64,
}

impl Default for InsetStyle {
    fn default() -> Self {
        InsetStyle {
            max_width: 0.2,
            max_height: 0.4,
            gap: 8.0,
        }
    }
}

/// Where the inset box goes and how far the mainland must move down to clear it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InsetLayout {
    /// The box (draw a frame here); its content goes inside, `gap` from the frame.
    pub rect: Rect,
    /// The content area inside the frame.
    pub content: Rect,
    /// How far to move the mainland down (0 when it does not reach the box).
    pub shift_y: f64,
    /// The map height after the move.
    pub height: f64,
}

/// Places the inset box for content of aspect `aspect` (width / height) in the
/// top-left corner of a `width` × `height` map whose mainland is `mainland` (rings in
/// map units).
pub fn place_inset(
    width: f64,
    height: f64,
    aspect: f64,
    style: &InsetStyle,
    mainland: &[Vec<Point>],
) -> InsetLayout {
    let aspect = if aspect.is_finite() && aspect > 0.0 {
        aspect.clamp(0.05, 20.0)
    } else {
        1.0
    };
    let gap = if style.gap.is_finite() && style.gap >= 0.0 {
        style.gap
    } else {
        0.0
    };
    let max_w = (style.max_width * width - 2.0 * gap).max(1.0);
    let max_h = (style.max_height * height - 2.0 * gap).max(1.0);
    let inner_h = max_h.min(max_w / aspect);
    let inner_w = inner_h * aspect;
    let rect = Rect {
        x: gap,
        y: gap,
        width: inner_w + 2.0 * gap,
        height: inner_h + 2.0 * gap,
    };
    let content = Rect {
        x: rect.x + gap,
        y: rect.y + gap,
        width: inner_w,
        height: inner_h,
    };
    // The highest mainland point left of the box's right edge (plus the gap).
    let limit = rect.right() + gap;
    let mut top = f64::INFINITY;
    for ring in mainland {
        for (k, &a) in ring.iter().enumerate() {
            let b = ring[(k + 1) % ring.len()];
            let (a, b) = if a[0] <= b[0] { (a, b) } else { (b, a) };
            if a[0].is_nan() || a[0] > limit {
                continue;
            }
            let b = if b[0] > limit {
                let t = (limit - a[0]) / (b[0] - a[0]);
                [limit, a[1] + t * (b[1] - a[1])]
            } else {
                b
            };
            top = top.min(a[1]).min(b[1]);
        }
    }
    let shift_y = if top.is_finite() {
        (rect.bottom() + gap - top).max(0.0)
    } else {
        0.0
    };
    InsetLayout {
        rect,
        content,
        shift_y,
        height: (height + shift_y).max(rect.bottom() + gap),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(lon: f64, lat: f64, weight: usize) -> Group {
        Group {
            anchor: [lon, lat],
            bounds: GeoBounds::from_points([[lon - 0.05, lat - 0.05], [lon + 0.05, lat + 0.05]]),
            weight,
        }
    }

    #[test]
    fn the_far_small_group_goes_to_the_inset() {
        let groups = vec![
            group(106.58, -5.70, 6),
            group(106.83, -6.18, 44),
            group(106.87, -6.13, 31),
            group(106.75, -6.17, 56),
            group(106.81, -6.27, 65),
            group(106.90, -6.26, 65),
        ];
        assert_eq!(
            far_groups(&groups, 30.0),
            vec![true, false, false, false, false, false]
        );
        assert_eq!(far_groups(&groups[1..], 30.0), vec![false; 5]);
        // Two far-apart halves of equal size stay together.
        assert_eq!(
            far_groups(&[group(0.0, 0.0, 5), group(5.0, 0.0, 5)], 30.0),
            vec![false, false]
        );
        assert!(far_groups(&[], 30.0).is_empty());
        assert_eq!(far_groups(&[group(0.0, 0.0, 1)], 30.0), vec![false]);
        let nan = Group {
            anchor: [f64::NAN, 0.0],
            bounds: GeoBounds::empty(),
            weight: 1,
        };
        assert_eq!(
            far_groups(&[nan, group(0.0, 0.0, 3)], 30.0),
            vec![false, false]
        );
    }

    #[test]
    fn the_mainland_moves_down_to_clear_the_box() {
        let style = InsetStyle::default();
        let square = vec![[0.0, 0.0], [1000.0, 0.0], [1000.0, 1000.0], [0.0, 1000.0]];
        let l = place_inset(1000.0, 1000.0, 0.5, &style, std::slice::from_ref(&square));
        assert_eq!(l.rect.x, 8.0);
        assert!((l.rect.width - 200.0).abs() < 1e-9, "{:?}", l.rect);
        assert!((l.content.height - l.content.width / 0.5).abs() < 1e-9);
        assert!((l.shift_y - (l.rect.bottom() + 8.0)).abs() < 1e-9);
        assert!((l.height - (1000.0 + l.shift_y)).abs() < 1e-9);
        // A mainland that only starts right of the box does not move.
        let right = vec![
            [300.0, 0.0],
            [1000.0, 0.0],
            [1000.0, 1000.0],
            [300.0, 1000.0],
        ];
        assert_eq!(
            place_inset(1000.0, 1000.0, 0.5, &style, &[right]).shift_y,
            0.0
        );
        // A sloping edge that crosses the box's column is taken at the crossing.
        let slope = vec![[100.0, 900.0], [1000.0, 0.0], [1000.0, 1000.0]];
        let l = place_inset(1000.0, 1000.0, 0.5, &style, &[slope]);
        let y_at_limit = 900.0 - (l.rect.right() + 8.0 - 100.0);
        assert!((l.shift_y - (l.rect.bottom() + 8.0 - y_at_limit).max(0.0)).abs() < 1e-9);
        // Bad input.
        let l = place_inset(1000.0, 1000.0, f64::NAN, &style, &[]);
        assert_eq!(l.shift_y, 0.0);
        assert!(l.rect.width > 0.0 && l.height >= 1000.0);
    }
}
