//! Right-to-left text (Hebrew, Arabic) in the PDF: a line broken in logical order is put into visual order by the
//! Unicode bidirectional algorithm (UAX #9, `unicode-bidi`). Each stretch of one style and one embedding level is
//! shaped in its own direction (so Arabic letters join and brackets mirror), the stretches are reordered (rule
//! L2), and a right-to-left paragraph's lines are set flush right. Line breaking itself stays in `text.rs`; lines
//! without right-to-left text never come here and keep their layout byte for byte.

use unicode_bidi::{BidiInfo, Level};

use super::text::{Line, PlacedRun, Shaper, TextStyle};

/// Whether any character of `text` is right-to-left, cheaply (no levels are computed).
pub(crate) fn has_rtl(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            unicode_bidi::bidi_class(c),
            unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL
        )
    })
}

/// The direction of a paragraph made of `runs`: that of its first strong character outside labels (rules P2/P3,
/// with labels left out as a higher-level protocol may, HL1), so "EDITED" before a Hebrew sentence leaves it
/// right to left. None when only labels or neutral characters are strong, for the algorithm's own default.
pub(crate) fn base_level(runs: &[(String, TextStyle)]) -> Option<Level> {
    use unicode_bidi::BidiClass::{AL, L, R};
    runs.iter()
        .filter(|(_, style)| !style.label)
        .flat_map(|(text, _)| text.chars())
        .find_map(|c| match unicode_bidi::bidi_class(c) {
            L => Some(Level::ltr()),
            R | AL => Some(Level::rtl()),
            _ => None,
        })
}

/// A stretch of a line with one style and one level, in logical order.
struct Stretch {
    text: String,
    style: TextStyle,
    level: Level,
}

/// Puts `line` (whose text starts at byte `start` of `full`, the text `info` was computed from) into visual
/// order; `max_width` is the width a right-to-left paragraph's line is set flush against.
pub(crate) fn to_visual(
    shaper: &mut Shaper,
    full: &str,
    info: &BidiInfo<'_>,
    line: &mut Line,
    start: usize,
    max_width: f32,
) {
    let len: usize = line.runs.iter().map(|r| r.text.len()).sum();
    if len == 0 {
        return;
    }
    let Some(para) = info
        .paragraphs
        .iter()
        .find(|p| p.range.contains(&start))
        .or(info.paragraphs.last())
    else {
        return;
    };
    let end = (start + len).min(para.range.end);
    let levels = info.reordered_levels(para, start..end);
    if !para.level.is_rtl() && !has_rtl(&full[start..end]) {
        return;
    }
    let mut stretches: Vec<Stretch> = Vec::new();
    let mut at = start;
    for run in &line.runs {
        for (i, c) in run.text.char_indices() {
            let level = levels.get(at + i).copied().unwrap_or(para.level);
            match stretches.last_mut() {
                Some(s) if s.level == level && s.style == run.style => s.text.push(c),
                _ => stretches.push(Stretch {
                    text: c.to_string(),
                    style: run.style,
                    level,
                }),
            }
        }
        at += run.text.len();
    }
    let order = visual_order(&stretches.iter().map(|s| s.level).collect::<Vec<_>>());
    let mut runs = Vec::with_capacity(stretches.len());
    let mut x = 0.0;
    for i in order {
        let s = &stretches[i];
        let (glyphs, em) = shaper.shape_dir(s.style.font, &s.text, s.level.is_rtl());
        let width = em * s.style.size;
        runs.push(PlacedRun {
            x,
            width,
            text: s.text.clone(),
            glyphs,
            style: s.style,
        });
        x += width;
    }
    let indent = if para.level.is_rtl() {
        (max_width - x).max(0.0)
    } else {
        0.0
    };
    for r in &mut runs {
        r.x += indent;
    }
    line.runs = runs;
    line.width = x;
}

