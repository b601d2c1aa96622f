//! Reading the claim atoms of one sentence: times and dates first, then numbers, names, quotes,
//! attributions, negations and hedges. Each reader marks the words it consumed so a figure is
//! read once (a year is a date, not also a number).

use super::ClaimAtom;
use super::numerals::german_numeral;
use super::words::{
    Word, is_bound, is_day, is_function, is_german, is_hedge, is_lead, is_negation, is_person,
    is_speech, is_time_unit, month, multiplier, number_word, scan, unit_prefix,
};
use crate::comparison::Facet;

/// Longer "sentences" are unsegmented text, not one claim: they get no atoms.
const MAX_BYTES: usize = 20_000;

/// The claim atoms of one sentence, in facet order and then reading order.
///
/// ```
/// use parallax_engine::{claim_atoms, Facet};
/// let atoms = claim_atoms("About 3,400 residents left at 2:40 a.m., Mayor Ruth Adeyemi said.");
/// let facets: Vec<Facet> = atoms.iter().map(|a| a.facet).collect();
/// assert_eq!(facets, [Facet::Number, Facet::Date, Facet::Name, Facet::Attribution]);
/// assert_eq!(atoms[0].key, "3400");
/// assert_eq!(atoms[1].key, "02:40");
/// ```
pub fn claim_atoms(sentence: &str) -> Vec<ClaimAtom> {
    if sentence.len() > MAX_BYTES {
        return Vec::new();
    }
    let w = scan(sentence);
    let mut r = Reader {
        s: sentence,
        used: vec![false; w.len()],
        german: is_german(&w),
        w,
        out: Vec::new(),
    };
    r.times_and_dates();
    r.numbers();
    r.lone_units();
    let sources = r.attributions();
    counted_sources(&mut r.out, &sources);
    r.names();
    r.quotes(sources.first().map(|(_, a)| a.text.clone()));
    r.out.extend(sources);
    r.negations();
    r.hedges();
    let mut out = r.out;
    out.sort_by_key(|(start, a)| (a.facet, *start));
    out.into_iter().map(|(_, a)| a).collect()
}

/// A figure inside a source ("according to two people familiar with the matter") counts who
/// speaks, not what happened: its slot is `source`, so it never differs from a figure of the
/// event itself ("4,000 people").
fn counted_sources(out: &mut [(usize, ClaimAtom)], sources: &[(usize, ClaimAtom)]) {
    let inside = |at: usize| {
        sources
            .iter()
            .any(|(start, a)| (*start..start + a.text.len()).contains(&at))
    };
    for (at, a) in out.iter_mut() {
        if a.facet == Facet::Number && inside(*at) {
            a.slot = "source".into();
        }
    }
}

pub(super) struct Reader<'a> {
    pub(super) s: &'a str,
    pub(super) w: Vec<Word<'a>>,
    pub(super) used: Vec<bool>,
    pub(super) german: bool,
    pub(super) out: Vec<(usize, ClaimAtom)>,
}

pub(super) fn atom(facet: Facet, text: &str, key: String, slot: &str) -> ClaimAtom {
    ClaimAtom {
        facet,
        text: text.to_string(),
        key,
        slot: slot.to_string(),
        speaker: None,
        lead: String::new(),
        refers: String::new(),
    }
}

