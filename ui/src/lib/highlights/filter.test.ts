import { describe, expect, it } from "vitest";
import type { AnchorState, HighlightItem } from "../gen/bindings";
import { filterHighlights } from "./filter";

function item(id: number, quote: string, note: string | null, state: AnchorState): HighlightItem {
  const highlight = { id, versionId: 1, quote, prefix: "", suffix: "", sentenceIndex: 0, colour: "yellow" as const, note, created: id };
  return {
    entry: { highlight, articleId: 1, title: "Millrace residents return", outlet: "The Kestleford Courier", url: null,
      versionNumber: 1, versionFetched: 0, latestVersionId: 5 },
    latest: { highlight, onVersionId: 5, paragraph: 0, madeOnNumber: 1,
      resolution: { state, text: state === "removed" ? null : quote, sentences: [], segments: [], change: null } },
  };
}

const items = [
  item(1, "about 600 households", "county figure?", "edited"),
  item(2, "A chalkboard outside the bakery", null, "removed"),
  item(3, "Buses will run from the school", "Café timetable", "intact"),
];

describe("filterHighlights", () => {
  it("searches quotes, notes and titles, ignoring case and accents", () => {
    expect(filterHighlights(items, "HOUSEHOLDS", "all").map((i) => i.entry.highlight.id)).toEqual([1]);
    expect(filterHighlights(items, "cafe", "all").map((i) => i.entry.highlight.id)).toEqual([3]);
    expect(filterHighlights(items, "county 600", "all").map((i) => i.entry.highlight.id)).toEqual([1]);
    expect(filterHighlights(items, "millrace", "all")).toHaveLength(3);
    expect(filterHighlights(items, "ferry", "all")).toHaveLength(0);
  });

  it("filters by what became of the passage", () => {
    expect(filterHighlights(items, "", "changed").map((i) => i.entry.highlight.id)).toEqual([1, 2]);
    expect(filterHighlights(items, "", "unchanged").map((i) => i.entry.highlight.id)).toEqual([3]);
    expect(filterHighlights(items, "bakery", "unchanged")).toHaveLength(0);
  });
});
