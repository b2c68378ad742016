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
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let (keys, empty) = load(&path);
        let missing: Vec<_> = english.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&english).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", path.display());
        assert!(extra.is_empty(), "{} has keys English lacks: {extra:?}", path.display());
        assert!(empty.is_empty(), "{} has empty texts: {empty:?}", path.display());
        checked += 1;
    }
    assert!(checked >= 4, "expected English, Swedish, German and Chinese");
}

/// Every `t!(i18n, group.key …)` / `t_string!(i18n, group.key …)` in the app's source, as `group.key`.
fn keys_used_in(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            keys_used_in(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for (start, _) in text.match_indices("i18n,") {
                let before = text[..start].trim_end();
                if !(before.ends_with("t!(") || before.ends_with("t_string!(")) {
                    continue;
                }
                let key: String = text[start + 5..]
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
                    .collect();
                out.insert(key);
            }
        }
    }
}

#[test]
fn every_key_is_used_in_the_code_and_every_used_key_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (english, _) = load(&root.join("locales/en.json"));
    let mut used = BTreeSet::new();
    keys_used_in(&root.join("src"), &mut used);
    assert!(used.len() > 100, "the scan found only {} keys", used.len());
    let unused: Vec<_> = english.difference(&used).collect();
    let unknown: Vec<_> = used.difference(&english).collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
    assert!(unknown.is_empty(), "keys the code uses that en.json lacks: {unknown:?}");
}

/// The pseudo-locale's text for an English one: letters accented, wrapped in ⟦ ⟧ (a cut-off end shows) and 40 %
/// longer (`·` padding), placeholders such as `{{ count }}` kept as they are.
fn pseudo(english: &str) -> String {
    const PLAIN: &str = "aceinousyACEINOUSYdgklrtzDGLRTZ";
    const ACCENTED: &str = "åçéîñöüšýÅÇÉÎÑÖÜŠÝđĝķļŕţžĐĜĻŔŢŽ";
    let map: BTreeMap<char, char> = PLAIN.chars().zip(ACCENTED.chars()).collect();
    let mut out = String::from("⟦");
    let mut rest = english;
    while !rest.is_empty() {
        if rest.starts_with("{{") {
            let end = rest.find("}}").map_or(rest.len(), |i| i + 2);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else {
            let c = rest.chars().next().unwrap_or_default();
            out.push(*map.get(&c).unwrap_or(&c));
            rest = &rest[c.len_utf8()..];
        }
    }
    let padding = (english.chars().count() * 2).div_ceil(5);
    out.extend(std::iter::repeat_n('·', padding));
    out.push('⟧');
    out
}

fn pseudo_tree(node: &serde_json::Value) -> serde_json::Value {
    match node {
        serde_json::Value::String(text) => serde_json::Value::String(pseudo(text)),
        serde_json::Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), pseudo_tree(v))).collect(),
        other => other.clone(),
    }
}

/// `locales/en-XA.json` is English made pseudo. `PSEUDO_LOCALE=write cargo test --test locales` rewrites it.
#[test]
fn the_pseudo_locale_is_english_accented_and_longer() {
    assert_eq!(pseudo("Save {{ count }} licenses"), "⟦Šåvé {{ count }} ļîçéñšéš··········⟧");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let english: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("en.json")).unwrap()).unwrap();
    let expected = serde_json::to_string_pretty(&pseudo_tree(&english)).unwrap() + "\n";
    let path = root.join("en-XA.json");
    if std::env::var("PSEUDO_LOCALE").as_deref() == Ok("write") {
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "locales/en-XA.json is out of date: run PSEUDO_LOCALE=write cargo test -p portal --test locales"
    );
}

/// The rows of a Markdown table under `heading` in the glossary: its cells, header row and rule left out.
fn glossary_rows(glossary: &str, heading: &str) -> Vec<Vec<String>> {
    let section = glossary.split(heading).nth(1).unwrap_or_else(|| panic!("the glossary has {heading}"));
    section
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .map(|line| line.trim_matches('|').split('|').map(|cell| cell.trim().to_owned()).collect())
        .collect()
}

#[test]
fn the_glossary_terms_are_the_ones_used_and_the_avoided_ones_are_not() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let glossary = std::fs::read_to_string(dir.join("GLOSSARY.md")).unwrap();
    let text = |locale: &str| std::fs::read_to_string(dir.join(format!("{locale}.json"))).unwrap();
    let locales = ["en", "sv", "de", "zh-Hans"];
    let terms = glossary_rows(&glossary, "# Glossary");
    assert!(terms.len() >= 10);
    for row in &terms {
        for (locale, term) in locales.iter().zip(&row[1..]) {
            let used = text(locale).to_lowercase().contains(&term.to_lowercase());
            assert!(used, "{locale}: the glossary's {term:?} ({}) is not used", row[0]);
        }
    }
    for row in glossary_rows(&glossary, "## Avoid") {
        assert!(!text(&row[0]).contains(&row[1]), "{}: {:?} is to be avoided: {}", row[0], row[1], row[2]);
    }
}
