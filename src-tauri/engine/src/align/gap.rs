//! One gap between exact anchors, aligned by dynamic programming over group shapes (1:1, 1:n, n:1),
//! scored by the regime's similarity with the neighbours' support; and the banded score table.

use super::{Blend, Params, sim_of};
use crate::regime::NEAR_IDENTICAL;
use crate::similarity::{Profile, band_dots, cosine, dots};

/// One stretch between anchors, aligned by dynamic programming over group shapes.
pub(super) struct Gap<'a> {
    a: &'a [Profile],
    b: &'a [Profile],
    /// The tuning of a gap judged wholly one way; group shapes and overlap always come from it.
    p: Params,
    /// Whether every sentence has the revision weight `p` was made at (no per-cell tuning).
    uniform: bool,
    /// Revision weight of each sentence on each side (see `Blend::sides`); a cell's is their mean.
    ta: Vec<f32>,
    tb: Vec<f32>,
    /// Cells above which the gap is aligned within a diagonal band instead of in full.
    max_cells: usize,
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
    /// Scores the gap's cells and aligns it at the revision weights `blend` gives its sentences.
    pub(super) fn new(
        a: &'a [Profile],
        b: &'a [Profile],
        blend: Blend,
        max_cells: usize,
    ) -> Gap<'a> {
        let (na, nb) = (a.len(), b.len());
        let width = if na * nb <= max_cells {
            nb
        } else {
            (max_cells / (2 * na.max(nb))).max(8)
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
        let (ta, tb) = blend.sides((na, nb), || near_identical(a, b, (&lo, &hi, &off), &cells));
        let first = ta.first().copied().unwrap_or(1.0);
        let uniform = ta.iter().chain(&tb).all(|&t| t == first);
        let p = Params::blend(first);
        let at = |i: usize, j: usize| {
            if uniform {
                p
            } else {
                Params::blend(0.5 * (ta[i] + tb[j]))
            }
        };
        let mut ones = Vec::with_capacity(cells.len());
        for (i, ai) in a.iter().enumerate() {
            for (j, bj) in (lo[i]..hi[i]).zip(&b[lo[i]..hi[i]]) {
                let (w, g) = cells[off[i] + j - lo[i]];
                let n = (
                    (ai.words_norm2, bj.words_norm2),
                    (ai.grams_norm2, bj.grams_norm2),
                );
                ones.push(sim_of(w, g, n.0, n.1, at(i, j)));
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
            uniform,
            ta,
            tb,
            max_cells,
            lo,
            hi,
            off,
            cells,
            ones,
            runs_a,
            runs_b,
        }
    }

    /// Revision weight of the cell a[i], b[j].
    fn revision(&self, i: usize, j: usize) -> f32 {
        0.5 * (self.ta[i] + self.tb[j])
    }

    /// The lowest revision weight of any sentence (1 for an empty gap).
    pub(super) fn loosest(&self) -> f32 {
        self.ta.iter().chain(&self.tb).fold(1.0, |m, &t| m.min(t))
    }

    /// The tuning of a group starting at a[i], b[j].
    fn params(&self, i: usize, j: usize) -> Params {
        if self.uniform {
            self.p
        } else {
            Params::blend(self.revision(i, j))
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
        sim_of(w, g, (na.0, nb.0), (na.1, nb.1), self.params(i0, j0))
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
    /// with its similarity and its revision weight.
    pub(super) fn align(&self) -> Vec<(Vec<usize>, Vec<usize>, f32, f32)> {
        let (na, nb) = (self.a.len(), self.b.len());
        let shapes = self.shapes();
        let banded = na * nb > self.max_cells;
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
                    let q = self.params(i - k, j - l);
                    let gain = self.sim(i - k, i, j - l, j)
                        + q.context * self.support(i - k, i, j - l, j)
                        - q.threshold
                        - q.extra * (k + l - 2) as f32;
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
                    let t = self.revision(i - k, j - l);
                    groups.push(((i - k..i).collect(), (j - l..j).collect(), score, t));
                    i -= k;
                    j -= l;
                }
            }
        }
        groups.reverse();
        groups
    }
}

/// Which sentences of a gap, on each side, have a near-identical counterpart among the scored
/// cells, by the measure the document's regime uses (equal word and gram weights).
fn near_identical(
    a: &[Profile],
    b: &[Profile],
    (lo, hi, off): (&[usize], &[usize], &[usize]),
    cells: &[(f32, f32)],
) -> (Vec<bool>, Vec<bool>) {
    let mut best_b = vec![0.0f32; b.len()];
    let mut near_a = Vec::with_capacity(a.len());
    for (i, ai) in a.iter().enumerate() {
        let mut best = 0.0f32;
        for (j, bj) in (lo[i]..hi[i]).zip(&b[lo[i]..hi[i]]) {
            let (w, g) = cells[off[i] + j - lo[i]];
            let s = 0.5 * cosine(w, ai.words_norm2, bj.words_norm2)
                + 0.5 * cosine(g, ai.grams_norm2, bj.grams_norm2);
            best = best.max(s);
            best_b[j] = best_b[j].max(s);
        }
        near_a.push(best >= NEAR_IDENTICAL);
    }
    let near_b = best_b.iter().map(|&s| s >= NEAR_IDENTICAL).collect();
    (near_a, near_b)
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
