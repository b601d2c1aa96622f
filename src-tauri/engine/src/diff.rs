//! Word diff inside one aligned row, with `similar` under a deadline and a size guard, returned as
//! ready-to-render segments. Deciding which rows get a word diff is left to `compare`.

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};
use std::time::Instant;

use crate::comparison::{Segment, Tag};

/// Above this many tokens on a side the row is shown as one deletion and one insertion.
const MAX_TOKENS: usize = 20_000;

/// Splits text into word, whitespace and single punctuation tokens; concatenated they give the text back.
pub(crate) fn tokens(s: &str) -> Vec<&str> {
    if s.is_ascii() {
        return ascii_tokens(s);
    }
    char_tokens(s)
}

/// Class of each ASCII byte, numbered as [`cut`] numbers them: 1 letter or digit, 2 whitespace
/// (as `char::is_whitespace` has it, vertical tab included), 3 anything else.
static ASCII_CLASS: [u8; 128] = {
    let mut t = [3u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        if c.is_ascii_alphanumeric() {
            t[i] = 1;
        } else if c.is_ascii_whitespace() || c == 0x0b {
            t[i] = 2;
        }
        i += 1;
    }
    t
};

/// [`tokens`] of ASCII text, a byte at a time: [`cut`]'s rule read as runs (a word with the marks
/// it joins, a run of whitespace, or one other byte) over a class table, without decoding. The
/// iterator of classes and joins that `cut` takes cost some forty instructions a byte, half a
/// changed row's word diff (issue 17).
fn ascii_tokens(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 3 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let k = ASCII_CLASS[usize::from(b[i] & 0x7f)];
        i += 1;
        match k {
            1 => loop {
                while i < b.len() && ASCII_CLASS[usize::from(b[i] & 0x7f)] == 1 {
                    i += 1;
                }
                if i < b.len() && joins_word(b, i) {
                    i += 1;
                    continue;
                }
                break;
            },
            2 => {
                while i < b.len() && ASCII_CLASS[usize::from(b[i] & 0x7f)] == 2 {
                    i += 1;
                }
            }
            _ => {}
        }
        out.push(&s[start..i]);
        start = i;
    }
    out
}

/// Whether the mark at `i` stays inside the word before it: an apostrophe or a dot before a
/// letter or digit ("don't", "3.5"), or a comma between digits ("1,200").
fn joins_word(b: &[u8], i: usize) -> bool {
    let c = b[i];
    matches!(c, b'\'' | b'.' | b',')
        && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
        && (c != b',' || i > 0 && b[i - 1].is_ascii_digit())
}

