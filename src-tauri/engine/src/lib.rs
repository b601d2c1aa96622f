//! The comparison engine: text → sentences → alignment → word diff → claim labels → [`Comparison`].
//! Pure: no I/O, no Tauri; the only clock read is the word-diff deadline. Callers (CLI, app,
//! export) read files and render results.
//!
//! ```
//! use parallax_engine::{compare, CompareOptions, RowKind};
//!
//! let old = "The council approved 12 homes. The vote was close.";
//! let new = "The council approved 40 homes. The vote was close.";
//! let c = compare(old, new, &CompareOptions::default());
//! assert_eq!(c.rows[0].kind, RowKind::Edited);
//! assert_eq!(c.rows[1].kind, RowKind::Unchanged);
//! ```
//!
//! Pipeline: [`segment`] splits paragraphs and sentences; [`align`] matches sentences (exact
//! anchors, then a scored monotone alignment with 1:n / n:1 groups, then crossing matches as
//! moves); each row gets a word diff ([`word_diff`]) and claim labels. See [`Comparison`] for the
//! row order the UI relies on.

mod align;
mod anchor;
mod claims;
mod compare;
mod comparison;
mod diff;
mod evidence;
pub mod hidden;
mod label;
mod lexicon;
mod normalize;
mod regime;
mod segment;
mod similarity;
pub mod story;
pub mod synth;
mod verbatim;

pub use align::{Group, align, align_evidence, align_with};
pub use anchor::{
    Anchor, AnchorState, CONTEXT_CHARS, Resolution, Resolver, describe_change, find_passage,
};
pub use claims::{Claim, ClaimAtom, ClaimStatus, claim_atoms, compare_claims};
pub use compare::{CompareOptions, compare, compare_paragraphs, compare_sentences, summarise};
pub use comparison::*;
pub use diff::word_diff;
pub use evidence::Evidence;
pub use hidden::{hidden_name, is_bidi_control, is_stray_control, show_hidden};
pub use regime::detect_mode;
pub use segment::{paragraphs, segment, segment_paragraphs};
