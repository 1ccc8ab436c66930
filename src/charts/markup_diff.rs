//! What changed between two drawings of a chart, element by element: the drawing is split
//! into its top-level elements (`split_svg`, `elements`), and `hunks` says which runs of
//! old elements give way to which runs of new ones. The page applies only those (a filter
//! change alters a few cells of the matrix, not its 350 elements), so the browser neither
//! parses nor lays out the rest again. Plain string work on the markup the chart writers
//! produce; anything it does not understand returns `None` and the caller redraws whole.

use crate::model::id_hash::IdBuild;
use std::collections::HashMap;
use std::ops::Range;

/// An `<svg …>` document split into its opening tag and the markup of its children.
pub fn split_svg(svg: &str) -> Option<(&str, &str)> {
    let s = svg.trim();
    if !s.starts_with("<svg") || !s.ends_with("</svg>") {
        return None;
    }
    let open_end = s.find('>')? + 1;
    let inner = s.get(open_end..s.len() - "</svg>".len())?;
    Some((&s[..open_end], inner))
}

/// The top-level elements of `markup` (text and whitespace between them left out), each
/// with its own children. `None` when the markup is not a plain run of elements (a comment,
/// text at the top level, unbalanced tags).
pub fn elements(markup: &str) -> Option<Vec<&str>> {
    let b = markup.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b[i] != b'<' || b.get(i + 1).is_none_or(|c| !c.is_ascii_alphabetic()) {
            return None;
        }
        let start = i;
        let mut depth = 0usize;
        loop {
            let lt = i + markup.get(i..)?.find('<')?;
            let gt = lt + markup.get(lt..)?.find('>')?;
            let tag = &markup[lt..=gt];
            if tag.starts_with("<!") || tag.starts_with("<?") {
                return None;
            }
            if tag.starts_with("</") {
                depth = depth.checked_sub(1)?;
            } else if !tag.ends_with("/>") {
                depth += 1;
            }
            i = gt + 1;
            if depth == 0 {
                break;
            }
        }
        out.push(&markup[start..i]);
    }
    Some(out)
}

/// One change: the old elements `old` (indices) are replaced by the new elements `new`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    pub old: Range<usize>,
    pub new: Range<usize>,
}

/// The changes from `old` to `new`, in order, keeping the longest common run of equal
/// elements. Beyond `max_cells` (old × new elements between the common start and end), the
/// whole middle is one change.
pub fn hunks<'a>(old: &[&'a str], new: &[&'a str], max_cells: usize) -> Vec<Hunk> {
    let pre = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suf = old[pre..]
        .iter()
        .rev()
        .zip(new[pre..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (a, b) = (&old[pre..old.len() - suf], &new[pre..new.len() - suf]);
    if a.is_empty() && b.is_empty() {
        return Vec::new();
    }
    if a.is_empty() || b.is_empty() || a.len().saturating_mul(b.len()) > max_cells {
        return vec![Hunk {
            old: pre..pre + a.len(),
            new: pre..pre + b.len(),
        }];
    }
    // Each distinct element becomes a number, so the table below compares numbers, not
    // markup (cells share long prefixes: comparing their text was most of a filter update).
    let mut ids: HashMap<&str, u32, IdBuild> =
        HashMap::with_capacity_and_hasher(a.len() + b.len(), IdBuild::default());
    let mut id = |e: &'a str| {
        let n = ids.len() as u32;
        *ids.entry(e).or_insert(n)
    };
    let a: Vec<u32> = a.iter().map(|e| id(e)).collect();
    let b: Vec<u32> = b.iter().map(|e| id(e)).collect();
    // Longest common subsequence, lengths of the suffixes: l[i][j] for a[i..], b[j..].
    let w = b.len() + 1;
    let mut l = vec![0u32; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            l[i * w + j] = if a[i] == b[j] {
                l[(i + 1) * w + j + 1] + 1
            } else {
                l[(i + 1) * w + j].max(l[i * w + j + 1])
            };
        }
    }
    let mut out: Vec<Hunk> = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut push = |oi: usize, nj: usize, del: bool| {
        let (o, n) = (pre + oi, pre + nj);
        match out.last_mut() {
            Some(h) if h.old.end == o && h.new.end == n => {
                if del {
                    h.old.end += 1;
                } else {
                    h.new.end += 1;
                }
            }
            _ => out.push(if del {
                Hunk {
                    old: o..o + 1,
                    new: n..n,
                }
            } else {
                Hunk {
                    old: o..o,
                    new: n..n + 1,
                }
            }),
        }
    };
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j == b.len() || (i < a.len() && l[(i + 1) * w + j] >= l[i * w + j + 1]) {
            push(i, j, true);
            i += 1;
        } else {
            push(i, j, false);
            j += 1;
        }
    }
    out
}

