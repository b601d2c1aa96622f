//! Preparing an alignment: the verbatim diff of match keys, the sentences it leaves live (changed
//! and within the detail budget) and their profiles, and the tokens read for them, which the
//! labels use again.

use similar::DiffOp;

use super::{coarse, keydiff};
use crate::normalize::{Tokens, key_hashes, tokens};
use crate::similarity::{Profile, profiles};

/// Profiles of the live sentences (the rest get an empty one). Only the live ones are tokenised
/// and weighed, so a text past the detail budget, almost all of it dead, holds no tokens or
/// counts for its many sentences.
fn live_profiles(
    a: &[String],
    b: &[String],
    live_a: &[bool],
    live_b: &[bool],
) -> (Vec<Profile>, Vec<Profile>, LiveTokens) {
    let live = |s: &[String], live: &[bool]| -> (Vec<usize>, Vec<Tokens>) {
        let idx: Vec<usize> = (0..s.len()).filter(|&i| live[i]).collect();
        let t = idx.iter().map(|&i| tokens(&s[i])).collect();
        (idx, t)
    };
    let ((ia, wa), (ib, wb)) = (live(a, live_a), live(b, live_b));
    let (ca, cb) = profiles(&wa, &wb, &vec![true; ia.len()], &vec![true; ib.len()]);
    // Each live sentence's own tokens and profile, in one pass; the rest get none.
    fn scatter<T: Default>(live: &[bool], got: Vec<T>) -> Vec<T> {
        let mut got = got.into_iter();
        let mut next = || got.next().unwrap_or_default();
        live.iter()
            .map(|&l| if l { next() } else { T::default() })
            .collect()
    }
    let kept = LiveTokens {
        a: ia.into_iter().zip(wa).collect(),
        b: ib.into_iter().zip(wb).collect(),
    };
    (scatter(live_a, ca), scatter(live_b, cb), kept)
}

/// The tokens `prepare` read for the live sentences, kept for labelling: the changed rows'
/// sentences are the live ones, and tokenising them twice was a tenth of an engine run (issue 17).
/// Kept by sentence index, ascending, for the live sentences only: a slot for every sentence
/// cost 21 MB a side on a 20 MB text past the detail budget, where almost none is live.
#[derive(Debug, Default)]
pub(crate) struct LiveTokens {
    a: Vec<(usize, Tokens)>,
    b: Vec<(usize, Tokens)>,
}

/// The kept tokens of sentence `i`, if it was read.
fn kept(list: &[(usize, Tokens)], i: usize) -> Option<&Tokens> {
    list.binary_search_by_key(&i, |x| x.0)
        .ok()
        .map(|k| &list[k].1)
}

impl LiveTokens {
    /// The tokens of a row side of one sentence, where they were read; a side of several
    /// sentences is labelled from its joined text, whose tokens are not kept.
    pub(crate) fn of(&self, a: &[usize], b: &[usize]) -> (Option<&Tokens>, Option<&Tokens>) {
        fn one<'t>(list: &'t [(usize, Tokens)], idx: &[usize]) -> Option<&'t Tokens> {
            match idx {
                [i] => kept(list, *i),
                _ => None,
            }
        }
        (one(&self.a, a), one(&self.b, b))
    }

    /// The tokens of old sentence `i`, where they were read.
    pub(crate) fn left(&self, i: usize) -> Option<&Tokens> {
        kept(&self.a, i)
    }

    /// The tokens of new sentence `j`, where they were read.
    pub(crate) fn right(&self, j: usize) -> Option<&Tokens> {
        kept(&self.b, j)
    }

    /// No sentence's tokens are kept.
    #[cfg(test)]
    fn is_empty(&self) -> bool {
        self.a.is_empty() && self.b.is_empty()
    }
}

/// What both the regime choice and the alignment need: the verbatim diff of match keys and the
/// profiles of the sentences it leaves unmatched.
pub(crate) struct Prepared {
    pub ops: Vec<DiffOp>,
    pub pa: Vec<Profile>,
    pub pb: Vec<Profile>,
    /// Sentences verbatim once on each side that `ops` left unmatched (see `verbatim`).
    pub twins: Vec<(usize, usize)>,
    /// Which of `ops` are past the detail budget: their sentences get no profile (`coarse`).
    pub coarse: Vec<bool>,
    /// The live sentences' tokens.
    pub tokens: LiveTokens,
}

/// Flags of the sentences in `twins`, on each side.
pub(super) fn twin_flags(twins: &[(usize, usize)], na: usize, nb: usize) -> (Vec<bool>, Vec<bool>) {
    let (mut twin_a, mut twin_b) = (vec![false; na], vec![false; nb]);
    for &(i, j) in twins {
        twin_a[i] = true;
        twin_b[j] = true;
    }
    (twin_a, twin_b)
}

