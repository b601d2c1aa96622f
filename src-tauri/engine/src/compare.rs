//! Building a [`Comparison`]: segment both texts, align them, order the rows, word-diff and label
//! each row, and count. Rendering the result is left to the callers (CLI, app, export).

use std::borrow::Cow;
use std::cell::OnceCell;
use std::time::{Duration, Instant};

use crate::align::{Link, align_detailed};
use crate::claims::{ClaimAtom, ClaimStatus, claim_atoms, compare_atoms, text_atoms};
use crate::comparison::{
    Comparison, Confidence, Facet, FacetCount, Mode, ModeChoice, Row, RowKind, Segment, Sentence,
    Significance, Summary, Tag,
};
use crate::diff::word_diff;
use crate::label::{assertion_facets, label_change};
use crate::normalize::Tokens;
use crate::segment::{segment_pair, segment_paragraphs};

/// How to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareOptions {
    /// Regime: picked from the overlap (`Auto`) or forced.
    pub mode: ModeChoice,
    /// Time budget for all word diffs of one comparison; once spent, remaining rows get coarser
    /// (still correct) diffs instead of minimal ones.
    pub word_deadline: Duration,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            mode: ModeChoice::Auto,
            word_deadline: Duration::from_millis(200),
        }
    }
}

/// Compares two plain texts (paragraphs separated by blank lines).
pub fn compare(old: &str, new: &str, options: &CompareOptions) -> Comparison {
    let (left, right) = segment_pair(old, new);
    compare_sentences(left, right, options)
}

/// Compares two bodies kept as paragraph lists (as the store keeps them).
pub fn compare_paragraphs(old: &[String], new: &[String], options: &CompareOptions) -> Comparison {
    compare_sentences(segment_paragraphs(old), segment_paragraphs(new), options)
}

