//! Evidence that an aligned group reports the same thing on both sides: its rarity-weighted
//! word overlap, its character-gram overlap, and the claims (names, numbers, dates, quotes) the
//! two sides share or contradict. Turns the evidence into a row's confidence and decides which
//! scored links are strong enough to draw; finding the candidates is left to `align`.

use crate::align::{Aligned, Link};
use crate::claims::words::is_function;
use crate::claims::{ClaimAtom, ClaimStatus, claim_atoms, compare_atoms};
use crate::comparison::{Facet, Mode};
use crate::similarity::{Profile, cosine, dots};

/// What speaks for one candidate link.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Evidence {
    /// TF-IDF word cosine: shared words, the rarer the more they count.
    pub words: f32,
    /// Character 4-gram cosine: shared stems, names and figures in any inflection.
    pub grams: f32,
    /// Claims both sides assert alike (a name, a figure, a date, a quote).
    pub anchors: usize,
    /// Claims where both sides fill the same slot differently (a figure, a date).
    pub conflicts: usize,
    /// Content words (not function words, not bare figures) both sides use, in any inflection.
    pub content: usize,
}

/// What the evidence of any group is read from: both sides' profiles, claim atoms and content
/// words (filled only for sentences some scored link holds).
pub(crate) struct Sides<'a> {
    pub pa: &'a [Profile],
    pub pb: &'a [Profile],
    pub atoms_a: Vec<Vec<ClaimAtom>>,
    pub atoms_b: Vec<Vec<ClaimAtom>>,
    pub content_a: Vec<Vec<String>>,
    pub content_b: Vec<Vec<String>>,
}

/// A sentence's content words: lowercased words of two or more letters that are not function
/// words ("the", "for", "were", "der", …) and not bare figures (figures count as claims). Read
/// from the sentence's first `PROFILE_CHARS` bytes, about what its profile reads, so that a
/// 20 MB "sentence" (a text without full stops) costs no more here than there.
pub(crate) fn content_words(sentence: &str) -> Vec<String> {
    let sentence = &sentence[..sentence.floor_char_boundary(crate::similarity::PROFILE_CHARS)];
    let mut out: Vec<String> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2 && !w.chars().all(|c| c.is_numeric()))
        .map(str::to_lowercase)
        .filter(|w| !is_function(w))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Letters two longer words must share at the start to count as one word in two inflections
/// ("evacuated" and "evacuation", "Einsatzkräfte" and "Einsatzkräften").
const STEM: usize = 5;

fn stem(w: &str) -> Option<&str> {
    w.char_indices()
        .nth(STEM)
        .map(|(i, _)| &w[..i])
        .or((w.chars().count() == STEM).then_some(w))
}

/// How many of `a`'s content words `b` holds, as they are or in another inflection.
fn shared_content(a: &[&String], b: &[&String]) -> usize {
    let stems: Vec<&str> = b.iter().filter_map(|w| stem(w)).collect();
    a.iter()
        .filter(|w| b.contains(w) || stem(w).is_some_and(|s| stems.contains(&s)))
        .count()
}

/// The distinct content words of sentences `idx`.
fn gather_words<'s>(c: &'s [Vec<String>], idx: &[usize]) -> Vec<&'s String> {
    let mut v: Vec<&String> = idx.iter().flat_map(|&i| c[i].iter()).collect();
    v.sort();
    v.dedup();
    v
}

impl Sides<'_> {
    /// The evidence for linking sentences `ga` of `a` with `gb` of `b`.
    pub(crate) fn evidence(&self, ga: &[usize], gb: &[usize]) -> Evidence {
        let (pa, pb) = (self.pa, self.pb);
        let (mut w, mut g) = (0.0, 0.0);
        for &i in ga {
            for &j in gb {
                let (x, y) = dots(&pa[i], &pb[j]);
                w += x;
                g += y;
            }
        }
        let norm = |side: &[Profile], idx: &[usize]| -> (f32, f32) {
            idx.iter().fold((0.0, 0.0), |(w, g), &i| {
                (w + side[i].words_norm2, g + side[i].grams_norm2)
            })
        };
        let (na, nb) = (norm(pa, ga), norm(pb, gb));
        let gather = |atoms: &[Vec<ClaimAtom>], idx: &[usize]| -> Vec<ClaimAtom> {
            idx.iter().flat_map(|&i| atoms[i].iter().cloned()).collect()
        };
        let claims = compare_atoms(
            &gather(&self.atoms_a, ga),
            &gather(&self.atoms_b, gb),
            Mode::Revision,
        );
        let anchor =
            |f: Facet| matches!(f, Facet::Number | Facet::Date | Facet::Name | Facet::Quote);
        Evidence {
            words: cosine(w, na.0, nb.0),
            grams: cosine(g, na.1, nb.1),
            anchors: claims
                .iter()
                .filter(|c| c.status == ClaimStatus::Same && anchor(c.facet))
                .count(),
            conflicts: claims
                .iter()
                .filter(|c| {
                    c.status == ClaimStatus::Differs
                        && matches!(c.facet, Facet::Number | Facet::Date)
                })
                .count(),
            content: shared_content(
                &gather_words(&self.content_a, ga),
                &gather_words(&self.content_b, gb),
            ),
        }
    }
}

