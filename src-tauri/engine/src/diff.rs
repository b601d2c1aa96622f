//! Word diff inside one aligned row, with `similar` under a deadline and a size guard, returned as
//! ready-to-render segments. Deciding which rows get a word diff is left to `compare`.

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
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

/// [`tokens`] of ASCII text, a byte at a time: the same rule without decoding.
fn ascii_tokens(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let class = |(i, &c): (usize, &u8)| {
        let k = if c.is_ascii_alphanumeric() {
            1
        } else if c.is_ascii_whitespace() || c == 0x0b {
            2
        } else {
            3
        };
        let joins = matches!(c, b'\'' | b'.' | b',')
            && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
            && (c != b',' || i > 0 && b[i - 1].is_ascii_digit());
        (i, k, joins)
    };
    cut(s, b.iter().enumerate().map(class))
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
    let mut raw: Vec<(Tag, String)> = Vec::new();
    let (Some(a), Some(b)) = (capped_tokens(old), capped_tokens(new)) else {
        let mut out = Vec::new();
        push(&mut out, old, Tag::Delete);
        push(&mut out, new, Tag::Insert);
        return out;
    };
    for op in capture_diff_slices_deadline(Algorithm::Myers, &a, &b, deadline) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                raw.push((Tag::Equal, a[old_index..old_index + len].concat()))
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => raw.push((Tag::Delete, a[old_index..old_index + old_len].concat())),
            DiffOp::Insert {
                new_index, new_len, ..
            } => raw.push((Tag::Insert, b[new_index..new_index + new_len].concat())),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                raw.push((Tag::Delete, a[old_index..old_index + old_len].concat()));
                raw.push((Tag::Insert, b[new_index..new_index + new_len].concat()));
            }
        }
    }
    // Fold whitespace-only equal runs that sit between changes into both sides of the change.
    let mut folded: Vec<(Tag, String)> = Vec::new();
    for k in 0..raw.len() {
        let (tag, ref text) = raw[k];
        let between =
            k > 0 && k + 1 < raw.len() && raw[k - 1].0 != Tag::Equal && raw[k + 1].0 != Tag::Equal;
        if tag == Tag::Equal && between && text.trim().is_empty() {
            folded.push((Tag::Delete, text.clone()));
            folded.push((Tag::Insert, text.clone()));
        } else {
            folded.push((tag, text.clone()));
        }
    }
    // Within each run of changes, gather deletions then insertions.
    let mut out = Vec::new();
    let mut k = 0;
    while k < folded.len() {
        if folded[k].0 == Tag::Equal {
            push(&mut out, &folded[k].1, Tag::Equal);
            k += 1;
            continue;
        }
        let mut del = String::new();
        let mut ins = String::new();
        while k < folded.len() && folded[k].0 != Tag::Equal {
            if folded[k].0 == Tag::Delete {
                del.push_str(&folded[k].1)
            } else {
                ins.push_str(&folded[k].1)
            }
            k += 1;
        }
        push(&mut out, &del, Tag::Delete);
        push(&mut out, &ins, Tag::Insert);
    }
    out
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