/// [`tokens`] of any text, a character at a time.
fn char_tokens(s: &str) -> Vec<&str> {
    let class = |(i, c): (usize, char)| {
        let k = if c.is_alphanumeric() {
            1
        } else if c.is_whitespace() {
            2
        } else {
            3
        };
        // Apostrophes and dots between word characters stay inside the word ("don't", "3.5").
        let joins = matches!(c, '\'' | '\u{2019}' | '.' | ',')
            && s[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            && (c != ',' || s[..i].chars().last().is_some_and(|p| p.is_ascii_digit()));
        (i, k, joins)
    };
    cut(s, s.char_indices().map(class))
}

/// Cuts `s` at the characters `chars` gives as (byte offset, class: 1 word, 2 space, 3 other,
/// whether it joins a word it follows): a new token starts where the class changes, and at
/// every punctuation mark.
fn cut(s: &str, chars: impl Iterator<Item = (usize, u8, bool)>) -> Vec<&str> {
    let mut out = Vec::with_capacity(s.len() / 3 + 1);
    let mut start = 0;
    let mut kind = 0u8;
    for (i, k, joins) in chars {
        if kind == 1 && joins {
            continue;
        }
        if i > start && (k != kind || k == 3) {
            out.push(&s[start..i]);
            start = i;
        }
        kind = k;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// Tokens of `s`, or `None` when it has more than `MAX_TOKENS` (texts far beyond the cap are not
/// even tokenised).
fn capped_tokens(s: &str) -> Option<Vec<&str>> {
    if s.len() > MAX_TOKENS * 8 {
        return None;
    }
    Some(tokens(s)).filter(|t| t.len() <= MAX_TOKENS)
}

fn push(out: &mut Vec<Segment>, text: &str, tag: Tag) {
    if text.is_empty() {
        return;
    }
    if let Some(last) = out.last_mut()
        && last.tag == tag
    {
        last.text.push_str(text);
        return;
    }
    out.push(Segment {
        text: text.to_string(),
        tag,
    });
}

/// Redline of `old` → `new`: equal, deleted and inserted runs. Within one change, deletions come
/// before insertions; a lone space between two changes is folded into them so runs read as phrases.
pub fn word_diff(old: &str, new: &str, deadline: Option<Instant>) -> Vec<Segment> {
    if old == new {
        let mut v = Vec::new();
        push(&mut v, old, Tag::Equal);
        return v;
    }
    // Texts far beyond the token cap are not even tokenised.
    let (Some(a), Some(b)) = (capped_tokens(old), capped_tokens(new)) else {
        let mut out = Vec::new();
        push(&mut out, old, Tag::Delete);
        push(&mut out, new, Tag::Insert);
        return out;
    };
    // Runs of tokens are borrowed from the texts they were cut from: a String for each run,
    // and another for each fold, were most of a word diff's allocations (issue 17).
    let mut raw: Vec<(Tag, &str)> = Vec::new();
    for op in capture_diff_slices_deadline(Algorithm::Myers, &a, &b, deadline) {
        let (olds, news) = (op.old_range(), op.new_range());
        match op.tag() {
            DiffTag::Equal => raw.push((Tag::Equal, span(old, &a[olds]))),
            DiffTag::Delete => raw.push((Tag::Delete, span(old, &a[olds]))),
            DiffTag::Insert => raw.push((Tag::Insert, span(new, &b[news]))),
            DiffTag::Replace => {
                raw.push((Tag::Delete, span(old, &a[olds])));
                raw.push((Tag::Insert, span(new, &b[news])));
            }
        }
    }
    // Fold whitespace-only equal runs that sit between changes into both sides of the change.
    let mut folded: Vec<(Tag, &str)> = Vec::with_capacity(raw.len());
    for (k, &(tag, text)) in raw.iter().enumerate() {
        let between =
            k > 0 && k + 1 < raw.len() && raw[k - 1].0 != Tag::Equal && raw[k + 1].0 != Tag::Equal;
        if tag == Tag::Equal && between && text.trim().is_empty() {
            folded.push((Tag::Delete, text));
            folded.push((Tag::Insert, text));
        } else {
            folded.push((tag, text));
        }
    }
    // Within each run of changes, gather deletions then insertions (`push` joins each side's
    // pieces into one segment).
    let mut out = Vec::new();
    for run in folded.chunk_by(|x, y| (x.0 == Tag::Equal) == (y.0 == Tag::Equal)) {
        for tag in [Tag::Equal, Tag::Delete, Tag::Insert] {
            run.iter()
                .filter(|x| x.0 == tag)
                .for_each(|x| push(&mut out, x.1, tag));
        }
    }
    out
}

/// The text that the tokens `t`, cut from `s` and adjacent there, cover together.
fn span<'a>(s: &'a str, t: &[&str]) -> &'a str {
    let (Some(first), Some(last)) = (t.first(), t.last()) else {
        return "";
    };
    let from = first.as_ptr() as usize - s.as_ptr() as usize;
    let to = last.as_ptr() as usize - s.as_ptr() as usize + last.len();
    &s[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(v: &[Segment]) -> String {
        v.iter()
            .map(|s| match s.tag {
                Tag::Equal => s.text.clone(),
                Tag::Delete => format!("[-{}-]", s.text),
                Tag::Insert => format!("{{+{}+}}", s.text),
            })
            .collect()
    }

    #[test]
    fn tokens_round_trip_and_keep_numbers_whole() {
        let s = "Officials said 3.5 million, don't panic.";
        assert_eq!(tokens(s).concat(), s);
        assert!(tokens(s).contains(&"3.5"));
        assert!(tokens(s).contains(&"don't"));
    }

    proptest::proptest! {
        #[test]
        fn ascii_text_tokenises_as_the_general_path_does(s in "[ -~\t\n\x0b\x0c\r]{0,60}") {
            proptest::prop_assert_eq!(ascii_tokens(&s), char_tokens(&s));
        }

        #[test]
        fn segments_give_back_both_texts(old in "[ab ,.']{0,30}", new in "[ab ,.'é]{0,30}") {
            // The borrowed runs must cover each text exactly once, in order.
            let d = word_diff(&old, &new, None);
            let side = |skip: Tag| -> String {
                d.iter().filter(|s| s.tag != skip).map(|s| s.text.as_str()).collect()
            };
            proptest::prop_assert_eq!(side(Tag::Insert), old);
            proptest::prop_assert_eq!(side(Tag::Delete), new);
        }
    }

    #[test]
    fn changed_word_and_phrase() {
        let d = word_diff(
            "The council approved 12 new homes.",
            "The council rejected 40 new homes.",
            None,
        );
        assert_eq!(
            show(&d),
            "The council [-approved 12-]{+rejected 40+} new homes."
        );
    }

    #[test]
    fn identical_text_is_one_equal_segment() {
        assert_eq!(
            word_diff("Same.", "Same.", None),
            vec![Segment {
                text: "Same.".into(),
                tag: Tag::Equal
            }]
        );
    }
}
