//! Keyboard neighbours on the map: from one area, the nearest area in the direction of an
//! arrow key, judged by the areas' label anchors (map units, y down as on screen). An area
//! counts as lying in a direction when it is within 60° of it; nearer and straighter wins.

use super::polygon::Point;

/// An arrow key's direction on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards the top of the screen.
    Up,
    /// Towards the bottom of the screen.
    Down,
    /// Towards the left.
    Left,
    /// Towards the right.
    Right,
}

impl Direction {
    /// The direction of a `KeyboardEvent.key` value ("ArrowUp" …), if it is an arrow key.
    pub fn from_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            _ => None,
        }
    }

    fn unit(self) -> (f64, f64) {
        match self {
            Direction::Up => (0.0, -1.0),
            Direction::Down => (0.0, 1.0),
            Direction::Left => (-1.0, 0.0),
            Direction::Right => (1.0, 0.0),
        }
    }
}

/// tan(60°): how far off the arrow's line an area may lie, per unit along it.
const SPREAD: f64 = 1.732_050_8;
/// How much a step sideways costs against a step along the arrow.
const SIDEWAYS_WEIGHT: f64 = 2.0;

/// The index in `anchors` of the nearest anchor from `anchors[from]` in direction `dir`, or
/// `None` when nothing lies that way (the edge of the map). Ties go to the first listed.
pub fn neighbour(anchors: &[Point], from: usize, dir: Direction) -> Option<usize> {
    let origin = *anchors.get(from)?;
    let (ux, uy) = dir.unit();
    let mut best: Option<(f64, usize)> = None;
    for (i, p) in anchors.iter().enumerate() {
        if i == from || !p[0].is_finite() || !p[1].is_finite() {
            continue;
        }
        let (dx, dy) = (p[0] - origin[0], p[1] - origin[1]);
        let along = dx * ux + dy * uy;
        let side = (dx * uy - dy * ux).abs();
        if along <= 0.0 || side > along * SPREAD {
            continue;
        }
        let score = along + SIDEWAYS_WEIGHT * side;
        if best.is_none_or(|(s, _)| score < s) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3 × 3 grid, row by row: index = 3 * row + column.
    fn grid() -> Vec<Point> {
        (0..9)
            .map(|i| [f64::from(i % 3) * 10.0, f64::from(i / 3) * 10.0])
            .collect()
    }

    #[test]
    fn moves_to_the_adjacent_cell() {
        let g = grid();
        assert_eq!(neighbour(&g, 4, Direction::Up), Some(1));
        assert_eq!(neighbour(&g, 4, Direction::Down), Some(7));
        assert_eq!(neighbour(&g, 4, Direction::Left), Some(3));
        assert_eq!(neighbour(&g, 4, Direction::Right), Some(5));
    }

    #[test]
    fn stops_at_the_edge() {
        let g = grid();
        assert_eq!(neighbour(&g, 0, Direction::Up), None);
        assert_eq!(neighbour(&g, 0, Direction::Left), None);
        assert_eq!(neighbour(&g, 8, Direction::Right), None);
        assert_eq!(neighbour(&g, 8, Direction::Down), None);
    }

    #[test]
    fn prefers_straight_over_slightly_nearer_diagonal() {
        // From the origin going right: (10, 9) is nearer than (12, 0) but far off the line.
        let pts = vec![[0.0, 0.0], [10.0, 9.0], [12.0, 0.0]];
        assert_eq!(neighbour(&pts, 0, Direction::Right), Some(2));
        // Outside 60° of the arrow: not a neighbour that way at all.
        let pts = vec![[0.0, 0.0], [1.0, 10.0]];
        assert_eq!(neighbour(&pts, 0, Direction::Right), None);
        assert_eq!(neighbour(&pts, 0, Direction::Down), Some(1));
    }

    #[test]
    fn ignores_broken_anchors_and_bad_indices() {
        let pts = vec![[0.0, 0.0], [f64::NAN, 0.0], [5.0, 0.0]];
        assert_eq!(neighbour(&pts, 0, Direction::Right), Some(2));
        assert_eq!(neighbour(&pts, 7, Direction::Right), None);
    }

    #[test]
    fn keys() {
        assert_eq!(Direction::from_key("ArrowLeft"), Some(Direction::Left));
        assert_eq!(Direction::from_key("a"), None);
    }

    #[test]
    fn every_area_of_a_grid_is_reachable() {
        // Walking right along rows and down the first column reaches every cell.
        let g = grid();
        let mut seen = vec![false; g.len()];
        let mut row_start = Some(0);
        while let Some(r) = row_start {
            let mut at = Some(r);
            while let Some(i) = at {
                seen[i] = true;
                at = neighbour(&g, i, Direction::Right);
            }
            row_start = neighbour(&g, r, Direction::Down);
        }
        assert!(seen.iter().all(|&s| s));
    }
}
