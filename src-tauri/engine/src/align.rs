//! Sentence alignment of two texts: exact anchors, then a scored monotone alignment of each gap
//! between anchors (gaps, 1:n and n:1 groups), then a pass for crossing matches (moves).
//! Works on sentence strings only; labelling the groups is left to `compare` and `label`.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::comparison::Mode;
use crate::evidence::{Evidence, Weak, weigh};
use crate::normalize::{Tokens, key_hash, tokens};
use crate::similarity::{KeyMap, Profile, band_dots, cosine, dot, dots, profiles};

/// One aligned unit: sentence indices on the old (`a`) and new (`b`) side, each ascending.
/// Sentences in no group are unaligned (removed from `a` or added in `b`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub a: Vec<usize>,
    pub b: Vec<usize>,
}

/// How a group was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Link {
    /// Equal match keys, in order: differs at most in case, punctuation, spacing, quote/dash style.
    Exact,
    /// Scored match inside the monotone alignment.
    Matched,
    /// Scored match that crosses the monotone alignment.
    Moved,
}

#[derive(Debug, Clone)]
pub(crate) struct Aligned {
    pub group: Group,
    pub link: Link,
    /// The group's similarity in the regime's measure (1 for exact anchors).
    pub score: f32,
    /// What speaks for the link (left at its default for exact anchors).
    pub evidence: Evidence,
}

impl Aligned {
    /// A 1:1 link that crosses the monotone alignment.
    fn moved(i: usize, j: usize) -> Aligned {
        Aligned {
            group: Group {
                a: vec![i],
                b: vec![j],
            },
            link: Link::Moved,
            score: 1.0,
            evidence: Evidence::default(),
        }
    }
}

/// Tuning of one regime. `threshold` is the similarity a 1:1 pair must beat; each sentence beyond
/// the first two in a group costs `extra`; moves must beat `move_threshold`.
///
/// `context` and `overlap` raise revision unit F1 on both halves (odd/even records) of the
/// DEplain-web dev set (.900/.923 -> .910/.935). On the Aesop pairs (accounts) they raise pair F1
/// on average but not on each half (.676/.627 -> .661/.667). `tests/engine-bench/halves.py`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Params {
    pub threshold: f32,
    pub extra: f32,
    pub move_threshold: f32,
    /// Weight of the word cosine against the character 4-gram cosine.
    pub word_weight: f32,
    pub max_group: usize,
    /// Weight of the neighbours' support: the mean 1:1 similarity of the pairs just before and
    /// just after a group on the diagonal. Both revisions and retellings keep the order of what
    /// they share, so a pair whose neighbours also match is more likely right than one that
    /// stands alone; this settles near-ties between adjacent candidates.
    pub context: f32,
    /// How much of the overlap between sentences of one side counts in a group's merged norm.
    /// At 1 a group is scored as the plain sum of its sentences, so a sentence that restates its
    /// neighbour (plain language repeats on purpose) dilutes the group; at 0 the sentences count
    /// as if they said different things.
    pub overlap: f32,
}

impl Params {
    pub(crate) fn for_mode(mode: Mode) -> Params {
        match mode {
            Mode::Revision => Params {
                threshold: 0.42,
                extra: 0.0,
                move_threshold: 0.6,
                word_weight: 0.5,
                max_group: 4,
                context: 0.2,
                overlap: 0.5,
            },
            // Paraphrase leans on shared character 4-grams (stems, names, numbers) more than on
            // whole words. Threshold and word weight from a grid on the Aesop dev half (threshold
            // 0.05-0.15, word weight 0.2-0.5); the threshold moved up from 0.07 with `context`,
            // which adds to every gain.
            Mode::Accounts => Params {
                threshold: 0.09,
                extra: 0.02,
                move_threshold: 0.3,
                word_weight: 0.2,
                max_group: 4,
                context: 0.2,
                overlap: 0.5,
            },
        }
    }
}

/// Cells above which a gap is aligned within a diagonal band instead of in full.
const MAX_CELLS: usize = 1_000_000;

/// Matching keys of each sentence (see `normalize::match_key`).
fn keys(s: &[String]) -> Vec<u64> {
    s.iter().map(|x| key_hash(x)).collect()
}

/// Word tokens of the sentences that need a profile (the rest get none).
fn tokenize(s: &[String], live: &[bool]) -> Vec<Tokens> {
    s.iter()
        .zip(live)
        .map(|(x, &l)| if l { tokens(x) } else { Tokens::default() })
        .collect()
}

