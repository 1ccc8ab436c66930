//! Records ⇄ rows, one pair of functions per entity. Each writer emits its cells in the
//! column order of `spec.rs`; each reader reads cells by column name, so a spreadsheet may
//! reorder or leave out optional columns.

use super::cells::{Cells, RowOut};
use super::spec::{ACTIONS_ARE, AREA_LEVELS, HAZARD_KINDS, STATUSES, STATUS_BASES, TIES};
use crate::model::types::*;

/// The `meta.csv` values, in the order of `spec::META`'s fields (texts expanded).
pub fn write_meta(schema: &Option<String>, m: &Meta) -> Vec<String> {
    let dc = &m.declared_counts;
    let mut o = RowOut::default();
    o.opt(schema)
        .s(&m.id)
        .text(&m.title)
        .text(&m.city)
        .text(&m.vision)
        .opt(&m.published)
        .opt(&m.dataset_date)
        .s(&m.licence)
        .opt(&m.editors)
        .code(&m.actions_are)
        .opt(&dc.pillars)
        .opt(&dc.goals)
        .opt(&dc.strategies)
        .opt(&dc.actions)
        .list(&dc.sources)
        .opt_text(&m.note)
        .flag(m.synthetic)
        .list(&m.sources);
    o.cells
}

/// Reads `meta.csv`'s values (and the dataset's `$schema`).
pub fn read_meta(c: &mut Cells) -> (Option<String>, Meta) {
    let meta = Meta {
        id: c.s("id"),
        title: c.text("title"),
        city: c.text("city"),
        vision: c.text("vision"),
        published: c.opt("published"),
        dataset_date: c.opt("dataset_date"),
        licence: c.s("licence"),
        editors: c.opt("editors"),
        actions_are: c.opt_enum("actions_are", ACTIONS_ARE).unwrap_or_default(),
        declared_counts: DeclaredCounts {
            pillars: c.num(
                "declared_counts_pillars",
                ("a whole number", "bilangan bulat"),
            ),
            goals: c.num(
                "declared_counts_goals",
                ("a whole number", "bilangan bulat"),
            ),
            strategies: c.num(
                "declared_counts_strategies",
                ("a whole number", "bilangan bulat"),
            ),
            actions: c.num(
                "declared_counts_actions",
                ("a whole number", "bilangan bulat"),
            ),
            sources: c.list("declared_counts_sources"),
        },
        note: c.opt_text("note"),
        synthetic: c.flag("synthetic"),
        sources: c.list("sources"),
    };
    (c.opt("$schema"), meta)
}

pub fn write_source(x: &Source) -> Vec<String> {
    let mut o = RowOut::default();
    o.s(&x.id)
        .s(&x.title)
        .s(&x.publisher)
        .opt(&x.date)
        .opt(&x.url);
    o.cells
}

pub fn read_source(c: &mut Cells) -> Source {
    Source {
        id: c.s("id"),
        title: c.s("title"),
        publisher: c.s("publisher"),
        date: c.opt("date"),
        url: c.opt("url"),
    }
}

pub fn write_pillar(x: &Pillar) -> Vec<String> {
    let mut o = RowOut::default();
    o.s(&x.id)
        .text(&x.name)
        .text(&x.definition)
        .list(&x.sources)
        .prov(&x.provenance);
    o.cells
}

pub fn read_pillar(c: &mut Cells) -> Pillar {
    Pillar {
        id: c.s("id"),
        name: c.text("name"),
        definition: c.text("definition"),
        targets: Vec::new(),
        sources: c.list("sources"),
        provenance: c.prov(),
    }
}

pub fn write_target(pillar: &str, x: &Target) -> Vec<String> {
    let mut o = RowOut::default();
    o.s(pillar)
        .s(&x.id)
        .text(&x.text)
        .opt(&x.year)
        .list(&x.sources)
        .prov(&x.provenance);
    o.cells
}

/// Reads a target and the id of its pillar.
pub fn read_target(c: &mut Cells) -> (String, Target) {
    let pillar = c.s("pillar");
    let t = Target {
        id: c.s("id"),
        text: c.text("text"),
        year: c.year("year", ("a year such as 2030", "tahun seperti 2030")),
        sources: c.list("sources"),
        provenance: c.prov(),
    };
    (pillar, t)
}

