//! Hostile links and filters: queries (`?data=…`, filters, selections) that must never panic
//! and must come back canonical, and filter values that must never panic the index.

use super::*;

fn hostile_queries() -> Vec<String> {
    let mut q: Vec<String> = [
        "",
        "?",
        "??",
        "&&&",
        "?=&=&&==",
        "%",
        "%%",
        "%%%",
        "%zz",
        "%e2%82",
        "%ff%fe%fd",
        "?q=%",
        "?q=%4",
        "?q=%C3",
        "?view=%F0%9F%92%A9",
        "?view=peta&view=actions",
        "?lang=en&lang=id&lang=xx",
        "?step=99999999999999999999",
        "?step=-1",
        "?present=maybe",
        "?data=javascript:alert(1)",
        "?data=%20%20",
        "?boundaries=data:text/html,<script>",
        "?q=<script>alert(1)</script>",
        "?action=%00%00",
        "?area=\u{202e}31.71",
        "?status=done,,ongoing,ONGOING",
        "?prov=confirmed,%2C,derived",
        "?pillar=,,,,",
        "?lead=&lead=&lead=a",
        "?theme=dark&contrast=2",
        "?level=region%00",
        "?q=é&pillar=ñ",
        "?q=+++",
        "?view=actions#fragment",
        "?%3D=%3D",
        "?a=b=c=d",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    q.push(format!("?q={}", "a".repeat(MB)));
    q.push(format!("?pillar={}", ",".repeat(100_000)));
    q.push(format!("?{}", "pillar=a&".repeat(20_000)));
    q.push(format!("?{}", "%".repeat(100_000)));
    q.push(format!("?q={}", "%E2%80%AE".repeat(10_000)));
    q.push(format!(
        "?pillar={}",
        (0..5_000)
            .map(|i| format!("p{i}"))
            .collect::<Vec<_>>()
            .join(",")
    ));
    q
}

#[test]
fn hostile_queries_never_panic_and_stay_canonical() {
    let d = synthetic::generate(50, 40, 3);
    for (i, query) in hostile_queries().into_iter().enumerate() {
        let name = format!("query-{i}");
        let d = d.clone();
        guarded(&name, move || {
            let (mut s, _notices) = ViewState::from_query(&query);
            // Writing the state is canonical: reading it back writes the same link.
            let canonical = s.to_query();
            let (again, notices) = ViewState::from_query(&canonical);
            assert_eq!(again.to_query(), canonical, "{query:.80}");
            assert!(
                notices.is_empty(),
                "a canonical link has no notices: {notices:?}"
            );
            // Unknown references are dropped against a dataset; filtering still works.
            let _dropped = s.sanitize(&d);
            let idx = Index::new(&d);
            let m = idx.matching(&d, &s.filters);
            let c = idx.facet_counts(&d, &s.filters);
            assert_eq!(c.total, m.len());
        });
    }
}

#[test]
fn hostile_filters_never_panic() {
    let d = synthetic::generate(300, 120, 5);
    let big = "ä".repeat(64 * 1024);
    // Selections are sets: many values means many different ones.
    let many_big: Vec<String> = (0..100).map(|i| format!("{big}{i}")).collect();
    let many_big: Vec<&str> = many_big.iter().map(String::as_str).collect();
    let many_hazards: Vec<String> = (0..1000).map(|i| format!("h{i}")).collect();
    let many_hazards: Vec<&str> = many_hazards.iter().map(String::as_str).collect();
    let filters = vec![
        Filters::default().with(Facet::Query, &[&big]),
        Filters::default().with(Facet::Query, &["\u{202e}\u{200b}\u{0}"]),
        Filters::default().with(Facet::Area, &[&big]),
        Filters::default()
            .with(Facet::Area, &["r0"])
            .with(Facet::Status, &Status::ALL.map(Status::code)),
        Filters::default()
            .with(Facet::Pillar, &many_big)
            .with(Facet::Shock, &many_hazards)
            .with(Facet::Focus, &[&big]),
        Filters::default()
            .with(Facet::Lead, &["", &big])
            .with(Facet::Stress, &["h0"]),
    ];
    for (i, f) in filters.into_iter().enumerate() {
        let d = d.clone();
        guarded(&format!("filters-{i}"), move || {
            let idx = Index::new(&d);
            let m = idx.matching(&d, &f);
            let c = idx.facet_counts(&d, &f);
            assert_eq!(c.total, m.len());
        });
    }
}
