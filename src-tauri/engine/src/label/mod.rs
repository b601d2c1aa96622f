//! Claim labels: whether a change is cosmetic or substantive, and which facets of the claim it
//! touches (number, date, name, quote, attribution, negation, hedge). Works on sentence text only;
//! which rows to label is left to `compare`.

mod words;

use std::borrow::Cow;

use crate::comparison::{Facet, Significance};
use crate::normalize::{Tokens, fold_char, tokens};
use words::{DAY, HEDGE, MONTH, NEGATION, NUMBER, SPEAKS, classes};

/// Rows longer than this (both sides, in bytes) get no facet analysis.
const LABEL_MAX_BYTES: usize = 200_000;

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.chars().all(|c| c.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// What a sentence asserts, as comparable sets per facet.
#[derive(Debug, Default, PartialEq, Eq)]
struct Claims {
    numbers: Vec<String>,
    dates: Vec<String>,
    names: Vec<String>,
    quotes: Vec<String>,
    speech: Vec<String>,
    negations: usize,
    hedges: Vec<String>,
}

/// The quoted passages of `text` as tokens: between each opening double quote mark and the
/// next one, and from a mark left open to the end.
fn quoted_spans(text: &str) -> Vec<String> {
    if text.is_ascii() {
        return ascii_quoted_spans(text);
    }
    char_quoted_spans(text)
}

/// [`quoted_spans`] of ASCII text, cut from it as it is: of ASCII, only `"` folds to a double
/// quote, and the only other byte that folds (a backquote to `'`) is no part of a token either
/// way (issue 17: folding a copy of every quoted sentence cost a quarter of its claims).
fn ascii_quoted_spans(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut open = None;
    for at in memchr::memchr_iter(b'"', text.as_bytes()) {
        match open.take() {
            Some(from) => out.push(tokens(&text[from..at]).text),
            None => open = Some(at + 1),
        }
    }
    if let Some(from) = open {
        out.push(tokens(&text[from..]).text); // a quote left open (split sentence) still counts
    }
    out
}

/// [`quoted_spans`] of any text, on a folded copy a character at a time.
fn char_quoted_spans(text: &str) -> Vec<String> {
    let folded: String = text.chars().map(fold_char).collect();
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    for c in folded.chars() {
        if c == '"' {
            match cur.take() {
                Some(s) => out.push(tokens(&s).text),
                None => cur = Some(String::new()),
            }
        } else if let Some(s) = cur.as_mut() {
            s.push(c);
        }
    }
    if let Some(s) = cur {
        out.push(tokens(&s).text); // a quote left open (split sentence) still counts
    }
    out
}

/// Capitalised words that do not open the sentence or follow a colon or quote mark.
fn names(text: &str) -> Vec<String> {
    if text.is_ascii() {
        return ascii_names(text.as_bytes());
    }
    char_names(text)
}

/// [`names`] of any text, a character at a time.
fn char_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut first = true;
    let mut prev_punct = ' ';
    let mut prev_abbrev = false;
    for tok in text.split_whitespace() {
        let core = tok.trim_start_matches(|c: char| !c.is_alphanumeric());
        let opens = core.len() != tok.len();
        if let Some(c) = core.chars().next() {
            let after_stop = matches!(prev_punct, ':' | '.' | '!' | '?') && !prev_abbrev;
            // Only a capitalised word in mid-sentence is a candidate; the rest need no lower-casing.
            if c.is_uppercase() && !first && !opens && !after_stop {
                let w: String = core
                    .chars()
                    .take_while(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect();
                if classes(&w) & (MONTH | DAY) == 0 {
                    out.push(w);
                }
            }
            first = false;
        }
        prev_punct = tok.chars().last().unwrap_or(' ');
        // "Ms.", "Dr.", "St." end in a dot without ending the sentence (letters are counted
        // only then).
        prev_abbrev = prev_punct == '.'
            && tok.starts_with(char::is_uppercase)
            && (1..=3).contains(&tok.chars().filter(|c| c.is_alphabetic()).count());
    }
    out.sort();
    out
}

/// [`names`] of ASCII text, a byte at a time: the same rule without decoding, for the names of
/// every changed row (issue 17: a quarter less work in labelling).
fn ascii_names(text: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut first = true;
    let mut prev_punct = b' ';
    let mut prev_abbrev = false;
    // `char::is_whitespace` also counts the vertical tab, which `u8`'s version does not.
    let space = |b: &u8| b.is_ascii_whitespace() || *b == 0x0b;
    for tok in text.split(space).filter(|t| !t.is_empty()) {
        let lead = tok
            .iter()
            .take_while(|b| !b.is_ascii_alphanumeric())
            .count();
        let core = &tok[lead..];
        if let Some(&c) = core.first() {
            let after_stop = matches!(prev_punct, b':' | b'.' | b'!' | b'?') && !prev_abbrev;
            if c.is_ascii_uppercase() && !first && lead == 0 && !after_stop {
                // Cut first and lower-cased in one copy: a string built a byte at a time
                // grows several times.
                let end = core
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .unwrap_or(core.len());
                let w = String::from_utf8(core[..end].to_ascii_lowercase())
                    .expect("ASCII letters and digits are UTF-8");
                if classes(&w) & (MONTH | DAY) == 0 {
                    out.push(w);
                }
            }
            first = false;
        }
        prev_punct = tok[tok.len() - 1];
        prev_abbrev = prev_punct == b'.'
            && tok[0].is_ascii_uppercase()
            && (1..=3).contains(&tok.iter().filter(|b| b.is_ascii_alphabetic()).count());
    }
    out.sort();
    out
}

/// The claims of `text`, whose tokens `t` are read already.
fn claims_with(text: &str, t: &Tokens) -> Claims {
    let mut c = Claims::default();
    // Each word's classes are looked up once, as the next word's and then as its own.
    let mut words = t.iter().map(|w| (w, classes(w))).peekable();
    while let Some((w, class)) = words.next() {
        let is = |bit: u8| class & bit != 0;
        let next_is_month = words.peek().is_some_and(|(_, n)| n & MONTH != 0);
        if is_year(w) || is(DAY) || (is(MONTH) && w != "may" && w != "mar") {
            c.dates.push(w.to_string());
        } else if w.bytes().any(|b| b.is_ascii_digit()) {
            if next_is_month {
                c.dates.push(w.to_string())
            } else {
                c.numbers.push(w.replace(',', ""))
            }
        } else if is(NUMBER) {
            c.numbers.push(w.to_string());
        }
        if is(NEGATION) || w.ends_with("n't") {
            c.negations += 1;
        }
        if is(HEDGE) {
            c.hedges.push(w.to_string());
        }
        if is(SPEAKS) {
            c.speech.push(w.to_string());
        }
    }
    // "is said to", "soll … haben" style hedges are covered by the word list; "n't" splits into "n", "t".
    // Both need an apostrophe: most sentences have none.
    if text.contains('\'') {
        c.negations += text.matches("n't").count();
    }
    if !text.is_ascii() {
        c.negations += text.matches("n\u{2019}t").count();
    }
    c.names = names(text);
    c.quotes = quoted_spans(text);
    c.numbers.sort();
    c.dates.sort();
    c.hedges.sort();
    c.speech.sort();
    c
}

/// Facets of what one sentence asserts (for added and removed rows), from its tokens where the
/// aligner `kept` them.
pub(crate) fn assertion_facets(text: &str, kept: Option<&Tokens>) -> Vec<Facet> {
    if text.len() > LABEL_MAX_BYTES {
        return Vec::new();
    }
    let c = claims_with(text, &tokens_or(text, kept));
    // Each facet is pushed once and in facet order, so the list is sorted as a set would give
    // it, without a set's allocation (issue 17).
    let mut f = Vec::new();
    if !c.numbers.is_empty() {
        f.push(Facet::Number);
    }
    if !c.dates.is_empty() {
        f.push(Facet::Date);
    }
    if !c.names.is_empty() {
        f.push(Facet::Name);
    }
    if !c.quotes.is_empty() {
        f.push(Facet::Quote);
    }
    if !c.speech.is_empty() {
        f.push(Facet::Attribution);
    }
    if c.negations > 0 {
        f.push(Facet::Negation);
    }
    if !c.hedges.is_empty() {
        f.push(Facet::Hedge);
    }
    debug_assert!(f.is_sorted());
    f
}

/// British/American and similar spelling variants, folded to one form.
fn fold_spelling(w: &str) -> Cow<'_, str> {
    // An ASCII word has a character per byte: most are, and counting them is a call.
    let n = if w.is_ascii() {
        w.len()
    } else {
        w.chars().count()
    };
    if !has_variant(w, n) {
        return Cow::Borrowed(w);
    }
    let mut s = w.replace('ß', "ss");
    if n >= 6 {
        for (from, to) in [
            ("isation", "ization"),
            ("ising", "izing"),
            ("ised", "ized"),
            ("ises", "izes"),
            ("yse", "yze"),
            ("ysed", "yzed"),
            ("lled", "led"),
            ("lling", "ling"),
            ("ogue", "og"),
        ] {
            if s.ends_with(from) {
                s = format!("{}{}", &s[..s.len() - from.len()], to);
                break;
            }
        }
        if s.ends_with("ise") {
            s = format!("{}ize", &s[..s.len() - 3]);
        }
    }
    if n >= 5 {
        s = s.replace("our", "or");
        if s.ends_with("tre") {
            s = format!("{}ter", &s[..s.len() - 3]);
        }
    }
    Cow::Owned(s)
}

