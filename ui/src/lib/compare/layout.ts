//! The row layout of the compare view: the engine's rows turned into display bands for two aligned columns.
//! A moved sentence gets a second, "ghost" band at its old left position so both places are marked and linked.
//! Filtering, collapsing and virtual scrolling work on these bands; rendering is left to the Svelte components.
import type { Comparison, Facet, Row, RowKind, Segment, Sentence, Significance } from "../gen/bindings";

export interface Band {
  /** Stable across filter changes: used as the key of rendered rows and of the measured-height cache. */
  key: string;
  /** Position of this band in the band list. */
  index: number;
  /** Index into `comparison.rows` (a ghost points at its moved row). */
  row: number;
  kind: RowKind;
  /** The old left place of a moved sentence: its left text stands here, the right column shows a "moved to" mark. */
  ghost: boolean;
  /** For a moved band, the band index of its ghost; for a ghost, the band index of the moved row. */
  partner: number | null;
  /** Sentence indices shown as text in the left and right cells (a moved band's left cell is a "moved from" mark). */
  left: number[];
  right: number[];
  /** The cell's first sentence starts a new paragraph on that side (not marked for the first sentence of a side). */
  leftPara: boolean;
  rightPara: boolean;
  significance: Significance;
  facets: Facet[];
}

/** Builds the bands in display order: the engine's rows (right reading order) with a ghost before the first row
 * whose left sentences come after the moved sentence's old place. */
export function layoutBands(c: Comparison): Band[] {
  const rows = c.rows;
  // Where each ghost goes: before rows[pos] (pos === rows.length: at the end).
  const ghostsAt = new Map<number, { row: number; from: number }[]>();
  rows.forEach((row, i) => {
    if (row.kind !== "moved" || row.left.length === 0) return;
    // A row's indices ascend (the engine's contract), so its first is its least; spreading a
    // coarse row's many thousand indices into Math.min would overflow the argument stack.
    const from = row.left[0];
    let pos = rows.length;
    for (let j = 0; j < rows.length; j++) {
      const r = rows[j];
      if (r.kind === "moved" || r.left.length === 0) continue;
      if (r.left[0] > from) {
        pos = j;
        break;
      }
    }
    const list = ghostsAt.get(pos) ?? [];
    list.push({ row: i, from });
    ghostsAt.set(pos, list);
  });

  const bands: Band[] = [];
  const movedBand = new Map<number, number>();
  const ghostBand = new Map<number, number>();
  const pushGhosts = (pos: number) => {
    const list = ghostsAt.get(pos);
    if (!list) return;
    list.sort((a, b) => a.from - b.from);
    for (const g of list) {
      const row = rows[g.row];
      ghostBand.set(g.row, bands.length);
      bands.push(band(bands.length, `g${g.row}`, g.row, row, true, row.left, []));
    }
  };
  rows.forEach((row, i) => {
    pushGhosts(i);
    if (row.kind === "moved" && row.left.length > 0) {
      movedBand.set(i, bands.length);
      bands.push(band(bands.length, `r${i}`, i, row, false, [], row.right));
    } else {
      bands.push(band(bands.length, `r${i}`, i, row, false, row.left, row.right));
    }
  });
  pushGhosts(rows.length);
  for (const [row, b] of movedBand) {
    const g = ghostBand.get(row);
    if (g === undefined) continue;
    bands[b].partner = g;
    bands[g].partner = b;
  }
  markParagraphs(bands, "left", c.left);
  markParagraphs(bands, "right", c.right);
  return bands;
}

function band(index: number, key: string, row: number, r: Row, ghost: boolean, left: number[], right: number[]): Band {
  return {
    key, index, row, kind: r.kind, ghost, partner: null, left, right, leftPara: false, rightPara: false,
    significance: r.significance, facets: r.facets,
  };
}

function markParagraphs(bands: Band[], side: "left" | "right", sentences: Sentence[]) {
  let last: number | null = null;
  const flag = side === "left" ? "leftPara" : "rightPara";
  for (const b of bands) {
    const idx = b[side];
    if (idx.length === 0) continue;
    const first = sentences[idx[0]]?.paragraph;
    if (first === undefined) continue;
    b[flag] = last !== null && first !== last;
    last = sentences[idx[idx.length - 1]]?.paragraph ?? first;
  }
}

/** A band shows a change (its text differs or stands elsewhere); a ghost counts too, so filters treat both places alike. */
export function isChanged(b: Band): boolean {
  return b.kind !== "unchanged";
}

/** The text runs one column shows for a band: the left column shows equal + deleted runs, the right equal + inserted.
 * Without segments (an engine that sent none) the sentences' own text is shown as equal text. */
export function cellSegments(c: Comparison, b: Band, side: "left" | "right"): Segment[] {
  const idx = b[side];
  if (idx.length === 0) return [];
  const row = c.rows[b.row];
  const drop = side === "left" ? "insert" : "delete";
  const segs = row.segments.filter((s) => s.tag !== drop);
  if (segs.length > 0 && b.kind !== "unchanged") return segs;
  const sentences = side === "left" ? c.left : c.right;
  return [{ text: idx.map((i) => sentences[i]?.text ?? "").join(" "), tag: "equal" }];
}

/** Between two accounts shown without word marks, the one-column text of a linked band: the left sentence, " → ",
 * then the right one, each whole (the exports do the same). Interleaving the unmarked deleted and inserted runs
 * would read as one garbled sentence. */
export const ACCOUNTS_JOIN = " → ";

/** The single-column text of a band: with `words`, the redline (every run, deleted before inserted as the engine
 * ordered them); without, a linked band's two sides one after the other. */
export function inlineSegments(c: Comparison, b: Band, words = true): Segment[] {
  const redline = redlineSegments(c, b);
  if (words || b.ghost || !redline.some((s) => s.tag !== "equal") || b.left.length === 0 || b.right.length === 0) {
    return redline;
  }
  return [...cellSegments(c, b, "left"), { text: ACCOUNTS_JOIN, tag: "equal" }, ...cellSegments(c, b, "right")];
}

function redlineSegments(c: Comparison, b: Band): Segment[] {
  const row = c.rows[b.row];
  if (b.ghost) return cellSegments(c, b, "left").map((s) => ({ ...s, tag: "delete" as const }));
  if (row.segments.length > 0 && b.kind !== "unchanged") return row.segments;
  const side = b.right.length > 0 ? "right" : "left";
  return cellSegments(c, b, side);
}

/** Plain text of a band's side (for titles, the change list and tests). */
export function sideText(c: Comparison, b: Band, side: "left" | "right"): string {
  const sentences = side === "left" ? c.left : c.right;
  return b[side].map((i) => sentences[i]?.text ?? "").join(" ");
}
