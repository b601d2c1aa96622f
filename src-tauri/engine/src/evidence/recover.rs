//! The pass for account links the monotone aligner and the pruning miss (see [`recover`]).

use super::*;

/// Candidate pairs the pass for shared figures may weigh in one comparison (64 free sentences on
/// each side); beyond it (two unrelated long texts, where nearly every sentence is free) the pass
/// is left out, keeping the work linear. Two accounts of one event leave far fewer free.
const RECOVER_PAIRS: usize = 4_096;

/// Which group of `out` holds each sentence of one side.
fn rows_of(out: &[Aligned], n: usize, side_a: bool) -> Vec<Option<usize>> {
    let mut row = vec![None; n];
    for (k, x) in out.iter().enumerate() {
        let idx = if side_a { &x.group.a } else { &x.group.b };
        idx.iter().for_each(|&i| row[i] = Some(k));
    }
    row
}

/// Whether sentence `k` may leave the group side `g` for a link of its own: only an end member
/// (the group stays contiguous) and only while another member remains (a split or merge never
/// keeps an empty side).
fn may_leave(g: &[usize], k: usize) -> bool {
    g.len() > 1 && (g[0] == k || g[g.len() - 1] == k)
}

/// Links two accounts' sentences that the monotone alignment and the pruning left apart:
/// - **a one-sentence gap between links**: when the sentences before and after a free pair are
///   linked to each other (or a text starts or ends there), the neighbours fix where the pair
///   stands in both texts, and one shared content word is enough if it is rare: used by no other
///   sentence of either text ("Die vier Insassen …" and "Alle Insassen …" between two links);
/// - **a shared figure**: a free pair that gives one figure or dated time alike, or fills one
///   figure's or time's slot with two values, and shares two content words reports the same fact
///   even where the outlets tell it in another order or in other words ("The fire broke out at
///   about 9:30 p.m." and "The fire broke out shortly after 10 p.m."). Names do not count: one
///   name recurs through a whole story. The end member of a merge or split takes part too when
///   such a pair shares more of its words than its group. The best pairs are linked first.
///
/// Measured in auto mode (`tests/engine-bench/halves.py`, odd/even) against pruning alone:
/// Aesop pair P .662/.670 -> .660/.670, F1 .645/.662 -> .646/.662 (gap links: one right, one
/// wrong; without the floor of [`ACCOUNTS_MIN_WORDS`] on them the even half gains a right link
/// and the own corpus a wrong one);
/// DEplain-web unit unchanged (.905/.949, F1 .897/.924); real accounts 4 of 9 links right -> 5 of
/// 11 (R .286 -> .357); own corpus R .86 -> .95 at P .98, claim differences .83 -> 1.
pub(super) fn recover(out: &mut Vec<Aligned>, sides: &Sides) {
    let (n, m) = (sides.pa.len(), sides.pb.len());
    let p = crate::align::Params::for_mode(Mode::Accounts);
    let score = |e: &Evidence| p.word_weight * e.words + (1.0 - p.word_weight) * e.grams;
    let link = |out: &mut Vec<Aligned>, i: usize, j: usize, e: Evidence| {
        // Only links can cross: groups with a side empty (added, removed or coarse stretches) cannot.
        let crosses = out
            .iter()
            .any(|x| match (x.group.a.first(), x.group.b.first()) {
                (Some(&xa), Some(&xb)) => (xa < i && xb > j) || (xa > i && xb < j),
                _ => false,
            });
        out.push(Aligned {
            group: crate::align::Group {
                a: vec![i],
                b: vec![j],
            },
            link: if crosses { Link::Moved } else { Link::Matched },
            score: score(&e),
            evidence: e,
            revision: 0.0,
        });
    };
    // One-sentence gaps, in reading order.
    let (count_a, count_b) = (word_counts(&sides.content_a), word_counts(&sides.content_b));
    let (mut row_a, mut row_b) = (rows_of(out, n, true), rows_of(out, m, false));
    for i in 0..n {
        if row_a[i].is_some() {
            continue;
        }
        // The sentence after the one the previous sentence is linked with (or the first).
        let j = match i.checked_sub(1).map(|k| row_a[k]) {
            None => 0,
            Some(Some(r)) => out[r].group.b[out[r].group.b.len() - 1] + 1,
            Some(None) => continue,
        };
        if j >= m || row_b[j].is_some() {
            continue;
        }
        let after = if i + 1 == n || j + 1 == m {
            i + 1 == n && j + 1 == m
        } else {
            row_a[i + 1].is_some() && row_a[i + 1] == row_b[j + 1]
        };
        let edges = usize::from(i == 0) + usize::from(i + 1 == n);
        if !after || edges == 2 {
            continue;
        }
        let once = |n: &std::collections::HashMap<&str, usize>, w: &String| {
            n.get(stem(w).unwrap_or(w)) == Some(&1)
        };
        let unique = sides.content_a[i].iter().any(|w| {
            once(&count_a, w)
                && sides.content_b[j]
                    .iter()
                    .any(|x| one_word(w, x) && once(&count_b, x))
        });
        let e = sides.evidence(&[i], &[j]);
        if unique && earns_place(&e, 0.0) {
            link(out, i, j, e);
            row_a[i] = Some(out.len() - 1);
            row_b[j] = Some(out.len() - 1);
        }
    }
    // Shared claim slots: free sentences and the end members of groups.
    let ends = |row: &[Option<usize>], k: usize, side_a: bool| match row[k] {
        None => true,
        Some(r) => may_leave(
            if side_a {
                &out[r].group.a
            } else {
                &out[r].group.b
            },
            k,
        ),
    };
    let ca: Vec<usize> = (0..n).filter(|&i| ends(&row_a, i, true)).collect();
    let cb: Vec<usize> = (0..m).filter(|&j| ends(&row_b, j, false)).collect();
    if ca.len() * cb.len() > RECOVER_PAIRS {
        return;
    }
    let figures = |atoms: &[Vec<ClaimAtom>]| -> Vec<bool> {
        let f = |x: &ClaimAtom| matches!(x.facet, Facet::Number | Facet::Date);
        atoms.iter().map(|a| a.iter().any(f)).collect()
    };
    let (figure_a, figure_b) = (figures(&sides.atoms_a), figures(&sides.atoms_b));
    let mut cands: Vec<(f32, usize, usize, Evidence)> = Vec::new();
    for &i in &ca {
        for &j in &cb {
            if row_a[i].is_some() && row_b[j].is_some() {
                continue; // both in groups already
            }
            // The cheap tests first: a figure or time on each side, two shared content words.
            if !figure_a[i] || !figure_b[j] {
                continue;
            }
            let (wa, wb) = (
                gather_words(&sides.content_a, &[i]),
                gather_words(&sides.content_b, &[j]),
            );
            if shared_content(&wa, &wb) < 2 {
                continue;
            }
            let e = sides.evidence(&[i], &[j]);
            if e.content < 2 || e.figures == 0 {
                continue;
            }
            // A group's member leaves it only for a partner that fits it better.
            let member = match (row_a[i], row_b[j]) {
                (Some(r), _) => Some(sides.evidence(&[i], &out[r].group.b)),
                (_, Some(r)) => Some(sides.evidence(&out[r].group.a, &[j])),
                _ => None,
            };
            if member.is_some_and(|g| g.words >= e.words) {
                continue;
            }
            cands.push((score(&e), i, j, e));
        }
    }
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let (mut taken_a, mut taken_b) = (vec![false; n], vec![false; m]);
    for (_, i, j, e) in cands {
        if taken_a[i] || taken_b[j] {
            continue;
        }
        let (ra, rb) = (rows_of(out, n, true)[i], rows_of(out, m, false)[j]);
        if ra.is_some() && rb.is_some() {
            continue;
        }
        // Asked again now: an earlier take may have left this member its group's last on its side.
        let stays = |r: Option<usize>, side_a: bool, k: usize| {
            r.is_some_and(|r| {
                !may_leave(
                    if side_a {
                        &out[r].group.a
                    } else {
                        &out[r].group.b
                    },
                    k,
                )
            })
        };
        if stays(ra, true, i) || stays(rb, false, j) {
            continue;
        }
        if let Some(r) = ra {
            out[r].group.a.retain(|&k| k != i);
            out[r].evidence = sides.evidence(&out[r].group.a, &out[r].group.b);
        }
        if let Some(r) = rb {
            out[r].group.b.retain(|&k| k != j);
            out[r].evidence = sides.evidence(&out[r].group.a, &out[r].group.b);
        }
        taken_a[i] = true;
        taken_b[j] = true;
        link(out, i, j, e);
    }
}
