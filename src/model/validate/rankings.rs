//! Checks of the rankings of shocks and stresses: each is a sourced record with a title,
//! lists at least one hazard, and lists each known hazard under its own kind, once.

use super::ids::Ids;
use super::Validator;
use crate::model::problem::{msg, quote};
use crate::model::types::{Dataset, HazardKind};

impl Validator<'_> {
    pub(super) fn rankings(&mut self, d: &Dataset, hazards: &Ids, sources: &Ids) {
        self.unique("rankings", d.rankings.iter().map(|x| x.id.as_str()));
        for (i, x) in d.rankings.iter().enumerate() {
            let p = format!("rankings[{i}]");
            self.record(&p, &x.id, &x.sources, &x.provenance, sources);
            self.text(&format!("{p}.title"), &x.title, true);
            if let Some(t) = &x.description {
                self.text(&format!("{p}.description"), t, false);
            }
            if x.shocks.is_empty() && x.stresses.is_empty() {
                self.err(
                    &p,
                    msg!(
                        "missing: a ranking lists at least one shock or stress",
                        "tidak ada: peringkat memuat sedikitnya satu guncangan atau tekanan",
                    ),
                );
            }
            for (field, list, want) in [
                ("shocks", &x.shocks, HazardKind::Shock),
                ("stresses", &x.stresses, HazardKind::Stress),
            ] {
                self.refs(&format!("{p}.{field}"), list, hazards);
                for (j, r) in list.iter().enumerate() {
                    let kind = d.hazards.iter().find(|h| &h.id == r).map(|h| h.kind);
                    if kind.is_some_and(|k| k != want) {
                        let q = quote(r);
                        let m = match want {
                            HazardKind::Shock => msg!(
                                "hazard {q} is a stress, but it is listed under shocks",
                                "{q} adalah tekanan, tetapi dicantumkan di bawah guncangan",
                            ),
                            HazardKind::Stress => msg!(
                                "hazard {q} is a shock, but it is listed under stresses",
                                "{q} adalah guncangan, tetapi dicantumkan di bawah tekanan",
                            ),
                        };
                        self.err(format!("{p}.{field}[{j}]"), m);
                    }
                }
            }
        }
    }
}
