//! The comparison value: the one shape that the UI, the PDF export and the JSON output all read.
//! It carries ready-to-render word segments so no consumer needs byte offsets.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    Unchanged,
    Edited,
    Moved,
    Added,
    Removed,
    Split,
    Merged,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Significance {
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

/// One aligned unit, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Row {
    pub kind: RowKind,
    /// Indices into [`Comparison::left`]; empty for `added`.
    pub left: Vec<usize>,
    /// Indices into [`Comparison::right`]; empty for `removed`.
    pub right: Vec<usize>,
    pub significance: Significance,
    pub facets: Vec<Facet>,
    /// The row's text as a redline: equal runs, deleted (left-only) and inserted (right-only) runs.
    pub segments: Vec<Segment>,
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FacetCount {
    pub facet: Facet,
    pub count: usize,
}

/// The result of comparing two texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Comparison {
    pub mode: Mode,
    pub left: Vec<Sentence>,
    pub right: Vec<Sentence>,
    pub rows: Vec<Row>,
    pub summary: Summary,
}
