//! One level of the schematic from its cells: each area's shape as the union outline of
//! the cells under it (one SVG path), its label anchor (its centroid when that falls inside,
//! else its largest cell's), and the borders between areas as one path of open lines.

use std::collections::HashMap;

use super::{LevelMap, SchematicCell};
use crate::geo::outline::{chain_segments, union_outline, Welder};
use crate::geo::path::PathData;
use crate::geo::polygon::{centroid, Point};
use crate::geo::projection::{is_valid_lon_lat, Projection};
use crate::geo::shape::AreaShape;
use crate::model::AreaTree;
use crate::model::{Area, AreaLevel};

/// The shapes and borders of `level`; `keys[c]` is the area of `level` that cell `c` is in.
#[allow(clippy::too_many_arguments)]
pub(super) fn level_map(
    level: AreaLevel,
    areas: &[Area],
    h: &AreaTree,
    cells: &[SchematicCell],
    keys: &[Option<usize>],
    ids: &[Vec<Vec<usize>>],
    welder: &Welder,
    projection: &Projection,
    inset_projection: Option<&Projection>,
) -> LevelMap {
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (c, key) in keys.iter().enumerate() {
        if let Some(a) = key {
            members.entry(*a).or_default().push(c);
        }
    }
    let mut shapes = Vec::new();
    for (a, area_def) in areas.iter().enumerate() {
        if area_def.level != level || !h.is_primary(a) {
            continue;
        }
        let Some(list) = members.get(&a) else {
            continue;
        };
        let in_inset = list.iter().any(|&c| cells[c].in_inset);
        let mut d = PathData::new();
        let rings: Vec<&[usize]> = list
            .iter()
            .flat_map(|&c| ids[c].iter().map(Vec::as_slice))
            .filter(|r| !r.is_empty())
            .collect();
        match union_outline(&rings) {
            Some(outline) => {
                for ring in outline {
                    let pts: Vec<Point> = ring.iter().map(|&v| welder.point(v)).collect();
                    d.ring(&pts);
                }
            }
            None => {
                for poly in list.iter().flat_map(|&c| &cells[c].polygons) {
                    d.ring(poly);
                }
            }
        }
        let proj = if in_inset {
            inset_projection
        } else {
            Some(projection)
        };
        let projected = proj
            .filter(|_| is_valid_lon_lat(area_def.centroid))
            .map(|p| p.project(area_def.centroid));
        let anchor = match projected {
            Some(p) if list.iter().any(|&c| cells[c].contains(p)) => Some(p),
            _ => list
                .iter()
                .max_by(|&&x, &&y| cells[x].area().total_cmp(&cells[y].area()))
                .and_then(|&c| cells[c].polygons.first())
                .and_then(|poly| centroid(poly)),
        };
        shapes.push(AreaShape {
            id: area_def.id.clone(),
            d: d.into_string(),
            anchor: anchor.unwrap_or([0.0, 0.0]),
            in_inset,
        });
    }

    // Borders: edges used by one cell only (the outline) or by two cells of different areas.
    let mut edge_index: HashMap<(usize, usize), usize> = HashMap::new();
    let mut edges: Vec<((usize, usize), usize, usize, bool)> = Vec::new();
    for (c, rings) in ids.iter().enumerate() {
        let Some(key) = keys[c] else { continue };
        for ring in rings {
            for (k, &u) in ring.iter().enumerate() {
                let v = ring[(k + 1) % ring.len()];
                let e = (u.min(v), u.max(v));
                match edge_index.get(&e) {
                    Some(&n) => {
                        edges[n].2 += 1;
                        if edges[n].1 != key {
                            edges[n].3 = true;
                        }
                    }
                    None => {
                        edge_index.insert(e, edges.len());
                        edges.push((e, key, 1, false));
                    }
                }
            }
        }
    }
    let segments: Vec<(usize, usize)> = edges
        .iter()
        .filter(|(_, _, count, differ)| *count == 1 || *differ)
        .map(|(e, ..)| *e)
        .collect();
    let mut borders = PathData::new();
    for line in chain_segments(&segments) {
        let pts: Vec<Point> = line.iter().map(|&v| welder.point(v)).collect();
        borders.polyline(&pts);
    }
    LevelMap {
        level,
        areas: shapes,
        borders: borders.into_string(),
    }
}