/// Whether [`fold_spelling`] may change `w` (of `n` characters): most words have none of the
/// variants and are taken as they are.
fn has_variant(w: &str, n: usize) -> bool {
    const ENDINGS: [&str; 10] = [
        "isation", "ising", "ised", "ises", "yse", "ysed", "lled", "lling", "ogue", "ise",
    ];
    // Byte tests: a substring searcher costs more to set up than these short words take. An
    // ending's last byte is compared first, which settles most of them without a `memcmp`, and
    // so is the `o` of each three-byte window.
    let b = w.as_bytes();
    let ends = |e: &[u8]| e.last() == b.last() && b.ends_with(e);
    // `n` is the byte count exactly when the word is ASCII.
    (n != b.len() && w.contains('ß'))
        || n >= 6 && ENDINGS.iter().any(|e| ends(e.as_bytes()))
        || n >= 5 && (b.windows(3).any(|x| x[0] == b'o' && x == b"our") || b.ends_with(b"tre"))
}

fn is_vowel(c: char) -> bool {
    "aeiouyäöü".contains(c)
}

/// A typo-sized slip: Damerau–Levenshtein distance at most 1, except one vowel put for another.
/// A vowel swapped for a vowel is how one real word becomes another ("collision" / "collusion",
/// "affect" / "effect", "rise" / "rose"), while slips of the hand drop, double, transpose or
/// mis-hit letters; so that one substitution counts as a changed word, not a typo.
fn close(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    if a.len() == b.len() {
        let diff: Vec<(char, char)> = a
            .iter()
            .zip(&b)
            .filter(|(x, y)| x != y)
            .map(|(&x, &y)| (x, y))
            .collect();
        if let [(x, y)] = diff.as_slice()
            && is_vowel(*x)
            && is_vowel(*y)
        {
            return false;
        }
    }
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[n][m] <= 1
}

