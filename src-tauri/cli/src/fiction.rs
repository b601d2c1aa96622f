//! Fictional news for benchmark libraries: invented places, people and organisations, and
//! articles about invented events written from a small grammar and a vocabulary made up here
//! (no text is taken from anywhere). Deterministic for a seed, so a benchmark library is the
//! same on every machine. Storing the articles is `genlib.rs`'s job.

/// A small, fast, seedable generator (SplitMix64): enough for test data, no dependency.
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lor", "ven", "tis", "mar", "ost", "bel", "dra", "quen", "sul", "fen", "rho", "tam",
    "vik", "nel", "por", "sar", "gil", "dun", "hal", "mer", "zan", "cor", "lys", "bra", "tor",
    "wen", "kel", "ash", "rin", "mol", "ferr",
];
const PLACE_ENDS: &[&str] = &[
    "by", "ton", "mere", "ford", "wick", "holm", "stead", "vale", "port", "moor",
];
const FIRST_NAMES: &[&str] = &[
    "Aldo", "Brin", "Cato", "Dessa", "Elun", "Fira", "Gorrin", "Hesta", "Ivo", "Jorna", "Kael",
    "Lissa", "Mavo", "Nerys", "Orla", "Pell", "Quilla", "Rasmo", "Sefa", "Teodor", "Una", "Varro",
    "Wynn", "Yselle",
];
const BODIES: &[&str] = &[
    "council",
    "water board",
    "transit authority",
    "port authority",
    "health trust",
    "school board",
    "fire service",
    "planning office",
    "housing agency",
    "regional court",
];
const THINGS: &[&str] = &[
    "bridge",
    "reservoir",
    "ferry line",
    "tram depot",
    "market hall",
    "flood gate",
    "rail link",
    "clinic",
    "library",
    "harbour wall",
    "power station",
    "school",
];
const HAPPENINGS: &[&str] = &[
    "closed after an inspection found cracks",
    "reopened after months of repairs",
    "was flooded during the storm",
    "will be rebuilt with new funding",
    "faces a vote on its future",
    "was damaged by fire overnight",
    "is to be sold to a private operator",
    "missed its safety deadline",
];
const VERBS_SAID: &[&str] = &[
    "said",
    "told reporters",
    "wrote in a statement",
    "confirmed",
];
const FILLERS: &[&str] = &[
    "Residents gathered near the site during the afternoon.",
    "Officials did not give a date for a decision.",
    "The work is expected to take several weeks.",
    "Traffic was diverted through the old town.",
    "A public meeting is planned for later in the month.",
    "Local shops reported fewer customers than usual.",
    "Engineers will return to the site on Monday.",
    "Previous repairs were carried out a decade ago.",
    "The cost will be shared between the region and the town.",
    "Several families were offered temporary housing.",
];

/// An invented proper name of two or three syllables, capitalised.
fn coined(d: &mut Dice, syllables: usize) -> String {
    let mut s: String = (0..syllables).map(|_| d.pick(SYLLABLES)).collect();
    if let Some(first) = s.get(..1) {
        s = first.to_uppercase() + &s[1..];
    }
    s
}

/// The names an event is told with: every outlet's account of it shares them.
#[derive(Debug, Clone)]
pub struct Event {
    pub place: String,
    pub person: String,
    pub body: &'static str,
    pub thing: &'static str,
    pub happening: &'static str,
    pub count: usize,
    /// When the event happened (unix seconds); accounts appear within two days of it.
    pub at: i64,
}

impl Event {
    pub fn new(d: &mut Dice, at: i64) -> Event {
        let place = format!("{}{}", coined(d, 2), d.pick(PLACE_ENDS));
        let person = format!("{} {}", d.pick(FIRST_NAMES), coined(d, 3));
        Event {
            place,
            person,
            body: BODIES[d.below(BODIES.len())],
            thing: THINGS[d.below(THINGS.len())],
            happening: HAPPENINGS[d.below(HAPPENINGS.len())],
            count: d.between(3, 900),
            at,
        }
    }
}

