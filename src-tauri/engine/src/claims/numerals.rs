//! German numerals written as one word ("zweitausendfünfhundert"): read part by part, after
//! a filter on the first two bytes that turns away almost every other word. Plain number words
//! and multipliers are left to [`super::words`].

use super::words::{multiplier, number_word};

/// The parts of a German numeral, longest first, so "sechzehn" is not read as "sechs" +
/// "zehn"... and "achtzig" not as "acht" + "zig".
const PARTS: &[(&str, f64)] = &[
    ("dreizehn", 13.0),
    ("vierzehn", 14.0),
    ("fünfzehn", 15.0),
    ("sechzehn", 16.0),
    ("siebzehn", 17.0),
    ("achtzehn", 18.0),
    ("neunzehn", 19.0),
    ("zwanzig", 20.0),
    ("dreißig", 30.0),
    ("vierzig", 40.0),
    ("fünfzig", 50.0),
    ("sechzig", 60.0),
    ("siebzig", 70.0),
    ("achtzig", 80.0),
    ("neunzig", 90.0),
    ("sieben", 7.0),
    ("sechs", 6.0),
    ("zwölf", 12.0),
    ("zwei", 2.0),
    ("drei", 3.0),
    ("vier", 4.0),
    ("fünf", 5.0),
    ("acht", 8.0),
    ("neun", 9.0),
    ("zehn", 10.0),
    ("eins", 1.0),
    ("ein", 1.0),
    ("elf", 11.0),
];

/// The words that multiply or join the parts of a German numeral.
const NUMERAL_WORDS: [&str; 3] = ["hundert", "tausend", "und"];

/// The first two bytes a German numeral can start with, as bits: its reading starts with one
/// of its words, and each of them has three bytes or more.
static NUMERAL_OPENS: [u64; 1024] = {
    let mut t = [0u64; 1024];
    let mut k = 0;
    while k < PARTS.len() + NUMERAL_WORDS.len() {
        let w = if k < PARTS.len() {
            PARTS[k].0.as_bytes()
        } else {
            NUMERAL_WORDS[k - PARTS.len()].as_bytes()
        };
        let pair = (w[0] as usize) << 8 | w[1] as usize;
        t[pair >> 6] |= 1 << (pair & 63);
        k += 1;
    }
    t
};

/// `w` starts with two bytes a German numeral can start with.
fn may_open_numeral(w: &[u8]) -> bool {
    let [a, b, ..] = w else { return false };
    let pair = usize::from(*a) << 8 | usize::from(*b);
    NUMERAL_OPENS[pair >> 6] >> (pair & 63) & 1 == 1
}

/// The value of a German numeral written as one word ("sechshundert", "einundzwanzig",
/// "zweitausendfünfhundert"); `None` for a plain number word or multiplier (read elsewhere), or any
/// other word. Read left to right: units and tens add up ("ein-und-zwanzig"), "hundert"
/// multiplies what stands before it (one when nothing does), "tausend" closes a group.
pub(crate) fn german_numeral(w: &str) -> Option<f64> {
    // Length and first two bytes first: they turn most words away before the two lookups and
    // the parts (issue 17).
    if w.len() < 7
        || !may_open_numeral(w.as_bytes())
        || number_word(w).is_some()
        || multiplier(w).is_some()
    {
        return None;
    }
    let (mut total, mut group, mut small) = (0.0, 0.0, 0.0);
    let mut rest = w;
    let mut parts = 0;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("hundert") {
            group += if small == 0.0 { 1.0 } else { small } * 100.0;
            small = 0.0;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("tausend") {
            total += if group + small == 0.0 {
                1.0
            } else {
                group + small
            } * 1000.0;
            (group, small) = (0.0, 0.0);
            rest = r;
        } else if let Some(r) = rest.strip_prefix("und") {
            rest = r;
        } else {
            let (p, v) = PARTS.iter().find(|(p, _)| rest.starts_with(p))?;
            small += v;
            rest = &rest[p.len()..];
        }
        parts += 1;
    }
    (parts > 0).then_some(total + group + small)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_a_numeral_opens_with_passes_the_prefix_filter() {
        for w in PARTS.iter().map(|(p, _)| *p).chain(NUMERAL_WORDS) {
            assert!(may_open_numeral(w.as_bytes()), "{w}");
        }
        for w in ["station", "kommission", "", "d"] {
            assert!(!may_open_numeral(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn german_numerals_in_one_word_read_as_their_value() {
        for (w, v) in [
            ("sechshundert", 600.0),
            ("einundzwanzig", 21.0),
            ("achtzig", 80.0),
            ("zweitausendfünfhundert", 2500.0),
            ("dreihundertfünfzig", 350.0),
            ("neunzehnhundert", 1900.0),
            ("zehntausend", 10_000.0),
            ("hunderttausend", 100_000.0),
        ] {
            assert_eq!(german_numeral(w), Some(v), "{w}");
        }
        // Words that merely start like a numeral, and plain number words (read elsewhere).
        for w in [
            "einsatz",
            "eindeutig",
            "achtung",
            "elfmeter",
            "dreieck",
            "sechs",
            "hundert",
        ] {
            assert_eq!(german_numeral(w), None, "{w}");
        }
    }
}
