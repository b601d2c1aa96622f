//! How much each gap between anchors reads as an edited copy rather than a retelling, judged from
//! the gap's own sentences with the whole document as a prior; turns that into the gap's tuning.
//! Replaces a document-wide switch, under which one share of edited sentences too few flipped
//! every link of a text to the loose regime. Finding the near-identical sentences is left to
//! `regime` (for the document) and `gap` (for a gap's own cells).

use super::Params;
use crate::comparison::Mode;
use crate::regime::SHARED_FOR_REVISION;

/// Share of shared sentences below which a document (or a gap) reads wholly as two accounts.
/// Between it and [`SHARED_FOR_REVISION`] the tuning moves linearly from the accounts to the
/// revision values, so a text near the old switch gets a middle tuning instead of either extreme.
/// Auto mode, odd/even halves (`tests/engine-bench/halves.py`): at 0.15 Aesop pair F1 stays
/// .646/.662 and DEplain-web unit F1 reads .901/.925 (the switch: .897/.924); at 0.1 DEplain
/// reads alike but a sample story loses a right link and a revision fixture gains a wrong one;
/// 0.05 reads as 0.1.
const ALL_ACCOUNTS: f32 = 0.15;

/// Weight, in sentences, of the document's share in a sentence's neighbourhood: one or two
/// heavily edited sentences between anchors say little by themselves (a rewritten sentence of a
/// revision is not a retelling), while a neighbourhood of freely retold sentences outweighs a
/// document that is otherwise a light revision. At 1 a revision's two rewritten sentences between
/// anchors were linked as accounts (the `added-removed` fixture); 0.5/2 read DEplain-web unit F1
/// .894/.926 and .901/.926 (odd/even), Aesop unchanged.
const PRIOR_SENTENCES: f32 = 2.0;

/// Sentences either side of a sentence, within its gap, whose wording judges it.
const WINDOW: usize = 3;

/// The regime of a comparison: fixed by the caller, or judged gap by gap.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Blend {
    /// Every gap gets this revision weight (1: `--mode revision`, 0: `--mode accounts`).
    Fixed(f32),
    /// Judged per gap; `prior` is the document's share of shared sentences.
    Auto { prior: f32 },
}

/// Revision weight of a share of shared sentences: 0 up to [`ALL_ACCOUNTS`], 1 from
/// [`SHARED_FOR_REVISION`] on, linear between.
fn weight(share: f32) -> f32 {
    ((share - ALL_ACCOUNTS) / (SHARED_FOR_REVISION - ALL_ACCOUNTS)).clamp(0.0, 1.0)
}

impl Blend {
    /// A fixed regime, or the judged one with the document's share (computed only then).
    pub(crate) fn new(mode: Option<Mode>, share: impl FnOnce() -> f32) -> Blend {
        match mode {
            Some(Mode::Revision) => Blend::Fixed(1.0),
            Some(Mode::Accounts) => Blend::Fixed(0.0),
            None => Blend::Auto { prior: share() },
        }
    }

    /// The regime the comparison reports (claims in accounts compare names leniently).
    pub(crate) fn mode(self) -> Mode {
        match self {
            Blend::Fixed(t) if t >= 1.0 => Mode::Revision,
            Blend::Fixed(_) => Mode::Accounts,
            Blend::Auto { prior } => crate::regime::mode_at(prior),
        }
    }

    /// Revision weight of the document as a whole (for what is not judged per gap: moves).
    pub(crate) fn document(self) -> f32 {
        match self {
            Blend::Fixed(t) => t,
            Blend::Auto { prior } => weight(prior),
        }
    }