/// One outlet's account: a headline and 6 to 14 paragraphs of two to four sentences.
pub fn account(d: &mut Dice, e: &Event) -> (String, Vec<String>) {
    let title = match d.below(3) {
        0 => format!("{} {} {}", e.place, e.thing, e.happening),
        1 => format!("{} in {}: {} speaks", cap(e.thing), e.place, e.person),
        _ => format!("{} {} under scrutiny in {}", cap(e.body), e.thing, e.place),
    };
    let mut paragraphs = vec![format!(
        "The {} in {} {}, the {} {}. {} people were affected, according to early figures.",
        e.thing,
        e.place,
        e.happening,
        e.body,
        d.pick(VERBS_SAID),
        e.count
    )];
    for _ in 0..d.between(5, 13) {
        let mut p = String::new();
        for s in 0..d.between(2, 4) {
            if s > 0 {
                p.push(' ');
            }
            p.push_str(&sentence(d, e));
        }
        paragraphs.push(p);
    }
    (title, paragraphs)
}

fn sentence(d: &mut Dice, e: &Event) -> String {
    match d.below(5) {
        0 => format!(
            "“We will keep people informed,” {} of the {} {}.",
            e.person,
            e.body,
            d.pick(VERBS_SAID)
        ),
        1 => format!(
            "The {} in {} had been a concern for {} years.",
            e.thing,
            e.place,
            d.between(2, 30)
        ),
        2 => format!(
            "About {} households near {} were told to wait for further notice.",
            d.between(10, 4000),
            e.place
        ),
        _ => d.pick(FILLERS).to_owned(),
    }
}

/// A revision of an account: a figure corrected and, sometimes, a sentence added.
pub fn revise(d: &mut Dice, e: &Event, paragraphs: &[String], round: usize) -> Vec<String> {
    let mut out = paragraphs.to_vec();
    out[0] = out[0].replacen(
        &format!("{} people", e.count),
        &format!("{} people", e.count + 7 * round),
        1,
    );
    if d.chance(0.6) {
        let at = d.between(1, out.len() - 1);
        out.insert(
            at,
            format!(
                "Update {round}: {} of the {} said more details would follow.",
                e.person, e.body
            ),
        );
    }
    out
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Invented outlet names and domains (`n` of them).
pub fn outlets(n: usize) -> Vec<(String, String)> {
    const KINDS: &[&str] = &[
        "Courier",
        "Ledger",
        "Gazette",
        "Wire",
        "Herald",
        "Post",
        "Chronicle",
        "Dispatch",
    ];
    let mut d = Dice::new(7);
    (0..n)
        .map(|i| {
            let town = coined(&mut d, 2);
            let name = format!("The {town} {}", KINDS[i % KINDS.len()]);
            let domain = format!("{}{}.example", town.to_lowercase(), i);
            (name, domain)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_writes_the_same_news() {
        // Benchmark figures are comparable only on the same library.
        let mut a = Dice::new(1);
        let mut b = Dice::new(1);
        let (ea, eb) = (Event::new(&mut a, 0), Event::new(&mut b, 0));
        assert_eq!(account(&mut a, &ea), account(&mut b, &eb));
    }

    #[test]
    fn accounts_have_realistic_lengths_and_share_the_event_names() {
        let mut d = Dice::new(3);
        let e = Event::new(&mut d, 0);
        let (title, paras) = account(&mut d, &e);
        assert!(!title.is_empty());
        assert!((6..=14).contains(&paras.len()), "{}", paras.len());
        let words: usize = paras.iter().map(|p| p.split_whitespace().count()).sum();
        assert!(words > 80, "{words} words");
        assert!(paras[0].contains(&e.place));
        let revised = revise(&mut d, &e, &paras, 1);
        assert_ne!(revised, paras, "a revision changes the text");
    }
}
