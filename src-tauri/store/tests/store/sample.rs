//! The sample library: loaded into an empty library once, forming a story, with a
//! five-version article whose edits are exactly those sample/README.md lists.

use parallax_store::{Library, SampleOutcome};

const NOW: i64 = 1_780_000_000;

#[test]
fn sample_loads_once_even_after_its_articles_are_deleted() {
    // Issue 2: "Loaded on first launch into an empty library, never twice." A user who
    // deletes the sample must not see it come back on the next launch.
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open_in_dir(dir.path()).unwrap();
    assert_eq!(
        lib.load_sample_if_empty(NOW).unwrap(),
        SampleOutcome::Loaded
    );
    assert_eq!(
        lib.list_articles().unwrap().len(),
        4,
        "three accounts + one revised article"
    );
    assert_eq!(
        lib.load_sample_if_empty(NOW + 1).unwrap(),
        SampleOutcome::AlreadyLoaded
    );
    assert_eq!(
        lib.list_articles().unwrap().len(),
        4,
        "second call added nothing"
    );

    for a in lib.list_articles().unwrap() {
        lib.delete_article(a.id).unwrap();
    }
    drop(lib);
    let mut lib = Library::open_in_dir(dir.path()).unwrap();
    assert_eq!(
        lib.load_sample_if_empty(NOW + 2).unwrap(),
        SampleOutcome::AlreadyLoaded
    );
    assert!(
        lib.list_articles().unwrap().is_empty(),
        "the deleted sample stays deleted"
    );
}

#[test]
fn sample_is_not_mixed_into_a_users_library() {
    // A library that already holds the user's articles must not get fictional news added.
    let mut lib = Library::open_in_memory().unwrap();
    lib.add_article(
        &crate::common::article("Courier", None),
        &crate::common::text("Mine", &["x"], 1),
    )
    .unwrap();
    assert_eq!(
        lib.load_sample_if_empty(NOW).unwrap(),
        SampleOutcome::NotEmpty
    );
    assert_eq!(lib.list_articles().unwrap().len(), 1);
}

#[test]
fn sample_story_has_three_distinct_accounts() {
    // The story view needs three outlets' accounts of one event, each long enough to compare.
    let mut lib = Library::open_in_memory().unwrap();
    lib.load_sample_if_empty(NOW).unwrap();
    let stories = lib.list_stories().unwrap();
    assert_eq!(stories.len(), 1);
    let story = &stories[0];
    let outlets: Vec<&str> = story.articles.iter().map(|a| a.outlet.as_str()).collect();
    assert_eq!(
        outlets,
        vec![
            "The Kestleford Courier",
            "Northern Wire",
            "The Meridian Daily"
        ]
    );
    for a in &story.articles {
        let v = lib.latest_version(a.id).unwrap();
        assert!(
            v.paragraphs.len() >= 8,
            "{} has {} paragraphs",
            a.outlet,
            v.paragraphs.len()
        );
        assert_eq!(a.version_count, 1);
        assert!(
            v.info.published.unwrap() < v.info.fetched,
            "published before fetched"
        );
    }
    // The disputed figure: the Courier leads with 3,400, the Wire with 2,100.
    let lead = |i: usize| lib.latest_version(story.articles[i].id).unwrap().paragraphs[0].clone();
    assert!(lead(0).contains("3,400"));
    assert!(lead(1).contains("2,100") && lead(1).contains("3,400"));
    // The key fact the Meridian leaves out: the 2024 inspection warning.
    let body = |i: usize| {
        lib.latest_version(story.articles[i].id)
            .unwrap()
            .paragraphs
            .join(" ")
    };
    assert!(body(0).contains("2024 inspection") && body(1).contains("2024"));
    assert!(!body(2).contains("2024") && !body(2).contains("inspection"));
    let outlets = lib.list_outlets().unwrap();
    assert_eq!(
        outlets.len(),
        3,
        "the revised article is the Courier's, not a fourth outlet"
    );
}

