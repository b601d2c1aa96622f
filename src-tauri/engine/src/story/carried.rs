//! What ties a sentence to a claim row beyond the pair alignments: the claim atoms and content
//! words it shares with the row's sentences. A sentence that carries two claims ("A landslide
//! derailed a train, injuring 14") is linked by the aligner to one of them; it also serves the
//! row of the other when it carries that row's figure or date, one the sentence's own row
//! does not hold. Forming rows is left to `rows`.

use std::collections::HashMap;

use crate::claims::{ClaimAtom, atoms_agree, words};
use crate::comparison::Facet;
use crate::normalize::{hash_bytes, tokens};
use crate::similarity::KeyMap;

use super::rows::{Evidence, MAX_PER_ACCOUNT, MAX_ROWS_PER_SENTENCE};

/// The evidence of one story: its sentences' content words and claim atoms.
pub(crate) struct StoryEvidence<'a> {
    words: Words,
    atoms: &'a [Vec<Vec<ClaimAtom>>],
}

impl<'a> StoryEvidence<'a> {
    pub(crate) fn new(texts: &[Vec<String>], atoms: &'a [Vec<Vec<ClaimAtom>>]) -> Self {
        StoryEvidence {
            words: Words::new(texts),
            atoms,
        }
    }
}

impl Evidence for StoryEvidence<'_> {
    fn serves(&self, x: (usize, usize), y: (usize, usize)) -> bool {
        shares_claim(&self.words, self.atoms, x, y)
    }

    fn related(&self, x: (usize, usize), y: (usize, usize)) -> bool {
        related(&self.words, self.atoms, x, y)
    }

    fn carry(&self, rows: &mut [Vec<Vec<usize>>]) {
        add_carried(rows, &self.words, self.atoms);
    }
}

/// Per sentence its content words, all and those rare in the story.
struct Words {
    /// Per account, per sentence, its distinct content words (hashed, sorted).
    all: Vec<Vec<Vec<u64>>>,
    /// The same, only the words no more sentences use than the story has accounts: a word
    /// used more widely names the story's subject, not one claim (a claim's word turns up
    /// about once in each account that carries it).
    rare: Vec<Vec<Vec<u64>>>,
}

impl Words {
    fn new(texts: &[Vec<String>]) -> Words {
        let all: Vec<Vec<Vec<u64>>> = texts
            .iter()
            .map(|t| {
                t.iter()
                    .map(|s| {
                        let mut w = content_words(s);
                        w.sort_unstable();
                        w.dedup();
                        w
                    })
                    .collect()
            })
            .collect();
        let mut df: KeyMap<usize> = KeyMap::default();
        for w in all.iter().flatten().flatten() {
            *df.entry(*w).or_default() += 1;
        }
        let most = texts.len();
        let rare = all
            .iter()
            .map(|t| {
                t.iter()
                    .map(|w| w.iter().copied().filter(|x| df[x] <= most).collect())
                    .collect()
            })
            .collect();
        Words { all, rare }
    }

    /// How many distinct content words two sentences share, and how many of them are rare.
    fn shared(&self, (k, i): (usize, usize), (l, j): (usize, usize)) -> (usize, usize) {
        (
            common(&self.all[k][i], &self.all[l][j]),
            common(&self.rare[k][i], &self.rare[l][j]),
        )
    }
}

/// How many items two sorted lists share.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether two sentences share something a claim is made of: the same figure or date for
/// the same thing (its slot); the same figure counting another word or none ("14 people",
/// "fourteen passengers") or another figure for the same thing ("3,000 people", "2,100
/// people"), with a content word rare in the story; or two such words.
fn shares_claim(
    words: &Words,
    atoms: &[Vec<Vec<ClaimAtom>>],
    x: (usize, usize),
    y: (usize, usize),
) -> bool {
    let rare = words.shared(x, y).1;
    rare >= 2
        || valued_pairs(atoms, x, y).any(|(a, b)| {
            let slot = !a.slot.is_empty() && a.slot == b.slot;
            let agree = atoms_agree(a, b);
            (agree && slot) || ((agree || slot) && rare >= 1)
        })
}

/// Pairs of figures or dates, one from each sentence, of one facet.
fn valued_pairs(
    atoms: &[Vec<Vec<ClaimAtom>>],
    x: (usize, usize),
    y: (usize, usize),
) -> impl Iterator<Item = (&ClaimAtom, &ClaimAtom)> {
    let (xa, ya) = (&atoms[x.0][x.1], &atoms[y.0][y.1]);
    xa.iter()
        .filter(|a| matches!(a.facet, Facet::Number | Facet::Date))
        .flat_map(move |a| {
            ya.iter()
                .filter(move |b| b.facet == a.facet)
                .map(move |b| (a, b))
        })
}

