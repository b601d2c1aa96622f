//! Snapshots of every fixture pair in `tests/fixtures/<name>/{old,new}.txt` (repo root), plus a
//! check that the corpus covers every row kind, significance and facet.

use std::collections::BTreeSet;
use std::path::PathBuf;

use parallax_engine::{CompareOptions, Comparison, compare};

fn corpus() -> Vec<(String, Comparison)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&root)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("old.txt").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let old = std::fs::read_to_string(root.join(&n).join("old.txt")).unwrap();
            let new = std::fs::read_to_string(root.join(&n).join("new.txt")).unwrap();
            let c = compare(&old, &new, &CompareOptions::default());
            (n, c)
        })
        .collect()
}

#[test]
fn fixture_snapshots() {
    for (name, c) in corpus() {
        insta::assert_json_snapshot!(name.clone(), c);
    }
}

#[test]
fn corpus_covers_every_kind_significance_and_facet() {
    let all = corpus();
    assert!(all.len() >= 8, "fixture corpus has {} pairs", all.len());
    let mut kinds = BTreeSet::new();
    let mut sigs = BTreeSet::new();
    let mut facets = BTreeSet::new();
    for (_, c) in &all {
        for r in &c.rows {
            kinds.insert(format!("{:?}", r.kind));
            sigs.insert(format!("{:?}", r.significance));
            facets.extend(r.facets.iter().map(|f| format!("{f:?}")));
        }
    }
    assert_eq!(kinds.len(), 7, "kinds seen: {kinds:?}");
    assert_eq!(sigs.len(), 3, "significances seen: {sigs:?}");
    assert_eq!(facets.len(), 7, "facets seen: {facets:?}");
}
