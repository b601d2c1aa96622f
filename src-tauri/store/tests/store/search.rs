//! Full-text search: every version is searchable, and hits say when text was removed later.

use parallax_store::{AddOutcome, Library};

use crate::common::{article, text};

#[test]
fn search_finds_text_only_an_old_version_has_and_marks_it_removed_later() {
    // Issue 2/6: a search must also find what a later version removed, and say so, because
    // catching stealth edits is the point of keeping every version.
    let mut lib = Library::open_in_memory().unwrap();
    let a = article("Courier", Some("https://courier.example/dam"));
    let v1 = lib
        .add_article(
            &a,
            &text(
                "Dam gate fails",
                &[
                    "Water poured over the spillway.",
                    "A ferry bell rang in the lower town.",
                ],
                1000,
            ),
        )
        .unwrap();
    let v2 = lib
        .add_article(
            &a,
            &text("Dam gate fails", &["Water poured over the spillway."], 2000),
        )
        .unwrap();
    assert_eq!(
        v2.outcome,
        AddOutcome::NewVersion,
        "a changed text is a new version"
    );

    let hits = lib.search("ferry bell", 10).unwrap();
    assert_eq!(hits.len(), 1, "one article matches");
    let hit = &hits[0];
    assert_eq!(
        hit.version_id, v1.version_id,
        "the hit points at the version holding the text"
    );
    assert_eq!(hit.version_number, 1);
    assert_eq!(hit.version_count, 2);
    assert!(
        hit.removed_later,
        "the latest version no longer has the phrase"
    );
    assert!(
        hit.snippet
            .iter()
            .any(|p| p.hit && p.text.eq_ignore_ascii_case("ferry")),
        "the snippet marks the matched words: {:?}",
        hit.snippet
    );

    let hits = lib.search("spillway", 10).unwrap();
    assert_eq!(
        hits[0].version_id, v2.version_id,
        "newest matching version is reported"
    );
    assert!(
        !hits[0].removed_later,
        "text still present in the latest version"
    );
    assert_eq!(
        hits[0].matched_version_ids,
        vec![v1.version_id, v2.version_id]
    );
}

#[test]
fn any_user_text_is_a_valid_query() {
    // FTS5 syntax errors would surface as crashes in the search box; user text is never syntax.
    let mut lib = Library::open_in_memory().unwrap();
    lib.add_article(
        &article("Wire", None),
        &text(
            "Port strike",
            &["Dockers walked out (again) at 6am: \"no deal\"."],
            10,
        ),
    )
    .unwrap();
    for q in [
        "\"",
        "NOT",
        "a OR",
        "(",
        "\"no deal",
        "col:umn",
        "*",
        "NEAR(a b)",
        "'",
        "-",
        "6am:",
    ] {
        lib.search(q, 10)
            .unwrap_or_else(|e| panic!("query {q:?} failed: {e}"));
    }
    assert_eq!(
        lib.search("\"no deal\"", 10).unwrap().len(),
        1,
        "a quoted phrase matches"
    );
    assert_eq!(
        lib.search("deal no", 10).unwrap().len(),
        1,
        "words match in any order"
    );
    assert_eq!(
        lib.search("\"deal no\"", 10).unwrap().len(),
        0,
        "a phrase keeps its order"
    );
    assert_eq!(
        lib.search("dock*", 10).unwrap().len(),
        1,
        "a trailing star is a prefix search"
    );
    assert_eq!(
        lib.search("", 10).unwrap().len(),
        0,
        "empty input finds nothing, no error"
    );
}

#[test]
fn search_matches_word_forms_and_accents() {
    // People search for the idea, not the exact inflection: "evacuate" should find
    // "evacuated", and "cafe" should find "café".
    let mut lib = Library::open_in_memory().unwrap();
    lib.add_article(
        &article("Courier", None),
        &text(
            "Residents evacuated",
            &["The café on the quay closed early."],
            10,
        ),
    )
    .unwrap();
    assert_eq!(lib.search("evacuate", 10).unwrap().len(), 1);
    assert_eq!(lib.search("cafe", 10).unwrap().len(), 1);
    assert_eq!(lib.search("closing", 10).unwrap().len(), 1);
    assert_eq!(
        lib.search("bakery", 10).unwrap().len(),
        0,
        "and unrelated words still miss"
    );
}