/// `f` of each needed sentence; the others get an empty value.
fn each<T: Default>(s: &[String], need: &[bool], f: impl Fn(&str) -> T) -> Vec<T> {
    s.iter()
        .zip(need)
        .map(|(t, &n)| if n { f(t) } else { T::default() })
        .collect()
}

/// A candidate link dropped for weak evidence: its sentences become added and removed rows that
/// point at each other as possibly related.
#[derive(Debug, Clone)]
pub(crate) struct Weak {
    pub a: Vec<usize>,
    pub b: Vec<usize>,
    pub score: f32,
}

/// Fills in the evidence of every scored link and, with `prune`, drops the links whose evidence
/// is weak, returning them.
pub(crate) fn weigh(
    out: &mut Vec<Aligned>,
    pa: &[Profile],
    pb: &[Profile],
    a: &[String],
    b: &[String],
    mode: Mode,
    prune: bool,
) -> Vec<Weak> {
    // Revisions keep every link (see `strong`): their evidence is only worth reading for study.
    if prune && mode == Mode::Revision {
        return Vec::new();
    }
    let (mut need_a, mut need_b) = (vec![false; a.len()], vec![false; b.len()]);
    for x in out.iter().filter(|x| x.link != Link::Exact) {
        x.group.a.iter().for_each(|&i| need_a[i] = true);
        x.group.b.iter().for_each(|&j| need_b[j] = true);
    }
    let sides = Sides {
        pa,
        pb,
        atoms_a: each(a, &need_a, claim_atoms),
        atoms_b: each(b, &need_b, claim_atoms),
        content_a: each(a, &need_a, content_words),
        content_b: each(b, &need_b, content_words),
    };
    for x in out.iter_mut().filter(|x| x.link != Link::Exact) {
        x.evidence = sides.evidence(&x.group.a, &x.group.b);
    }
    if !prune {
        return Vec::new();
    }
    let mut weak = Vec::new();
    if mode == Mode::Accounts {
        for x in out.iter_mut().filter(|x| x.link != Link::Exact) {
            let (ga, gb) = (x.group.a.clone(), x.group.b.clone());
            let earns = |side_a: bool, k: usize| {
                let e = if side_a {
                    sides.evidence(&[k], &gb)
                } else {
                    sides.evidence(&ga, &[k])
                };
                earns_place(&e, mode)
            };
            let (ka, drop_a) = trim(&ga, |k| earns(true, k));
            let (kb, drop_b) = trim(&gb, |k| earns(false, k));
            if ka.is_empty() || kb.is_empty() {
                continue; // the whole group goes below
            }
            for i in drop_a {
                weak.push(Weak {
                    a: vec![i],
                    b: kb.clone(),
                    score: x.score,
                });
            }
            for j in drop_b {
                weak.push(Weak {
                    a: ka.clone(),
                    b: vec![j],
                    score: x.score,
                });
            }
            if (ka.len(), kb.len()) != (ga.len(), gb.len()) {
                x.evidence = sides.evidence(&ka, &kb);
                x.group.a = ka;
                x.group.b = kb;
            }
        }
    }
    out.retain(|x| {
        let keep = x.link == Link::Exact || strong(&x.evidence, mode);
        if !keep {
            weak.push(Weak {
                a: x.group.a.clone(),
                b: x.group.b.clone(),
                score: x.score,
            });
        }
        keep
    });
    weak
}