#[test]
fn sample_revisions_make_exactly_the_documented_edits() {
    // The compare view's tests assert these edits (sample/README.md); a stray change in a
    // revision file would make them lie.
    let mut lib = Library::open_in_memory().unwrap();
    lib.load_sample_if_empty(NOW).unwrap();
    let revised = lib
        .list_articles()
        .unwrap()
        .into_iter()
        .find(|a| a.version_count > 1)
        .unwrap();
    assert_eq!(revised.version_count, 5);
    let versions: Vec<_> = lib
        .versions_of(revised.id)
        .unwrap()
        .iter()
        .map(|v| lib.get_version(v.id).unwrap())
        .collect();
    let p = |v: usize| versions[v - 1].paragraphs.clone();
    assert!(
        versions
            .windows(2)
            .all(|w| w[0].info.fetched < w[1].info.fetched)
    );
    assert_eq!(
        versions
            .iter()
            .map(|v| v.paragraphs.len())
            .collect::<Vec<_>>(),
        vec![8, 8, 8, 9, 8]
    );

    // v1 → v2: number, typo, spacing; nothing else.
    assert_eq!(
        p(2)[0],
        p(1)[0].replace("about 600 households", "about 900 households")
    );
    assert_eq!(p(2)[1], p(1)[1].replace("resevoir", "reservoir"));
    assert_eq!(
        p(2)[3],
        p(1)[3].replace("said the  order", "said the order")
    );
    assert_eq!(diff_positions(&p(1), &p(2)), vec![0, 1, 3]);
    // v2 → v3: quote re-attributed, hedge added.
    assert_eq!(
        p(3)[4],
        p(2)[4].replace(
            "said Glen Harrow, a spokesman for the authority.",
            "said Priya Nandakumar, the authority's chief engineer."
        )
    );
    assert_eq!(
        p(3)[5],
        p(2)[5].replace("had been flagged", "had reportedly been flagged")
    );
    assert_eq!(diff_positions(&p(2), &p(3)), vec![4, 5]);
    // v3 → v4: hedge removed, paragraph 3 moved after the shelter paragraph, one added.
    let mut expected = p(3);
    expected[5] = p(2)[5].clone();
    let moved = expected.remove(2);
    expected.push(moved);
    expected.push(p(4)[8].clone());
    assert_eq!(p(4), expected);
    assert!(p(4)[8].starts_with("The authority will hold a public meeting"));
    // v4 → v5: the chalkboard paragraph removed, headline changed.
    let mut expected = p(4);
    let removed = expected.remove(5);
    assert!(removed.contains("chalkboard outside the bakery"));
    assert_eq!(p(5), expected);
    assert_eq!(
        versions[3].info.title, versions[0].info.title,
        "headline unchanged until v5"
    );
    assert_ne!(versions[4].info.title, versions[3].info.title);
    assert!(
        versions
            .iter()
            .all(|v| v.info.byline == versions[0].info.byline)
    );
}

fn diff_positions(a: &[String], b: &[String]) -> Vec<usize> {
    assert_eq!(a.len(), b.len());
    (0..a.len()).filter(|&i| a[i] != b[i]).collect()
}

#[test]
fn sample_search_finds_phrases_removed_later() {
    // The E2E test searches a phrase only an old version contains (sample/README.md).
    let mut lib = Library::open_in_memory().unwrap();
    lib.load_sample_if_empty(NOW).unwrap();
    let hits = lib.search("600 households", 10).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!((hits[0].version_number, hits[0].version_count), (1, 5));
    assert!(hits[0].removed_later);
    assert_eq!(hits[0].matched_version_ids.len(), 1);

    let hits = lib.search("\"chalkboard outside the bakery\"", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].version_number, 4);
    assert_eq!(hits[0].matched_version_ids.len(), 4);
    assert!(hits[0].removed_later);

    let hits = lib
        .search("\"Millrace residents return home\"", 10)
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].version_number, 5);
    assert!(!hits[0].removed_later);

    // A word in every account finds all four articles.
    assert_eq!(lib.search("Kestleford", 10).unwrap().len(), 4);
}
