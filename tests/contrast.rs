//! Colour contrast of every theme, computed from the stylesheets themselves (WCAG 2.1 1.4.3
//! and 1.4.11): the colour custom properties of style/main.css are read for each theme
//! block (light, dark by system preference, dark by choice, high contrast, and both combined
//! with presentation mode from style/present.css), then every text colour is checked against
//! every background it is drawn on (at least 4.5:1) and every mark, border and focus ring
//! that carries meaning against its background (at least 3:1). The chart palette
//! (`charts::palette`) and the map scale (`geo::choropleth`) have their own contrast tests
//! next to them; here they are checked against the backgrounds the stylesheets give them.

use jrs::charts::palette;
use jrs::geo::choropleth;
use jrs::model::colour::{self, Rgb};
use std::collections::BTreeMap;

type Vars = BTreeMap<String, String>;

/// One innermost CSS block: the chain of selectors / at-rules around it and its custom
/// properties (`--name: value`).
#[derive(Debug)]
struct Block {
    context: Vec<String>,
    vars: Vars,
}

/// A small CSS reader: enough for custom properties in (possibly nested) blocks.
fn blocks(css: &str) -> Vec<Block> {
    // Drop comments first.
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        text.push_str(&rest[..i]);
        match rest[i + 2..].find("*/") {
            Some(j) => rest = &rest[i + 2 + j + 2..],
            None => rest = "",
        }
    }
    text.push_str(rest);

    let mut out = Vec::new();
    // (selector, declarations written directly in this block)
    let mut stack: Vec<(String, String)> = Vec::new();
    let mut pending = String::new();
    for c in text.chars() {
        match c {
            '{' => {
                stack.push((pending.trim().to_string(), String::new()));
                pending.clear();
            }
            '}' => {
                let Some((sel, mut body)) = stack.pop() else {
                    continue;
                };
                body.push_str(&pending);
                pending.clear();
                let vars = declarations(&body);
                if !vars.is_empty() {
                    let mut context: Vec<String> = stack.iter().map(|(s, _)| s.clone()).collect();
                    context.push(sel);
                    out.push(Block { context, vars });
                }
            }
            ';' => {
                pending.push(';');
                if let Some((_, body)) = stack.last_mut() {
                    body.push_str(&pending);
                }
                pending.clear();
            }
            _ => pending.push(c),
        }
    }
    out
}

