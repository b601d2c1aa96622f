//! Regime choice: does one text revise the other, or are they two accounts of one story?
//! Decides from sentence wording only; the alignment itself is left to `align`.

use similar::DiffOp;

use crate::align::{Prepared, prepare};
use crate::comparison::Mode;
use crate::similarity::{KeyMap, Profile, cosine, dots};

/// A sentence whose best counterpart on the other side has at least this mixed cosine counts as
/// shared with it: an edited copy (typos, a changed word or number), not a retelling. Independent
/// tellings rarely get there (in the Aesop dev pairs at most a fifth of a pair's sentences do,
/// where both quote the same moral), and the regime choice on the dev data does not change
/// anywhere between 0.6 and 0.8, so the value sits in the middle of that range.
pub(crate) const NEAR_IDENTICAL: f32 = 0.7;

/// Share of all sentences (both sides) that must be shared for the texts to count as revisions.
pub(crate) const SHARED_FOR_REVISION: f32 = 0.25;

/// How many of a sentence's rarest words propose candidates for its near-identical counterpart.
/// A near-identical sentence shares nearly all words, so it shares one of the rarest too.
const RARE_WORDS: usize = 3;

/// A word in more sentences than this proposes no candidates: a sentence whose rarest words are
/// all this common has no distinctive wording to be copied, and the cap bounds the work.
const MAX_POSTINGS: usize = 64;

/// Candidate pairs the near-identity search may score in one comparison, shared among the old
/// side's sentences, each scoring at least [`MIN_NEAR_PAIRS`]: megabytes of unrelated text
/// would otherwise score up to 3 × 64 pairs per sentence.
const NEAR_PAIRS: usize = 1_000_000;
const MIN_NEAR_PAIRS: usize = 16;

/// Counts the sentences on each side whose best counterpart on the other side is near-identical.
/// Candidates share one of the old sentence's `RARE_WORDS` rarest words, so the cost grows with
/// the candidates, not with the product of the two lengths.
fn near_identical(pa: &[Profile], pb: &[Profile], twins: &[(usize, usize)]) -> (usize, usize) {
    let mut index: KeyMap<Vec<usize>> = KeyMap::default();
    for (j, q) in pb.iter().enumerate() {
        for (k, _) in &q.words {
            index.entry(*k).or_default().push(j);
        }
    }
    let mut best_a = vec![0.0f32; pa.len()];
    let mut best_b = vec![0.0f32; pb.len()];
    // Sentences verbatim once on each side that the diff left unmatched (a shuffle) are
    // identical to their twin, whatever the budget lets the search find.
    for &(i, j) in twins {
        best_a[i] = 1.0;
        best_b[j] = 1.0;
    }
    // Work budget: each sentence may score its share of NEAR_PAIRS candidates (ordinary texts
    // score all of theirs: a few hundred sentences, at most 3 × 64 candidates each).
    let allowance = (NEAR_PAIRS / pa.len().max(1)).max(MIN_NEAR_PAIRS);
    let mut seen: Vec<usize> = vec![usize::MAX; pb.len()];
    let mut lists: Vec<&Vec<usize>> = Vec::new();
    for (i, p) in pa.iter().enumerate() {
        lists.clear();
        lists.extend(
            p.words
                .iter()
                .filter_map(|(k, _)| index.get(k))
                .filter(|l| l.len() <= MAX_POSTINGS),
        );
        lists.sort_by_key(|l| l.len());
        let mut tried = 0;
        for &j in lists.iter().take(RARE_WORDS).flat_map(|l| l.iter()) {
            if seen[j] == i {
                continue;
            }
            seen[j] = i;
            if tried == allowance {
                break;
            }
            tried += 1;
            let (w, g) = dots(p, &pb[j]);
            let s = 0.5 * cosine(w, p.words_norm2, pb[j].words_norm2)
                + 0.5 * cosine(g, p.grams_norm2, pb[j].grams_norm2);
            best_a[i] = best_a[i].max(s);
            best_b[j] = best_b[j].max(s);
        }
    }
    let count = |v: &[f32]| v.iter().filter(|&&s| s >= NEAR_IDENTICAL).count();
    (count(&best_a), count(&best_b))
}

/// Share of all sentences (both sides) that the other text holds verbatim or as an edited copy.
/// When the verbatim ones alone reach [`SHARED_FOR_REVISION`] the near-identity search is left
/// out and the share is the verbatim one: a lower bound, enough for the regime and for the prior
/// of [`Blend`](crate::align::Blend) (which reads every share from that point on as a revision).
pub(crate) fn shared_share(prep: &Prepared, na: usize, nb: usize) -> f32 {
    if na == 0 || nb == 0 {
        return 1.0;
    }
    let equal: usize = prep
        .ops
        .iter()
        .map(|op| {
            if let DiffOp::Equal { len, .. } = op {
                *len
            } else {
                0
            }
        })
        .sum();
    let total = (na + nb) as f32;
    // Most revisions are decided by their verbatim sentences alone; only the rest pay for the
    // near-identity search.
    if (2 * equal) as f32 >= SHARED_FOR_REVISION * total {
        return (2 * equal) as f32 / total;
    }
    let (near_a, near_b) = near_identical(&prep.pa, &prep.pb, &prep.twins);
    (2 * equal + near_a + near_b) as f32 / total
}

/// The regime a share of shared sentences reads as (see [`detect_mode`]).
pub(crate) fn mode_at(share: f32) -> Mode {
    if share >= SHARED_FOR_REVISION {
        Mode::Revision
    } else {
        Mode::Accounts
    }
}

/// Picks the regime from the share of sentences, over both texts, that the other text holds in
/// the same or nearly the same words: verbatim (after normalisation) or as an edited copy
/// (cosine of the profiles at least `NEAR_IDENTICAL`). `Revision` when at least a quarter are
/// shared, else `Accounts`.
///
/// Why this separates the two: a revision is made by editing a copy, so most sentences that
/// survive keep most of their words even when the edit touches every one of them (a word
/// swapped, a figure corrected, a clause added). Two independent accounts of one event share
/// names and key words but almost never a sentence's wording, so their best counterparts stay
/// far below near-identity. Counting edited copies, not only exact ones, keeps heavily
/// copy-edited revisions (where no sentence survives untouched) out of the paraphrase regime.
/// A rewrite into other words (a free plain-language retelling) shares no wording either and
/// is, as far as the texts show, a second account: it gets the accounts regime.
pub fn detect_mode(a: &[String], b: &[String]) -> Mode {
    mode_at(shared_share(&prepare(a, b), a.len(), b.len()))
}
