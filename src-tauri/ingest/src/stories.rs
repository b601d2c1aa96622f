//! "Likely the same event": TF-IDF cosine similarity over the titles and bodies of articles
//! from different outlets, and groups of articles linked by similar pairs. A pure function
//! over (id, outlet, text); reading the library and asking the user are the caller's job.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

/// One article to consider: title counts twice, as headlines carry the event.
#[derive(Debug, Clone)]
pub struct StoryText {
    pub id: i64,
    pub outlet: String,
    pub title: String,
    pub body: String,
}

/// Two articles that probably report the same event.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SameEvent {
    pub a: i64,
    pub b: i64,
    /// Cosine similarity of their TF-IDF vectors, 0..=1.
    pub score: f64,
}

/// Pairs scoring at least this are suggested (tuned on the tests' fictional accounts:
/// same-event pairs scored 0.47 to 0.52, other pairs below 0.05).
pub const DEFAULT_THRESHOLD: f64 = 0.2;

const STOPWORDS: &[&str] = &[
    "the", "and", "for", "that", "with", "was", "were", "are", "has", "have", "had", "but", "not",
    "this", "from", "said", "say", "says", "will", "would", "its", "his", "her", "their", "they",
    "them", "she", "him", "who", "which", "what", "when", "where", "been", "being", "than", "then",
    "there", "after", "before", "about", "into", "over", "also", "more", "most", "some", "such",
    "only", "other", "our", "out", "all", "any", "can", "could", "did", "does", "one", "two",
    "new", "now", "just", "like", "may", "might", "should", "year", "years", "on", "in", "of",
    "to", "a", "an", "is", "it", "at", "by", "be", "as", "or", "we", "you", "he", "i",
];

pub(crate) fn terms(text: &str) -> Vec<String> {
    static STOP: std::sync::OnceLock<HashSet<&str>> = std::sync::OnceLock::new();
    let stop = STOP.get_or_init(|| STOPWORDS.iter().copied().collect());
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !stop.contains(w.as_str()))
        .map(|w| {
            // A crude plural fold ("drivers" ~ "driver") is enough for overlap scoring.
            if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w
            }
        })
        .collect()
}

/// Every pair of articles from different outlets with similarity ≥ `threshold`, best first.
pub fn suggest_same_event(texts: &[StoryText], threshold: f64) -> Vec<SameEvent> {
    let docs: Vec<HashMap<String, f64>> = texts
        .iter()
        .map(|t| term_counts(&t.title, &t.body))
        .collect();
    let n = docs.len() as f64;
    let mut df: HashMap<&str, f64> = HashMap::new();
    for d in &docs {
        for term in d.keys() {
            *df.entry(term.as_str()).or_default() += 1.0;
        }
    }
    let vectors: Vec<HashMap<&str, f64>> = docs.iter().map(|d| tfidf(d, n, |t| df[t])).collect();
    let mut pairs = Vec::new();
    for i in 0..texts.len() {
        for j in i + 1..texts.len() {
            if texts[i].outlet.eq_ignore_ascii_case(&texts[j].outlet) || texts[i].id == texts[j].id
            {
                continue;
            }
            let score = cosine(&vectors[i], &vectors[j]);
            if score >= threshold {
                pairs.push(SameEvent {
                    a: texts[i].id,
                    b: texts[j].id,
                    score,
                });
            }
        }
    }
    pairs.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    pairs
}

/// Term counts of an article: the title counts twice, as headlines carry the event.
pub(crate) fn term_counts(title: &str, body: &str) -> HashMap<String, f64> {
    let mut tf: HashMap<String, f64> = HashMap::new();
    for term in terms(title)
        .into_iter()
        .chain(terms(title))
        .chain(terms(body))
    {
        *tf.entry(term).or_default() += 1.0;
    }
    tf
}

/// The unit TF-IDF vector of term counts `tf` among `n` documents, `df` giving each term's
/// document frequency (smoothed, so a term in every document still weighs a little).
pub(crate) fn tfidf(
    tf: &HashMap<String, f64>,
    n: f64,
    df: impl Fn(&str) -> f64,
) -> HashMap<&str, f64> {
    let mut v: HashMap<&str, f64> = tf
        .iter()
        .map(|(t, c)| {
            (
                t.as_str(),
                (1.0 + c.ln()) * (((n + 1.0) / (df(t) + 1.0)).ln() + 1.0),
            )
        })
        .collect();
    let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.values_mut().for_each(|x| *x /= norm);
    }
    v
}

