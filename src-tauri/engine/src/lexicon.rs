//! Closed word classes looked up at every word of a changed sentence: the entries grouped by
//! their first byte and length, so a lookup turns most words away on one bit test and compares
//! the rest with the few entries of their group, without hashing them. Which words belong to a
//! class is left to the lexicons (`claims::words`, `label::words`).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::normalize::WordHasher;

pub(crate) struct Lexicon<V> {
    /// For each first byte, bit `n` is set when an entry of `n` bytes (bit 63: 63 or more)
    /// starts with that byte.
    lengths: Box<[u64; 256]>,
    /// For each first byte, the index in `groups` of its shortest entries' group; the groups of
    /// one first byte follow in order of length, one per bit set in `lengths`.
    first_group: Box<[u16; 256]>,
    /// Where each group starts in `entries`; the next one's start is its end (a last start
    /// closes the list).
    groups: Vec<u16>,
    /// The entries, ordered by first byte and then length.
    entries: Vec<(&'static str, V)>,
    /// The empty word's value, if it is an entry (it has no first byte).
    empty: Option<V>,
}

/// The filter slot of a word: its first byte and its length bit; `None` for the empty word.
fn slot(w: &str) -> Option<(usize, u64)> {
    let first = *w.as_bytes().first()?;
    Some((usize::from(first), 1u64 << w.len().min(63)))
}

impl<V: Copy> Lexicon<V> {
    /// The lexicon of `entries`; of a word given twice, the last value counts.
    pub(crate) fn new(entries: impl IntoIterator<Item = (&'static str, V)>) -> Lexicon<V> {
        Lexicon::from_map(entries.into_iter().collect())
    }

    pub(crate) fn from_map(map: HashMap<&'static str, V, BuildHasherDefault<WordHasher>>) -> Self {
        let empty = map.get("").copied();
        let mut entries: Vec<(&'static str, V)> =
            map.into_iter().filter(|(w, _)| !w.is_empty()).collect();
        entries.sort_by_key(|(w, _)| (w.as_bytes()[0], w.len().min(63), *w));
        let mut lengths = Box::new([0u64; 256]);
        let mut first_group = Box::new([0u16; 256]);
        let mut groups: Vec<u16> = Vec::new();
        let mut last = None;
        for (k, (w, _)) in entries.iter().enumerate() {
            let Some((f, bit)) = slot(w) else { continue };
            if last != Some((f, bit)) {
                if lengths[f] == 0 {
                    first_group[f] = index(groups.len());
                }
                lengths[f] |= bit;
                groups.push(index(k));
                last = Some((f, bit));
            }
        }
        groups.push(index(entries.len()));
        Lexicon {
            lengths,
            first_group,
            groups,
            entries,
            empty,
        }
    }

    /// The entry's value, as a map of the entries would give it. Always inlined, and the
    /// search of a group never: at most call sites the bit test alone answers, and left to the
    /// compiler the choice moved with unrelated edits (callgrind, issue 17).
    #[inline(always)]
    pub(crate) fn get(&self, w: &str) -> Option<V> {
        let Some((f, bit)) = slot(w) else {
            return self.empty;
        };
        let mask = self.lengths[f];
        if mask & bit == 0 {
            return None;
        }
        // The groups of this first byte are ordered by length: the ones before are the bits below.
        let g = usize::from(self.first_group[f]) + (mask & (bit - 1)).count_ones() as usize;
        self.find(g, w)
    }

    /// The value of `w` among the entries of group `g`, which share its first byte and length.
    #[inline(never)]
    fn find(&self, g: usize, w: &str) -> Option<V> {
        let (start, end) = (self.groups[g], self.groups[g + 1]);
        let w = w.as_bytes();
        self.entries[usize::from(start)..usize::from(end)]
            .iter()
            .find(|(e, _)| same_bytes(e.as_bytes(), w))
            .map(|(_, v)| *v)
    }

    pub(crate) fn contains(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
}

/// `a == b` for the short words of a lexicon, without a call to `memcmp`.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// A position in the entries or groups: a lexicon is a few hundred words.
fn index(k: usize) -> u16 {
    u16::try_from(k).expect("a lexicon holds fewer than 65,536 entries")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_keeps_every_entry_and_only_the_entries() {
        let words = [
            "not",
            "no",
            "never",
            "n",
            "",
            "niemals",
            "kein",
            "über",
            &"x".repeat(70),
        ];
        let lex = Lexicon::new(words.iter().enumerate().map(|(k, w)| {
            let w: &'static str = Box::leak(w.to_string().into_boxed_str());
            (w, k)
        }));
        for (k, w) in words.iter().enumerate() {
            assert_eq!(lex.get(w), Some(k), "{w:?}");
        }
        let long = "x".repeat(64);
        for w in ["nope", "on", "keine", "ü", "the", "N", long.as_str()] {
            assert_eq!(lex.get(w), None, "{w:?}");
        }
    }

    proptest::proptest! {
        /// The grouped lookup answers as a hashed map of the same entries, for words that share
        /// first bytes and lengths, and for long words whose lengths share the last group.
        #[test]
        fn lookups_answer_as_a_map_does(
            entries in proptest::collection::vec(("[abn]{0,4}|[ab]{62,66}", 0u8..8), 0..40),
            probes in proptest::collection::vec("[abn]{0,4}|[ab]{62,66}", 0..40),
        ) {
            let entries: Vec<(&'static str, u8)> = entries
                .into_iter()
                .map(|(w, v)| (&*Box::leak(w.into_boxed_str()), v))
                .collect();
            let map: HashMap<&str, u8> = entries.iter().copied().collect();
            let lex = Lexicon::new(entries.iter().copied());
            for w in entries.iter().map(|(w, _)| *w).chain(probes.iter().map(String::as_str)) {
                proptest::prop_assert_eq!(lex.get(w), map.get(w).copied(), "{:?}", w);
            }
        }
    }
}