/// What both the regime choice and the alignment need: the verbatim diff of match keys and the
/// profiles of the sentences it leaves unmatched.
pub(crate) struct Prepared {
    pub ops: Vec<DiffOp>,
    pub pa: Vec<Profile>,
    pub pb: Vec<Profile>,
    /// Sentences verbatim once on each side that `ops` left unmatched (see `verbatim`).
    pub twins: Vec<(usize, usize)>,
}

pub(crate) fn prepare(a: &[String], b: &[String]) -> Prepared {
    let (ka, kb) = (keys(a), keys(b));
    let ops = capture_diff_slices(Algorithm::Patience, &ka, &kb);
    let twins = crate::verbatim::unmatched_twins(&ka, &kb, &ops);
    // Sentences matched verbatim never need a profile; leaving them out also keeps document
    // frequencies about the changed material.
    let mut live_a = vec![true; a.len()];
    let mut live_b = vec![true; b.len()];
    for op in &ops {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = *op
        {
            live_a[old_index..old_index + len]
                .iter_mut()
                .for_each(|x| *x = false);
            live_b[new_index..new_index + len]
                .iter_mut()
                .for_each(|x| *x = false);
        }
    }
    let (wa, wb) = (tokenize(a, &live_a), tokenize(b, &live_b));
    let (pa, pb) = profiles(&wa, &wb, &live_a, &live_b);
    Prepared { ops, pa, pb, twins }
}

/// Aligns two sentence lists. Returns groups sorted by their first old index, then new index.
pub fn align(a: &[String], b: &[String], mode: Mode) -> Vec<Group> {
    align_with(a, b, Some(mode)).1
}

/// [`align`] in the given regime, or in the one [`detect_mode`](crate::detect_mode) would pick
/// when `mode` is `None`; returns the regime used. Detecting and aligning share one preparation,
/// so this is cheaper than `detect_mode` followed by `align`.
pub fn align_with(a: &[String], b: &[String], mode: Option<Mode>) -> (Mode, Vec<Group>) {
    let (mode, aligned, _) = align_detailed(a, b, mode, true);
    let mut groups: Vec<Group> = aligned.into_iter().map(|x| x.group).collect();
    groups.sort_by(|x, y| (x.a.first(), x.b.first()).cmp(&(y.a.first(), y.b.first())));
    (mode, groups)
}

/// For measuring the link filter: every group the alignment proposes, with its evidence, before
/// weak links are dropped (exact anchors carry default evidence).
#[doc(hidden)]
pub fn align_evidence(
    a: &[String],
    b: &[String],
    mode: Option<Mode>,
) -> (Mode, Vec<(Group, f32, Evidence)>) {
    let (mode, aligned, _) = align_detailed(a, b, mode, false);
    let out = aligned
        .into_iter()
        .map(|x| (x.group, x.score, x.evidence))
        .collect();
    (mode, out)
}

/// Aligns in the given regime, or in the detected one when `mode` is `None`. With `prune`, links
/// without strong evidence are dropped and returned as weak candidates.
pub(crate) fn align_detailed(
    a: &[String],
    b: &[String],
    mode: Option<Mode>,
    prune: bool,
) -> (Mode, Vec<Aligned>, Vec<Weak>) {
    let prep = prepare(a, b);
    let mode = mode.unwrap_or_else(|| crate::regime::mode_of(&prep, a.len(), b.len()));
    let Prepared { ops, pa, pb, twins } = prep;
    let p = Params::for_mode(mode);
    let mut out = Vec::new();
    if a.is_empty() || b.is_empty() {
        return (mode, out, Vec::new());
    }
    let (mut twin_a, mut twin_b) = (vec![false; a.len()], vec![false; b.len()]);
    for &(i, j) in &twins {
        twin_a[i] = true;
        twin_b[j] = true;
        out.push(Aligned::moved(i, j));
    }
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    out.push(Aligned {
                        group: Group {
                            a: vec![old_index + k],
                            b: vec![new_index + k],
                        },
                        link: Link::Exact,
                        score: 1.0,
                        evidence: Evidence::default(),
                    });
                }
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                // Twins are linked already; the gap aligns the sentences around them.
                let ia: Vec<usize> = (old_index..old_index + old_len)
                    .filter(|&i| !twin_a[i])
                    .collect();
                let ib: Vec<usize> = (new_index..new_index + new_len)
                    .filter(|&j| !twin_b[j])
                    .collect();
                if ia.is_empty() || ib.is_empty() {
                    continue;
                }
                let owned;
                let (ga, gb) = if ia.len() == old_len && ib.len() == new_len {
                    (
                        &pa[old_index..old_index + old_len],
                        &pb[new_index..new_index + new_len],
                    )
                } else {
                    owned = (
                        ia.iter().map(|&i| pa[i].clone()).collect::<Vec<_>>(),
                        ib.iter().map(|&j| pb[j].clone()).collect::<Vec<_>>(),
                    );
                    (&owned.0[..], &owned.1[..])
                };
                for (x, y, score) in Gap::new(ga, gb, p).align() {
                    out.push(Aligned {
                        group: Group {
                            a: x.iter().map(|&k| ia[k]).collect(),
                            b: y.iter().map(|&k| ib[k]).collect(),
                        },
                        link: Link::Matched,
                        score,
                        evidence: Evidence::default(),
                    });
                }
            }
            DiffOp::Delete { .. } | DiffOp::Insert { .. } => {}
        }
    }
    moves(&pa, &pb, &mut out, p);
    let weak = weigh(&mut out, &pa, &pb, a, b, mode, prune);
    (mode, out, weak)
}

