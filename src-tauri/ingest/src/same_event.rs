//! "Likely the same event", kept up to date one import at a time. Each article is indexed under
//! its rarest terms (highest TF-IDF) at its publication time; a new article is scored only against
//! the articles of other outlets that share some of those terms within a few days of it, with the
//! same TF-IDF cosine as [`crate::suggest_same_event`], and the pairs that pass are stored. Reading
//! suggestions is then one bounded query. The store keeps the tables; grouping and asking the
//! reader are left to the caller.

use std::collections::{HashMap, HashSet};

use parallax_store::Library;

use crate::error::Result;
use crate::library::store_error;
use crate::stories::{SameEvent, cosine, term_counts, tfidf};

/// Accounts of one event appear within days of each other; older coverage is another event
/// (or a follow-up the reader can group by hand).
pub const WINDOW_SECS: i64 = 4 * 86_400;

/// Terms an article is indexed under: enough to cover its names and places, few enough that a
/// lookup touches only rare postings.
const KEY_TERMS: usize = 24;

/// A candidate must share this many key terms: one or two shared rare words are a coincidence
/// (a number, a surname), three are a lead.
const MIN_SHARED: i64 = 3;

/// Candidates scored per import, best-sharing first; bounds the work per import at any size.
const MAX_CANDIDATES: i64 = 16;

/// Postings read per key term on each side of the article's time, nearest first. A rare term
/// (a place, a name) has far fewer within the window, so only common terms are cut, and what
/// they lose is the accounts furthest away in time; without the cap a common term read every
/// article of the window (thousands in a big library) on each import.
const POSTINGS_PER_TERM: i64 = 100;

/// Indexes one article (new, or with a new latest version) and stores its pairs scoring at least
/// `threshold`. Returns how many pairs it stored.
pub fn index_article(lib: &mut Library, article_id: i64, threshold: f64) -> Result<usize> {
    let subject = lib.index_subject(article_id).map_err(store_error)?;
    let tf = term_counts(&subject.title, &subject.body);
    let mut terms: Vec<&str> = tf.keys().map(String::as_str).collect();
    terms.sort_unstable();
    let (docs, mut df) = lib.term_frequencies(&terms).map_err(store_error)?;
    // Count this article as if indexed already, so its own weights match a full recompute.
    let first = subject.indexed_at.is_none();
    let n = (docs + i64::from(first)) as f64;
    let bump = |t: &str, df: &HashMap<String, i64>| {
        df.get(t).copied().unwrap_or(0) as f64 + if first { 1.0 } else { 0.0 }
    };
    let own = tfidf(&tf, n, |t| bump(t, &df));
    let mut ranked: Vec<(&str, f64)> = own.iter().map(|(t, w)| (*t, *w)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let key: Vec<&str> = ranked.iter().take(KEY_TERMS).map(|(t, _)| *t).collect();

    let window = (subject.at - WINDOW_SECS, subject.at + WINDOW_SECS);
    let candidates = lib
        .suggestion_candidates(
            &subject,
            &key,
            window,
            MIN_SHARED,
            MAX_CANDIDATES,
            POSTINGS_PER_TERM,
        )
        .map_err(store_error)?;
    let mut pairs = Vec::new();
    for c in candidates {
        let other = lib.index_subject(c.article_id).map_err(store_error)?;
        let other_tf = term_counts(&other.title, &other.body);
        let missing: Vec<&str> = other_tf
            .keys()
            .map(String::as_str)
            .filter(|t| !df.contains_key(*t))
            .collect();
        if !missing.is_empty() {
            let (_, more) = lib.term_frequencies(&missing).map_err(store_error)?;
            df.extend(more);
        }
        let mine: HashSet<&str> = terms.iter().copied().collect();
        let theirs = tfidf(&other_tf, n, |t| {
            // A term of the new article counts it too; the others do not.
            df.get(t).copied().unwrap_or(0) as f64
                + if first && mine.contains(t) { 1.0 } else { 0.0 }
        });
        let score = cosine(&own, &theirs);
        if score >= threshold {
            pairs.push((c.article_id, score));
        }
    }
    let stored = pairs.len();
    let new_terms: &[&str] = if first { &terms } else { &[] };
    lib.record_suggestions(article_id, subject.at, new_terms, &key, &pairs)
        .map_err(store_error)?;
    Ok(stored)
}

/// Indexes up to `limit` articles that were never indexed (a library from before issue 11, the
/// sample), oldest first, so an old library catches up a little on each look without a long pause.
pub fn index_pending(lib: &mut Library, limit: i64, threshold: f64) -> Result<usize> {
    let ids = lib.unindexed_articles(limit).map_err(store_error)?;
    for &id in &ids {
        index_article(lib, id, threshold)?;
    }
    Ok(ids.len())
}

/// The stored suggestions, best first (at most `limit`), as pairs for [`crate::group_suggestions`].
pub fn stored_suggestions(lib: &Library, limit: i64) -> Result<Vec<SameEvent>> {
    Ok(lib
        .same_event_pairs(limit)
        .map_err(store_error)?
        .into_iter()
        .map(|p| SameEvent {
            a: p.a,
            b: p.b,
            score: p.score,
        })
        .collect())
}
