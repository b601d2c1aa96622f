import { describe, expect, it } from "vitest";
import type { VersionInfo } from "../gen/bindings";
import { comparison, row } from "./fixtures";
import { chainPairs, sentenceHistories, timeline } from "./history";

function version(id: number, number: number): VersionInfo {
  return {
    id, articleId: 1, number, title: `v${number}`, byline: null, published: null, fetched: number * 3600,
    contentHash: `h${number}`, sourceKind: "sample", sourceRef: null,
  };
}

describe("sentenceHistories", () => {
  // v1: a b        v2: a b' c (b edited substantively, c added)      v3: c a b'' (c moved up, b cosmetically fixed)
  const steps = [
    {
      from: 1, to: 2,
      comparison: comparison([["a.", "b 40."]], [["a.", "b 14.", "c."]], [
        row("unchanged", [0], [0]),
        row("edited", [1], [1], { segments: [{ text: "b ", tag: "equal" }, { text: "40", tag: "delete" }, { text: "14", tag: "insert" }, { text: ".", tag: "equal" }] }),
        row("added", [], [2], { segments: [{ text: "c.", tag: "insert" }] }),
      ]),
    },
    {
      from: 2, to: 3,
      comparison: comparison([["a.", "b 14.", "c."]], [["c.", "a.", "b  14."]], [
        row("moved", [2], [0], { segments: [{ text: "c.", tag: "equal" }] }),
        row("unchanged", [0], [1]),
        row("edited", [1], [2], { significance: "cosmetic", segments: [{ text: "b", tag: "equal" }, { text: "  ", tag: "insert" }, { text: " ", tag: "delete" }, { text: "14.", tag: "equal" }] }),
      ]),
    },
  ];
  const h = sentenceHistories(steps);

  it("dates every sentence of the first version to it", () => {
    expect(h.get(1)!.map((s) => s.firstSeen)).toEqual([1, 1]);
  });

  it("keeps an edited sentence's first appearance and records the substantive change", () => {
    expect(h.get(2)).toEqual([
      { firstSeen: 1, changed: null },
      { firstSeen: 1, changed: 2 },
      { firstSeen: 2, changed: null },
    ]);
  });

  it("follows a moved sentence, and a cosmetic fix does not count as a change of claim", () => {
    expect(h.get(3)).toEqual([
      { firstSeen: 2, changed: null },
      { firstSeen: 1, changed: null },
      { firstSeen: 1, changed: 2 },
    ]);
  });

  it("takes the earliest source of a merged sentence", () => {
    const m = sentenceHistories([
      { from: 1, to: 2, comparison: comparison([["x."]], [["x.", "y."]], [row("unchanged", [0], [0]), row("added", [], [1])]) },
      { from: 2, to: 3, comparison: comparison([["x.", "y."]], [["x and y."]], [row("merged", [0, 1], [0], { significance: "cosmetic" })]) },
    ]);
    expect(m.get(3)).toEqual([{ firstSeen: 1, changed: null }]);
  });
});

describe("timeline", () => {
  const versions = [version(13, 3), version(11, 1), version(12, 2), version(14, 4), version(15, 5)];

  it("lists versions in order and marks the compared pair", () => {
    const t = timeline(versions, 11, 14);
    expect(t.points.map((p) => p.version.number)).toEqual([1, 2, 3, 4, 5]);
    expect(t.points.map((p) => (p.isLeft ? "L" : p.isRight ? "R" : p.between ? "b" : "-")).join("")).toBe("LbbR-");
    expect(t.consecutive).toBe(false);
    // From a wide pair, "next" steps into its first consecutive comparison and "prev" into its last.
    expect(t.next).toEqual([11, 12]);
    expect(t.prev).toEqual([13, 14]);
  });

  it("steps through consecutive comparisons and stops at the ends", () => {
    expect(timeline(versions, 12, 13)).toMatchObject({ consecutive: true, prev: [11, 12], next: [13, 14] });
    expect(timeline(versions, 11, 12).prev).toBeNull();
    expect(timeline(versions, 14, 15).next).toBeNull();
  });

  it("works when the newer version is on the left", () => {
    expect(timeline(versions, 13, 12)).toMatchObject({ consecutive: true, prev: [11, 12], next: [13, 14] });
  });

  it("chains consecutive pairs up to a version", () => {
    expect(chainPairs(versions, 3).map(([a, b]) => [a.number, b.number])).toEqual([[1, 2], [2, 3]]);
  });
});