/// Whether two sentences have anything of a claim in common: a figure or date for the same
/// thing, a content word rare in the story, or two content words.
fn related(
    words: &Words,
    atoms: &[Vec<Vec<ClaimAtom>>],
    x: (usize, usize),
    y: (usize, usize),
) -> bool {
    let same_thing = valued_pairs(atoms, x, y)
        .any(|(a, b)| atoms_agree(a, b) || (!a.slot.is_empty() && a.slot == b.slot));
    same_thing || words.shared(x, y).1 >= 1
}

/// Letters a content word is compared by, so "injured" and "injuring" meet.
const STEM: usize = 5;

/// Content words (not function words, speech verbs, figures or number words) of a sentence,
/// cut to [`STEM`] letters and hashed.
fn content_words(s: &str) -> Vec<u64> {
    tokens(s)
        .iter()
        .filter(|w| {
            w.chars().count() > 2
                && !w.chars().any(|c| c.is_ascii_digit())
                && !words::is_function(w)
                && !words::is_speech(w)
                && words::number_word(w).is_none()
        })
        .map(|w| {
            let end = w.char_indices().nth(STEM).map_or(w.len(), |(i, _)| i);
            hash_bytes(&w.as_bytes()[..end])
        })
        .collect()
}

/// A sentence in a row: (row, account, sentence).
type Place = (usize, usize, usize);

/// Adds each sentence to the rows whose figure or date it carries while its own rows hold no
/// such value: the row must lack the sentence's account, hold the same value (equal keys) in
/// a sentence that shares the claim (`shares_claim`), and be the only such row.
fn add_carried(rows: &mut [Vec<Vec<usize>>], words: &Words, atoms: &[Vec<Vec<ClaimAtom>>]) {
    // Figures, clock times and full dates: a weekday or a year recurs across a story's claims.
    let valued = |a: &ClaimAtom| {
        a.facet == Facet::Number
            || (a.facet == Facet::Date && matches!(a.slot.as_str(), "time" | "date"))
    };
    // Per sentence the rows it stands in; per value, the (row, account, sentence) carrying it.
    let mut home: Vec<Vec<Vec<usize>>> = atoms.iter().map(|a| vec![Vec::new(); a.len()]).collect();
    let mut carriers: HashMap<(Facet, &str), Vec<Place>> = HashMap::new();
    for (r, row) in rows.iter().enumerate() {
        for (l, cell) in row.iter().enumerate() {
            for &j in cell {
                home[l][j].push(r);
                for b in atoms[l][j].iter().filter(|b| valued(b)) {
                    carriers
                        .entry((b.facet, b.key.as_str()))
                        .or_default()
                        .push((r, l, j));
                }
            }
        }
    }
    let mut adds: Vec<(usize, usize, usize)> = Vec::new();
    for (k, sentences) in atoms.iter().enumerate() {
        for (i, own) in sentences.iter().enumerate() {
            if home[k][i].len() >= MAX_ROWS_PER_SENTENCE {
                continue;
            }
            for a in own.iter().filter(|a| valued(a)) {
                let Some(with) = carriers.get(&(a.facet, a.key.as_str())) else {
                    continue;
                };
                // Held already: another account gives the value in the sentence's own rows.
                if with
                    .iter()
                    .any(|&(r, l, _)| l != k && home[k][i].contains(&r))
                {
                    continue;
                }
                let mut found: Vec<usize> = with
                    .iter()
                    .filter(|&&(r, l, j)| {
                        rows[r][k].is_empty() && shares_claim(words, atoms, (k, i), (l, j))
                    })
                    .map(|&(r, _, _)| r)
                    .collect();
                found.dedup();
                if let [r] = found[..]
                    && !adds.contains(&(r, k, i))
                {
                    adds.push((r, k, i));
                }
            }
        }
    }
    for (r, k, i) in adds {
        let serving = rows.iter().filter(|row| row[k].contains(&i)).count();
        let cell = &mut rows[r][k];
        if serving < MAX_ROWS_PER_SENTENCE && cell.len() < MAX_PER_ACCOUNT {
            let p = cell.partition_point(|&t| t < i);
            cell.insert(p, i);
        }
    }
}
