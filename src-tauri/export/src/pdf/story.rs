//! The story PDF: a cover (title, the summary in words, the provenance of every account, how to read the
//! table), the claim table (one column per account, landscape when there are more than two, each row headed by
//! its coverage, who reported it first and its disputes in words, disputed values bold and underlined so they
//! survive greyscale print), and a page of what each outlet leaves out. Wording is `crate::story`'s.

use parallax_engine::story::StoryClaim;

use super::body::{INK, MUTED, RULE};
use super::cover::{heading, provenance, running_heads};
use super::page::{BODY_TOP, Doc, MARGIN_X, Op};
use super::text::{FontKind, Rgb, TextStyle};
use crate::error::Result;
use crate::story::StoryExport;

/// Background of a disputed value in the story PDF (tests look for it); bold and underline carry the mark without colour.
pub const DISPUTED_BG: (u8, u8, u8) = (255, 228, 160);
const DISPUTE_INK: Rgb = Rgb(110, 70, 0);
const NUM_W: f32 = 20.0;
const GAP: f32 = 8.0;
const PAD: f32 = 3.5;
/// Height a provenance block needs (six labelled fields, a long URL or hash on two lines).
const PROVENANCE_H: f32 = 175.0;

fn plain(font: FontKind, size: f32, color: Rgb) -> TextStyle {
    TextStyle::plain(font, size, color)
}

fn one(text: impl Into<String>, style: TextStyle) -> Vec<(String, TextStyle)> {
    vec![(
        parallax_engine::show_hidden(&text.into()).into_owned(),
        style,
    )]
}

/// Sizes that keep ten narrow columns readable and two wide ones comfortable.
struct Sizes {
    body: f32,
    line: f32,
    meta: f32,
}

fn sizes(accounts: usize) -> Sizes {
    let body = if accounts > 4 { 7.5 } else { 9.0 };
    Sizes {
        body,
        line: body * 1.4,
        meta: 7.5,
    }
}

/// Render a story as a PDF.
pub fn story_pdf(req: &StoryExport) -> Result<Vec<u8>> {
    let n = req.story.accounts.len();
    let mut doc = if n > 2 { Doc::landscape() } else { Doc::new() };
    cover(&mut doc, req);
    let mut outline = vec![("Summary and provenance".to_string(), 0)];
    outline.push(("Claims".to_string(), doc.pages.len()));
    table(&mut doc, req);
    doc.page_top = None;
    doc.new_page();
    outline.push((
        "What each outlet leaves out".to_string(),
        doc.pages.len() - 1,
    ));
    omissions(&mut doc, req);
    running_heads(&mut doc, &req.title, &format!("{n} accounts"));
    super::render::render_sized(&doc.pages, &req.title, &outline, (doc.w, doc.h))
}

fn cover(doc: &mut Doc, req: &StoryExport) {
    let w = doc.content_w();
    doc.y = 48.0;
    doc.paragraph(
        MARGIN_X,
        w,
        &one(&req.title, plain(FontKind::Bold, 18.0, INK)),
        23.0,
    );
    doc.paragraph(
        MARGIN_X,
        w,
        &one(req.header(), plain(FontKind::Bold, 10.0, INK)),
        14.0,
    );
    doc.y += 8.0;
    heading(doc, "Where the accounts come from");
    let per_row = if doc.w > doc.h { 4 } else { 2 };
    let col_w = (w - GAP * 2.0 * (per_row as f32 - 1.0)) / per_row as f32;
    for (r, chunk) in req.accounts.chunks(per_row).enumerate() {
        // A row of provenance blocks stays on one page (each block is about 150 points high).
        doc.ensure(PROVENANCE_H);
        let top = doc.y;
        let mut bottom = top;
        for (j, side) in chunk.iter().enumerate() {
            doc.y = top;
            let k = r * per_row + j;
            let x = MARGIN_X + j as f32 * (col_w + 2.0 * GAP);
            provenance(doc, &format!("ACCOUNT {}", k + 1), side, x, col_w);
            bottom = bottom.max(doc.y);
        }
        doc.y = bottom + 6.0;
    }
    heading(doc, "How to read the table");
    let s = sizes(req.story.accounts.len());
    let entries: Vec<(Vec<(String, TextStyle)>, &str)> = vec![
        (
            one("3,400", disputed_style(s.body)),
            "a value the accounts give differently: bold and underlined (tinted on screen)",
        ),
        (
            one("⚠ Number disputed: …", dispute_line_style(s.meta)),
            "above a row: each disputed value with the outlet that gives it",
        ),
        (
            one(
                "— not in this account",
                plain(FontKind::Regular, s.body, MUTED),
            ),
            "the account leaves the claim out",
        ),
        (
            one(
                "in 2 of 3 accounts",
                plain(FontKind::Regular, s.meta, MUTED),
            ),
            "how many accounts carry the claim, and which one published it first",
        ),
    ];
    for (sample, text) in entries {
        let y = doc.y;
        let line = doc.lines(&sample, 140.0);
        doc.draw_line(MARGIN_X + 2.0, y + 13.0 * 0.78, &line[0]);
        doc.paragraph(
            MARGIN_X + 150.0,
            w - 150.0,
            &one(text, plain(FontKind::Regular, 9.0, INK)),
            13.0,
        );
        doc.y = doc.y.max(y + 13.0) + 2.0;
    }
    doc.paragraph(
        MARGIN_X,
        w,
        &one(
            "Rows follow the reading order of the earliest account (the first column). A sentence belongs to one row.",
            plain(FontKind::Regular, 9.0, MUTED),
        ),
        13.0,
    );
}