/// Cosine of two unit vectors (iterating the smaller one).
pub(crate) fn cosine(x: &HashMap<&str, f64>, y: &HashMap<&str, f64>) -> f64 {
    let (small, large) = if x.len() < y.len() { (x, y) } else { (y, x) };
    small
        .iter()
        .filter_map(|(t, a)| large.get(t).map(|b| a * b))
        .sum::<f64>()
        + 0.0
}

/// Groups of two or more articles joined by suggested pairs (connected components), each
/// group's ids ascending, groups ordered by their smallest id.
pub fn group_suggestions(pairs: &[SameEvent]) -> Vec<Vec<i64>> {
    let mut parent: HashMap<i64, i64> = HashMap::new();
    fn find(parent: &mut HashMap<i64, i64>, x: i64) -> i64 {
        let p = *parent.entry(x).or_insert(x);
        if p == x {
            return x;
        }
        let root = find(parent, p);
        parent.insert(x, root);
        root
    }
    for pair in pairs {
        let (ra, rb) = (find(&mut parent, pair.a), find(&mut parent, pair.b));
        if ra != rb {
            parent.insert(ra.max(rb), ra.min(rb));
        }
    }
    let ids: Vec<i64> = parent.keys().copied().collect();
    let mut groups: HashMap<i64, Vec<i64>> = HashMap::new();
    for id in ids {
        let root = find(&mut parent, id);
        groups.entry(root).or_default().push(id);
    }
    let mut out: Vec<Vec<i64>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.iter_mut().for_each(|g| g.sort_unstable());
    out.sort_by_key(|g| g[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(id: i64, outlet: &str, title: &str, body: &str) -> StoryText {
        StoryText {
            id,
            outlet: outlet.into(),
            title: title.into(),
            body: body.into(),
        }
    }

    fn corpus() -> Vec<StoryText> {
        vec![
            t(
                1,
                "Harbour Courier",
                "Night ferry to Kessel Island returns",
                "The night ferry between Port Alder and Kessel Island will run again from April. The transport board approved the timetable by six votes to one and pays a subsidy to Blue Sound Lines.",
            ),
            t(
                2,
                "Valley Times",
                "Kessel Island gets its late ferry back",
                "Islanders will again have a late crossing to Port Alder. Blue Sound Lines hired new crews after the board agreed a higher subsidy for the night ferry timetable.",
            ),
            t(
                3,
                "Northfield Press",
                "Board backs Kessel night crossing",
                "A subsidy for Blue Sound Lines will bring back the night ferry to Kessel Island, the transport board decided on Wednesday.",
            ),
            t(
                4,
                "Northfield Press",
                "Tram drivers walk out over rosters",
                "Tram drivers stopped work at noon, halting all four lines. The union says talks on weekend shifts broke down.",
            ),
            t(
                5,
                "Valley Times",
                "Council delays vote on Millbrook reservoir",
                "Residents packed the hall to object to the reservoir site, which would flood farmland north of the town.",
            ),
            t(
                6,
                "Harbour Courier",
                "Harbour fees to rise in spring",
                "Boat owners will pay more to moor in the harbour from March, the port authority said.",
            ),
        ]
    }

    #[test]
    fn accounts_of_one_event_are_grouped_and_others_not() {
        let pairs = suggest_same_event(&corpus(), DEFAULT_THRESHOLD);
        assert_eq!(group_suggestions(&pairs), vec![vec![1, 2, 3]], "{pairs:?}");
        assert!(pairs.iter().all(|p| p.score <= 1.0 + 1e-9));
    }

    #[test]
    fn same_outlet_is_never_suggested() {
        let mut c = corpus();
        c[1].outlet = "Harbour Courier".into();
        let pairs = suggest_same_event(&c, DEFAULT_THRESHOLD);
        assert!(!pairs.iter().any(|p| (p.a, p.b) == (1, 2)));
    }
}
