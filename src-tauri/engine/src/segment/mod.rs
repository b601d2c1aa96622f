//! Segmentation of plain text into paragraphs (blank lines) and sentences.
//! Robust to abbreviations, initials, decimals, ellipses, quotes closing after the full stop and
//! broken spacing ("Mr . Smith"). Keeps each sentence's original text (trimmed); matching forms are
//! left to `normalize`. Whether a full stop ends a sentence is decided in `boundary`.

mod boundary;

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use boundary::{boundary, word_at};

use crate::comparison::Sentence;
use crate::normalize::TextHasher;

/// Splits text into sentences, numbering paragraphs by blank-line separated blocks (0-based).
/// Lines inside a paragraph are joined with a space. Empty input gives no sentences.
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, para) in paragraph_texts(text).iter().enumerate() {
        for s in split_sentences(para) {
            out.push(Sentence {
                text: s,
                paragraph: p,
            });
        }
    }
    out
}

/// [`segment`] of two versions of one text: a paragraph of `new` that is byte for byte a
/// paragraph of `old` (most of a revision) takes the old paragraph's sentences instead of being
/// split again. Splitting reads one paragraph at a time, so the result is `segment`'s.
pub(crate) fn segment_pair(old: &str, new: &str) -> (Vec<Sentence>, Vec<Sentence>) {
    let old_paras = paragraph_texts(old);
    // Room for a sentence per 64 bytes, as in `split_sentences_as`: growing both lists a
    // paragraph at a time cost 3.3 M of segment_pair's 38.3 M instructions (issue 17).
    let mut left = Vec::with_capacity(old.len() / 64 + 1);
    let mut seen: HashMap<&str, Range<usize>, BuildHasherDefault<TextHasher>> =
        HashMap::with_capacity_and_hasher(old_paras.len(), Default::default());
    for (p, para) in old_paras.iter().enumerate() {
        let from = left.len();
        left.extend(
            split_sentences(para)
                .into_iter()
                .map(|text| Sentence { text, paragraph: p }),
        );
        seen.entry(para.as_ref()).or_insert(from..left.len());
    }
    let mut right = Vec::with_capacity(new.len() / 64 + 1);
    for (p, para) in paragraph_texts(new).iter().enumerate() {
        let sentence = |text| Sentence { text, paragraph: p };
        match seen.get(para.as_ref()) {
            Some(r) => right.extend(left[r.clone()].iter().map(|s| sentence(s.text.clone()))),
            None => right.extend(split_sentences(para).into_iter().map(sentence)),
        }
    }
    (left, right)
}

/// Paragraphs of a text: blocks separated by blank lines, inner line breaks turned into spaces.
pub fn paragraphs(text: &str) -> Vec<String> {
    paragraph_texts(text)
        .into_iter()
        .map(Cow::into_owned)
        .collect()
}

/// [`paragraphs`], borrowing each paragraph that is a single line (most are): a copy of every
/// paragraph, and a search for line ends a character class at a time, were a fifth of
/// segmenting (issue 17). `str::lines` also ends a line at `\n` and drops a `\r` before it,
/// which the trim drops too; a last empty line only ends the paragraph, as the text's end does.
fn paragraph_texts(text: &str) -> Vec<Cow<'_, str>> {
    // Room for a paragraph per 256 bytes, about twice as many as news text has: growing the
    // list from empty was a fifth of finding the paragraphs (issue 17).
    let mut out = Vec::with_capacity(text.len() / 256 + 1);
    let mut cur: Option<Cow<'_, str>> = None;
    let mut from = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    for end in ends {
        let line = text[from..end].trim();
        from = end + 1;
        match (line.is_empty(), cur.as_mut()) {
            (true, _) => out.extend(cur.take()),
            (false, None) => cur = Some(Cow::Borrowed(line)),
            (false, Some(para)) => {
                let para = para.to_mut();
                para.push(' ');
                para.push_str(line);
            }
        }
    }
    out.extend(cur);
    out
}