pub(crate) fn prepare(a: &[String], b: &[String]) -> Prepared {
    if a == b {
        return unchanged(a.len());
    }
    let (ka, kb) = key_hashes(a, b);
    let ops = keydiff::key_diff(&ka, &kb);
    let twins = crate::verbatim::unmatched_twins(&ka, &kb, &ops);
    // Sentences matched verbatim never need a profile; leaving them out also keeps document
    // frequencies about the changed material.
    let mut live_a = vec![true; a.len()];
    let mut live_b = vec![true; b.len()];
    // Nor do stretches past the detail budget (see `coarse`), apart from their twins, whose
    // links the evidence pass reads.
    let (twin_a, twin_b) = twin_flags(&twins, a.len(), b.len());
    let coarse = coarse::past_budget(a, b, &ops, &twin_a, &twin_b);
    for (op, &c) in ops.iter().zip(&coarse) {
        let equal = op.tag() == similar::DiffTag::Equal;
        if equal || c {
            let dead_a = op.old_range().filter(|&i| equal || !twin_a[i]);
            dead_a.for_each(|i| live_a[i] = false);
            let dead_b = op.new_range().filter(|&j| equal || !twin_b[j]);
            dead_b.for_each(|j| live_b[j] = false);
        }
    }
    let (pa, pb, tokens) = live_profiles(a, b, &live_a, &live_b);
    Prepared {
        ops,
        pa,
        pb,
        twins,
        coarse,
        tokens,
    }
}

/// [`prepare`] of two equal lists of `n` sentences (a version whose body did not change): the
/// key diff is one run of equal sentences, and nothing is left to profile or pair as twins.
fn unchanged(n: usize) -> Prepared {
    let ops = if n == 0 {
        Vec::new()
    } else {
        vec![DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: n,
        }]
    };
    let coarse = vec![false; ops.len()];
    Prepared {
        ops,
        pa: vec![Profile::default(); n],
        pb: vec![Profile::default(); n],
        twins: Vec::new(),
        coarse,
        tokens: LiveTokens::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    /// The shortcut for equal lists gives what the full preparation gives.
    #[test]
    fn equal_lists_prepare_as_the_full_path_does() {
        let many = vec!["The same sentence again."; 300];
        for a in [
            texts(&[]),
            texts(&["One."]),
            texts(&[
                "The dam held.",
                "Rain fell.",
                "Rain fell.",
                "The dam held!",
                "Rain fell.",
            ]),
            texts(&many),
        ] {
            let mut b = a.clone();
            // A trailing space makes the lists differ as text but not as keys: the full path.
            if let Some(x) = b.first_mut() {
                x.push(' ');
            }
            let (fast, full) = (prepare(&a, &a), prepare(&a, &b));
            assert_eq!(fast.ops, full.ops, "{a:?}");
            assert_eq!(fast.twins, full.twins);
            let empty = |p: &[Profile]| {
                p.iter().all(|x| {
                    x.words.is_empty()
                        && x.grams.is_empty()
                        && x.words_norm2 == 0.0
                        && x.grams_norm2 == 0.0
                })
            };
            assert!(empty(&fast.pa) && empty(&full.pa) && empty(&full.pb));
            assert_eq!(
                (fast.pa.len(), fast.pb.len()),
                (full.pa.len(), full.pb.len())
            );
            assert!(fast.tokens.is_empty() && full.tokens.is_empty());
        }
    }

    /// Past the detail budget nothing is read, so nothing is kept: two unrelated texts of 1.3 MB
    /// each hold no tokens (a slot per sentence here once cost 21 MB a side on 20 MB texts).
    #[test]
    fn a_text_past_the_budget_keeps_no_tokens() {
        let side = |tag: &str| -> Vec<String> {
            (0..12_000)
                .map(|k| format!("The {tag} report number {k} lists {} stations.", k * 7))
                .collect()
        };
        let (a, b) = (side("river"), side("harbour"));
        let prep = prepare(&a, &b);
        assert!(
            prep.coarse.iter().any(|&c| c),
            "the pair must be past the budget"
        );
        assert!(prep.tokens.is_empty());
        assert!(prep.pa.iter().chain(&prep.pb).all(|p| p.words.is_empty()));
    }

    /// The tokens kept for labelling are those of the changed sentences, read as `tokens` reads
    /// them; sentences matched verbatim and sides of several sentences get none.
    #[test]
    fn kept_tokens_are_the_changed_sentences_own() {
        let a = texts(&["The dam held.", "Rain fell on Monday.", "Crews left."]);
        let b = texts(&[
            "The dam held.",
            "Rain fell on Tuesday, officials said.",
            "Crews left.",
        ]);
        let kept = prepare(&a, &b).tokens;
        assert_eq!(
            kept.of(&[1], &[1]),
            (Some(&tokens(&a[1])), Some(&tokens(&b[1])))
        );
        assert_eq!(kept.of(&[0], &[0]), (None, None));
        assert_eq!(kept.of(&[1, 2], &[1]).0, None);
        assert_eq!((kept.left(1), kept.right(0)), (Some(&tokens(&a[1])), None));
    }
}
