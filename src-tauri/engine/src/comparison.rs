//! The comparison value: the one shape that the UI, the PDF export and the JSON output all read.
//! It carries ready-to-render word segments so no consumer needs byte offsets.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::claims::Claim;

/// Which regime aligned the two texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Two revisions of one article: mostly identical text.
    Revision,
    /// Two outlets' accounts of one event: paraphrase.
    Accounts,
}

/// One sentence of one side, with the paragraph it stands in (0-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Sentence {
    pub text: String,
    pub paragraph: usize,
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS,
)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    #[default]
    Unchanged,
    Edited,
    Moved,
    Added,
    Removed,
    Split,
    Merged,
}

impl RowKind {
    /// Every kind, in summary order.
    pub const ALL: [RowKind; 7] = [
        RowKind::Unchanged,
        RowKind::Edited,
        RowKind::Moved,
        RowKind::Added,
        RowKind::Removed,
        RowKind::Split,
        RowKind::Merged,
    ];

    /// The kind's name as serialised (and as every renderer prints it).
    pub fn name(self) -> &'static str {
        match self {
            RowKind::Unchanged => "unchanged",
            RowKind::Edited => "edited",
            RowKind::Moved => "moved",
            RowKind::Added => "added",
            RowKind::Removed => "removed",
            RowKind::Split => "split",
            RowKind::Merged => "merged",
        }
    }
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS,
)]
#[serde(rename_all = "lowercase")]
pub enum Significance {
    #[default]
    None,
    Cosmetic,
    Substantive,
}

/// What a change touches in the claim a sentence makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Facet {
    Number,
    Date,
    Name,
    Quote,
    Attribution,
    Negation,
    Hedge,
}

impl Facet {
    /// Every facet, in summary order.
    pub const ALL: [Facet; 7] = [
        Facet::Number,
        Facet::Date,
        Facet::Name,
        Facet::Quote,
        Facet::Attribution,
        Facet::Negation,
        Facet::Hedge,
    ];

    /// The facet's name as serialised (and as every renderer prints it).
    pub fn name(self) -> &'static str {
        match self {
            Facet::Number => "number",
            Facet::Date => "date",
            Facet::Name => "name",
            Facet::Quote => "quote",
            Facet::Attribution => "attribution",
            Facet::Negation => "negation",
            Facet::Hedge => "hedge",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
    Equal,
    Insert,
    Delete,
}

/// A run of text with one tag, ready to render (no offsets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Segment {
    pub text: String,
    pub tag: Tag,
}

/// One aligned unit, in reading order (see [`Comparison`] for the order rules). `Default` is an
/// empty unchanged row, for callers that build rows by hand (`..Row::default()`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Row {
    pub kind: RowKind,
    /// Indices into [`Comparison::left`]; empty for `added`.
    pub left: Vec<usize>,
    /// Indices into [`Comparison::right`]; empty for `removed`.
    pub right: Vec<usize>,
    pub significance: Significance,
    pub facets: Vec<Facet>,
    /// The row's text as a redline: equal runs, deleted (left-only) and inserted (right-only) runs.
    /// Concatenating equal+delete runs gives the left text, equal+insert runs the right text (the
    /// sentences of a group joined by single spaces).
    pub segments: Vec<Segment>,
    /// What the row claims, facet by facet, and how the two sides compare (rows whose texts
    /// differ; empty for `unchanged`, unedited moves, `added` and `removed`). See [`Claim`].
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// How sure the engine is of the row, 0..1: for a linked row, of the evidence that both
    /// sides say the same thing (1 for an unchanged sentence); for an `added` or `removed` row,
    /// that the other side has no counterpart.
    #[serde(default)]
    pub confidence: Confidence,
    /// For an `added` or `removed` row: the sentence on the other side (an index into its
    /// sentence list) that it may be related to, on evidence too weak for a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub related: Option<usize>,
    /// The row is a whole stretch the engine did not compare sentence by sentence: the texts are
    /// too large for its work budget (BAD_INPUT.md). Its sentences are shown whole as removed and
    /// added text, without word-level detail, facets or claims. Left out of the JSON when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub coarse: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A confidence between 0 and 1. A wrapper so that rows stay `Eq`: the engine never produces
