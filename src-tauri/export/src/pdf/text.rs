//! Fonts, shaping and line breaking for the PDF: runs of styled text become lines of positioned glyphs.
//! Break opportunities come from the Unicode line-breaking algorithm (UAX #14, `unicode-linebreak`) and widths
//! from the font's own advances (shaped with rustybuzz, the shaper krilla itself uses). Page placement is the
//! layout module's job. Each character comes from the first face of a fallback chain that has it (see
//! `fonts/README.md`), so CJK text inside a Latin sentence gets real glyphs instead of boxes. Lines holding
//! right-to-left text are put into visual order by `bidi.rs`.

use std::collections::HashMap;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::bidi;

static REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");
static CJK: &[u8] = include_bytes!("../../fonts/wqy-microhei.ttc");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum FontKind {
    Regular,
    Bold,
}

/// A font file glyphs are drawn from: the style's own DejaVu face, or the fallback for what DejaVu lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Face {
    Regular,
    Bold,
    Cjk,
}

impl Face {
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Cjk];
    /// Faces tried, in order, for a character the style's own face lacks.
    const FALLBACKS: [Face; 1] = [Face::Cjk];

    fn of(kind: FontKind) -> Face {
        match kind {
            FontKind::Regular => Face::Regular,
            FontKind::Bold => Face::Bold,
        }
    }

    /// The font file and the index of the face inside it (the CJK file is a collection).
    pub fn data(self) -> (&'static [u8], u32) {
        match self {
            Face::Regular => (REGULAR, 0),
            Face::Bold => (BOLD, 0),
            Face::Cjk => (CJK, 0),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// An RGB colour, 0–255 per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

/// How a run is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub font: FontKind,
    pub size: f32,
    pub color: Rgb,
    pub background: Option<Rgb>,
    pub strike: bool,
    pub underline: bool,
    /// A claim the two sides give differently: a box is drawn around the letters.
    pub boxed: bool,
    /// A claim only this side makes: a dotted line is drawn under the letters.
    pub dotted: bool,
    /// Drawn as a label chip: the background reaches a little beyond the letters.
    pub chip: bool,
    /// The app's own words (a row's label and detail), not the article's: they do not decide whether a
    /// paragraph reads left to right or right to left.
    pub label: bool,
}

impl TextStyle {
    pub fn plain(font: FontKind, size: f32, color: Rgb) -> Self {
        TextStyle {
            font,
            size,
            color,
            background: None,
            strike: false,
            underline: false,
            boxed: false,
            dotted: false,
            chip: false,
            label: false,
        }
    }
}

/// A glyph with advances in em units (multiply by the font size).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    pub face: Face,
    pub id: u32,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// Byte range in the run's text that this glyph shows.
    pub start: usize,
    pub end: usize,
}

/// A run placed on a line: its x offset from the line start, its text and glyphs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlacedRun {
    pub x: f32,
    pub width: f32,
    pub text: String,
    pub glyphs: Vec<Glyph>,
    pub style: TextStyle,
}

/// One laid-out line.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Line {
    pub runs: Vec<PlacedRun>,
    pub width: f32,
}

/// The embedded faces and a cache of shaped pieces (words repeat a lot in two versions of one text).
pub(crate) struct Shaper {
    faces: Vec<rustybuzz::Face<'static>>,
    cache: HashMap<(FontKind, String), (Vec<Glyph>, f32)>,
}

impl Shaper {
    pub fn new() -> Self {
        // The bytes are compiled in and known to be valid TrueType fonts.
        let faces = Face::ALL
            .iter()
            .map(|f| {
                let (bytes, index) = f.data();
                rustybuzz::Face::from_slice(bytes, index).expect("embedded font parses")
            })
            .collect();
        Shaper {
            faces,
            cache: HashMap::new(),
        }
    }

    /// Shape `text` in the style's font, falling back per character; returns glyphs and the advance in em units.
    fn shape(&mut self, font: FontKind, text: &str) -> (Vec<Glyph>, f32) {
        if let Some(hit) = self.cache.get(&(font, text.to_string())) {
            return hit.clone();
        }
        let mut glyphs = Vec::with_capacity(text.len());
        let mut total = 0.0;
        for (start, end, face) in self.face_runs(Face::of(font), text) {
            // Right-to-left letters are measured as drawn (Arabic joins); `bidi` orders them on the line.
            let rtl = bidi::has_rtl(&text[start..end]);
            total += self.shape_in(face, text, start, end, rtl, &mut glyphs);
        }
        let result = (glyphs, total);
        if text.len() <= 64 {
            self.cache.insert((font, text.to_string()), result.clone());
        }
        result
    }

