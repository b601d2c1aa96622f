//! Evidence that an aligned group reports the same thing on both sides: its rarity-weighted
//! word overlap, its character-gram overlap, and the claims (names, numbers, dates, quotes) the
//! two sides share or contradict. Turns the evidence into a row's confidence and decides which
//! scored links are strong enough to draw; finding the candidates is left to `align`.

use crate::align::{Aligned, Link};
use crate::claims::words::is_function;
use crate::claims::{Claim, ClaimAtom, ClaimStatus, claim_atoms, compare_atoms};
use crate::comparison::{Facet, Mode};
use crate::similarity::{Profile, cosine, dots};

mod recover;
use recover::recover;

/// What speaks for one candidate link.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Evidence {
    /// TF-IDF word cosine: shared words, the rarer the more they count.
    pub words: f32,
    /// Character 4-gram cosine: shared stems, names and figures in any inflection.
    pub grams: f32,
    /// Claims both sides assert alike (a name, a figure, a date, a quote).
    pub anchors: usize,
    /// Figures and dated times in one slot on both sides, alike or conflicting, that tell one
    /// fact from another (not "one", not "today"): a name recurs through a whole story, a figure
    /// is one claim.
    pub figures: usize,
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

impl<'a> Sides<'a> {
    /// The evidence sources of the sentences flagged in `need` on each side.
    pub(crate) fn new(
        (pa, pb): (&'a [Profile], &'a [Profile]),
        (a, b): (&[String], &[String]),
        (need_a, need_b): (&[bool], &[bool]),
    ) -> Sides<'a> {
        Sides {
            pa,
            pb,
            atoms_a: each(a, need_a, claim_atoms),
            atoms_b: each(b, need_b, claim_atoms),
            content_a: each(a, need_a, content_words),
            content_b: each(b, need_b, content_words),
        }
    }
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

/// Letters the shorter of two words must have to count as the head of the longer, a compound
/// that ends with it ("Warnstufe" in "Lawinenwarnstufe", "Straße" in "Passstraße"); shorter
/// endings are suffixes ("-ation"), not words.
const HEAD: usize = 6;

/// `long` is a compound ending with the word `short`.
fn head_of(short: &str, long: &str) -> bool {
    long.len() > short.len() && short.chars().count() >= HEAD && long.ends_with(short)
}

/// Two content words are one word: alike, in another inflection or one the head of the other.
fn one_word(w: &str, x: &str) -> bool {
    w == x || stem(w).is_some_and(|s| stem(x) == Some(s)) || head_of(x, w) || head_of(w, x)
}

/// How many of `a`'s content words `b` holds, as they are, in another inflection or as the head
/// of a compound.
fn shared_content(a: &[&String], b: &[&String]) -> usize {
    a.iter()
        .filter(|w| b.iter().any(|x| one_word(w, x)))
        .count()
}