/// One change that turns an element into another of the same kind in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change<'a> {
    /// Set an attribute (name, value with the markup's escapes undone).
    Set(&'a str, String),
    /// Remove an attribute.
    Remove(&'a str),
    /// Replace the text inside (escapes undone).
    Text(String),
}

/// A leaf element's tag name, attributes (values as written) and text.
type Leaf<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str);

fn leaf(el: &str) -> Option<Leaf<'_>> {
    let el = el.strip_prefix('<')?;
    let name_end = el.find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')?;
    let tag = &el[..name_end];
    let mut rest = &el[name_end..];
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("/>") {
            return r.is_empty().then_some((tag, attrs, ""));
        }
        if let Some(r) = rest.strip_prefix('>') {
            let text = r.strip_suffix('>')?.strip_suffix(tag)?.strip_suffix("</")?;
            return (!text.contains('<')).then_some((tag, attrs, text));
        }
        let eq = rest.find('=')?;
        let name = &rest[..eq];
        let after = rest[eq + 1..].strip_prefix('"')?;
        let close = after.find('"')?;
        if name.is_empty() || name.contains(|c: char| c.is_ascii_whitespace()) {
            return None;
        }
        attrs.push((name, &after[..close]));
        rest = &after[close + 1..];
    }
}

/// Undoes the escapes of `crate::model::escape::escape`.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// How the page turns the old drawing's elements into the new one's.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan<'a> {
    /// Elements changed in place: (old index, new index, its changes). These never add or
    /// remove an element, so they are applied first, at the old indices.
    pub edits: Vec<(usize, usize, Vec<Change<'a>>)>,
    /// Runs of old elements replaced by runs of new ones, in order; applied after the edits,
    /// from the last, so the indices of those still to apply stay valid.
    pub replace: Vec<Hunk>,
}