/// Mixed word and character-gram cosine from dot products and squared norms (pairs: left, right).
fn sim_of(w: f32, g: f32, wn: (f32, f32), gn: (f32, f32), p: Params) -> f32 {
    p.word_weight * cosine(w, wn.0, wn.1) + (1.0 - p.word_weight) * cosine(g, gn.0, gn.1)
}

/// Greedy crossing matches among sentences the monotone pass left unaligned.
fn moves(pa: &[Profile], pb: &[Profile], out: &mut Vec<Aligned>, p: Params) {
    let mut used_a = vec![false; pa.len()];
    let mut used_b = vec![false; pb.len()];
    for x in out.iter() {
        x.group.a.iter().for_each(|&i| used_a[i] = true);
        x.group.b.iter().for_each(|&j| used_b[j] = true);
    }
    let free_b: Vec<usize> = (0..pb.len()).filter(|&j| !used_b[j]).collect();
    // Candidates share a word that is rare on the new side's free sentences.
    let mut index: KeyMap<Vec<usize>> = KeyMap::default();
    for &j in &free_b {
        for (k, _) in &pb[j].words {
            index.entry(*k).or_default().push(j);
        }
    }
    let mut cands: Vec<(f32, usize, usize)> = Vec::new();
    let mut seen: Vec<usize> = vec![usize::MAX; pb.len()];
    for i in (0..pa.len()).filter(|&i| !used_a[i]) {
        for (k, _) in &pa[i].words {
            let Some(list) = index.get(k) else { continue };
            if list.len() > 64 {
                continue;
            }
            for &j in list {
                if seen[j] == i {
                    continue;
                }
                seen[j] = i;
                // The word cosine alone bounds the score (the gram cosine is at most 1): most
                // candidates share a word or two and are dropped before the costlier gram dot.
                let w = dot(&pa[i].words, &pb[j].words);
                let cw = cosine(w, pa[i].words_norm2, pb[j].words_norm2);
                if p.word_weight * cw + (1.0 - p.word_weight) < p.move_threshold {
                    continue;
                }
                let g = dot(&pa[i].grams, &pb[j].grams);
                let s = sim_of(
                    w,
                    g,
                    (pa[i].words_norm2, pb[j].words_norm2),
                    (pa[i].grams_norm2, pb[j].grams_norm2),
                    p,
                );
                if s >= p.move_threshold {
                    cands.push((s, i, j));
                }
            }
        }
    }
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (score, i, j) in cands {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        out.push(Aligned {
            group: Group {
                a: vec![i],
                b: vec![j],
            },
            link: Link::Moved,
            score,
            evidence: Evidence::default(),
        });
    }
}

/// One stretch between anchors, aligned by dynamic programming over group shapes.
struct Gap<'a> {
    a: &'a [Profile],
    b: &'a [Profile],
    p: Params,
    /// Band of columns per row `[lo, hi)` and the row's offset into `cells`.
    lo: Vec<usize>,
    hi: Vec<usize>,
    off: Vec<usize>,
    cells: Vec<(f32, f32)>,
    /// 1:1 similarity of each cell, for the neighbours' support.
    ones: Vec<f32>,
    /// Squared norms (words, grams) of each run of `k` = 1..=max_group sentences starting at a
    /// sentence (index `k - 1`), computed once instead of in every DP cell.
    runs_a: Vec<Vec<(f32, f32)>>,
    runs_b: Vec<Vec<(f32, f32)>>,
}

