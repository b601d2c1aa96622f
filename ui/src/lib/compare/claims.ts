//! A row's claims in words: what differs between the two sides ("Number differs: 3,400 → 2,100"), what only one
//! side asserts, and a one-sided row's "possibly related to …" pointer. Rendering is left to the components.
import type { Claim, Comparison, Facet, Row, Segment } from "../gen/bindings";
import { markAtoms } from "../story/rows";

export const FACET_NOUN: Record<Facet, string> = {
  number: "Number",
  date: "Date",
  name: "Name",
  quote: "Quote",
  attribution: "Source",
  negation: "Negation",
  hedge: "Hedge",
};

/** One claim difference as words, e.g. `{ facet: "number", text: "Number differs: 3,400 → 2,100" }`. */
export interface ClaimNote {
  facet: Facet;
  status: Claim["status"];
  text: string;
}

/** The sides' names for "only in …" notes. */
export interface SideNames {
  left: string;
  right: string;
}

function note(c: Claim, sides: SideNames): string {
  const noun = FACET_NOUN[c.facet];
  if (c.facet === "hedge") {
    if (c.status === "differs") return `Hedged differently: ${c.left} → ${c.right}`;
    return c.status === "left_only" ? `Hedged: ${c.left} → stated` : `Hedged: stated → ${c.right}`;
  }
  if (c.facet === "negation") {
    return c.status === "left_only" ? `Negated only in ${sides.left}: ${c.left}` : `Negated only in ${sides.right}: ${c.right}`;
  }
  switch (c.status) {
    case "differs":
      return `${noun} differs: ${c.left} → ${c.right}`;
    case "left_only":
      return `${noun} only in ${sides.left}: ${c.left}`;
    case "right_only":
      return `${noun} only in ${sides.right}: ${c.right}`;
    default:
      return `${noun} same: ${c.left}`;
  }
}

/** The claims of a row worth naming: not `same`, and in accounts rows no names only one side mentions (two
 * tellings name different people and places without contradicting each other). */
function noted(row: Row, mode: Comparison["mode"]): Claim[] {
  return row.claims
    .filter((c) => c.status !== "same")
    .filter((c) => !(mode === "accounts" && c.facet === "name" && c.status !== "differs"));
}

/** The differences of a linked row, `differs` first (the conflicts a reader looks for), then one-sided claims. */
export function claimNotes(row: Row, mode: Comparison["mode"], sides: SideNames): ClaimNote[] {
  const rank = (c: Claim) => (c.status === "differs" ? 0 : 1);
  return noted(row, mode)
    .sort((a, b) => rank(a) - rank(b))
    .map((c) => ({ facet: c.facet, status: c.status, text: note(c, sides) }));
}

/** "Possibly related to: …" for a one-sided row whose weak counterpart the engine kept as a pointer. */
export function relatedNote(c: Comparison, row: Row, maxChars = 60): string | null {
  if (row.related === undefined || row.related === null) return null;
  const other = row.left.length > 0 ? c.right : c.left;
  const s = other[row.related];
  if (!s) return null;
  const text = s.text.length > maxChars ? `${s.text.slice(0, maxChars - 1)}…` : s.text;
  return `Possibly related to: “${text}”`;
}

/** Claim differences per facet over the whole comparison, as the summary bar counts them: the claims the rows'
 * notes name (so in accounts no names only one side mentions), in the engine's facet order. The engine's own
 * `summary.claims` counts every claim that is not `same`, which between accounts would count names no note shows. */
export function claimCounts(c: Comparison): { facet: Facet; count: number }[] {
  const counts = new Map<Facet, number>();
  for (const r of c.rows) {
    if (r.left.length === 0 || r.right.length === 0) continue;
    for (const cl of noted(r, c.mode)) counts.set(cl.facet, (counts.get(cl.facet) ?? 0) + 1);
  }
  return (Object.keys(FACET_NOUN) as Facet[]).filter((f) => counts.has(f)).map((facet) => ({ facet, count: counts.get(facet)! }));
}

/** Whether a changed row's word marks show: always in revisions; between two accounts, whose wording differs
 * throughout, only with the full word redline switched on (the claim notes name what matters). */
export function showsWordMarks(mode: Comparison["mode"], wordRedline: boolean): boolean {
  return mode !== "accounts" || wordRedline;
}

/** A run of a cell's text: a word-diff segment, or the part of one that a noted claim atom covers. */
export interface MarkedRun extends Segment {
  /** The facet of the claim atom the run belongs to, if any. */
  facet?: Facet;
  /** The atom's claim differs between the sides (else only this side asserts it). */
  differs?: boolean;
}

/** The atoms of one side of a row that its claim notes name, as they read in that side's text; `differs` first, so
 * an overlapping one-sided atom gives way. */
export function sideAtoms(row: Row, mode: Comparison["mode"], side: "left" | "right"): { text: string; facet: Facet; differs: boolean }[] {
  return noted(row, mode)
    .map((c) => ({ text: (side === "left" ? c.left : c.right) ?? "", facet: c.facet, differs: c.status === "differs" }))
    .filter((a) => a.text !== "")
    .sort((a, b) => Number(b.differs) - Number(a.differs));
}

/** Cuts a cell's segments where the given atoms start and end, so each run is one segment's text inside or outside
 * one atom: atoms are marked inside the sentence whether or not the word marks show. Atoms are found as the story
 * view finds them (`markAtoms`, by their text in the joined cell text). */
export function markRuns(segments: Segment[], atoms: { text: string; facet: Facet; differs: boolean }[]): MarkedRun[] {
  if (atoms.length === 0) return segments;
  const pieces = markAtoms(segments.map((s) => s.text).join(""), atoms, (a) => a.differs);
  const out: MarkedRun[] = [];
  let p = 0;
  let pOff = 0; // offset into pieces[p]
  for (const s of segments) {
    let left = s.text.length;
    while (left > 0 && p < pieces.length) {
      const piece = pieces[p];
      const take = Math.min(left, piece.text.length - pOff);
      const text = piece.text.slice(pOff, pOff + take);
      out.push(piece.facet ? { text, tag: s.tag, facet: piece.facet, differs: piece.disputed } : { text, tag: s.tag });
      left -= take;
      pOff += take;
      if (pOff === piece.text.length) {
        p += 1;
        pOff = 0;
      }
    }
  }
  return out;
}