fn declarations(body: &str) -> Vars {
    body.split(';')
        .filter_map(|d| d.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .filter(|(k, _)| k.starts_with("--"))
        .collect()
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The custom properties of the block whose context is exactly `context`.
fn block_vars(all: &[Block], context: &[&str]) -> Vars {
    let want: Vec<String> = context.iter().map(|s| normalise(s)).collect();
    let found: Vec<&Block> = all
        .iter()
        .filter(|b| b.context.iter().map(|s| normalise(s)).collect::<Vec<_>>() == want)
        .collect();
    assert!(
        !found.is_empty(),
        "no CSS block {context:?} with custom properties (the stylesheet's theme blocks moved?)"
    );
    let mut vars = Vars::new();
    for b in found {
        vars.extend(b.vars.clone());
    }
    vars
}

fn merged(layers: &[&Vars]) -> Vars {
    let mut v = Vars::new();
    for l in layers {
        v.extend((*l).clone());
    }
    v
}

/// `#rgb` or `#rrggbb` → [r, g, b].
fn hex(value: &str) -> Option<[u8; 3]> {
    let h = value.trim().strip_prefix('#')?;
    let full: String = match h.len() {
        3 => h.chars().flat_map(|c| [c, c]).collect(),
        6 => h.to_string(),
        _ => return None,
    };
    let n = u32::from_str_radix(&full, 16).ok()?;
    Some([(n >> 16) as u8, (n >> 8) as u8, n as u8])
}

/// WCAG contrast ratio, computed by the project's one colour module.
fn ratio([r, g, b]: [u8; 3], [r2, g2, b2]: [u8; 3]) -> f64 {
    colour::contrast(Rgb(r, g, b), Rgb(r2, g2, b2))
}

fn colour(theme: &str, vars: &Vars, name: &str) -> [u8; 3] {
    let v = vars
        .get(name)
        .unwrap_or_else(|| panic!("{theme}: {name} is not defined"));
    hex(v).unwrap_or_else(|| panic!("{theme}: {name} is `{v}`, not a #hex colour"))
}

/// Text colours and the backgrounds they are drawn on (at least 4.5:1).
const TEXT_PAIRS: &[(&str, &[&str])] = &[
    (
        "--text",
        &[
            "--bg",
            "--surface",
            "--surface-2",
            "--chip",
            "--badge-confirmed-bg",
        ],
    ),
    ("--muted", &["--bg", "--surface", "--surface-2", "--chip"]),
    ("--link", &["--bg", "--surface"]),
    ("--accent", &["--bg", "--surface"]),
    ("--accent-text", &["--accent"]),
    ("--badge-confirmed", &["--badge-confirmed-bg"]),
    ("--badge-derived", &["--badge-derived-bg"]),
    ("--badge-illustrative", &["--badge-illustrative-bg"]),
    ("--badge-uncertain", &["--badge-uncertain-bg"]),
];

/// Marks that carry meaning and their backgrounds (at least 3:1): the focus ring, the
/// current-view underline and active chips (accent), form-control borders, the badge
/// outlines (drawn in the badge's text colour), the warning rule beside notes.
const MARK_PAIRS: &[(&str, &[&str])] = &[
    ("--focus", &["--bg", "--surface", "--surface-2"]),
    ("--accent", &["--bg", "--surface"]),
    ("--control-border", &["--bg", "--surface"]),
    ("--badge-confirmed", &["--bg", "--surface"]),
    ("--badge-derived", &["--bg", "--surface"]),
    ("--badge-illustrative", &["--bg", "--surface"]),
    ("--badge-uncertain", &["--bg", "--surface"]),
];

/// Every theme the visitor can get, as (name, custom properties after the cascade).
fn themes() -> Vec<(&'static str, Vars)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |f: &str| {
        std::fs::read_to_string(format!("{root}/style/{f}"))
            .unwrap_or_else(|e| panic!("style/{f}: {e}"))
    };
    let main = blocks(&read("main.css"));
    let map = blocks(&read("map.css"));
    let present = blocks(&read("present.css"));

    let light = merged(&[
        &block_vars(&main, &[":root"]),
        &block_vars(&map, &[":root"]),
    ]);
    let dark_system = merged(&[
        &block_vars(
            &main,
            &[
                "@media (prefers-color-scheme: dark)",
                ":root:not([data-theme=\"light\"])",
            ],
        ),
        &block_vars(
            &map,
            &[
                "@media (prefers-color-scheme: dark)",
                ":root:not([data-theme=\"light\"])",
            ],
        ),
    ]);
    let dark_chosen = merged(&[
        &block_vars(&main, &[":root[data-theme=\"dark\"]"]),
        &block_vars(&map, &[":root[data-theme=\"dark\"]"]),
    ]);
    let high = merged(&[
        &block_vars(&main, &[":root[data-contrast=\"high\"]"]),
        &block_vars(&map, &[":root[data-contrast=\"high\"]"]),
    ]);
    let presenting = block_vars(
        &present,
        &[":root[data-present]:not([data-contrast=\"high\"])"],
    );

    let dark = merged(&[&light, &dark_system]);
    vec![
        ("light", light.clone()),
        ("dark (system preference)", dark.clone()),
        ("dark (?theme=dark)", merged(&[&light, &dark_chosen])),
        ("high contrast", merged(&[&light, &high])),
        ("high contrast over dark", merged(&[&dark, &high])),
        ("presentation", merged(&[&light, &presenting])),
        ("presentation over dark", merged(&[&dark, &presenting])),
    ]
}

#[test]
fn the_reader_finds_nested_blocks() {
    let css = "/* x { --a: #fff; } */ :root { --a: #111; --b: #222 }\n\
               @media (prefers-color-scheme: dark) { :root:not([x]) { --a: #eee; } }\n\
               .c { color: red; }";
    let b = blocks(css);
    assert_eq!(b.len(), 2, "{b:?}");
    assert_eq!(b[0].context, vec![":root"]);
    assert_eq!(b[0].vars["--a"], "#111");
    assert_eq!(b[0].vars["--b"], "#222");
    assert_eq!(
        b[1].context,
        vec!["@media (prefers-color-scheme: dark)", ":root:not([x])"]
    );
    assert_eq!(hex("#000"), Some([0, 0, 0]));
    assert_eq!(hex("#b3261e"), Some([0xb3, 0x26, 0x1e]));
    assert!((ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
    // #767676 is the lightest grey with 4.5:1 on white.
    let grey = ratio([0x76, 0x76, 0x76], [255, 255, 255]);
    assert!((4.5..4.6).contains(&grey), "{grey}");
}

#[test]
fn dark_by_choice_equals_dark_by_system_preference() {
    let t = themes();
    let system = &t[1].1;
    let chosen = &t[2].1;
    let differ: Vec<_> = system
        .iter()
        .filter(|(k, v)| chosen.get(*k) != Some(*v))
        .map(|(k, v)| format!("{k}: {v} (system) vs {:?} (?theme=dark)", chosen.get(k)))
        .collect();
    assert!(
        differ.is_empty(),
        "the two dark blocks differ:\n{}",
        differ.join("\n")
    );
}

#[test]
fn every_text_colour_reaches_4_5_to_1_on_its_backgrounds() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (theme, vars) in themes() {
        for (fg, bgs) in TEXT_PAIRS {
            for bg in *bgs {
                let r = ratio(colour(theme, &vars, fg), colour(theme, &vars, bg));
                checked += 1;
                if r < 4.5 {
                    failures.push(format!("{theme}: {fg} on {bg} is {r:.2}:1"));
                }
            }
        }
    }
    assert!(checked > 100);
    assert!(
        failures.is_empty(),
        "text below 4.5:1:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_mark_reaches_3_to_1_on_its_backgrounds() {
    let mut failures = Vec::new();
    for (theme, vars) in themes() {
        for (fg, bgs) in MARK_PAIRS {
            for bg in *bgs {
                let r = ratio(colour(theme, &vars, fg), colour(theme, &vars, bg));
                if r < 3.0 {
                    failures.push(format!("{theme}: {fg} on {bg} is {r:.2}:1"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "marks below 3:1:\n{}",
        failures.join("\n")
    );
}

#[test]
fn map_areas_stand_out_from_the_map_frame() {
    // Each area is told apart from the frame around the map by its fill or, where the fill
    // is close to the frame, by its outline (WCAG 1.4.11, graphical objects).
    let mut failures = Vec::new();
    for (theme, vars) in themes() {
        let frame = colour(theme, &vars, "--map-frame");
        let border = colour(theme, &vars, "--map-border");
        let fills = choropleth::STEPS
            .iter()
            .chain([choropleth::ZERO_FILL].iter());
        for fill in fills {
            let f = hex(fill).expect("palette colour");
            let by_fill = ratio(f, frame);
            let by_outline = ratio(border, frame);
            if by_fill < 3.0 && by_outline < 3.0 {
                failures.push(format!(
                    "{theme}: area fill {fill} is {by_fill:.2}:1 on the frame and its outline \
                     --map-border only {by_outline:.2}:1"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn charts_are_drawn_on_the_palette_paper() {
    // The chart palette's contrast tests assume a white paper; the stylesheet must give the
    // chart frame exactly that background in every theme.
    let root = env!("CARGO_MANIFEST_DIR");
    let css = std::fs::read_to_string(format!("{root}/style/charts.css")).expect("charts.css");
    let frame = css
        .split(".chart-frame {")
        .nth(1)
        .and_then(|s| s.split('}').next())
        .expect("a .chart-frame rule");
    let bg = frame
        .split(';')
        .filter_map(|d| d.split_once(':'))
        .find(|(k, _)| k.trim() == "background")
        .map(|(_, v)| v.trim().to_string())
        .expect("the chart frame sets its background");
    assert_eq!(
        hex(&bg),
        Some([palette::PAPER.0, palette::PAPER.1, palette::PAPER.2])
    );
}