/// How many sentences of one side use each content word (by its stem).
fn word_counts(content: &[Vec<String>]) -> std::collections::HashMap<&str, usize> {
    let mut n = std::collections::HashMap::new();
    for words in content {
        for w in words {
            *n.entry(stem(w).unwrap_or(w)).or_insert(0) += 1;
        }
    }
    n
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
        let (xa, xb) = (gather(&self.atoms_a, ga), gather(&self.atoms_b, gb));
        let (wa, wb) = (
            gather_words(&self.content_a, ga),
            gather_words(&self.content_b, gb),
        );
        let claims = compare_atoms(&xa, &xb, Mode::Revision);
        fn find<'x>(
            atoms: &'x [ClaimAtom],
            f: Facet,
            text: &Option<String>,
        ) -> Option<&'x ClaimAtom> {
            atoms
                .iter()
                .find(|x| x.facet == f && Some(x.text.as_str()) == text.as_deref())
        }
        fn slot<'x>(atoms: &'x [ClaimAtom], text: &Option<String>) -> &'x str {
            find(atoms, Facet::Number, text).map_or("", |x| x.slot.as_str())
        }
        // A figure anchors only where it counts the same thing on both sides: "two grandsons"
        // and "two people" share a small number, not a claim.
        let anchor = |c: &Claim| match c.facet {
            Facet::Number => {
                let (l, r) = (slot(&xa, &c.left), slot(&xb, &c.right));
                l == r || l.is_empty() || r.is_empty()
            }
            f => matches!(f, Facet::Date | Facet::Name | Facet::Quote),
        };
        // A figure or a dated time that tells one fact from another: not "one" (an article or
        // pronoun as often as a count: "one another"), not a relative day ("today", "heute").
        let distinct = |atoms: &[ClaimAtom], f: Facet, text: &Option<String>| {
            find(atoms, f, text).is_some_and(|x| match f {
                Facet::Number => x.key != "1",
                _ => x.key.chars().any(|c| c.is_ascii_digit()),
            })
        };
        let figure = |c: &Claim| {
            matches!(c.facet, Facet::Number | Facet::Date)
                && distinct(&xa, c.facet, &c.left)
                && distinct(&xb, c.facet, &c.right)
        };
        Evidence {
            words: cosine(w, na.0, nb.0),
            grams: cosine(g, na.1, nb.1),
            anchors: claims
                .iter()
                .filter(|c| c.status == ClaimStatus::Same && anchor(c))
                .count(),
            figures: claims
                .iter()
                .filter(|c| figure(c) && (c.status == ClaimStatus::Differs || anchor(c)))
                .count(),
            conflicts: claims
                .iter()
                .filter(|c| {
                    c.status == ClaimStatus::Differs
                        && matches!(c.facet, Facet::Number | Facet::Date)
                })
                .count(),
            content: shared_content(&wa, &wb),
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
/// is weak, returning them. `coarse` holds the stretches past the detail budget: no link touches
/// them, so their sentences are never read (at the size limit they are most of the text).
/// `loosest` is the lowest revision weight of any stretch (see `Blend`).
pub(crate) fn weigh(
    out: &mut Vec<Aligned>,
    (pa, pb): (&[Profile], &[Profile]),
    a: &[String],
    b: &[String],
    coarse: &[crate::align::Group],
    loosest: f32,
    prune: bool,
) -> Vec<Weak> {
    // Revisions keep every link (see `strong`): their evidence is only worth reading for study.
    if prune && loosest >= 1.0 {
        return Vec::new();
    }
    // Where some stretch reads as a retelling, the pass for missed links reads free sentences.
    let all = prune;
    let (mut need_a, mut need_b) = (vec![all; a.len()], vec![all; b.len()]);
    for g in coarse {
        g.a.iter().for_each(|&i| need_a[i] = false);
        g.b.iter().for_each(|&j| need_b[j] = false);
    }
    for x in out.iter().filter(|x| x.link != Link::Exact) {
        x.group.a.iter().for_each(|&i| need_a[i] = true);
        x.group.b.iter().for_each(|&j| need_b[j] = true);
    }
    let sides = Sides::new((pa, pb), (a, b), (&need_a, &need_b));
    for x in out.iter_mut().filter(|x| x.link != Link::Exact) {
        x.evidence = sides.evidence(&x.group.a, &x.group.b);
    }
    if !prune {
        return Vec::new();
    }
    let mut weak = Vec::new();
    for x in out
        .iter_mut()
        .filter(|x| x.link != Link::Exact && x.revision < 1.0)
    {
        trim_group(x, &sides, &mut weak);
    }
    out.retain(|x| {
        let keep = x.link == Link::Exact || strong(&x.evidence, x.revision);
        if !keep {
            weak.push(Weak {
                a: x.group.a.clone(),
                b: x.group.b.clone(),
                score: x.score,
            });
        }
        keep
    });
    recover(out, &sides);
    weak
}

/// Drops from a merge or split the end members that do not earn their place beside the other
/// side, as weak pointers to the rest; a group left with an empty side is dropped later, whole.
fn trim_group(x: &mut Aligned, sides: &Sides, weak: &mut Vec<Weak>) {
    let (ga, gb) = (x.group.a.clone(), x.group.b.clone());
    let earns = |side_a: bool, k: usize| {
        let e = if side_a {
            sides.evidence(&[k], &gb)
        } else {
            sides.evidence(&ga, &[k])
        };
        earns_place(&e, x.revision)
    };
    let (ka, drop_a) = trim(&ga, |k| earns(true, k));
    let (kb, drop_b) = trim(&gb, |k| earns(false, k));
    if ka.is_empty() || kb.is_empty() {
        return;
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

/// Whether a member of a merge or split earns its place beside the group's other side, in a
/// stretch of revision weight `revision` (see `Blend`).
fn earns_place(e: &Evidence, revision: f32) -> bool {
    revision >= 1.0 || e.words >= ACCOUNTS_MIN_WORDS
}

/// Whether the evidence is strong enough for a link found at revision weight `revision`. Where
/// the text reads wholly as an edited copy the aligner's links stand: an edited copy shares its
/// wording, and the revision threshold already asks for that.
fn strong(e: &Evidence, revision: f32) -> bool {
    earns_place(e, revision)
        && (revision >= 1.0 || e.anchors + e.conflicts > 0 || e.content >= ACCOUNTS_MIN_CONTENT)
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
    fn a_compound_shares_its_head_word() {
        let a = content_words("Die Passstraße ist gesperrt, es gilt Lawinenwarnstufe 4.");
        let b = content_words("Die Straße bleibt zu; die Warnstufe war 3.");
        // "straße" in "passstraße", "warnstufe" in "lawinenwarnstufe".
        assert_eq!(shared_content(&refs(&a), &refs(&b)), 2);
        // Endings shorter than a word are no head: "nation" is no compound of "ion".
        let c = content_words("The station closed.");
        let d = content_words("The nation closed.");
        assert_eq!(shared_content(&refs(&c), &refs(&d)), 1);
    }

    /// The links of a comparison in accounts mode, as (left, right) sentence pairs.
    fn links(a: &str, b: &str) -> Vec<(usize, usize)> {
        let c = crate::compare(
            a,
            b,
            &crate::CompareOptions {
                mode: crate::ModeChoice::Accounts,
                ..Default::default()
            },
        );
        let mut out: Vec<(usize, usize)> = c
            .rows
            .iter()
            .flat_map(|r| {
                r.left
                    .iter()
                    .flat_map(|&i| r.right.iter().map(move |&j| (i, j)))
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_small_number_counting_other_things_anchors_nothing() {
        // "two grandsons" and "two people" share a figure but no claim: no link.
        let l = links(
            "The river rose. Ana Ruiz left her flat with her two grandsons and a cat.",
            "The river rose. The cause was a fault in the pumps, according to two people.",
        );
        assert_eq!(l, [(0, 0)]);
    }

    #[test]
    fn a_one_sentence_gap_between_links_is_linked_by_a_rare_shared_word() {
        let a = "Ein Felssturz hat am Montag die Talstraße bei Orlen verschüttet. \
                 Die drei Wanderer sind nach Angaben der Polizei in Sicherheit. \
                 Die Talstraße bleibt bis Freitag gesperrt.";
        let b = "Auf der Talstraße bei Orlen ist am Montag ein Felssturz niedergegangen. \
                 Alle Wanderer sind unverletzt. \
                 Die Talstraße ist bis Freitag gesperrt.";
        assert_eq!(links(a, b), [(0, 0), (1, 1), (2, 2)]);
        // Without the neighbours' links one shared word is not enough.
        assert_eq!(
            links(
                "Die drei Wanderer konnten sich retten.",
                "Alle Wanderer blieben unverletzt. Das Wetter war schlecht."
            ),
            []
        );
    }

    #[test]
    fn two_values_for_one_time_link_sentences_told_in_another_order() {
        let a = "A fire destroyed a boat shed in Tarn on Monday night. \
                 About 40 firefighters fought the blaze, the fire chief said. \
                 The fire broke out at about 9:30 p.m. in the north wing of the shed.";
        let b = "Fire crews battled a blaze at the Tarn boat shed overnight. \
                 The fire broke out shortly after 10 p.m., a spokesman said. \
                 More than 60 firefighters fought the blaze.";
        let l = links(a, b);
        assert!(l.contains(&(2, 1)), "{l:?}");
        assert!(l.contains(&(1, 2)), "{l:?}");
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
