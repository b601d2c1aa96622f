//! The word scanner claim atoms are read with: a sentence's whitespace-separated words, their
//! punctuation kept apart, quotes folded and the word lower-cased once.

use std::borrow::Cow;

use crate::normalize::fold_char;

/// One whitespace-separated word of a sentence, with the punctuation around it kept apart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word<'a> {
    /// The word as it reads, without leading or trailing punctuation ("3,400", "a.m", "Adeyemi").
    pub text: &'a str,
    /// Lower-cased `text`: borrowed when that is `text` itself (most words), since a String
    /// per word was a fifth of the scanner's cost (issue 17, callgrind).
    pub lower: Cow<'a, str>,
    /// Byte range of `text` in the sentence.
    pub start: usize,
    pub end: usize,
    /// Punctuation before and after the word, quotes folded to `"` and `'`; borrowed from the
    /// sentence when folding leaves it as it is.
    pub pre: Cow<'a, str>,
    pub post: Cow<'a, str>,
    /// Inside a quotation (counted from the quote marks before the word).
    pub quoted: bool,
}

impl Word<'_> {
    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn has_digit(&self) -> bool {
        self.text.chars().any(|c| c.is_ascii_digit())
    }
    /// The word ends a clause: a comma, colon, semicolon, stop or closing quote follows it.
    pub fn ends_clause(&self) -> bool {
        self.post.chars().any(|c| ",;:.!?\")(".contains(c))
    }
    /// A clause or quote opens right before the word.
    pub fn opens_clause(&self) -> bool {
        self.pre.chars().any(|c| "\"(".contains(c))
    }
}

/// Double quote marks of every script fold to `"` (see `normalize::fold_char`); of ASCII, only `"`.
fn is_quote(c: char) -> bool {
    if c.is_ascii() {
        return c == '"';
    }
    fold_char(c) == '"'
}

/// Byte spans of the words of an ASCII sentence: [`scan`]'s rule read byte by byte, without
/// decoding (ASCII letters and digits are the alphanumeric characters of ASCII text).
fn ascii_spans(b: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::with_capacity(b.len() / 5 + 1);
    let mut k = 0;
    while k < b.len() {
        let start = k;
        k += 1;
        if !b[start].is_ascii_alphanumeric() {
            continue;
        }
        let mut end = k;
        while k < b.len() {
            let c = b[k];
            if c.is_ascii_alphanumeric() {
                k += 1;
                end = k;
            } else if matches!(c, b',' | b'.' | b':' | b'\'' | b'-')
                && b.get(k + 1).is_some_and(u8::is_ascii_alphanumeric)
            {
                k += 2;
                end = k;
            } else {
                break;
            }
        }
        spans.push((start, end));
    }
    spans
}

/// [`scan`]'s word spans of any sentence, a character at a time, read as they come rather
/// than from a list of the sentence's characters.
fn char_spans(sentence: &str) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut chars = sentence.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() {
                end = i + c.len_utf8();
                chars.next();
                continue;
            }
            // Inner punctuation joins only when a letter or digit follows.
            let mut ahead = chars.clone();
            ahead.next();
            match ahead.next() {
                Some((j, n)) if ",.:'\u{2019}-\u{2011}".contains(c) && n.is_alphanumeric() => {
                    end = j + n.len_utf8();
                    chars = ahead;
                }
                _ => break,
            }
        }
        spans.push((start, end));
    }
    spans
}

/// Punctuation around a word with spaces dropped and quotes and dashes folded. Most of it is
/// empty or plain ASCII punctuation, where only a backquote changes: that is borrowed as it is.
fn fold_gap(s: &str) -> Cow<'_, str> {
    if !s.is_ascii() {
        return Cow::Owned(fold_chars(s));
    }
    // `char::is_whitespace` also counts the vertical tab, which `u8`'s version does not.
    let space = |b: u8| b.is_ascii_whitespace() || b == 0x0b;
    // The gap before a word starts at a space: without it, the rest is often taken as it is.
    let rest = s.trim_start_matches(|c: char| space(c as u8));
    if rest.bytes().all(|b| !space(b) && b != b'`') {
        return Cow::Borrowed(rest);
    }
    Cow::Owned(
        s.bytes()
            .filter(|&b| !space(b))
            .map(|b| char::from(if b == b'`' { b'\'' } else { b }))
            .collect(),
    )
}

