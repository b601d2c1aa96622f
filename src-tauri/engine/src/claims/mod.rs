//! Claims as values: the atoms a sentence asserts (numbers with what they count, dates and times,
//! names, quotes with their speaker, attributions, negation, hedges) and the comparison of two
//! texts' atoms, facet by facet. Reads sentence text only; which rows to compare is left to
//! `compare`, cosmetic-or-substantive to `label`.

mod atoms;
mod entities;
mod numerals;
mod pairing;
mod scan;
mod sources;
pub(crate) mod words;

pub use atoms::claim_atoms;
pub use pairing::compare_claims;
pub(crate) use pairing::{compare_atoms, same as atoms_agree};
pub(crate) use sources::text_atoms;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::comparison::Facet;

/// One thing a sentence asserts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClaimAtom {
    pub facet: Facet,
    /// The atom as it reads in the sentence ("3,400 residents", "2:40 a.m.", "Mayor Ruth Adeyemi").
    pub text: String,
    /// Normalised value: atoms with equal keys (or keys that name the same entity) say the same.
    /// Numbers: the value ("3400", "0.25"); times "02:40"; names and sources lower-cased
    /// without titles or articles.
    pub key: String,
    /// What the atom is about, for pairing differing atoms: a number's unit or counted noun
    /// ("resident", "cubic metre"), a date's kind ("time", "year", "day", "date"); empty when
    /// the facet has one slot.
    pub slot: String,
    /// Who a quote is attributed to in the same sentence, if anyone.
    pub speaker: Option<String>,
    /// The preposition that leads a length of time ("within", "for", "by"): it tells what the
    /// figure measures, so "within two days" and "by six months" are not one slot. Internal to
    /// pairing; not serialised.
    #[serde(skip)]
    #[ts(skip)]
    pub lead: String,
    /// For a source named by a pronoun ("…, she said"), the named source it stands for as it
    /// reads there ("Detective Inspector Rhea Marsh"); empty otherwise. Shown beside the pronoun
    /// when two sides' sources differ but read alike ("she" and "she"). Not serialised.
    #[serde(skip)]
    #[ts(skip)]
    pub refers: String,
}

/// How one claim of a linked row compares across the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// Both sides assert it alike.
    Same,
    /// Both sides assert something in this slot, with different values.
    Differs,
    /// Only the left (old) side asserts it.
    LeftOnly,
    /// Only the right (new) side asserts it.
    RightOnly,
}

impl ClaimStatus {
    /// The status's name as serialised.
    pub fn name(self) -> &'static str {
        match self {
            ClaimStatus::Same => "same",
            ClaimStatus::Differs => "differs",
            ClaimStatus::LeftOnly => "left_only",
            ClaimStatus::RightOnly => "right_only",
        }
    }
}

/// One claim of a linked row: the facet, how the sides compare, and the atom texts as they read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Claim {
    pub facet: Facet,
    pub status: ClaimStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub left: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub right: Option<String>,
}

#[cfg(test)]
mod tests;
