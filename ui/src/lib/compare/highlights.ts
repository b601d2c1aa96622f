//! The article's highlights in the compare view: each one resolved on both versions shown (`highlights_on`) and
//! placed, through the bands' sentences, on the cells holding it, with a word for what it is there.
import type { AnchorState, Colour, ResolvedHighlight } from "../gen/bindings";
import type { Band } from "./layout";

/** One highlight's mark on one cell. */
export interface CellMark {
  id: number;
  colour: Colour;
  /** "made" on the version of this column, else what became of it there. */
  state: AnchorState | "made";
  /** The word shown beside the text: "highlight", "intact", "moved", "edited: 600 → 900", "removed". */
  label: string;
  /** The longer line for the tooltip: quote, version made on, note. */
  title: string;
}

export interface BandMarks {
  left: CellMark[];
  right: CellMark[];
}

function mark(r: ResolvedHighlight, versionId: number): CellMark {
  const h = r.highlight;
  const made = h.versionId === versionId;
  const state = made ? "made" : r.resolution.state;
  const label = made
    ? "highlight"
    : r.resolution.state === "edited" && r.resolution.change
      ? `edited: ${r.resolution.change}`
      : r.resolution.state;
  const where = made ? "Highlighted on this version" : `Highlighted in version ${r.madeOnNumber}`;
  const old = r.resolution.state === "removed" ? "; this version no longer has it" : "";
  return {
    id: h.id,
    colour: h.colour,
    state,
    label,
    title: `${where}: “${h.quote}”${old}${h.note ? ` · Note: ${h.note}` : ""}`,
  };
}

const meets = (a: number[], b: number[]) => a.some((i) => b.includes(i));

/** Marks per band index. A highlight readable on a side marks the band whose cell shows its sentences; one the
 * right version no longer has is marked `removed` in the right cell of the band holding it on the left. */
export function bandMarks(
  bands: Band[],
  left: { versionId: number; highlights: ResolvedHighlight[] },
  right: { versionId: number; highlights: ResolvedHighlight[] },
): Map<number, BandMarks> {
  const out = new Map<number, BandMarks>();
  const at = (band: number) => {
    let m = out.get(band);
    if (!m) out.set(band, (m = { left: [], right: [] }));
    return m;
  };
  const leftOf = new Map<number, number[]>();
  for (const r of left.highlights) {
    if (r.resolution.state === "removed") continue;
    for (const b of bands) {
      if (!meets(b.left, r.resolution.sentences)) continue;
      at(b.index).left.push(mark(r, left.versionId));
      leftOf.set(r.highlight.id, [...(leftOf.get(r.highlight.id) ?? []), b.index]);
    }
  }
  for (const r of right.highlights) {
    if (r.resolution.state === "removed") {
      for (const b of leftOf.get(r.highlight.id) ?? []) at(b).right.push(mark(r, right.versionId));
      continue;
    }
    for (const b of bands) {
      if (meets(b.right, r.resolution.sentences)) at(b.index).right.push(mark(r, right.versionId));
    }
  }
  return out;
}