/// Splits sentences out of a paragraph list (used when the store keeps bodies as paragraphs).
pub fn segment_paragraphs(paras: &[String]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut p = 0;
    for para in paras {
        let mut any = false;
        for inner in paragraph_texts(para) {
            for s in split_sentences(&inner) {
                out.push(Sentence {
                    text: s,
                    paragraph: p,
                });
                any = true;
            }
            if any {
                p += 1;
                any = false;
            }
        }
    }
    out
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | '«'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2019}'
            | '\u{203A}'
            | '\u{2039}'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '‼' | '⁇')
}

/// The character at byte `i` (which must be a char boundary inside `s`).
#[inline]
pub(super) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// Bytes that may start a sentence terminal: `.`, `!`, `?` and every non-ASCII byte.
static STOP_OR_WIDE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i >= 0x80 || i == b'.' as usize || i == b'!' as usize || i == b'?' as usize;
        i += 1;
    }
    t
};

/// Bytes whose high bit is set, in each byte lane of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte lane of `x` that holds `c`. Lanes above a match may be flagged too
/// (a borrow runs on), but the lowest flagged lane is always a match.
fn lanes_equal(x: u64, c: u8) -> u64 {
    let y = x ^ (ONES * u64::from(c));
    y.wrapping_sub(ONES) & !y & HIGH
}

/// The first byte at or after `from` that may start a sentence terminal ([`STOP_OR_WIDE`]),
/// eight bytes at a step: most of a paragraph holds none.
fn next_stop(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut lane = [0u8; 8];
        lane.copy_from_slice(chunk);
        let x = u64::from_le_bytes(lane);
        let m = lanes_equal(x, b'.') | lanes_equal(x, b'!') | lanes_equal(x, b'?') | (x & HIGH);
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..)?
        .iter()
        .position(|&c| STOP_OR_WIDE[c as usize])
        .map(|k| i + k)
}

fn split_sentences(para: &str) -> Vec<String> {
    split_sentences_as(para, para.is_ascii())
}

/// [`split_sentences`]; `ascii` says that `para` is ASCII, so that terminals are found with
/// `memchr3` and the words around them read a byte at a time (decoding them was a fifth of
/// segmenting; issue 17). Both ways split alike.
fn split_sentences_as(para: &str, ascii: bool) -> Vec<String> {
    let bytes = para.as_bytes();
    // Room for a sentence per 64 bytes, about twice as many as prose has: growing the list
    // from empty was a fifth of the cost of `push` (issue 17).
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0usize; // byte offsets from here on
    let mut i = 0usize;
    // Where the next word starts, found once per stretch of word-free text: looking it up
    // afresh after every terminal made a run like ". . . ." quadratic.
    let mut next_word = 0usize;
    while i < bytes.len() {
        // ASCII bytes other than . ! ? are skipped without decoding: most of any text.
        let stop = match ascii {
            true => memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map(|k| i + k),
            false => next_stop(bytes, i),
        };
        match stop {
            Some(k) => i = k,
            None => break,
        }
        let term_start = i;
        let run = match ascii {
            true => Some(ascii_run_end(bytes, i)),
            false => run_end(para, i),
        };
        let Some(end) = run else {
            i += char_at(para, i).map_or(1, char::len_utf8); // a wide byte that ends nothing
            continue;
        };
        i = end;
        let joined = match ascii {
            true => bytes.get(i).is_some_and(|&c| !ascii_space(c)),
            false => char_at(para, i).is_some_and(|c| !c.is_whitespace()),
        };
        if joined {
            continue; // "3.5", "U.S.-led", "example.com"
        }
        if next_word < i {
            let found = match ascii {
                true => bytes[i..].iter().position(u8::is_ascii_alphanumeric),
                false => para[i..].find(char::is_alphanumeric),
            };
            next_word = found.map_or(para.len(), |k| i + k);
        }
        if !boundary(para, term_start, word_at(para, next_word, ascii), ascii) {
            continue;
        }
        push(&mut out, para, start, i, ascii);
        start = i;
    }
    push(&mut out, para, start, bytes.len(), ascii);
    out
}

