//! Paints the page model into a PDF with krilla: fills for backgrounds and rules, real glyphs (with their text,
//! so the PDF is selectable and searchable) for words. krilla embeds and subsets the fonts.

use krilla::Document;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::page::{Op, PAGE_H, PAGE_W};
use super::text::{Face, Glyph, Rgb};
use crate::error::{Error, Result};

/// Paint `pages` on A4 portrait; `outline` lists bookmarks as (title, page index).
pub(crate) fn render(
    pages: &[Vec<Op>],
    title: &str,
    outline: &[(String, usize)],
) -> Result<Vec<u8>> {
    render_sized(pages, title, outline, (PAGE_W, PAGE_H))
}

/// [`render`] on pages of `size` (width, height) points.
pub(crate) fn render_sized(
    pages: &[Vec<Op>],
    title: &str,
    outline: &[(String, usize)],
    size: (f32, f32),
) -> Result<Vec<u8>> {
    let fonts = Face::ALL
        .iter()
        .map(|f| {
            let (bytes, index) = f.data();
            Font::new(bytes.into(), index)
                .ok_or_else(|| Error::Pdf("the embedded font could not be read".into()))
        })
        .collect::<Result<Vec<Font>>>()?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .creator("Parallax".to_string())
            .producer("Parallax (krilla)".to_string()),
    );
    let settings =
        PageSettings::from_wh(size.0, size.1).ok_or_else(|| Error::Pdf("bad page size".into()))?;
    for ops in pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Rect { x, y, w, h, color } => fill_rect(&mut surface, *x, *y, *w, *h, *color),
                Op::Text { x, y, run } => {
                    let st = run.style;
                    let size = st.size;
                    let pad = if st.chip { 1.8 } else { 0.0 };
                    if let Some(bg) = st.background {
                        fill_rect(
                            &mut surface,
                            x - pad,
                            y - size * 0.93,
                            run.width + 2.0 * pad,
                            size * 1.2,
                            bg,
                        );
                    }
                    set_fill(&mut surface, st.color);
                    // One draw per stretch of glyphs from the same face (a fallback face is its own PDF font).
                    let mut pen = *x;
                    for group in run.glyphs.chunk_by(|a, b| a.face == b.face) {
                        let font = fonts[Face::ALL
                            .iter()
                            .position(|f| *f == group[0].face)
                            .unwrap_or(0)]
                        .clone();
                        pen += draw_group(&mut surface, pen, *y, group, font, &run.text, size);
                    }
                    let thick = (size * 0.07).max(0.5);
                    if st.strike {
                        fill_rect(
                            &mut surface,
                            *x,
                            y - size * 0.32,
                            run.width,
                            thick,
                            st.color,
                        );
                    }
                    if st.boxed {
                        outline_rect(
                            &mut surface,
                            x - 1.2,
                            y - size * 0.93,
                            run.width + 2.4,
                            size * 1.2,
                            thick,
                            st.color,
                        );
                    }
                    if st.dotted {
                        dotted_line(
                            &mut surface,
                            *x,
                            y + size * 0.24,
                            run.width,
                            thick,
                            st.color,
                        );
                    }
                    if st.underline {
                        fill_rect(
                            &mut surface,
                            *x,
                            y + size * 0.13,
                            run.width,
                            thick,
                            st.color,
                        );
                    }
                }
            }
        }
        surface.finish();
        page.finish();
    }
    let mut tree = Outline::new();
    for (text, page) in outline {
        if *page < pages.len() {
            tree.push_child(OutlineNode::new(
                text.clone(),
                XyzDestination::new(*page, Point::from_xy(0.0, 0.0)),
            ));
        }
    }
    document.set_outline(tree);
    document.finish().map_err(|e| Error::Pdf(e.to_string()))
}

/// Draws glyphs of one face at (`x`, `y`) with the text they show; returns their advance in points.
fn draw_group(
    surface: &mut Surface,
    x: f32,
    y: f32,
    group: &[Glyph],
    font: Font,
    text: &str,
    size: f32,
) -> f32 {
    let lo = group.iter().map(|g| g.start).min().unwrap_or(0);
    let hi = group.iter().map(|g| g.end).max().unwrap_or(lo);
    let glyphs: Vec<KrillaGlyph> = group
        .iter()
        .map(|g| {
            KrillaGlyph::new(
                GlyphId::new(g.id),
                g.advance,
                g.x_offset,
                g.y_offset,
                0.0,
                g.start - lo..g.end - lo,
                None,
            )
        })
        .collect();
    surface.draw_glyphs(
        Point::from_xy(x, y),
        &glyphs,
        font,
        &text[lo..hi],
        size,
        false,
    );
    group.iter().map(|g| g.advance * size).sum()
}

fn set_fill(surface: &mut Surface, c: Rgb) {
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }));
}

/// The four sides of a rectangle, `t` points thick, inside (`x`, `y`, `w`, `h`).
fn outline_rect(surface: &mut Surface, x: f32, y: f32, w: f32, h: f32, t: f32, c: Rgb) {
    fill_rect(surface, x, y, w, t, c);
    fill_rect(surface, x, y + h - t, w, t, c);
    fill_rect(surface, x, y, t, h, c);
    fill_rect(surface, x + w - t, y, t, h, c);
}

/// A horizontal line of square dots at least `t` points wide, `w` long.
fn dotted_line(surface: &mut Surface, x: f32, y: f32, w: f32, t: f32, c: Rgb) {
    let dot = t.max(0.9);
    let step = dot * 2.2;
    let mut at = 0.0;
    while at < w {
        fill_rect(surface, x + at, y, dot.min(w - at), dot, c);
        at += step;
    }
}

fn fill_rect(surface: &mut Surface, x: f32, y: f32, w: f32, h: f32, c: Rgb) {
    let Some(rect) = Rect::from_xywh(x, y, w.max(0.01), h.max(0.01)) else {
        return;
    };
    let mut pb = PathBuilder::new();
    pb.push_rect(rect);
    if let Some(path) = pb.finish() {
        set_fill(surface, c);
        surface.draw_path(&path);
    }
}
