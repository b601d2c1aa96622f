//! Highlight anchors: find a quoted passage in a version's sentences, and say what became of it in
//! another version through the [`Comparison`] of the two (`intact`, `moved`, `edited` with the word
//! diff of the passage, `removed`). Storing highlights is the store's; loading versions the caller's.
//!
//! ```
//! use parallax_engine::{compare, AnchorState, CompareOptions, Resolver};
//!
//! let old = "Crews cleared 600 homes. The road reopened.";
//! let new = "Crews cleared 900 homes. The road reopened.";
//! let c = compare(old, new, &CompareOptions::default());
//! let resolver = Resolver::new(&c);
//! let anchor = resolver.anchor("600 homes", None).unwrap();
//! let r = resolver.resolve(&anchor);
//! assert_eq!(r.state, AnchorState::Edited);
//! assert_eq!(r.text.as_deref(), Some("900 homes"));
//! assert_eq!(r.change.as_deref(), Some("600 → 900 homes"));
//! ```
//!
//! Matching folds runs of whitespace (a selection copied from the reader may break lines where the
//! text had one space, or the text may have two spaces where the reader shows one); nothing else is
//! folded, because a quote is the text exactly as the user selected it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::comparison::{Comparison, RowKind, Segment, Sentence, Tag};

/// How many characters of context an anchor keeps on each side of its quote.
pub const CONTEXT_CHARS: usize = 32;

/// Where a highlight was made: its quote, the text just around it, and its sentence (0-based, in
/// the engine's segmentation of that version).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Anchor {
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    pub sentence_index: Option<usize>,
}

/// What became of a highlighted passage in another version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum AnchorState {
    /// The passage reads the same, where it stood.
    Intact,
    /// The passage reads the same, but its sentence moved.
    Moved,
    /// The passage's words changed.
    Edited,
    /// The passage has no counterpart: its sentence was removed (the highlight is detached).
    Removed,
}

impl AnchorState {
    /// The state's name as serialised (and as every renderer prints it).
    pub fn name(self) -> &'static str {
        match self {
            AnchorState::Intact => "intact",
            AnchorState::Moved => "moved",
            AnchorState::Edited => "edited",
            AnchorState::Removed => "removed",
        }
    }

    /// True when the passage no longer reads as highlighted (the reader should be told).
    pub fn is_changed(self) -> bool {
        matches!(self, AnchorState::Edited | AnchorState::Removed)
    }
}

/// A highlight resolved on the other (right) side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Resolution {
    pub state: AnchorState,
    /// The passage as it reads on the right side; `None` when removed.
    pub text: Option<String>,
    /// Right-side sentences holding the passage (ascending; empty when removed).
    pub sentences: Vec<usize>,
    /// For `edited`: the passage as a redline (old words deleted, new inserted). Empty otherwise.
    pub segments: Vec<Segment>,
    /// For `edited`: the change in a few words, e.g. "600 → 900 households".
    pub change: Option<String>,
}

/// Where a quote stands on the left side: byte range in the left sentences joined by single spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
}

/// A whitespace-folded text with, for each of its bytes, the byte of the original it came from.
struct Folded {
    text: String,
    origin: Vec<usize>,
    /// Length of the original, so an end offset can be mapped too.
    len: usize,
}

fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len());
    let mut in_space = false;
    for (i, ch) in s.char_indices() {
        if ch.is_whitespace() {
            if !in_space {
                text.push(' ');
                origin.push(i);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        text.push(ch);
        origin.extend(std::iter::repeat_n(i, ch.len_utf8()));
    }
    Folded {
        text,
        origin,
        len: s.len(),
    }
}

impl Folded {
    /// The original byte offset of folded offset `k` (an end offset may equal the folded length).
    fn map(&self, k: usize) -> usize {
        self.origin.get(k).copied().unwrap_or(self.len)
    }

    /// The original offset just past folded byte range ending at `k` (exclusive end).
    fn map_end(&self, k: usize, original: &str) -> usize {
        if k == 0 {
            return 0;
        }
        let last = self.map(k - 1);
        last + original[last..].chars().next().map_or(0, char::len_utf8)
    }
}

/// Byte range of `passage` in `text`, matching runs of whitespace loosely (a resolved passage is
/// whitespace-folded; the stored paragraph keeps its spacing as published). First occurrence.
pub fn find_passage(text: &str, passage: &str) -> Option<std::ops::Range<usize>> {
    let q = fold_quote(passage);
    if q.is_empty() {
        return None;
    }
    let f = fold(text);
    let k = f.text.find(q.as_str())?;
    Some(f.map(k)..f.map_end(k + q.len(), text))
}

fn fold_quote(q: &str) -> String {
    fold(q.trim()).text
}

/// One side of a comparison, prepared once for many anchors.
struct Side {
    joined: String,
    folded: Folded,
    /// Byte offset of each sentence in `joined`.
    starts: Vec<usize>,
}

impl Side {
    fn new(sentences: &[Sentence]) -> Side {
        let mut joined = String::new();
        let mut starts = Vec::with_capacity(sentences.len());
        for (i, s) in sentences.iter().enumerate() {
            if i > 0 {
                joined.push(' ');
            }
            starts.push(joined.len());
            joined.push_str(&s.text);
        }
        let folded = fold(&joined);
        Side {
            joined,
            folded,
            starts,
        }
    }

    /// The sentence holding byte `at` of `joined`.
    fn sentence_at(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }

    /// Finds the quote, preferring the occurrence whose context and sentence match the anchor best.
    fn find(&self, anchor: &Anchor) -> Option<Span> {
        let q = fold_quote(&anchor.quote);
        if q.is_empty() {
            return None;
        }
        let prefix = fold(&anchor.prefix).text;
        let suffix = fold(&anchor.suffix).text;
        let hay = &self.folded.text;
        let mut best: Option<(i64, Span)> = None;
        for (k, _) in hay.match_indices(q.as_str()) {
            let before = hay[..k].trim_end();
            let after = hay[k + q.len()..].trim_start();
            let mut score = common_suffix(before, prefix.trim_end()) as i64
                + common_prefix(after, suffix.trim_start()) as i64;
            let start = self.folded.map(k);
            if let Some(hint) = anchor.sentence_index {
                let d = self.sentence_at(start).abs_diff(hint) as i64;
                score -= d.min(1_000);
            }
            let span = Span {
                start,
                end: self.folded.map_end(k + q.len(), &self.joined),
            };
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, span));
            }
        }
        best.map(|(_, s)| s)
    }
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Resolves anchors made on a comparison's left version on its right version. Build it once per
/// comparison; each [`Resolver::resolve`] then costs about the length of the passage's rows.
pub struct Resolver<'c> {
    comparison: &'c Comparison,
    left: Side,
    /// For each left sentence, the row that holds it.
    left_row: Vec<usize>,
}

