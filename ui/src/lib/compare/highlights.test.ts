import { describe, expect, it } from "vitest";
import type { AnchorState, ResolvedHighlight } from "../gen/bindings";
import { revision } from "./fixtures";
import { bandMarks } from "./highlights";
import { layoutBands } from "./layout";

const LEFT = 10;
const RIGHT = 11;

function resolved(
  id: number,
  madeOn: number,
  onVersion: number,
  state: AnchorState,
  sentences: number[],
  change: string | null = null,
): ResolvedHighlight {
  return {
    highlight: {
      id, versionId: madeOn, quote: `quote ${id}`, prefix: "", suffix: "", sentenceIndex: null, colour: "yellow",
      note: id === 1 ? "check the count" : null, created: 1,
    },
    onVersionId: onVersion,
    paragraph: sentences.length ? 0 : null,
    madeOnNumber: madeOn === LEFT ? 1 : 2,
    resolution: { state, text: state === "removed" ? null : "x", sentences, segments: [], change },
  };
}

// The fixture's left is A B C D E, its right B' C D F E A (bands: ghost A, B/B', C, D, F added, E, A moved).
const left = {
  versionId: LEFT,
  highlights: [
    resolved(1, LEFT, LEFT, "intact", [1]), // "Some 40 homes", made on the left
    resolved(2, LEFT, LEFT, "intact", [0]), // "The river rose", made on the left
    resolved(3, LEFT, LEFT, "intact", [4]), // "Help came", made on the left
    resolved(4, RIGHT, LEFT, "removed", []), // "Schools reopen", made on the right: not in the left
  ],
};
const right = {
  versionId: RIGHT,
  highlights: [
    resolved(1, LEFT, RIGHT, "edited", [0], "40 → 14 homes"),
    resolved(2, LEFT, RIGHT, "moved", [5]),
    resolved(3, LEFT, RIGHT, "removed", []),
    resolved(4, RIGHT, RIGHT, "intact", [3]),
  ],
};

const labels = (m: { label: string }[] | undefined) => (m ?? []).map((x) => x.label);

describe("bandMarks", () => {
  const bands = layoutBands(revision());
  const marks = bandMarks(bands, left, right);
  const band = (key: string) => marks.get(bands.find((b) => b.key === key)!.index);

  it("marks an edited highlight on both cells of its row: as made on the left, its change on the right", () => {
    expect(labels(band("r0")?.left)).toEqual(["highlight"]);
    expect(labels(band("r0")?.right)).toEqual(["edited: 40 → 14 homes"]);
    expect(band("r0")?.left[0].title).toBe("Highlighted on this version: “quote 1” · Note: check the count");
    expect(band("r0")?.right[0].title).toBe("Highlighted in version 1: “quote 1” · Note: check the count");
  });

  it("follows a moved sentence: the left mark at its old place (the ghost), the right one where it went", () => {
    expect(labels(band("g5")?.left)).toEqual(["highlight"]);
    expect(band("g5")?.right).toEqual([]);
    expect(labels(band("r5")?.right)).toEqual(["moved"]);
    expect(band("r5")?.left).toEqual([]);
  });

  it("shows a passage the right version no longer has as removed, beside where it stood on the left", () => {
    expect(labels(band("r4")?.left)).toEqual(["highlight"]);
    expect(labels(band("r4")?.right)).toEqual(["removed"]);
    expect(band("r4")?.right[0].state).toBe("removed");
  });

  it("marks a highlight made on the right version only there, and leaves unhighlighted bands alone", () => {
    expect(band("r3")?.left).toEqual([]);
    expect(band("r3")?.right.map((m) => [m.label, m.state])).toEqual([["highlight", "made"]]);
    expect(band("r1")).toBeUndefined();
    expect(band("r2")).toBeUndefined();
    expect(bandMarks(bands, { versionId: LEFT, highlights: [] }, { versionId: RIGHT, highlights: [] }).size).toBe(0);
  });
});