/// Keeps the members of one side of a group that earn their place, trimming from both ends so
/// the kept sentences stay contiguous; a member in the middle that does not earn its place
/// empties the group. Returns the kept and the dropped members.
fn trim(members: &[usize], earns: impl Fn(usize) -> bool) -> (Vec<usize>, Vec<usize>) {
    if members.len() < 2 {
        return (members.to_vec(), Vec::new());
    }
    let ok: Vec<bool> = members.iter().map(|&k| earns(k)).collect();
    let (Some(first), Some(last)) = (ok.iter().position(|&o| o), ok.iter().rposition(|&o| o))
    else {
        return (Vec::new(), members.to_vec());
    };
    if ok[first..=last].iter().any(|&o| !o) {
        return (Vec::new(), members.to_vec());
    }
    let dropped = members[..first]
        .iter()
        .chain(&members[last + 1..])
        .copied()
        .collect();
    (members[first..=last].to_vec(), dropped)
}

/// Least TF-IDF word cosine for a scored link between two accounts, and for each member of a
/// merge or split with the other side. Accounts are aligned mostly on character grams (shared
/// stems), which two sentences about one event share by topic alone; a link also needs some of
/// the same words, weighted by rarity. Measured in auto mode (`tests/engine-bench/halves.py`,
/// odd/even): Aesop pair P .621/.635 -> .653/.651 at F1 .661/.667 -> .659/.660; DEplain-web unit
/// F1 .894/.918 -> .888/.917 (the member rule costs the odd half).
const ACCOUNTS_MIN_WORDS: f32 = 0.12;

/// Content words a scored link between two accounts must share when it shares no claim slot: an
/// anchor (a name, figure, date or quote alike on both sides) or a conflict (two values for one
/// figure or time, "7:20 p.m." against "7:45 p.m."). Two sentences about one event share one
/// topic word by topic alone ("the town's flood sirens" and "the town's estimate"), and on short
/// texts the rarity weights leave function words a large part of the word cosine, so the cosine
/// alone does not tell a shared claim from a shared topic. Measured in auto mode, odd/even
/// halves: Aesop pair P .653/.651 -> .665/.670 (F1 .659/.660 -> .646/.662); DEplain-web unit
/// P .887/.933 -> .905/.949 (F1 .888/.917 -> .897/.924); own corpus P .88 -> .92 at equal recall.
/// Requiring three costs a tenth of the Aesop recall on both halves (F1 .62/.63).
const ACCOUNTS_MIN_CONTENT: usize = 2;

/// Whether a member of a merge or split earns its place beside the group's other side.
fn earns_place(e: &Evidence, mode: Mode) -> bool {
    mode == Mode::Revision || e.words >= ACCOUNTS_MIN_WORDS
}

/// Whether the evidence is strong enough for a link. Revisions keep the aligner's links: an edited
/// copy shares its wording, and its threshold already asks for that.
fn strong(e: &Evidence, mode: Mode) -> bool {
    earns_place(e, mode)
        && (mode == Mode::Revision
            || e.anchors + e.conflicts > 0
            || e.content >= ACCOUNTS_MIN_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::{content_words, shared_content, trim};

    fn refs(v: &[String]) -> Vec<&String> {
        v.iter().collect()
    }

    #[test]
    fn content_words_leave_out_function_words_and_match_inflections() {
        let a = content_words(
            "Police went door to door while the town's flood sirens sounded in 2009.",
        );
        assert!(a.contains(&"town".to_string()) && a.contains(&"sirens".to_string()));
        // Function words, one-letter pieces ("town's" -> "s") and bare figures are no content.
        for w in ["the", "to", "while", "in", "s", "2009"] {
            assert!(!a.contains(&w.to_string()), "{w}");
        }
        let b = content_words("The county said the town's estimate counted every resident.");
        // One topic word in common is all these two share.
        assert_eq!(shared_content(&refs(&a), &refs(&b)), 1);
        let c = content_words("Residents were evacuated.");
        let d = content_words("The evacuation of residents began.");
        assert_eq!(shared_content(&refs(&c), &refs(&d)), 2);
    }

    #[test]
    fn a_group_keeps_only_members_that_earn_their_place() {
        let earns = |k: usize| k != 9;
        assert_eq!(trim(&[3, 4], earns), (vec![3, 4], vec![]));
        // A weak member at an end is dropped; the rest stay contiguous.
        assert_eq!(trim(&[8, 9], |k| k == 8), (vec![8], vec![9]));
        assert_eq!(trim(&[9, 10, 11], |k| k != 9), (vec![10, 11], vec![9]));
        // A weak member in the middle empties the group.
        assert_eq!(trim(&[8, 9, 10], earns), (vec![], vec![8, 9, 10]));
        assert_eq!(trim(&[5], |_| false), (vec![5], vec![]));
    }
}
