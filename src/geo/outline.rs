//! Topology of a set of adjacent cells: vertex welding (the same corner computed in
//! two cells becomes one vertex id), union outlines of groups of cells (edges shared
//! by two cells of the group cancel) and chaining of loose segments into polylines.

use std::collections::HashMap;

use super::polygon::{distance, Point};

/// Merges points closer than a tolerance into one vertex id.
#[derive(Debug, Clone)]
pub struct Welder {
    tolerance: f64,
    grid: HashMap<(i64, i64), Vec<usize>>,
    points: Vec<Point>,
}

impl Welder {
    /// A welder merging points within `tolerance` (must be positive and finite; a
    /// small default is used otherwise).
    pub fn new(tolerance: f64) -> Welder {
        let tolerance = if tolerance.is_finite() && tolerance > 0.0 {
            tolerance
        } else {
            1e-6
        };
        Welder {
            tolerance,
            grid: HashMap::new(),
            points: Vec::new(),
        }
    }

    fn key(&self, p: Point) -> (i64, i64) {
        (
            (p[0] / self.tolerance).floor() as i64,
            (p[1] / self.tolerance).floor() as i64,
        )
    }

    /// The id of the nearest earlier point within the tolerance, or a new id.
    pub fn id(&mut self, p: Point) -> usize {
        let (kx, ky) = self.key(p);
        let mut best: Option<(f64, usize)> = None;
        for dx in -1..=1 {
            for dy in -1..=1 {
                for &id in self.grid.get(&(kx + dx, ky + dy)).into_iter().flatten() {
                    let d = distance(self.points[id], p);
                    if d <= self.tolerance
                        && best.is_none_or(|(bd, bid)| d < bd || (d == bd && id < bid))
                    {
                        best = Some((d, id));
                    }
                }
            }
        }
        if let Some((_, id)) = best {
            return id;
        }
        let id = self.points.len();
        self.points.push(p);
        self.grid.entry((kx, ky)).or_default().push(id);
        id
    }

    /// A ring of points as vertex ids, with repeats of the same id in a row removed.
    pub fn ring(&mut self, points: &[Point]) -> Vec<usize> {
        let mut ids: Vec<usize> = points.iter().map(|p| self.id(*p)).collect();
        ids.dedup();
        while ids.len() > 1 && ids[0] == ids[ids.len() - 1] {
            ids.pop();
        }
        if ids.len() < 3 {
            ids.clear();
        }
        ids
    }

    /// The point of a vertex id.
    pub fn point(&self, id: usize) -> Point {
        self.points.get(id).copied().unwrap_or([f64::NAN, f64::NAN])
    }
}

/// The outline of the union of equally oriented rings (vertex ids): directed edges
/// whose reverse also occurs cancel, the rest are chained into closed rings. `None`
/// when the remaining edges do not close into rings (inconsistent input).
pub fn union_outline(rings: &[&[usize]]) -> Option<Vec<Vec<usize>>> {
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for ring in rings {
        for (k, &u) in ring.iter().enumerate() {
            let v = ring[(k + 1) % ring.len()];
            if u != v {
                edges.push((u, v));
            }
        }
    }
    let mut count: HashMap<(usize, usize), usize> = HashMap::new();
    for e in &edges {
        *count.entry(*e).or_default() += 1;
    }
    let outer: Vec<(usize, usize)> = edges
        .iter()
        .copied()
        .filter(|&(u, v)| !count.contains_key(&(v, u)))
        .collect();
    let mut from: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, (u, _)) in outer.iter().enumerate() {
        from.entry(*u).or_default().push(k);
    }
    let mut used = vec![false; outer.len()];
    let mut result = Vec::new();
    for start in 0..outer.len() {
        if used[start] {
            continue;
        }
        used[start] = true;
        let (first, mut cur) = outer[start];
        let mut ring = vec![first];
        let mut guard = 0;
        while cur != first {
            guard += 1;
            if guard > outer.len() {
                return None;
            }
            ring.push(cur);
            let next = from.get(&cur)?.iter().copied().find(|&k| !used[k])?;
            used[next] = true;
            cur = outer[next].1;
        }
        if ring.len() >= 3 {
            result.push(ring);
        }
    }
    Some(result)
}

