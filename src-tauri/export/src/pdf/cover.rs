//! The first page (title, provenance of both versions, summary of changes, legend), the appendix of highlights
//! and notes, and the running header and "n / N" footer. The comparison rows themselves are `body`'s.

use parallax_engine::RowKind;

use super::body::{INK, MUTED, RULE, body_style, chip_style, detail_style, mark_style};
use super::page::{CONTENT_W, Doc, MARGIN_X, Op};
use super::text::{FontKind, Rgb, TextStyle};
use crate::request::{ExportRequest, ExportSide, HighlightSide};
use crate::view::Mark;

fn bold(size: f32) -> TextStyle {
    TextStyle::plain(FontKind::Bold, size, INK)
}

fn regular(size: f32) -> TextStyle {
    TextStyle::plain(FontKind::Regular, size, INK)
}

fn muted(size: f32) -> TextStyle {
    TextStyle::plain(FontKind::Regular, size, MUTED)
}

fn one(text: impl Into<String>, style: TextStyle) -> Vec<(String, TextStyle)> {
    // Titles and provenance come from outside: their hidden characters are shown as marks.
    let text: String = text.into();
    vec![(parallax_engine::show_hidden(&text).into_owned(), style)]
}

/// Page 1. `shown` is the number of rows after the substantive-only filter.
pub(crate) fn cover(doc: &mut Doc, req: &ExportRequest, shown: usize) {
    doc.y = 48.0;
    doc.paragraph(MARGIN_X, CONTENT_W, &one(&req.title, bold(18.0)), 23.0);
    let sub = crate::view::subtitle(req, shown);
    doc.paragraph(MARGIN_X, CONTENT_W, &one(sub, muted(9.0)), 13.0);
    doc.y += 10.0;

    heading(doc, "Where the texts come from");
    let col_w = (CONTENT_W - 20.0) / 2.0;
    let top = doc.y;
    provenance(doc, "LEFT", &req.left, MARGIN_X, col_w);
    let left_end = doc.y;
    doc.y = top;
    provenance(doc, "RIGHT", &req.right, MARGIN_X + col_w + 20.0, col_w);
    doc.y = doc.y.max(left_end) + 10.0;

    heading(doc, "Summary of changes");
    summary(doc, req);
    doc.y += 10.0;

    heading(doc, "Legend");
    legend(doc);
    if !req.highlights.is_empty() {
        doc.y += 8.0;
        let n = req.highlights.len();
        let text = format!(
            "{n} highlight{} with notes follow{} in the appendix at the end.",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" }
        );
        doc.paragraph(MARGIN_X, CONTENT_W, &one(text, regular(9.0)), 13.0);
    }
}

pub(crate) fn heading(doc: &mut Doc, text: &str) {
    doc.ensure(40.0);
    let w = doc.content_w();
    doc.paragraph(MARGIN_X, w, &one(text, bold(12.0)), 16.0);
    doc.rect(MARGIN_X, doc.y, w, 0.6, RULE);
    doc.y += 6.0;
}

pub(crate) fn provenance(doc: &mut Doc, which: &str, side: &ExportSide, x: f32, w: f32) {
    let head = if side.version_label.is_empty() {
        which.to_string()
    } else {
        format!("{which} · {}", side.version_label)
    };
    doc.paragraph(x, w, &one(head, bold(10.0)), 14.0);
    let none = "not recorded";
    let fields = [
        ("Outlet", side.outlet.as_str()),
        ("Title", side.title.as_str()),
        ("URL", side.url.as_deref().unwrap_or("none (imported text)")),
        ("Published", side.published.as_deref().unwrap_or(none)),
        ("Fetched", side.fetched.as_deref().unwrap_or(none)),
        ("Content hash", side.content_hash.as_str()),
    ];
    for (label, value) in fields {
        doc.paragraph(
            x,
            w,
            &one(
                label.to_uppercase(),
                TextStyle::plain(FontKind::Bold, 6.5, MUTED),
            ),
            9.0,
        );
        let size = if label == "Content hash" { 8.0 } else { 9.0 };
        doc.paragraph(x, w, &one(value, regular(size)), size + 3.5);
        doc.y += 2.5;
    }
}

