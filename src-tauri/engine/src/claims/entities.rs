//! Reading who and what a sentence names: people, organisations and places, quotes with their
//! speaker, and attributions ("X said", "according to X", "laut X"), with the clause and relative
//! boundaries a source stops at.

use super::ClaimAtom;
use super::atoms::{Reader, atom};
use super::words::{Word, is_day, is_function, is_speech, is_title, month};
use crate::comparison::Facet;

/// How many words a source ("Harl County officials") may span.
const MAX_SOURCE_WORDS: usize = 6;

impl Reader<'_> {
    /// A clause or sentence starts at word `i`.
    pub(super) fn clause_start(&self, i: usize) -> bool {
        if i == 0 || self.w[i].opens_clause() {
            return true;
        }
        let p = &self.w[i - 1];
        let stop = p.post.chars().any(|c| ".!?:".contains(c));
        stop && !(is_title(&p.lower) || p.text.chars().count() == 1)
    }

    pub(super) fn names(&mut self) {
        let mut i = 0;
        while i < self.w.len() {
            let name_word = |w: &Word, used: bool| {
                !used
                    && w.capitalised()
                    && w.text != "I"
                    && month(&w.lower).is_none()
                    && !is_day(&w.lower)
            };
            if !name_word(&self.w[i], self.used[i]) {
                i += 1;
                continue;
            }
            let mut to = i;
            // "Mr." and "Dr." end in a dot inside the name.
            let open = |w: &Word| !w.ends_clause() || is_title(&w.lower) && w.post == ".";
            while open(&self.w[to]) {
                let n = to + 1;
                let joins = !self.german
                    && matches!(self.lower(n), "of" | "von" | "de" | "van" | "del")
                    && self
                        .w
                        .get(n + 1)
                        .is_some_and(|x| name_word(x, self.used[n + 1]));
                if joins && !self.w[n].ends_clause() {
                    to = n + 1;
                } else if self.w.get(n).is_some_and(|x| name_word(x, self.used[n])) {
                    to = n;
                } else {
                    break;
                }
            }
            let mut from = i;
            if self.clause_start(i) && (to == i || is_function(&self.w[i].lower)) {
                from += 1;
            }
            let titled = i > 0 && is_title(&self.w[i - 1].lower);
            if self.german && to == from && !titled {
                from = to + 1; // a German noun, not a name
            }
            if from <= to {
                let words: Vec<String> = (from..=to)
                    .map(|k| stem_name(&self.w[k].lower))
                    .filter(|l| !is_title(l) && !is_function(l))
                    .collect();
                if !words.is_empty() {
                    let a = atom(Facet::Name, self.span(from, to), words.join(" "), "");
                    self.push(from, a);
                }
            }
            i = to + 1;
        }
    }

    pub(super) fn quotes(&mut self, speaker: Option<String>) {
        let mut i = 0;
        while i < self.w.len() {
            if !self.w[i].quoted {
                i += 1;
                continue;
            }
            let mut to = i;
            while self.w.get(to + 1).is_some_and(|w| w.quoted) {
                to += 1;
            }
            let key: Vec<&str> = (i..=to).map(|k| self.w[k].lower.as_ref()).collect();
            let mut a = atom(Facet::Quote, self.span(i, to), key.join(" "), "");
            a.speaker = speaker.clone();
            self.push(i, a);
            i = to + 1;
        }
    }

    /// The source of each attribution: "X said", "said X", "according to X", "laut X", "X zufolge".
    pub(super) fn attributions(&self) -> Vec<(usize, ClaimAtom)> {
        let mut out = Vec::new();
        for i in 0..self.w.len() {
            let w = &self.w[i];
            if w.quoted {
                continue;
            }
            let l = w.lower.as_ref();
            let span = if l == "according" && self.lower(i + 1) == "to" {
                self.forward(i + 2)
            } else if l == "laut" {
                self.genitive(i + 1)
            } else if l == "zufolge" {
                self.backward(i)
            } else if l == "angaben" && i > 0 && self.lower(i - 1) == "nach" {
                self.genitive(i + 1)
            } else if is_speech(l) && !(self.lower(i + 1) == "to" && l == "said") {
                let inverted = self.clause_start(i) || i > 0 && self.w[i - 1].ends_clause();
                if let Some(span) = self.apposition_before(i) {
                    let (from, to, name) = span;
                    out.push((self.w[from].start, self.source(from, to, Some(name))));
                    continue;
                }
                match self.relative_before(i) {
                    Some(k) if inverted => self.backward_from(k - 1),
                    // "The operator, Blue Channel Lines, said the captain …": no source after
                    // the verb, so the one before the comma.
                    _ if inverted => self
                        .forward(i + 1)
                        .or_else(|| (i > 0).then(|| self.backward_from(i - 1)).flatten()),
                    _ => self.backward(i),
                }
            } else {
                None
            };
            let Some((from, to)) = span else { continue };
            let a = self.source(from, to, None);
            if !a.key.is_empty() {
                out.push((self.w[from].start, a));
            }
        }
        out
    }

    /// The attribution atom of words `from..=to`. Of an apposition, the words of the name part
    /// (`name`, a range inside) come last in the key, so the surname is its last word.
    fn source(&self, from: usize, to: usize, name: Option<(usize, usize)>) -> ClaimAtom {
        let keep = |k: &usize| {
            let l = stem_name(&self.w[*k].lower);
            (!is_title(&l) && !is_function(&l)).then_some(l)
        };
        let in_name = |k: usize| name.is_some_and(|(a, b)| (a..=b).contains(&k));
        let key: Vec<String> = (from..=to)
            .filter(|&k| !in_name(k))
            .chain((from..=to).filter(|&k| in_name(k)))
            .filter_map(|k| keep(&k))
            .collect();
        atom(Facet::Attribution, self.span(from, to), key.join(" "), "")
    }

    /// A source of two parts set off by commas before the speech verb at `i`, one a name and
    /// the other a noun phrase describing it: "A spokesman for the authority, Glen Harrow, said",
    /// "Priya Nandakumar, chief engineer of the water authority, said". Returns the first word,
    /// the last word and the name part's range.
    fn apposition_before(&self, i: usize) -> Option<(usize, usize, (usize, usize))> {
        let end2 = i.checked_sub(1)?;
        if self.w[end2].post.trim_end_matches('"') != "," || self.w[end2].quoted {
            return None;
        }
        let start = |end: usize, max: usize| {
            let mut k = end;
            while k > 0 && !self.w[k - 1].ends_clause() && !self.clause_start(k) && end - k < max {
                k -= 1;
            }
            (k == 0 || self.w[k - 1].ends_clause() || self.clause_start(k)).then_some(k)
        };
        let start2 = start(end2, 2 * MAX_SOURCE_WORDS)?;
        let end1 = start2.checked_sub(1)?;
        if self.w[end1].post != "," || self.w[end1].quoted {
            return None;
        }
        let start1 = start(end1, MAX_SOURCE_WORDS)?;
        let name = |a: usize, b: usize| {
            b - a < 4 && (a..=b).all(|k| self.w[k].capitalised() && !is_function(&self.w[k].lower))
        };
        // A phrase that describes a person: opens with a determiner, a possessive or a title.
        let described = |a: usize| {
            let l = self.lower(a);
            is_title(l)
                || matches!(
                    l,
                    "a" | "an"
                        | "the"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                        | "our"
                        | "ein"
                        | "eine"
                        | "der"
                        | "die"
                        | "das"
                )
        };
        if name(start1, end1) && described(start2) {
            Some((start1, end2, (start1, end1)))
        } else if described(start1) && name(start2, end2) {
            Some((start1, end2, (start2, end2)))
        } else {
            None
        }
    }

    /// The words from `i` up to the end of the clause, at most `MAX_SOURCE_WORDS`.
    fn forward(&self, i: usize) -> Option<(usize, usize)> {
        self.w.get(i).filter(|w| !w.quoted)?;
        let mut to = i;
        while !self.w[to].ends_clause()
            && to + 1 < self.w.len()
            && to + 1 - i < MAX_SOURCE_WORDS
            && !self.stops_source(to + 1)
        {
            to += 1;
        }
        // A run cut off by the length cap is a clause, not a source.
        let ended = self.w[to].ends_clause() || to + 1 == self.w.len() || self.stops_source(to + 1);
        ended.then_some((i, to))
    }

    /// The noun phrase from `i` that names whose account it is ("nach Angaben der Bergwacht",
    /// "laut Stadtwerken"): an article, then capitalised words up to the first other word.
    fn genitive(&self, i: usize) -> Option<(usize, usize)> {
        let mut j = i;
        if matches!(self.lower(j), "der" | "des" | "von" | "vom" | "dem" | "den") {
            j += 1;
        }
        let mut to = None;
        while self.w.get(j).is_some_and(|w| w.capitalised() && !w.quoted)
            && j - i < MAX_SOURCE_WORDS
        {
            to = Some(j);
            if self.w[j].ends_clause() {
                break;
            }
            j += 1;
        }
        to.map(|t| (i, t))
    }

    /// Word `i` ends a source that runs forward: a relative pronoun, a preposition, or in
    /// German the verb after "laut der Polizei" (a lower-case content word).
    fn stops_source(&self, i: usize) -> bool {
        let verb = self.german
            && self
                .w
                .get(i)
                .is_some_and(|n| !n.capitalised() && !is_function(&n.lower));
        verb || matches!(
            self.lower(i),
            "that" | "who" | "which" | "dass" | "on" | "at" | "in" | "am" | "im" | "um" | "mit"
        )
    }

    /// The words before `i` back to the start of the clause, at most `MAX_SOURCE_WORDS`. A
    /// relative clause ("the authority, which runs the dam, confirmed") is stepped over to the
    /// noun it describes.
    fn backward(&self, i: usize) -> Option<(usize, usize)> {
        let to = i.checked_sub(1)?;
        if self.w[to].quoted || self.w[to].ends_clause() {
            return None;
        }
        if let Some(k) = self.relative_before(i) {
            return self.backward_from(k - 1).or(Some((k, to)));
        }
        self.backward_from(to)
    }

    /// The source ending at word `to`: back to the start of its clause.
    fn backward_from(&self, to: usize) -> Option<(usize, usize)> {
        if self.w[to].quoted {
            return None;
        }
        let mut from = to;
        while from > 0
            && !self.clause_start(from)
            && !self.w[from - 1].ends_clause()
            && to + 1 - from < MAX_SOURCE_WORDS
            && !matches!(
                self.lower(from - 1),
                "and" | "but" | "that" | "und" | "dass"
            )
        {
            from -= 1;
        }
        Some((from, to))
    }

    /// The first word of a relative clause set off by commas that ends right before word `i`
    /// ("…, which runs the dam, confirmed"), if there is one.
    fn relative_before(&self, i: usize) -> Option<usize> {
        let mut k = i.checked_sub(1)?;
        if self.w[k].post.trim_end_matches('"') != "," && !self.w[k].post.is_empty() {
            return None;
        }
        while k > 0 && !self.w[k - 1].ends_clause() {
            k -= 1;
        }
        let relative = matches!(self.lower(k), "which" | "who" | "der" | "die" | "das");
        (relative && k > 0 && self.w[k - 1].post == ",").then_some(k)
    }
}

fn stem_name(w: &str) -> String {
    w.trim_end_matches("'s")
        .trim_end_matches("\u{2019}s")
        .to_string()
}
