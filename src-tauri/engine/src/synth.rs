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

/// An article of about `words` words in paragraphs of 2-5 sentences, and a revision of it in
/// which about `changed` (0..1) of the sentences were edited, replaced, removed, added or moved.
pub fn article_pair(words: usize, changed: f64, seed: u64) -> (String, String) {
    let mut rng = Rng(seed | 1);
    let mut sents = Vec::new();
    let mut count = 0;
    while count < words {
        let s = sentence(&mut rng);
        count += s.split(' ').count();
        sents.push(s);
    }
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
}