/// The plan from `old` to `new`. The usual filter change is the same elements, some
/// recoloured or relabelled: walking both from the start while each pair is equal or the same
/// kind of leaf, they are changed in place. What follows goes to `hunks`, and a hunk of as
/// many new elements as old ones is also changed in place when every pair allows it.
pub fn plan<'a>(old: &[&'a str], new: &[&'a str], max_cells: usize) -> Plan<'a> {
    let mut out = Plan::default();
    let mut k = old.len().min(new.len());
    for (i, (o, m)) in old.iter().zip(new).enumerate() {
        if o == m {
            continue;
        }
        match changes(o, m) {
            Some(c) => out.edits.push((i, i, c)),
            None => {
                k = i;
                break;
            }
        }
    }
    if k == old.len() && k == new.len() {
        return out;
    }
    for h in hunks(&old[k..], &new[k..], max_cells) {
        let h = Hunk {
            old: h.old.start + k..h.old.end + k,
            new: h.new.start + k..h.new.end + k,
        };
        let same_kind = (h.old.len() == h.new.len())
            .then(|| {
                h.old
                    .clone()
                    .zip(h.new.clone())
                    .map(|(o, m)| Some((o, m, changes(old[o], new[m])?)))
                    .collect::<Option<Vec<_>>>()
            })
            .flatten();
        match same_kind {
            Some(edits) => out.edits.extend(edits),
            None => out.replace.push(h),
        }
    }
    out
}

/// The changes that turn the element `old` into `new` in place: `None` unless both are
/// leaf elements (no elements inside) of the same tag.
pub fn changes<'a>(old: &'a str, new: &'a str) -> Option<Vec<Change<'a>>> {
    let (ot, oa, otext) = leaf(old)?;
    let (nt, na, ntext) = leaf(new)?;
    if ot != nt {
        return None;
    }
    let mut out = Vec::new();
    for &(name, v) in &na {
        if oa.iter().find(|(n, _)| *n == name).map(|(_, ov)| *ov) != Some(v) {
            out.push(Change::Set(name, unescape(v)));
        }
    }
    for &(name, _) in &oa {
        if !na.iter().any(|(n, _)| *n == name) {
            out.push(Change::Remove(name));
        }
    }
    if otext != ntext {
        out.push(Change::Text(unescape(ntext)));
    }
    Some(out)
}

/// Applies `hunks` to `old` as strings: what the page shows after patching. For tests.
pub fn apply<'a>(old: &[&'a str], new: &[&'a str], hunks: &[Hunk]) -> Vec<&'a str> {
    let mut out: Vec<&str> = old.to_vec();
    for h in hunks.iter().rev() {
        out.splice(h.old.clone(), new[h.new.clone()].iter().copied());
    }
    out
}

/// Carries out `plan` on `old` as strings: what the page shows after patching (an edited
/// element becomes its new counterpart, which its changes describe). For tests.
pub fn apply_plan<'a>(old: &[&'a str], new: &[&'a str], plan: &Plan) -> Vec<&'a str> {
    let mut out = apply(old, new, &plan.replace);
    // Edits are at old indices; the replacements after them shift what follows each hunk.
    for (o, m, _) in &plan.edits {
        let shift: isize = plan
            .replace
            .iter()
            .filter(|h| h.old.end <= *o)
            .map(|h| h.new.len() as isize - h.old.len() as isize)
            .sum();
        out[(*o as isize + shift) as usize] = new[*m];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repeatable stream of pseudo-random numbers (a linear congruential generator).
    fn pseudo_random(mut seed: u64) -> impl FnMut() -> usize {
        move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        }
    }

    #[test]
    fn splits_an_svg_into_its_opening_tag_and_children() {
        let svg = "<svg width=\"10\" height=\"5\"><rect x=\"1\"></rect>\n<text y=\"2\">a &lt; b</text><g><path d=\"M0 0\"/></g></svg>";
        let (open, inner) = split_svg(svg).expect("an svg");
        assert_eq!(open, "<svg width=\"10\" height=\"5\">");
        let els = elements(inner).expect("elements");
        assert_eq!(
            els,
            vec![
                "<rect x=\"1\"></rect>",
                "<text y=\"2\">a &lt; b</text>",
                "<g><path d=\"M0 0\"/></g>"
            ]
        );
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        assert_eq!(split_svg("<div></div>"), None);
        assert_eq!(elements("text at the top<rect></rect>"), None);
        assert_eq!(elements("<!-- note --><rect></rect>"), None);
        assert_eq!(elements("<g><rect></rect>"), None, "unclosed group");
        assert_eq!(elements("</g>"), None);
    }

    #[test]
    fn equal_drawings_need_no_change() {
        let a = ["<rect></rect>", "<text>1</text>"];
        assert!(hunks(&a, &a, 1_000).is_empty());
    }

    #[test]
    fn a_changed_cell_is_one_small_change() {
        let old = ["<a>", "<b1>", "<c>", "<d>", "<e1>", "<f>"];
        let new = ["<a>", "<b2>", "<c>", "<d>", "<e2>", "<x>", "<f>"];
        let h = hunks(&old, &new, 1_000);
        assert_eq!(
            h,
            vec![
                Hunk {
                    old: 1..2,
                    new: 1..2
                },
                Hunk {
                    old: 4..5,
                    new: 4..6
                }
            ]
        );
        assert_eq!(apply(&old, &new, &h), new.to_vec());
    }

    #[test]
    fn every_patch_gives_the_new_drawing() {
        // Pseudo-random edits of a 60-element drawing: the patched old one equals the new one,
        // and elements present in both are kept where the two agree.
        let names: Vec<String> = (0..60).map(|i| format!("<e{i}>")).collect();
        let mut next = pseudo_random(7);
        for round in 0..200 {
            let old: Vec<&str> = names.iter().map(String::as_str).collect();
            let mut new = old.clone();
            for _ in 0..(next() % 8) {
                let k = next() % (new.len() + 1);
                match next() % 3 {
                    0 if k < new.len() => {
                        new.remove(k);
                    }
                    1 => new.insert(k.min(new.len()), "<inserted>"),
                    _ if k < new.len() => new[k] = "<changed>",
                    _ => {}
                }
            }
            for cells in [10, 1_000_000] {
                let h = hunks(&old, &new, cells);
                assert_eq!(apply(&old, &new, &h), new, "round {round}, limit {cells}");
            }
            let kept = old.len()
                - hunks(&old, &new, 1_000_000)
                    .iter()
                    .map(|h| h.old.len())
                    .sum::<usize>();
            assert!(
                kept + 8 >= old.len(),
                "round {round}: at most 8 edits, {kept} kept"
            );
        }
    }

    #[test]
    fn a_leaf_changes_in_place() {
        let old = r##"<text x="1" fill="#FFF" font-weight="bold">3</text>"##;
        let new = r##"<text x="1" fill="#1A1" class="z">a &amp; &lt;b&gt;</text>"##;
        assert_eq!(
            changes(old, new),
            Some(vec![
                Change::Set("fill", "#1A1".to_string()),
                Change::Set("class", "z".to_string()),
                Change::Remove("font-weight"),
                Change::Text("a & <b>".to_string()),
            ])
        );
        let hit = r##"<rect class="hit" aria-label="Banjir &quot;x&quot; &#39;y&#39;" tabindex="-1"></rect>"##;
        let hit2 = r##"<rect class="hit" aria-label="Gempa" tabindex="-1"></rect>"##;
        assert_eq!(
            changes(hit, hit2),
            Some(vec![Change::Set("aria-label", "Gempa".to_string())])
        );
        assert_eq!(changes(hit, hit), Some(vec![]));
        assert_eq!(
            changes("<path d=\"M0 0\"/>", "<path d=\"M1 1\"/>"),
            Some(vec![Change::Set("d", "M1 1".to_string())])
        );
        // Not in place: another tag, or elements inside.
        assert_eq!(changes("<rect></rect>", "<text></text>"), None);
        assert_eq!(changes("<g><rect></rect></g>", "<g></g>"), None);
    }

    #[test]
    fn same_shape_drawings_change_only_the_differing_leaves() {
        let old = [
            r#"<rect fill="a"></rect>"#,
            "<text>1</text>",
            "<g><rect></rect></g>",
        ];
        let new = [
            r#"<rect fill="b"></rect>"#,
            "<text>1</text>",
            "<g><rect></rect></g>",
        ];
        let fill_b = (0, 0, vec![Change::Set("fill", "b".to_string())]);
        let p = plan(&old, &new, 1_000);
        assert_eq!(p.edits, vec![fill_b.clone()]);
        assert!(p.replace.is_empty());
        assert_eq!(plan(&old, &old, 1_000), Plan::default());
        // Where a pair is not two leaves of one kind (an element fewer, a changed group, an
        // inserted one), the rest is replaced by runs, and only those.
        for other in [
            vec![new[0], new[1]],
            vec![new[0], new[1], "<g><text></text></g>"],
            vec![new[0], "<rect></rect>", new[1], new[2]],
        ] {
            let p = plan(&old, &other, 1_000);
            assert_eq!(p.edits.first(), Some(&fill_b), "{other:?}");
            assert_eq!(p.replace.len(), 1, "{other:?}: {p:?}");
            assert_eq!(apply_plan(&old, &other, &p), other);
        }
        // A run of as many new elements as old ones after an insertion is changed in place.
        let old2 = ["<a></a>", "<b></b>", r#"<c x="1"></c>"#, "<d></d>"];
        let new2 = [
            "<a></a>",
            "<i></i>",
            "<b></b>",
            r#"<c x="2"></c>"#,
            "<d></d>",
        ];
        let p = plan(&old2, &new2, 1_000);
        assert_eq!(
            p,
            Plan {
                edits: vec![(2, 3, vec![Change::Set("x", "2".to_string())])],
                replace: vec![Hunk {
                    old: 1..1,
                    new: 1..2
                }],
            }
        );
        assert_eq!(apply_plan(&old2, &new2, &p), new2);
    }

    #[test]
    fn every_plan_gives_the_new_drawing() {
        // Pseudo-random drawings of leaves of three kinds, edited by inserting, removing and
        // recolouring: carrying out the plan on the old one gives the new one.
        let mut next = pseudo_random(11);
        let pool: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    r#"<{} fill="{}"></{0}>"#,
                    ["rect", "text", "path"][i % 3],
                    i / 3
                )
            })
            .chain(["<g><rect></rect></g>".to_string()])
            .collect();
        for round in 0..300 {
            let old: Vec<&str> = (0..30)
                .map(|_| pool[next() % pool.len()].as_str())
                .collect();
            let mut new = old.clone();
            for _ in 0..(next() % 6) {
                let k = next() % (new.len() + 1);
                let e = pool[next() % pool.len()].as_str();
                match next() % 3 {
                    0 if k < new.len() => {
                        new.remove(k);
                    }
                    1 => new.insert(k, e),
                    _ if k < new.len() => new[k] = e,
                    _ => {}
                }
            }
            for cells in [10, 1_000_000] {
                let p = plan(&old, &new, cells);
                assert_eq!(apply_plan(&old, &new, &p), new, "round {round}, {p:?}");
                for (o, m, c) in &p.edits {
                    assert_eq!(changes(old[*o], new[*m]).as_ref(), Some(c), "round {round}");
                }
            }
        }
    }
}
