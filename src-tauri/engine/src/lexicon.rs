//! Closed word classes looked up at every word of a changed sentence: a hashed map behind a
//! filter on each word's first byte and length, which turns most words away before they are
//! hashed. Which words belong to a class is left to the lexicons (`claims::words`, `label::words`).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::normalize::WordHasher;

pub(crate) struct Lexicon<V> {
    /// For each first byte, bit `n` is set when an entry of `n` bytes (bit 63: 63 or more)
    /// starts with that byte.
    lengths: Box<[u64; 256]>,
    map: HashMap<&'static str, V, BuildHasherDefault<WordHasher>>,
}

/// The filter slot of a word: its first byte and its length bit; `None` for the empty word.
fn slot(w: &str) -> Option<(usize, u64)> {
    let first = *w.as_bytes().first()?;
    Some((usize::from(first), 1u64 << w.len().min(63)))
}

impl<V: Copy> Lexicon<V> {
    pub(crate) fn new(entries: impl IntoIterator<Item = (&'static str, V)>) -> Lexicon<V> {
        Lexicon::from_map(entries.into_iter().collect())
    }

    pub(crate) fn from_map(map: HashMap<&'static str, V, BuildHasherDefault<WordHasher>>) -> Self {
        let mut lengths = Box::new([0u64; 256]);
        for w in map.keys() {
            if let Some((f, bit)) = slot(w) {
                lengths[f] |= bit;
            }
        }
        Lexicon { lengths, map }
    }

    /// The entry's value, as the map alone would give it.
    pub(crate) fn get(&self, w: &str) -> Option<V> {
        if let Some((f, bit)) = slot(w)
            && self.lengths[f] & bit == 0
        {
            return None;
        }
        self.map.get(w).copied()
    }

    pub(crate) fn contains(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
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
}
