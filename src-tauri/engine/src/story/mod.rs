//! The story: N ≥ 2 accounts of one event grouped claim by claim. Pairs of accounts (every
//! pair, or each account with its nearest in a large story) are aligned by the two-text
//! engine, the links join sentences into claim rows (connected components, so A~B and B~C put
//! A, B and C in one row; a sentence carrying two claims other accounts tell apart serves both
//! rows), and each row names the slots where accounts give different values. Pure; rendering
//! is left to callers.

mod carried;
mod disputes;
mod neighbours;
mod rows;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::claims::{ClaimAtom, claim_atoms};
use crate::comparison::{Facet, Sentence};
use crate::segment::segment;

/// Every account's sentences and the claim rows that group them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(rename = "StoryAlignment")]
pub struct Story {
    pub accounts: Vec<Account>,
    /// Claim rows in reading order of the first account; rows it lacks stand where they stand
    /// in the account that carries them.
    pub claims: Vec<StoryClaim>,
    pub summary: StorySummary,
}

/// One account: its name and its sentences (indexed by [`Cell::sentences`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Account {
    pub name: String,
    pub sentences: Vec<Sentence>,
}

/// One claim row: one cell per account, in account order (empty where the account leaves the
/// claim out), how many accounts carry it, and where they disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StoryClaim {
    pub cells: Vec<Cell>,
    pub status: Coverage,
    pub disputes: Vec<Dispute>,
    /// The accounts that reported the claim first, once the caller has given when each account
    /// came out ([`Story::date`]); empty until then, when one account carries the claim, or when
    /// every carrier came out at once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<usize>>", optional)]
    pub first: Vec<usize>,
}

impl Story {
    /// Marks each claim's first reporters, given when each account came out (`times[k]` for
    /// account `k`, in any unit that sorts: published, else fetched).
    pub fn date(&mut self, times: &[i64]) {
        for c in &mut self.claims {
            c.first = reported_first(c, times);
        }
    }
}

/// The carriers of `claim` with the earliest time; empty when one account carries it, when
/// every carrier has that time, or when `times` lacks a carrier.
pub fn reported_first(claim: &StoryClaim, times: &[i64]) -> Vec<usize> {
    let carriers: Vec<usize> = claim
        .cells
        .iter()
        .filter(|c| !c.sentences.is_empty())
        .map(|c| c.account)
        .collect();
    let Some(at) = carriers
        .iter()
        .map(|&k| times.get(k).copied())
        .collect::<Option<Vec<i64>>>()
    else {
        return Vec::new();
    };
    let Some(&earliest) = at.iter().min() else {
        return Vec::new();
    };
    let first: Vec<usize> = carriers
        .iter()
        .zip(&at)
        .filter(|&(_, &t)| t == earliest)
        .map(|(&k, _)| k)
        .collect();
    if first.len() == carriers.len() {
        Vec::new()
    } else {
        first
    }
}

/// What one account says in one claim row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Cell {
    /// Index into [`Story::accounts`].
    pub account: usize,
    /// Indices into that account's sentences, ascending; empty when it leaves the claim out.
    pub sentences: Vec<usize>,
    /// The claim atoms of those sentences, in sentence order.
    pub atoms: Vec<ClaimAtom>,
}

/// How many accounts carry a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Coverage {
    /// Every account.
    All,
    /// More than one account, not all.
    Some,
    /// A single account.
    One,
}

/// One slot where accounts of a row give different values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Dispute {
    pub facet: Facet,
    /// What the values are about ("person", "time"), empty when the facet has one slot.
    pub slot: String,
    /// Each account's value as it reads, in account order ("(none)": the account asserts the
    /// claim without a hedge while another hedges it).
    pub values: Vec<DisputeValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DisputeValue {
    pub account: usize,
    pub text: String,
}

/// Counts for a story's header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StorySummary {
    pub accounts: usize,
    pub claims: usize,
    /// Rows every account carries.
    pub in_all: usize,
    /// Rows with at least one dispute.
    pub disputed: usize,
    /// Disputed rows per facet, in facet order; facets without disputes are left out.
    pub disputed_by_facet: Vec<FacetRows>,
    /// Per account (in account order), the rows only it carries.
    pub alone: Vec<usize>,
    /// Per account, the rows other accounts carry and it leaves out.
    pub missing: Vec<usize>,
    /// The header in words: "3 accounts · 24 claims · 9 in every account · 6 disputed (number 3)".
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FacetRows {
    pub facet: Facet,
    pub rows: usize,
}