/// NaN, so equality on the value is an equivalence.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize, TS)]
pub struct Confidence(pub f32);

impl Eq for Confidence {}

impl Confidence {
    /// The value, rounded to two decimals (all the precision the evidence has).
    pub fn new(v: f32) -> Confidence {
        let v = if v.is_nan() { 0.0 } else { v.clamp(0.0, 1.0) };
        Confidence((v * 100.0).round() / 100.0)
    }

    pub fn value(self) -> f32 {
        self.0
    }
}

/// Counts for a summary bar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Summary {
    pub unchanged: usize,
    pub edited: usize,
    pub moved: usize,
    pub added: usize,
    pub removed: usize,
    pub split: usize,
    pub merged: usize,
    pub substantive: usize,
    pub cosmetic: usize,
    /// Changed rows per facet, in [`Facet`] order; facets with no row are left out.
    pub facets: Vec<FacetCount>,
    /// Claim differences (claims of linked rows whose status is not `same`) per facet, in
    /// [`Facet`] order; facets with none are left out.
    #[serde(default)]
    pub claims: Vec<FacetCount>,
    /// Rows that are [`Row::coarse`]: when not zero, the texts were too large to compare in full
    /// and the compare view and `compare`'s text output say so. Left out of the JSON when zero.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub coarse: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    /// How many rows are of `kind`.
    pub fn count(&self, kind: RowKind) -> usize {
        match kind {
            RowKind::Unchanged => self.unchanged,
            RowKind::Edited => self.edited,
            RowKind::Moved => self.moved,
            RowKind::Added => self.added,
            RowKind::Removed => self.removed,
            RowKind::Split => self.split,
            RowKind::Merged => self.merged,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FacetCount {
    pub facet: Facet,
    pub count: usize,
}

/// The result of comparing two texts.
///
/// # Row order (the UI relies on it)
/// - Rows follow the reading order of the right (new) side: a row comes where its first right
///   sentence stands.
/// - A `removed` row (no right sentences) stands where its sentence stood on the left: right after
///   the row that holds the preceding left sentence (at the top when it was the first sentence).
/// - A moved sentence is ONE row of kind `moved`, placed at its right-side position; its `left`
///   index tells where it came from. A moved and edited sentence is still `moved`, carrying the
///   edit's significance, facets and segments.
/// - Every left sentence appears in exactly one row's `left`, every right sentence in exactly one
///   row's `right`. Indices inside a row ascend and are contiguous.
/// - Apart from moves, each side's sentences appear in their own order.
///
/// # Kinds
/// `unchanged` (same text), `edited` (1:1, text differs; also the rare n:m group), `moved` (1:1,
/// crosses the order of the other rows), `added`, `removed`, `split` (one left, several right),
/// `merged` (several left, one right).
///
/// # Labels
/// `significance` is `none` for unchanged rows and unedited moves; `cosmetic` when the texts differ
/// only in case, punctuation, spacing, quote/dash style, spelling variants, doubled words or
/// typo-sized slips (cosmetic rows carry no facets); otherwise `substantive`. `facets` name what a
/// substantive edit changes; for `added`/`removed` rows, what the sentence asserts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Comparison {
    pub mode: Mode,
    pub left: Vec<Sentence>,
    pub right: Vec<Sentence>,
    pub rows: Vec<Row>,
    pub summary: Summary,
}

/// Which regime the caller wants: pick from the overlap (`Auto`) or force one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ModeChoice {
    #[default]
    Auto,
    Revision,
    Accounts,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_json_interface() {
        // Renderers print `name()`; the JSON says the serde name. A reader must see the same word in both.
        for k in RowKind::ALL {
            assert_eq!(serde_json::to_value(k).unwrap(), k.name());
        }
        for f in Facet::ALL {
            assert_eq!(serde_json::to_value(f).unwrap(), f.name());
        }
    }

    #[test]
    fn summary_count_reads_the_kind_field() {
        let s = Summary {
            edited: 3,
            merged: 1,
            ..Default::default()
        };
        assert_eq!(s.count(RowKind::Edited), 3);
        assert_eq!(s.count(RowKind::Merged), 1);
        assert_eq!(s.count(RowKind::Added), 0);
    }
}
