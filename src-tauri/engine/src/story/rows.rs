//! Claim rows from pairwise alignments: the pairs `neighbours` picks are aligned, the links are
//! joined strongest first into connected components (a component never takes more than
//! [`MAX_PER_ACCOUNT`] sentences of one account), and the components are put in reading order.

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

    /// Joins the components of `x` and `y` unless the union would exceed the per-account cap.
    fn join(&mut self, x: usize, y: usize) {
        let (rx, ry) = (self.find(x), self.find(y));
        if rx == ry {
            return;
        }
        let n = self.n_accounts;
        let fits = (0..n).all(|k| {
            usize::from(self.counts[rx * n + k]) + usize::from(self.counts[ry * n + k])
                <= MAX_PER_ACCOUNT
        });
        if !fits {
            return;
        }
        self.parent[ry] = rx;
        for k in 0..n {
            self.counts[rx * n + k] += self.counts[ry * n + k];
        }
    }
}

/// A link between two accounts: its score, the account pair, and the nodes it joins.
type Link = (f32, usize, usize, Vec<usize>);

/// Claim rows of N sentence lists: per row, per account, ascending sentence indices. Every
/// sentence is in exactly one row.
pub(crate) fn claim_rows(texts: &[Vec<String>]) -> Vec<Vec<Vec<usize>>> {
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
                let nodes: Vec<usize> = x
                    .group
                    .a
                    .iter()
                    .map(|&s| offsets[i] + s)
                    .chain(x.group.b.iter().map(|&s| offsets[j] + s))
                    .collect();
                (x.score, i, j, nodes)
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
    });
    let mut comps = Components::new(&offsets, n);
    for (_, _, _, nodes) in &links {
        for &node in &nodes[1..] {
            comps.join(nodes[0], node);
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
    let order = reading_order(&rows, &offsets, &row_of_node);
    let mut slots: Vec<Option<Vec<Vec<usize>>>> = rows.into_iter().map(Some).collect();
    order.into_iter().filter_map(|r| slots[r].take()).collect()
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