/// Words with spelling variants folded and a doubled word ("the the") said once; words without
/// a variant are borrowed from the tokens.
fn canonical_words(t: &Tokens) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    let mut prev = Cow::Borrowed("");
    t.iter().map(fold_spelling).filter(move |w| {
        let repeat = *w == prev;
        prev.clone_from(w);
        !repeat
    })
}

/// [`canonical_words`] collected; a doubled word is told by the last word kept, which is the
/// word before it, rather than by a copy of each word as the stream keeps one (issue 17).
fn canonical(t: &Tokens) -> Vec<Cow<'_, str>> {
    let words = t.iter().map(fold_spelling);
    let mut out: Vec<Cow<'_, str>> = Vec::with_capacity(words.size_hint().0);
    for w in words {
        // The stream starts from an empty previous word.
        let repeat = out.last().map_or(w.is_empty(), |p| *p == w);
        if !repeat {
            out.push(w);
        }
    }
    out
}

/// The characters of `canonical(..).concat()`, streamed: a megabyte-long row is compared without
/// holding a string per word.
fn canonical_chars(t: &Tokens) -> impl Iterator<Item = char> + '_ {
    canonical_words(t).flat_map(|w| w.chars().collect::<Vec<_>>())
}

/// True when the two texts say the same thing: they differ only in case, punctuation, spacing,
/// quote or dash style, spelling variants, a doubled word, or typo-sized slips in long words.
#[cfg(test)]
pub(crate) fn is_cosmetic(old: &str, new: &str) -> bool {
    let (ta, tb) = (tokens(old), tokens(new));
    let (ca, cb) = (claims_with(old, &ta), claims_with(new, &tb));
    cosmetic_with(&canonical(&ta), &canonical(&tb), &ca, &cb)
}

