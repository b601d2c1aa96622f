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

mod hostile {
    //! Generated hostile queries (issue 15): FTS5 syntax, thousands of terms, repeats, control
    //! characters. None is an error, and no query keeps more than `MAX_TERMS` terms.

    use parallax_store::{Library, MAX_TITLE_CHARS, fts_query};
    use proptest::prelude::*;

    use crate::common::{article, text};

    fn query() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("council".to_string()),
            Just("COUNCIL".to_string()),
            Just("\"".to_string()),
            Just("NEAR(".to_string()),
            Just("*".to_string()),
            Just("AND OR NOT".to_string()),
            Just("title:".to_string()),
            Just("\u{1b}[2J".to_string()),
            "\\PC{0,12}",
        ];
        prop::collection::vec(word, 0..400).prop_map(|v| v.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

        #[test]
        fn any_query_is_answered_with_few_terms(q in query()) {
            let mut lib = Library::open_in_memory().unwrap();
            lib.add_article(
                &article("Courier", None),
                &text("Council vote", &["The council voted on the ferry."], 1000),
            )
            .unwrap();
            prop_assert!(lib.search(&q, 10).is_ok());
            if let Some(f) = fts_query(&q) {
                // Each kept term is one quoted phrase: an even count of unescaped quotes, two per term.
                let quotes = f.replace("\"\"", "").matches('"').count();
                prop_assert!(quotes <= 2 * parallax_store::MAX_SEARCH_TERMS);
            }
        }
    }

    #[test]
    fn stored_titles_and_text_hold_no_controls() {
        // Titles and bodies reach terminals (list, search) and exports: an ESC there is an
        // escape sequence, and an uncapped title made PDF export hang.
        let mut lib = Library::open_in_memory().unwrap();
        let long = format!("X\u{1b}]0;pwned\u{7} {}", "Title word ".repeat(2_000));
        lib.add_article(
            &article("Courier\u{1b}[31m", None),
            &text(
                &long,
                &["The council \u{1b}[2Jvoted\u{85} on the ferry."],
                1000,
            ),
        )
        .unwrap();
        let listed = lib.list_articles().unwrap();
        let title = &listed[0].title;
        assert!(
            title.chars().count() <= MAX_TITLE_CHARS,
            "{}",
            title.chars().count()
        );
        assert!(!title.chars().any(char::is_control), "{title:?}");
        assert!(!listed[0].outlet.chars().any(char::is_control));
        let hits = lib.search("ferry", 10).unwrap();
        let snippet: String = hits[0].snippet.iter().map(|p| p.text.as_str()).collect();
        assert!(!snippet.chars().any(char::is_control), "{snippet:?}");
        assert!(snippet.contains("[2Jvoted"), "{snippet:?}");
    }
}

#[test]
fn a_word_in_most_of_a_big_library_ranks_its_newest_matches_and_rare_words_still_find_old_text() {
    // Ranking every match of a very common word is what made search slow at 100,000
    // articles; it is ranked over its newest 5,000 matching versions instead. A rarer word is
    // ranked over all its matches, so old text is still found.
    let mut lib = Library::open_in_memory().unwrap();
    lib.batch(|lib| {
        for i in 0..5_050 {
            let url = format!("https://courier.example/gate-{i}");
            // The oldest article is the best match for "gate" by far: outside the window anyway.
            let extra = if i == 0 {
                " Gate, gate, gate: the Quorrel gate lock was oiled."
            } else {
                ""
            };
            lib.add_article(
                &article("The Courier", Some(&url)),
                &text(
                    &format!("Gate report {i}"),
                    &[&format!("The gate opened at dawn, day {i}.{extra}")],
                    1_000 + i,
                ),
            )?;
        }
        Ok::<_, parallax_store::Error>(())
    })
    .unwrap();
    let hits = lib.search("gate", 6_000).unwrap();
    // Bounded: the oldest 50 matches fall outside the window, even the one that would rank first.
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.title != "Gate report 0"));
    assert_eq!(hits[0].title, "Gate report 5049");
    let rare = lib.search("Quorrel", 10).unwrap();
    assert_eq!(rare.len(), 1);
    assert_eq!(rare[0].title, "Gate report 0");
}

#[test]
fn search_pages_are_windows_of_the_whole_result() {
    // Issue 11: the window shows a page of hits; snippets are made only for that page, and
    // the pages put together are the whole ranked result, each hit whole.
    let mut lib = Library::open_in_memory().unwrap();
    for k in 0..23 {
        let a = article(
            "Lantern Post",
            Some(&format!("https://lantern.example/{k}")),
        );
        let words = "tide ".repeat(1 + k % 5);
        lib.add_article(
            &a,
            &text(
                &format!("Harbour note {k}"),
                &[&format!("The {words}rose at pier {k}.")],
                100 + k as i64,
            ),
        )
        .unwrap();
        if k % 4 == 0 {
            lib.add_article(
                &a,
                &text(
                    &format!("Harbour note {k}"),
                    &[&format!("Calm at pier {k}.")],
                    900 + k as i64,
                ),
            )
            .unwrap();
        }
    }
    let whole = lib.search("tide", 100).unwrap();
    assert_eq!(whole.len(), 23);
    let mut pieced = Vec::new();
    for offset in (0..30).step_by(10) {
        let page = lib.search_page("tide", offset, 10).unwrap();
        assert_eq!(page.total, 23);
        assert_eq!(page.offset, offset as i64);
        assert_eq!(page.hits.len(), 23usize.saturating_sub(offset).min(10));
        pieced.extend(page.hits);
    }
    assert_eq!(pieced, whole, "pages piece together to the whole result");
    let revised: Vec<_> = whole.iter().filter(|h| h.version_count == 2).collect();
    assert_eq!(revised.len(), 6);
    assert!(
        revised
            .iter()
            .all(|h| h.removed_later && h.version_number == 1)
    );
    assert!(
        whole
            .iter()
            .all(|h| h.snippet.iter().any(|p| p.hit && p.text == "tide"))
    );
    let past = lib.search_page("tide", 40, 10).unwrap();
    assert_eq!((past.total, past.hits.len()), (23, 0));
    let capped = lib.search_page("tide", 0, 10_000).unwrap();
    assert_eq!(capped.hits.len(), 23);
    assert_eq!(lib.search_page("  ", 0, 10).unwrap().total, 0);
}