/// Where the terminal run at `i` ends ("?!", "...", "…"), with the closing quotes and brackets
/// after it, which stay with the sentence they close; `None` when `i` holds no terminal.
fn run_end(para: &str, mut i: usize) -> Option<usize> {
    char_at(para, i).filter(|&c| is_terminal(c))?;
    while let Some(c) = char_at(para, i).filter(|&c| is_terminal(c)) {
        i += c.len_utf8();
    }
    while let Some(c) = char_at(para, i).filter(|&c| is_closer(c)) {
        i += c.len_utf8();
    }
    Some(i)
}

/// [`run_end`] of ASCII text at a stop `memchr3` found, read a byte at a time: of ASCII, only
/// `.`, `!` and `?` are terminals and only `"`, `'` and brackets close (decoding a character
/// for each test was a tenth of segmenting; issue 17).
fn ascii_run_end(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| matches!(c, b'.' | b'!' | b'?')) {
        i += 1;
    }
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b'"' | b'\'' | b')' | b']' | b'}'))
    {
        i += 1;
    }
    i
}

/// `char::is_whitespace` of an ASCII byte: `u8::is_ascii_whitespace` leaves out the vertical tab.
pub(super) fn ascii_space(c: u8) -> bool {
    c.is_ascii_whitespace() || c == 0x0b
}