/// `a`, `b`: the canonical words of the old and new text; `ca`, `cb`: their claims.
fn cosmetic_with(a: &[Cow<'_, str>], b: &[Cow<'_, str>], ca: &Claims, cb: &Claims) -> bool {
    // The words, or their concatenations, agree (the latter compared without joining them).
    let bytes = |v: &[Cow<'_, str>]| v.iter().map(|w| w.len()).sum::<usize>();
    let chars = |v: &'_ [Cow<'_, str>]| v.iter().flat_map(|w| w.bytes()).collect::<Vec<u8>>();
    if a == b || (bytes(a) == bytes(b) && chars(a) == chars(b)) {
        return true;
    }
    if a.len() != b.len() {
        return false;
    }
    if ca.numbers != cb.numbers || ca.dates != cb.dates || ca.negations != cb.negations {
        return false;
    }
    a.iter().zip(b).all(|(x, y)| {
        x == y
            || (x.chars().count() >= 6
                && y.chars().count() >= 6
                && !x.chars().any(|c| c.is_ascii_digit())
                && close(x, y))
    })
}

/// True when every word the edit changes is a name the text already names elsewhere (`known`,
/// given lower-cased words), written on the old side as a fragment or slip of it: a broken name
/// repaired ("Mr . utin" to "Mr Putin"), not a new claim.
#[cfg(test)]
pub(crate) fn repairs_known_name(old: &str, new: &str, known: impl Fn(&str) -> bool) -> bool {
    if old.len() + new.len() > LABEL_MAX_BYTES {
        return false;
    }
    let (ta, tb) = (tokens(old), tokens(new));
    repairs_with(&canonical(&ta), &canonical(&tb), &names(new), known)
}