fn disputed_style(size: f32) -> TextStyle {
    TextStyle {
        background: Some(Rgb(DISPUTED_BG.0, DISPUTED_BG.1, DISPUTED_BG.2)),
        underline: true,
        ..plain(FontKind::Bold, size, INK)
    }
}

fn dispute_line_style(size: f32) -> TextStyle {
    plain(FontKind::Bold, size, DISPUTE_INK)
}

/// x of account column `k` and the column width.
fn column(doc: &Doc, n: usize, k: usize) -> (f32, f32) {
    let col_w = (doc.content_w() - NUM_W) / n as f32;
    (MARGIN_X + NUM_W + k as f32 * col_w, col_w)
}

fn column_heads(doc: &mut Doc, req: &StoryExport) -> (Vec<Op>, f32) {
    let n = req.story.accounts.len();
    let style = plain(FontKind::Bold, 8.0, INK);
    let mut ops = Vec::new();
    let mut height: f32 = 10.0;
    for k in 0..n {
        let (x, w) = column(doc, n, k);
        let lines = doc.lines(&one(req.name(k), style), w - 2.0 * PAD);
        for (i, line) in lines.iter().take(2).enumerate() {
            for run in &line.runs {
                ops.push(Op::Text {
                    x: x + PAD + run.x,
                    y: BODY_TOP + 9.0 + i as f32 * 10.0,
                    run: run.clone(),
                });
            }
        }
        height = height.max(lines.len().min(2) as f32 * 10.0);
    }
    ops.push(Op::Rect {
        x: MARGIN_X,
        y: BODY_TOP + height + 3.0,
        w: doc.content_w(),
        h: 0.8,
        color: MUTED,
    });
    (ops, height + 6.0)
}

/// Whether account `k`'s atom text is a value the row disputes for it.
fn is_disputed(c: &StoryClaim, k: usize, atom: &str) -> bool {
    c.disputes.iter().any(|d| {
        d.values
            .iter()
            .any(|v| v.account == k && v.text.contains(atom))
    })
}

/// One cell's runs: the account's sentences with disputed values marked, or the "not in" word.
fn cell_runs(req: &StoryExport, c: &StoryClaim, k: usize, size: f32) -> Vec<(String, TextStyle)> {
    let text = req.cell_text(c, k);
    if text.is_empty() {
        return one(
            "— not in this account",
            plain(FontKind::Regular, size, MUTED),
        );
    }
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for atom in &c.cells[k].atoms {
        if atom.text.is_empty() || !is_disputed(c, k, &atom.text) {
            continue;
        }
        if let Some(start) = text.find(&atom.text) {
            let end = start + atom.text.len();
            if !spans.iter().any(|&(s, e)| start < e && s < end) {
                spans.push((start, end));
            }
        }
    }
    spans.sort_unstable();
    let body = plain(FontKind::Regular, size, INK);
    let mut runs = Vec::new();
    let mut at = 0;
    for (s, e) in spans {
        if s > at {
            runs.push((text[at..s].to_string(), body));
        }
        runs.push((text[s..e].to_string(), disputed_style(size)));
        at = e;
    }
    if at < text.len() {
        runs.push((text[at..].to_string(), body));
    }
    runs
}