/// Compares two already segmented sentence lists.
pub fn compare_sentences(
    mut left: Vec<Sentence>,
    mut right: Vec<Sentence>,
    options: &CompareOptions,
) -> Comparison {
    // The texts are lent to the aligner and put back at the end, not copied.
    let take = |s: &mut [Sentence]| -> Vec<String> {
        s.iter_mut().map(|x| std::mem::take(&mut x.text)).collect()
    };
    let (a, b) = (take(&mut left), take(&mut right));
    let fixed = match options.mode {
        ModeChoice::Auto => None,
        ModeChoice::Revision => Some(Mode::Revision),
        ModeChoice::Accounts => Some(Mode::Accounts),
    };
    let deadline = Instant::now().checked_add(options.word_deadline);
    let (mode, aligned, weak, coarse, read) = align_detailed(&a, &b, fixed, true);
    // Claim atoms are read only for sentences of changed rows, and every sentence's names only
    // when an edit might repair one: most of a revision is unchanged and needs neither.
    let atoms = |texts: &[String], idx: &[usize]| -> Vec<ClaimAtom> {
        idx.iter().flat_map(|&i| text_atoms(texts, i)).collect()
    };
    let known = KnownNames::new(&a, &b);
    let mut rows: Vec<Row> = Vec::with_capacity(a.len().max(b.len()));
    let mut left_row = vec![usize::MAX; a.len()];
    let mut right_row = vec![usize::MAX; b.len()];
    // Consumed: each group's indices move into its row.
    for x in aligned {
        let old = join(&a, &x.group.a);
        let new = join(&b, &x.group.b);
        let (old, new) = (old.as_ref(), new.as_ref());
        let kind = match (x.group.a.len(), x.group.b.len()) {
            (1, 1) if x.link == Link::Moved => RowKind::Moved,
            (1, 1) if old == new => RowKind::Unchanged,
            (1, 1) => RowKind::Edited,
            (1, _) => RowKind::Split,
            (_, 1) => RowKind::Merged,
            _ => RowKind::Edited,
        };
        let (significance, facets) = label_change(old, new, read.of(&x.group.a, &x.group.b), |w| {
            known.elsewhere(w, &x.group.a, &x.group.b)
        });
        let claims = if kind == RowKind::Unchanged || old == new {
            Vec::new()
        } else {
            compare_atoms(&atoms(&a, &x.group.a), &atoms(&b, &x.group.b), mode)
        };
        let segments = if old == new {
            // An unchanged row reads as its text.
            if old.is_empty() {
                Vec::new()
            } else {
                vec![Segment {
                    text: old.to_string(),
                    tag: Tag::Equal,
                }]
            }
        } else {
            word_diff(old, new, deadline)
        };
        let r = rows.len();
        x.group.a.iter().for_each(|&i| left_row[i] = r);
        x.group.b.iter().for_each(|&j| right_row[j] = r);
        rows.push(Row {
            kind,
            left: x.group.a,
            right: x.group.b,
            significance,
            facets,
            segments,
            claims,
            confidence: Confidence::new(x.score),
            related: None,
            coarse: false,
        });
    }
    // A dropped weak link leaves each of its sentences a pointer to the other side's first one.
    let mut related_a: Vec<Option<(usize, f32)>> = vec![None; a.len()];
    let mut related_b: Vec<Option<(usize, f32)>> = vec![None; b.len()];
    for w in &weak {
        w.a.iter()
            .for_each(|&i| related_a[i] = Some((w.b[0], w.score)));
        w.b.iter()
            .for_each(|&j| related_b[j] = Some((w.a[0], w.score)));
    }
    for g in coarse {
        let r = rows.len();
        g.a.iter().for_each(|&i| left_row[i] = r);
        g.b.iter().for_each(|&j| right_row[j] = r);
        rows.push(coarse_row(g, &a, &b));
    }
    for (i, text) in a.iter().enumerate() {
        if left_row[i] == usize::MAX {
            left_row[i] = rows.len();
            let mut r = one_sided(RowKind::Removed, vec![i], (text, read.left(i)), Tag::Delete);
            relate(&mut r, related_a[i]);
            rows.push(r);
        }
    }
    for (j, text) in b.iter().enumerate() {
        if right_row[j] == usize::MAX {
            right_row[j] = rows.len();
            let mut r = one_sided(RowKind::Added, vec![j], (text, read.right(j)), Tag::Insert);
            relate(&mut r, related_b[j]);
            rows.push(r);
        }
    }
    let rows = reading_order(rows, &left_row, &right_row);
    let summary = summarise(&rows);
    drop(known);
    let put_back = |s: &mut [Sentence], texts: Vec<String>| {
        s.iter_mut().zip(texts).for_each(|(x, t)| x.text = t);
    };
    put_back(&mut left, a);
    put_back(&mut right, b);
    Comparison {
        mode,
        left,
        right,
        rows,
        summary,
    }
}

/// Points a one-sided row at its weak counterpart; the weaker the counterpart, the surer the
/// engine is that the sentence stands alone.
fn relate(row: &mut Row, weak: Option<(usize, f32)>) {
    if let Some((k, score)) = weak {
        row.related = Some(k);
        row.confidence = Confidence::new(1.0 - score);
    }
}

/// Which name words (lower-cased) each sentence names, to tell a repaired spelling of a name
/// the text already uses from a new name. Read on demand: most comparisons never ask, and a
/// question is settled by the first other sentence that names the word.
struct KnownNames<'t> {
    a: &'t [String],
    b: &'t [String],
    names_a: Vec<OnceCell<Vec<String>>>,
    names_b: Vec<OnceCell<Vec<String>>>,
}

impl<'t> KnownNames<'t> {
    fn new(a: &'t [String], b: &'t [String]) -> KnownNames<'t> {
        KnownNames {
            a,
            b,
            names_a: vec![OnceCell::new(); a.len()],
            names_b: vec![OnceCell::new(); b.len()],
        }
    }

    /// The name word `w` is named in a sentence outside the row made of `ia` and `ib`.
    fn elsewhere(&self, w: &str, ia: &[usize], ib: &[usize]) -> bool {
        let named = |texts: &[String], cache: &[OnceCell<Vec<String>>], row: &[usize]| {
            (0..texts.len()).any(|i| {
                !row.contains(&i)
                    && may_name(&texts[i], w)
                    && cache[i]
                        .get_or_init(|| name_words(&texts[i]))
                        .iter()
                        .any(|x| x == w)
            })
        };
        named(self.a, &self.names_a, ia) || named(self.b, &self.names_b, ib)
    }
}