pub fn write_goal(x: &Goal) -> Vec<String> {
    let mut o = RowOut::default();
    o.s(&x.id)
        .s(&x.pillar)
        .text(&x.name)
        .list(&x.sources)
        .prov(&x.provenance);
    o.cells
}

pub fn read_goal(c: &mut Cells) -> Goal {
    Goal {
        id: c.s("id"),
        pillar: c.s("pillar"),
        name: c.text("name"),
        sources: c.list("sources"),
        provenance: c.prov(),
    }
}

pub fn write_strategy(x: &Strategy) -> Vec<String> {
    let mut o = RowOut::default();
    o.s(&x.id)
        .s(&x.goal)
        .text(&x.name)
        .list(&x.sources)
        .prov(&x.provenance);
    o.cells
}

pub fn read_strategy(c: &mut Cells) -> Strategy {
    Strategy {
        id: c.s("id"),
        goal: c.s("goal"),
        name: c.text("name"),
        sources: c.list("sources"),
        provenance: c.prov(),
    }
}

pub fn write_hazard(x: &Hazard) -> Vec<String> {
    let mut o = RowOut::default();
    o.s(&x.id)
        .code(&x.kind)
        .text(&x.name)
        .opt_text(&x.description)
        .list(&x.sources)
        .prov(&x.provenance);
    o.cells
}

pub fn read_hazard(c: &mut Cells) -> Hazard {
    Hazard {
        id: c.s("id"),
        kind: c.req_enum("kind", HAZARD_KINDS, HazardKind::Shock),
        name: c.text("name"),
        description: c.opt_text("description"),
        sources: c.list("sources"),
        provenance: c.prov(),
    }
}

pub fn write_focus_area(x: &FocusArea) -> Vec<String> {
    let mut o = RowOut::default();
    o.s(&x.id)
        .text(&x.name)
        .list(&x.pillars)
        .list(&x.sources)
        .prov(&x.provenance);
    o.cells
}

pub fn read_focus_area(c: &mut Cells) -> FocusArea {
    FocusArea {
        id: c.s("id"),
        name: c.text("name"),
        pillars: c.list("pillars"),
        sources: c.list("sources"),
        provenance: c.prov(),
    }
}

pub fn write_crf_dimension(x: &CrfDimension) -> Vec<String> {
    let mut o = RowOut::default();
    o.s(&x.id)
        .text(&x.name)
        .opt_text(&x.description)
        .list(&x.sources)
        .prov(&x.provenance);
    o.cells
}

pub fn read_crf_dimension(c: &mut Cells) -> CrfDimension {
    CrfDimension {
        id: c.s("id"),
        name: c.text("name"),
        description: c.opt_text("description"),
        sources: c.list("sources"),
        provenance: c.prov(),
    }
}

pub fn write_crf_driver(x: &CrfDriver) -> Vec<String> {
    let mut o = RowOut::default();
    o.s(&x.id)
        .s(&x.dimension)
        .text(&x.name)
        .list(&x.sources)
        .prov(&x.provenance);
    o.cells
}

pub fn read_crf_driver(c: &mut Cells) -> CrfDriver {
    CrfDriver {
        id: c.s("id"),
        dimension: c.s("dimension"),
        name: c.text("name"),
        sources: c.list("sources"),
        provenance: c.prov(),
    }
}

pub fn write_crf_quality(x: &CrfQuality) -> Vec<String> {
    let mut o = RowOut::default();
    o.s(&x.id)
        .text(&x.name)
        .opt_text(&x.definition)
        .list(&x.sources)
        .prov(&x.provenance);
    o.cells
}

pub fn read_crf_quality(c: &mut Cells) -> CrfQuality {
    CrfQuality {
        id: c.s("id"),
        name: c.text("name"),
        definition: c.opt_text("definition"),
        sources: c.list("sources"),
        provenance: c.prov(),
    }
}

pub fn write_ranking(x: &Ranking) -> Vec<String> {
    let mut o = RowOut::default();
    o.s(&x.id)
        .text(&x.title)
        .opt_text(&x.description)
        .list(&x.shocks)
        .list(&x.stresses)
        .list(&x.sources)
        .prov(&x.provenance);
    o.cells
}