fn table(doc: &mut Doc, req: &StoryExport) {
    let n = req.story.accounts.len();
    let s = sizes(n);
    doc.page_top = Some(column_heads(doc, req));
    doc.new_page();
    let w = doc.content_w();
    for (i, c) in req.story.claims.iter().enumerate() {
        let mut meta = format!("Claim {} · {}", i + 1, req.coverage(c));
        if let Some(first) = req.reported_first(c) {
            meta.push_str(&format!(" · {first}"));
        }
        let mut head = doc.lines(&one(meta, plain(FontKind::Regular, s.meta, MUTED)), w);
        for d in req.disputes(c) {
            head.extend(doc.lines(&one(format!("⚠ {d}"), dispute_line_style(s.meta)), w));
        }
        let cells: Vec<_> = (0..n)
            .map(|k| {
                let (_, cw) = column(doc, n, k);
                doc.lines(&cell_runs(req, c, k, s.body), cw - 2.0 * PAD)
            })
            .collect();
        let meta_h = head.len() as f32 * (s.meta + 3.0) + 2.0;
        let total = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        // Keep the row's head with at least two of its lines.
        if doc.room() < meta_h + s.line * total.min(2) as f32 + 2.0 * PAD {
            doc.new_page();
        }
        let mut baseline = doc.y + s.meta;
        for line in &head {
            doc.draw_line(MARGIN_X + NUM_W, baseline, line);
            baseline += s.meta + 3.0;
        }
        doc.y += meta_h;
        let number = doc.lines(
            &one((i + 1).to_string(), plain(FontKind::Bold, s.meta, MUTED)),
            NUM_W,
        );
        let mut from = 0;
        let mut first_part = true;
        while from < total {
            let fit = ((doc.room() - 2.0 * PAD) / s.line).floor().max(0.0) as usize;
            if fit == 0 {
                doc.new_page();
                continue;
            }
            let rows = fit.min(total - from);
            let top = doc.y;
            if first_part {
                doc.draw_line(MARGIN_X, top + PAD + s.line * 0.78, &number[0]);
                first_part = false;
            }
            for (k, lines) in cells.iter().enumerate() {
                let (x, _) = column(doc, n, k);
                let mut b = top + PAD + s.line * 0.78;
                for line in lines.iter().skip(from).take(rows) {
                    doc.draw_line(x + PAD, b, line);
                    b += s.line;
                }
                if k > 0 {
                    doc.rect(x - 0.25, top, 0.5, rows as f32 * s.line + 2.0 * PAD, RULE);
                }
            }
            doc.y = top + rows as f32 * s.line + 2.0 * PAD;
            from += rows;
        }
        doc.rect(MARGIN_X, doc.y, w, 0.5, RULE);
        doc.y += 2.0;
    }
}

fn omissions(doc: &mut Doc, req: &StoryExport) {
    let w = doc.content_w();
    heading(doc, "What each outlet leaves out");
    doc.paragraph(
        MARGIN_X,
        w,
        &one(
            "Claims other accounts carry that this outlet's account does not, by claim number in the table.",
            plain(FontKind::Regular, 9.0, MUTED),
        ),
        13.0,
    );
    doc.y += 4.0;
    for (k, list) in req.omissions().iter().enumerate() {
        doc.ensure(40.0);
        let head = format!(
            "{} leaves out {} {}",
            req.name(k),
            list.len(),
            if list.len() == 1 { "claim" } else { "claims" }
        );
        doc.paragraph(
            MARGIN_X,
            w,
            &one(head, plain(FontKind::Bold, 10.0, INK)),
            15.0,
        );
        if list.is_empty() {
            doc.paragraph(
                MARGIN_X + 12.0,
                w - 12.0,
                &one(
                    "nothing another account carries",
                    plain(FontKind::Regular, 9.0, MUTED),
                ),
                13.0,
            );
        }
        for &i in list {
            let runs = vec![
                (
                    format!("Claim {}: ", i + 1),
                    plain(FontKind::Bold, 9.0, INK),
                ),
                (
                    req.gist(&req.story.claims[i], 160),
                    plain(FontKind::Regular, 9.0, INK),
                ),
            ];
            doc.paragraph(MARGIN_X + 12.0, w - 12.0, &runs, 13.0);
        }
        doc.y += 6.0;
    }
}
