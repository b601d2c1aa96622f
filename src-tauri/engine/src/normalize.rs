//! Normalisation for matching: NFC, case folding, one style of quotes and dashes, word tokens.
//! The original text is kept elsewhere for display; nothing here is shown to a reader.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

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

/// The word tokens of one sentence kept in a single buffer, joined by single spaces: two
/// allocations per sentence instead of one per word (tokenising is most of an engine run).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Tokens {
    /// The tokens joined by single spaces: the sentence's matching key.
    pub text: String,
    /// End offset of each token in `text`.
    ends: Vec<u32>,
}

impl Tokens {
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let mut start = 0usize;
        self.ends.iter().map(move |&e| {
            let w = &self.text[start..e as usize];
            start = e as usize + 1;
            w
        })
    }

    /// The first tokens whose joined text (with separators) fits in `max` bytes, as a prefix of `text`.
    pub(crate) fn prefix(&self, max: usize) -> &str {
        if self.text.len() <= max {
            return &self.text;
        }
        let end = self.ends.iter().take_while(|&&e| e as usize <= max).last();
        &self.text[..end.map_or(0, |&e| e as usize)]
    }
}

/// Lower-cased NFC word tokens (letters and digits) of one sentence; punctuation and spacing are
/// dropped. A digit group with inner separators ("1,200", "3.5") stays one token so numbers
/// compare whole.
pub(crate) fn tokens(text: &str) -> Tokens {
    if text.is_ascii() {
        return ascii_tokens(text.as_bytes());
    }
    unicode_tokens(text)
}

/// [`tokens`] for any text, a character at a time.
fn unicode_tokens(text: &str) -> Tokens {
    // Already-composed text (the usual case) skips the NFC pass.
    let composed: std::borrow::Cow<'_, str> = if unicode_normalization::is_nfc_quick(text.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    };
    let mut out = Tokens {
        text: String::with_capacity(composed.len()),
        ends: Vec::with_capacity(composed.len() / 5 + 1),
    };
    // Whether the token being built has any characters yet.
    let mut open = false;
    let mut last_digit = false;
    let mut it = composed.chars().map(fold_char).peekable();
    while let Some(c) = it.next() {
        if is_word_char(c) {
            if !open && !out.text.is_empty() {
                out.text.push(' ');
            }
            open = true;
            if c.is_ascii() {
                out.text.push(c.to_ascii_lowercase());
            } else {
                out.text.extend(c.to_lowercase());
            }
            last_digit = c.is_ascii_digit();
        } else if (c == '.' || c == ',')
            && last_digit
            && it.peek().is_some_and(|n| n.is_ascii_digit())
        {
            out.text.push(c);
            last_digit = false;
        } else {
            if open {
                out.ends.push(out.text.len() as u32);
                open = false;
            }
            last_digit = false;
        }
    }
    if open {
        out.ends.push(out.text.len() as u32);
    }
    out
}

/// Lower-case form of each ASCII letter or digit; 0 for every other byte.
static WORD_BYTE: [u8; 256] = {
    let mut m = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        if c.is_ascii_alphanumeric() {
            m[i] = c.to_ascii_lowercase();
        }
        i += 1;
    }
    m
};

/// Walks ASCII text the way [`tokens`] does, handing `step` each byte of the joined token text
/// (`Some`, separating spaces included) and `None` after each token: one table lookup per byte,
/// in a tight loop over the letters and digits of each token.
#[inline(always)]
fn ascii_walk(text: &[u8], mut step: impl FnMut(Option<u8>)) {
    let n = text.len();
    // Whether a token has been reported (the next one is preceded by a space).
    let mut any = false;
    let mut i = 0;
    while i < n {
        if WORD_BYTE[text[i] as usize] == 0 {
            i += 1;
            continue;
        }
        if any {
            step(Some(b' '));
        }
        loop {
            while i < n {
                let m = WORD_BYTE[text[i] as usize];
                if m == 0 {
                    break;
                }
                step(Some(m));
                i += 1;
            }
            // "1,200" and "3.5" stay one token: a separator between digits is kept.
            let c = text.get(i).copied().unwrap_or(0);
            if (c == b'.' || c == b',')
                && text[i - 1].is_ascii_digit()
                && text.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                step(Some(c));
                i += 1;
                continue;
            }
            break;
        }
        step(None);
        any = true;
    }
}

