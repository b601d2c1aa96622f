//! The alignment's one hard rule: a sentence whose match key occurs exactly once on each side
//! is linked to its twin, whatever its neighbours look like. The verbatim diff keeps only the
//! twins that stay in order; the rest (a shuffled paragraph) would otherwise go to the scored
//! alignment, which may pair a templated sentence with a near-identical neighbour and leave
//! its true twin added and removed. Scoring the remaining sentences is left to `align`.

use similar::DiffOp;

use crate::similarity::KeyMap;

/// Pairs `(i, j)` whose key occurs once in `ka` and once in `kb` and that `ops` did not match
/// (they cross the verbatim matches), in order of `i`.
pub(crate) fn unmatched_twins(ka: &[u64], kb: &[u64], ops: &[DiffOp]) -> Vec<(usize, usize)> {
    let mut matched_a = vec![false; ka.len()];
    for op in ops {
        if let DiffOp::Equal { old_index, len, .. } = *op {
            matched_a[old_index..old_index + len]
                .iter_mut()
                .for_each(|m| *m = true);
        }
    }
    let twins: Vec<(usize, usize)> = unique_pairs(ka, kb)
        .into_iter()
        .filter(|&(i, _)| !matched_a[i])
        .collect();
    twins
}

/// Positions `(i, j)` of the keys that occur exactly once in `ka` and once in `kb`, sorted.
pub(crate) fn unique_pairs(ka: &[u64], kb: &[u64]) -> Vec<(usize, usize)> {
    // Key → (count, last index) on each side.
    let mut seen: KeyMap<(u32, usize, u32, usize)> = KeyMap::default();
    for (i, &k) in ka.iter().enumerate() {
        let e = seen.entry(k).or_insert((0, 0, 0, 0));
        e.0 += 1;
        e.1 = i;
    }
    for (j, &k) in kb.iter().enumerate() {
        if let Some(e) = seen.get_mut(&k) {
            e.2 += 1;
            e.3 = j;
        }
    }
    let mut pairs: Vec<(usize, usize)> = seen
        .values()
        .filter(|e| e.0 == 1 && e.2 == 1)
        .map(|e| (e.1, e.3))
        .collect();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use similar::{Algorithm, capture_diff_slices};

    #[test]
    fn only_crossing_unique_twins_are_returned() {
        let a = [1, 2, 3, 4, 5, 5];
        let b = [1, 4, 2, 3, 5, 9];
        let ops = capture_diff_slices(Algorithm::Patience, &a, &b);
        let twins = unmatched_twins(&a, &b, &ops);
        // 1, 2, 3 stay in order; 4 crosses them; 5 is twice on the left, 9 never.
        assert_eq!(twins, vec![(3, 1)]);
    }
}