    /// Revision weights of a gap's sentences, each side apart: a sentence's share of
    /// near-identical sentences within [`WINDOW`] of it on its side, drawn towards the document's
    /// share by [`PRIOR_SENTENCES`]. Judging by neighbourhood rather than by the whole gap keeps a
    /// freely retold stretch loose even where edited sentences open the same gap. `near` (the
    /// flags of each side's near-identical sentences) is not called where the prior alone
    /// decides (small gaps in a revision), so most revisions pay nothing for the judgement.
    pub(crate) fn sides(
        self,
        (na, nb): (usize, usize),
        near: impl FnOnce() -> (Vec<bool>, Vec<bool>),
    ) -> (Vec<f32>, Vec<f32>) {
        let prior = match self {
            Blend::Fixed(t) => return (vec![t; na], vec![t; nb]),
            Blend::Auto { prior } => prior,
        };
        let share = |near: usize, n: usize| {
            (near as f32 + PRIOR_SENTENCES * prior) / (n as f32 + PRIOR_SENTENCES)
        };
        let widest = |n: usize| share(0, n.min(2 * WINDOW + 1));
        if weight(widest(na)) == 1.0 && weight(widest(nb)) == 1.0 {
            return (vec![1.0; na], vec![1.0; nb]);
        }
        let (near_a, near_b) = near();
        let side = |flags: &[bool]| -> Vec<f32> {
            (0..flags.len())
                .map(|i| {
                    // Near an end the window shifts inwards: every sentence is judged by as
                    // many neighbours as its side has, up to the full window.
                    let len = (2 * WINDOW + 1).min(flags.len());
                    let from = i.saturating_sub(WINDOW).min(flags.len() - len);
                    let w = &flags[from..from + len];
                    weight(share(w.iter().filter(|&&f| f).count(), w.len()))
                })
                .collect()
        };
        (side(&near_a), side(&near_b))
    }
}

impl Params {
    /// The tuning at revision weight `t`: the accounts values at 0, the revision values at 1
    /// (exactly: `--mode` overrides keep their measured behaviour), each linear between.
    pub(crate) fn blend(t: f32) -> Params {
        let (a, r) = (
            Params::for_mode(Mode::Accounts),
            Params::for_mode(Mode::Revision),
        );
        let mix = |x: f32, y: f32| x * (1.0 - t) + y * t;
        Params {
            threshold: mix(a.threshold, r.threshold),
            extra: mix(a.extra, r.extra),
            move_threshold: mix(a.move_threshold, r.move_threshold),
            word_weight: mix(a.word_weight, r.word_weight),
            max_group: r.max_group.max(a.max_group),
            context: mix(a.context, r.context),
            overlap: mix(a.overlap, r.overlap),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ends_are_the_fixed_regimes() {
        let (a, r) = (Params::blend(0.0), Params::blend(1.0));
        let (fa, fr) = (
            Params::for_mode(Mode::Accounts),
            Params::for_mode(Mode::Revision),
        );
        assert_eq!((a.threshold, a.word_weight), (fa.threshold, fa.word_weight));
        assert_eq!((r.threshold, r.word_weight), (fr.threshold, fr.word_weight));
        assert_eq!(r.move_threshold, fr.move_threshold);
    }

    #[test]
    fn a_sentence_is_judged_by_its_neighbours_drawn_to_the_document() {
        let doc = Blend::Auto { prior: 0.6 };
        // One heavily edited sentence a side in a revision stays a revision, unexamined.
        let (a, b) = doc.sides((1, 1), || unreachable!("the prior decides"));
        assert_eq!((a, b), (vec![1.0], vec![1.0]));
        // A gap whose first two sentences are edited copies and whose next eight are retold:
        // the edited ones read as a revision, the retold ones (past the window) as accounts.
        let flags: Vec<bool> = (0..10).map(|i| i < 2).collect();
        let (a, _) = doc.sides((10, 10), || (flags.clone(), flags.clone()));
        assert_eq!(a[0], 1.0);
        assert!(a[6..].iter().all(|&t| t < 0.25), "{a:?}");
        // The weight moves by small steps with the share: no switch.
        let steps: Vec<f32> = (0..=15)
            .map(|k| {
                Blend::Auto {
                    prior: k as f32 * 0.02,
                }
                .document()
            })
            .collect();
        assert!(
            steps
                .windows(2)
                .all(|w| w[1] >= w[0] && w[1] - w[0] <= 0.21),
            "{steps:?}"
        );
    }
}
