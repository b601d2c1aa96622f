//! The verbatim diff of sentence keys under a work budget. `similar`'s Patience diff runs Myers
//! over the sentences unique on each side and again between the unique matches; Myers costs
//! about (n + m) · d steps for d differences, so two texts that share little (40,000 unrelated
//! or shuffled sentences a side) took minutes. Before running it, the cost is estimated from a
//! patience pass of our own (the longest run of in-order sentences unique on both sides gives d
//! for the unique level exactly, and the stretches between them bound the rest). Within
//! [`BUDGET`] `similar` runs as before, so ordinary texts get the very same diff; past it the
//! patience anchors are kept, each stretch between them gets Myers while the budget lasts, and
//! the rest is left as one replaced stretch for the gap alignment (which has its own cell
//! budget). Sentences verbatim once on each side are linked afterwards whatever this returns
//! (`verbatim`), so a coarser diff loses no twin.

use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices, capture_diff_slices_deadline};

use crate::similarity::KeyMap;

/// Myers steps ((n + m) · d, summed) the whole diff may take: a few tens of milliseconds in a
/// release build. Comparing a 20,000-word article with a full rewrite of it stays well inside.
pub(super) const BUDGET: u64 = 60_000_000;

/// A backstop for the estimate: `similar` picks its own anchors among equally long ones, so in
/// a contrived input its stretches could differ from ours. Ordinary diffs end in milliseconds.
const DEADLINE: Duration = Duration::from_millis(500);

/// The diff of `ka` → `kb` as `similar` ops, bounded by [`BUDGET`].
pub(crate) fn key_diff(ka: &[u64], kb: &[u64]) -> Vec<DiffOp> {
    if surely_within_budget(ka, kb) {
        return patience(ka, kb);
    }
    let anchors = unique_anchors(ka, kb);
    if estimate(ka, kb, &anchors) <= BUDGET {
        return patience(ka, kb);
    }
    let mut ops = Vec::new();
    let mut left = BUDGET;
    let (mut i, mut j) = (0, 0);
    for &(ai, bj) in anchors.iter().chain([&(ka.len(), kb.len())]) {
        stretch(ka, kb, i..ai, j..bj, &mut left, &mut ops);
        if ai < ka.len() {
            push(&mut ops, equal(ai, bj, 1));
        }
        (i, j) = (ai + 1, bj + 1);
    }
    ops
}

/// Whether the two sides are too short for [`estimate`] to pass [`BUDGET`]: it is at most
/// 2 · (n + m)² (the unique level's (ua + ub) · d and the stretches' summed squares are each
/// within (n + m)²), so most texts skip building the anchors and the unique counts for it.
fn surely_within_budget(ka: &[u64], kb: &[u64]) -> bool {
    let n = (ka.len() + kb.len()) as u64;
    n.saturating_mul(n).saturating_mul(2) <= BUDGET
}

/// `similar`'s Patience diff under [`DEADLINE`]. Identical sides (a fifth of revision pairs)
/// give one equal run without it: `similar` skips its unique maps for them only when no
/// deadline is set, and its ops are then that same run.
fn patience(ka: &[u64], kb: &[u64]) -> Vec<DiffOp> {
    if ka == kb {
        return if ka.is_empty() {
            Vec::new()
        } else {
            vec![equal(0, 0, ka.len())]
        };
    }
    let deadline = Instant::now() + DEADLINE;
    capture_diff_slices_deadline(Algorithm::Patience, ka, kb, Some(deadline))
}

/// Positions `(i, j)` of keys that occur once in `ka` and once in `kb`, reduced to the longest
/// chain ascending on both sides (patience sorting), in order.
fn unique_anchors(ka: &[u64], kb: &[u64]) -> Vec<(usize, usize)> {
    let pairs = crate::verbatim::unique_pairs(ka, kb);
    // tails[k]: index into `pairs` of the smallest `j` ending a chain of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; pairs.len()];
    for (p, &(_, j)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].1 < j);
        if k > 0 {
            prev[p] = tails[k - 1];
        }
        if k == tails.len() {
            tails.push(p);
        } else {
            tails[k] = p;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied().unwrap_or(usize::MAX);
    while at != usize::MAX {
        chain.push(pairs[at]);
        at = prev[at];
    }
    chain.reverse();
    chain
}