/// Rule L2: from the highest level down to the lowest odd one, reverse every sequence of items at that level or
/// higher. Returns the items' indexes in visual (left to right) order.
fn visual_order(levels: &[Level]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let Some(highest) = levels.iter().map(|l| l.number()).max() else {
        return order;
    };
    let lowest_odd = levels
        .iter()
        .map(|l| l.number())
        .filter(|n| n % 2 == 1)
        .min()
        .unwrap_or(highest + 1);
    for level in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]].number() >= level {
                let from = i;
                while i < order.len() && levels[order[i]].number() >= level {
                    i += 1;
                }
                order[from..i].reverse();
            } else {
                i += 1;
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::super::text::{FontKind, Rgb};
    use super::*;

    fn style() -> TextStyle {
        TextStyle::plain(FontKind::Regular, 10.0, Rgb(0, 0, 0))
    }

    /// The characters in the order they are drawn, left to right: each glyph's first character.
    fn drawn(line: &Line) -> String {
        let mut out = String::new();
        let mut runs: Vec<&PlacedRun> = line.runs.iter().collect();
        runs.sort_by(|a, b| a.x.total_cmp(&b.x));
        for r in runs {
            for g in &r.glyphs {
                out.push(r.text[g.start..].chars().next().unwrap());
            }
        }
        out
    }

    fn rev(s: &str) -> String {
        s.chars().rev().collect()
    }

    #[test]
    fn a_hebrew_sentence_is_drawn_right_to_left_and_set_flush_right() {
        let mut s = Shaper::new();
        // "The old pier closes for repairs" (invented for this test).
        let text = "המזח הישן נסגר לתיקונים";
        let lines = s.break_lines(&[(text.to_string(), style())], 300.0);
        assert_eq!(lines.len(), 1);
        assert_eq!(drawn(&lines[0]), rev(text));
        let right = lines[0]
            .runs
            .iter()
            .map(|r| r.x + r.width)
            .fold(0.0, f32::max);
        assert!(
            (right - 300.0).abs() < 0.5,
            "ends at {right}, not at the right edge"
        );
        // The text kept for copying is the logical text, whatever order the glyphs are drawn in.
        let kept: String = lines[0].runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(kept, text);
    }

    #[test]
    fn an_english_sentence_with_a_hebrew_phrase_reverses_only_the_phrase() {
        let mut s = Shaper::new();
        let text = "The sign read פתוח שוב on Tuesday.";
        let lines = s.break_lines(&[(text.to_string(), style())], 400.0);
        assert_eq!(
            drawn(&lines[0]),
            format!("The sign read {} on Tuesday.", rev("פתוח שוב"))
        );
        assert!(
            lines[0].runs[0].x.abs() < 0.01,
            "a left-to-right paragraph starts at the left"
        );
    }

    #[test]
    fn numbers_inside_right_to_left_text_keep_their_digit_order() {
        let mut s = Shaper::new();
        // "The cost rose to 5.8 million" in Hebrew word order: the figure reads left to right inside it.
        let text = "העלות עלתה ל־5.8 מיליון";
        let lines = s.break_lines(&[(text.to_string(), style())], 400.0);
        let visual = drawn(&lines[0]);
        assert!(visual.contains("5.8"), "{visual}");
        assert!(visual.starts_with(&rev("מיליון")), "{visual}");
        assert!(visual.ends_with(&rev("העלות")), "{visual}");
    }

    #[test]
    fn arabic_letters_join_when_shaped_right_to_left() {
        let mut s = Shaper::new();
        // An isolated beh and the first beh of "بحر" (sea) are different glyphs: the joined form.
        let (alone, _) = s.shape_dir(FontKind::Regular, "ب", true);
        let (word, _) = s.shape_dir(FontKind::Regular, "بحر", true);
        let first = word
            .iter()
            .find(|g| g.start == 0)
            .expect("a glyph for the first letter");
        assert_ne!(first.id, alone[0].id, "the initial form is used");
        // Drawn right to left: the first letter is the last glyph.
        assert_eq!(word.last().map(|g| g.start), Some(0));
    }

    #[test]
    fn a_long_right_to_left_paragraph_breaks_in_reading_order() {
        let mut s = Shaper::new();
        let words = [
            "הרכבת",
            "תעצור",
            "ברציף",
            "הצפוני",
            "עד",
            "סוף",
            "העבודות",
            "בקיץ",
        ];
        let text = words.join(" ");
        let lines = s.break_lines(&[(text.clone(), style())], 90.0);
        assert!(lines.len() >= 3);
        // The first line holds the first words (read from the right), each line flush right.
        let first: String = lines[0].runs.iter().map(|r| r.text.as_str()).collect();
        assert!(first.starts_with(words[0]), "{first}");
        let kept: Vec<String> = lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect();
        assert_eq!(kept.join(" "), text);
        for l in &lines {
            assert!(l.width <= 90.5);
            let right = l.runs.iter().map(|r| r.x + r.width).fold(0.0, f32::max);
            assert!((right - 90.0).abs() < 0.5, "{right}");
        }
    }

    #[test]
    fn a_label_before_a_right_to_left_sentence_leaves_it_right_to_left() {
        let mut s = Shaper::new();
        let label = TextStyle {
            label: true,
            chip: true,
            ..style()
        };
        let text = "המחיר עלה.";
        let runs = [
            ("EDITED".to_string(), label),
            (" ".to_string(), style()),
            (text.to_string(), style()),
        ];
        let lines = s.break_lines(&runs, 300.0);
        let visual = drawn(&lines[0]);
        // Read from the right: the label first, then the sentence with its full stop at its far (left) end.
        assert!(visual.starts_with('.'), "{visual}");
        assert!(visual.ends_with("EDITED"), "{visual}");
        let right = lines[0]
            .runs
            .iter()
            .map(|r| r.x + r.width)
            .fold(0.0, f32::max);
        assert!((right - 300.0).abs() < 0.5, "flush right: {right}");
        // Without the label mark the English word would make the paragraph left to right.
        let plain = [
            ("EDITED".to_string(), style()),
            (" ".to_string(), style()),
            (text.to_string(), style()),
        ];
        assert!(drawn(&s.break_lines(&plain, 300.0)[0]).starts_with("EDITED"));
    }

    #[test]
    fn l2_reverses_nested_levels() {
        let l = |n| Level::new(n).unwrap();
        // LTR text with an RTL phrase that holds a number: 0 1 2 1 0 → the number stays in its place inside
        // the reversed phrase.
        assert_eq!(
            visual_order(&[l(0), l(1), l(2), l(1), l(0)]),
            vec![0, 3, 2, 1, 4]
        );
        assert_eq!(visual_order(&[l(0), l(0)]), vec![0, 1]);
        assert_eq!(visual_order(&[]), Vec::<usize>::new());
    }
}
