//! Deterministic synthetic article pairs for benchmarks and robustness tests (not real text).
//! Measuring is left to the benches and `parallax bench`.

/// A small xorshift generator: reproducible across platforms without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "len", "tor", "va", "si", "ne", "dal", "par", "ou", "est", "im", "gra",
    "bel", "fu", "che", "lo", "ter", "an", "wi", "sto", "mar", "de", "ri", "quo", "ul", "ben",
    "sa", "thi",
];

fn word(rng: &mut Rng) -> String {
    // Zipf-like: short common words often, long rare ones seldom.
    let n = 1 + rng.below(3) * rng.below(2) + rng.below(2);
    (0..n)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len()).min(rng.below(SYLLABLES.len()))])
        .collect()
}

fn sentence(rng: &mut Rng) -> String {
    let n = 10 + rng.below(16);
    let mut ws: Vec<String> = (0..n).map(|_| word(rng)).collect();
    if rng.below(4) == 0 {
        let k = rng.below(n);
        ws[k] = format!("{}", rng.below(5000));
    }
    let mut s = ws.join(" ");
    if let Some(f) = s.get(..1) {
        s = f.to_uppercase() + &s[1..];
    }
    s.push('.');
    s
}

/// Sentences from `make` until they hold at least `words` words.
fn sentences(words: usize, rng: &mut Rng, make: fn(&mut Rng) -> String) -> Vec<String> {
    let mut sents = Vec::new();
    let mut count = 0;
    while count < words {
        let s = make(rng);
        count += s.split(' ').count();
        sents.push(s);
    }
    sents
}

/// An article of about `words` words in paragraphs of 2-5 sentences, and a revision of it in
/// which about `changed` (0..1) of the sentences were edited, replaced, removed, added or moved.
pub fn article_pair(words: usize, changed: f64, seed: u64) -> (String, String) {
    let mut rng = Rng(seed | 1);
    let sents = sentences(words, &mut rng, sentence);
    let mut new: Vec<String> = Vec::with_capacity(sents.len());
    let mut moved: Vec<String> = Vec::new();
    for s in &sents {
        if (rng.below(10_000) as f64) >= changed * 10_000.0 {
            new.push(s.clone());
            continue;
        }
        match rng.below(10) {
            0..=4 => {
                let mut ws: Vec<&str> = s.split(' ').collect();
                let k = rng.below(ws.len());
                let w = word(&mut rng);
                ws[k] = &w;
                new.push(ws.join(" "));
            }
            5 | 6 => new.push(sentence(&mut rng)),
            7 => {}
            8 => {
                new.push(s.clone());
                new.push(sentence(&mut rng));
            }
            _ => moved.push(s.clone()),
        }
    }
    for m in moved {
        let at = rng.below(new.len() + 1);
        new.insert(at, m);
    }
    (
        paragraphs(&sents, &mut Rng(seed ^ 0x5555)),
        paragraphs(&new, &mut Rng(seed ^ 0x5555)),
    )
}

fn paragraphs(s: &[String], rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut left = 0;
    for x in s {
        if left == 0 {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            left = 2 + rng.below(4);
        } else {
            out.push(' ');
        }
        out.push_str(x);
        left -= 1;
    }
    out.push('\n');
    out
}

/// Given names and family names of the synthetic corpus's people (made up here).
const NAMES: &[&str] = &[
    "Aldo", "Brevin", "Calla", "Dorit", "Emrys", "Fenna", "Garo", "Hesper", "Ilse", "Jorun",
    "Kestrel", "Lioba", "Marek", "Nivea", "Orrin", "Pella", "Quillon", "Rasmi", "Sune", "Tamsk",
];

/// One sentence of the corpus: plain, or carrying a number, a name or a quote with its speaker.
fn news_sentence(rng: &mut Rng) -> String {
    let name = |rng: &mut Rng| {
        format!(
            "{} {}",
            NAMES[rng.below(NAMES.len())],
            NAMES[rng.below(NAMES.len())].to_string() + SYLLABLES[rng.below(SYLLABLES.len())]
        )
    };
    match rng.below(6) {
        0 => {
            let s = sentence(rng);
            format!("\"{}\" {} said.", &s[..s.len() - 1], name(rng))
        }
        1 => {
            let s = sentence(rng);
            format!(
                "{} {} {}.",
                name(rng),
                "announced",
                s[..s.len() - 1].to_lowercase()
            )
        }
        _ => sentence(rng),
    }
}

