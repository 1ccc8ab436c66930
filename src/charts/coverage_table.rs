//! The overview's coverage at a glance as plain HTML (no SVG, no chart frame: it is part of
//! the first view): shocks and stresses (rows, grouped by kind) by pillar (columns), each
//! cell the number of actions serving that pillar and answering that shock or stress
//! (`model::coverage`), tinted by size (`shade_step`). A non-zero count is a link to the list
//! of exactly those actions (`cell_filters`), with a name that says what it counts; a gap
//! says 0 and links nowhere.

use crate::i18n::{self, count_text, format_int};
use crate::model::coverage::{cell_filters, coverage_matrix, shade_step};
use crate::model::escape::escape;
use crate::model::{Dataset, Filters, HazardKind, Lang};
use std::fmt::Write;

/// Shade steps of non-zero cells.
const SHADES: usize = 4;

/// The table of `d` in `lang` (`aligned`: its actions are aligned initiatives); `href`
/// gives the link of the list under some filters. Empty when there are no pillars or no
/// shocks and stresses.
pub fn coverage_table_html(
    d: &Dataset,
    lang: Lang,
    aligned: bool,
    href: &dyn Fn(Filters) -> String,
) -> String {
    if d.pillars.is_empty() || d.hazards.is_empty() {
        return String::new();
    }
    let t = i18n::texts(lang);
    let all: Vec<usize> = (0..d.actions.len()).collect();
    let m = coverage_matrix(d, &all);
    let max = m.max();
    let mut s = String::with_capacity(4096);
    let _ = write!(
        s,
        "<table class=\"coverage-grid\"><caption class=\"visually-hidden\">{}</caption><thead><tr><td></td>",
        escape(t.overview.coverage_title)
    );
    for p in &d.pillars {
        let _ = write!(
            s,
            "<th scope=\"col\" data-pillar=\"{}\"><span lang=\"id\">{}</span></th>",
            escape(&p.id),
            escape(&p.name.id)
        );
    }
    s.push_str("</tr></thead>");
    for (kind, cols) in [
        (HazardKind::Shock, 0..m.shock_columns),
        (HazardKind::Stress, m.shock_columns..m.columns.len()),
    ] {
        if cols.is_empty() {
            continue;
        }
        let group = match kind {
            HazardKind::Shock => t.overview.shocks,
            HazardKind::Stress => t.overview.stresses,
        };
        let _ = write!(
            s,
            "<tbody><tr class=\"cov-group\"><th scope=\"colgroup\" colspan=\"{}\">{}</th></tr>",
            d.pillars.len() + 1,
            escape(group)
        );
        for col in cols {
            let hid = &m.columns[col];
            let Some(h) = d.hazards.iter().find(|h| &h.id == hid) else {
                continue;
            };
            let hname = h.name.get(lang);
            let _ = write!(
                s,
                "<tr data-hazard=\"{}\"><th scope=\"row\">{}</th>",
                escape(hid),
                escape(hname)
            );
            for (p, row) in d.pillars.iter().zip(&m.rows) {
                let n = row.counts[col];
                let shade = shade_step(n, max, SHADES);
                let shown = format_int(n, lang);
                let _ = write!(
                    s,
                    "<td class=\"cov-cell shade-{shade}\" data-count=\"{n}\">"
                );
                match cell_filters(d, &p.id, hid).filter(|_| n > 0) {
                    Some(f) => {
                        let label = i18n::fill(
                            t.overview.coverage_cell,
                            &[
                                ("count", count_text(lang, n, aligned)),
                                ("pillar", p.name.id.clone()),
                                ("hazard", hname.to_string()),
                            ],
                        );
                        let _ = write!(
                            s,
                            "<a href=\"{}\" data-pillar=\"{}\" data-hazard=\"{}\" aria-label=\"{}\">{shown}</a>",
                            escape(&href(f)),
                            escape(&p.id),
                            escape(hid),
                            escape(&label)
                        );
                    }
                    None => s.push_str(&shown),
                }
                s.push_str("</td>");
            }
            s.push_str("</tr>");
        }
        s.push_str("</tbody>");
    }
    s.push_str("</table>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::coverage::coverage_matrix;
    use crate::model::{Facet, Index};

    fn jakarta() -> Dataset {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/jakarta.json"))
                .expect("the bundled dataset");
        crate::model::load_str(&text).dataset.expect("it loads")
    }

    /// The link of a cell names its pillar and its shock or stress.
    fn link(f: Filters) -> String {
        let hz = [Facet::Shock, Facet::Stress]
            .into_iter()
            .flat_map(|x| f.values(x).to_vec())
            .collect::<Vec<_>>();
        format!(
            "?p={}&h={}",
            f.values(Facet::Pillar).join(","),
            hz.join(",")
        )
    }

    #[test]
    fn every_count_is_a_link_to_a_list_of_that_many_and_gaps_say_0() {
        let d = jakarta();
        let html = coverage_table_html(&d, Lang::En, true, &link);
        let m = coverage_matrix(&d, &(0..d.actions.len()).collect::<Vec<_>>());
        let cells: Vec<usize> = m.rows.iter().flat_map(|r| r.counts.clone()).collect();
        assert_eq!(html.matches("<td class=\"cov-cell").count(), cells.len());
        let linked = cells.iter().filter(|&&n| n > 0).count();
        assert!(
            linked > 3 && linked < cells.len(),
            "counts and gaps: {linked} of {}",
            cells.len()
        );
        assert_eq!(html.matches("<a href=").count(), linked);
        assert_eq!(
            html.matches("data-count=\"0\">0</td>").count(),
            cells.len() - linked
        );
        // One cell in full: the link's filters list exactly as many actions as it shows.
        let index = Index::new(&d);
        let (p, r) = d.pillars.iter().zip(&m.rows).next().expect("a pillar");
        let (col, n) = r
            .counts
            .iter()
            .enumerate()
            .max_by_key(|c| c.1)
            .expect("a cell");
        let f = cell_filters(&d, &p.id, &m.columns[col]).expect("a hazard");
        assert_eq!(index.matching(&d, &f).len(), *n);
        let cell = format!(
            "<a href=\"{}\" data-pillar=\"{}\" data-hazard=\"{}\" aria-label=\"{n} initiatives: {}, ",
            escape(&link(f)),
            p.id,
            m.columns[col],
            p.name.id
        );
        assert!(html.contains(&cell), "{cell} in {html}");
    }

    #[test]
    fn texts_follow_the_language_and_names_are_escaped() {
        let mut d = jakarta();
        d.hazards[0].name.id = "Banjir <rob>".into();
        let id = coverage_table_html(&d, Lang::Id, true, &link);
        let en = coverage_table_html(&d, Lang::En, false, &link);
        assert!(id.contains("Banjir &lt;rob&gt;") && !id.contains("<rob>"));
        assert!(
            id.contains(">Guncangan<") || id.contains(">Guncangan</th>"),
            "{id}"
        );
        assert!(en.contains(" actions: ") && !en.contains(" initiatives: "));
        d.pillars.clear();
        assert_eq!(coverage_table_html(&d, Lang::En, true, &link), "");
    }
}
