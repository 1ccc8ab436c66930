//! The folders of `src/ui` form layers: no folder uses another that (directly or through
//! others) uses it back. This reads every source file under `src/ui`, collects which folder
//! names which (`crate::ui::FOLDER`, `super::super::FOLDER`), and fails with the circle it
//! finds. The same check runs once on a made-up tree with a circle, so it is known to fire.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Folder → the other folders its files name.
type Graph = BTreeMap<String, BTreeSet<String>>;

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let entries =
        fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Removes `//` comments (so a path in a doc comment is not an import).
fn strip_comments(src: &str) -> String {
    src.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The folder names that follow `prefix` in `src` (e.g. `crate::ui::` → `filters`).
fn names_after(src: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(i) = rest.find(prefix) {
        rest = &rest[i + prefix.len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
    }
    out
}

/// The folder graph of the `ui` tree at `root`: for each folder (a directory directly under
/// `root`), the other folders named by its files. Files directly in `root` are not a folder.
fn folder_graph(root: &Path) -> Graph {
    let mut graph = Graph::new();
    for file in rust_files(root) {
        let rel = file.strip_prefix(root).expect("under the root");
        let mut parts = rel.components();
        let (Some(first), Some(_)) = (parts.next(), parts.next()) else {
            continue; // ui/mod.rs itself
        };
        let folder = first.as_os_str().to_string_lossy().to_string();
        let src = strip_comments(&fs::read_to_string(&file).expect("a readable source file"));
        let mut used = names_after(&src, "crate::ui::");
        used.extend(names_after(&src, "super::super::"));
        let entry = graph.entry(folder.clone()).or_default();
        for name in used {
            if name != folder && root.join(&name).is_dir() {
                entry.insert(name);
            }
        }
    }
    graph
}

/// A circle in `graph` as the list of folders along it (first = last), if there is one.
fn find_circle(graph: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &Graph,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = path.iter().position(|n| n == node).expect("on the path");
                let mut circle = path[start..].to_vec();
                circle.push(node.to_string());
                return Some(circle);
            }
            None => {}
        }
        marks.insert(node.to_string(), Mark::Open);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, marks, path) {
                return Some(c);
            }
        }
        path.pop();
        marks.insert(node.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if let Some(c) = visit(node, graph, &mut marks, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

#[test]
fn ui_folders_have_no_import_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let graph = folder_graph(&root);
    // The check has something to check: the tree is split into folders that use each other.
    assert!(graph.len() >= 8, "expected the ui folders, found {graph:?}");
    assert!(
        graph.get("shell").is_some_and(|uses| uses.contains("ctx")),
        "the shell uses the context: {graph:?}"
    );
    if let Some(circle) = find_circle(&graph) {
        panic!(
            "import circle between src/ui folders: {}\n(folder graph: {graph:#?})",
            circle.join(" → ")
        );
    }
}

#[test]
fn ctx_uses_no_other_ui_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let graph = folder_graph(&root);
    let uses = graph.get("ctx").cloned().unwrap_or_default();
    assert!(
        uses.is_empty(),
        "src/ui/ctx must stay at the bottom, but it uses {uses:?}"
    );
}

/// Negative control: a made-up tree where `a` uses `b` and `b` (through a `super::super`
/// path) uses `a` back is reported, and the same tree without the back edge is not.
#[test]
fn the_check_finds_a_circle_in_a_made_up_tree() {
    let dir = std::env::temp_dir().join(format!("jrs-ui-layers-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    for (path, text) in [
        ("mod.rs", "pub mod a; pub mod b; pub mod c;"),
        ("a/mod.rs", "pub mod one;"),
        (
            "a/one.rs",
            "use crate::ui::b::two::Two; // crate::ui::c in a comment is not a use",
        ),
        ("b/mod.rs", "pub mod two;"),
        ("b/two.rs", "fn f() { super::super::c::three::g(); }"),
        ("c/mod.rs", "pub mod three;"),
        ("c/three.rs", "pub fn g() { crate::ui::a::one::h(); }"),
    ] {
        let p = dir.join(path);
        fs::create_dir_all(p.parent().expect("a parent")).expect("a temp folder");
        fs::write(&p, text).expect("a temp file");
    }
    let graph = folder_graph(&dir);
    let circle = find_circle(&graph).expect("the circle a → b → c → a is found");
    assert_eq!(circle, ["a", "b", "c", "a"]);
    assert!(
        !graph["a"].contains("c"),
        "a path in a comment is not a use"
    );

    fs::write(dir.join("c/three.rs"), "pub fn g() {}").expect("a temp file");
    let graph = folder_graph(&dir);
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(
        find_circle(&graph),
        None,
        "without the back edge there is no circle"
    );
}
