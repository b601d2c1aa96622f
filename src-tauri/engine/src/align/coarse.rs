//! The detail budget of one comparison. Everything after the verbatim diff (profiles, the scored
//! alignment, evidence, word diffs, claim labels) costs about the bytes of the sentences the diff
//! left unmatched, so two texts that share nothing cost in proportion to all of their text: two
//! 20 MB files of unrelated prose took minutes. The stretches of unmatched sentences between
//! verbatim matches get that detail smallest first while [`DETAIL_BUDGET`] lasts; a stretch past
//! it stays whole (one coarse row: replaced, added or removed, without word-level detail), and
//! the comparison says so. Ordinary texts (a revision of an article, two outlets' accounts) use
//! a small part of the budget and are compared as before. Turning rows into a `Comparison` is
//! left to `compare`.

use similar::DiffOp;

use super::Group;

/// Work units one comparison may spend on detail: a unit is a byte of an unmatched sentence
/// (up to the profile's prefix), and each sentence adds [`SENTENCE_COST`]. Two full rewrites of
/// a 20,000-word article (about 250,000 units) stay well inside; what it allows takes a few
/// hundred milliseconds in a release build.
pub(crate) const DETAIL_BUDGET: usize = 1_000_000;

/// What one sentence costs beyond its bytes (its profile, row and labels), so that megabytes of
/// one-character "sentences" are bounded too.
const SENTENCE_COST: usize = 32;

/// Bytes of one sentence that count: what its profile and content words read; labels and word
/// diffs have size guards of their own.
const SENTENCE_BYTES: usize = crate::similarity::PROFILE_CHARS;

/// Which of `ops` stay coarse: the non-equal ops, smallest first, get detail while the budget
/// lasts. Sentences in `twin_a`/`twin_b` (linked verbatim whatever happens) cost nothing.
pub(super) fn past_budget(
    a: &[String],
    b: &[String],
    ops: &[DiffOp],
    twin_a: &[bool],
    twin_b: &[bool],
) -> Vec<bool> {
    let cost = |s: &[String], twin: &[bool], r: std::ops::Range<usize>| -> usize {
        r.filter(|&i| !twin[i])
            .map(|i| s[i].len().min(SENTENCE_BYTES) + SENTENCE_COST)
            .sum()
    };
    let mut work: Vec<(usize, usize)> = ops
        .iter()
        .enumerate()
        .filter(|(_, op)| !matches!(op, DiffOp::Equal { .. }))
        .map(|(k, op)| {
            (
                cost(a, twin_a, op.old_range()) + cost(b, twin_b, op.new_range()),
                k,
            )
        })
        .collect();
    let mut coarse = vec![false; ops.len()];
    if work.iter().map(|w| w.0).sum::<usize>() <= DETAIL_BUDGET {
        return coarse;
    }
    work.sort_unstable();
    let mut spent = 0;
    for (w, k) in work {
        if spent + w <= DETAIL_BUDGET {
            spent += w;
        } else {
            coarse[k] = true;
        }
    }
    coarse
}

/// The rows of one coarse stretch (its sentences on each side, twins left out, ascending): one
/// replaced group when each side is one run, else one group per run with the other side empty
/// (a row's sentences must be adjacent, and twins may cut a stretch anywhere).
pub(super) fn stretch_groups(ia: &[usize], ib: &[usize]) -> Vec<Group> {
    let (ra, rb) = (runs(ia), runs(ib));
    if ra.len() == 1 && rb.len() == 1 {
        return vec![Group {
            a: ra[0].clone(),
            b: rb[0].clone(),
        }];
    }
    let left = ra.into_iter().map(|a| Group { a, b: Vec::new() });
    let right = rb.into_iter().map(|b| Group { a: Vec::new(), b });
    left.chain(right).collect()
}

/// Maximal runs of consecutive indices.
fn runs(idx: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for &k in idx {
        match out.last_mut() {
            Some(run) if run.last().is_some_and(|&l| l + 1 == k) => run.push(k),
            _ => out.push(vec![k]),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(n: usize, len: usize) -> Vec<String> {
        (0..n).map(|_| "x".repeat(len)).collect()
    }

    #[test]
    fn within_the_budget_nothing_is_coarse() {
        let (a, b) = (text(1_000, 100), text(1_000, 99));
        let ops = vec![DiffOp::Replace {
            old_index: 0,
            old_len: 1_000,
            new_index: 0,
            new_len: 1_000,
        }];
        assert_eq!(
            past_budget(&a, &b, &ops, &[false; 1_000], &[false; 1_000]),
            [false]
        );
    }

    #[test]
    fn past_the_budget_the_largest_stretches_stay_coarse() {
        // Three stretches: 2 sentences, 1 huge stretch, 1 sentence; only the huge one is coarse.
        let n = 2 * DETAIL_BUDGET / 100;
        let a = text(n + 10, 100);
        let b = text(n + 10, 99);
        let ops = vec![
            DiffOp::Replace {
                old_index: 0,
                old_len: 2,
                new_index: 0,
                new_len: 2,
            },
            DiffOp::Equal {
                old_index: 2,
                new_index: 2,
                len: 1,
            },
            DiffOp::Replace {
                old_index: 3,
                old_len: n,
                new_index: 3,
                new_len: n,
            },
            DiffOp::Delete {
                old_index: n + 3,
                old_len: 1,
                new_index: n + 3,
            },
        ];
        let (ta, tb) = (vec![false; a.len()], vec![false; b.len()]);
        assert_eq!(
            past_budget(&a, &b, &ops, &ta, &tb),
            [false, false, true, false]
        );
        // Twins cost nothing: when most of the huge stretch is twins it fits again.
        let mut ta = ta;
        let mut tb = tb;
        (3..n).for_each(|i| (ta[i], tb[i]) = (true, true));
        assert!(past_budget(&a, &b, &ops, &ta, &tb).iter().all(|c| !c));
    }

    #[test]
    fn a_stretch_cut_by_twins_becomes_one_sided_runs() {
        let g = stretch_groups(&[3, 4, 5], &[7, 8]);
        assert_eq!(
            g,
            vec![Group {
                a: vec![3, 4, 5],
                b: vec![7, 8]
            }]
        );
        let g = stretch_groups(&[3, 5], &[7]);
        assert_eq!(
            g,
            vec![
                Group {
                    a: vec![3],
                    b: vec![]
                },
                Group {
                    a: vec![5],
                    b: vec![]
                },
                Group {
                    a: vec![],
                    b: vec![7]
                },
            ]
        );
        assert_eq!(
            stretch_groups(&[], &[1, 2]),
            vec![Group {
                a: vec![],
                b: vec![1, 2]
            }]
        );
    }
}