/// The value of a figure written in digits, and what follows the digits in the same word.
/// A separator followed by exactly three digits groups thousands ("3,400", German "3.400");
/// any other is a decimal point ("2.5", German "2,5").
fn digits_value(w: &str) -> Option<(f64, &str)> {
    let b = w.as_bytes();
    if !b.first()?.is_ascii_digit() {
        return None;
    }
    let mut int = String::new();
    let mut k = 0;
    while k < b.len() {
        let c = b[k];
        if c.is_ascii_digit() {
            int.push(c as char);
            k += 1;
        } else if (c == b',' || c == b'.') && k + 1 < b.len() && b[k + 1].is_ascii_digit() {
            let run = b[k + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
            let after = b.get(k + 1 + run).copied();
            if run == 3 && !matches!(after, Some(b'0'..=b'9')) {
                k += 1; // thousands
            } else {
                int.push('.');
                k += 1;
            }
        } else {
            break;
        }
    }
    Some((int.parse().ok()?, &w[k..]))
}

/// A number as a key: no trailing zeros, no exponent ("3400", "0.25", "48000000"). Most
/// figures are whole, and a whole number below 10^15 is exact as an integer, which prints for
/// a fraction of the cost of formatting the float (issue 17).
fn number_key(v: f64) -> String {
    if v.fract() == 0.0 && v.is_sign_positive() && v < 1e15 {
        return (v as u64).to_string();
    }
    formatted_key(v)
}

/// [`number_key`] of any value, by formatting it to four decimals.
fn formatted_key(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A figure's slot from the word it counts: plural folded, and every word for people one slot
/// ("3,400 residents" and "2,100 people" count the same thing).
fn stem(w: &str) -> String {
    let w = w.trim_end_matches("'s").trim_end_matches("\u{2019}s");
    if is_person(w) {
        return "person".into();
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

impl Reader<'_> {
    pub(super) fn span(&self, from: usize, to: usize) -> &str {
        let mut end = self.w[to].end;
        // "a.m." keeps its final dot.
        if matches!(self.w[to].lower.as_ref(), "a.m" | "p.m") && self.s[end..].starts_with('.') {
            end += 1;
        }
        &self.s[self.w[from].start..end]
    }

    pub(super) fn push(&mut self, from: usize, a: ClaimAtom) {
        let start = self.w[from].start;
        self.out.push((start, a));
    }

    pub(super) fn lower(&self, i: usize) -> &str {
        self.w.get(i).map_or("", |w| w.lower.as_ref())
    }

    pub(super) fn small_int(&self, i: usize) -> Option<u32> {
        let w = self.w.get(i)?;
        let t = w
            .lower
            .trim_end_matches(|c: char| c.is_alphabetic())
            .to_string();
        let n: u32 = t.parse().ok()?;
        (1..=31).contains(&n).then_some(n)
    }

    fn times_and_dates(&mut self) {
        for i in 0..self.w.len() {
            if self.used[i] || !self.may_date(i) {
                continue;
            }
            let l = self.w[i].lower.clone();
            let next = self.lower(i + 1).to_string();
            let marker = matches!(next.as_str(), "a.m" | "p.m" | "am" | "pm" | "uhr");
            let clock = l.split_once([':', '.']).and_then(|(h, m)| {
                let (hh, mm): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
                (m.len() == 2 && hh < 24 && mm < 60 && (l.contains(':') || next == "uhr"))
                    .then_some((hh, mm))
            });
            let hour_only = l
                .parse::<u32>()
                .ok()
                .filter(|h| marker && (1..=24).contains(h));
            if let Some((h, m)) = clock.or(hour_only.map(|h| (h, 0))) {
                let h = match next.as_str() {
                    "p.m" | "pm" if h < 12 => h + 12,
                    "a.m" | "am" if h == 12 => 0,
                    _ => h,
                };
                let to = if marker { i + 1 } else { i };
                (i..=to).for_each(|k| self.used[k] = true);
                let a = atom(
                    Facet::Date,
                    self.span(i, to),
                    format!("{h:02}:{m:02}"),
                    "time",
                );
                self.push(i, a);
                continue;
            }
            if let Some(m) = month(&l).filter(|_| self.w[i].capitalised()) {
                let before = i.checked_sub(1).filter(|&b| !self.used[b]);
                let day_before = before.and_then(|b| self.small_int(b));
                let day_after = self.small_int(i + 1);
                if l == "may" && day_before.is_none() && day_after.is_none() {
                    continue; // the modal verb at the start of a sentence
                }
                let (from, mut to, day) = match (day_before, day_after) {
                    (Some(d), _) => (i - 1, i, Some(d)),
                    (None, Some(d)) => (i, i + 1, Some(d)),
                    _ => (i, i, None),
                };
                let year = self.year(to + 1);
                if year.is_some() {
                    to += 1;
                }
                (from..=to).for_each(|k| self.used[k] = true);
                let key = format!(
                    "{}-{m:02}-{}",
                    year.map_or(String::new(), |y| y.to_string()),
                    day.map_or(String::new(), |d| format!("{d:02}"))
                );
                let a = atom(Facet::Date, self.span(from, to), key, "date");
                self.push(from, a);
                continue;
            }
            if is_day(&l) {
                self.used[i] = true;
                // "officials said on Wednesday" dates the statement, not what it reports: its
                // own slot, so it never differs from the day of the event.
                let said = i >= 2 && self.lower(i - 1) == "on" && is_speech(self.lower(i - 2));
                let slot = if said { "statement" } else { "day" };
                let a = atom(Facet::Date, self.w[i].text, l.to_string(), slot);
                self.push(i, a);
            }
        }
        for i in 0..self.w.len() {
            if !self.used[i]
                && let Some(y) = self.year(i)
            {
                self.used[i] = true;
                let a = atom(Facet::Date, self.w[i].text, y.to_string(), "year");
                self.push(i, a);
            }
        }
    }

    /// Word `i` may start a time or date: it starts with a digit (a clock time or an hour), is
    /// a capitalised month or a day. Every other word is passed over without a copy.
    fn may_date(&self, i: usize) -> bool {
        let w = &self.w[i];
        w.lower.as_bytes().first().is_some_and(u8::is_ascii_digit)
            || month(&w.lower).is_some() && w.capitalised()
            || is_day(&w.lower)
    }

    fn year(&self, i: usize) -> Option<u32> {
        let w = self.w.get(i)?;
        let y: u32 = (w.text.len() == 4).then(|| w.text.parse().ok())??;
        (1800..2100).contains(&y).then_some(y)
    }

    /// The value of the number word(s) starting at `i` and the index of the last one.
    fn number_at(&self, i: usize) -> Option<(f64, usize, String)> {
        let w = &self.w[i];
        // Figures in digits start with one (lower-casing never makes one).
        if w.text.as_bytes().first().is_some_and(u8::is_ascii_digit)
            && let Some((v, rest)) = digits_value(&w.text.to_lowercase())
        {
            let rest = rest.trim_start_matches('-').to_string();
            return Some((v, i, rest));
        }
        // Spelled figures ("twenty-five") start with a number word.
        // A byte search: a splitter costs more to set up than these short words take.
        let hyphen = w.lower.bytes().position(|b| b == b'-');
        let first = hyphen.map_or(w.lower.as_ref(), |h| &w.lower[..h]);
        if let Some(v) = german_numeral(&w.lower) {
            return Some((v, i, String::new()));
        }
        if number_word(first).is_none() {
            return multiplier(&w.lower).map(|m| (m, i, String::new()));
        }
        let parts: Vec<&str> = w.lower.split('-').collect();
        let vals: Option<Vec<f64>> = parts.iter().map(|p| number_word(p)).collect();
        if let Some(v) = vals.filter(|v| v.len() <= 2) {
            // "one-third" is one times a third; "twenty-five" is twenty and five.
            let whole = match v.as_slice() {
                [n, f] if *f < 1.0 => n * f,
                _ => v.iter().sum(),
            };
            return Some((whole, i, String::new()));
        }
        if let Some(m) = multiplier(&w.lower) {
            return Some((m, i, String::new()));
        }
        None
    }

    fn numbers(&mut self) {
        let mut i = 0;
        while i < self.w.len() {
            if self.used[i] {
                i += 1;
                continue;
            }
            let several = matches!(
                self.w[i].lower.as_ref(),
                "several" | "few" | "many" | "mehrere" | "einige" | "viele"
            ) && self
                .w
                .get(i + 1)
                .is_some_and(|n| multiplier(&n.lower).is_some());
            if several {
                i += 1; // the multiplier that follows is read as a vague figure
            }
            let Some((mut v, mut to, rest)) = self.number_at(i) else {
                i += 1;
                continue;
            };
            // Only a figure can be vague: most words are none and are not compared.
            let vague = several
                || matches!(
                    self.w[i].lower.as_ref(),
                    "hundreds" | "thousands" | "millions" | "dozens" | "tausende" | "hunderte"
                );
            let mut from = if several { i - 1 } else { i };
            if v < 1.0 && i > 0 && matches!(self.lower(i - 1), "a" | "an" | "one") {
                from = i - 1;
            }
            while let Some(m) = self.w.get(to + 1).and_then(|n| multiplier(&n.lower)) {
                if self.w[to].ends_clause() {
                    break;
                }
                v *= m;
                to += 1;
            }
            let mut unit = if self.w[to].post.starts_with('%') {
                "percent".to_string()
            } else if self.w[i].pre.contains(['$', '€', '£']) {
                self.w[i]
                    .pre
                    .chars()
                    .filter(|c| "$€£".contains(*c))
                    .collect()
            } else {
                rest
            };
            let mut end = to;
            if unit.is_empty()
                && let Some((u, e)) = self.unit_after(to, v < 1.0 || vague)
            {
                unit = u;
                end = e;
            }
            (from..=end).for_each(|k| self.used[k] = true);
            let key = if vague {
                format!("~{}", number_key(v))
            } else {
                number_key(v)
            };
            let (key, slot) = match self.figure_kind(i, end, v) {
                Some(("percent", share)) => (number_key(share), "percent".to_string()),
                Some((kind, _)) => (key, kind.to_string()),
                None => (key, stem(&unit)),
            };
            let mut a = atom(Facet::Number, self.span(from, end), key, &slot);
            a.lead = self.lead(from, &slot);
            self.push(from, a);
            i = end + 1;
        }
    }

    /// A spelled fraction whose counted word does not say what it is: "a third of the staff" is
    /// a share, compared with percentages (its value in percent comes along); "third" before a
    /// noun is an ordinal ("a third case"), which counts nothing and pairs only with ordinals.
    fn figure_kind(&self, i: usize, end: usize, v: f64) -> Option<(&'static str, f64)> {
        let spelled = !self.w[i].has_digit() && v < 1.0;
        if !spelled {
            return None;
        }
        let of = self.lower(i + 1) == "of";
        if self.lower(i) == "third" && !of && !self.w[i].ends_clause() {
            return Some(("ordinal", v));
        }
        let counted = self.lower(end);
        let unit = counted.starts_with("percent") || counted == "point";
        (of && !unit).then_some(("percent", v * 100.0))
    }

    /// The preposition that leads a length of time starting at word `from` (see
    /// [`ClaimAtom::lead`]), past the words that only bound it ("for less than 10 minutes").
    fn lead(&self, from: usize, slot: &str) -> String {
        if !is_time_unit(slot) {
            return String::new();
        }
        let mut k = from;
        while k > 0 && is_bound(self.lower(k - 1)) {
            k -= 1;
        }
        let before = k.checked_sub(1).map_or("", |b| self.lower(b));
        if is_lead(before) {
            before.to_string()
        } else {
            String::new()
        }
    }

    /// "within a month", "nach einem Jahr": one unit of time counted by an article alone, read
    /// only after a preposition of time so "a day" in "twice a day" stays unread.
    fn lone_units(&mut self) {
        for i in 1..self.w.len().saturating_sub(1) {
            let one = matches!(
                self.lower(i),
                "a" | "an" | "one" | "einem" | "einer" | "einen"
            );
            // The cheap tests first: most words are no article, and the unit's stem is a copy.
            if self.used[i] || self.used[i + 1] || !one {
                continue;
            }
            let unit = stem(self.lower(i + 1));
            if !is_time_unit(&unit) {
                continue;
            }
            let lead = self.lower(i - 1).to_string();
            if !is_lead(&lead) {
                continue;
            }
            self.used[i] = true;
            self.used[i + 1] = true;
            let mut a = atom(Facet::Number, self.span(i, i + 1), "1".into(), &unit);
            a.lead = lead;
            self.push(i, a);
        }
    }

    /// What a figure counts: the first content word after it (skipping proper names in
    /// English), with "of a" after a fraction and two-word units joined.
    fn unit_after(&self, to: usize, fraction: bool) -> Option<(String, usize)> {
        if self.w[to].ends_clause() {
            return None;
        }
        let mut j = to + 1;
        if fraction && self.lower(j) == "of" {
            j += 1;
            if matches!(self.lower(j), "a" | "an" | "the") {
                j += 1;
            }
        }
        let mut skipped = 0;
        while let Some(w) = self.w.get(j) {
            let l = w.lower.as_ref();
            if matches!(l, "percent" | "prozent") || l == "per" && self.lower(j + 1) == "cent" {
                let e = if l == "per" { j + 1 } else { j };
                return Some(("percent".into(), e));
            }
            // A capitalised word for people is what is counted ("600 Anwohner" in a sentence
            // too short to tell as German), not a name before it.
            if !self.german && w.capitalised() && !is_person(l) && skipped < 2 && !w.ends_clause() {
                skipped += 1;
                j += 1;
                continue;
            }
            if is_function(l) || !w.text.chars().all(char::is_alphabetic) && !l.contains('-') {
                return None;
            }
            // German nouns are capitalised: a lower-case word after a German figure is a verb or
            // an adjective ("Warnstufe 3 ausgerufen"), unless it is an abbreviated unit ("km").
            if self.german && !w.capitalised() && l.chars().count() > 3 {
                return None;
            }
            if unit_prefix(l) && !w.ends_clause() && self.w.get(j + 1).is_some() {
                return Some((format!("{l} {}", self.lower(j + 1)), j + 1));
            }
            return Some((l.to_string(), j));
        }
        None
    }

    fn negations(&mut self) {
        for i in 0..self.w.len() {
            if is_negation(&self.w[i].lower) {
                let a = atom(Facet::Negation, self.w[i].text, "not".into(), "");
                self.push(i, a);
            }
        }
    }

    /// Word `i` may open a hedge (see `hedges`): the checks that need no copy of the words.
    fn may_hedge(&self, i: usize) -> bool {
        let l = self.w[i].lower.as_ref();
        is_hedge(l)
            || matches!(l, "may" | "might" | "could")
            || self.lower(i + 1) == "to"
                && matches!(
                    l,
                    "expected" | "believed" | "thought" | "said" | "appears" | "seems" | "appeared"
                )
    }

    fn hedges(&mut self) {
        let mut i = 0;
        while i < self.w.len() {
            if !self.may_hedge(i) {
                i += 1;
                continue;
            }
            let l = self.w[i].lower.clone();
            let next = self.lower(i + 1).to_string();
            let mut span = None;
            if is_hedge(&l) {
                span = Some((i, i));
            } else if matches!(l.as_ref(), "may" | "might" | "could")
                && !self.used[i]
                && self
                    .w
                    .get(i + 1)
                    .is_some_and(|n| !n.capitalised() && !n.has_digit())
            {
                let to = if matches!(next.as_str(), "have" | "be" | "not") {
                    i + 1
                } else {
                    i
                };
                span = Some((i, to));
            } else if next == "to"
                && matches!(
                    l.as_ref(),
                    "expected" | "believed" | "thought" | "said" | "appears" | "seems" | "appeared"
                )
            {
                let aux = i > 0
                    && matches!(
                        self.lower(i - 1),
                        "is" | "are" | "was" | "were" | "be" | "been"
                    );
                if aux || l != "said" {
                    span = Some((if aux { i - 1 } else { i }, i + 1));
                }
            }
            if let Some((from, to)) = span {
                let text = self.span(from, to).to_string();
                let key = text.to_lowercase();
                let a = atom(Facet::Hedge, &text, key, "");
                self.push(from, a);
                i = to + 1;
            } else {
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Whole figures take the integer path; it prints what formatting the float prints.
        #[test]
        fn whole_figures_key_as_formatting_does(n in 0u64..1_000_000_000_000_000, k in 0u32..4) {
            let v = n as f64 * [1.0, 100.0, 1e3, 1e6][k as usize];
            proptest::prop_assert_eq!(number_key(v), formatted_key(v));
        }

        #[test]
        fn any_value_keys_as_formatting_does(v in proptest::num::f64::ANY) {
            proptest::prop_assert_eq!(number_key(v), formatted_key(v));
        }
    }

    #[test]
    fn edge_values_key_as_formatting_does() {
        for v in [0.0, -0.0, 1e15, 1e15 - 1.0, 0.25, 2.5, f64::INFINITY, 1e300] {
            assert_eq!(number_key(v), formatted_key(v), "{v}");
        }
    }
}
