//! The small closed-class lexicon (English and German) that claim atoms are read with (words
//! come from [`super::scan`]): function words, titles, speech verbs, hedges, number words, months and days.
//! General vocabulary of the language, not taken from any text the engine is measured on.

use std::sync::LazyLock;

pub(crate) use super::scan::{Word, scan};
use crate::lexicon::Lexicon;

/// One closed word class, hashed: looked up for every word of every changed sentence.
type WordSet = Lexicon<()>;

fn set(list: &'static [&'static str]) -> WordSet {
    Lexicon::new(list.iter().map(|w| (*w, ())))
}

static FUNCTION_SET: LazyLock<WordSet> = LazyLock::new(|| set(FUNCTION));
static GERMAN_SET: LazyLock<WordSet> = LazyLock::new(|| set(GERMAN));
static TITLE_SET: LazyLock<WordSet> = LazyLock::new(|| set(TITLES));
static SPEECH_SET: LazyLock<WordSet> = LazyLock::new(|| set(SPEECH));
static NEGATION_SET: LazyLock<WordSet> = LazyLock::new(|| set(NEGATIONS));
static HEDGE_SET: LazyLock<WordSet> = LazyLock::new(|| set(HEDGES));
static DAY_SET: LazyLock<WordSet> = LazyLock::new(|| set(DAYS));
static PRONOUN_SET: LazyLock<WordSet> = LazyLock::new(|| set(PRONOUNS));

pub(crate) const FUNCTION: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "of", "in", "on", "at", "to", "for",
    "from", "by", "with", "and", "or", "but", "as", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "it", "its", "their", "his", "her", "our", "than", "more", "less",
    "about", "around", "some", "over", "under", "who", "which", "while", "after", "before", "der",
    "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen", "eines", "und",
    "oder", "aber", "von", "vom", "zu", "zum", "zur", "im", "am", "an", "auf", "mit", "für", "aus",
    "bei", "beim", "nach", "ist", "sind", "war", "waren", "wird", "werden", "hat", "haben", "rund",
    "etwa", "mehr", "als", "über", "unter", "sich", "es", "sie", "er", "wir",
];

pub(crate) fn is_function(w: &str) -> bool {
    FUNCTION_SET.contains(w)
}

/// Words that mark a sentence as German (frequent function words English does not share).
const GERMAN: &[&str] = &[
    "der", "die", "das", "und", "nicht", "ist", "sind", "mit", "von", "den", "dem", "des", "eine",
    "einen", "wurde", "wurden", "auf", "sich", "auch", "nach", "bei", "sagte", "ihre", "ihren",
    "sein", "seine", "wird", "werden", "hat", "haben", "war", "im", "zum", "zur", "vom", "beim",
    "rund", "laut", "niemand", "mussten", "muss", "noch", "schon", "wie", "bis", "seit", "ab",
    "nur", "dass", "kein", "keine", "sei", "seien",
];

pub(crate) fn is_german(words: &[Word]) -> bool {
    words
        .iter()
        .filter(|w| GERMAN_SET.contains(w.lower.as_ref()))
        .count()
        >= 2
}

pub(crate) const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "mayor",
    "president",
    "minister",
    "senator",
    "governor",
    "judge",
    "chief",
    "director",
    "inspector",
    "detective",
    "sergeant",
    "captain",
    "general",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "chancellor",
    "herr",
    "frau",
    "bürgermeister",
    "bürgermeisterin",
    "ministerin",
    "präsident",
    "präsidentin",
    "kanzler",
    "kanzlerin",
    "direktor",
    "direktorin",
];

pub(crate) fn is_title(w: &str) -> bool {
    TITLE_SET.contains(w)
}

/// Verbs and phrases that attribute what follows or precedes to a source.
pub(crate) const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "claimed",
    "insisted",
    "warned",
    "denied",
    "confirmed",
    "added",
    "announced",
    "explained",
    "wrote",
    "sagte",
    "sagt",
    "sagten",
    "erklärte",
    "erklärt",
    "betonte",
    "berichtete",
    "bestätigte",
    "warnte",
    "teilte",
];

