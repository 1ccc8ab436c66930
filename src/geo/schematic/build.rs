//! Building the schematic: leaf areas become sites, far-away groups go to the inset, each
//! part gets its cells, the mainland is fitted to the width with the inset placed beside
//! it, and the cells are merged into the shapes of every level.

use std::collections::HashMap;

use super::cells::build_part;
use super::level::level_map;
use super::{LevelMap, SchematicCell, SchematicMap, SchematicOptions};
use crate::geo::inset::{far_groups, place_inset, Group};
use crate::geo::outline::Welder;
use crate::geo::polygon::Point;
use crate::geo::projection::{is_valid_lon_lat, Affine, GeoBounds, Rect};
use crate::model::AreaTree;
use crate::model::{Area, AreaLevel};

fn empty_map(opts: &SchematicOptions) -> SchematicMap {
    SchematicMap {
        width: opts.width,
        height: opts.width * 0.75,
        inset: None,
        inset_areas: Vec::new(),
        cells: Vec::new(),
        levels: AreaLevel::ALL
            .iter()
            .map(|&level| LevelMap {
                level,
                areas: Vec::new(),
                borders: String::new(),
            })
            .collect(),
        projection: None,
        inset_projection: None,
    }
}

/// Builds the schematic map of `areas`.
///
/// Sites are the leaf areas (those no other area names as parent) with a valid
/// centroid, normally the kelurahan. Areas whose centroid is missing or invalid get
/// no cell; an area with no descendant cell is left out of its level. Never panics.
pub fn build_schematic_with(areas: &[Area], opts: &SchematicOptions) -> SchematicMap {
    let opts = opts.sanitized();
    let h = AreaTree::new(areas);
    let valid = |i: usize| h.is_primary(i) && is_valid_lon_lat(areas[i].centroid);

    let mut has_child = vec![false; areas.len()];
    for i in (0..areas.len()).filter(|&i| valid(i)) {
        if let Some(p) = h.parent(i) {
            has_child[p] = true;
        }
    }
    let leaves: Vec<usize> = (0..areas.len())
        .filter(|&i| valid(i) && !has_child[i])
        .collect();
    if leaves.is_empty() {
        return empty_map(&opts);
    }

    // Group the leaves by region and decide which groups go to the inset.
    let mut group_of_root: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut sums: Vec<[f64; 2]> = Vec::new();
    let mut leaf_group = Vec::with_capacity(leaves.len());
    for &i in &leaves {
        let root = h.group(i).unwrap_or(i);
        let g = *group_of_root.entry(root).or_insert_with(|| {
            groups.push(Group {
                anchor: [f64::NAN, f64::NAN],
                bounds: GeoBounds::empty(),
                weight: 0,
            });
            roots.push(root);
            sums.push([0.0, 0.0]);
            groups.len() - 1
        });
        let c = areas[i].centroid;
        groups[g].bounds.extend(c);
        groups[g].weight += 1;
        sums[g] = [sums[g][0] + c[0], sums[g][1] + c[1]];
        leaf_group.push(g);
    }
    for (g, group) in groups.iter_mut().enumerate() {
        let root = areas[roots[g]].centroid;
        group.anchor = if is_valid_lon_lat(root) {
            root
        } else {
            let n = group.weight.max(1) as f64;
            [sums[g][0] / n, sums[g][1] / n]
        };
    }
    let group_inset = far_groups(&groups, opts.inset_threshold_km);
    let leaf_inset: Vec<bool> = leaf_group.iter().map(|&g| group_inset[g]).collect();

    // Cells of each part, in local km coordinates.
    let part_members = |inset: bool| -> Vec<usize> {
        (0..leaves.len())
            .filter(|&k| leaf_inset[k] == inset)
            .collect()
    };
    let (main_members, inset_members) = (part_members(false), part_members(true));
    let lon_lats = |members: &[usize]| -> Vec<[f64; 2]> {
        members.iter().map(|&k| areas[leaves[k]].centroid).collect()
    };
    let Some(main) = build_part(&lon_lats(&main_members), &opts) else {
        return empty_map(&opts);
    };
    let inset_part = if inset_members.is_empty() {
        None
    } else {
        build_part(&lon_lats(&inset_members), &opts)
    };

    // Fit the mainland to the width, then place the inset and move the mainland down if needed.
    let Some(content) = Rect::bounding(main.cells.iter().flatten().flatten().copied()) else {
        return empty_map(&opts);
    };
    let (mut main_affine, mut height) = Affine::fit_width(&content, opts.width, opts.margin);
    let mut inset_rect = None;
    let mut inset_affine = None;
    if let Some(part) = &inset_part {
        if let Some(ic) = Rect::bounding(part.cells.iter().flatten().flatten().copied()) {
            let rings: Vec<Vec<Point>> = main
                .cells
                .iter()
                .flatten()
                .map(|poly| poly.iter().map(|p| main_affine.apply(*p)).collect())
                .collect();
            let layout = place_inset(
                opts.width,
                height,
                ic.width / ic.height,
                &opts.inset,
                &rings,
            );
            main_affine.dy += layout.shift_y;
            height = layout.height;
            inset_rect = Some(layout.rect);
            inset_affine = Some(Affine::fit_into(&ic, &layout.content, 0.0));
        }
    }
    let projection = main.local.then(&main_affine);
    let inset_projection = inset_part
        .as_ref()
        .zip(inset_affine)
        .map(|(p, a)| p.local.then(&a));

    // Cells in map units, in dataset (leaf) order.
    let mut local_index = vec![0usize; leaves.len()];
    for (j, &k) in main_members.iter().enumerate() {
        local_index[k] = j;
    }
    for (j, &k) in inset_members.iter().enumerate() {
        local_index[k] = j;
    }
    let mut cells: Vec<SchematicCell> = Vec::new();
    let mut cell_area: Vec<usize> = Vec::new();
    for (k, &i) in leaves.iter().enumerate() {
        let (part, affine) = if leaf_inset[k] {
            match (&inset_part, inset_affine) {
                (Some(p), Some(a)) => (p, a),
                _ => continue,
            }
        } else {
            (&main, main_affine)
        };
        let j = local_index[k];
        let (Some(polys), Some(site)) = (part.cells.get(j), part.sites.get(j)) else {
            continue;
        };
        if polys.is_empty() {
            continue;
        }
        cells.push(SchematicCell {
            chain: h
                .chain_of(i)
                .into_iter()
                .map(|a| areas[a].id.clone())
                .collect(),
            site: affine.apply(*site),
            polygons: polys
                .iter()
                .map(|poly| poly.iter().map(|p| affine.apply(*p)).collect())
                .collect(),
            in_inset: leaf_inset[k],
        });
        cell_area.push(i);
    }

    // Shared vertices get one id so shared edges can be recognised.
    let mut welder = Welder::new(1e-3);
    let ids: Vec<Vec<Vec<usize>>> = cells
        .iter()
        .map(|c| c.polygons.iter().map(|poly| welder.ring(poly)).collect())
        .collect();

    let levels = AreaLevel::ALL
        .iter()
        .map(|&level| {
            let keys: Vec<Option<usize>> =
                cell_area.iter().map(|&i| h.ancestor_at(i, level)).collect();
            level_map(
                level,
                areas,
                &h,
                &cells,
                &keys,
                &ids,
                &welder,
                &projection,
                inset_projection.as_ref(),
            )
        })
        .collect();

    let mut in_inset = vec![false; areas.len()];
    for (c, &i) in cells.iter().zip(&cell_area) {
        if c.in_inset {
            for a in h.chain_of(i) {
                in_inset[a] = true;
            }
        }
    }
    let inset_areas = (0..areas.len())
        .filter(|&i| in_inset[i])
        .map(|i| areas[i].id.clone())
        .collect();

    SchematicMap {
        width: opts.width,
        height,
        inset: inset_rect,
        inset_areas,
        cells,
        levels,
        projection: Some(projection),
        inset_projection,
    }
}
