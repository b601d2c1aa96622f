//! Reading a sentence's atoms in its text: a source named only by a pronoun ("…, she said")
//! is the source the sentences just before it name, and a capitalised word opening the
//! sentence is a name when the text names it elsewhere.

use super::atoms::atom;
use super::words::{is_day, is_function, is_pronoun, month};
use super::{ClaimAtom, claim_atoms};
use crate::comparison::Facet;

/// How many sentences back a pronoun source looks for the source it stands for.
const LOOK_BACK: usize = 3;

/// The claim atoms of sentence `i` of `texts`. An attribution to a pronoun takes the key of the
/// nearest earlier attribution to a named source ("Detective Inspector Rhea Marsh said …. The
/// alarm did not sound, she said."): it still reads "she", but compares as the person it names,
/// so it differs from another outlet's "a museum employee". Without one it keeps its pronoun key,
/// which agrees with any source.
pub(crate) fn text_atoms(texts: &[String], i: usize) -> Vec<ClaimAtom> {
    let mut atoms = claim_atoms(&texts[i]);
    if let Some(name) = opening_name(texts, i, &atoms) {
        let at = atoms.iter().position(|a| a.facet >= Facet::Name);
        atoms.insert(at.unwrap_or(atoms.len()), name);
    }
    let pronoun = |a: &ClaimAtom| a.facet == Facet::Attribution && is_pronoun(&a.key);
    if !atoms.iter().any(pronoun) {
        return atoms;
    }
    let named = (i.saturating_sub(LOOK_BACK)..i).rev().find_map(|k| {
        claim_atoms(&texts[k])
            .into_iter()
            .rev()
            .find(|a| a.facet == Facet::Attribution && !is_pronoun(&a.key))
    });
    if let Some(n) = named {
        atoms.iter_mut().filter(|a| pronoun(a)).for_each(|a| {
            a.key.clone_from(&n.key);
            a.refers.clone_from(&n.text);
        });
    }
    atoms
}

/// The word opening sentence `i` as a name: a lone capitalised word there may be any word
/// ("Police", "Later"), so the sentence alone does not read it; the text settles it when
/// an earlier sentence has it as the surname of a full name ("Michael Webb, 51, …" makes
/// "Webb confessed …" name him; "the Harl Water Authority" does not make "Water" a name).
fn opening_name(texts: &[String], i: usize, atoms: &[ClaimAtom]) -> Option<ClaimAtom> {
    let sentence = &texts[i];
    let start = sentence.find(|c: char| c.is_alphabetic())?;
    let word = sentence[start..]
        .split(|c: char| !c.is_alphabetic())
        .next()?;
    let lower = word.to_lowercase();
    let plain = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 2
        && !is_function(&lower)
        && month(&lower).is_none()
        && !is_day(&lower);
    if !plain {
        return None;
    }
    // One searcher for the word, in the sentence's own atoms and in the sentences before.
    let finder = memchr::memmem::Finder::new(word);
    let read = atoms
        .iter()
        .any(|a| finder.find(a.text.as_bytes()).is_some());
    if read {
        return None;
    }
    // A news text gives the full name on first mention and the surname after it, so only the
    // sentences before this one are looked at.
    texts[..i]
        .iter()
        .any(|t| surname_in(t, word, &finder))
        .then(|| atom(Facet::Name, word, lower.clone(), ""))
}

/// `sentence` holds `word` inside it as the last word of a name: after a capitalised word that
/// does not open the sentence or a clause, and before no other capitalised word. Read on the
/// raw text, without reading the sentence's atoms, as it runs for every opening word. `finder`
/// searches for `word`: built once for all earlier sentences, where a substring search would
/// set itself up again for each (the places are the same: a word has no overlapping matches
/// that a search would skip, as every match checked stands after a space).
fn surname_in(sentence: &str, word: &str, finder: &memchr::memmem::Finder) -> bool {
    // Most earlier sentences do not hold the word at all: one search says so for less than
    // setting up an iterator over its places does (issue 17).
    if finder.find(sentence.as_bytes()).is_none() {
        return false;
    }
    finder.find_iter(sentence.as_bytes()).any(|at| {
        let rest = &sentence[at + word.len()..];
        if rest.starts_with(char::is_alphanumeric) || !sentence[..at].ends_with(' ') {
            return false;
        }
        let next = rest.trim_start_matches(' ');
        let ends =
            rest.starts_with(|c: char| !c.is_whitespace()) || !next.starts_with(char::is_uppercase);
        let before = sentence[..at - 1].rsplit(' ').next().unwrap_or("");
        let opens = sentence[..at - 1].len() == before.len()
            || sentence[..at - 1 - before.len()]
                .trim_end()
                .ends_with(|c: char| ".!?:\"(".contains(c));
        ends && before.starts_with(char::is_uppercase)
            && before.chars().all(char::is_alphabetic)
            && !opens
    })
}
