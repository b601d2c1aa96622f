//! Unit tests of claim labelling: significance and facets of single changes.

use super::*;

#[test]
fn cosmetic_changes() {
    assert!(is_cosmetic(
        "The colour of the centre.",
        "The color of the center."
    ));
    assert!(is_cosmetic(
        "He said \"yes\" - twice.",
        "he said \u{201C}yes\u{201D} \u{2014} twice"
    ));
    assert!(is_cosmetic(
        "The goverment will organise talks.",
        "The government will organize talks."
    ));
    assert!(is_cosmetic("It was was late.", "It was late."));
    assert!(is_cosmetic("an e-mail", "an email"));
}

#[test]
fn a_single_changed_word_is_substantive() {
    assert!(!is_cosmetic(
        "The bridge will open.",
        "The bridge will close."
    ));
    assert!(!is_cosmetic("Prices rose.", "Prices rise."));
    assert!(!is_cosmetic("Four people died.", "Five people died."));
    assert!(!is_cosmetic("12 people died.", "13 people died."));
}

#[test]
fn facets_of_edits() {
    let f = |a, b| label_change(a, b, (None, None), |_| false).1;
    assert_eq!(
        f("Twelve people were hurt.", "Fourteen people were hurt."),
        vec![Facet::Number]
    );
    assert_eq!(
        f("12 people were hurt.", "14 people were hurt."),
        vec![Facet::Number]
    );
    assert_eq!(
        f("The vote is on Monday.", "The vote is on Tuesday."),
        vec![Facet::Date]
    );
    assert_eq!(
        f(
            "The plan was backed by Jones.",
            "The plan was backed by Smith."
        ),
        vec![Facet::Name]
    );
    assert_eq!(
        f("The mill will close.", "The mill will not close."),
        vec![Facet::Negation]
    );
    assert_eq!(
        f("The mayor resigned.", "The mayor reportedly resigned."),
        vec![Facet::Hedge]
    );
    assert_eq!(
        f(
            "\"We are ready,\" Jones said.",
            "\"We are ready,\" Smith said."
        ),
        vec![Facet::Name, Facet::Attribution]
    );
    assert_eq!(
        f("She said \"it works\".", "She said \"it mostly works\"."),
        vec![Facet::Quote]
    );
    assert_eq!(
        f("The mill closed, he said.", "The mill closed, he claimed."),
        vec![Facet::Attribution]
    );
}

#[test]
fn assertion_facets_of_a_removed_quote() {
    assert_eq!(
        assertion_facets("\"We did nothing wrong,\" said Ms. Park on Friday.", None),
        vec![
            Facet::Date,
            Facet::Name,
            Facet::Quote,
            Facet::Attribution,
            Facet::Negation
        ]
    );
}

#[test]
fn streamed_canonical_form_equals_the_collected_one() {
    for (s, words) in [
        (
            "The the colour of the organisation's centre, the the end.",
            &[
                "the",
                "color",
                "of",
                "the",
                "organization",
                "s",
                "center",
                "the",
                "end",
            ][..],
        ),
        ("Straße und Strasse", &["strasse", "und", "strasse"][..]),
        ("", &[][..]),
    ] {
        assert_eq!(canonical(&tokens(s)), words, "{s:?}");
        assert_eq!(
            canonical_chars(&tokens(s)).collect::<String>(),
            words.concat(),
            "{s:?}"
        );
    }
    // Rows over the size guard still tell cosmetic from substantive.
    let long = "word ".repeat(60_000);
    assert_eq!(
        label_change(&long, &format!("{long} Word."), (None, None), |_| false).0,
        Significance::Cosmetic
    );
    assert_eq!(
        label_change(&long, &format!("{long} other"), (None, None), |_| false).0,
        Significance::Substantive
    );
}

#[test]
fn a_real_word_put_for_another_is_substantive_issue_10() {
    // One vowel for another turns a word into a different word: the claim changes.
    assert!(!is_cosmetic(
        "They looked into any possible collision involving the campaign.",
        "They looked into any possible collusion involving the campaign."
    ));
    // Dropped, doubled and transposed letters stay typo-sized slips.
    assert!(is_cosmetic(
        "The committee will recieve the report.",
        "The committee will receive the report."
    ));
    assert!(is_cosmetic(
        "The goverment will decide.",
        "The government will decide."
    ));
}

#[test]
fn a_broken_name_repaired_is_cosmetic_when_the_text_names_it_issue_10() {
    let known = |w: &str| w == "putin";
    assert!(repairs_known_name(
        "Mr . utin told reporters.",
        "Mr Putin told reporters.",
        known
    ));
    // Not named elsewhere: a new name is a new claim.
    assert!(!repairs_known_name(
        "Mr . utin told reporters.",
        "Mr Putin told reporters.",
        |_| false
    ));
    // A different name is no repair, even when the text knows it.
    assert!(!repairs_known_name(
        "Mr Jones told reporters.",
        "Mr Putin told reporters.",
        known
    ));
    // Through `compare`: the old text names Mr Putin elsewhere, so the row is cosmetic.
    let old = "Mr Putin arrived on Monday.\n\nMr . utin told reporters he was pleased.";
    let new = "Mr Putin arrived on Monday.\n\nMr Putin told reporters he was pleased.";
    let c = crate::compare(old, new, &crate::CompareOptions::default());
    assert_eq!(c.rows[1].kind, crate::RowKind::Edited);
    assert_eq!(c.rows[1].significance, Significance::Cosmetic);
}

#[test]
fn words_without_a_spelling_variant_are_kept_and_the_rest_fold() {
    for w in ["council", "approved", "homes", "tour", "river"] {
        assert_eq!(fold_spelling(w), w);
    }
    assert!(!has_variant("council", 7));
    assert_eq!(fold_spelling("colour"), "color");
    assert_eq!(fold_spelling("realised"), "realized");
    assert_eq!(fold_spelling("centre"), "center");
    assert_eq!(fold_spelling("straße"), "strasse");
}

proptest::proptest! {
    #[test]
    fn ascii_names_are_read_as_the_general_path_reads_them(
        s in "([A-Z]?[a-z0-9]{0,4}[.:!?,'\"(]{0,2}[ \t\x0b]{1,2}){0,10}"
    ) {
        proptest::prop_assert_eq!(ascii_names(s.as_bytes()), char_names(&s));
    }

    #[test]
    fn any_ascii_names_are_read_as_the_general_path_reads_them(s in "[ -~\t\n\x0b\x0c\r]{0,80}") {
        proptest::prop_assert_eq!(ascii_names(s.as_bytes()), char_names(&s));
    }

    /// Quotes of ASCII text cut from the text itself are the ones read on a folded copy
    /// (backquotes and apostrophes inside and between quotes are drawn often).
    #[test]
    fn ascii_quotes_are_read_as_the_general_path_reads_them(
        s in "([A-Za-z0-9]{1,4}|[ \"`',.]){0,30}"
    ) {
        proptest::prop_assert_eq!(ascii_quoted_spans(&s), char_quoted_spans(&s));
    }

    /// The collected canonical words are the streamed ones (doubled words and spelling variants
    /// drawn often, so both the dropping and the folding are exercised).
    #[test]
    fn collected_canonical_words_are_the_streamed_ones(
        s in "((colour|color|the|The|centre|realised|x)[ .,]{1,2}){0,12}"
    ) {
        let t = tokens(&s);
        proptest::prop_assert_eq!(canonical(&t), canonical_words(&t).collect::<Vec<_>>());
    }
}
