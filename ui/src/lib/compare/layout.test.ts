import { describe, expect, it } from "vitest";
import { comparison, revision, row } from "./fixtures";
import { cellSegments, inlineSegments, layoutBands, sideText } from "./layout";

describe("layoutBands", () => {
  it("keeps the engine's rows in right reading order and puts a moved sentence's ghost at its old left place", () => {
    const c = revision();
    const bands = layoutBands(c);
    expect(bands.map((b) => b.key)).toEqual(["g5", "r0", "r1", "r2", "r3", "r4", "r5"]);
    // Read down the left column: A (ghost), B, C, D, E — the left text stays in its own reading order.
    expect(bands.filter((b) => b.left.length).map((b) => sideText(c, b, "left")[0])).toEqual(["A", "B", "C", "D", "E"]);
    // Read down the right column: B C D F E A.
    expect(bands.filter((b) => b.right.length).map((b) => sideText(c, b, "right")[0])).toEqual(["B", "C", "D", "F", "E", "A"]);
  });

  it("links a moved band and its ghost both ways, so each place can jump to the other", () => {
    const bands = layoutBands(revision());
    const moved = bands.find((b) => b.kind === "moved" && !b.ghost)!;
    const ghost = bands.find((b) => b.ghost)!;
    expect(ghost.kind).toBe("moved");
    expect(moved.partner).toBe(ghost.index);
    expect(ghost.partner).toBe(moved.index);
    // The moved band shows no left text (its left cell is the "moved from" mark); the ghost no right text.
    expect(moved.left).toEqual([]);
    expect(ghost.right).toEqual([]);
  });

  it("marks paragraph starts per side, never before the first sentence of a side", () => {
    const bands = layoutBands(revision());
    expect(bands.map((b) => b.leftPara)).toEqual([false, false, true, false, false, true, false]);
    expect(bands.map((b) => b.rightPara)).toEqual([false, false, false, true, false, true, false]);
  });

  it("lays out a coarse row of a few hundred thousand sentences beside a move (issue 15)", () => {
    // A stretch too large for the engine's budget comes as one row; spreading its indices into Math.min
    // would overflow the argument stack.
    const n = 300_000;
    const idx = Array.from({ length: n }, (_, k) => k + 1);
    const c = comparison([["Moved.", ...idx.map(() => "Old.")]], [[...idx.map(() => "New."), "Moved."]], [
      { ...row("edited", idx, idx.map((k) => k - 1)), coarse: true },
      row("moved", [0], [n]),
    ]);
    expect(layoutBands(c).map((b) => b.key)).toEqual(["g1", "r0", "r1"]);
  });

  it("places a ghost at the end when the sentence moved up from the last place", () => {
    const c = comparison([["X1.", "X2.", "X3."]], [["X3.", "X1.", "X2."]], [
      row("moved", [2], [0]), row("unchanged", [0], [1]), row("unchanged", [1], [2]),
    ]);
    expect(layoutBands(c).map((b) => b.key)).toEqual(["r0", "r1", "r2", "g0"]);
  });

  it("orders two ghosts at the same place by their old position", () => {
    const c = comparison([["a.", "b.", "c."]], [["c.", "b.", "a."]], [
      row("unchanged", [2], [0]), row("moved", [1], [1]), row("moved", [0], [2]),
    ]);
    // Both moved sentences stood before c (left 2), so both ghosts go before band r0, a before b.
    const keys = layoutBands(c).map((b) => b.key);
    expect(keys).toEqual(["g2", "g1", "r0", "r1", "r2"]);
  });

  it("keeps a removed sentence where it stood on the left, with nothing opposite", () => {
    const c = comparison([["a.", "gone.", "c."]], [["a.", "c."]], [
      row("unchanged", [0], [0]), row("removed", [1], [], { segments: [{ text: "gone.", tag: "delete" }] }),
      row("unchanged", [2], [1]),
    ]);
    const bands = layoutBands(c);
    expect(bands[1].kind).toBe("removed");
    expect(bands[1].right).toEqual([]);
    expect(cellSegments(c, bands[1], "right")).toEqual([]);
    expect(cellSegments(c, bands[1], "left")).toEqual([{ text: "gone.", tag: "delete" }]);
  });

  it("spans a split: one left sentence opposite two right sentences in one band", () => {
    const c = comparison([["One long claim, and another."]], [["One long claim.", "And another."]], [
      row("split", [0], [0, 1], { significance: "cosmetic" }),
    ]);
    const [b] = layoutBands(c);
    expect(b.left).toEqual([0]);
    expect(b.right).toEqual([0, 1]);
    expect(sideText(c, b, "right")).toBe("One long claim. And another.");
  });
});

describe("segments per cell", () => {
  it("shows deleted words on the left and inserted words on the right of an edited row", () => {
    const c = revision();
    const b = layoutBands(c).find((x) => x.key === "r0")!;
    expect(cellSegments(c, b, "left").map((s) => s.tag)).toEqual(["equal", "delete", "equal"]);
    expect(cellSegments(c, b, "right").map((s) => `${s.tag}:${s.text}`)).toEqual([
      "equal:B. Some ", "insert:14", "equal: homes flooded.",
    ]);
    expect(inlineSegments(c, b)).toHaveLength(4);
    // Without word marks (between accounts) the two sides stand whole, one after the other.
    expect(inlineSegments(c, b, false).map((s) => s.text).join("")).toBe(
      `${sideText(c, b, "left")} → ${sideText(c, b, "right")}`,
    );
  });

  it("falls back to the sentence text when a row has no segments", () => {
    const c = revision();
    const b = layoutBands(c).find((x) => x.key === "r1")!;
    expect(cellSegments(c, b, "left")).toEqual([{ text: "C. The mayor spoke.", tag: "equal" }]);
  });

  it("shows a ghost inline as text that left this place", () => {
    const c = revision();
    const ghost = layoutBands(c)[0];
    expect(inlineSegments(c, ghost)).toEqual([{ text: "A. The river rose.", tag: "delete" }]);
  });
});