/// [`tokens`] for ASCII text: the same rules without decoding or case tables.
fn ascii_tokens(text: &[u8]) -> Tokens {
    let mut buf: Vec<u8> = Vec::with_capacity(text.len());
    let mut ends: Vec<u32> = Vec::with_capacity(text.len() / 5 + 1);
    ascii_walk(text, |b| match b {
        Some(b) => buf.push(b),
        None => ends.push(buf.len() as u32),
    });
    Tokens {
        // Only ASCII bytes were pushed.
        text: String::from_utf8(buf).unwrap_or_default(),
        ends,
    }
}

/// The hash of a sentence's matching key, [`key_of`]`(tokens(text).text)`, without building the
/// tokens for ASCII text: every sentence needs a key, only changed ones need their tokens. Only
/// equality of keys matters (the verbatim diff, twins), so the hash reads a token eight bytes
/// at a step instead of FNV's byte at a time (issue 17: the keys were 6% of a revision pair).
pub(crate) fn key_hash(text: &str) -> u64 {
    if !text.is_ascii() {
        return key_of(tokens(text).text.as_bytes());
    }
    let b = text.as_bytes();
    let mut h = KeyMix::default();
    let mut i = 0;
    while i < b.len() {
        if WORD_BYTE[b[i] as usize] == 0 {
            i += 1;
            continue;
        }
        // One token: runs of letters and digits, eight bytes at a step, joined by the
        // separators kept between digits ("1,200").
        loop {
            let (chunk, n) = word_run(b, i);
            if n > 0 {
                h.chunk(chunk);
                i += n;
                if n == 8 {
                    continue;
                }
            }
            let c = b.get(i).copied().unwrap_or(0);
            if (c == b'.' || c == b',')
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                h.chunk(u64::from(c));
                i += 1;
                continue;
            }
            break;
        }
        h.chunk(KeyMix::END);
    }
    h.finish()
}

/// The key hash of a matching key (tokens joined by single spaces): each token's runs of
/// letters and digits in chunks of eight bytes from the run's start, each separator kept
/// between digits a chunk of its own, and an end mark after each token. The pieces depend on
/// the key alone, so texts with equal keys hash alike whichever path reads them.
pub(crate) fn key_of(key: &[u8]) -> u64 {
    let mut h = KeyMix::default();
    if key.is_empty() {
        return h.finish();
    }
    for token in key.split(|&c| c == b' ') {
        let mut run = 0;
        for (k, &c) in token.iter().enumerate() {
            if c == b'.' || c == b',' {
                h.run(&token[run..k]);
                h.chunk(u64::from(c));
                run = k + 1;
            }
        }
        h.run(&token[run..]);
        h.chunk(KeyMix::END);
    }
    h.finish()
}