/// [`fold_gap`] a character at a time.
fn fold_chars(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if is_quote(c) { '"' } else { fold_char(c) })
        .collect()
}

/// Splits a sentence into words. Characters that are neither letters, digits nor inner
/// punctuation ("3,400", "2:40", "a.m", "O'Neill", "58-year-old") separate words, so any script
/// scans without panicking; a script without spaces simply yields long words.
pub(crate) fn scan(sentence: &str) -> Vec<Word<'_>> {
    scan_as(sentence, sentence.is_ascii())
}

/// [`scan`], read byte by byte when `ascii` (the sentence is ASCII) and a character at a time
/// otherwise; both read an ASCII sentence alike.
fn scan_as(sentence: &str, ascii: bool) -> Vec<Word<'_>> {
    let spans = if ascii {
        ascii_spans(sentence.as_bytes())
    } else {
        char_spans(sentence)
    };
    let mut out: Vec<Word> = Vec::with_capacity(spans.len());
    // A sentence cut out of a longer quote holds its closing mark only ("… and go," said X): an
    // odd count whose first mark follows a word right away starts inside the quote.
    let marks: Vec<usize> = if ascii {
        memchr::memchr_iter(b'"', sentence.as_bytes()).collect()
    } else {
        sentence
            .char_indices()
            .filter(|&(_, c)| is_quote(c))
            .map(|(i, _)| i)
            .collect()
    };
    let mut quoted = marks.len() % 2 == 1
        && marks[0] > 0
        && sentence[..marks[0]]
            .chars()
            .last()
            .is_some_and(|c| !c.is_whitespace());
    let mut prev_end = 0;
    for (n, &(start, end)) in spans.iter().enumerate() {
        // The gap before the word: the previous word's trailing punctuation up to the first
        // space, this word's leading punctuation after the last one.
        let gap = &sentence[prev_end..start];
        // Most gaps of a sentence with curly quotes are still plain ASCII.
        let (post, pre, odd) = if ascii || gap.is_ascii() {
            ascii_gap(gap)
        } else {
            char_gap(gap)
        };
        if n > 0 {
            out[n - 1].post = post;
        }
        quoted ^= odd;
        let text = &sentence[start..end];
        out.push(Word {
            text,
            lower: if ascii {
                lower_ascii(text)
            } else {
                lower_word(text)
            },
            start,
            end,
            pre: if n == 0 { fold_gap(gap) } else { pre },
            post: Cow::Borrowed(""),
            quoted,
        });
        prev_end = end;
    }
    if let Some(w) = out.last_mut() {
        w.post = fold_gap(&sentence[prev_end..]);
    }
    out
}

/// The gap between two words split and folded: the previous word's trailing punctuation (up to
/// the first space), the next word's leading punctuation (after the last space), and whether the
/// gap holds an odd number of quote marks.
fn char_gap(gap: &str) -> (Cow<'_, str>, Cow<'_, str>, bool) {
    let (post, pre) = match (
        gap.find(char::is_whitespace),
        gap.rfind(char::is_whitespace),
    ) {
        (Some(f), Some(l)) => (&gap[..f], &gap[l..]),
        _ => (gap, ""),
    };
    let odd = gap.chars().filter(|&c| is_quote(c)).count() % 2 == 1;
    (fold_gap(post), fold_gap(pre), odd)
}

/// [`char_gap`] of an ASCII gap in one pass over its bytes. Both parts are free of spaces once
/// split (the leading one is a single byte), so folding them only turns a backquote into `'`:
/// most are borrowed as they are.
fn ascii_gap(gap: &str) -> (Cow<'_, str>, Cow<'_, str>, bool) {
    let b = gap.as_bytes();
    // `char::is_whitespace` also counts the vertical tab, which `u8`'s version does not.
    let space = |c: u8| c.is_ascii_whitespace() || c == 0x0b;
    let (mut first, mut last, mut quotes, mut backquote) = (None, 0, 0, false);
    for (k, &c) in b.iter().enumerate() {
        if space(c) {
            first.get_or_insert(k);
            last = k;
        }
        quotes += usize::from(c == b'"');
        backquote |= c == b'`';
    }
    let (post, pre) = match first {
        Some(f) => (&gap[..f], &gap[last + 1..]),
        None => (gap, ""),
    };
    let odd = quotes % 2 == 1;
    if !backquote {
        return (Cow::Borrowed(post), Cow::Borrowed(pre), odd);
    }
    (fold_spaceless(post), fold_spaceless(pre), odd)
}

