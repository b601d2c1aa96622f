//! The comparison body of the PDF: side-by-side row bands and the inline redline, plus the palette that makes
//! the marks (colour for screens, strike/underline/boxes/dots/labels for greyscale print). Cover and appendix live in `cover`.

use parallax_engine::RowKind;

use super::page::{CONTENT_W, Doc, MARGIN_X, Op};
use super::text::{FontKind, Line, Rgb, TextStyle};
use crate::view::{Mark, RowView, Span};

pub(crate) const INK: Rgb = Rgb(25, 25, 25);
pub(crate) const MUTED: Rgb = Rgb(100, 100, 100);
pub(crate) const RULE: Rgb = Rgb(215, 215, 215);
/// Background of removed text (red-ish) and added text (green-ish); tests look for these exact colours.
pub const REMOVED_BG: (u8, u8, u8) = (255, 204, 204);
pub const ADDED_BG: (u8, u8, u8) = (196, 238, 196);

const BODY_SIZE: f32 = 9.5;
const LINE_H: f32 = 13.0;
const CHIP_SIZE: f32 = 6.5;
const DETAIL_SIZE: f32 = 7.0;
const GUTTER: f32 = 16.0;
const PAD: f32 = 4.0;

pub(crate) fn body_style() -> TextStyle {
    TextStyle::plain(FontKind::Regular, BODY_SIZE, INK)
}

pub(crate) fn mark_style(mark: Mark, size: f32) -> TextStyle {
    let base = TextStyle::plain(FontKind::Regular, size, INK);
    match mark {
        Mark::Plain => base,
        Mark::Removed => TextStyle {
            color: Rgb(125, 20, 20),
            background: Some(rgb(REMOVED_BG)),
            strike: true,
            ..base
        },
        Mark::Added => TextStyle {
            color: Rgb(15, 85, 30),
            background: Some(rgb(ADDED_BG)),
            underline: true,
            ..base
        },
    }
}

/// A span's style: its word mark, then its claim mark drawn as lines, so it reads in greyscale print too: a
/// differing claim bold and boxed, a one-sided claim dotted underneath (below where an added word's underline runs).
pub(crate) fn span_style(span: &Span, size: f32) -> TextStyle {
    let base = mark_style(span.mark, size);
    match span.claim {
        None => base,
        Some(c) if c.differs => TextStyle {
            font: FontKind::Bold,
            boxed: true,
            ..base
        },
        Some(_) => TextStyle {
            dotted: true,
            ..base
        },
    }
}

fn rgb(c: (u8, u8, u8)) -> Rgb {
    Rgb(c.0, c.1, c.2)
}

/// The chip style for a row kind; moved and split/merged get their own tint, the rest grey.
pub(crate) fn chip_style(kind: RowKind) -> TextStyle {
    let (bg, fg) = match kind {
        RowKind::Moved => (Rgb(214, 224, 250), Rgb(30, 50, 130)),
        RowKind::Split | RowKind::Merged => (Rgb(250, 228, 196), Rgb(115, 65, 0)),
        _ => (Rgb(226, 226, 226), Rgb(45, 45, 45)),
    };
    TextStyle {
        background: Some(bg),
        chip: true,
        label: true,
        ..TextStyle::plain(FontKind::Bold, CHIP_SIZE, fg)
    }
}

pub(crate) fn detail_style() -> TextStyle {
    TextStyle {
        label: true,
        ..TextStyle::plain(FontKind::Regular, DETAIL_SIZE, MUTED)
    }
}

/// Runs for one cell: label chip, detail, then the text.
fn cell_runs(row: &RowView, spans: &[Span], with_detail: bool) -> Vec<(String, TextStyle)> {
    let mut runs = Vec::new();
    if spans.is_empty() {
        return runs;
    }
    if let Some(label) = &row.label {
        runs.push((label.replace(' ', "\u{a0}"), chip_style(row.kind)));
        runs.push((" ".to_string(), body_style()));
        if with_detail && !row.detail.is_empty() {
            runs.push((format!("{} ", row.detail), detail_style()));
        }
    }
    for s in spans {
        runs.push((s.text.clone(), span_style(s, BODY_SIZE)));
    }
    runs
}

