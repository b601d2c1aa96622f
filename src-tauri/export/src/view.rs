//! The rows as every format shows them: which rows are kept, what each cell says, which label a row carries.
//! Shared by the PDF, HTML and Markdown writers so their marks agree; drawing and escaping are theirs.

use parallax_engine::{Claim, ClaimStatus, Facet, Mode, Row, RowKind, Significance};

use crate::claim_marks::ClaimMark;
use crate::request::ExportRequest;

/// How a run of text is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    Plain,
    /// Only in the left version: struck through on a red-ish background.
    Removed,
    /// Only in the right version: underlined on a green-ish background.
    Added,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    pub text: String,
    pub mark: Mark,
    /// Part of a claim atom the row's notes name (boxed where the sides differ, dotted where only this side has it).
    pub claim: Option<ClaimMark>,
}

/// One row as shown.
#[derive(Debug, Clone)]
pub(crate) struct RowView {
    pub kind: RowKind,
    /// A short text label such as "EDITED" or "MOVED ↓"; `None` for unchanged rows.
    pub label: Option<String>,
    /// Significance and facets, e.g. "substantive: number, quote"; empty when there is nothing to say.
    pub detail: String,
    /// The left cell: equal and deleted runs.
    pub left: Vec<Span>,
    /// The right cell: equal and inserted runs.
    pub right: Vec<Span>,
    /// The whole redline in reading order (for the inline layout).
    pub inline: Vec<Span>,
    /// This row opens a new paragraph of the text it belongs to.
    pub new_paragraph: bool,
}

/// The rows of a request, filtered by `substantive_only`, with labels and cells worked out.
pub(crate) fn rows(req: &ExportRequest) -> Vec<RowView> {
    let c = &req.comparison;
    let mut out = Vec::with_capacity(c.rows.len());
    let mut last_left_para: Option<usize> = None;
    let mut last_right_para: Option<usize> = None;
    let mut last_left_index: Option<usize> = None;
    for row in &c.rows {
        let left_para = row
            .left
            .first()
            .and_then(|&i| c.left.get(i))
            .map(|s| s.paragraph);
        let right_para = row
            .right
            .first()
            .and_then(|&i| c.right.get(i))
            .map(|s| s.paragraph);
        let new_paragraph = match (right_para, left_para) {
            (Some(r), _) => last_right_para.is_some_and(|p| p != r),
            (None, Some(l)) => last_left_para.is_some_and(|p| p != l),
            (None, None) => false,
        };
        let label = label(row, last_left_index);
        if row.kind != RowKind::Moved {
            if let Some(&l) = row.left.last() {
                last_left_index = Some(l);
            }
            if left_para.is_some() {
                last_left_para = left_para;
            }
        }
        if right_para.is_some() {
            last_right_para = right_para;
        }
        if req.substantive_only && row.significance != Significance::Substantive {
            continue;
        }
        let (left, right, inline) = crate::cells::cells(c, row, words_shown(req));
        // A removed row followed by an added row at a paragraph start is one paragraph change, not two gaps.
        let new_paragraph = new_paragraph
            && !out.last().is_some_and(|p: &RowView| {
                p.new_paragraph && (p.left.is_empty() || p.right.is_empty())
            });
        // With rows left out, neighbours are no longer continuous text: show each row on its own.
        let new_paragraph = new_paragraph || (req.substantive_only && !out.is_empty());
        out.push(RowView {
            kind: row.kind,
            label,
            detail: detail(row, c.mode),
            left,
            right,
            inline,
            new_paragraph,
        });
    }
    out
}

/// Whether word marks show: always between revisions; between two accounts, whose wording differs throughout, only
/// when the export asks for the full word redline (as the compare view's toggle does; the claim marks and notes
/// name what matters).
pub(crate) fn words_shown(req: &ExportRequest) -> bool {
    req.comparison.mode != Mode::Accounts || req.word_redline
}

fn label(row: &Row, last_left_index: Option<usize>) -> Option<String> {
    Some(
        match row.kind {
            RowKind::Unchanged => return None,
            RowKind::Edited => "EDITED",
            RowKind::Added => "ADDED",
            RowKind::Removed => "REMOVED",
            RowKind::Split => "SPLIT",
            RowKind::Merged => "MERGED",
            RowKind::Moved => {
                // The sentence now stands here; if it used to stand before the text around it, it moved down.
                let from = row.left.first().copied();
                let down = matches!((from, last_left_index), (Some(f), Some(l)) if f < l);
                if down { "MOVED ↓" } else { "MOVED ↑" }
            }
        }
        .to_string(),
    )
}

fn detail(row: &Row, mode: Mode) -> String {
    let sig = match row.significance {
        Significance::None => return String::new(),
        Significance::Cosmetic => "cosmetic",
        Significance::Substantive => "substantive",
    };
    let head = if row.facets.is_empty() {
        sig.to_string()
    } else {
        let f: Vec<&str> = row.facets.iter().map(|&f| f.name()).collect();
        format!("{sig}: {}", f.join(", "))
    };
    let notes = claim_notes(row, mode);
    if notes.is_empty() {
        head
    } else {
        format!("{head} — {}", notes.join(" · "))
    }
}