    /// Shapes `text` in one direction, glyphs in drawing order (left to right): for right-to-left text the
    /// fallback-face stretches come last-first and each is shaped right to left. Not cached (only bidi lines).
    pub(super) fn shape_dir(&mut self, font: FontKind, text: &str, rtl: bool) -> (Vec<Glyph>, f32) {
        let mut runs = self.face_runs(Face::of(font), text);
        if rtl {
            runs.reverse();
        }
        let mut glyphs = Vec::with_capacity(text.len());
        let mut total = 0.0;
        for (start, end, face) in runs {
            total += self.shape_in(face, text, start, end, rtl, &mut glyphs);
        }
        (glyphs, total)
    }

    /// Splits `text` into (start, end, face) runs: each character takes the first face that has a glyph for it.
    /// Spaces and combining marks stay with the run they are in, so a mark is shaped with its base letter.
    fn face_runs(&self, primary: Face, text: &str) -> Vec<(usize, usize, Face)> {
        let mut runs: Vec<(usize, usize, Face)> = Vec::new();
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            let has = |f: Face| self.faces[f.index()].glyph_index(c).is_some();
            let face = match runs.last() {
                Some(&(_, _, current)) if c.is_whitespace() || is_mark(c) => current,
                _ if has(primary) => primary,
                _ => Face::FALLBACKS
                    .into_iter()
                    .find(|&f| has(f))
                    .unwrap_or(primary),
            };
            match runs.last_mut() {
                Some(last) if last.2 == face => last.1 = end,
                _ => runs.push((i, end, face)),
            }
        }
        runs
    }

    /// Shapes `text[start..end]` in one face, appending glyphs whose byte ranges index `text`; returns the advance.
    fn shape_in(
        &self,
        face: Face,
        text: &str,
        start: usize,
        end: usize,
        rtl: bool,
        glyphs: &mut Vec<Glyph>,
    ) -> f32 {
        let font = &self.faces[face.index()];
        let upem = font.units_per_em() as f32;
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(&text[start..end]);
        buffer.guess_segment_properties();
        buffer.set_direction(if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        let out = rustybuzz::shape(font, &[], buffer);
        let infos = out.glyph_infos();
        let pos = out.glyph_positions();
        // A glyph shows the text from its cluster to the next cluster up (right-to-left glyphs come in
        // decreasing cluster order, so "next in the buffer" would not do).
        let mut clusters: Vec<u32> = infos.iter().map(|g| g.cluster).collect();
        clusters.sort_unstable();
        clusters.dedup();
        let mut total = 0.0;
        for i in 0..infos.len() {
            let from = start + infos[i].cluster as usize;
            let to = clusters
                .get(clusters.partition_point(|&c| c <= infos[i].cluster))
                .map_or(end, |&c| start + c as usize);
            let advance = pos[i].x_advance as f32 / upem;
            total += advance;
            glyphs.push(Glyph {
                face,
                id: infos[i].glyph_id,
                advance,
                x_offset: pos[i].x_offset as f32 / upem,
                y_offset: pos[i].y_offset as f32 / upem,
                start: from,
                end: to,
            });
        }
        total
    }

    /// Width of `text` in points.
    pub fn width(&mut self, text: &str, font: FontKind, size: f32) -> f32 {
        self.shape(font, text).1 * size
    }

    /// Break styled runs into lines no wider than `max_width` points.
    pub fn break_lines(&mut self, runs: &[(String, TextStyle)], max_width: f32) -> Vec<Line> {
        let mut full = String::new();
        let mut bounds = Vec::with_capacity(runs.len());
        for (text, style) in runs {
            let start = full.len();
            full.push_str(text);
            bounds.push((start, full.len(), *style));
        }
        let mut atoms = Vec::new();
        let mut prev = 0;
        for (at, kind) in linebreaks(&full) {
            if at > prev {
                atoms.push((prev, at, kind == BreakOpportunity::Mandatory));
            }
            prev = at;
        }
        let mut lines = vec![Line::default()];
        for (start, end, mandatory) in atoms {
            let pieces = self.atom_pieces(&full, &bounds, start, end);
            let core: f32 = pieces.iter().map(|p| p.core_width).sum::<f32>()
                + pieces[..pieces.len() - 1]
                    .iter()
                    .map(|p| p.ws_width)
                    .sum::<f32>();
            let line = lines.last_mut().expect("one line at least");
            if !line.runs.is_empty() && line.width + core > max_width {
                lines.push(Line::default());
            }
            if lines.last().is_some_and(|l| l.runs.is_empty()) && core > max_width {
                // A single unbreakable piece (a long URL or hash): break it between characters.
                self.place_by_chars(&mut lines, &full, &bounds, start, end, max_width);
            } else {
                let line = lines.last_mut().expect("one line at least");
                for p in pieces {
                    place(line, p);
                }
            }
            if mandatory && end < full.len() {
                lines.push(Line::default());
            }
        }
        // Where each line's text starts in `full` (all of it is placed, in order, before trimming).
        let mut starts = Vec::with_capacity(lines.len());
        let mut at = 0;
        for line in &mut lines {
            starts.push(at);
            at += line.runs.iter().map(|r| r.text.len()).sum::<usize>();
            trim_trailing_space(line);
        }
        if bidi::has_rtl(&full) {
            let info = unicode_bidi::BidiInfo::new(&full, bidi::base_level(runs));
            for (line, &start) in lines.iter_mut().zip(&starts) {
                bidi::to_visual(self, &full, &info, line, start, max_width);
            }
        }
        lines.retain(|l| !l.runs.is_empty());
        lines
    }

    fn atom_pieces(
        &mut self,
        full: &str,
        bounds: &[(usize, usize, TextStyle)],
        start: usize,
        end: usize,
    ) -> Vec<Piece> {
        let mut pieces = Vec::new();
        for &(bs, be, style) in bounds {
            let s = bs.max(start);
            let e = be.min(end);
            if s >= e {
                continue;
            }
            let text = &full[s..e];
            let core_text = text.trim_end();
            let (mut glyphs, core_em) = self.shape(style.font, core_text);
            let ws = &text[core_text.len()..];
            let (ws_glyphs, ws_em) = if ws.is_empty() {
                (Vec::new(), 0.0)
            } else {
                self.shape(style.font, ws)
            };
            glyphs.extend(ws_glyphs.into_iter().map(|mut g| {
                g.start += core_text.len();
                g.end += core_text.len();
                g
            }));
            pieces.push(Piece {
                text: text.to_string(),
                glyphs,
                core_width: core_em * style.size,
                ws_width: ws_em * style.size,
                style,
            });
        }
        pieces
    }

    fn place_by_chars(
        &mut self,
        lines: &mut Vec<Line>,
        full: &str,
        bounds: &[(usize, usize, TextStyle)],
        start: usize,
        end: usize,
        max_width: f32,
    ) {
        let mut cuts: Vec<usize> = full[start..end]
            .char_indices()
            .map(|(i, _)| start + i)
            .collect();
        cuts.push(end);
        for w in cuts.windows(2) {
            for p in self.atom_pieces(full, bounds, w[0], w[1]) {
                let line = lines.last_mut().expect("one line at least");
                if !line.runs.is_empty() && line.width + p.core_width > max_width {
                    lines.push(Line::default());
                }
                place(lines.last_mut().expect("one line at least"), p);
            }
        }
    }
}

