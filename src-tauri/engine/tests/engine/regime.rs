//! Regime choice: `detect_mode` must tell an edited copy from a retelling even when no sentence
//! survives verbatim.

use parallax_engine::{Mode, align_with, detect_mode};

fn v(s: &[&str]) -> Vec<String> {
    s.iter().map(|x| x.to_string()).collect()
}

/// A copy edit that touches every sentence (one word or figure each) is still a revision: the
/// verbatim rule alone saw nothing shared here and picked the paraphrase regime.
#[test]
fn copy_edit_touching_every_sentence_is_a_revision() {
    let old = v(&[
        "The council approved the new harbour budget on Tuesday evening.",
        "It sets aside 12 million euros for dredging and repairs to the north pier.",
        "Opposition members said the plan ignored the fishing cooperative.",
        "A final vote on the ferry contract is expected in March.",
    ]);
    let new = v(&[
        "The council approved the new harbour budget on Tuesday night.",
        "It sets aside 14 million euros for dredging and repairs to the north pier.",
        "Opposition members said the plan ignored the local fishing cooperative.",
        "A final vote on the ferry contract is now expected in April.",
    ]);
    assert_eq!(detect_mode(&old, &new), Mode::Revision);
    // Aligning without a forced regime picks the same one, and pairs the edited sentences in order.
    let (mode, groups) = align_with(&old, &new, None);
    assert_eq!(mode, Mode::Revision);
    let pairs: Vec<(Vec<usize>, Vec<usize>)> = groups.into_iter().map(|g| (g.a, g.b)).collect();
    assert_eq!(
        pairs,
        (0..4).map(|i| (vec![i], vec![i])).collect::<Vec<_>>()
    );
}

/// Two tellings of one story share names and key words but not wording: paraphrase regime.
#[test]
fn two_tellings_of_one_story_are_accounts() {
    let one = v(&[
        "A crow found a piece of cheese and flew up into a tall tree with it.",
        "A fox saw her there and wanted the cheese for himself.",
        "He praised her feathers and begged to hear her lovely voice.",
        "The vain bird opened her beak to sing, and the cheese fell to the ground.",
    ]);
    let two = v(&[
        "Perched on a branch, the crow held a morsel of cheese in her beak.",
        "Below, a hungry fox thought of a trick.",
        "\"Surely a bird so beautiful sings sweetly too,\" he said.",
        "Flattered, she cawed, dropped her prize, and the fox ran off with it.",
    ]);
    assert_eq!(detect_mode(&one, &two), Mode::Accounts);
    assert_eq!(align_with(&one, &two, None).0, Mode::Accounts);
}
