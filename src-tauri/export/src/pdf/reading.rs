//! The reading PDF of one article version: title, provenance block, the body with the reader's
//! highlights painted in their colours and underlined (so they survive greyscale print), each with
//! a bracketed endnote number, then the numbered notes (with each highlight's state when it was made
//! on another version) and the highlights whose passage this version no longer has.

use std::ops::Range;

use super::body::{INK, MUTED, RULE};
use super::cover::{heading, provenance, running_heads};
use super::page::{CONTENT_W, Doc, MARGIN_X};
use super::text::{FontKind, Rgb, TextStyle};
use crate::error::Result;
use crate::reading::{ReadingHighlight, ReadingRequest};

const BODY_SIZE: f32 = 10.5;
const LINE_H: f32 = 15.0;

fn style(font: FontKind, size: f32, color: Rgb) -> TextStyle {
    TextStyle::plain(font, size, color)
}

fn marked(h: &ReadingHighlight) -> TextStyle {
    let (r, g, b) = h.colour.rgb();
    TextStyle {
        background: Some(Rgb(r, g, b)),
        underline: true,
        ..style(FontKind::Regular, BODY_SIZE, INK)
    }
}

fn number_style() -> TextStyle {
    style(FontKind::Bold, 7.0, MUTED)
}

/// A highlight placed in a paragraph: its byte range, endnote number and the highlight.
type Placed<'a> = (Range<usize>, usize, &'a ReadingHighlight);

/// Highlights placed in one paragraph, in text order, overlaps dropped (the later one keeps its
/// endnote, marked by number only: the second list).
fn placed<'a>(
    paragraph: &str,
    items: &[(usize, &'a ReadingHighlight)],
) -> (Vec<Placed<'a>>, Vec<usize>) {
    let mut found: Vec<Placed<'a>> = items
        .iter()
        .filter_map(|&(n, h)| {
            let text = h.text.as_deref()?;
            parallax_engine::find_passage(paragraph, text).map(|r| (r, n, h))
        })
        .collect();
    found.sort_by_key(|(r, n, _)| (r.start, *n));
    let mut kept: Vec<Placed<'a>> = Vec::new();
    let mut numbers_only = Vec::new();
    for f in found {
        match kept.last() {
            Some((r, _, _)) if f.0.start < r.end => numbers_only.push(f.1),
            _ => kept.push(f),
        }
    }
    (kept, numbers_only)
}

fn paragraph_runs(
    paragraph: &str,
    items: &[(usize, &ReadingHighlight)],
) -> Vec<(String, TextStyle)> {
    let plain = style(FontKind::Regular, BODY_SIZE, INK);
    let (kept, numbers_only) = placed(paragraph, items);
    let mut runs = Vec::new();
    let mut at = 0;
    for (r, n, h) in &kept {
        if r.start > at {
            runs.push((paragraph[at..r.start].to_string(), plain));
        }
        runs.push((paragraph[r.clone()].to_string(), marked(h)));
        runs.push((format!("\u{a0}[{n}]"), number_style()));
        at = r.end;
    }
    runs.push((paragraph[at..].to_string(), plain));
    for n in numbers_only {
        runs.push((format!("\u{a0}[{n}]"), number_style()));
    }
    runs
}

/// Render one version as a reading PDF.
pub fn reading_pdf(req: &ReadingRequest) -> Result<Vec<u8>> {
    let mut doc = Doc::new();
    doc.y = 48.0;
    doc.paragraph(
        MARGIN_X,
        CONTENT_W,
        &[(req.title.clone(), style(FontKind::Bold, 18.0, INK))],
        23.0,
    );
    if let Some(by) = &req.byline {
        doc.paragraph(
            MARGIN_X,
            CONTENT_W,
            &[(by.clone(), style(FontKind::Regular, 9.5, MUTED))],
            14.0,
        );
    }
    doc.y += 8.0;
    heading(&mut doc, "Where this text comes from");
    provenance(
        &mut doc,
        "THIS VERSION",
        &req.provenance,
        MARGIN_X,
        CONTENT_W,
    );
    doc.y += 6.0;
    let numbered: Vec<(usize, &ReadingHighlight)> = req
        .highlights
        .iter()
        .enumerate()
        .map(|(i, h)| (i + 1, h))
        .collect();
    if !numbered.is_empty() {
        let legend = format!(
            "Highlighted passages have a tinted background and an underline, and a number in brackets \
             that leads to the notes at the end ({} highlight{}).",
            numbered.len(),
            if numbered.len() == 1 { "" } else { "s" }
        );
        doc.paragraph(
            MARGIN_X,
            CONTENT_W,
            &[(legend, style(FontKind::Regular, 8.5, MUTED))],
            12.0,
        );
        doc.y += 6.0;
    }
    let outline_text = doc.pages.len() - 1;
    heading(&mut doc, "Text");
    for (p, para) in req.paragraphs.iter().enumerate() {
        let here: Vec<(usize, &ReadingHighlight)> = numbered
            .iter()
            .copied()
            .filter(|(_, h)| h.paragraph == Some(p))
            .collect();
        doc.paragraph(MARGIN_X, CONTENT_W, &paragraph_runs(para, &here), LINE_H);
        doc.y += 7.0;
    }
    let mut outline = vec![("Text".to_string(), outline_text)];
    if !numbered.is_empty() {
        doc.ensure(80.0);
        outline.push(("Notes".to_string(), doc.pages.len() - 1));
        doc.y += 8.0;
        heading(&mut doc, "Notes");
        for (n, h) in &numbered {
            endnote(&mut doc, *n, h);
        }
    }
    running_heads(&mut doc, &req.title, &req.provenance.outlet);
    super::render::render(&doc.pages, &req.title, &outline)
}

fn endnote(doc: &mut Doc, n: usize, h: &ReadingHighlight) {
    doc.ensure(40.0);
    let bold = style(FontKind::Bold, 9.0, INK);
    let regular = style(FontKind::Regular, 9.0, INK);
    let muted = style(FontKind::Regular, 8.5, MUTED);
    let mut head = vec![
        (format!("[{n}] "), bold),
        (format!("{} ", h.colour.name()), muted),
    ];
    if h.paragraph.is_none() {
        head.push(("detached: no longer in this version ".to_string(), bold));
    }
    head.push((
        format!("“{}”", h.quote),
        TextStyle {
            background: Some(tint(h)),
            ..regular
        },
    ));
    let (top, page) = (doc.y, doc.pages.len());
    doc.paragraph(MARGIN_X, CONTENT_W, &head, 13.0);
    if let Some(state) = &h.state {
        doc.paragraph(
            MARGIN_X + 14.0,
            CONTENT_W - 14.0,
            &[(state.clone(), muted)],
            12.0,
        );
    }
    if let Some(note) = h.note.as_deref().filter(|n| !n.trim().is_empty()) {
        doc.paragraph(
            MARGIN_X + 14.0,
            CONTENT_W - 14.0,
            &[("Note: ".to_string(), bold), (note.to_string(), regular)],
            13.0,
        );
    }
    // A rule beside the note ties its lines together (only when it did not break across pages).
    if doc.pages.len() == page && doc.y > top {
        doc.rect(MARGIN_X - 6.0, top, 1.5, doc.y - top, RULE);
    }
    doc.y += 6.0;
}

fn tint(h: &ReadingHighlight) -> Rgb {
    let (r, g, b) = h.colour.rgb();
    Rgb(r, g, b)
}
