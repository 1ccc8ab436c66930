//! Drawing a boundary file: its features matched to the areas of a level by code and
//! projected like the schematic (north up, far-away groups in an inset) into one SVG path
//! per area, with the features and areas that did not match listed.

use std::collections::HashMap;

use crate::model::{Area, AreaLevel};

use super::{Boundaries, BoundaryFeature, BoundaryMap};
use crate::geo::inset::{far_groups, place_inset, Group, InsetStyle, DEFAULT_THRESHOLD_KM};
use crate::geo::path::PathData;
use crate::geo::polygon::{area, centroid, Point};
use crate::geo::projection::{is_valid_lon_lat, Affine, GeoBounds, Projection};
use crate::geo::shape::AreaShape;
use crate::model::AreaTree;

/// Even-odd point-in-polygon over several rings (holes included).
fn inside_rings(rings: &[Vec<Point>], p: Point) -> bool {
    rings
        .iter()
        .filter(|r| crate::geo::polygon::contains(r, p))
        .count()
        % 2
        == 1
}

impl Boundaries {
    /// Matches features to the areas of `level` by code and projects them into a map
    /// `width` wide (north up, far-away groups in a top-left inset, as in the
    /// schematic). Several features with the same code are drawn as one shape.
    pub fn to_level_paths(&self, areas: &[Area], level: AreaLevel, width: f64) -> BoundaryMap {
        self.to_level_paths_with(
            areas,
            level,
            width,
            DEFAULT_THRESHOLD_KM,
            &InsetStyle::default(),
        )
    }