/// A row's claim differences in words, as the compare view names them ("Number differs: 3,400 → 2,100",
/// "Hedged: may have → stated"), differing claims first; which claims are named is [`noted`]'s rule.
pub(crate) fn claim_notes(row: &Row, mode: Mode) -> Vec<String> {
    let (l, r) = match mode {
        Mode::Accounts => ("the left account", "the right account"),
        Mode::Revision => ("the old version", "the new version"),
    };
    let text = |c: &Claim| {
        let (a, b) = (
            c.left.as_deref().unwrap_or(""),
            c.right.as_deref().unwrap_or(""),
        );
        let noun = facet_noun(c.facet);
        match (c.facet, c.status) {
            (Facet::Hedge, ClaimStatus::Differs) => format!("Hedged differently: {a} → {b}"),
            (Facet::Hedge, ClaimStatus::LeftOnly) => format!("Hedged: {a} → stated"),
            (Facet::Hedge, _) => format!("Hedged: stated → {b}"),
            (Facet::Negation, ClaimStatus::LeftOnly) => format!("Negated only in {l}: {a}"),
            (Facet::Negation, _) => format!("Negated only in {r}: {b}"),
            (_, ClaimStatus::Differs) => format!("{noun} differs: {a} → {b}"),
            (_, ClaimStatus::LeftOnly) => format!("{noun} only in {l}: {a}"),
            (_, _) => format!("{noun} only in {r}: {b}"),
        }
    };
    let differs = noted(row, mode).filter(|c| c.status == ClaimStatus::Differs);
    let one_sided = noted(row, mode).filter(|c| c.status != ClaimStatus::Differs);
    differs.chain(one_sided).map(text).collect()
}

/// A facet as the notes name it: "Number", "Source" (for attribution).
pub(crate) fn facet_noun(f: Facet) -> String {
    match f {
        Facet::Attribution => "Source".to_string(),
        f => {
            let n = f.name();
            n[..1].to_uppercase() + &n[1..]
        }
    }
}

/// The claims of a row worth naming (and marking): not `same`, and in accounts rows no names only one side
/// mentions, since two tellings name different people and places without contradicting each other.
pub(crate) fn noted(row: &Row, mode: Mode) -> impl Iterator<Item = &Claim> {
    row.claims.iter().filter(move |c| {
        c.status != ClaimStatus::Same
            && !(mode == Mode::Accounts
                && c.facet == Facet::Name
                && c.status != ClaimStatus::Differs)
    })
}

/// One line saying what the export shows, e.g. "Parallax comparison of two revisions of one article · inline redline · all 12 rows".
pub(crate) fn subtitle(req: &ExportRequest, shown: usize) -> String {
    let what = match req.comparison.mode {
        parallax_engine::Mode::Revision => "two revisions of one article",
        parallax_engine::Mode::Accounts => "two outlets' accounts of one event",
    };
    let layout = match req.layout {
        crate::request::Layout::SideBySide => "side by side",
        crate::request::Layout::Inline => "inline redline",
    };
    let total = req.comparison.rows.len();
    let filter = if req.substantive_only {
        format!("substantive changes only ({shown} of {total} rows)")
    } else {
        format!("all {total} rows")
    };
    let words = match (req.comparison.mode, req.word_redline) {
        (Mode::Revision, _) => "",
        (Mode::Accounts, false) => " · claims marked, words not (no word redline)",
        (Mode::Accounts, true) => " · claims marked, with the full word redline",
    };
    format!("Parallax comparison of {what} · {layout} · {filter}{words}")
}

/// Summary counts as (name, count): by kind, by significance, changed rows per facet, then claim differences per
/// facet. Claim differences are counted as the notes name them ([`noted`]), so the count and the rows agree.
pub(crate) fn summary_items(req: &ExportRequest) -> Vec<(String, usize)> {
    let s = &req.comparison.summary;
    let mut items: Vec<(String, usize)> = RowKind::ALL
        .iter()
        .map(|&k| (k.name().to_string(), s.count(k)))
        .collect();
    items.push(("substantive".to_string(), s.substantive));
    items.push(("cosmetic".to_string(), s.cosmetic));
    for f in &s.facets {
        items.push((format!("facet: {}", f.facet.name()), f.count));
    }
    let c = &req.comparison;
    for &facet in Facet::ALL.iter() {
        let n = c
            .rows
            .iter()
            .filter(|r| !r.left.is_empty() && !r.right.is_empty())
            .flat_map(|r| noted(r, c.mode))
            .filter(|cl| cl.facet == facet)
            .count();
        if n > 0 {
            items.push((format!("claim differences: {}", facet.name()), n));
        }
    }
    items
}
