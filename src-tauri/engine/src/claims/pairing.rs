//! Comparing the claim atoms of two texts facet by facet: atoms that say the same are paired
//! first, then what is left is paired as `differs` only where both sides fill the same slot
//! (a count of people against a count of people, a time against a time); the rest is one-sided.

use super::words::{is_function, is_measure, is_pronoun};
use super::{Claim, ClaimAtom, ClaimStatus, claim_atoms};
use crate::comparison::{Facet, Mode};

/// The claims of a linked row: every atom of either side, paired where both sides assert it,
/// in facet order.
///
/// ```
/// use parallax_engine::{compare_claims, ClaimStatus, Facet};
/// let c = compare_claims("About 3,400 residents left, the mayor said.",
///                        "About 2,100 residents left, county officials said.");
/// assert_eq!(c[0].facet, Facet::Number);
/// assert_eq!(c[0].status, ClaimStatus::Differs);
/// assert_eq!(c[0].left.as_deref(), Some("3,400 residents"));
/// assert_eq!(c[0].right.as_deref(), Some("2,100 residents"));
/// ```
pub fn compare_claims(left: &str, right: &str) -> Vec<Claim> {
    compare_atoms(&claim_atoms(left), &claim_atoms(right), Mode::Revision)
}

/// Two atoms of one facet say the same.
pub(crate) fn same(a: &ClaimAtom, b: &ClaimAtom) -> bool {
    if a.key == b.key {
        return true;
    }
    match a.facet {
        // "Mayor Ruth Adeyemi" and "Adeyemi", "the county" and "Harl County": one word set holds
        // the other, or the last words (a surname) agree.
        Facet::Name | Facet::Attribution => {
            // A pronoun names a source without saying who: it agrees with any source.
            if a.facet == Facet::Attribution && (is_pronoun(&a.key) || is_pronoun(&b.key)) {
                return true;
            }
            let (x, y): (Vec<&str>, Vec<&str>) =
                (a.key.split(' ').collect(), b.key.split(' ').collect());
            let has = |v: &[&str], w: &str| v.iter().any(|u| inflected(u, w));
            x.last().zip(y.last()).is_some_and(|(p, q)| inflected(p, q))
                || x.iter().all(|w| has(&y, w))
                || y.iter().all(|w| has(&x, w))
        }
        // A vague quantity ("thousands") agrees with any figure of its order.
        Facet::Number => {
            let vague = |k: &str| k.strip_prefix('~').and_then(|v| v.parse::<f64>().ok());
            let value = |k: &str| k.parse::<f64>().ok();
            match (vague(&a.key), vague(&b.key), value(&a.key), value(&b.key)) {
                (Some(m), None, _, Some(v)) | (None, Some(m), Some(v), _) => {
                    v >= 2.0 * m && v < 1000.0 * m
                }
                _ => false,
            }
        }
        // A partial quote of the same words ("a wound to the whole city" inside "It is a wound
        // to the whole city") quotes the same remark; four words keep a stock phrase from counting.
        Facet::Quote => {
            let (x, y) = (format!(" {} ", a.key), format!(" {} ", b.key));
            let (short, long) = if x.len() <= y.len() {
                (&x, &y)
            } else {
                (&y, &x)
            };
            short.split_whitespace().count() >= 4 && long.contains(short.as_str())
        }
        _ => false,
    }
}

/// Two words of a name in two inflections: equal, or a longer word that is the other with an
/// ending of at most two letters ("Stadtwerke" and "Stadtwerken", "official" and "officials").
fn inflected(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long
        || short.chars().count() >= 5 && long.len() - short.len() <= 2 && long.starts_with(short)
}

fn claim(facet: Facet, status: ClaimStatus, l: Option<&ClaimAtom>, r: Option<&ClaimAtom>) -> Claim {
    // Two sources that read alike but stand for different people ("she" and "she") say whom
    // each stands for, or the difference would read "she → she".
    let alike = l.zip(r).is_some_and(|(x, y)| x.text == y.text);
    let shown = |a: &ClaimAtom| {
        if alike && status == ClaimStatus::Differs && !a.refers.is_empty() {
            format!("{} ({})", a.text, a.refers)
        } else {
            a.text.clone()
        }
    };
    Claim {
        facet,
        status,
        left: l.map(shown),
        right: r.map(shown),
    }
}