/// Two aligned columns; each row is a band that starts at the same height on both sides.
pub(crate) fn side_by_side(doc: &mut Doc, rows: &[RowView], left_head: &str, right_head: &str) {
    let col_w = (CONTENT_W - GUTTER) / 2.0;
    let right_x = MARGIN_X + col_w + GUTTER;
    doc.page_top = Some(column_heads(doc, left_head, right_head, col_w, right_x));
    doc.new_page();
    for row in rows {
        let left = doc.lines(&cell_runs(row, &row.left, row.right.is_empty()), col_w);
        let right = doc.lines(&cell_runs(row, &row.right, true), col_w);
        if row.new_paragraph {
            doc.y += 5.0;
        }
        let mut from = 0;
        let total = left.len().max(right.len()).max(1);
        while from < total {
            let fit = ((doc.room() - 2.0 * PAD) / LINE_H).floor().max(0.0) as usize;
            let rest = total - from;
            // Keep short rows whole; split a long row only if a useful part fits here.
            if fit < rest && (fit < 2 || rest <= 3) {
                doc.new_page();
                continue;
            }
            let n = fit.min(rest);
            band(
                doc,
                &left[from.min(left.len())..(from + n).min(left.len())],
                MARGIN_X,
            );
            band(
                doc,
                &right[from.min(right.len())..(from + n).min(right.len())],
                right_x,
            );
            let h = n as f32 * LINE_H + 2.0 * PAD;
            let top = doc.y;
            doc.rect(right_x - GUTTER / 2.0 - 0.25, top, 0.5, h, RULE);
            doc.rect(MARGIN_X, top + h - 0.25, CONTENT_W, 0.5, RULE);
            doc.y += h;
            from += n;
        }
    }
}

fn band(doc: &mut Doc, lines: &[Line], x: f32) {
    let mut baseline = doc.y + PAD + LINE_H * 0.78;
    for line in lines {
        doc.draw_line(x, baseline, line);
        baseline += LINE_H;
    }
}

fn column_heads(
    doc: &mut Doc,
    left: &str,
    right: &str,
    col_w: f32,
    right_x: f32,
) -> (Vec<Op>, f32) {
    let style = TextStyle::plain(FontKind::Bold, 8.0, MUTED);
    let mut ops = Vec::new();
    let mut height: f32 = 0.0;
    for (text, x) in [(left, MARGIN_X), (right, right_x)] {
        let lines = doc.lines(&[(text.to_string(), style)], col_w);
        for (i, line) in lines.iter().take(2).enumerate() {
            for run in &line.runs {
                ops.push(Op::Text {
                    x: x + run.x,
                    y: super::page::BODY_TOP + 9.0 + i as f32 * 10.0,
                    run: run.clone(),
                });
            }
        }
        height = height.max(lines.len().min(2) as f32 * 10.0);
    }
    ops.push(Op::Rect {
        x: MARGIN_X,
        y: super::page::BODY_TOP + height + 3.0,
        w: CONTENT_W,
        h: 0.8,
        color: MUTED,
    });
    (ops, height + 4.0)
}

/// One column in the right version's reading order, rows of one paragraph flowing together.
pub(crate) fn inline(doc: &mut Doc, rows: &[RowView]) {
    doc.page_top = None;
    doc.new_page();
    let mut para: Vec<(String, TextStyle)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if row.new_paragraph && i > 0 && !para.is_empty() {
            doc.paragraph(MARGIN_X, CONTENT_W, &para, LINE_H);
            doc.y += 6.0;
            para.clear();
        }
        if let Some(label) = &row.label {
            para.push((label.replace(' ', "\u{a0}"), chip_style(row.kind)));
            para.push((" ".to_string(), body_style()));
            if !row.detail.is_empty() {
                para.push((format!("{} ", row.detail), detail_style()));
            }
        }
        for s in &row.inline {
            para.push((s.text.clone(), span_style(s, BODY_SIZE)));
        }
        if !para
            .last()
            .is_some_and(|(t, _)| t.ends_with(char::is_whitespace))
        {
            para.push((" ".to_string(), body_style()));
        }
    }
    if !para.is_empty() {
        doc.paragraph(MARGIN_X, CONTENT_W, &para, LINE_H);
    }
}