/// [`repairs_known_name`] from what labelling read already: the canonical words `a`, `b` of
/// the old and new text and the names of the new one (sorted, as [`names`] gives them).
fn repairs_with(
    a: &[Cow<'_, str>],
    b: &[Cow<'_, str>],
    names_new: &[String],
    known: impl Fn(&str) -> bool,
) -> bool {
    // Every changed word must be a name of the new text: without names, no edit repairs one.
    if names_new.is_empty() {
        return false;
    }
    let is_name = |w: &str| names_new.binary_search_by(|n| n.as_str().cmp(w)).is_ok();
    let mut changed = false;
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, a, b) {
        let (old_words, new_words) = match op {
            similar::DiffOp::Equal { .. } => continue,
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => (&a[old_index..old_index + old_len], &b[0..0]),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => (&a[0..0], &b[new_index..new_index + new_len]),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                &a[old_index..old_index + old_len],
                &b[new_index..new_index + new_len],
            ),
        };
        changed = true;
        if new_words.is_empty()
            || old_words.is_empty()
            || !new_words.iter().all(|w| is_name(w) && known(w))
        {
            return false;
        }
        let fragment = |o: &Cow<'_, str>| {
            new_words
                .iter()
                .any(|n| o.chars().count() >= 2 && n.contains(o.as_ref()) || close(o, n))
        };
        if !old_words.iter().all(fragment) {
            return false;
        }
    }
    changed
}

/// The tokens of `text`: those `kept` where the caller has them, else read now.
fn tokens_or<'t>(text: &str, kept: Option<&'t Tokens>) -> Cow<'t, Tokens> {
    kept.map_or_else(|| Cow::Owned(tokens(text)), Cow::Borrowed)
}

/// Significance and facets of an edit from `old` to `new` (texts of one aligned row). A
/// substantive edit that only repairs a name the text names elsewhere (`known`, see
/// [`repairs_known_name`]) is cosmetic; it is told from the words and names read here. `read`
/// holds each side's tokens where the aligner read them already; a side without is tokenised.
pub(crate) fn label_change(
    old: &str,
    new: &str,
    read: (Option<&Tokens>, Option<&Tokens>),
    known: impl Fn(&str) -> bool,
) -> (Significance, Vec<Facet>) {
    if old == new {
        return (Significance::None, Vec::new());
    }
    // Reordering controls change what is read ("40" shown as "04") while every visible
    // character stays: never cosmetic.
    let hidden = crate::hidden::bidi_changed(old, new);
    // Size guard: a row this long is not a sentence but unsegmented text (one huge line); it gets
    // a significance but no facets rather than a slow claim analysis.
    let (ta, tb) = (tokens_or(old, read.0), tokens_or(new, read.1));
    if old.len() + new.len() > LABEL_MAX_BYTES {
        let cosmetic = !hidden && canonical_chars(&ta).eq(canonical_chars(&tb));
        let sig = if cosmetic {
            Significance::Cosmetic
        } else {
            Significance::Substantive
        };
        return (sig, Vec::new());
    }
    let a = claims_with(old, &ta);
    let b = claims_with(new, &tb);
    let (wa, wb) = (canonical(&ta), canonical(&tb));
    if !hidden && cosmetic_with(&wa, &wb, &a, &b) {
        return (Significance::Cosmetic, Vec::new());
    }
    // Each facet is pushed once and in facet order, so the list is sorted as a set would give
    // it, without a set's allocation (issue 17).
    let mut f = Vec::new();
    if a.numbers != b.numbers {
        f.push(Facet::Number);
    }
    if a.dates != b.dates {
        f.push(Facet::Date);
    }
    if a.names != b.names {
        f.push(Facet::Name);
    }
    if a.quotes != b.quotes {
        f.push(Facet::Quote);
    }
    let speaks = !a.speech.is_empty()
        || !b.speech.is_empty()
        || !a.quotes.is_empty()
        || !b.quotes.is_empty();
    if a.speech != b.speech || (speaks && a.names != b.names) {
        f.push(Facet::Attribution);
    }
    if a.negations != b.negations {
        f.push(Facet::Negation);
    }
    if a.hedges != b.hedges {
        f.push(Facet::Hedge);
    }
    if repairs_with(&wa, &wb, &b.names, known) {
        return (Significance::Cosmetic, Vec::new());
    }
    debug_assert!(f.is_sorted());
    (Significance::Substantive, f)
}

#[cfg(test)]
mod tests;
