import { describe, expect, it } from "vitest";
import type { ResolvedHighlight } from "../gen/bindings";
import { findPassage, paragraphPieces } from "./marks";

function resolved(id: number, paragraph: number | null, text: string | null): ResolvedHighlight {
  return {
    highlight: { id, versionId: 1, quote: text ?? "gone", prefix: "", suffix: "", sentenceIndex: 0, colour: "yellow", note: null, created: 0 },
    onVersionId: 1,
    paragraph,
    madeOnNumber: 1,
    resolution: { state: text ? "intact" : "removed", text, sentences: [], segments: [], change: null },
  };
}

describe("findPassage", () => {
  it("matches runs of whitespace loosely and escapes regex characters", () => {
    const text = "Brevik said the  order (for now) would stay.";
    expect(findPassage(text, "the order")).toEqual([12, 22]);
    expect(findPassage(text, "(for now)")).toEqual([23, 32]);
    expect(findPassage(text, "the ban")).toBeNull();
    expect(findPassage(text, "  ")).toBeNull();
  });
});

describe("paragraphPieces", () => {
  it("splits a paragraph into plain and highlighted pieces in text order", () => {
    const text = "The ferry sails at noon. The pier reopens on Monday.";
    const pieces = paragraphPieces(text, 0, [resolved(2, 0, "reopens on Monday"), resolved(1, 0, "The ferry")]);
    expect(pieces.map((p) => [p.text, p.highlight?.highlight.id ?? null])).toEqual([
      ["The ferry", 1],
      [" sails at noon. The pier ", null],
      ["reopens on Monday", 2],
      [".", null],
    ]);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
  });

  it("leaves out highlights of other paragraphs, removed ones and overlaps", () => {
    const text = "The ferry sails at noon.";
    const pieces = paragraphPieces(text, 0, [
      resolved(1, 0, "ferry sails"),
      resolved(2, 0, "sails at noon"),
      resolved(3, 1, "The ferry"),
      resolved(4, null, null),
    ]);
    expect(pieces.filter((p) => p.highlight).map((p) => p.highlight!.highlight.id)).toEqual([1]);
    expect(paragraphPieces("Plain.", 0, [])).toEqual([{ text: "Plain.", highlight: null }]);
  });
});
