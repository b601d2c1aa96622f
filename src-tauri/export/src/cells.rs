//! A row's cells as runs of marked text: word-diff marks (removed, added) and claim marks (an atom boxed where the
//! sides differ, dotted where only one side has it). Which rows are shown and what their labels say is
//! `view`'s; drawing the marks is each writer's.

use parallax_engine::{Comparison, Mode, Row, RowKind, Tag, show_hidden};

use crate::claim_marks::{ClaimMark, Side, cuts, locate, mark_at};
use crate::view::{Mark, Span};

/// Between two accounts shown without word marks, the inline layout gives the left account's sentence, this, then
/// the right account's (interleaving unmarked deleted and inserted words would read as one garbled sentence).
pub(crate) const ACCOUNTS_JOIN: &str = " → ";

/// A run of a row's text and the sides whose text it is part of.
struct Piece {
    text: String,
    mark: Mark,
    left: bool,
    right: bool,
}

/// Left cell, right cell and inline redline of a row. Segments are authoritative; when a row carries none
/// (e.g. an unchanged row from an older engine) the sentences themselves are shown. With `words` off, the removed
/// and added runs of a linked row read as plain text; claim marks show either way.
pub(crate) fn cells(c: &Comparison, row: &Row, words: bool) -> (Vec<Span>, Vec<Span>, Vec<Span>) {
    let (mut pieces, from_segments) = pieces(c, row);
    // A sentence only one side has keeps its whole-sentence mark, as the view tints it: that is not word noise.
    if !words && !row.left.is_empty() && !row.right.is_empty() {
        for p in &mut pieces {
            p.mark = Mark::Plain;
        }
    }
    let marked = claim_marked(&pieces, row, c.mode);
    let mut left = Vec::new();
    let mut right = Vec::new();
    for (p, claim_l, claim_r) in &marked {
        if p.left {
            push(&mut left, &p.text, p.mark, *claim_l);
        }
        if p.right {
            push(&mut right, &p.text, p.mark, *claim_r);
        }
    }
    let one_sided = pieces.iter().any(|p| p.left != p.right);
    let inline = if !from_segments && matches!(row.kind, RowKind::Unchanged | RowKind::Moved) {
        right.clone()
    } else if !from_segments || (!words && one_sided && !left.is_empty() && !right.is_empty()) {
        let join = if from_segments { ACCOUNTS_JOIN } else { " " };
        let mut v = left.clone();
        if !v.is_empty() && !right.is_empty() {
            push(&mut v, join, Mark::Plain, None);
        }
        v.extend(right.iter().cloned());
        v
    } else {
        redline(&marked)
    };
    (left, right, inline)
}

/// The row's text in reading order, with the sides each run belongs to; `true` when it came from segments.
fn pieces(c: &Comparison, row: &Row) -> (Vec<Piece>, bool) {
    if row.segments.iter().any(|s| !s.text.is_empty()) {
        let pieces = row
            .segments
            .iter()
            .map(|s| Piece {
                text: s.text.clone(),
                mark: match s.tag {
                    Tag::Equal => Mark::Plain,
                    Tag::Delete => Mark::Removed,
                    Tag::Insert => Mark::Added,
                },
                left: s.tag != Tag::Insert,
                right: s.tag != Tag::Delete,
            })
            .collect();
        return (pieces, true);
    }
    let join = |idx: &[usize], sents: &[parallax_engine::Sentence]| {
        idx.iter()
            .filter_map(|&i| sents.get(i))
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (lm, rm) = match row.kind {
        RowKind::Unchanged | RowKind::Moved => (Mark::Plain, Mark::Plain),
        _ => (Mark::Removed, Mark::Added),
    };
    let pieces = [
        (join(&row.left, &c.left), lm, true),
        (join(&row.right, &c.right), rm, false),
    ]
    .into_iter()
    .filter(|(t, _, _)| !t.is_empty())
    .map(|(text, mark, left)| Piece {
        text,
        mark,
        left,
        right: !left,
    })
    .collect();
    (pieces, false)
}

/// Cuts the pieces where claim atoms start and end; each cut piece carries the atom mark it has on the left and
/// on the right (an equal run can be part of an atom on either side).
fn claim_marked(
    pieces: &[Piece],
    row: &Row,
    mode: Mode,
) -> Vec<(Piece, Option<ClaimMark>, Option<ClaimMark>)> {
    let side_text = |left: bool| -> String {
        pieces
            .iter()
            .filter(|p| if left { p.left } else { p.right })
            .map(|p| p.text.as_str())
            .collect()
    };
    let lr = locate(row, mode, Side::Left, &side_text(true));
    let rr = locate(row, mode, Side::Right, &side_text(false));
    let (mut lo, mut ro) = (0, 0);
    let mut out = Vec::with_capacity(pieces.len());
    for p in pieces {
        let len = p.text.len();
        let mut at: Vec<usize> = Vec::new();
        if p.left {
            at.extend(cuts(&lr, lo..lo + len));
        }
        if p.right {
            at.extend(cuts(&rr, ro..ro + len));
        }
        at.extend([0, len]);
        at.sort_unstable();
        at.dedup();
        for w in at.windows(2) {
            let claim_l = p.left.then(|| mark_at(&lr, lo + w[0])).flatten();
            let claim_r = p.right.then(|| mark_at(&rr, ro + w[0])).flatten();
            let piece = Piece {
                text: p.text[w[0]..w[1]].to_string(),
                mark: p.mark,
                left: p.left,
                right: p.right,
            };
            out.push((piece, claim_l, claim_r));
        }
        if p.left {
            lo += len;
        }
        if p.right {
            ro += len;
        }
    }
    out
}

/// The single-column redline: every run in the engine's order; an equal run inside an atom on either side keeps
/// the mark (a differing mark over a one-sided one).
fn redline(marked: &[(Piece, Option<ClaimMark>, Option<ClaimMark>)]) -> Vec<Span> {
    let mut inline: Vec<Span> = Vec::new();
    for (p, l, r) in marked {
        let claim = match (l, r) {
            (Some(a), Some(b)) => Some(if b.differs { *b } else { *a }),
            _ => l.or(*r),
        };
        // In one line of text a deletion directly followed by an insertion would read as one word
        // ("4.25.8"); a space between them keeps both legible and searchable.
        if p.mark == Mark::Added
            && inline.last().is_some_and(|s: &Span| {
                s.mark == Mark::Removed && !s.text.ends_with(char::is_whitespace)
            })
            && !p.text.starts_with(char::is_whitespace)
        {
            push(&mut inline, " ", Mark::Plain, None);
        }
        push(&mut inline, &p.text, p.mark, claim);
    }
    inline
}

pub(crate) fn push(v: &mut Vec<Span>, text: &str, mark: Mark, claim: Option<ClaimMark>) {
    if text.is_empty() {
        return;
    }
    // Tabs and carriage returns have no glyph; show them as the spaces they stand for. Other
    // controls and invisible reordering characters become labelled marks (`‹RLO›`), so that
    // nothing in the export is hidden or reordered.
    let cleaned;
    let text = if text.contains(['\t', '\r']) {
        cleaned = text.replace(['\t', '\r'], " ");
        cleaned.as_str()
    } else {
        text
    };
    let text = &*show_hidden(text);
    match v.last_mut() {
        Some(last) if last.mark == mark && last.claim == claim => last.text.push_str(text),
        _ => v.push(Span {
            text: text.to_string(),
            mark,
            claim,
        }),
    }
}