/// Adds the sentence `para[from..to]`, trimmed; `ascii` as for [`split_sentences_as`], so that
/// the trim and the letter test read bytes.
fn push(out: &mut Vec<String>, para: &str, from: usize, to: usize, ascii: bool) {
    if from >= to {
        return;
    }
    let s = match ascii {
        true => para[from..to].trim_matches(|c: char| ascii_space(c as u8)),
        false => para[from..to].trim(),
    };
    if s.is_empty() {
        return;
    }
    let wordy = match ascii {
        true => s.bytes().any(|c| c.is_ascii_alphanumeric()),
        false => s.chars().any(char::is_alphanumeric),
    };
    // A stray terminal left alone by broken spacing ("authority ." then nothing) joins the previous one.
    if !wordy && let Some(last) = out.last_mut() {
        last.push(' ');
        last.push_str(s);
        return;
    }
    out.push(s.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        segment(s).into_iter().map(|x| x.text).collect()
    }

    proptest::proptest! {
        #[test]
        fn paragraphs_are_the_trimmed_lines_between_blank_ones(text in "[ab \t\r\n\u{a0}]{0,30}") {
            // The blocks as `str::lines` reads them: the definition the byte search must keep.
            let mut want: Vec<String> = Vec::new();
            let mut cur: Vec<&str> = Vec::new();
            for line in text.lines().map(str::trim).chain([""]) {
                if line.is_empty() {
                    if !cur.is_empty() {
                        want.push(cur.join(" "));
                    }
                    cur.clear();
                } else {
                    cur.push(line);
                }
            }
            proptest::prop_assert_eq!(paragraphs(&text), want);
        }
    }

    #[test]
    fn titles_do_not_end_sentences() {
        assert_eq!(
            texts("Mr. Smith met Dr. Jones at St. Mary's. They talked."),
            vec!["Mr. Smith met Dr. Jones at St. Mary's.", "They talked."]
        );
    }

    #[test]
    fn dotted_abbreviations_and_times() {
        assert_eq!(
            texts("The U.S. Army arrived at 9 a.m. on Friday. It left at 5 p.m. The town cheered."),
            vec![
                "The U.S. Army arrived at 9 a.m. on Friday.",
                "It left at 5 p.m.",
                "The town cheered."
            ]
        );
        assert_eq!(
            texts("He moved to the U.S. He liked it."),
            vec!["He moved to the U.S.", "He liked it."]
        );
    }

    #[test]
    fn german_abbreviations_and_ordinals() {
        assert_eq!(
            texts("Es gibt z. B. Äpfel, d. h. Obst. Am 3. Oktober ist Feiertag. Das ist gut."),
            vec![
                "Es gibt z. B. Äpfel, d. h. Obst.",
                "Am 3. Oktober ist Feiertag.",
                "Das ist gut."
            ]
        );
    }

    #[test]
    fn initials_stay_together() {
        assert_eq!(
            texts("The novel by J. K. Rowling sold well. Critics agreed."),
            vec!["The novel by J. K. Rowling sold well.", "Critics agreed."]
        );
    }

    #[test]
    fn quotes_closing_after_the_full_stop() {
        assert_eq!(
            texts(
                "\u{201C}We will rebuild.\u{201D} The mayor left. She said \"No!\" Then silence."
            ),
            vec![
                "\u{201C}We will rebuild.\u{201D}",
                "The mayor left.",
                "She said \"No!\"",
                "Then silence."
            ]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            texts("Wait... what happened? It ended… Nobody knew. Then... Silence."),
            vec![
                "Wait... what happened?",
                "It ended…",
                "Nobody knew.",
                "Then...",
                "Silence."
            ]
        );
    }

    #[test]
    fn decimals_and_numbers() {
        assert_eq!(
            texts("Prices rose 3.5 percent to $1,200.50 in 2024. Analysts were surprised."),
            vec![
                "Prices rose 3.5 percent to $1,200.50 in 2024.",
                "Analysts were surprised."
            ]
        );
    }

    #[test]
    fn broken_spacing() {
        assert_eq!(
            texts("Mr . Smith spoke to the authority . The authority refused ."),
            vec![
                "Mr . Smith spoke to the authority .",
                "The authority refused ."
            ]
        );
    }

    #[test]
    fn paragraphs_by_blank_lines() {
        let s = segment("One. Two.\nStill two's paragraph.\n\n  \nThree.");
        let p: Vec<usize> = s.iter().map(|x| x.paragraph).collect();
        assert_eq!(p, vec![0, 0, 0, 1]);
        assert_eq!(s[2].text, "Still two's paragraph.");
    }

    /// Pieces of made-up ASCII prose around the cases the splitter weighs: titles, initials,
    /// dotted abbreviations, ordinals, quotes after a stop, inner apostrophes and hyphens, and
    /// the ASCII spaces that `char::is_whitespace` and `u8::is_ascii_whitespace` disagree on.
    const PIECES: &[&str] = &[
        "Mr", "etc", "Inc", "U.S", "a.m", "J", "z", "B", "3", "12", "The", "the", "Rain", "x-ray",
        "Kim's", "N.A.T.O", ".", ". ", "! ", "? ", "...", "\"", "' ", ") ", " ", "  ", "-", ",",
        "\t", "\x0b", " \x0c",
    ];

    proptest::proptest! {
        #[test]
        fn ascii_paragraphs_split_as_decoded_ones(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..24),
            noise in "[A-Za-z0-9 \t\x0b\x0c\r.!?\"')'-]{0,30}",
        ) {
            for para in [pieces.concat(), noise] {
                proptest::prop_assert_eq!(
                    split_sentences_as(&para, true),
                    split_sentences_as(&para, false)
                );
            }
        }

        #[test]
        fn stops_are_found_as_byte_by_byte(s in "[ -~\u{e9}\u{2026}]{0,40}", from in 0usize..40) {
            let b = s.as_bytes();
            let from = from.min(b.len());
            let slow = b[from..].iter().position(|&c| STOP_OR_WIDE[c as usize]).map(|k| from + k);
            proptest::prop_assert_eq!(next_stop(b, from), slow);
        }
    }

    #[test]
    fn a_pair_splits_like_each_text_alone() {
        let old =
            "Mr. Smith left. He said \"No!\" Then rain.\n\nSame para. Kept here.\n\nGone now.";
        let new = "Same para. Kept here.\n\nMr. Smith left. He said \"No!\" Then rain.\n\nNew one. Two.\n\nSame para. Kept here.";
        for (a, b) in [(old, new), (new, old), ("", new), (old, ""), (old, old)] {
            let (l, r) = segment_pair(a, b);
            assert_eq!(l, segment(a));
            assert_eq!(r, segment(b));
        }
    }

    #[test]
    fn any_script_and_empty_input() {
        assert!(segment("").is_empty());
        assert!(segment("  \n\n ").is_empty());
        assert_eq!(texts("Привет. Как дела? 你好。再见。").len(), 3);
    }
}