impl<'c> Resolver<'c> {
    pub fn new(comparison: &'c Comparison) -> Resolver<'c> {
        let mut left_row = vec![usize::MAX; comparison.left.len()];
        for (r, row) in comparison.rows.iter().enumerate() {
            for &i in &row.left {
                if let Some(slot) = left_row.get_mut(i) {
                    *slot = r;
                }
            }
        }
        Resolver {
            comparison,
            left: Side::new(&comparison.left),
            left_row,
        }
    }

    /// Anchors `quote` in the left version: its context and sentence, or `None` when the text does
    /// not contain it. `near` (a sentence index) picks among repeated occurrences.
    pub fn anchor(&self, quote: &str, near: Option<usize>) -> Option<Anchor> {
        let probe = Anchor {
            quote: quote.to_string(),
            prefix: String::new(),
            suffix: String::new(),
            sentence_index: near,
        };
        let span = self.left.find(&probe)?;
        let j = &self.left.joined;
        let prefix: String = {
            let before: Vec<char> = j[..span.start].chars().rev().take(CONTEXT_CHARS).collect();
            before.into_iter().rev().collect()
        };
        let suffix: String = j[span.end..].chars().take(CONTEXT_CHARS).collect();
        Some(Anchor {
            quote: j[span.start..span.end].to_string(),
            prefix,
            suffix,
            sentence_index: Some(self.left.sentence_at(span.start)),
        })
    }

    /// What became of the anchored passage on the right side. An anchor whose quote is not in the
    /// left version at all (it was made on another text) reads as `removed`.
    pub fn resolve(&self, anchor: &Anchor) -> Resolution {
        let Some(span) = self.left.find(anchor) else {
            return removed();
        };
        let first = self.left.sentence_at(span.start);
        let last = self
            .left
            .sentence_at(span.end.saturating_sub(1).max(span.start));
        let mut rows: Vec<usize> = (first..=last)
            .filter_map(|i| self.left_row.get(i).copied())
            .filter(|&r| r != usize::MAX)
            .collect();
        rows.dedup();
        let c = self.comparison;
        if rows.iter().all(|&r| c.rows[r].kind == RowKind::Removed) {
            return removed();
        }
        let mut sentences: Vec<usize> = rows
            .iter()
            .flat_map(|&r| c.rows[r].right.iter().copied())
            .collect();
        sentences.sort_unstable();
        sentences.dedup();

        // Same words still there (possibly with edits elsewhere in the sentence): intact or moved.
        let q = fold_quote(&anchor.quote);
        let right_text = sentences
            .iter()
            .map(|&j| c.right[j].text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if fold(&right_text).text.contains(q.as_str()) {
            let moved = rows.iter().any(|&r| c.rows[r].kind == RowKind::Moved);
            return Resolution {
                state: if moved {
                    AnchorState::Moved
                } else {
                    AnchorState::Intact
                },
                text: Some(q),
                sentences,
                segments: Vec::new(),
                change: None,
            };
        }

        let mut segments: Vec<Segment> = Vec::new();
        for &r in &rows {
            let row = &c.rows[r];
            let base = self.left.starts[row.left[0]];
            let (qs, qe) = (
                span.start.saturating_sub(base),
                span.end.saturating_sub(base),
            );
            if !segments.is_empty() {
                push(&mut segments, " ", Tag::Equal);
            }
            passage_of_row(&row.segments, qs, qe, &mut segments);
        }
        let new_text: String = segments
            .iter()
            .filter(|s| s.tag != Tag::Delete)
            .map(|s| s.text.as_str())
            .collect();
        let new_text = fold(new_text.trim()).text;
        if new_text.is_empty() {
            return removed();
        }
        if segments.iter().all(|s| s.tag == Tag::Equal) {
            // The diff sees no change inside the passage (only spacing differed).
            return Resolution {
                state: AnchorState::Intact,
                text: Some(new_text),
                sentences,
                segments: Vec::new(),
                change: None,
            };
        }
        Resolution {
            state: AnchorState::Edited,
            change: Some(describe_change(&segments)),
            text: Some(new_text),
            sentences,
            segments,
        }
    }
}

fn removed() -> Resolution {
    Resolution {
        state: AnchorState::Removed,
        text: None,
        sentences: Vec::new(),
        segments: Vec::new(),
        change: None,
    }
}

fn push(out: &mut Vec<Segment>, text: &str, tag: Tag) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.tag == tag => last.text.push_str(text),
        _ => out.push(Segment {
            text: text.to_string(),
            tag,
        }),
    }
}

