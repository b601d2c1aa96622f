//! Which bands the compare view highlights, which it quietens and which it folds away: the "Substantive only"
//! filter, a kind or facet picked in the summary bar, and collapsing of unchanged runs. Pure; state lives in
//! compare.svelte.ts and rendering in the components.
import type { Facet, RowKind } from "../gen/bindings";
import type { Band } from "./layout";

export interface Filter {
  /** Hide cosmetic changes: they are shown as plain, unchanged text. */
  substantiveOnly: boolean;
  /** Fold long runs of unchanged (or quietened) bands. */
  collapseUnchanged: boolean;
  /** Only this kind of change is highlighted (the others are quietened and fold away). */
  kind: RowKind | null;
  /** Only changes touching this facet are highlighted. */
  facet: Facet | null;
}

export const defaultFilter: Filter = { substantiveOnly: false, collapseUnchanged: false, kind: null, facet: null };

/** One line of the rendered list: a band, or a folded run of bands [start, end). */
export type Item =
  | { type: "band"; band: number; key: string }
  | { type: "fold"; start: number; end: number; key: string };

/** Whether a band is shown as a change under the filter (otherwise it reads as unchanged text). */
export function highlighted(b: Band, f: Filter): boolean {
  if (b.kind === "unchanged") return false;
  if (f.substantiveOnly && b.significance === "cosmetic") return false;
  if (f.kind !== null && b.kind !== f.kind) return false;
  if (f.facet !== null && !b.facets.includes(f.facet)) return false;
  return true;
}

/** Whether the filter folds quiet runs at all: when asked to, or when a kind/facet is picked. */
export function folds(f: Filter): boolean {
  return f.collapseUnchanged || f.kind !== null || f.facet !== null;
}

export interface FoldOptions {
  /** Quiet bands kept visible next to each change, on each side. */
  context: number;
  /** Shortest run worth folding (a fold replacing one or two lines only adds noise). */
  minRun: number;
}

export const defaultFold: FoldOptions = { context: 1, minRun: 3 };

/** The rendered list. `expanded` holds the start band of folds the reader opened. */
export function visibleItems(
  bands: Band[],
  f: Filter,
  expanded: ReadonlySet<number> = new Set(),
  opts: FoldOptions = defaultFold,
): Item[] {
  const items: Item[] = [];
  const pushBand = (i: number) => items.push({ type: "band", band: i, key: bands[i].key });
  if (!folds(f)) {
    bands.forEach((_, i) => pushBand(i));
    return items;
  }
  let i = 0;
  while (i < bands.length) {
    if (highlighted(bands[i], f)) {
      pushBand(i++);
      continue;
    }
    let j = i;
    while (j < bands.length && !highlighted(bands[j], f)) j++;
    // Quiet run [i, j): keep context next to changes, fold the middle.
    const lead = i === 0 ? 0 : opts.context;
    const tail = j === bands.length ? 0 : opts.context;
    const foldStart = i + lead;
    const foldEnd = j - tail;
    if (foldEnd - foldStart >= opts.minRun && !expanded.has(foldStart)) {
      for (let k = i; k < foldStart; k++) pushBand(k);
      items.push({ type: "fold", start: foldStart, end: foldEnd, key: `f${bands[foldStart].key}` });
      for (let k = foldEnd; k < j; k++) pushBand(k);
    } else {
      for (let k = i; k < j; k++) pushBand(k);
    }
    i = j;
  }
  return items;
}

export interface Counts {
  kinds: Partial<Record<RowKind, number>>;
  facets: Partial<Record<Facet, number>>;
  substantive: number;
  cosmetic: number;
  changes: number;
}

/** Counts for the summary bar, over the engine's rows (a ghost is not counted twice). */
export function countChanges(bands: Band[]): Counts {
  const counts: Counts = { kinds: {}, facets: {}, substantive: 0, cosmetic: 0, changes: 0 };
  for (const b of bands) {
    if (b.ghost) continue;
    counts.kinds[b.kind] = (counts.kinds[b.kind] ?? 0) + 1;
    if (b.kind === "unchanged") continue;
    counts.changes++;
    if (b.significance === "substantive") counts.substantive++;
    if (b.significance === "cosmetic") counts.cosmetic++;
    for (const facet of b.facets) counts.facets[facet] = (counts.facets[facet] ?? 0) + 1;
  }
  return counts;
}

/** The kinds and facets in the order the summary bar lists them. */
export const KIND_ORDER: RowKind[] = ["edited", "added", "removed", "moved", "split", "merged", "unchanged"];
export const FACET_ORDER: Facet[] = ["number", "date", "name", "quote", "attribution", "negation", "hedge"];