/// The distinct words (lower-cased) of the names a sentence names.
fn name_words(text: &str) -> Vec<String> {
    let mut w: Vec<String> = claim_atoms(text)
        .iter()
        .filter(|x| x.facet == Facet::Name)
        .flat_map(|x| x.key.split(' ').map(str::to_string).collect::<Vec<_>>())
        .collect();
    w.sort();
    w.dedup();
    w
}

/// False only when `text` cannot name the word `w`: a name word is a prefix of a word of the
/// sentence lower-cased, and lower-casing ASCII text is ASCII lower-casing (any other text is
/// read in full).
fn may_name(text: &str, w: &str) -> bool {
    if !text.is_ascii() || w.is_empty() {
        return true;
    }
    let (t, w) = (text.as_bytes(), w.as_bytes());
    // Candidates are where the first letter stands in either case: one vectorised scan instead of
    // a comparison at every byte (this runs for every sentence a new name is looked up in).
    let (lo, up) = (w[0].to_ascii_lowercase(), w[0].to_ascii_uppercase());
    memchr::memchr2_iter(lo, up, t).any(|at| {
        t.get(at..at + w.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(w))
    })
}

/// The texts of a row's sentences joined by spaces; a single sentence is borrowed (most rows).
fn join<'t>(texts: &'t [String], idx: &[usize]) -> Cow<'t, str> {
    match idx {
        [i] => Cow::Borrowed(&texts[*i]),
        _ => Cow::Owned(
            idx.iter()
                .map(|&i| texts[i].as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ),
    }
}

/// A removed or added row of one sentence: its `text`, with the tokens the aligner kept for it.
fn one_sided(
    kind: RowKind,
    idx: Vec<usize>,
    (text, kept): (&str, Option<&Tokens>),
    tag: Tag,
) -> Row {
    let words = text.chars().any(char::is_alphanumeric);
    let (left, right) = if kind == RowKind::Removed {
        (idx, Vec::new())
    } else {
        (Vec::new(), idx)
    };
    Row {
        kind,
        left,
        right,
        significance: if words {
            Significance::Substantive
        } else {
            Significance::Cosmetic
        },
        facets: assertion_facets(text, kept),
        segments: vec![Segment {
            text: text.to_string(),
            tag,
        }],
        claims: Vec::new(),
        confidence: Confidence::new(1.0),
        related: None,
        coarse: false,
    }
}

/// A stretch past the engine's work budget, shown whole: replaced when it has sentences on both
/// sides, else removed or added. Its significance says whether it holds any words; it is not
/// read for facets or claims, and its confidence is zero (no evidence was weighed).
fn coarse_row(g: crate::align::Group, a: &[String], b: &[String]) -> Row {
    let (old, new) = (join(a, &g.a), join(b, &g.b));
    let words = old.chars().chain(new.chars()).any(char::is_alphanumeric);
    let kind = match (g.a.is_empty(), g.b.is_empty()) {
        (false, false) => RowKind::Edited,
        (false, true) => RowKind::Removed,
        _ => RowKind::Added,
    };
    let mut segments = Vec::new();
    for (text, tag) in [(old, Tag::Delete), (new, Tag::Insert)] {
        if !text.is_empty() {
            segments.push(Segment {
                text: text.into_owned(),
                tag,
            });
        }
    }
    Row {
        kind,
        left: g.a,
        right: g.b,
        significance: if words {
            Significance::Substantive
        } else {
            Significance::Cosmetic
        },
        segments,
        confidence: Confidence::new(0.0),
        coarse: true,
        ..Row::default()
    }
}