/// Groups the sentences of N accounts (name, text) into claim rows.
///
/// ```
/// use parallax_engine::story::{story, Coverage};
/// let s = story(&[
///     ("Courier", "About 3,400 residents left their homes. The bridge was closed."),
///     ("Wire", "About 2,100 residents left their homes, officials said."),
///     ("Daily", "The bridge was closed. About 3,400 residents left their homes."),
/// ]);
/// assert_eq!(s.claims[0].status, Coverage::All);
/// assert_eq!(s.claims[0].disputes[0].facet.name(), "number");
/// ```
pub fn story(accounts: &[(&str, &str)]) -> Story {
    let sentences: Vec<Vec<Sentence>> = accounts.iter().map(|(_, t)| segment(t)).collect();
    let texts: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| s.iter().map(|x| x.text.clone()).collect())
        .collect();
    let atoms = atoms_of(&texts);
    let paragraphs: Vec<Vec<usize>> = sentences
        .iter()
        .map(|s| s.iter().map(|x| x.paragraph).collect())
        .collect();
    let evidence = carried::StoryEvidence::new(&texts, &atoms);
    let rows = rows::claim_rows(&texts, &paragraphs, &evidence);
    let claims: Vec<StoryClaim> = rows
        .into_iter()
        .map(|row| {
            let cells: Vec<Cell> = row
                .into_iter()
                .enumerate()
                .map(|(account, sentences)| Cell {
                    account,
                    atoms: sentences
                        .iter()
                        .flat_map(|&i| atoms[account][i].iter().cloned())
                        .collect(),
                    sentences,
                })
                .collect();
            let carried = cells.iter().filter(|c| !c.sentences.is_empty()).count();
            let status = match carried {
                1 => Coverage::One,
                n if n == cells.len() => Coverage::All,
                _ => Coverage::Some,
            };
            let cell_texts: Vec<String> = cells
                .iter()
                .map(|c| {
                    let t: Vec<&str> = c
                        .sentences
                        .iter()
                        .map(|&i| texts[c.account][i].as_str())
                        .collect();
                    t.join(" ")
                })
                .collect();
            let disputes = disputes::disputes(&cells, &cell_texts);
            StoryClaim {
                cells,
                status,
                disputes,
                first: Vec::new(),
            }
        })
        .collect();
    let accounts: Vec<Account> = accounts
        .iter()
        .zip(sentences)
        .map(|((name, _), sentences)| Account {
            name: name.to_string(),
            sentences,
        })
        .collect();
    let summary = summarise(&accounts, &claims);
    Story {
        accounts,
        claims,
        summary,
    }
}

/// The claim atoms of every sentence of every account. Outlets often carry the same sentence
/// word for word (agency copy), so each distinct sentence is read once.
fn atoms_of(texts: &[Vec<String>]) -> Vec<Vec<Vec<ClaimAtom>>> {
    let mut distinct: Vec<&str> = texts.iter().flatten().map(String::as_str).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let read = on_all_cores(&distinct, |s| claim_atoms(s));
    texts
        .iter()
        .map(|t| {
            t.iter()
                .map(|s| {
                    let k = distinct.binary_search(&s.as_str()).unwrap_or_default();
                    read[k].clone()
                })
                .collect()
        })
        .collect()
}

/// `f` of each item, in item order, the items shared out over the cores.
fn on_all_cores<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |w| w.get())
        .min(items.len());
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let f = &f;
    let mut out: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                scope.spawn(move || {
                    (w..items.len())
                        .step_by(workers)
                        .map(|k| (k, f(&items[k])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    out.sort_by_key(|(k, _)| *k);
    out.into_iter().map(|(_, r)| r).collect()
}

fn summarise(accounts: &[Account], claims: &[StoryClaim]) -> StorySummary {
    let n = accounts.len();
    let in_all = claims.iter().filter(|c| c.status == Coverage::All).count();
    let disputed = claims.iter().filter(|c| !c.disputes.is_empty()).count();
    let disputed_by_facet: Vec<FacetRows> = Facet::ALL
        .iter()
        .map(|&facet| FacetRows {
            facet,
            rows: claims
                .iter()
                .filter(|c| c.disputes.iter().any(|d| d.facet == facet))
                .count(),
        })
        .filter(|f| f.rows > 0)
        .collect();
    let carries = |c: &StoryClaim, k: usize| !c.cells[k].sentences.is_empty();
    let alone: Vec<usize> = (0..n)
        .map(|k| {
            claims
                .iter()
                .filter(|c| c.status == Coverage::One && carries(c, k))
                .count()
        })
        .collect();
    let missing: Vec<usize> = (0..n)
        .map(|k| {
            claims
                .iter()
                .filter(|c| c.status != Coverage::One && !carries(c, k))
                .count()
        })
        .collect();
    let plural =
        |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    let mut text = format!(
        "{} · {} · {} in every account",
        plural(n, "account", "accounts"),
        plural(claims.len(), "claim", "claims"),
        in_all
    );
    if disputed > 0 {
        let facets: Vec<String> = disputed_by_facet
            .iter()
            .map(|f| format!("{} {}", f.facet.name(), f.rows))
            .collect();
        text.push_str(&format!(" · {disputed} disputed ({})", facets.join(", ")));
    }
    if let Some(k) = (0..n)
        .filter(|&k| alone[k] > 0)
        .max_by_key(|&k| (alone[k], n - k))
    {
        text.push_str(&format!(
            " · {} alone carries {}",
            accounts[k].name, alone[k]
        ));
    }
    StorySummary {
        accounts: n,
        claims: claims.len(),
        in_all,
        disputed,
        disputed_by_facet,
        alone,
        missing,
        text,
    }
}

#[cfg(test)]
mod tests;