/// The part of a row's redline that covers left bytes `qs..qe`: equal and deleted text inside the
/// range, and insertions made inside it (or replacing its last words).
fn passage_of_row(row: &[Segment], qs: usize, qe: usize, out: &mut Vec<Segment>) {
    let mut pos = 0;
    let mut last_was_delete_inside = false;
    for seg in row {
        match seg.tag {
            Tag::Insert => {
                let inside = (pos > qs && pos < qe) || (pos == qe && last_was_delete_inside);
                if inside {
                    push(out, &seg.text, Tag::Insert);
                }
            }
            Tag::Equal | Tag::Delete => {
                let end = pos + seg.text.len();
                let (a, b) = (pos.max(qs), end.min(qe));
                last_was_delete_inside = false;
                if a < b {
                    let a = floor_char(&seg.text, a - pos);
                    let b = ceil_char(&seg.text, b - pos);
                    push(out, &seg.text[a..b], seg.tag);
                    last_was_delete_inside = seg.tag == Tag::Delete;
                }
                pos = end;
            }
        }
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// "600 → 900 households": each change as old → new, with the word after it (or before it, at the
/// passage's end) for context; pure insertions and deletions say "added"/"removed".
pub fn describe_change(segments: &[Segment]) -> String {
    let mut parts = Vec::new();
    let mut k = 0;
    while k < segments.len() {
        if segments[k].tag == Tag::Equal {
            k += 1;
            continue;
        }
        let (mut old, mut new) = (String::new(), String::new());
        let start = k;
        while k < segments.len() && segments[k].tag != Tag::Equal {
            match segments[k].tag {
                Tag::Delete => old.push_str(&segments[k].text),
                _ => new.push_str(&segments[k].text),
            }
            k += 1;
        }
        let (old, new) = (fold(old.trim()).text, fold(new.trim()).text);
        let next_word = segments
            .get(k)
            .and_then(|s| s.text.split_whitespace().next());
        let prev_word = start
            .checked_sub(1)
            .and_then(|p| segments[p].text.split_whitespace().last());
        parts.push(match (old.is_empty(), new.is_empty()) {
            (false, false) => match (next_word, prev_word) {
                (Some(w), _) => format!("{old} → {new} {w}"),
                (None, Some(w)) => format!("{w} {old} → {w} {new}"),
                (None, None) => format!("{old} → {new}"),
            },
            (true, false) => format!("“{new}” added"),
            (false, true) => format!("“{old}” removed"),
            (true, true) => continue,
        });
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CompareOptions, compare};

    fn resolve(old: &str, new: &str, quote: &str) -> Resolution {
        let c = compare(old, new, &CompareOptions::default());
        let r = Resolver::new(&c);
        let a = r.anchor(quote, None).expect("quote is in the old text");
        r.resolve(&a)
    }

    #[test]
    fn anchor_keeps_context_and_sentence() {
        let c = compare(
            "One sentence here. The ferry sails at noon today.",
            "x",
            &CompareOptions::default(),
        );
        let a = Resolver::new(&c).anchor("sails  at\nnoon", None).unwrap();
        // The quote is stored as the text reads (one space), found across the folded line break.
        assert_eq!(a.quote, "sails at noon");
        assert_eq!(a.prefix, "One sentence here. The ferry ");
        assert_eq!(a.suffix, " today.");
        assert_eq!(a.sentence_index, Some(1));
        assert!(
            Resolver::new(&c)
                .anchor("sails at midnight", None)
                .is_none()
        );
    }

    #[test]
    fn find_passage_tolerates_spacing() {
        let text = "Brevik said the  order would stay.";
        let r = find_passage(text, "the order would").unwrap();
        assert_eq!(&text[r], "the  order would");
        assert_eq!(find_passage(text, "the ban"), None);
        assert_eq!(find_passage(text, "   "), None);
    }

    #[test]
    fn repeated_quote_is_told_apart_by_its_context() {
        let text = "The gate held. Then the gate held again. Later the gate held once more.";
        let c = compare(text, text, &CompareOptions::default());
        let r = Resolver::new(&c);
        let second = r.anchor("the gate held", Some(1)).unwrap();
        assert_eq!(second.sentence_index, Some(1));
        assert_eq!(second.prefix, "The gate held. Then ");
        // Without the sentence hint, the stored context alone still finds the second occurrence.
        let probe = Anchor {
            sentence_index: None,
            ..second.clone()
        };
        assert_eq!(r.resolve(&probe).sentences, vec![1]);
    }

    #[test]
    fn edit_elsewhere_in_the_sentence_leaves_the_passage_intact() {
        let r = resolve(
            "The mayor said 40 homes flooded on Friday.",
            "The mayor said 40 homes flooded on Saturday.",
            "40 homes flooded",
        );
        assert_eq!(r.state, AnchorState::Intact);
        assert_eq!(r.text.as_deref(), Some("40 homes flooded"));
    }

    #[test]
    fn quote_that_is_only_the_changed_word_is_edited() {
        let r = resolve(
            "About 600 households went home.",
            "About 900 households went home.",
            "600",
        );
        assert_eq!(r.state, AnchorState::Edited);
        assert_eq!(r.text.as_deref(), Some("900"));
    }

    #[test]
    fn passage_across_two_sentences_collects_both() {
        let r = resolve(
            "The dam held. Crews worked all night. Roads stayed shut.",
            "The dam held. Crews worked all day. Roads stayed shut.",
            "dam held. Crews worked all night",
        );
        assert_eq!(r.state, AnchorState::Edited);
        assert_eq!(r.text.as_deref(), Some("dam held. Crews worked all day"));
        assert_eq!(r.sentences, vec![0, 1]);
        // At the passage's end there is no word after the change, so the word before it is shown.
        assert_eq!(r.change.as_deref(), Some("all night → all day"));
    }

    #[test]
    fn describe_change_names_insertions_and_deletions() {
        let seg = |text: &str, tag| Segment {
            text: text.into(),
            tag,
        };
        let s = [
            seg("had ", Tag::Equal),
            seg("reportedly ", Tag::Insert),
            seg("been flagged", Tag::Equal),
        ];
        assert_eq!(describe_change(&s), "“reportedly” added");
        let s = [seg("not ", Tag::Delete), seg("closed", Tag::Equal)];
        assert_eq!(describe_change(&s), "“not” removed");
    }
}
