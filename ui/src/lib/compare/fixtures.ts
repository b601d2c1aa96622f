//! Small hand-made comparisons for the compare view's unit tests (fictional text written for these tests).
import type { Claim, Comparison, Facet, Row, RowKind, Segment, Sentence, Significance } from "../gen/bindings";

/** Sentences from paragraphs of sentences. */
export function sentences(paragraphs: string[][]): Sentence[] {
  return paragraphs.flatMap((p, paragraph) => p.map((text) => ({ text, paragraph })));
}

export function row(
  kind: RowKind,
  left: number[],
  right: number[],
  opts: { significance?: Significance; facets?: Facet[]; segments?: Segment[]; claims?: Claim[]; related?: number } = {},
): Row {
  return {
    kind, left, right,
    significance: opts.significance ?? (kind === "unchanged" ? "none" : "substantive"),
    facets: opts.facets ?? [],
    segments: opts.segments ?? [],
    claims: opts.claims ?? [],
    confidence: 1,
    ...(opts.related === undefined ? {} : { related: opts.related }),
  };
}

export function comparison(left: string[][], right: string[][], rows: Row[]): Comparison {
  return {
    mode: "revision",
    left: sentences(left),
    right: sentences(right),
    rows,
    summary: {
      unchanged: 0, edited: 0, moved: 0, added: 0, removed: 0, split: 0, merged: 0, substantive: 0, cosmetic: 0,
      facets: [], claims: [],
    },
  };
}

/** A revision of a five-sentence story: a number corrected, a typo fixed, a sentence moved from the top to the end,
 * and one added. Left: A B C D E (paragraphs [A B] [C D] [E]); right: B' C D+ E F A. */
export function revision(): Comparison {
  return comparison(
    [["A. The river rose.", "B. Some 40 homes flooded."], ["C. The mayor spoke.", "D. Roads were closed."], ["E. Help came."]],
    [["B. Some 14 homes flooded.", "C. The mayor spoke."], ["D. Roads were clsoed.", "F. Schools reopen Monday."], ["E. Help came.", "A. The river rose."]],
    [
      row("edited", [1], [0], {
        facets: ["number"],
        segments: [
          { text: "B. Some ", tag: "equal" }, { text: "40", tag: "delete" }, { text: "14", tag: "insert" },
          { text: " homes flooded.", tag: "equal" },
        ],
      }),
      row("unchanged", [2], [1]),
      row("edited", [3], [2], {
        significance: "cosmetic",
        segments: [
          { text: "D. Roads were ", tag: "equal" }, { text: "closed.", tag: "delete" },
          { text: "clsoed.", tag: "insert" },
        ],
      }),
      row("added", [], [3], { segments: [{ text: "F. Schools reopen Monday.", tag: "insert" }] }),
      row("unchanged", [4], [4]),
      row("moved", [0], [5], { significance: "cosmetic", segments: [{ text: "A. The river rose.", tag: "equal" }] }),
    ],
  );
}