/// Chains undirected segments (vertex-id pairs) into as few polylines as a greedy walk
/// finds; a closed loop comes back with its first id repeated at the end.
pub fn chain_segments(segments: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut at: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, &(u, v)) in segments.iter().enumerate() {
        at.entry(u).or_default().push(k);
        at.entry(v).or_default().push(k);
    }
    let mut used = vec![false; segments.len()];
    let take = |v: usize, used: &mut Vec<bool>| -> Option<usize> {
        let k = at.get(&v)?.iter().copied().find(|&k| !used[k])?;
        used[k] = true;
        let (a, b) = segments[k];
        Some(if a == v { b } else { a })
    };
    let mut lines = Vec::new();
    for k in 0..segments.len() {
        if used[k] || segments[k].0 == segments[k].1 {
            continue;
        }
        used[k] = true;
        let (a, b) = segments[k];
        let mut forward = vec![a, b];
        while let Some(next) = take(forward[forward.len() - 1], &mut used) {
            forward.push(next);
        }
        let mut backward = Vec::new();
        if forward[0] != forward[forward.len() - 1] {
            let mut cur = a;
            while let Some(next) = take(cur, &mut used) {
                backward.push(next);
                cur = next;
            }
        }
        backward.reverse();
        backward.extend(forward);
        lines.push(backward);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welding_merges_near_points_only() {
        let mut w = Welder::new(0.01);
        let a = w.id([1.0, 1.0]);
        let b = w.id([1.004, 0.998]);
        let c = w.id([1.02, 1.0]);
        let d = w.id([-1.0, -1.0]);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(a, d);
        assert_eq!(w.point(a), [1.0, 1.0]);
        assert!(w.point(99)[0].is_nan());
        assert_eq!(
            w.ring(&[[1.0, 1.0], [1.001, 1.0], [2.0, 1.0], [2.0, 2.0], [1.0, 1.0]])
                .len(),
            3
        );
        assert!(w.ring(&[[1.0, 1.0], [2.0, 1.0]]).is_empty());
        let mut bad = Welder::new(f64::NAN);
        assert_eq!(bad.id([0.0, 0.0]), bad.id([0.0, 0.0]));
    }

    #[test]
    fn union_of_two_squares_is_a_rectangle() {
        // 0-1-2 / 3-4-5 grid, two squares sharing the edge 1–4.
        let left = [0usize, 1, 4, 3];
        let right = [1usize, 2, 5, 4];
        let out = union_outline(&[&left, &right]).unwrap();
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].len(), 6);
        // Disjoint squares give two rings.
        let far = [10usize, 11, 12, 13];
        assert_eq!(union_outline(&[&left, &far]).unwrap().len(), 2);
        // Triangles sharing the edge 1–2.
        assert_eq!(
            union_outline(&[&[0usize, 1, 2][..], &[2usize, 1, 7][..]]).unwrap(),
            vec![vec![0, 1, 7, 2]]
        );
        // Overlapping input (0→1 twice, 1→0 once) leaves edges that do not close.
        assert!(union_outline(&[
            &[0usize, 1, 2][..],
            &[0usize, 1, 3][..],
            &[1usize, 0, 4][..]
        ])
        .is_none());
        assert!(union_outline(&[]).unwrap().is_empty());
    }

    #[test]
    fn union_of_triangles_sharing_an_edge() {
        let a = [0usize, 1, 2];
        let b = [1usize, 3, 2];
        assert_eq!(union_outline(&[&a, &b]).unwrap(), vec![vec![0, 1, 3, 2]]);
    }

    #[test]
    fn chaining_segments() {
        let segs = [(1, 2), (5, 6), (2, 3), (0, 1), (6, 7), (7, 5), (4, 4)];
        let lines = chain_segments(&segs);
        assert_eq!(lines, vec![vec![0, 1, 2, 3], vec![5, 6, 7, 5]]);
        assert!(chain_segments(&[]).is_empty());
    }
}
