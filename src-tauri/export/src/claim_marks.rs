//! Where a row's claim atoms stand in its sentences, found the way the compare view finds them
//! (`ui/src/lib/compare/claims.ts`, `sideAtoms` and `markRuns`, over `story/rows.ts` `markAtoms`), so the view and
//! the exports mark the same words. Which claims are worth marking is `view::noted`'s rule; how a mark is drawn
//! is each writer's.

use std::ops::Range;

use parallax_engine::{ClaimStatus, Facet, Mode, Row};

/// A claim atom inside a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ClaimMark {
    pub facet: Facet,
    /// The two sides give this claim differently (drawn boxed); otherwise only this side asserts it (dotted).
    pub differs: bool,
}

/// Which side of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Left,
    Right,
}

/// The noted atoms of one side of a linked row as they read in that side's text, differing ones first so that
/// a one-sided atom overlapping a differing one gives way (as `sideAtoms` orders them).
fn side_atoms(row: &Row, mode: Mode, side: Side) -> Vec<(&str, ClaimMark)> {
    let mut atoms: Vec<(&str, ClaimMark)> = crate::view::noted(row, mode)
        .filter_map(|c| {
            let text = match side {
                Side::Left => c.left.as_deref(),
                Side::Right => c.right.as_deref(),
            }?;
            let mark = ClaimMark {
                facet: c.facet,
                differs: c.status == ClaimStatus::Differs,
            };
            (!text.is_empty()).then_some((text, mark))
        })
        .collect();
    // A stable sort keeps the engine's order among atoms of equal rank.
    atoms.sort_by_key(|(_, m)| !m.differs);
    atoms
}

/// The byte ranges of `text` that the row's noted atoms on `side` cover, in text order and never overlapping.
/// Each atom is looked for at its first occurrence; one that is not in the text (the engine normalised it) or
/// that overlaps an atom placed before it is left unmarked, as in the view. Rows with one side only have no
/// counterpart to differ from and get no marks.
pub(crate) fn locate(
    row: &Row,
    mode: Mode,
    side: Side,
    text: &str,
) -> Vec<(Range<usize>, ClaimMark)> {
    if row.left.is_empty() || row.right.is_empty() {
        return Vec::new();
    }
    let mut spans: Vec<(Range<usize>, ClaimMark)> = Vec::new();
    for (atom, mark) in side_atoms(row, mode, side) {
        let Some(start) = text.find(atom) else {
            continue;
        };
        let range = start..start + atom.len();
        if spans
            .iter()
            .any(|(r, _)| range.start < r.end && r.start < range.end)
        {
            continue;
        }
        spans.push((range, mark));
    }
    spans.sort_by_key(|(r, _)| r.start);
    spans
}

/// The mark covering byte `at` of a side's text, if any (`ranges` as [`locate`] returns them).
pub(crate) fn mark_at(ranges: &[(Range<usize>, ClaimMark)], at: usize) -> Option<ClaimMark> {
    ranges
        .iter()
        .find(|(r, _)| r.contains(&at))
        .map(|&(_, m)| m)
}

/// The offsets inside `within` (a piece of a side's text) where a mark starts or ends, relative to its start.
pub(crate) fn cuts(ranges: &[(Range<usize>, ClaimMark)], within: Range<usize>) -> Vec<usize> {
    ranges
        .iter()
        .flat_map(|(r, _)| [r.start, r.end])
        .filter(|&p| p > within.start && p < within.end)
        .map(|p| p - within.start)
        .collect()
}

#[cfg(test)]
mod tests {
    use parallax_engine::{Claim, RowKind};

    use super::*;

    fn claim(facet: Facet, status: ClaimStatus, left: Option<&str>, right: Option<&str>) -> Claim {
        Claim {
            facet,
            status,
            left: left.map(str::to_string),
            right: right.map(str::to_string),
        }
    }

    fn linked(claims: Vec<Claim>) -> Row {
        Row {
            kind: RowKind::Edited,
            left: vec![0],
            right: vec![0],
            claims,
            ..Row::default()
        }
    }

    #[test]
    fn a_differing_atom_wins_over_an_overlapping_one_sided_atom() {
        // "two" (a one-sided number) first occurs inside the differing source; the source is what a reader must see.
        let row = linked(vec![
            claim(Facet::Number, ClaimStatus::RightOnly, None, Some("two")),
            claim(
                Facet::Attribution,
                ClaimStatus::Differs,
                Some("x"),
                Some("two ferry pilots"),
            ),
        ]);
        let text = "Two boats ran aground, two ferry pilots said.";
        let got = locate(&row, Mode::Revision, Side::Right, text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(&text[got[0].0.clone()], "two ferry pilots");
        assert!(got[0].1.differs);
    }

    #[test]
    fn names_only_one_account_mentions_are_not_marked_but_differing_ones_are() {
        let row = linked(vec![
            claim(
                Facet::Name,
                ClaimStatus::LeftOnly,
                Some("Marlowe Bay"),
                None,
            ),
            claim(Facet::Number, ClaimStatus::Differs, Some("40"), Some("55")),
        ]);
        let text = "About 40 boats moor in Marlowe Bay.";
        let accounts = locate(&row, Mode::Accounts, Side::Left, text);
        assert_eq!(
            accounts
                .iter()
                .map(|(r, _)| &text[r.clone()])
                .collect::<Vec<_>>(),
            ["40"]
        );
        // Between two revisions a dropped name is a change worth marking.
        assert_eq!(locate(&row, Mode::Revision, Side::Left, text).len(), 2);
    }

    #[test]
    fn a_one_sided_row_or_an_atom_missing_from_the_text_gets_no_mark() {
        let mut row = linked(vec![claim(
            Facet::Number,
            ClaimStatus::Differs,
            Some("forty"),
            Some("55"),
        )]);
        assert!(locate(&row, Mode::Accounts, Side::Left, "About 40 boats.").is_empty());
        row.right.clear();
        assert!(locate(&row, Mode::Accounts, Side::Left, "About forty boats.").is_empty());
    }

    #[test]
    fn cuts_fall_inside_the_piece_only() {
        let m = ClaimMark {
            facet: Facet::Number,
            differs: true,
        };
        let ranges = vec![(6..8, m), (20..30, m)];
        assert_eq!(cuts(&ranges, 0..10), [6, 8]);
        assert_eq!(cuts(&ranges, 7..25), [1, 13]);
        assert_eq!(mark_at(&ranges, 7), Some(m));
        assert_eq!(mark_at(&ranges, 8), None);
    }
}
