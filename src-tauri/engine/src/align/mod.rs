//! Sentence alignment of two texts: exact anchors, then a scored monotone alignment of each gap
//! between anchors (gaps, 1:n and n:1 groups), then a pass for crossing matches (moves).
//! Works on sentence strings only; labelling the groups is left to `compare` and `label`.

use serde::{Deserialize, Serialize};
use similar::DiffOp;

use crate::comparison::Mode;
use crate::evidence::{Evidence, Weak, weigh};
mod blend;
mod coarse;
mod gap;
mod keydiff;
mod prepare;

pub(crate) use blend::Blend;
use prepare::twin_flags;
pub(crate) use prepare::{LiveTokens, Prepared, prepare};

use crate::similarity::{KeyMap, Profile, cosine, dot};
use gap::Gap;

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
    /// Revision weight of the stretch the link was found in (see `Blend`): 1 where the text
    /// reads as an edited copy and the aligner's links stand, below where they need evidence.
    pub revision: f32,
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
            revision: 1.0,
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
pub(super) const MAX_CELLS: usize = 1_000_000;

/// Cells all gaps of one comparison may use together. Texts with many large gaps (megabytes of
/// short, unrelated sentences between scattered anchors) share it: each gap's cap is cut in
/// proportion, down to a band of 8 sentences either side of the diagonal, so the work stays
/// linear in the text. Ordinary texts use far fewer and keep [`MAX_CELLS`] per gap.
const TOTAL_CELLS: usize = 4_000_000;

/// Candidate pairs the pass for moves may score in one comparison, shared among the free
/// sentences of the old side, each trying at least [`MIN_MOVE_PAIRS`].
const MOVE_PAIRS: usize = 1_000_000;
const MIN_MOVE_PAIRS: usize = 16;

/// The cell cap of each gap: [`MAX_CELLS`], or less when the gaps' wanted cells (each at most
/// [`MAX_CELLS`]) add up to more than [`TOTAL_CELLS`].
fn cells_per_gap(sizes: impl Iterator<Item = (usize, usize)>) -> usize {
    let wanted: usize = sizes.map(|(n, m)| (n * m).min(MAX_CELLS)).sum();
    if wanted <= TOTAL_CELLS {
        MAX_CELLS
    } else {
        (MAX_CELLS as u128 * TOTAL_CELLS as u128 / wanted as u128) as usize
    }
}

/// Aligns two sentence lists. Returns groups sorted by their first old index, then new index.
pub fn align(a: &[String], b: &[String], mode: Mode) -> Vec<Group> {
    align_with(a, b, Some(mode)).1
}

/// [`align`] in the given regime, or in the one [`detect_mode`](crate::detect_mode) would pick
/// when `mode` is `None`; returns the regime used. Detecting and aligning share one preparation,
/// so this is cheaper than `detect_mode` followed by `align`.
pub fn align_with(a: &[String], b: &[String], mode: Option<Mode>) -> (Mode, Vec<Group>) {
    let (mode, aligned, ..) = align_detailed(a, b, mode, true);
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
    let (mode, aligned, ..) = align_detailed(a, b, mode, false);
    let out = aligned
        .into_iter()
        .map(|x| (x.group, x.score, x.evidence))
        .collect();
    (mode, out)
}