impl<'a> Gap<'a> {
    fn new(a: &'a [Profile], b: &'a [Profile], p: Params) -> Gap<'a> {
        let (na, nb) = (a.len(), b.len());
        let width = if na * nb <= MAX_CELLS {
            nb
        } else {
            (MAX_CELLS / (2 * na.max(nb))).max(8)
        };
        let (mut lo, mut hi, mut off) = (Vec::new(), Vec::new(), Vec::new());
        let mut total = 0;
        for i in 0..na {
            let c = i * nb / na.max(1);
            let l = c.saturating_sub(width);
            let h = (c + width + 1).min(nb);
            lo.push(l);
            hi.push(h);
            off.push(total);
            total += h - l;
        }
        let cells = band_dots(a, b, &lo, &hi);
        let mut ones = Vec::with_capacity(cells.len());
        for (i, ai) in a.iter().enumerate() {
            for (j, bj) in (lo[i]..hi[i]).zip(&b[lo[i]..hi[i]]) {
                let (w, g) = cells[off[i] + j - lo[i]];
                let n = (
                    (ai.words_norm2, bj.words_norm2),
                    (ai.grams_norm2, bj.grams_norm2),
                );
                ones.push(sim_of(w, g, n.0, n.1, p));
            }
        }
        let near = |s: &[Profile]| -> Vec<Vec<(f32, f32)>> {
            (0..s.len())
                .map(|i| {
                    (1..p.max_group)
                        .filter(|d| i + d < s.len())
                        .map(|d| dots(&s[i], &s[i + d]))
                        .collect()
                })
                .collect()
        };
        let runs = |s: &[Profile]| -> Vec<Vec<(f32, f32)>> {
            let near = near(s);
            (0..s.len())
                .map(|i| {
                    (i + 1..=(i + p.max_group).min(s.len()))
                        .map(|to| Self::norms(s, &near, i, to, p.overlap))
                        .collect()
                })
                .collect()
        };
        let runs_a = runs(a);
        let runs_b = runs(b);
        Gap {
            a,
            b,
            p,
            lo,
            hi,
            off,
            cells,
            ones,
            runs_a,
            runs_b,
        }
    }

    fn cell(&self, i: usize, j: usize) -> (f32, f32) {
        if j >= self.lo[i] && j < self.hi[i] {
            self.cells[self.off[i] + j - self.lo[i]]
        } else {
            (0.0, 0.0)
        }
    }

    /// 1:1 similarity of a[i] and b[j]; zero outside the band.
    fn one(&self, i: usize, j: usize) -> f32 {
        if j >= self.lo[i] && j < self.hi[i] {
            self.ones[self.off[i] + j - self.lo[i]]
        } else {
            0.0
        }
    }

    /// Support from the diagonal neighbours of the group a[i0..i1], b[j0..j1] (zero past the
    /// gap's ends, where the neighbour is an anchor or the text's edge).
    fn support(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f32 {
        let before = if i0 > 0 && j0 > 0 {
            self.one(i0 - 1, j0 - 1)
        } else {
            0.0
        };
        let after = if i1 < self.a.len() && j1 < self.b.len() {
            self.one(i1, j1)
        } else {
            0.0
        };
        0.5 * (before + after)
    }

    /// Squared norms (words, grams) of the sum of sentences `from..to` on one side, counting
    /// their mutual overlap with weight `overlap`.
    fn norms(
        side: &[Profile],
        near: &[Vec<(f32, f32)>],
        from: usize,
        to: usize,
        overlap: f32,
    ) -> (f32, f32) {
        let (mut w, mut g) = (0.0, 0.0);
        for i in from..to {
            w += side[i].words_norm2;
            g += side[i].grams_norm2;
            for d in 1..(to - i) {
                let (x, y) = near[i][d - 1];
                w += 2.0 * overlap * x;
                g += 2.0 * overlap * y;
            }
        }
        (w, g)
    }

    /// Similarity of the merged sentences a[i0..i1] and b[j0..j1].
    fn sim(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f32 {
        if i1 - i0 == 1 && j1 - j0 == 1 {
            return self.one(i0, j0);
        }
        let (mut w, mut g) = (0.0, 0.0);
        for i in i0..i1 {
            for j in j0..j1 {
                let (x, y) = self.cell(i, j);
                w += x;
                g += y;
            }
        }
        let na = self.runs_a[i0][i1 - i0 - 1];
        let nb = self.runs_b[j0][j1 - j0 - 1];
        sim_of(w, g, (na.0, nb.0), (na.1, nb.1), self.p)
    }

    fn shapes(&self) -> Vec<(usize, usize)> {
        let m = self.p.max_group;
        let mut s = vec![(1, 1)];
        for n in 2..=m {
            s.push((1, n));
            s.push((n, 1));
        }
        s
    }

    /// Returns the groups of the best-scoring monotone alignment, as gap-local indices, each
    /// with its similarity.
    fn align(&self) -> Vec<(Vec<usize>, Vec<usize>, f32)> {
        let (na, nb) = (self.a.len(), self.b.len());
        let shapes = self.shapes();
        let banded = na * nb > MAX_CELLS;
        // Columns each DP row needs; outside them a cell is unreachable. Storing only these keeps
        // a banded gap's memory proportional to its band, not to the product of the lengths.
        let mut t = Table::new((0..=na).map(|i| {
            if banded && i > 0 {
                let r = (i - 1).min(na - 1);
                (self.lo[r], (self.hi[r] + self.p.max_group).min(nb))
            } else {
                (0, nb)
            }
        }));
        t.set(0, 0, 0.0, 0);
        for i in 0..=na {
            let (jl, jh) = (t.lo[i], t.lo[i] + t.len[i] - 1);
            for j in jl..=jh {
                if i == 0 && j == 0 {
                    continue;
                }
                let mut best = f32::NEG_INFINITY;
                let mut how = 0u8;
                if i > 0 && t.score(i - 1, j) > best {
                    best = t.score(i - 1, j);
                    how = 1;
                }
                if j > 0 && t.score(i, j - 1) > best {
                    best = t.score(i, j - 1);
                    how = 2;
                }
                for (s, &(k, l)) in shapes.iter().enumerate() {
                    if k > i || l > j {
                        continue;
                    }
                    let prev = t.score(i - k, j - l);
                    if prev == f32::NEG_INFINITY {
                        continue;
                    }
                    let gain = self.sim(i - k, i, j - l, j)
                        + self.p.context * self.support(i - k, i, j - l, j)
                        - self.p.threshold
                        - self.p.extra * (k + l - 2) as f32;
                    if gain > 0.0 && prev + gain > best {
                        best = prev + gain;
                        how = 3 + s as u8;
                    }
                }
                t.set(i, j, best, how);
            }
        }
        let mut groups = Vec::new();
        let (mut i, mut j) = (na, nb);
        // The band may not reach the corner; walk back from the best reachable cell of the last row.
        if t.score(i, j) == f32::NEG_INFINITY {
            j = (0..=nb)
                .max_by(|&x, &y| t.score(na, x).total_cmp(&t.score(na, y)))
                .unwrap_or(0);
        }
        while i > 0 || j > 0 {
            match t.back(i, j) {
                1 => i -= 1,
                2 => j -= 1,
                0 => {
                    if i > 0 {
                        i -= 1
                    } else {
                        j -= 1
                    }
                }
                s => {
                    let (k, l) = shapes[(s - 3) as usize];
                    let score = self.sim(i - k, i, j - l, j);
                    groups.push(((i - k..i).collect(), (j - l..j).collect(), score));
                    i -= k;
                    j -= l;
                }
            }
        }
        groups.reverse();
        groups
    }
}

/// DP scores and back-pointers of a gap, stored row by row over each row's column range.
struct Table {
    lo: Vec<usize>,
    len: Vec<usize>,
    off: Vec<usize>,
    score: Vec<f32>,
    back: Vec<u8>,
}

impl Table {
    /// `rows` gives each row's first and last column (inclusive).
    fn new(rows: impl Iterator<Item = (usize, usize)>) -> Table {
        let (mut lo, mut len, mut off) = (Vec::new(), Vec::new(), Vec::new());
        let mut total = 0;
        for (l, h) in rows {
            lo.push(l);
            len.push(h + 1 - l);
            off.push(total);
            total += h + 1 - l;
        }
        Table {
            lo,
            len,
            off,
            score: vec![f32::NEG_INFINITY; total],
            back: vec![0; total],
        }
    }

    fn at(&self, i: usize, j: usize) -> Option<usize> {
        (j >= self.lo[i] && j < self.lo[i] + self.len[i]).then(|| self.off[i] + j - self.lo[i])
    }

    fn score(&self, i: usize, j: usize) -> f32 {
        self.at(i, j).map_or(f32::NEG_INFINITY, |k| self.score[k])
    }

    fn back(&self, i: usize, j: usize) -> u8 {
        self.at(i, j).map_or(0, |k| self.back[k])
    }

    fn set(&mut self, i: usize, j: usize, score: f32, back: u8) {
        if let Some(k) = self.at(i, j) {
            self.score[k] = score;
            self.back[k] = back;
        }
    }
}
