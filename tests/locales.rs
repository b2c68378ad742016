//! Every locale has exactly the same keys as English, and every value is filled in.
#![cfg(not(target_arch = "wasm32"))]

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Deserialize)]
#[serde(untagged)]
enum Node {
    Text(String),
    Group(BTreeMap<String, Node>),
}

fn keys(prefix: &str, node: &Node, out: &mut BTreeSet<String>, empty: &mut Vec<String>) {
    match node {
        Node::Text(text) => {
            if text.trim().is_empty() {
                empty.push(prefix.to_owned());
            }
            out.insert(prefix.to_owned());
        }
        Node::Group(children) => {
            for (key, child) in children {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                keys(&path, child, out, empty);
            }
        }
    }
}

fn load(path: &Path) -> (BTreeSet<String>, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let root: Node = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (mut set, mut empty) = (BTreeSet::new(), Vec::new());
    keys("", &root, &mut set, &mut empty);
    (set, empty)
}

#[test]
fn every_locale_has_the_same_keys_and_no_empty_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let (english, _) = load(&dir.join("en.json"));
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let (keys, empty) = load(&path);
        let missing: Vec<_> = english.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&english).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", path.display());
        assert!(extra.is_empty(), "{} has keys English lacks: {extra:?}", path.display());
        assert!(empty.is_empty(), "{} has empty texts: {empty:?}", path.display());
        checked += 1;
    }
    assert!(checked >= 2, "expected at least English and Swedish");
}