fn summary(doc: &mut Doc, req: &ExportRequest) {
    let s = &req.comparison.summary;
    let by_kind: Vec<(String, usize)> = RowKind::ALL
        .iter()
        .map(|&k| (k.name().to_string(), s.count(k)))
        .collect();
    let by_sig = vec![
        ("substantive".to_string(), s.substantive),
        ("cosmetic".to_string(), s.cosmetic),
    ];
    let by_facet: Vec<(String, usize)> = s
        .facets
        .iter()
        .map(|f| (f.facet.name().to_string(), f.count))
        .collect();
    let top = doc.y;
    let mut bottom = top;
    let col = CONTENT_W / 3.0;
    for (i, (title, items)) in [
        ("Rows by kind", by_kind),
        ("By significance", by_sig),
        ("Changed rows by facet", by_facet),
    ]
    .into_iter()
    .enumerate()
    {
        let x = MARGIN_X + i as f32 * col;
        doc.y = top;
        doc.paragraph(
            x,
            col - 10.0,
            &one(title, TextStyle::plain(FontKind::Bold, 8.5, MUTED)),
            13.0,
        );
        if items.is_empty() {
            doc.paragraph(x, col - 10.0, &one("no facet changed", muted(9.0)), 12.5);
        }
        for (name, n) in items {
            let num = n.to_string();
            let w = doc.shaper.width(&num, FontKind::Bold, 9.0);
            let y = doc.y;
            doc.paragraph(x, col - 10.0, &one(name, regular(9.0)), 12.5);
            let line = doc.lines(&one(num, bold(9.0)), col);
            doc.draw_line(x + 110.0 - w, y + 12.5 * 0.78, &line[0]);
        }
        bottom = bottom.max(doc.y);
    }
    doc.y = bottom;
}

fn legend(doc: &mut Doc) {
    let body = body_style();
    let entries: Vec<(Vec<(String, TextStyle)>, &str)> = vec![
        (
            one("removed words", mark_style(Mark::Removed, 9.5)),
            "only in the left version: struck through, red background",
        ),
        (
            one("added words", mark_style(Mark::Added, 9.5)),
            "only in the right version: underlined, green background",
        ),
        (
            one(
                "3,400",
                TextStyle {
                    font: FontKind::Bold,
                    boxed: true,
                    ..body
                },
            ),
            "a claim the two sides give differently (a number, date, name, quote, source…): boxed and bold; \
             the note beside the row names it in words",
        ),
        (
            one(
                "county officials",
                TextStyle {
                    dotted: true,
                    ..body
                },
            ),
            "a claim only this side makes: dotted underline. Between two accounts the words themselves are \
             not marked unless the export was asked for the full word redline",
        ),
        (
            one("EDITED", chip_style(RowKind::Edited)),
            "the sentence was reworded; its marks show which words changed",
        ),
        (
            one("ADDED", chip_style(RowKind::Added)),
            "a sentence only in the right version",
        ),
        (
            one("REMOVED", chip_style(RowKind::Removed)),
            "a sentence only in the left version",
        ),
        (
            one("MOVED\u{a0}↓", chip_style(RowKind::Moved)),
            "the sentence stood earlier in the left version (↑: it stood later); shown where it stands now",
        ),
        (
            one("SPLIT", chip_style(RowKind::Split)),
            "one left sentence became several right sentences",
        ),
        (
            one("MERGED", chip_style(RowKind::Merged)),
            "several left sentences became one right sentence",
        ),
        (
            one("substantive: number", detail_style()),
            "the engine's judgement of a change (substantive or cosmetic) and what it touches",
        ),
    ];
    for (sample, text) in entries {
        let y = doc.y;
        let line = doc.lines(&sample, 120.0);
        doc.draw_line(MARGIN_X + 2.0, y + 13.0 * 0.78, &line[0]);
        doc.paragraph(MARGIN_X + 125.0, CONTENT_W - 125.0, &one(text, body), 13.0);
        doc.y = doc.y.max(y + 13.0) + 2.0;
    }
}