pub(crate) fn is_speech(w: &str) -> bool {
    SPEECH_SET.contains(w)
}

/// Personal pronouns: they stand for a person or thing without saying who.
pub(crate) const PRONOUNS: &[&str] = &[
    "i", "you", "he", "she", "it", "we", "they", "me", "him", "us", "them", "ich", "du", "er",
    "sie", "es", "wir", "ihr", "mich", "dich", "ihn", "uns", "euch", "ihnen",
];

pub(crate) fn is_pronoun(w: &str) -> bool {
    PRONOUN_SET.contains(w)
}

pub(crate) const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "nowhere",
    "nicht", "kein", "keine", "keiner", "keinen", "keinem", "keines", "nie", "niemals", "niemand",
    "nichts", "weder",
];

/// Asked of every word: both contractions end in `t`, which most words do not, so their
/// tests wait for that byte.
pub(crate) fn is_negation(w: &str) -> bool {
    NEGATION_SET.contains(w)
        || w.as_bytes().last() == Some(&b't') && (w.ends_with("n't") || w.ends_with("n’t"))
}

/// Single-word hedges; "may", "might", "could", "expected to", "believed to" are read in context.
pub(crate) const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "alleged",
    "purportedly",
    "apparently",
    "possibly",
    "perhaps",
    "probably",
    "likely",
    "unlikely",
    "suspected",
    "unconfirmed",
    "angeblich",
    "mutmaßlich",
    "möglicherweise",
    "vielleicht",
    "wahrscheinlich",
    "vermutlich",
    "offenbar",
    "soll",
    "sollen",
    "könnte",
    "könnten",
    "dürfte",
    "dürften",
];

pub(crate) fn is_hedge(w: &str) -> bool {
    HEDGE_SET.contains(w)
}

/// Month names (English, German) with their number.
pub(crate) fn month(w: &str) -> Option<u32> {
    const M: &[(&str, u32)] = &[
        ("january", 1),
        ("jan", 1),
        ("januar", 1),
        ("february", 2),
        ("feb", 2),
        ("februar", 2),
        ("march", 3),
        ("märz", 3),
        ("april", 4),
        ("apr", 4),
        ("may", 5),
        ("mai", 5),
        ("june", 6),
        ("jun", 6),
        ("juni", 6),
        ("july", 7),
        ("jul", 7),
        ("juli", 7),
        ("august", 8),
        ("aug", 8),
        ("september", 9),
        ("sept", 9),
        ("sep", 9),
        ("october", 10),
        ("oct", 10),
        ("oktober", 10),
        ("november", 11),
        ("nov", 11),
        ("december", 12),
        ("dec", 12),
        ("dezember", 12),
    ];
    static MAP: LazyLock<Lexicon<u32>> = LazyLock::new(|| Lexicon::new(M.iter().copied()));
    MAP.get(w)
}

pub(crate) const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "gestern",
    "heute",
    "vorgestern",
];

pub(crate) fn is_day(w: &str) -> bool {
    DAY_SET.contains(w)
}

