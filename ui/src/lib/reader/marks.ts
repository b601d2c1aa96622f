//! Where highlights fall in a paragraph of the reader: passages found in the paragraph text (runs of
//! whitespace matched loosely, as the backend resolves them) and split into plain and marked pieces.
//! Resolution across versions is the backend's; this only places the text it returns.
import type { AnchorState, ResolvedHighlight } from "../gen/bindings";

export type Piece = { text: string; highlight: ResolvedHighlight | null };

/** [start, end) of `passage` in `text` (UTF-16 indices), whitespace runs matched loosely; null when absent. */
export function findPassage(text: string, passage: string): [number, number] | null {
  const words = passage.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const esc = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const m = new RegExp(esc.join("\\s+")).exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

/** The paragraph as pieces: highlighted passages (first come first placed; overlaps dropped) and the text between. */
export function paragraphPieces(text: string, paragraph: number, highlights: ResolvedHighlight[]): Piece[] {
  const placed: { start: number; end: number; h: ResolvedHighlight }[] = [];
  for (const h of highlights) {
    if (h.paragraph !== paragraph || h.resolution.text == null) continue;
    const r = findPassage(text, h.resolution.text);
    if (!r) continue;
    if (placed.some((p) => r[0] < p.end && p.start < r[1])) continue;
    placed.push({ start: r[0], end: r[1], h });
  }
  placed.sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let at = 0;
  for (const p of placed) {
    if (p.start > at) pieces.push({ text: text.slice(at, p.start), highlight: null });
    pieces.push({ text: text.slice(p.start, p.end), highlight: p.h });
    at = p.end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), highlight: null });
  return pieces;
}

/** Words for a state, so it never rests on colour alone. */
export const STATE_LABEL: Record<AnchorState, string> = {
  intact: "intact",
  moved: "moved",
  edited: "edited",
  removed: "removed",
};

/** A symbol shown beside the label (also read by screen readers through the label). */
export const STATE_ICON: Record<AnchorState, string> = {
  intact: "✓",
  moved: "↕",
  edited: "✎",
  removed: "⊘",
};

/** True when the highlight was made on another version than the one shown. */
export function fromOtherVersion(h: ResolvedHighlight): boolean {
  return h.onVersionId !== h.highlight.versionId;
}
