//! Disputes of one claim row: slots (a facet and what it is about) where the accounts that fill
//! the slot do not all agree, and then the values the two-account claim pairing finds differing
//! across slots it could not tell apart ("212 people" against "180 passengers"). Names and
//! quotes are left out: two accounts naming or quoting different people is coverage, not
//! disagreement; so is a source an account names too, and the part of "one of three". A hedge
//! is disputed when some accounts of the row hedge the claim and others state it.

use super::{Cell, Dispute, DisputeValue};
use crate::claims::{ClaimAtom, ClaimStatus, atoms_agree, compare_atoms};
use crate::comparison::{Facet, Mode};

/// Facets whose slots are compared value by value.
const VALUED: [Facet; 3] = [Facet::Number, Facet::Date, Facet::Attribution];

/// What an account that states a claim others hedge shows as its value.
pub(crate) const UNHEDGED: &str = "(none)";

/// The disputes of one row; `texts` holds each cell's sentences joined, in cell order.
pub(crate) fn disputes(cells: &[Cell], texts: &[String]) -> Vec<Dispute> {
    let lower: Vec<String> = texts.iter().map(|t| t.to_lowercase()).collect();
    // An account that names a source in its own words ("the operator, Westmoor Railways")
    // does not dispute that source.
    let names = |account: usize, a: &ClaimAtom| {
        a.facet == Facet::Attribution && {
            let t = a.text.to_lowercase();
            let t = t.strip_prefix("the ").unwrap_or(&t);
            lower[account].contains(t)
        }
    };
    // "One of three gates" counts no gates: the part disagrees with nothing.
    let part = |account: usize, a: &ClaimAtom| {
        a.facet == Facet::Number
            && a.slot.is_empty()
            && lower[account].contains(&format!("{} of ", a.text.to_lowercase()))
    };
    let carrying: Vec<&Cell> = cells.iter().filter(|c| !c.sentences.is_empty()).collect();
    if carrying.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for facet in VALUED {
        // Slots of this facet in first-seen order.
        let mut slots: Vec<&str> = Vec::new();
        for c in &carrying {
            for a in c.atoms.iter().filter(|a| a.facet == facet) {
                if !slots.contains(&a.slot.as_str()) {
                    slots.push(&a.slot);
                }
            }
        }
        for slot in slots {
            let filled: Vec<(usize, Vec<&ClaimAtom>)> = carrying
                .iter()
                .map(|c| {
                    let atoms = c
                        .atoms
                        .iter()
                        .filter(|a| a.facet == facet && a.slot == slot && !part(c.account, a))
                        .collect::<Vec<_>>();
                    (c.account, atoms)
                })
                .filter(|(_, atoms)| !atoms.is_empty())
                .collect();
            if disagree(&filled, &names) {
                out.push(Dispute {
                    facet,
                    slot: slot.to_string(),
                    values: values(&filled),
                });
            }
        }
    }
    pairwise(&carrying, &names, &part, &mut out);
    if let Some(d) = hedge_dispute(&carrying) {
        out.push(d);
    }
    out
}

/// Adds the `differs` pairs of every two accounts' atoms that no slot dispute holds yet: to the
/// dispute of that facet already naming one of the two values, else as a new dispute.
fn pairwise(
    carrying: &[&Cell],
    names: &impl Fn(usize, &ClaimAtom) -> bool,
    part: &impl Fn(usize, &ClaimAtom) -> bool,
    out: &mut Vec<Dispute>,
) {
    for (x, a) in carrying.iter().enumerate() {
        for b in &carrying[x + 1..] {
            for c in compare_atoms(&a.atoms, &b.atoms, Mode::Accounts) {
                let (Some(l), Some(r)) = (c.left, c.right) else {
                    continue;
                };
                if c.status != ClaimStatus::Differs || !VALUED.contains(&c.facet) {
                    continue;
                }
                let left_out = |cell: &Cell, other: usize, text: &str| {
                    cell.atoms
                        .iter()
                        .any(|t| t.text == text && (names(other, t) || part(cell.account, t)))
                };
                if left_out(a, b.account, &l) || left_out(b, a.account, &r) {
                    continue;
                }
                let (vl, vr) = (
                    DisputeValue {
                        account: a.account,
                        text: l,
                    },
                    DisputeValue {
                        account: b.account,
                        text: r,
                    },
                );
                let holds =
                    |d: &Dispute, v: &DisputeValue| d.facet == c.facet && d.values.contains(v);
                if out.iter().any(|d| holds(d, &vl) && holds(d, &vr)) {
                    continue;
                }
                match out.iter_mut().find(|d| holds(d, &vl) || holds(d, &vr)) {
                    Some(d) => {
                        for v in [vl, vr] {
                            if !d.values.contains(&v) {
                                d.values.push(v);
                            }
                        }
                        d.values.sort_by_key(|v| v.account);
                    }
                    None => {
                        let slot = a
                            .atoms
                            .iter()
                            .find(|t| t.facet == c.facet && t.text == vl.text)
                            .map_or(String::new(), |t| t.slot.clone());
                        out.push(Dispute {
                            facet: c.facet,
                            slot,
                            values: vec![vl, vr],
                        });
                    }
                }
            }
        }
    }
}

/// Some account asserts a value in the slot that another account filling it does not share
/// (nor name).
fn disagree(
    filled: &[(usize, Vec<&ClaimAtom>)],
    names: &impl Fn(usize, &ClaimAtom) -> bool,
) -> bool {
    filled.iter().any(|(i, xs)| {
        filled.iter().filter(|(j, _)| j != i).any(|(j, ys)| {
            xs.iter()
                .any(|x| !names(*j, x) && !ys.iter().any(|y| atoms_agree(x, y) || names(*i, y)))
        })
    })
}

/// Each account's distinct atom texts.
fn values(filled: &[(usize, Vec<&ClaimAtom>)]) -> Vec<DisputeValue> {
    let mut out: Vec<DisputeValue> = Vec::new();
    for (account, atoms) in filled {
        for a in atoms {
            if !out
                .iter()
                .any(|v| v.account == *account && v.text == a.text)
            {
                out.push(DisputeValue {
                    account: *account,
                    text: a.text.clone(),
                });
            }
        }
    }
    out
}

fn hedge_dispute(carrying: &[&Cell]) -> Option<Dispute> {
    let hedges = |c: &Cell| -> Vec<String> {
        c.atoms
            .iter()
            .filter(|a| a.facet == Facet::Hedge)
            .map(|a| a.text.clone())
            .collect()
    };
    let hedged = carrying.iter().filter(|c| !hedges(c).is_empty()).count();
    if hedged == 0 || hedged == carrying.len() {
        return None;
    }
    let mut values = Vec::new();
    for c in carrying {
        let h = hedges(c);
        if h.is_empty() {
            values.push(DisputeValue {
                account: c.account,
                text: UNHEDGED.to_string(),
            });
        }
        for text in h {
            values.push(DisputeValue {
                account: c.account,
                text,
            });
        }
    }
    Some(Dispute {
        facet: Facet::Hedge,
        slot: String::new(),
        values,
    })
}
