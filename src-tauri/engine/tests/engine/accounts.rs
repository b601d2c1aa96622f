//! Two outlets' accounts of one event: the sample library's story (three fictional outlets on
//! one dam failure) must link only what reports the same thing and name its claim differences.

use std::path::PathBuf;

use parallax_engine::{ClaimStatus, CompareOptions, Comparison, Facet, Mode, compare};

/// The body of a sample article (after its `---` header).
fn sample(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../store/sample")
        .join(format!("{name}.txt"));
    let text = std::fs::read_to_string(&path).expect("sample article exists");
    text.split_once("\n---\n")
        .expect("header ends with ---")
        .1
        .to_string()
}

/// The row holding the left sentence that starts with `prefix`.
fn row_of<'a>(c: &'a Comparison, prefix: &str) -> &'a parallax_engine::Row {
    let i = c
        .left
        .iter()
        .position(|s| s.text.starts_with(prefix))
        .expect("sentence exists");
    c.rows.iter().find(|r| r.left.contains(&i)).unwrap()
}

#[test]
fn the_evacuation_order_is_not_linked_to_the_brevik_sentence_issue_10() {
    let c = compare(
        &sample("courier"),
        &sample("wire"),
        &CompareOptions::default(),
    );
    assert_eq!(c.mode, Mode::Accounts);
    let r = row_of(&c, "The evacuation order, issued at 3:15");
    for &j in &r.right {
        assert!(
            !c.right[j].text.starts_with("Tomas Brevik"),
            "linked to {:?}",
            c.right[j].text
        );
    }
    // A one-sided row has no claims but may point at what it is possibly related to.
    if r.right.is_empty() {
        assert!(r.claims.is_empty());
        assert!(r.related.is_some_and(|j| j < c.right.len()));
    }
}

#[test]
fn the_lead_names_the_number_difference_issue_10() {
    let c = compare(
        &sample("courier"),
        &sample("wire"),
        &CompareOptions::default(),
    );
    let r = row_of(&c, "About 3,400 Kestleford residents");
    assert!(r.right.contains(&0), "the two leads are linked");
    let n = r
        .claims
        .iter()
        .find(|x| x.facet == Facet::Number && x.status == ClaimStatus::Differs)
        .expect("a differing number");
    assert!(n.left.as_deref().unwrap().starts_with("3,400"));
    assert!(n.right.as_deref().unwrap().starts_with("2,100"));
    assert!(c.summary.claims.iter().any(|f| f.facet == Facet::Number));
    for r in &c.rows {
        assert!((0.0..=1.0).contains(&r.confidence.value()));
    }
}