/// One edit to a sentence that changes what it says: a word, a number, a name, a hedge or a negation.
fn substantive_edit(s: &str, rng: &mut Rng) -> String {
    let mut ws: Vec<String> = s.split(' ').map(str::to_string).collect();
    let k = rng.below(ws.len().saturating_sub(1)); // never the last word, which carries the full stop
    match rng.below(5) {
        0 => match ws
            .iter()
            .position(|w| w.chars().all(|c| c.is_ascii_digit()))
        {
            Some(i) => ws[i] = (rng.below(9000) + 1).to_string(),
            None => ws.insert(k, (rng.below(90) + 2).to_string()),
        },
        1 => match ws.iter().position(|w| NAMES.contains(&w.as_str())) {
            Some(i) => ws[i] = NAMES[rng.below(NAMES.len())].to_string(),
            None => ws[k] = word(rng),
        },
        2 => ws.insert(k.max(1), "reportedly".into()),
        3 => ws.insert(k.max(1), "not".into()),
        _ => ws[k] = word(rng),
    }
    ws.join(" ")
}

/// A change of punctuation or spacing only: a comma after a word, or a doubled space.
fn cosmetic_edit(s: &str, rng: &mut Rng) -> String {
    let mut ws: Vec<String> = s.split(' ').map(str::to_string).collect();
    let k = rng.below(ws.len().saturating_sub(1));
    if rng.below(2) == 0 && !ws[k].ends_with([',', '"']) {
        ws[k].push(',');
    } else {
        ws[k].push(' ');
    }
    ws.join(" ")
}

/// The next version of an article: none changed (identical), cosmetic slips only, or a revision
/// in which 2-25% of the sentences were edited, replaced, removed, added or moved.
fn revise(sents: &[String], rng: &mut Rng) -> Vec<String> {
    let kind = rng.below(100);
    if kind < 8 {
        return sents.to_vec();
    }
    let mut new = sents.to_vec();
    if kind < 25 {
        for _ in 0..1 + rng.below(3) {
            let i = rng.below(new.len());
            new[i] = cosmetic_edit(&new[i], rng);
        }
        return new;
    }
    let share = 2 + rng.below(24); // percent
    let mut out: Vec<String> = Vec::with_capacity(new.len() + 4);
    let mut moved = Vec::new();
    for s in new.drain(..) {
        if rng.below(100) >= share {
            out.push(s);
            continue;
        }
        match rng.below(10) {
            0..=4 => out.push(substantive_edit(&s, rng)),
            5 => out.push(news_sentence(rng)),
            6 => {}
            7 => {
                out.push(s);
                out.push(news_sentence(rng));
            }
            8 => out.push(cosmetic_edit(&s, rng)),
            _ => moved.push(s),
        }
    }
    for m in moved {
        let at = rng.below(out.len() + 1);
        out.insert(at, m);
    }
    if out.is_empty() {
        out.push(news_sentence(rng));
    }
    out
}

/// A synthetic corpus of article revisions for scale tests and benchmarks: article `index` of
/// seed `seed` in 2-6 versions of about 150-1200 words each (paragraphs separated by blank lines).
/// Deterministic, and each article independent of the others, so a corpus can be written streaming.
pub fn corpus_article(index: u64, seed: u64) -> Vec<String> {
    let mut rng = Rng((seed.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03))
        | 1);
    for _ in 0..4 {
        rng.next(); // spread the nearby seeds of neighbouring articles
    }
    let words = 150 + rng.below(1051);
    let mut sents = sentences(words, &mut rng, news_sentence);
    let versions = 2 + rng.below(5);
    let layout = rng.next();
    let mut out = vec![paragraphs(&sents, &mut Rng(layout | 1))];
    for _ in 1..versions {
        sents = revise(&sents, &mut rng);
        out.push(paragraphs(&sents, &mut Rng(layout | 1)));
    }
    out
}

/// `n` bytes of a fixed xorshift stream: deterministic "random" input for robustness tests and benches.
pub fn noise_bytes(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn pair_has_the_requested_size_and_differs() {
        let (a, b) = super::article_pair(2000, 0.15, 7);
        let n = a.split_whitespace().count();
        assert!((2000..2100).contains(&n), "{n} words");
        assert_ne!(a, b);
        assert_eq!(super::article_pair(2000, 0.15, 7).0, a);
    }

    #[test]
    fn corpus_articles_are_deterministic_sized_and_revised() {
        let mut identical = 0;
        let mut changed = 0;
        for i in 0..200 {
            let v = super::corpus_article(i, 1);
            assert_eq!(
                v,
                super::corpus_article(i, 1),
                "article {i} is reproducible"
            );
            assert!((2..=6).contains(&v.len()));
            let n = v[0].split_whitespace().count();
            assert!((150..1300).contains(&n), "article {i}: {n} words");
            for w in v.windows(2) {
                if w[0] == w[1] {
                    identical += 1
                } else {
                    changed += 1
                }
            }
        }
        // Most versions change something; a few are republished as they were.
        assert!(
            identical > 0 && changed > 4 * identical,
            "{identical} identical, {changed} changed"
        );
        assert_ne!(super::corpus_article(0, 1), super::corpus_article(0, 2));
    }
}