    /// [`Boundaries::to_level_paths`] with an explicit inset threshold and style.
    pub fn to_level_paths_with(
        &self,
        areas: &[Area],
        level: AreaLevel,
        width: f64,
        threshold_km: f64,
        style: &InsetStyle,
    ) -> BoundaryMap {
        let width = if width.is_finite() && width > 0.0 {
            width
        } else {
            1000.0
        };
        let margin = width * 0.012;
        let h = AreaTree::new(areas);
        let mut by_code: HashMap<&str, usize> = HashMap::new();
        for (i, a) in areas.iter().enumerate() {
            if a.level == level && h.is_primary(i) {
                by_code.entry(a.code.trim()).or_insert(i);
            }
        }
        let matched: Vec<Option<usize>> = self
            .features
            .iter()
            .map(|f| by_code.get(f.code.as_str()).copied())
            .collect();
        let any_matched = matched.iter().any(Option::is_some);

        // Group the drawn features by region (unmatched features are not drawn; they
        // only shape the frame when nothing matches).
        let mut group_key: HashMap<usize, usize> = HashMap::new();
        let mut groups: Vec<Group> = Vec::new();
        let mut group_area: Vec<Option<usize>> = Vec::new();
        let mut feature_group: Vec<Option<usize>> = vec![None; self.features.len()];
        for (fi, f) in self.features.iter().enumerate() {
            if any_matched && matched[fi].is_none() {
                continue;
            }
            let root = matched[fi].and_then(|a| h.group(a));
            let g = match root {
                Some(r) => *group_key.entry(r).or_insert_with(|| {
                    groups.push(Group {
                        anchor: [f64::NAN, f64::NAN],
                        bounds: GeoBounds::empty(),
                        weight: 0,
                    });
                    group_area.push(Some(r));
                    groups.len() - 1
                }),
                None => {
                    groups.push(Group {
                        anchor: [f64::NAN, f64::NAN],
                        bounds: GeoBounds::empty(),
                        weight: 0,
                    });
                    group_area.push(None);
                    groups.len() - 1
                }
            };
            for ring in f.polygons.iter().flatten() {
                for p in ring {
                    groups[g].bounds.extend(*p);
                }
            }
            groups[g].weight += 1;
            feature_group[fi] = Some(g);
        }
        for (g, group) in groups.iter_mut().enumerate() {
            let own = group_area[g]
                .map(|a| areas[a].centroid)
                .filter(|c| is_valid_lon_lat(*c));
            group.anchor = own
                .or_else(|| group.bounds.center())
                .unwrap_or([f64::NAN, f64::NAN]);
        }
        let group_inset = far_groups(&groups, threshold_km);
        let bounds_of = |inset: bool| {
            groups
                .iter()
                .zip(&group_inset)
                .filter(|(_, i)| **i == inset)
                .fold(GeoBounds::empty(), |b, (g, _)| b.union(&g.bounds))
        };

        let mut map = BoundaryMap {
            level,
            width,
            height: width * 0.75,
            inset: None,
            inset_areas: Vec::new(),
            areas: Vec::new(),
            unmatched_features: Vec::new(),
            areas_without_feature: Vec::new(),
            projection: None,
            inset_projection: None,
        };
        for (fi, f) in self.features.iter().enumerate() {
            if matched[fi].is_none() && !map.unmatched_features.contains(&f.code) {
                map.unmatched_features.push(f.code.clone());
            }
        }
        let mut has_feature = vec![false; areas.len()];
        for a in matched.iter().flatten() {
            has_feature[*a] = true;
        }
        map.areas_without_feature = (0..areas.len())
            .filter(|&i| areas[i].level == level && h.is_primary(i) && !has_feature[i])
            .map(|i| areas[i].id.clone())
            .collect();

        let Some((mut projection, mut height)) = Projection::fit(&bounds_of(false), width, margin)
        else {
            return map;
        };
        let project_feature = |f: &BoundaryFeature, p: &Projection| -> Vec<Vec<Point>> {
            f.polygons
                .iter()
                .flatten()
                .map(|r| r.iter().map(|q| p.project(*q)).collect())
                .collect()
        };
        let inset_bounds = bounds_of(true);
        if let Some(center) = inset_bounds.center() {
            let mainland: Vec<Vec<Point>> = self
                .features
                .iter()
                .enumerate()
                .filter(|(fi, _)| feature_group[*fi].is_some_and(|g| !group_inset[g]))
                .flat_map(|(_, f)| project_feature(f, &projection))
                .collect();
            let local = Projection::local_km(center);
            let a = local.project([inset_bounds.min_lon, inset_bounds.max_lat]);
            let b = local.project([inset_bounds.max_lon, inset_bounds.min_lat]);
            let aspect = (b[0] - a[0]).max(0.01) / (b[1] - a[1]).max(0.01);
            let layout = place_inset(width, height, aspect, style, &mainland);
            projection = projection.then(&Affine {
                scale: 1.0,
                dx: 0.0,
                dy: layout.shift_y,
            });
            height = layout.height;
            map.inset = Some(layout.rect);
            map.inset_projection = Projection::fit_into(&inset_bounds, &layout.content, 0.0);
        }
        map.height = height;
        map.projection = Some(projection);

        for (ai, a) in areas.iter().enumerate() {
            if !has_feature[ai] {
                continue;
            }
            let fs: Vec<usize> = (0..self.features.len())
                .filter(|&fi| matched[fi] == Some(ai))
                .collect();
            let in_inset = fs
                .iter()
                .any(|&fi| feature_group[fi].is_some_and(|g| group_inset[g]));
            let Some(proj) = (if in_inset {
                map.inset_projection
            } else {
                Some(projection)
            }) else {
                continue;
            };
            let rings: Vec<Vec<Point>> = fs
                .iter()
                .flat_map(|&fi| project_feature(&self.features[fi], &proj))
                .collect();
            let mut d = PathData::new();
            for r in &rings {
                d.ring(r);
            }
            let own = is_valid_lon_lat(a.centroid).then(|| proj.project(a.centroid));
            let anchor = match own {
                Some(p) if inside_rings(&rings, p) => Some(p),
                _ => rings
                    .iter()
                    .max_by(|x, y| area(x).total_cmp(&area(y)))
                    .and_then(|r| centroid(r)),
            };
            if in_inset {
                map.inset_areas.push(a.id.clone());
            }
            map.areas.push(AreaShape {
                id: a.id.clone(),
                d: d.into_string(),
                anchor: anchor.or(own).unwrap_or([0.0, 0.0]),
                in_inset,
            });
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::boundaries::parse_boundaries;
    use crate::geo::testdata::{area, collection, square_feature};

    #[test]
    fn matches_codes_and_puts_far_features_in_the_inset() {
        let areas = vec![
            area("R1", AreaLevel::Region, None, 106.85, -6.15),
            area("R2", AreaLevel::Region, None, 106.60, -5.70),
            area("K1", AreaLevel::Kecamatan, Some("R1"), 106.80, -6.20),
            area("K2", AreaLevel::Kecamatan, Some("R1"), 106.90, -6.10),
            area("K3", AreaLevel::Kecamatan, Some("R2"), 106.60, -5.70),
            area("K4", AreaLevel::Kecamatan, Some("R1"), 106.95, -6.30),
            area("K5", AreaLevel::Kecamatan, Some("R1"), 106.80, -6.10),
        ];
        let text = collection(&[
            square_feature("K1", 106.75, -6.25, 0.1),
            square_feature("K2", 106.85, -6.15, 0.1),
            square_feature("K3", 106.55, -5.75, 0.1),
            square_feature("K3", 106.65, -5.65, 0.05),
            square_feature("X9", 110.0, -7.0, 0.1),
            square_feature("K5", 106.75, -6.15, 0.1),
        ]);
        let b = parse_boundaries(&text, "code").unwrap();
        let map = b.to_level_paths(&areas, AreaLevel::Kecamatan, 1000.0);
        assert_eq!(map.areas.len(), 4);
        assert_eq!(map.unmatched_features, vec!["X9"]);
        assert_eq!(map.areas_without_feature, vec!["K4"]);
        assert_eq!(map.inset_areas, vec!["K3"]);
        let inset = map.inset.unwrap();
        let k3 = map.areas.iter().find(|a| a.id == "K3").unwrap();
        assert!(k3.in_inset && inset.contains(k3.anchor));
        assert_eq!(k3.d.matches('M').count(), 2);
        let k1 = map.areas.iter().find(|a| a.id == "K1").unwrap();
        assert!(!k1.in_inset && !inset.contains(k1.anchor));
        // The mainland fills the width.
        let p = map.projection.unwrap();
        let west = p.project([106.75, -6.2])[0];
        let east = p.project([106.95, -6.2])[0];
        assert!(
            (west - 12.0).abs() < 1e-6 && (east - 988.0).abs() < 1e-6,
            "{west} {east}"
        );
        // The anchor is the area's centroid when inside its shape.
        let c = p.project([106.80, -6.20]);
        assert!((k1.anchor[0] - c[0]).abs() < 1e-9 && (k1.anchor[1] - c[1]).abs() < 1e-9);
        // No match at another level: nothing drawn, everything reported.
        let none = b.to_level_paths(&areas, AreaLevel::Region, 1000.0);
        assert!(none.areas.is_empty());
        assert_eq!(none.unmatched_features, vec!["K1", "K2", "K3", "X9", "K5"]);
        assert_eq!(none.areas_without_feature, vec!["R1", "R2"]);
        assert!(none.height.is_finite());
        // Bad width.
        assert_eq!(
            b.to_level_paths(&areas, AreaLevel::Kecamatan, f64::NAN)
                .width,
            1000.0
        );
        assert_eq!(
            b.to_level_paths(&[], AreaLevel::Kecamatan, 800.0)
                .unmatched_features
                .len(),
            5
        );
    }
}
