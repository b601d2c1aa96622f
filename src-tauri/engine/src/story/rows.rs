//! Claim rows from pairwise alignments: the pairs `neighbours` picks are aligned, the links are
//! joined strongest first into connected components (a component never takes more than
//! [`MAX_PER_ACCOUNT`] sentences of one account, and one link never joins two rows an account
//! keeps apart), a sentence carrying two claims joins the rows of both, and the rows are put
//! in reading order. What counts as shared evidence is `carried`'s.

use crate::align::align_detailed;

/// At most this many sentences of one account share a row. Chains of paraphrase links could
/// otherwise pull a whole story into one component; two accounts align groups of at most three
/// sentences, so a row keeps the widest group the pair alignment can make.
pub(crate) const MAX_PER_ACCOUNT: usize = 3;

/// Disjoint sets over (account, sentence) nodes, each root counting its sentences per account.
struct Components {
    parent: Vec<usize>,
    /// Per root, sentences per account (`n_accounts` entries per node, flattened).
    counts: Vec<u16>,
    n_accounts: usize,
}

impl Components {
    fn new(offsets: &[usize], n_accounts: usize) -> Components {
        let total = *offsets.last().unwrap_or(&0);
        let mut counts = vec![0u16; total * n_accounts];
        for k in 0..n_accounts {
            for node in offsets[k]..offsets[k + 1] {
                counts[node * n_accounts + k] = 1;
            }
        }
        Components {
            parent: (0..total).collect(),
            counts,
            n_accounts,
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// How many sentences the component of `x` holds.
    fn size(&mut self, x: usize) -> usize {
        let r = self.find(x);
        let n = self.n_accounts;
        self.counts[r * n..(r + 1) * n]
            .iter()
            .map(|&c| usize::from(c))
            .sum()
    }

    /// Joins the components of `x` and `y` unless the union would exceed the per-account cap,
    /// or, when `apart`, would bring together sentences of one account. Whether `x` and `y`
    /// now share a component.
    fn join(&mut self, x: usize, y: usize, apart: bool) -> bool {
        let (rx, ry) = (self.find(x), self.find(y));
        if rx == ry {
            return true;
        }
        let n = self.n_accounts;
        let fits = (0..n).all(|k| {
            let (cx, cy) = (self.counts[rx * n + k], self.counts[ry * n + k]);
            usize::from(cx) + usize::from(cy) <= MAX_PER_ACCOUNT && !(apart && cx > 0 && cy > 0)
        });
        if !fits {
            return false;
        }
        self.parent[ry] = rx;
        for k in 0..n {
            self.counts[rx * n + k] += self.counts[ry * n + k];
        }
        true
    }
}

/// A link between two accounts: its score, the account pair, and the nodes of each side.
type Link = (f32, usize, usize, Vec<usize>, Vec<usize>);

/// At most this many rows share one sentence (its own and the rows of the claims it carries
/// that other accounts give in separate sentences).
pub(crate) const MAX_ROWS_PER_SENTENCE: usize = 3;

/// What ties the sentences of a story together beyond the aligner's groups (see `carried`).
pub(crate) trait Evidence {
    /// Sentence `x` shares something of the claim of sentence `y` (a figure, rare words).
    fn serves(&self, x: (usize, usize), y: (usize, usize)) -> bool;
    /// Sentences `x` and `y` have anything of a claim in common.
    fn related(&self, x: (usize, usize), y: (usize, usize)) -> bool;
    /// Adds sentences to rows whose figures they carry.
    fn carry(&self, rows: &mut [Vec<Vec<usize>>]);
}

/// How an aligned group of one sentence against several is taken.
enum Group {
    /// One claim the other account tells in several sentences (of one paragraph, or with
    /// something in common with the one sentence): joined whole.
    Whole,
    /// The sentence serves these sentences' rows (two claims when two); `followers` are
    /// sentences it does not serve that stay with the one beside them in their paragraph.
    Split {
        x: usize,
        served: Vec<usize>,
        followers: Vec<(usize, usize)>,
    },
    /// Nothing speaks for the group: left out (precision first).
    Skip,
}

/// Claim rows of N sentence lists (with each sentence's paragraph): per row, per account,
/// ascending sentence indices. Every sentence is in at least one row and at most
/// [`MAX_ROWS_PER_SENTENCE`].
///
/// A sentence that one account writes where another writes two ("A landslide derailed a
/// train, injuring 14" against "A train derailed." and "Fourteen were injured.") carries two
/// claims: the aligner links it to both, and rather than joining the two claims into one row it
/// serves each of their rows, as long as it shares something of its own with each.
pub(crate) fn claim_rows(
    texts: &[Vec<String>],
    paragraphs: &[Vec<usize>],
    evidence: &impl Evidence,
) -> Vec<Vec<Vec<usize>>> {
    let n = texts.len();
    let mut offsets = vec![0usize];
    for t in texts {
        offsets.push(offsets.last().unwrap() + t.len());
    }
    // Links between the accounts of each aligned pair: the nodes of each aligned group, with
    // its score. The pair alignments are independent, so they run on all cores; the sort below
    // fixes the order.
    let pairs = super::neighbours::pairs(texts);
    let link_pair = |&(i, j): &(usize, usize)| -> Vec<Link> {
        let (_, aligned, ..) = align_detailed(&texts[i], &texts[j], None, true);
        aligned
            .into_iter()
            .map(|x| {
                let a = x.group.a.iter().map(|&s| offsets[i] + s).collect();
                let b = x.group.b.iter().map(|&s| offsets[j] + s).collect();
                (x.score, i, j, a, b)
            })
            .collect()
    };
    let mut links: Vec<Link> = super::on_all_cores(&pairs, link_pair)
        .into_iter()
        .flatten()
        .collect();
    // Strongest first; ties in account-pair order, then reading order, so the result is stable.
    links.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then((x.1, x.2).cmp(&(y.1, y.2)))
            .then(x.3.cmp(&y.3))
            .then(x.4.cmp(&y.4))
    });
    let account_of = |node: usize| offsets.partition_point(|&o| o <= node) - 1;
    let at = |node: usize| {
        let k = account_of(node);
        (k, node - offsets[k])
    };
    let beside = |u: usize, v: usize| {
        let ((k, i), (_, j)) = (at(u), at(v));
        i.abs_diff(j) == 1 && paragraphs[k][i] == paragraphs[k][j]
    };
    let group = |l: &Link| -> Group {
        let (x, ys) = match (l.3.as_slice(), l.4.as_slice()) {
            (&[x], ys) if ys.len() > 1 => (x, ys),
            (xs, &[y]) if xs.len() > 1 => (y, xs),
            _ => return Group::Whole,
        };
        let served: Vec<usize> = ys
            .iter()
            .copied()
            .filter(|&y| evidence.serves(at(x), at(y)))
            .collect();
        if served.is_empty() {
            let told_together = ys.windows(2).all(|w| beside(w[0], w[1]));
            return if told_together || ys.iter().any(|&y| evidence.related(at(x), at(y))) {
                Group::Whole
            } else {
                Group::Skip
            };
        }
        let followers = ys
            .iter()
            .filter(|y| !served.contains(y))
            .filter_map(|&u| served.iter().find(|&&v| beside(u, v)).map(|&v| (u, v)))
            .collect();
        Group::Split {
            x,
            served,
            followers,
        }
    };
    let mut comps = Components::new(&offsets, n);
    // Second rows wanted: (sentence, a sentence of the row it would also serve).
    let mut extra: Vec<(usize, usize)> = Vec::new();
    let mut splits = Vec::new();
    for l in &links {
        match (l.3.as_slice(), l.4.as_slice()) {
            (&[x], &[y]) => {
                // A link whose sentences share no figure, date or rare word is the aligner's
                // guess at a paraphrase: in a story, precision first.
                let ((k, i), (m, j)) = (at(x), at(y));
                if texts[k][i] != texts[m][j] && !evidence.related((k, i), (m, j)) {
                    continue;
                }
                // Two rows an account keeps apart are not joined through one link; its
                // sentences may each carry the other's claim as well as their own.
                if !comps.join(x, y, true) {
                    extra.push((x, y));
                    extra.push((y, x));
                }
            }
            _ => match group(l) {
                Group::Whole => {
                    let nodes: Vec<usize> = l.3.iter().chain(&l.4).copied().collect();
                    for &node in &nodes[1..] {
                        comps.join(nodes[0], node, false);
                    }
                }
                Group::Split {
                    x,
                    served,
                    followers,
                } => splits.push((x, served, followers)),
                Group::Skip => {}
            },
        }
    }
    // Each split sentence joins the row of each sentence it serves: the first by union when
    // it has no row of its own yet, the others as a second row of the sentence.
    for (x, served, followers) in splits {
        for (u, v) in followers {
            comps.join(u, v, false);
        }
        for y in served {
            if comps.size(x) == 1 {
                comps.join(x, y, false);
            } else if comps.find(x) != comps.find(y) {
                extra.push((x, y));
            }
        }
    }
    // Components as rows, keyed by root.
    let total = offsets[n];
    let mut row_of_root = vec![usize::MAX; total];
    let mut rows: Vec<Vec<Vec<usize>>> = Vec::new();
    let mut row_of_node = vec![0usize; total];
    for k in 0..n {
        for s in 0..texts[k].len() {
            let node = offsets[k] + s;
            let root = comps.find(node);
            if row_of_root[root] == usize::MAX {
                row_of_root[root] = rows.len();
                rows.push(vec![Vec::new(); n]);
            }
            let r = row_of_root[root];
            rows[r][k].push(s);
            row_of_node[node] = r;
        }
    }
    // Second rows, strongest link first, within the caps.
    let mut rows_of_node = vec![1usize; total];
    for (x, y) in extra {
        let r = row_of_root[comps.find(y)];
        let (k, s) = at(x);
        if row_of_node[x] == r || !rows[r][k].is_empty() || rows_of_node[x] >= MAX_ROWS_PER_SENTENCE
        {
            continue;
        }
        // An account with a sentence in both rows keeps the two claims apart: the sentence
        // serves the other row only if it shares something with that account's sentence there.
        let home = &rows[row_of_node[x]];
        let clash_served = (0..n).filter(|&m| m != k && !home[m].is_empty()).all(|m| {
            rows[r][m].is_empty() || rows[r][m].iter().any(|&t| evidence.serves((k, s), (m, t)))
        });
        if clash_served {
            rows[r][k].push(s);
            rows_of_node[x] += 1;
        }
    }
    evidence.carry(&mut rows);
    drop_contained(&mut rows, &mut row_of_node);
    let order = reading_order(&rows, &offsets, &row_of_node);
    let mut slots: Vec<Option<Vec<Vec<usize>>>> = rows.into_iter().map(Some).collect();
    order.into_iter().filter_map(|r| slots[r].take()).collect()
}