/// [`compare_claims`] on atoms already read. Between two accounts a left-over name on each side
/// is two people or places mentioned, not one name changed, and two quotes that share few words
/// are two remarks: both pair as `differs` only in revisions (see [`pairable`]). Two accounts
/// that both hedge a claim agree that it is hedged, whatever the words.
pub(crate) fn compare_atoms(a: &[ClaimAtom], b: &[ClaimAtom], mode: Mode) -> Vec<Claim> {
    let mut out = Vec::new();
    for facet in Facet::ALL {
        let la: Vec<&ClaimAtom> = a.iter().filter(|x| x.facet == facet).collect();
        let lb: Vec<&ClaimAtom> = b.iter().filter(|x| x.facet == facet).collect();
        if la.is_empty() && lb.is_empty() {
            continue;
        }
        let mut pair_a: Vec<Option<(usize, ClaimStatus)>> = vec![None; la.len()];
        let mut used_b = vec![false; lb.len()];
        // Negation has one value: any negation pairs with any; so has a hedge between accounts.
        let one_value = facet == Facet::Negation || mode == Mode::Accounts && facet == Facet::Hedge;
        // Between accounts a quote transcribed a little differently is the same remark.
        let retold = |x: &ClaimAtom, y: &ClaimAtom| {
            mode == Mode::Accounts && facet == Facet::Quote && shared_words(x, y) >= SAME_REMARK
        };
        let alike = |x: &ClaimAtom, y: &ClaimAtom, slots: bool| {
            one_value
                || retold(x, y)
                || same(x, y)
                    && (!slots || x.slot == y.slot || x.slot.is_empty() || y.slot.is_empty())
        };
        // Alike in value and slot first; then differing values in one slot; only then a value
        // that recurs in another slot (the "3,400" a second account cites as the other's figure).
        pair_same(&la, &lb, &mut pair_a, &mut used_b, |x, y| alike(x, y, true));
        if !one_value {
            by_slot(&la, &lb, &mut pair_a, &mut used_b);
            by_lead(&la, &lb, &mut pair_a, &mut used_b);
            pair_same(&la, &lb, &mut pair_a, &mut used_b, |x, y| {
                alike(x, y, false)
            });
            last_single(&la, &lb, &mut pair_a, &mut used_b, |x, y| {
                pairable(mode, x, y)
            });
        }
        for (i, x) in la.iter().enumerate() {
            out.push(match pair_a[i] {
                Some((j, st)) => claim(facet, st, Some(x), Some(lb[j])),
                None => claim(facet, ClaimStatus::LeftOnly, Some(x), None),
            });
        }
        for (j, y) in lb.iter().enumerate() {
            if !used_b[j] {
                out.push(claim(facet, ClaimStatus::RightOnly, None, Some(y)));
            }
        }
    }
    out
}

type Pairs = [Option<(usize, ClaimStatus)>];

fn pair_same(
    la: &[&ClaimAtom],
    lb: &[&ClaimAtom],
    pair_a: &mut Pairs,
    used_b: &mut [bool],
    alike: impl Fn(&ClaimAtom, &ClaimAtom) -> bool,
) {
    for (i, x) in la.iter().enumerate() {
        if pair_a[i].is_some() {
            continue;
        }
        if let Some(j) = (0..lb.len()).find(|&j| !used_b[j] && alike(x, lb[j])) {
            used_b[j] = true;
            pair_a[i] = Some((j, ClaimStatus::Same));
        }
    }
}

/// Pairs unpaired atoms as `differs`, slot by slot, where both sides hold as many in the slot.
fn by_slot(la: &[&ClaimAtom], lb: &[&ClaimAtom], pair_a: &mut Pairs, used_b: &mut [bool]) {
    let mut slots: Vec<&str> = (0..la.len())
        .filter(|&i| pair_a[i].is_none() && !la[i].slot.is_empty())
        .map(|i| la[i].slot.as_str())
        .collect();
    slots.sort();
    slots.dedup();
    for slot in slots {
        let ra: Vec<usize> = (0..la.len())
            .filter(|&i| pair_a[i].is_none() && la[i].slot == slot)
            .collect();
        let rb: Vec<usize> = (0..lb.len())
            .filter(|&j| !used_b[j] && lb[j].slot == slot)
            .collect();
        if ra.len() == rb.len() {
            for (&i, &j) in ra.iter().zip(&rb) {
                if leads_differ(la[i], lb[j]) {
                    continue;
                }
                pair_a[i] = Some((j, ClaimStatus::Differs));
                used_b[j] = true;
            }
        }
    }
}

