//! Reading a sentence's atoms in its text: a source named only by a pronoun ("…, she said")
//! is the source the sentences just before it name.

use super::words::is_pronoun;
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
        atoms
            .iter_mut()
            .filter(|a| pronoun(a))
            .for_each(|a| a.key = n.key.clone());
    }
    atoms
}
