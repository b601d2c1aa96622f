//! An article's history as the compare view shows it: the timeline of consecutive comparisons, and for every
//! sentence of every version the version where it first appeared (and where its claim last changed), worked out
//! from the comparisons of consecutive versions. Pure; history.svelte.ts fetches the comparisons.
import type { Comparison, VersionInfo } from "../gen/bindings";

/** One consecutive comparison, between version numbers `from` and `to`. */
export interface Step {
  from: number;
  to: number;
  comparison: Comparison;
}

export interface SentenceHistory {
  /** Number of the version where this sentence (or the one it was edited from) first appeared. */
  firstSeen: number;
  /** Number of the version where its claim last changed substantively, if it ever did. */
  changed: number | null;
}

/** Sentence histories per version number, for every version the steps cover. Steps must be consecutive and in
 * order (steps[i].to === steps[i + 1].from). A sentence inherits its history through every aligned row (edited,
 * moved, split, merged: the earliest of its sources); an added sentence is first seen in the step's newer version. */
export function sentenceHistories(steps: Step[]): Map<number, SentenceHistory[]> {
  const out = new Map<number, SentenceHistory[]>();
  if (steps.length === 0) return out;
  for (const step of steps) {
    const c = step.comparison;
    let prev = out.get(step.from);
    // The first version, or a chain whose segmentation disagrees: start from what this step says.
    if (!prev || prev.length !== c.left.length) {
      prev = c.left.map(() => ({ firstSeen: step.from, changed: null }));
      out.set(step.from, prev);
    }
    const next: SentenceHistory[] = c.right.map(() => ({ firstSeen: step.to, changed: null }));
    for (const row of c.rows) {
      if (row.right.length === 0) continue;
      let entry: SentenceHistory;
      if (row.left.length === 0) {
        entry = { firstSeen: step.to, changed: null };
      } else {
        const sources = row.left.map((i) => prev[i]).filter((h): h is SentenceHistory => !!h);
        const firstSeen = Math.min(step.to, ...sources.map((h) => h.firstSeen));
        const edited = row.segments.some((s) => s.tag !== "equal");
        const inherited = sources.reduce<number | null>(
          (m, h) => (h.changed === null ? m : m === null ? h.changed : Math.max(m, h.changed)),
          null,
        );
        entry = { firstSeen, changed: edited && row.significance === "substantive" ? step.to : inherited };
      }
      for (const r of row.right) next[r] = entry;
    }
    out.set(step.to, next);
  }
  return out;
}

/** The consecutive pairs (by version number) needed to know the history of both compared versions. */
export function chainPairs(versions: VersionInfo[], upTo: number): [VersionInfo, VersionInfo][] {
  const sorted = [...versions].sort((a, b) => a.number - b.number).filter((v) => v.number <= upTo);
  const pairs: [VersionInfo, VersionInfo][] = [];
  for (let i = 1; i < sorted.length; i++) pairs.push([sorted[i - 1], sorted[i]]);
  return pairs;
}

export interface TimelinePoint {
  version: VersionInfo;
  isLeft: boolean;
  isRight: boolean;
  /** Strictly between the two compared versions. */
  between: boolean;
}

export interface Timeline {
  points: TimelinePoint[];
  /** Consecutive comparisons to step to: [left id, right id], or null at an end. */
  prev: [number, number] | null;
  next: [number, number] | null;
  /** Whether the current comparison is of two consecutive versions. */
  consecutive: boolean;
}

/** The timeline of an article's versions around the comparison of `leftId` with `rightId`. Stepping goes through
 * consecutive comparisons: from a consecutive pair to the one before or after it; from a wider pair into its
 * first step (next) or its last step (prev). */
export function timeline(versions: VersionInfo[], leftId: number, rightId: number): Timeline {
  const sorted = [...versions].sort((a, b) => a.number - b.number);
  const li = sorted.findIndex((v) => v.id === leftId);
  const ri = sorted.findIndex((v) => v.id === rightId);
  const lo = Math.min(li, ri);
  const hi = Math.max(li, ri);
  const points = sorted.map((version, i) => ({
    version, isLeft: i === li, isRight: i === ri, between: li >= 0 && ri >= 0 && i > lo && i < hi,
  }));
  if (li < 0 || ri < 0) return { points, prev: null, next: null, consecutive: false };
  const pair = (a: number, b: number): [number, number] | null =>
    a >= 0 && b < sorted.length && a < b ? [sorted[a].id, sorted[b].id] : null;
  const consecutive = hi - lo === 1;
  return {
    points,
    consecutive,
    prev: consecutive ? pair(lo - 1, lo) : pair(hi - 1, hi),
    next: consecutive ? pair(hi, hi + 1) : pair(lo, lo + 1),
  };
}
