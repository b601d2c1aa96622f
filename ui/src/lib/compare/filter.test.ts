import { describe, expect, it } from "vitest";
import { comparison, revision, row } from "./fixtures";
import { countChanges, defaultFilter, highlighted, visibleItems, type Filter } from "./filter";
import { layoutBands } from "./layout";

const f = (over: Partial<Filter> = {}): Filter => ({ ...defaultFilter, ...over });

describe("highlighted", () => {
  const bands = layoutBands(revision());
  const byKey = (k: string) => bands.find((b) => b.key === k)!;

  it("hides a cosmetic change under 'substantive only' but keeps the corrected number", () => {
    expect(highlighted(byKey("r2"), f())).toBe(true);
    expect(highlighted(byKey("r2"), f({ substantiveOnly: true }))).toBe(false);
    expect(highlighted(byKey("r0"), f({ substantiveOnly: true }))).toBe(true);
  });

  it("treats a ghost like its moved row, so a filtered move disappears from both places", () => {
    expect(highlighted(byKey("g5"), f())).toBe(true);
    expect(highlighted(byKey("g5"), f({ substantiveOnly: true }))).toBe(false);
    expect(highlighted(byKey("r5"), f({ substantiveOnly: true }))).toBe(false);
  });

  it("narrows to one kind or one facet from the summary bar", () => {
    expect(bands.filter((b) => highlighted(b, f({ kind: "added" }))).map((b) => b.key)).toEqual(["r3"]);
    expect(bands.filter((b) => highlighted(b, f({ facet: "number" }))).map((b) => b.key)).toEqual(["r0"]);
  });
});

describe("visibleItems", () => {
  // Ten sentences, one edit in the middle (index 5).
  const text = Array.from({ length: 10 }, (_, i) => `S${i}.`);
  const rows = text.map((_, i) => row(i === 5 ? "edited" : "unchanged", [i], [i]));
  const bands = layoutBands(comparison([text], [text], rows));

  it("shows every band when nothing folds", () => {
    expect(visibleItems(bands, f())).toHaveLength(10);
  });

  it("folds unchanged runs but keeps one line of context next to the change", () => {
    const items = visibleItems(bands, f({ collapseUnchanged: true }));
    expect(items.map((it) => (it.type === "band" ? it.band : `fold ${it.start}-${it.end}`))).toEqual([
      "fold 0-4", 4, 5, 6, "fold 7-10",
    ]);
  });

  it("opens a fold the reader expanded", () => {
    const items = visibleItems(bands, f({ collapseUnchanged: true }), new Set([0]));
    expect(items.slice(0, 6).map((it) => (it.type === "band" ? it.band : "fold"))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(items.at(-1)!.type).toBe("fold");
  });

  it("does not fold a run too short to be worth it", () => {
    const short = layoutBands(comparison([text.slice(0, 4)], [text.slice(0, 4)], [
      row("unchanged", [0], [0]), row("unchanged", [1], [1]), row("edited", [2], [2]), row("unchanged", [3], [3]),
    ]));
    expect(visibleItems(short, f({ collapseUnchanged: true })).every((it) => it.type === "band")).toBe(true);
  });

  it("folds everything that does not match a picked kind", () => {
    const items = visibleItems(layoutBands(revision()), f({ kind: "added" }));
    const shown = items.filter((it) => it.type === "band").map((it) => (it.type === "band" ? it.key : ""));
    expect(shown).toContain("r3");
    expect(items.some((it) => it.type === "fold")).toBe(true);
  });
});

describe("countChanges", () => {
  it("counts kinds, facets and significance over rows, a moved row once", () => {
    const counts = countChanges(layoutBands(revision()));
    expect(counts.kinds).toEqual({ edited: 2, unchanged: 2, added: 1, moved: 1 });
    expect(counts.facets).toEqual({ number: 1 });
    expect(counts.changes).toBe(4);
    expect(counts.substantive).toBe(2);
    expect(counts.cosmetic).toBe(2);
  });
});
