//! Normalisation for matching: NFC, case folding, one style of quotes and dashes, word tokens.
//! The original text is kept elsewhere for display; nothing here is shown to a reader.

use unicode_normalization::UnicodeNormalization;

/// Maps typographic variants to one plain form so that style changes do not count as text changes.
pub(crate) fn fold_char(c: char) -> char {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' | '\u{301D}' | '\u{301E}' | '\u{FF02}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}'
        | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' | '\u{3000}' => ' ',
        c => c,
    }
}

/// True for characters that belong inside a word token.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Lower-cased NFC word tokens (letters and digits); punctuation and spacing are dropped.
/// A digit group with inner separators ("1,200", "3.5") stays one token so numbers compare whole.
pub(crate) fn words(text: &str) -> Vec<String> {
    // ASCII and already-composed text (the usual case) skip the NFC pass.
    let composed: std::borrow::Cow<'_, str> = if text.is_ascii()
        || unicode_normalization::is_nfc_quick(text.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    };
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut last_digit = false;
    let mut it = composed.chars().map(fold_char).peekable();
    while let Some(c) = it.next() {
        if is_word_char(c) {
            if c.is_ascii() {
                cur.push(c.to_ascii_lowercase());
            } else {
                cur.extend(c.to_lowercase());
            }
            last_digit = c.is_ascii_digit();
        } else if (c == '.' || c == ',')
            && last_digit
            && it.peek().is_some_and(|n| n.is_ascii_digit())
        {
            cur.push(c);
            last_digit = false;
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            last_digit = false;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The matching key of a sentence: its word tokens joined by single spaces. Two sentences with equal
/// keys differ at most in case, punctuation, spacing, quote or dash style.
#[cfg(test)]
pub(crate) fn match_key(text: &str) -> String {
    words(text).join(" ")
}

/// FNV-1a as a `Hasher`, for small sets of words (std's SipHash is slower than needed here).
pub(crate) struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// A 64-bit FNV-1a hash; stable across runs so outputs are deterministic.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_quotes_and_keep_numbers_whole() {
        assert_eq!(
            words("„Die Zahl“ stieg auf 3.5 – nicht 1,200!"),
            vec!["die", "zahl", "stieg", "auf", "3.5", "nicht", "1,200"]
        );
    }

    #[test]
    fn match_key_ignores_style() {
        assert_eq!(
            match_key("He said: \u{201C}No.\u{201D}"),
            match_key("he said \"no\"")
        );
    }
}