/// The appendix: every highlight with the version it was made on and the note.
pub(crate) fn appendix(doc: &mut Doc, req: &ExportRequest) {
    if req.highlights.is_empty() {
        return;
    }
    doc.page_top = None;
    doc.new_page();
    heading(doc, "Appendix: highlights and notes");
    for (i, h) in req.highlights.iter().enumerate() {
        let (which, side) = match h.side {
            HighlightSide::Left => ("LEFT", &req.left),
            HighlightSide::Right => ("RIGHT", &req.right),
        };
        doc.ensure(45.0);
        let head = vec![
            (format!("{}. ", i + 1), bold(9.0)),
            (which.to_string(), chip_style(RowKind::Unchanged)),
            (format!("  {}", side.outlet), muted(8.5)),
        ];
        doc.paragraph(MARGIN_X, CONTENT_W, &head, 14.0);
        let top = doc.y;
        let quote = TextStyle {
            background: Some(Rgb(255, 240, 160)),
            ..regular(9.5)
        };
        doc.paragraph(
            MARGIN_X + 12.0,
            CONTENT_W - 12.0,
            &one(format!("“{}”", h.quote), quote),
            13.0,
        );
        if doc.y > top {
            doc.rect(MARGIN_X + 4.0, top, 2.0, doc.y - top, RULE);
        }
        if let Some(state) = &h.state {
            let line = vec![
                ("On the right version: ".to_string(), bold(9.0)),
                (state.clone(), regular(9.0)),
            ];
            doc.paragraph(MARGIN_X + 12.0, CONTENT_W - 12.0, &line, 13.0);
        }
        if !h.note.is_empty() {
            let note = vec![
                ("Note: ".to_string(), bold(9.0)),
                (h.note.clone(), regular(9.0)),
            ];
            doc.paragraph(MARGIN_X + 12.0, CONTENT_W - 12.0, &note, 13.0);
        }
        doc.y += 8.0;
    }
}

/// Running header (from page 2 on) and "n / N" footer on every page.
pub(crate) fn header_footer(doc: &mut Doc, req: &ExportRequest) {
    let right = format!("{} → {}", req.left.outlet, req.right.outlet);
    running_heads(doc, &req.title, &right);
}

/// "Parallax · title" left and `right` right in the header from page 2 on; "n / N" in every footer.
pub(crate) fn running_heads(doc: &mut Doc, title: &str, right: &str) {
    let total = doc.pages.len();
    let (content_w, page_w, page_h) = (doc.content_w(), doc.w, doc.h);
    let small = muted(7.5);
    let right = right.to_string();
    let right_w = doc
        .shaper
        .width(&right, FontKind::Regular, 7.5)
        .min(content_w / 2.0);
    let left = fit(
        doc,
        &format!("Parallax · {title}"),
        content_w - right_w - 20.0,
        7.5,
    );
    let right = fit(doc, &right, content_w / 2.0, 7.5);
    for n in 0..total {
        let mut ops: Vec<Op> = Vec::new();
        let folio = format!("{} / {}", n + 1, total);
        let w = doc.shaper.width(&folio, FontKind::Regular, 8.0);
        let lines = doc.lines(&one(folio, muted(8.0)), content_w);
        push_line(&mut ops, (page_w - w) / 2.0, page_h - 26.0, &lines[0]);
        if n > 0 {
            let l = doc.lines(&one(left.clone(), small), content_w);
            push_line(&mut ops, MARGIN_X, 34.0, &l[0]);
            let rw = doc.shaper.width(&right, FontKind::Regular, 7.5);
            let r = doc.lines(&one(right.clone(), small), content_w);
            push_line(&mut ops, page_w - MARGIN_X - rw, 34.0, &r[0]);
            ops.push(Op::Rect {
                x: MARGIN_X,
                y: 40.0,
                w: content_w,
                h: 0.5,
                color: RULE,
            });
        }
        doc.pages[n].extend(ops);
    }
}

fn push_line(ops: &mut Vec<Op>, x: f32, y: f32, line: &super::text::Line) {
    for run in &line.runs {
        ops.push(Op::Text {
            x: x + run.x,
            y,
            run: run.clone(),
        });
    }
}

/// Shorten `text` with an ellipsis until it fits `max` points.
fn fit(doc: &mut Doc, text: &str, max: f32, size: f32) -> String {
    if doc.shaper.width(text, FontKind::Regular, size) <= max {
        return text.to_string();
    }
    // The longest prefix that fits with its "…", by bisection: shaping every shorter prefix in
    // turn made an 11,000-character title take minutes.
    let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let with_dots = |k: usize| format!("{}…", &text[..ends[k]]);
    let (mut lo, mut hi) = (0, ends.len()); // prefix of `lo` chars fits; `hi` does not
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if doc.shaper.width(&with_dots(mid), FontKind::Regular, size) <= max {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    with_dots(lo)
}