pub fn read_ranking(c: &mut Cells) -> Ranking {
    Ranking {
        id: c.s("id"),
        title: c.text("title"),
        description: c.opt_text("description"),
        shocks: c.list("shocks"),
        stresses: c.list("stresses"),
        sources: c.list("sources"),
        provenance: c.prov(),
    }
}

pub fn write_action(x: &Action) -> Vec<String> {
    let tf = x.timeframe.clone().unwrap_or_default();
    let mut o = RowOut::default();
    o.s(&x.id)
        .text(&x.title)
        .opt_text(&x.description)
        .list(&x.pillars)
        .list(&x.goals)
        .list(&x.strategies)
        .list(&x.hazards)
        .list(&x.focus_areas)
        .list(&x.crf_drivers)
        .list(&x.crf_qualities)
        .list(&x.areas)
        .opt(&x.lead)
        .list(&x.partners)
        .opt_code(&x.status)
        .opt_code(&x.status_basis)
        .opt(&tf.start)
        .opt(&tf.end)
        .opt_text(&tf.note)
        .opt_code(&x.tie)
        .list(&x.sources)
        .prov(&x.provenance);
    o.cells
}

pub fn read_action(c: &mut Cells) -> Action {
    let id = c.s("id");
    let title = c.text("title");
    let description = c.opt_text("description");
    let pillars = c.list("pillars");
    let goals = c.list("goals");
    let strategies = c.list("strategies");
    let hazards = c.list("hazards");
    let focus_areas = c.list("focus_areas");
    let crf_drivers = c.list("crf_drivers");
    let crf_qualities = c.list("crf_qualities");
    let areas = c.list("areas");
    let lead = c.opt("lead");
    let partners = c.list("partners");
    let status = c.opt_enum("status", STATUSES);
    let status_basis = c.opt_enum("status_basis", STATUS_BASES);
    let tf = Timeframe {
        start: c.year(
            "timeframe_start",
            ("a year such as 2019", "tahun seperti 2019"),
        ),
        end: c.year(
            "timeframe_end",
            ("a year such as 2030", "tahun seperti 2030"),
        ),
        note: c.opt_text("timeframe_note"),
    };
    let timeframe = (tf != Timeframe::default()).then_some(tf);
    let tie = c.opt_enum("tie", TIES);
    Action {
        id,
        title,
        description,
        pillars,
        goals,
        strategies,
        hazards,
        focus_areas,
        crf_drivers,
        crf_qualities,
        areas,
        lead,
        partners,
        status,
        status_basis,
        timeframe,
        tie,
        sources: c.list("sources"),
        provenance: c.prov(),
    }
}

pub fn write_area(x: &Area) -> Vec<String> {
    let mut o = RowOut::default();
    o.s(&x.id)
        .s(&x.code)
        .code(&x.level)
        .opt(&x.parent)
        .s(&x.name)
        .opt(&x.name_en)
        .s(&x.centroid[0].to_string())
        .s(&x.centroid[1].to_string())
        .opt(&x.population)
        .list(&x.sources)
        .prov(&x.provenance);
    o.cells
}

pub fn read_area(c: &mut Cells) -> Area {
    Area {
        id: c.s("id"),
        code: c.s("code"),
        level: c.req_enum("level", AREA_LEVELS, AreaLevel::Region),
        parent: c.opt("parent"),
        name: c.s("name"),
        name_en: c.opt("name_en"),
        centroid: [c.decimal("lon", true), c.decimal("lat", true)],
        population: c.num("population", ("a whole number", "bilangan bulat")),
        sources: c.list("sources"),
        provenance: c.prov(),
    }
}

pub fn write_event(x: &TimelineEvent) -> Vec<String> {
    let mut o = RowOut::default();
    o.s(&x.id)
        .s(&x.date)
        .text(&x.title)
        .opt_text(&x.description)
        .opt_text(&x.participants)
        .opt(&x.participant_count)
        .opt(&x.place)
        .list(&x.sources)
        .prov(&x.provenance);
    o.cells
}

pub fn read_event(c: &mut Cells) -> TimelineEvent {
    TimelineEvent {
        id: c.s("id"),
        date: c.s("date"),
        title: c.text("title"),
        description: c.opt_text("description"),
        participants: c.opt_text("participants"),
        participant_count: c.num("participant_count", ("a whole number", "bilangan bulat")),
        place: c.opt("place"),
        sources: c.list("sources"),
        provenance: c.prov(),
    }
}