/// Combining marks, joiners and variation selectors: shaped with the character before them.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF..=0x05C7 | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0670 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D
        | 0x20D0..=0x20FF | 0x3099..=0x309A | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

struct Piece {
    text: String,
    glyphs: Vec<Glyph>,
    core_width: f32,
    ws_width: f32,
    style: TextStyle,
}

/// Append a piece to a line, merging it into the previous run when the style is the same.
fn place(line: &mut Line, p: Piece) {
    let width = p.core_width + p.ws_width;
    if let Some(last) = line.runs.last_mut()
        && last.style == p.style
    {
        let off = last.text.len();
        last.text.push_str(&p.text);
        last.glyphs.extend(p.glyphs.into_iter().map(|mut g| {
            g.start += off;
            g.end += off;
            g
        }));
        last.width += width;
    } else {
        line.runs.push(PlacedRun {
            x: line.width,
            width,
            text: p.text,
            glyphs: p.glyphs,
            style: p.style,
        });
    }
    line.width += width;
}

/// Drop the spaces that end a line so marks and backgrounds stop at the last letter.
fn trim_trailing_space(line: &mut Line) {
    while let Some(last) = line.runs.last_mut() {
        let keep = last.text.trim_end().len();
        if keep == last.text.len() {
            break;
        }
        let cut: f32 = last
            .glyphs
            .iter()
            .filter(|g| g.start >= keep)
            .map(|g| g.advance * last.style.size)
            .sum();
        last.glyphs.retain(|g| g.start < keep);
        last.text.truncate(keep);
        last.width -= cut;
        line.width -= cut;
        if last.text.is_empty() {
            line.runs.pop();
        } else {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(size: f32) -> TextStyle {
        TextStyle::plain(FontKind::Regular, size, Rgb(0, 0, 0))
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn lines_fit_the_width_and_break_between_words() {
        let mut s = Shaper::new();
        let text = "The harbour board said the pier would close for nine months while engineers replace the piles.";
        let lines = s.break_lines(&[(text.to_string(), style(10.0))], 120.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.width <= 120.0 + 0.01, "{l:?}");
            let t: String = l.runs.iter().map(|r| r.text.as_str()).collect();
            assert!(!t.ends_with(' ') && !t.starts_with(' '), "{t:?}");
        }
        // No word is lost or cut: the lines joined by spaces give back the text.
        assert_eq!(texts(&lines).join(" "), text);
    }

    #[test]
    fn widths_come_from_the_font() {
        let mut s = Shaper::new();
        // DejaVu Sans is proportional: "W" is wider than "i", and width scales with size.
        assert!(
            s.width("WWWW", FontKind::Regular, 10.0)
                > 2.0 * s.width("iiii", FontKind::Regular, 10.0)
        );
        let w10 = s.width("Zażółć", FontKind::Regular, 10.0);
        assert!((s.width("Zażółć", FontKind::Regular, 20.0) - 2.0 * w10).abs() < 0.01);
        assert!(s.width("Zażółć", FontKind::Bold, 10.0) > w10);
    }

    #[test]
    fn an_unbreakable_token_is_split_between_characters() {
        let mut s = Shaper::new();
        let hash = "sha256:3f9a0c6b1e2d47f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2";
        let lines = s.break_lines(&[(hash.to_string(), style(9.0))], 100.0);
        assert!(lines.len() >= 3);
        assert!(lines.iter().all(|l| l.width <= 100.01));
        assert_eq!(texts(&lines).concat(), hash);
    }

    #[test]
    fn styles_keep_their_runs_and_glyphs_map_to_text() {
        let mut s = Shaper::new();
        let mut struck = style(10.0);
        struck.strike = true;
        let runs = vec![
            ("cost ".to_string(), style(10.0)),
            ("4.2".to_string(), struck),
            (" million".to_string(), style(10.0)),
        ];
        let lines = s.break_lines(&runs, 500.0);
        assert_eq!(lines.len(), 1);
        let r = &lines[0].runs;
        assert_eq!(r.len(), 3);
        assert_eq!(r[1].text, "4.2");
        assert!(r[1].style.strike);
        assert!((r[1].x - s.width("cost ", FontKind::Regular, 10.0)).abs() < 0.01);
        for run in r {
            for g in &run.glyphs {
                assert!(g.start < g.end && g.end <= run.text.len());
            }
        }
    }

    #[test]
    fn characters_dejavu_lacks_come_from_the_cjk_face_with_real_glyphs() {
        let mut s = Shaper::new();
        let text = "Pier 码头 ふ 부두 é";
        let (glyphs, _) = s.shape(FontKind::Bold, text);
        let face_of = |needle: &str| {
            let at = text.find(needle).unwrap();
            glyphs
                .iter()
                .find(|g| g.start == at)
                .map(|g| (g.face, g.id))
        };
        assert_eq!(face_of("P").map(|f| f.0), Some(Face::Bold));
        for cjk in ["码", "头", "ふ", "부", "두"] {
            let (face, id) = face_of(cjk).unwrap();
            assert_eq!(face, Face::Cjk, "{cjk}");
            assert_ne!(id, 0, "{cjk} is not the missing-glyph box");
        }
        // A decomposed accent stays in the face of its letter, so it is placed on it.
        let (decomposed, _) = s.shape(FontKind::Regular, "码e\u{301}");
        assert!(decomposed.iter().skip(1).all(|g| g.face == Face::Regular));
        // Every glyph's text range lies inside the text, in order, so copy-paste gets the characters back.
        assert!(glyphs.windows(2).all(|w| w[0].start <= w[1].start));
        assert!(
            glyphs
                .iter()
                .all(|g| g.start < g.end && g.end <= text.len())
        );
    }

    #[test]
    fn newlines_force_a_break() {
        let mut s = Shaper::new();
        let lines = s.break_lines(&[("first\nsecond".to_string(), style(10.0))], 500.0);
        assert_eq!(texts(&lines), vec!["first", "second"]);
    }
}