/// Drops each row whose sentences all stand in one other row as well (a row its sentences
/// joined as second rows), pointing the sentences at that row.
fn drop_contained(rows: &mut Vec<Vec<Vec<usize>>>, row_of_node: &mut [usize]) {
    let holds = |big: &[Vec<usize>], small: &[Vec<usize>]| {
        small
            .iter()
            .zip(big)
            .all(|(s, b)| s.iter().all(|x| b.contains(x)))
    };
    let mut keep = vec![true; rows.len()];
    let mut moved_to = vec![usize::MAX; rows.len()];
    for r in 0..rows.len() {
        if let Some(o) = (0..rows.len()).find(|&o| o != r && keep[o] && holds(&rows[o], &rows[r])) {
            keep[r] = false;
            moved_to[r] = o;
        }
    }
    let mut index = vec![usize::MAX; rows.len()];
    let mut next = 0;
    for r in 0..rows.len() {
        if keep[r] {
            index[r] = next;
            next += 1;
        }
    }
    for r in row_of_node.iter_mut() {
        let mut t = *r;
        while !keep[t] {
            t = moved_to[t];
        }
        *r = index[t];
    }
    let mut k = 0;
    rows.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// Row order: the first account's rows in its reading order; then, account by account, each
/// row not yet placed goes right after the row holding the same account's previous sentence
/// (first when it opens the account).
fn reading_order(rows: &[Vec<Vec<usize>>], offsets: &[usize], row_of_node: &[usize]) -> Vec<usize> {
    let n = offsets.len() - 1;
    let mut order: Vec<usize> = Vec::with_capacity(rows.len());
    let mut placed = vec![false; rows.len()];
    for k in 0..n {
        for s in 0..offsets[k + 1] - offsets[k] {
            let r = row_of_node[offsets[k] + s];
            if placed[r] {
                continue;
            }
            let at = if s == 0 || k == 0 {
                if k == 0 { order.len() } else { 0 }
            } else {
                let prev = row_of_node[offsets[k] + s - 1];
                order.iter().position(|&x| x == prev).map_or(0, |p| p + 1)
            };
            order.insert(at, r);
            placed[r] = true;
        }
    }
    order
}