/// Two lengths of time led by different prepositions measure different things ("within two
/// days" is how soon, "for 12 months" how long).
fn leads_differ(a: &ClaimAtom, b: &ClaimAtom) -> bool {
    !a.lead.is_empty() && !b.lead.is_empty() && a.lead != b.lead
}

/// Two figures may count the same thing: the same slot, or counted words that may name one
/// thing ("zwei Autos", "drei Fahrzeuge"), or a unit against a word that may be misread as
/// what is counted. Two different units of measure never fit (an age in years and a distance
/// in miles); an ordinal ("a third case") counts nothing and a count of sources ("two people
/// familiar with the matter") counts who speaks, so each fits only its own kind.
fn figures_fit(a: &ClaimAtom, b: &ClaimAtom) -> bool {
    let own = |x: &ClaimAtom| matches!(x.slot.as_str(), "ordinal" | "source");
    let slots =
        a.slot == b.slot || !(own(a) || own(b) || is_measure(&a.slot) && is_measure(&b.slot));
    slots && !leads_differ(a, b)
}

/// Lengths of time in different units led by the same preposition differ ("within two days"
/// against "within a month"), where that preposition leads one on each side.
fn by_lead(la: &[&ClaimAtom], lb: &[&ClaimAtom], pair_a: &mut Pairs, used_b: &mut [bool]) {
    for i in 0..la.len() {
        let lead = la[i].lead.as_str();
        if pair_a[i].is_some() || lead.is_empty() {
            continue;
        }
        let count_a = (0..la.len()).filter(|&k| pair_a[k].is_none() && la[k].lead == lead);
        let rb: Vec<usize> = (0..lb.len())
            .filter(|&j| !used_b[j] && lb[j].lead == lead)
            .collect();
        if let ([j], 1) = (rb.as_slice(), count_a.count()) {
            pair_a[i] = Some((*j, ClaimStatus::Differs));
            used_b[*j] = true;
        }
    }
}

/// Share of the shorter quote's content words that the other quote holds, from 0 to 1; function
/// words ("and", "the") are shared by any two remarks.
fn shared_words(a: &ClaimAtom, b: &ClaimAtom) -> f64 {
    let words = |x: &ClaimAtom| -> Vec<String> {
        x.key
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !is_function(w))
            .map(str::to_string)
            .collect()
    };
    let (x, y) = (words(a), words(b));
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    if short.is_empty() {
        return 0.0;
    }
    short.iter().filter(|w| long.contains(w)).count() as f64 / short.len() as f64
}

/// Between accounts, a quote whose words the other holds this nearly whole is the same remark.
const SAME_REMARK: f64 = 0.9;
/// Between accounts, two quotes share at least this much to be one remark quoted differently.
const ONE_REMARK: f64 = 0.5;

/// Two left-over atoms, one on each side, may be one claim told two ways: a time is never paired
/// with a weekday, nor an age with a distance; between accounts, two names are two people or
/// places and two quotes sharing few words two remarks.
fn pairable(mode: Mode, a: &ClaimAtom, b: &ClaimAtom) -> bool {
    match a.facet {
        Facet::Date => false,
        Facet::Number => figures_fit(a, b),
        Facet::Name => mode != Mode::Accounts,
        Facet::Quote => mode != Mode::Accounts || shared_words(a, b) >= ONE_REMARK,
        _ => true,
    }
}

/// A last single atom on each side differs when its facet's slots cannot tell them apart and
/// the two are [`pairable`].
fn last_single(
    la: &[&ClaimAtom],
    lb: &[&ClaimAtom],
    pair_a: &mut Pairs,
    used_b: &mut [bool],
    fit: impl Fn(&ClaimAtom, &ClaimAtom) -> bool,
) {
    let ra: Vec<usize> = (0..la.len()).filter(|&i| pair_a[i].is_none()).collect();
    let rb: Vec<usize> = (0..lb.len()).filter(|&j| !used_b[j]).collect();
    if let ([i], [j]) = (ra.as_slice(), rb.as_slice())
        && fit(la[*i], lb[*j])
    {
        pair_a[*i] = Some((*j, ClaimStatus::Differs));
        used_b[*j] = true;
    }
}