/// [`fold_gap`] of ASCII punctuation without spaces.
fn fold_spaceless(s: &str) -> Cow<'_, str> {
    if s.contains('`') {
        return Cow::Owned(s.replace('`', "'"));
    }
    Cow::Borrowed(s)
}

/// [`lower_word`] of an ASCII word.
fn lower_ascii(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| b.is_ascii_uppercase()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.to_ascii_lowercase())
}

/// A word lower-cased with quotes and dashes folded. A word of ASCII letters, digits and inner
/// punctuation folds to itself, so ASCII lower-casing is the whole work there, and a word
/// without capitals is its own lower case.
fn lower_word(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return lower_ascii(text);
    }
    Cow::Owned(
        text.chars()
            .map(fold_char)
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold_char;

    proptest::proptest! {
        #[test]
        fn ascii_words_lower_as_the_general_path_does(w in "[A-Za-z0-9,.:'-]{1,16}") {
            let general: String = w.chars().map(fold_char).flat_map(char::to_lowercase).collect();
            proptest::prop_assert_eq!(lower_word(&w).into_owned(), general);
        }

        #[test]
        fn ascii_sentences_split_and_fold_as_the_general_path_does(s in "[ -~\t\n\x0b\x0c\r]{0,60}") {
            proptest::prop_assert_eq!(ascii_spans(s.as_bytes()), char_spans(&s));
            proptest::prop_assert_eq!(fold_gap(&s).into_owned(), fold_chars(&s));
            proptest::prop_assert_eq!(ascii_gap(&s), char_gap(&s));
        }

        /// Words, gaps and quote state of an ASCII sentence read byte by byte are the ones the
        /// character path reads (quotes, backquotes and odd spaces are drawn often).
        #[test]
        fn ascii_sentences_scan_as_the_general_path_does(s in "([a-zA-Z0-9]{1,5}|[ \"`'.,:(\t\x0b-]){0,24}") {
            proptest::prop_assert_eq!(scan_as(&s, true), scan_as(&s, false));
        }
    }

    /// The spans as the scanner first read them, from a list of the sentence's characters with
    /// an index: the streaming reader must find the same.
    fn listed_spans(sentence: &str) -> Vec<(usize, usize)> {
        let chars: Vec<(usize, char)> = sentence.char_indices().collect();
        let joins = |k: usize| {
            ",.:'\u{2019}-\u{2011}".contains(chars[k].1)
                && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
        };
        let mut spans = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            if !chars[k].1.is_alphanumeric() {
                k += 1;
                continue;
            }
            let start = chars[k].0;
            let mut last = k;
            k += 1;
            while k < chars.len() && (chars[k].1.is_alphanumeric() || joins(k)) {
                let step = if chars[k].1.is_alphanumeric() { 1 } else { 2 };
                last = k + step - 1;
                k += step;
            }
            spans.push((start, chars[last].0 + chars[last].1.len_utf8()));
        }
        spans
    }

    proptest::proptest! {
        #[test]
        fn any_sentence_splits_as_its_listed_characters_do(
            s in "([a-zA-Z0-9\u{e9}\u{4e2d}]{1,4}|[ ,.:'\u{2019}\u{2011}\u{201c}\u{201d}\u{a0}-]){0,24}"
        ) {
            proptest::prop_assert_eq!(char_spans(&s), listed_spans(&s));
        }
    }

    #[test]
    fn other_words_fold_quotes_and_lower_case() {
        assert_eq!(lower_word("O\u{2019}NEILL"), "o'neill");
        assert_eq!(lower_word("Äpfel"), "äpfel");
    }
}
