//! The rows as every format shows them: which rows are kept, what each cell says, which label a row carries.
//! Shared by the PDF, HTML and Markdown writers so their marks agree; drawing and escaping are theirs.

use parallax_engine::{
    Claim, ClaimStatus, Comparison, Facet, Mode, Row, RowKind, Significance, Tag, show_hidden,
};

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
        let (left, right, inline) = cells(c, row);
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
/// "Hedged: may have → stated"), differing claims first. Names only one account mentions are left out of
/// accounts rows: two tellings name different people and places without contradicting each other.
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
        let noun = match c.facet {
            Facet::Attribution => "Source".to_string(),
            f => {
                let n = f.name();
                n[..1].to_uppercase() + &n[1..]
            }
        };
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
    let shown = |c: &&Claim| {
        c.status != ClaimStatus::Same
            && !(mode == Mode::Accounts
                && c.facet == Facet::Name
                && c.status != ClaimStatus::Differs)
    };
    let differs = row
        .claims
        .iter()
        .filter(shown)
        .filter(|c| c.status == ClaimStatus::Differs);
    let one_sided = row
        .claims
        .iter()
        .filter(shown)
        .filter(|c| c.status != ClaimStatus::Differs);
    differs.chain(one_sided).map(text).collect()
}

/// Left cell, right cell and inline redline of a row. Segments are authoritative; when a row carries none
/// (e.g. an unchanged row from an older engine) the sentences themselves are shown.
fn cells(c: &Comparison, row: &Row) -> (Vec<Span>, Vec<Span>, Vec<Span>) {
    if row.segments.iter().any(|s| !s.text.is_empty()) {
        let mut left = Vec::new();
        let mut right = Vec::new();
        let mut inline = Vec::new();
        for seg in &row.segments {
            let mark = match seg.tag {
                Tag::Equal => Mark::Plain,
                Tag::Delete => Mark::Removed,
                Tag::Insert => Mark::Added,
            };
            if seg.tag != Tag::Insert {
                push(&mut left, &seg.text, mark);
            }
            if seg.tag != Tag::Delete {
                push(&mut right, &seg.text, mark);
            }
            // In one line of text a deletion directly followed by an insertion would read as one word
            // ("4.25.8"); a space between them keeps both legible and searchable.
            if mark == Mark::Added
                && inline.last().is_some_and(|s: &Span| {
                    s.mark == Mark::Removed && !s.text.ends_with(char::is_whitespace)
                })
                && !seg.text.starts_with(char::is_whitespace)
            {
                push(&mut inline, " ", Mark::Plain);
            }
            push(&mut inline, &seg.text, mark);
        }
        return (left, right, inline);
    }
    let join = |idx: &[usize], sents: &[parallax_engine::Sentence]| {
        idx.iter()
            .filter_map(|&i| sents.get(i))
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let l = join(&row.left, &c.left);
    let r = join(&row.right, &c.right);
    let (lm, rm) = match row.kind {
        RowKind::Unchanged | RowKind::Moved => (Mark::Plain, Mark::Plain),
        _ => (Mark::Removed, Mark::Added),
    };
    let mut left = Vec::new();
    let mut right = Vec::new();
    push(&mut left, &l, lm);
    push(&mut right, &r, rm);
    let inline = if row.kind == RowKind::Unchanged || row.kind == RowKind::Moved {
        right.clone()
    } else {
        let mut v = left.clone();
        if !v.is_empty() && !right.is_empty() {
            push(&mut v, " ", Mark::Plain);
        }
        v.extend(right.iter().cloned());
        v
    };
    (left, right, inline)
}

fn push(v: &mut Vec<Span>, text: &str, mark: Mark) {
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
        Some(last) if last.mark == mark => last.text.push_str(text),
        _ => v.push(Span {
            text: text.to_string(),
            mark,
        }),
    }
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
    format!("Parallax comparison of {what} · {layout} · {filter}")
}

/// Summary counts as (name, count): by kind, by significance, then changed rows per facet.
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
    items
}
