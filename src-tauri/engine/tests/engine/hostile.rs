//! Hostile structure (issue 15): shuffles of near-identical sentences keep every verbatim
//! sentence linked; word-free runs, control and bidi characters and very long "sentences" come
//! back as valid comparisons. Timing is the benchmarks' and the hostile-input suite's job.

use parallax_engine::{
    CompareOptions, Comparison, Mode, ModeChoice, RowKind, Significance, compare, compare_sentences,
};
use proptest::prelude::*;

/// Templated sentences that differ only in a number or one word: the case that paired a
/// sentence with its neighbour instead of its twin.
fn templated(n: usize) -> Vec<String> {
    let places = ["harbour", "market", "river", "station"];
    (0..n)
        .map(|k| {
            format!(
                "The council approved plan number {k} for the {} district on Tuesday.",
                places[k % places.len()]
            )
        })
        .collect()
}

/// Every sentence that occurs exactly once on each side sits in a 1:1 row with its twin,
/// unchanged or moved: never added on one side and removed on the other.
fn twins_linked(c: &Comparison) -> Result<(), String> {
    let count =
        |side: &[parallax_engine::Sentence], t: &str| side.iter().filter(|s| s.text == t).count();
    for (i, s) in c.left.iter().enumerate() {
        if count(&c.left, &s.text) != 1 || count(&c.right, &s.text) != 1 {
            continue;
        }
        let j = c.right.iter().position(|r| r.text == s.text).unwrap();
        let row = c.rows.iter().find(|r| r.left.contains(&i)).unwrap();
        if row.left != [i]
            || row.right != [j]
            || !matches!(row.kind, RowKind::Unchanged | RowKind::Moved)
        {
            return Err(format!(
                "left {i} ({:?}) is in {:?} {:?}→{:?}, not with right {j}",
                s.text, row.kind, row.left, row.right
            ));
        }
    }
    Ok(())
}

fn sentences(v: &[String]) -> Vec<parallax_engine::Sentence> {
    v.iter()
        .map(|t| parallax_engine::Sentence {
            text: t.clone(),
            paragraph: 0,
        })
        .collect()
}

fn shuffled(v: &[String], order: &[usize]) -> Vec<String> {
    order.iter().map(|&k| v[k].clone()).collect()
}

#[test]
fn fifty_shuffled_templated_sentences_are_all_linked() {
    // The probe's case: 8 removed, 8 added, 3 split and 3 merged rows although every sentence
    // was on both sides.
    let a = templated(50);
    let mut order: Vec<usize> = (0..50).collect();
    // A fixed shuffle (multiplication by a unit mod 50).
    order.sort_by_key(|&k| (k * 17) % 50);
    let b = shuffled(&a, &order);
    for mode in [ModeChoice::Auto, ModeChoice::Revision, ModeChoice::Accounts] {
        let c = compare_sentences(
            sentences(&a),
            sentences(&b),
            &CompareOptions {
                mode,
                ..CompareOptions::default()
            },
        );
        twins_linked(&c).unwrap();
        let s = &c.summary;
        assert_eq!(
            (s.added, s.removed, s.split, s.merged, s.edited),
            (0, 0, 0, 0, 0),
            "{mode:?}: {s:?}"
        );
    }
}

#[test]
fn a_bidi_override_around_a_number_is_substantive() {
    // U+202E…U+202C makes "40" display as "04": a reader sees another number.
    let c = compare(
        "The council approved 40 homes.",
        "The council approved \u{202E}40\u{202C} homes.",
        &CompareOptions::default(),
    );
    assert_eq!(c.rows.len(), 1);
    assert_eq!(c.rows[0].significance, Significance::Substantive);
    // Removing the controls again is just as visible.
    let back = compare(
        "The council approved \u{202E}40\u{202C} homes.",
        "The council approved 40 homes.",
        &CompareOptions::default(),
    );
    assert_eq!(back.rows[0].significance, Significance::Substantive);
}

/// Sentences for shuffles: templated ones, some repeated, some edited by one word.
/// `n` sentences of made-up words, none shared with another seed's (a fixed linear congruential
/// sequence, so the test is the same every run).
fn unrelated(n: usize, seed: u64) -> Vec<String> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            let words: Vec<String> = (0..9)
                .map(|_| {
                    x = x
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    format!(
                        "{}{}",
                        ["zo", "ka", "mu", "ri"][(x >> 60) as usize % 4],
                        (x >> 33) % 5_000
                    )
                })
                .collect();
            format!("Seed{seed} {}.", words.join(" "))
        })
        .collect()
}

