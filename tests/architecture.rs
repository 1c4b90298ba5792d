//! The shape of the code, checked: in each crate no file imports another that (through any
//! chain) imports it back, and no module imports one above it in the layering ARCHITECTURE.md
//! describes. The core crate cannot reach the edges at all (Cargo sees to that); these checks
//! keep each crate's insides one-way too.
//!
//! Imports are read as text from `use` lines and `crate::` / `super::` paths in the code, and
//! resolved to the file that defines the module they name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The core crate's top modules, bottom first: each may import only modules on earlier lines.
const CORE_LAYERS: &[&[&str]] = &[
    &[
        "lang",
        "money",
        "phone",
        "input",
        "safe_text",
        "file_problem",
        "central",
    ],
    &["words"],
    &["i18n"],
    &["screen_model"],
    &["journal", "voice"],
    &["store_error"],
    &["bank"],
    &["lessons"],
    &["program"],
    &["kiosk"],
    &["assist"],
];

/// The edge crate's top modules, bottom first.
const EDGE_LAYERS: &[&[&str]] = &[
    &["paths", "files"],
    &["config", "locales"],
    &["lesson_files", "store", "reminder", "speech", "listen"],
    &["report"],
    &["central"],
    &["edge"],
    &["tui", "plain"],
    &["cmd"],
];

/// One crate's source files, by module path (`kiosk::family::home`).
struct Crate {
    files: BTreeMap<Vec<String>, PathBuf>,
}

impl Crate {
    fn read(src: &Path) -> Crate {
        let mut files = BTreeMap::new();
        let mut stack = vec![src.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("a source folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let module = module_of(src, &path);
                    files.insert(module, path);
                }
            }
        }
        Crate { files }
    }

    /// The file that defines the module a path names: its longest prefix that is a module.
    fn resolve(&self, path: &[String]) -> Option<&Vec<String>> {
        (1..=path.len())
            .rev()
            .find_map(|k| self.files.get_key_value(&path[..k]).map(|(m, _)| m))
    }

    /// Every file → the files it imports.
    fn imports(&self) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
        let mut graph = BTreeMap::new();
        for (module, file) in &self.files {
            let text = std::fs::read_to_string(file).expect("a readable source file");
            let mut targets = BTreeSet::new();
            for path in paths_in(&text) {
                let absolute = absolute(module, &path);
                if let Some(target) = absolute.and_then(|p| self.resolve(&p).cloned())
                    && &target != module
                {
                    targets.insert(target);
                }
            }
            graph.insert(module.clone(), targets);
        }
        graph
    }
}

/// `src/kiosk/family/home.rs` → `[kiosk, family, home]`; `mod.rs` names its folder.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("inside src");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// A path as written (`crate::a::b`, `super::c`, `self::d`) made absolute from `module`.
fn absolute(module: &[String], path: &[String]) -> Option<Vec<String>> {
    let (head, rest) = path.split_first()?;
    let here: Vec<String> = module.to_vec();
    match head.as_str() {
        "crate" => Some(rest.to_vec()),
        "self" => Some([here, rest.to_vec()].concat()),
        "super" => {
            // `super` of `a/b.rs` and of `a/b/mod.rs` (both module a::b) is `a`.
            let mut base = here;
            base.pop();
            let mut rest = rest;
            while rest.first().is_some_and(|s| s == "super") {
                base.pop();
                rest = &rest[1..];
            }
            Some([base, rest.to_vec()].concat())
        }
        _ => None,
    }
}

/// Every path starting with `crate`, `super` or `self` in the code, with `use` groups expanded.
fn paths_in(text: &str) -> Vec<Vec<String>> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    // `use` statements, which may hold groups: `use crate::a::{b, c::{d, e}};`.
    for statement in code.split(';') {
        if let Some(at) = statement.find("use ") {
            let before = &statement[..at];
            if before.trim().is_empty() || before.trim_end().ends_with("pub") {
                // Aliases (`x as y`) name the same module; then spaces are dropped.
                let words: Vec<&str> = statement[at + 4..].split_whitespace().collect();
                let mut kept = Vec::new();
                let mut skip = false;
                for word in words {
                    if skip {
                        skip = false;
                        // `y,` or `y}`: keep what closes the alias.
                        kept.push(
                            word.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_'),
                        );
                    } else if word == "as" {
                        skip = true;
                    } else {
                        kept.push(word);
                    }
                }
                let tree: String = kept.concat();
                expand(&tree, &mut Vec::new(), &mut out);
            }
        }
    }
    // Paths written in the code itself: `crate::kiosk::view(…)`, `super::home::open(…)`.
    let mut rest = code.as_str();
    while let Some(at) = rest.find(['c', 's']) {
        let tail = &rest[at..];
        let starts = ["crate::", "super::", "self::"]
            .iter()
            .any(|p| tail.starts_with(p));
        let boundary = rest[..at]
            .chars()
            .last()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == ':'));
        if starts && boundary {
            let path: String = tail
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(
                path.split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            );
            rest = &tail[path.len().max(1)..];
        } else {
            rest = &tail[1..];
        }
    }
    out
}