/// Myers steps the diff would take: the unique level ((n + m) · d with d known from the chain)
/// and each stretch between anchors at its worst ((n + m)², after common ends are taken off).
fn estimate(ka: &[u64], kb: &[u64], anchors: &[(usize, usize)]) -> u64 {
    let unique = |k: &[u64]| {
        let mut count: KeyMap<u32> = KeyMap::default();
        k.iter().for_each(|x| *count.entry(*x).or_default() += 1);
        k.iter().filter(|x| count[*x] == 1).count() as u64
    };
    let (ua, ub) = (unique(ka), unique(kb));
    let d = ua + ub - 2 * anchors.len() as u64;
    let mut cost = (ua + ub).saturating_mul(d);
    let (mut i, mut j) = (0, 0);
    for &(ai, bj) in anchors.iter().chain([&(ka.len(), kb.len())]) {
        let (a, b) = trim(ka, kb, i..ai, j..bj);
        let n = (a.len() + b.len()) as u64;
        cost = cost.saturating_add(n.saturating_mul(n));
        (i, j) = (ai + 1, bj + 1);
    }
    cost
}

/// The ranges left once the common start and end of two stretches are taken off.
fn trim(ka: &[u64], kb: &[u64], a: Range<usize>, b: Range<usize>) -> (Range<usize>, Range<usize>) {
    let pre = ka[a.clone()]
        .iter()
        .zip(&kb[b.clone()])
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (a.start + pre..a.end, b.start + pre..b.end);
    let suf = ka[a.clone()]
        .iter()
        .rev()
        .zip(kb[b.clone()].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (a.start..a.end - suf, b.start..b.end - suf)
}

/// Diffs one stretch between anchors: common ends equal, the middle by Myers when `left` covers
/// its worst case, else replaced whole.
fn stretch(
    ka: &[u64],
    kb: &[u64],
    a: Range<usize>,
    b: Range<usize>,
    left: &mut u64,
    ops: &mut Vec<DiffOp>,
) {
    let (ma, mb) = trim(ka, kb, a.clone(), b.clone());
    if ma.start > a.start {
        push(ops, equal(a.start, b.start, ma.start - a.start));
    }
    let n = (ma.len() + mb.len()) as u64;
    if n * n <= *left {
        *left -= n * n;
        for op in capture_diff_slices(Algorithm::Myers, &ka[ma.clone()], &kb[mb.clone()]) {
            push(ops, shift(op, ma.start, mb.start));
        }
    } else {
        push(ops, changed(ma.start, ma.len(), mb.start, mb.len()));
    }
    if ma.end < a.end {
        push(ops, equal(ma.end, mb.end, a.end - ma.end));
    }
}

fn equal(old_index: usize, new_index: usize, len: usize) -> DiffOp {
    DiffOp::Equal {
        old_index,
        new_index,
        len,
    }
}

/// A change of `old_len` sentences into `new_len` (nothing when both are zero).
fn changed(old_index: usize, old_len: usize, new_index: usize, new_len: usize) -> DiffOp {
    match (old_len, new_len) {
        (_, 0) => DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        },
        (0, _) => DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        },
        _ => DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        },
    }
}

fn shift(op: DiffOp, da: usize, db: usize) -> DiffOp {
    let (tag, a, b) = op.as_tag_tuple();
    let (a, b) = (a.start + da..a.end + da, b.start + db..b.end + db);
    match tag {
        similar::DiffTag::Equal => equal(a.start, b.start, a.len()),
        _ => changed(a.start, a.len(), b.start, b.len()),
    }
}

