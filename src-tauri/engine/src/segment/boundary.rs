//! Whether a terminal ends a sentence: the words on either side of it weighed against lists of
//! titles, abbreviations and sentence openers. Finding terminals and cutting the text is left
//! to the parent module.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::{ascii_space, char_at};
use crate::lexicon::Lexicon;

/// Abbreviations after which a full stop never ends a sentence (they precede a name or a number).
/// General English and German usage, lower-cased, without the dot.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "capt", "lt", "sgt",
    "cpl", "adm", "maj", "rev", "hon", "pres", "supt", "det", "insp", "no", "nos", "vol", "vols",
    "fig", "figs", "art", "p", "pp", "para", "sec", "ch", "approx", "ca", "cf", "vs", "v", "nr",
    "hr", "fr", "frau", "hrn", "bzw", "vgl", "usw", "etc", "ggf", "evtl", "inkl", "zzgl", "sog",
    "bspw", "abs", "mio", "mrd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "okt", "nov", "dec", "dez", "mt", "ft", "ave", "blvd", "rd", "jr", "sr", "inc", "ltd",
    "co", "corp", "bros", "str", "tel", "ex", "al", "e.g", "i.e", "z.b", "d.h", "u.a", "o.ä",
    "u.s", "u.k", "a.m", "p.m", "e.v", "s.o", "s.u",
];

/// A word list for lookups at every full stop: most words there are turned away on the
/// lexicon's bit test, where hashing each one (and reading `MAY_END` through) was a tenth of
/// deciding a boundary (issue 17).
fn set(list: &'static [&'static str]) -> Lexicon<()> {
    Lexicon::new(list.iter().map(|w| (*w, ())))
}

static TITLE_SET: LazyLock<Lexicon<()>> = LazyLock::new(|| set(TITLES));
static MAY_END_SET: LazyLock<Lexicon<()>> = LazyLock::new(|| set(MAY_END));

/// Abbreviations that may also end a sentence: they end it when a capitalised word follows that
/// is a common sentence opener.
const MAY_END: &[&str] = &[
    "etc", "usw", "inc", "ltd", "co", "corp", "jr", "sr", "a.m", "p.m", "u.s", "u.k", "e.v", "bros",
];

/// Words that very often open a sentence (English and German function words); after an
/// ambiguous abbreviation they signal a boundary.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "in",
    "on",
    "at",
    "his",
    "her",
    "their",
    "its",
    "our",
    "after",
    "when",
    "however",
    "police",
    "officials",
    "der",
    "die",
    "das",
    "er",
    "sie",
    "es",
    "wir",
    "ich",
    "ein",
    "eine",
    "dies",
    "diese",
    "aber",
    "und",
    "im",
    "am",
    "nach",
    "als",
];

const MONTHS: &[&str] = &[
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "jänner",
];

/// The word (letters, digits and inner dots) that ends just before byte `end`, skipping spaces.
/// `ascii` says the paragraph is ASCII: its bytes are then read without decoding.
fn word_before(para: &str, end: usize, ascii: bool) -> &str {
    if ascii {
        let s = para[..end].trim_end_matches(|c: char| ascii_space(c as u8));
        let mut k = s.len();
        let b = s.as_bytes();
        let inner = |c: u8| matches!(c, b'.' | b'\'' | b'-');
        while k > 0
            && (b[k - 1].is_ascii_alphanumeric()
                || (inner(b[k - 1]) && k > 1 && b[k - 2].is_ascii_alphanumeric()))
        {
            k -= 1;
        }
        return &s[k..];
    }
    let s = para[..end].trim_end();
    let mut k = s.len();
    let inner = |c: char| matches!(c, '.' | '\'' | '\u{2019}' | '-');
    loop {
        let mut back = s[..k].chars().rev();
        let Some(c) = back.next() else { break };
        if c.is_alphanumeric() || (inner(c) && back.next().is_some_and(char::is_alphanumeric)) {
            k -= c.len_utf8();
        } else {
            break;
        }
    }
    &s[k..]
}

/// The word (letters and digits) that starts at byte `from`, which holds an alphanumeric
/// character or is the end of `para` (ASCII as in [`word_before`]).
#[inline]
pub(super) fn word_at(para: &str, from: usize, ascii: bool) -> &str {
    let rest = &para[from..];
    let e = if ascii {
        rest.bytes().position(|c| !c.is_ascii_alphanumeric())
    } else {
        rest.find(|c: char| !c.is_alphanumeric())
    };
    &rest[..e.unwrap_or(rest.len())]
}

/// `w` lower-cased. Most words before a full stop have no capitals and are borrowed: a String
/// at every terminal was a tenth of segmenting (issue 17).
fn lower_case(w: &str) -> Cow<'_, str> {
    if !w.is_ascii() {
        return Cow::Owned(w.to_lowercase());
    }
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        return Cow::Owned(w.to_ascii_lowercase());
    }
    Cow::Borrowed(w)
}

/// Decides whether the terminal run at `term` ends a sentence; `next` is the next word after it
/// (skipping spaces and opening punctuation), empty at the end; `ascii` as for
/// [`split_sentences_as`].
// Inlined into the splitter's loop as it was before this module was split off (it runs at every
// terminal).
#[inline]
pub(super) fn boundary(para: &str, term: usize, next: &str, ascii: bool) -> bool {
    let Some(first) = next.chars().next() else {
        return true;
    };
    // Continuations in lower case ("… and then", "z. B. bei") never start a sentence.
    if first.is_lowercase() {
        return false;
    }
    let ellipsis = match ascii {
        true => para.as_bytes()[term] != b'.' || para.as_bytes().get(term + 1) == Some(&b'.'),
        false => char_at(para, term) != Some('.') || char_at(para, term + 1) == Some('.'),
    };
    if ellipsis {
        return true; // ! ? … and "..." followed by a capital or digit
    }
    let prev = word_before(para, term, ascii);
    let lower = lower_case(prev);
    let marked = prev.bytes().any(|c| c == b'\'' || c == b'-');
    if marked || (!ascii && prev.contains('\u{2019}')) {
        return true; // "Mary's.", "X-ray." are words, not abbreviations
    }
    if lower.is_empty() {
        return true;
    }
    // Initials ("J. K. Rowling") and spaced abbreviations ("z. B.", "d. h.").
    let mut chars = prev.chars();
    if chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none() {
        return false;
    }
    // German ordinals before a month or number: "am 3. Oktober", "der 2. Weltkrieg" stays split-safe.
    if prev.chars().all(|c| c.is_ascii_digit()) && prev.len() <= 2 {
        let n = next.to_lowercase();
        if MONTHS.contains(&n.as_str()) || next.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    let opener = || OPENERS.contains(&next.to_lowercase().as_str());
    if MAY_END_SET.contains(&lower) {
        return opener();
    }
    if TITLE_SET.contains(lower.as_ref()) {
        return false;
    }
    // Dotted acronyms not in the lists ("N.A.T.O.", "U.N."): a boundary only before an opener.
    if lower.as_bytes().contains(&b'.') && lower.split('.').all(|p| p.chars().count() <= 2) {
        return opener();
    }
    true
}