/// The letters and digits (lower-cased) among the eight bytes of ASCII text at `i`, packed
/// little-endian and zero-padded, and how many there are before the first other byte.
#[inline(always)]
fn word_run(b: &[u8], i: usize) -> (u64, usize) {
    let mut lane = [0u8; 8];
    match b.get(i..i + 8) {
        Some(eight) => lane.copy_from_slice(eight),
        None => lane[..b.len() - i].copy_from_slice(&b[i..]),
    }
    let x = u64::from_le_bytes(lane);
    // Per byte lane (every byte is below 0x80): the high bit says "at least `c`".
    let at_least = |v: u64, c: u8| v.wrapping_add(ONES * u64::from(0x80 - c)) & HIGH;
    let folded = x | (ONES * 0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
    // The high bit of each lane that ends the run (none when all eight are in it).
    let stop = !(letter | digit) & HIGH;
    let n = (stop.trailing_zeros() / 8) as usize;
    // Capitals get their 0x20 bit; bytes past the run are cleared. The first stop bit, moved
    // down to its lane's lowest bit, less one is the mask of the run (all ones without a stop).
    let lower = x | (letter >> 2);
    let keep = ((stop & stop.wrapping_neg()) >> 7).wrapping_sub(1);
    (lower & keep, n)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The running state of [`key_of`]: a multiply-rotate step per chunk (as [`TextHasher`]) and a
/// final avalanche, since the identity-hashed maps bucket keys by their low bits.
#[derive(Default)]
struct KeyMix(u64);

impl KeyMix {
    /// The mark after each token: no chunk of token bytes can equal it (UTF-8 has no 0xff).
    const END: u64 = 0xff;

    fn chunk(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    /// A run of letters and digits, eight bytes at a step, the last chunk zero-padded.
    fn run(&mut self, run: &[u8]) {
        for c in run.chunks(8) {
            let mut lane = [0u8; 8];
            lane[..c.len()].copy_from_slice(c);
            self.chunk(u64::from_le_bytes(lane));
        }
    }

    /// MurmurHash3's 64-bit finaliser.
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// [`key_hash`] of every sentence of both sides. A revision repeats most sentences byte for
/// byte: those take the key of the same text on the old side (found by a cheap hash of the raw
/// bytes) instead of a second walk through the text.
pub(crate) fn key_hashes(a: &[String], b: &[String]) -> (Vec<u64>, Vec<u64>) {
    let ka: Vec<u64> = a.iter().map(|x| key_hash(x)).collect();
    let mut old: HashMap<&str, u64, BuildHasherDefault<TextHasher>> =
        HashMap::with_capacity_and_hasher(a.len(), Default::default());
    for (x, &k) in a.iter().zip(&ka) {
        old.insert(x, k);
    }
    let kb = b
        .iter()
        .map(|x| old.get(x.as_str()).copied().unwrap_or_else(|| key_hash(x)))
        .collect();
    (ka, kb)
}

/// A multiply-rotate hash taking eight bytes at a step (the Firefox "Fx" hash): for telling raw
/// texts apart within one comparison, where FNV's byte at a time would cost as much as the key.
#[derive(Default)]
pub(crate) struct TextHasher(u64);

impl TextHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for TextHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(last) ^ rest.len() as u64);
    }
}

/// The matching key of a sentence: its word tokens joined by single spaces. Two sentences with equal
/// keys differ at most in case, punctuation, spacing, quote or dash style.
#[cfg(test)]
pub(crate) fn match_key(text: &str) -> String {
    tokens(text).text
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

/// FNV-1a's offset basis: the hash of no bytes.
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte of FNV-1a, for callers that hash words while they look for the words' ends.
#[inline(always)]
pub(crate) fn fnv_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// A 64-bit FNV-1a hash; stable across runs so outputs are deterministic.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| fnv_step(h, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_quotes_and_keep_numbers_whole() {
        assert_eq!(
            tokens("„Die Zahl“ stieg auf 3.5 – nicht 1,200!")
                .iter()
                .collect::<Vec<_>>(),
            vec!["die", "zahl", "stieg", "auf", "3.5", "nicht", "1,200"]
        );
    }

    #[test]
    fn tokens_share_one_buffer_and_cut_prefixes_at_token_ends() {
        let t = tokens("  Mr. O'Neil paid 1,200 -- twice!  ");
        assert_eq!(t.text, "mr o neil paid 1,200 twice");
        assert_eq!(
            t.iter().collect::<Vec<_>>(),
            ["mr", "o", "neil", "paid", "1,200", "twice"]
        );
        assert_eq!(t.prefix(100), t.text);
        assert_eq!(t.prefix(10), "mr o neil");
        assert_eq!(t.prefix(1), "");
        assert_eq!(tokens("?!").iter().count(), 0);
        // The ASCII path and the general one agree.
        let ascii = "He said: 'No, 3.5 -- or 1,200.' Then LEFT.";
        let wide = ascii.replace("--", "\u{2013}");
        assert_eq!(tokens(ascii), tokens(&wide));
        assert_eq!(tokens(ascii).text, "he said no 3.5 or 1,200 then left");
    }

    #[test]
    fn key_hash_is_the_hash_of_the_tokens() {
        for s in [
            "",
            "?!",
            "Mr. O'Neil paid 1,200 -- twice!",
            "  The 3.5.7 rule, 12,, and 4. ",
            "x",
            "„Die Zahl“ stieg auf 3.5 – nicht 1,200!",
            "End with digits 42",
        ] {
            assert_eq!(key_hash(s), key_of(tokens(s).text.as_bytes()), "{s:?}");
        }
    }

    #[test]
    fn key_hashes_tell_apart_keys_that_share_their_bytes() {
        // Tokens cut at eight bytes, separators and spaces all count.
        let keys = [
            "abcdefgh i",
            "abcdefghi",
            "abcdefgh",
            "abcdefghabcdefgh",
            "abcdefgh abcdefgh",
            "1,2",
            "1.2",
            "12",
            "1 2",
            "",
        ];
        let hashes: std::collections::HashSet<u64> = keys.iter().map(|k| key_hash(k)).collect();
        assert_eq!(hashes.len(), keys.len());
        // Equal keys read on the ASCII path and the general one hash alike.
        assert_eq!(
            key_hash("The ABCDEFGHIJ rule -- 1,200."),
            key_hash("the abcdefghij rule \u{2013} 1,200\u{2026}")
        );
    }

    #[test]
    fn keys_of_repeated_sentences_are_the_keys_of_their_text() {
        let a = ["The dam held.", "Rain fell, again.", "Rain fell, again."].map(String::from);
        let b = ["Rain fell again!", "The dam held.", "New text."].map(String::from);
        let (ka, kb) = key_hashes(&a, &b);
        let direct = |s: &[String]| s.iter().map(|x| key_hash(x)).collect::<Vec<_>>();
        assert_eq!(ka, direct(&a));
        assert_eq!(kb, direct(&b));
        assert_eq!(kb[0], ka[1], "equal keys, different bytes");
    }

    proptest::proptest! {
        #[test]
        fn key_hash_matches_tokens_on_any_ascii(s in "[ -~]{0,80}") {
            proptest::prop_assert_eq!(key_hash(&s), key_of(tokens(&s).text.as_bytes()));
        }

        #[test]
        fn key_hash_matches_tokens_on_long_words(s in "[A-Za-z0-9.,]{0,20}( [A-Za-z0-9.,]{0,20}){0,4}") {
            proptest::prop_assert_eq!(key_hash(&s), key_of(tokens(&s).text.as_bytes()));
        }

        #[test]
        fn ascii_shortcut_tokenises_like_the_general_path(s in "[ -~\t\n]{0,80}") {
            proptest::prop_assert_eq!(ascii_tokens(s.as_bytes()), unicode_tokens(&s));
        }

        #[test]
        fn digit_separators_tokenise_like_the_general_path(s in "[a19.,' ]{0,40}") {
            proptest::prop_assert_eq!(ascii_tokens(s.as_bytes()), unicode_tokens(&s));
            proptest::prop_assert_eq!(key_hash(&s), key_of(tokens(&s).text.as_bytes()));
        }
    }

    #[test]
    fn match_key_ignores_style() {
        assert_eq!(
            match_key("He said: \u{201C}No.\u{201D}"),
            match_key("he said \"no\"")
        );
    }
}