/// Appends `op`, merging it into the last op when both are equal runs or both are changes (the
/// alignment treats a change as one gap, as `similar`'s own output does).
fn push(ops: &mut Vec<DiffOp>, op: DiffOp) {
    let (tag, a, b) = op.as_tag_tuple();
    if a.is_empty() && b.is_empty() {
        return;
    }
    if let Some(last) = ops.last_mut() {
        let (last_tag, la, lb) = last.as_tag_tuple();
        let both_equal = tag == similar::DiffTag::Equal && last_tag == similar::DiffTag::Equal;
        let both_changed = tag != similar::DiffTag::Equal && last_tag != similar::DiffTag::Equal;
        if both_equal {
            *last = equal(la.start, lb.start, la.len() + a.len());
            return;
        }
        if both_changed {
            *last = changed(la.start, la.len() + a.len(), lb.start, lb.len() + b.len());
            return;
        }
    }
    ops.push(op);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sentence of each side is covered once, in order, and equal runs are equal.
    fn check(ka: &[u64], kb: &[u64], ops: &[DiffOp]) {
        let (mut i, mut j) = (0, 0);
        for op in ops {
            let (tag, a, b) = op.as_tag_tuple();
            assert_eq!((a.start, b.start), (i, j), "{ops:?}");
            if tag == similar::DiffTag::Equal {
                assert_eq!(ka[a.clone()], kb[b.clone()]);
            }
            (i, j) = (a.end, b.end);
        }
        assert_eq!((i, j), (ka.len(), kb.len()));
    }

    #[test]
    fn ordinary_texts_get_similars_own_diff() {
        let ka: Vec<u64> = (0..300).collect();
        let mut kb = ka.clone();
        kb.remove(40);
        kb.insert(100, 9_999);
        kb.swap(200, 260);
        let ops = key_diff(&ka, &kb);
        assert_eq!(ops, capture_diff_slices(Algorithm::Patience, &ka, &kb));
    }

    #[test]
    fn unrelated_and_shuffled_texts_stay_within_the_budget() {
        let n = 40_000u64;
        let ka: Vec<u64> = (0..n).collect();
        let kb: Vec<u64> = (n..2 * n).collect();
        assert!(estimate(&ka, &kb, &unique_anchors(&ka, &kb)) > BUDGET);
        let ops = key_diff(&ka, &kb);
        check(&ka, &kb, &ops);
        assert_eq!(ops.len(), 1);
        // A shuffle (a fixed permutation): the in-order chain is kept as anchors.
        let kb: Vec<u64> = (0..n).map(|k| (k * 7_919) % n).collect();
        let ops = key_diff(&ka, &kb);
        check(&ka, &kb, &ops);
        let linked: usize = ops
            .iter()
            .filter(|o| o.tag() == similar::DiffTag::Equal)
            .map(|o| o.old_range().len())
            .sum();
        assert_eq!(linked, unique_anchors(&ka, &kb).len());
        assert!(linked > 1);
    }

    #[test]
    fn repeated_keys_past_the_budget_keep_their_common_ends() {
        // One key over and over, with an edit in the middle on one side.
        let ka = vec![7u64; 200_000];
        let mut kb = ka.clone();
        kb[100_000] = 8;
        let ops = key_diff(&ka, &kb);
        check(&ka, &kb, &ops);
        assert_eq!(ops.len(), 3, "{ops:?}");
        assert_eq!(ops[0], equal(0, 0, 100_000));
    }

    /// Key lists of up to 40 keys drawn from `alphabet` values, so that repeats are common.
    fn keys(alphabet: u64) -> impl proptest::strategy::Strategy<Value = Vec<u64>> {
        proptest::collection::vec(0..alphabet, 0..40)
    }

    proptest::proptest! {
        #[test]
        fn small_texts_get_similars_own_diff(ka in keys(12), kb in keys(12)) {
            proptest::prop_assert_eq!(
                key_diff(&ka, &kb),
                capture_diff_slices(Algorithm::Patience, &ka, &kb)
            );
        }

        #[test]
        fn identical_texts_get_similars_own_diff(ka in keys(6)) {
            let deadline = Some(Instant::now() + DEADLINE);
            let theirs = capture_diff_slices_deadline(Algorithm::Patience, &ka, &ka, deadline);
            proptest::prop_assert_eq!(key_diff(&ka, &ka), theirs);
        }

        #[test]
        fn the_estimate_stays_within_twice_the_squared_length(ka in keys(30), kb in keys(30)) {
            let n = (ka.len() + kb.len()) as u64;
            proptest::prop_assert!(estimate(&ka, &kb, &unique_anchors(&ka, &kb)) <= 2 * n * n);
        }
    }

    #[test]
    fn an_edit_in_a_long_identical_run_gets_similars_own_diff() {
        let ka: Vec<u64> = (0..2_500).map(|k| k % 7).collect();
        let mut kb = ka.clone();
        kb[1_200] = 99;
        assert!(surely_within_budget(&ka, &kb));
        assert_eq!(
            key_diff(&ka, &kb),
            capture_diff_slices(Algorithm::Patience, &ka, &kb)
        );
        assert_eq!(key_diff(&ka, &ka), vec![equal(0, 0, 2_500)]);
    }

    #[test]
    fn anchors_are_the_longest_in_order_chain_of_unique_keys() {
        let ka = [1, 2, 3, 4, 5, 5, 6];
        let kb = [4, 1, 2, 3, 5, 6, 9];
        assert_eq!(
            unique_anchors(&ka, &kb),
            vec![(0, 1), (1, 2), (2, 3), (6, 5)]
        );
    }
}