/// The value of a number word: cardinals, multipliers and fractions (English, German).
pub(crate) fn number_word(w: &str) -> Option<f64> {
    const N: &[(&str, f64)] = &[
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("thirteen", 13.0),
        ("fourteen", 14.0),
        ("fifteen", 15.0),
        ("sixteen", 16.0),
        ("seventeen", 17.0),
        ("eighteen", 18.0),
        ("nineteen", 19.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
        ("dozen", 12.0),
        ("half", 0.5),
        ("quarter", 0.25),
        ("third", 1.0 / 3.0),
        ("zwei", 2.0),
        ("drei", 3.0),
        ("vier", 4.0),
        ("fünf", 5.0),
        ("sechs", 6.0),
        ("sieben", 7.0),
        ("acht", 8.0),
        ("neun", 9.0),
        ("zehn", 10.0),
        ("elf", 11.0),
        ("zwölf", 12.0),
        ("zwanzig", 20.0),
        ("dreißig", 30.0),
        ("vierzig", 40.0),
        ("fünfzig", 50.0),
        ("dutzend", 12.0),
        ("hälfte", 0.5),
        ("viertel", 0.25),
    ];
    static MAP: LazyLock<Lexicon<f64>> = LazyLock::new(|| Lexicon::new(N.iter().copied()));
    MAP.get(w)
}

/// Multipliers that scale the number before them ("48 million", "zwei Millionen").
pub(crate) fn multiplier(w: &str) -> Option<f64> {
    match w {
        "hundred" | "hundreds" | "hundert" | "hunderte" => Some(100.0),
        "thousand" | "thousands" | "tausend" | "tausende" => Some(1e3),
        "million" | "millions" | "millionen" | "mio" => Some(1e6),
        "billion" | "billions" | "milliarde" | "milliarden" | "mrd" => Some(1e9),
        _ => None,
    }
}

/// Units made of two words whose first word alone says little ("cubic metres", "percentage point").
pub(crate) fn unit_prefix(w: &str) -> bool {
    matches!(w, "cubic" | "square" | "percentage" | "per" | "light")
}

/// A figure's slot that is a unit of time (English and German, singular or plural).
pub(crate) fn is_time_unit(slot: &str) -> bool {
    let t = slot.trim_end_matches("en").trim_end_matches('e');
    matches!(
        t,
        "second"
            | "minut"
            | "hour"
            | "day"
            | "week"
            | "month"
            | "year"
            | "sekund"
            | "stund"
            | "tag"
            | "woch"
            | "monat"
            | "jahr"
    )
}

/// A figure's slot that is a unit of measure: time, share, money, length, weight, temperature.
pub(crate) fn is_measure(slot: &str) -> bool {
    is_time_unit(slot)
        || slot.chars().any(|c| "$€£%".contains(c))
        || matches!(
            slot,
            "percent"
                | "percentage point"
                | "mile"
                | "km"
                | "kilometre"
                | "kilometer"
                | "kilometern"
                | "metre"
                | "meter"
                | "metern"
                | "m"
                | "cm"
                | "mm"
                | "kg"
                | "kilogram"
                | "kilo"
                | "ton"
                | "tonne"
                | "tonnen"
                | "pound"
                | "euro"
                | "dollar"
                | "degree"
                | "grad"
                | "foot"
                | "feet"
                | "inch"
                | "litre"
                | "liter"
        )
}

/// Prepositions that say what a length of time measures: how soon ("within"), how long
/// ("for"), by when ("by"), after what ("after").
pub(crate) fn is_lead(w: &str) -> bool {
    matches!(
        w,
        "within"
            | "in"
            | "for"
            | "after"
            | "over"
            | "by"
            | "since"
            | "innerhalb"
            | "binnen"
            | "nach"
            | "seit"
            | "für"
            | "bis"
    )
}

/// Words that bound a figure without saying what it measures ("less than", "just", "rund").
pub(crate) fn is_bound(w: &str) -> bool {
    matches!(
        w,
        "less"
            | "more"
            | "than"
            | "just"
            | "only"
            | "about"
            | "nearly"
            | "almost"
            | "around"
            | "roughly"
            | "some"
            | "up"
            | "to"
            | "at"
            | "least"
            | "weniger"
            | "mehr"
            | "als"
            | "nur"
            | "knapp"
            | "rund"
            | "etwa"
            | "fast"
            | "gut"
    )
}

/// Words that count people: a figure of residents and a figure of people fill one slot.
pub(crate) fn is_person(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "persons"
            | "person"
            | "residents"
            | "resident"
            | "inhabitants"
            | "locals"
            | "menschen"
            | "personen"
            | "einwohner"
            | "bewohner"
            | "anwohner"
    )
}