/// Aligns in the given regime, or in the detected one when `mode` is `None`. With `prune`, links
/// without strong evidence are dropped and returned as weak candidates. The last part holds the
/// stretches past the detail budget (see `coarse`), which no link touches: each becomes one
/// coarse row, and then come the tokens read for the live sentences, for labelling.
pub(crate) fn align_detailed(
    a: &[String],
    b: &[String],
    mode: Option<Mode>,
    prune: bool,
) -> (Mode, Vec<Aligned>, Vec<Weak>, Vec<Group>, LiveTokens) {
    let prep = prepare(a, b);
    let blend = Blend::new(mode, || {
        crate::regime::shared_share(&prep, a.len(), b.len())
    });
    let mode = blend.mode();
    let Prepared {
        ops,
        pa,
        pb,
        twins,
        coarse,
        tokens,
    } = prep;
    let mut out = Vec::new();
    let (twin_a, twin_b) = twin_flags(&twins, a.len(), b.len());
    let unlinked = |op: &DiffOp| -> (Vec<usize>, Vec<usize>) {
        (
            op.old_range().filter(|&i| !twin_a[i]).collect(),
            op.new_range().filter(|&j| !twin_b[j]).collect(),
        )
    };
    let mut stretches = Vec::new();
    for op in ops.iter().zip(&coarse).filter(|x| *x.1).map(|x| x.0) {
        let (ia, ib) = unlinked(op);
        stretches.extend(coarse::stretch_groups(&ia, &ib));
    }
    if a.is_empty() || b.is_empty() {
        return (mode, out, Vec::new(), stretches, tokens);
    }
    out.extend(twins.iter().map(|&(i, j)| Aligned::moved(i, j)));
    let detailed = || ops.iter().zip(&coarse).filter(|x| !*x.1).map(|x| *x.0);
    let max_cells = cells_per_gap(detailed().filter_map(|op| match op {
        DiffOp::Replace {
            old_len, new_len, ..
        } => Some((old_len, new_len)),
        _ => None,
    }));
    // The lowest revision weight of any stretch: below 1 some stretch reads as a retelling and
    // its free sentences are worth the pass for missed links.
    let mut loosest = blend.document();
    for op in detailed() {
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
                        revision: 1.0,
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
                let (ia, ib) = unlinked(&op);
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
                let gap = Gap::new(ga, gb, blend, max_cells);
                loosest = loosest.min(gap.loosest());
                for (x, y, score, revision) in gap.align() {
                    out.push(Aligned {
                        group: Group {
                            a: leading_run(x.iter().map(|&k| ia[k])),
                            b: leading_run(y.iter().map(|&k| ib[k])),
                        },
                        link: Link::Matched,
                        score,
                        evidence: Evidence::default(),
                        revision,
                    });
                }
            }
            DiffOp::Delete { .. } | DiffOp::Insert { .. } => {}
        }
    }
    moves(&pa, &pb, &mut out, blend.document());
    let weak = weigh(&mut out, (&pa, &pb), a, b, &stretches, loosest, prune);
    (mode, out, weak, stretches, tokens)
}

/// The first run of consecutive indices: a group found around a twin (linked already) would
/// otherwise span it, and a row's sentences must be adjacent. What is cut off stays free for
/// the pass for moves.
fn leading_run(idx: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut run: Vec<usize> = Vec::new();
    for k in idx {
        if run.last().is_some_and(|&l| k != l + 1) {
            break;
        }
        run.push(k);
    }
    run
}

/// Mixed word and character-gram cosine from dot products and squared norms (pairs: left, right).
fn sim_of(w: f32, g: f32, wn: (f32, f32), gn: (f32, f32), p: Params) -> f32 {
    p.word_weight * cosine(w, wn.0, wn.1) + (1.0 - p.word_weight) * cosine(g, gn.0, gn.1)
}

/// Greedy crossing matches among sentences the monotone pass left unaligned, at the document's
/// revision weight (a move joins two stretches, so no one gap's judgement applies).
fn moves(pa: &[Profile], pb: &[Profile], out: &mut Vec<Aligned>, revision: f32) {
    let p = Params::blend(revision);
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
    let free_a: Vec<usize> = (0..pa.len()).filter(|&i| !used_a[i]).collect();
    // Work budget: each free sentence may try its share of MOVE_PAIRS candidates, its rarest
    // words first. Ordinary texts try all of theirs (a few hundred free sentences at most a few
    // hundred candidates each); megabytes of unrelated text would otherwise try hundreds each.
    let allowance = (MOVE_PAIRS / free_a.len().max(1)).max(MIN_MOVE_PAIRS);
    let mut lists: Vec<&Vec<usize>> = Vec::new();
    for &i in &free_a {
        lists.clear();
        lists.extend(
            pa[i]
                .words
                .iter()
                .filter_map(|(k, _)| index.get(k))
                .filter(|l| l.len() <= 64),
        );
        if lists.iter().map(|l| l.len()).sum::<usize>() > allowance {
            lists.sort_by_key(|l| l.len());
        }
        let mut tried = 0;
        for &j in lists.iter().flat_map(|l| l.iter()) {
            if seen[j] == i {
                continue;
            }
            seen[j] = i;
            if tried == allowance {
                break;
            }
            tried += 1;
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
            revision,
        });
    }
}