/// Orders rows as documented on [`Comparison`]: by the new side's reading order, each removed
/// row right after the row holding the left sentence before it.
fn reading_order(rows: Vec<Row>, left_row: &[usize], right_row: &[usize]) -> Vec<Row> {
    let mut order: Vec<usize> = Vec::with_capacity(rows.len());
    let mut placed = vec![false; rows.len()];
    let removed = |i: usize| rows[left_row[i]].kind == RowKind::Removed;
    // Removed sentences following left sentence `i` (or at the start when `i` is None).
    let place_removed_after = |from: usize, order: &mut Vec<usize>, placed: &mut Vec<bool>| {
        let mut i = from;
        while i < left_row.len() && removed(i) {
            let r = left_row[i];
            if !placed[r] {
                placed[r] = true;
                order.push(r);
            }
            i += 1;
        }
    };
    place_removed_after(0, &mut order, &mut placed);
    for &r in right_row {
        if placed[r] {
            continue;
        }
        placed[r] = true;
        order.push(r);
        if let Some(&last) = rows[r].left.iter().max() {
            place_removed_after(last + 1, &mut order, &mut placed);
        }
    }
    // Every removed row is reachable from its predecessor; this only guards against a logic slip.
    for (r, done) in placed.iter().enumerate() {
        if !done {
            order.push(r);
        }
    }
    // `order` holds every row once: put row `order[k]` at `k` in place, cycle by cycle, rather
    // than into a second vector (a 20 MB text has a million rows).
    let mut rows = rows;
    let mut at = vec![0; rows.len()];
    for (k, &r) in order.iter().enumerate() {
        at[r] = k;
    }
    for i in 0..rows.len() {
        while at[i] != i {
            let k = at[i];
            rows.swap(i, k);
            at.swap(i, k);
        }
    }
    rows
}

/// Counts rows by kind, significance and facet: the comparison's summary bar. Public so that
/// callers who filter or build rows themselves count them the same way.
pub fn summarise(rows: &[Row]) -> Summary {
    let mut s = Summary::default();
    let mut facets: Vec<(Facet, usize)> = Vec::new();
    let mut claims: Vec<(Facet, usize)> = Vec::new();
    for r in rows {
        for c in r.claims.iter().filter(|c| c.status != ClaimStatus::Same) {
            match claims.iter_mut().find(|(g, _)| *g == c.facet) {
                Some((_, n)) => *n += 1,
                None => claims.push((c.facet, 1)),
            }
        }
        match r.kind {
            RowKind::Unchanged => s.unchanged += 1,
            RowKind::Edited => s.edited += 1,
            RowKind::Moved => s.moved += 1,
            RowKind::Added => s.added += 1,
            RowKind::Removed => s.removed += 1,
            RowKind::Split => s.split += 1,
            RowKind::Merged => s.merged += 1,
        }
        s.coarse += usize::from(r.coarse);
        match r.significance {
            Significance::Substantive => s.substantive += 1,
            Significance::Cosmetic => s.cosmetic += 1,
            Significance::None => {}
        }
        for f in &r.facets {
            match facets.iter_mut().find(|(g, _)| g == f) {
                Some((_, n)) => *n += 1,
                None => facets.push((*f, 1)),
            }
        }
    }
    let counts = |mut v: Vec<(Facet, usize)>| -> Vec<FacetCount> {
        v.sort();
        v.into_iter()
            .map(|(facet, count)| FacetCount { facet, count })
            .collect()
    };
    s.facets = counts(facets);
    s.claims = counts(claims);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_known_only_from_sentences_outside_the_row() {
        let a = ["Mr Putin spoke.".to_string(), "Rain fell.".to_string()];
        let b = ["Mr Putn spoke.".to_string(), "Mr Putin left.".to_string()];
        let known = KnownNames::new(&a, &b);
        assert!(known.elsewhere("putin", &[0], &[0]));
        assert!(!known.elsewhere("putin", &[0], &[1]));
        assert!(!known.elsewhere("rain", &[0], &[0]), "not a name");
    }

    #[test]
    fn only_ascii_text_without_the_word_is_skipped() {
        assert!(may_name("The PUTIN plan", "putin"));
        assert!(!may_name("The plan", "putin"));
        assert!(
            may_name("said pUtIn", "putin"),
            "found in any case, at the end"
        );
        assert!(
            !may_name("a Puti", "putin"),
            "a prefix cut off by the end is no match"
        );
        // Lower-casing other scripts may change lengths ("İ"): such text is always read.
        assert!(may_name("İstanbul", "putin"));
    }
}