#[test]
fn a_stretch_past_the_detail_budget_is_one_coarse_row_and_the_rest_keeps_its_detail() {
    // 7,000 unrelated sentences a side (about 1.3 million work units) between two verbatim
    // sentences, and an edited figure after them.
    let (first, anchor) = ("The ferry council met on Monday.", "The vote was close.");
    let mut a = vec![first.to_string()];
    a.extend(unrelated(7_000, 1));
    a.extend([
        anchor.to_string(),
        "The fare rises to 4 crowns.".to_string(),
    ]);
    let mut b = vec![first.to_string()];
    b.extend(unrelated(7_000, 2));
    b.extend([
        anchor.to_string(),
        "The fare rises to 5 crowns.".to_string(),
    ]);
    let c = compare_sentences(sentences(&a), sentences(&b), &CompareOptions::default());
    let coarse: Vec<_> = c.rows.iter().filter(|r| r.coarse).collect();
    assert_eq!(coarse.len(), 1, "one coarse row");
    assert_eq!(c.summary.coarse, 1, "the summary says so");
    let row = coarse[0];
    assert_eq!(
        (row.kind, row.left.len(), row.right.len()),
        (RowKind::Edited, 7_000, 7_000)
    );
    assert_eq!(
        (row.left[0], row.right[0]),
        (1, 1),
        "the stretch between the verbatim sentences"
    );
    assert!(row.facets.is_empty() && row.claims.is_empty(), "no detail");
    let tags: Vec<_> = row.segments.iter().map(|s| s.tag).collect();
    assert_eq!(
        tags,
        [parallax_engine::Tag::Delete, parallax_engine::Tag::Insert]
    );
    // Outside the stretch the comparison is as detailed as ever.
    let fare = c.rows.iter().find(|r| r.left == [7_002]).unwrap();
    assert!(!fare.coarse && fare.kind == RowKind::Edited);
    assert!(fare.facets.contains(&parallax_engine::Facet::Number));
    assert_eq!(
        c.rows
            .iter()
            .filter(|r| r.kind == RowKind::Unchanged)
            .count(),
        2
    );
    // And the JSON says it: ordinary comparisons carry no `coarse` key at all.
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["summary"]["coarse"], 1);
    let small = compare(
        first,
        "The ferry council met on Tuesday.",
        &CompareOptions::default(),
    );
    assert!(!serde_json::to_string(&small).unwrap().contains("coarse"));
}

fn pool() -> impl Strategy<Value = (Vec<String>, Vec<String>)> {
    (2usize..40, any::<u64>(), prop::collection::vec(0u8..4, 40)).prop_map(|(n, seed, edits)| {
        let a = templated(n);
        // A deterministic shuffle from the seed.
        let mut keyed: Vec<(u64, usize)> = (0..n)
            .map(|k| ((k as u64 + 1).wrapping_mul(seed | 1).rotate_left(17), k))
            .collect();
        keyed.sort();
        let mut b: Vec<String> = keyed.iter().map(|&(_, k)| a[k].clone()).collect();
        for (k, e) in edits.iter().enumerate().take(b.len()) {
            match e {
                1 => b[k] = b[k].replace("Tuesday", "Wednesday"), // near-identical, not verbatim
                2 if k > 0 => b[k] = b[k - 1].clone(),            // a repeat: no longer unique
                _ => {}
            }
        }
        (a, b)
    })
}

/// Text with hostile structure: runs of terminals, controls, bidi and invisible characters,
/// very long words, mixed with ordinary sentences.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(". ".repeat(300)),
        Just("? ! ... ".repeat(100)),
        Just("\u{1b}[2J\u{7}\u{85}".to_string()),
        Just("\u{202E}40\u{202C} \u{2066}x\u{2069} \u{200B}\u{FEFF}".to_string()),
        Just("x".repeat(5_000)),
        Just("The council met on Tuesday. ".to_string()),
        Just("\n\n".to_string()),
        "\\PC{0,40}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, .. ProptestConfig::default() })]

    #[test]
    fn shuffles_of_near_identical_sentences_keep_twins_linked((a, b) in pool(), mode in 0u8..3) {
        let mode = [ModeChoice::Auto, ModeChoice::Revision, ModeChoice::Accounts][mode as usize];
        let c = compare_sentences(sentences(&a), sentences(&b), &CompareOptions { mode, ..CompareOptions::default() });
        prop_assert!(twins_linked(&c).is_ok(), "{}", twins_linked(&c).unwrap_err());
    }

    #[test]
    fn hostile_structure_gives_a_whole_comparison(old in hostile_text(), new in hostile_text()) {
        for mode in [ModeChoice::Revision, ModeChoice::Accounts] {
            let c = compare(&old, &new, &CompareOptions { mode, ..CompareOptions::default() });
            // Every sentence in exactly one row per side.
            let mut seen_l = vec![0; c.left.len()];
            let mut seen_r = vec![0; c.right.len()];
            for r in &c.rows {
                r.left.iter().for_each(|&i| seen_l[i] += 1);
                r.right.iter().for_each(|&j| seen_r[j] += 1);
            }
            prop_assert!(seen_l.iter().chain(&seen_r).all(|&n| n == 1));
            prop_assert!(matches!(c.mode, Mode::Revision | Mode::Accounts));
        }
    }
}