/// Expands one `use` tree (without spaces) into full paths.
fn expand(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim_start_matches("::");
    match tree.find('{') {
        Some(open) if tree.ends_with('}') => {
            let head: Vec<String> = tree[..open]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let inner = &tree[open + 1..tree.len() - 1];
            let depth = prefix.len();
            prefix.extend(head);
            for part in split_top(inner) {
                expand(part, prefix, out);
            }
            prefix.truncate(depth);
        }
        _ => {
            let mut path = prefix.clone();
            path.extend(
                tree.split("::")
                    .filter(|s| !s.is_empty() && *s != "*" && *s != "self")
                    .map(str::to_string),
            );
            if !path.is_empty() {
                out.push(path);
            }
        }
    }
}

/// `a, b::{c, d}, e` → its top-level parts.
fn split_top(inner: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

/// Files that import each other through some chain: every strongly connected group of two or
/// more (Tarjan's algorithm).
fn circles(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on_stack: BTreeSet<&'a Vec<String>>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, node: &'a Vec<String>) {
            let n = self.index.len();
            self.index.insert(node, n);
            self.low.insert(node, n);
            self.stack.push(node);
            self.on_stack.insert(node);
            for next in self.graph.get(node).into_iter().flatten() {
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.on_stack.contains(next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut group = Vec::new();
                while let Some(top) = self.stack.pop() {
                    self.on_stack.remove(top);
                    group.push(top.join("::"));
                    if top == node {
                        break;
                    }
                }
                if group.len() > 1 {
                    self.found.push(group);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !walk.index.contains_key(node) {
            walk.visit(node);
        }
    }
    walk.found
}

/// Imports that point up the layering (or sideways to another module of the same layer).
fn upward(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>, layers: &[&[&str]]) -> Vec<String> {
    let rank = |module: &Vec<String>| {
        let top = module.first()?;
        layers
            .iter()
            .position(|layer| layer.contains(&top.as_str()))
    };
    let mut found = Vec::new();
    for (from, targets) in graph {
        for to in targets {
            if from.first() == to.first() || to.is_empty() {
                continue;
            }
            match (rank(from), rank(to)) {
                (Some(a), Some(b)) if b < a => {}
                (a, b) => found.push(format!(
                    "{} (layer {a:?}) imports {} (layer {b:?})",
                    from.join("::"),
                    to.join("::")
                )),
            }
        }
    }
    found
}

fn check(src: &str, layers: &[&[&str]]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(src);
    let krate = Crate::read(&root);
    let graph = krate.imports();
    assert!(
        graph.values().map(BTreeSet::len).sum::<usize>() > 50,
        "{src}: too few imports found; the reader is broken"
    );
    let circles = circles(&graph);
    assert!(
        circles.is_empty(),
        "{src}: files importing each other: {circles:#?}"
    );
    let upward = upward(&graph, layers);
    assert!(
        upward.is_empty(),
        "{src}: imports against the layering: {upward:#?}"
    );
}

#[test]
fn the_core_imports_one_way() {
    check("crates/opora-core/src", CORE_LAYERS);
}

#[test]
fn the_edges_import_one_way() {
    check("src", EDGE_LAYERS);
}

#[test]
fn the_reader_sees_groups_and_relative_paths() {
    let paths =
        paths_in("use crate::a::{b::C, d::{e, f as g}};\nuse super::h;\nfn x() { crate::i::j(); }");
    let shown: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    for expected in [
        "crate::a::b::C",
        "crate::a::d::e",
        "crate::a::d::f",
        "super::h",
        "crate::i::j",
    ] {
        assert!(
            shown.contains(&expected.to_string()),
            "{expected} not in {shown:?}"
        );
    }
    let module = vec![
        "kiosk".to_string(),
        "family".to_string(),
        "home".to_string(),
    ];
    let resolved = absolute(&module, &["super".into(), "common".into()]);
    assert_eq!(
        resolved,
        Some(vec!["kiosk".into(), "family".into(), "common".into()])
    );
    // A tiny graph with a circle of two and one of one file: only the first is reported.
    let mut graph = BTreeMap::new();
    let (a, b, c) = (
        vec!["a".to_string()],
        vec!["b".to_string()],
        vec!["c".to_string()],
    );
    graph.insert(a.clone(), BTreeSet::from([b.clone()]));
    graph.insert(b.clone(), BTreeSet::from([a.clone(), c.clone()]));
    graph.insert(c.clone(), BTreeSet::new());
    assert_eq!(circles(&graph).len(), 1);
    let layers: &[&[&str]] = &[&["c"], &["b"], &["a"]];
    assert_eq!(upward(&graph, layers).len(), 1, "b imports a, above it");
}
