//! The words the labeller reads a change by: negations, hedges, verbs of speech, months, days and
//! number words (English and German), as one class lookup per word.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::claims::words::DAYS;
use crate::lexicon::Lexicon;

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
    "nowhere", "nicht", "kein", "keine", "keiner", "keinen", "keinem", "keines", "nie", "niemals",
    "niemand", "nichts", "ohne", "weder",
];
const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "alleged",
    "purportedly",
    "apparently",
    "seemingly",
    "may",
    "might",
    "could",
    "possibly",
    "perhaps",
    "probably",
    "likely",
    "unlikely",
    "suspected",
    "appears",
    "appear",
    "appeared",
    "seems",
    "seem",
    "seemed",
    "believed",
    "unconfirmed",
    "rumoured",
    "rumored",
    "angeblich",
    "mutmaßlich",
    "möglicherweise",
    "vielleicht",
    "wahrscheinlich",
    "vermutlich",
    "offenbar",
    "offenbar",
    "soll",
    "sollen",
    "könnte",
    "könnten",
    "dürfte",
    "dürften",
    "scheint",
    "scheinen",
];
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "states",
    "claimed",
    "claims",
    "added",
    "announced",
    "announces",
    "according",
    "insisted",
    "insists",
    "argued",
    "argues",
    "noted",
    "wrote",
    "writes",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "explained",
    "warned",
    "admitted",
    "reported",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "sagte",
    "sagt",
    "sagten",
    "erklärte",
    "erklärt",
    "betonte",
    "laut",
    "zufolge",
    "berichtete",
    "teilte",
    "meinte",
    "sprecher",
    "sprecherin",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
];
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
    "half",
    "percent",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "hundert",
    "tausend",
    "million",
    "millionen",
    "milliarde",
    "milliarden",
    "prozent",
    "dutzend",
];

/// Which of the word classes above a word belongs to, as bits: one lookup per word of a row.
pub(super) const MONTH: u8 = 1;
pub(super) const DAY: u8 = 2;
pub(super) const NUMBER: u8 = 4;
pub(super) const NEGATION: u8 = 8;
pub(super) const HEDGE: u8 = 16;
pub(super) const SPEAKS: u8 = 32;

static CLASSES: LazyLock<Lexicon<u8>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for (list, bit) in [
        (MONTHS, MONTH),
        (DAYS, DAY),
        (NUMBER_WORDS, NUMBER),
        (NEGATIONS, NEGATION),
        (HEDGES, HEDGE),
        (SPEECH, SPEAKS),
    ] {
        for w in list {
            *m.entry(*w).or_insert(0) |= bit;
        }
    }
    Lexicon::from_map(m)
});

pub(super) fn classes(w: &str) -> u8 {
    CLASSES.get(w).unwrap_or(0)
}
