//! Evidence that an aligned group reports the same thing on both sides: its rarity-weighted
//! word overlap, its character-gram overlap, and the claims (names, numbers, dates, quotes) the
//! two sides share or contradict. Turns the evidence into a row's confidence and decides which
//! scored links are strong enough to draw; finding the candidates is left to `align`.

use crate::align::{Aligned, Link};
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
}

/// The evidence for linking sentences `ga` of `a` with `gb` of `b`.
pub(crate) fn evidence(
    pa: &[Profile],
    pb: &[Profile],
    atoms_a: &[Vec<ClaimAtom>],
    atoms_b: &[Vec<ClaimAtom>],
    ga: &[usize],
    gb: &[usize],
) -> Evidence {
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
    let claims = compare_atoms(&gather(atoms_a, ga), &gather(atoms_b, gb));
    let anchor = |f: Facet| matches!(f, Facet::Number | Facet::Date | Facet::Name | Facet::Quote);
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
                c.status == ClaimStatus::Differs && matches!(c.facet, Facet::Number | Facet::Date)
            })
            .count(),
    }
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
    let mut atoms_a: Vec<Option<Vec<ClaimAtom>>> = vec![None; a.len()];
    let mut atoms_b: Vec<Option<Vec<ClaimAtom>>> = vec![None; b.len()];
    for x in out.iter().filter(|x| x.link != Link::Exact) {
        for &i in &x.group.a {
            atoms_a[i].get_or_insert_with(|| claim_atoms(&a[i]));
        }
        for &j in &x.group.b {
            atoms_b[j].get_or_insert_with(|| claim_atoms(&b[j]));
        }
    }
    let atoms_a: Vec<Vec<ClaimAtom>> = atoms_a.into_iter().map(Option::unwrap_or_default).collect();
    let atoms_b: Vec<Vec<ClaimAtom>> = atoms_b.into_iter().map(Option::unwrap_or_default).collect();
    for x in out.iter_mut().filter(|x| x.link != Link::Exact) {
        x.evidence = evidence(pa, pb, &atoms_a, &atoms_b, &x.group.a, &x.group.b);
    }
    if !prune {
        return Vec::new();
    }
    let mut weak = Vec::new();
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

/// Whether the evidence is strong enough for a link.
fn strong(_e: &Evidence, _mode: Mode) -> bool {
    true
}
