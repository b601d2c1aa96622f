import { describe, expect, it } from "vitest";
import { pieces } from "./hidden";

describe("hidden characters", () => {
  it("become labelled marks, so a reordered number cannot hide", () => {
    expect(pieces("approved \u202e40\u202c homes")).toEqual([
      { text: "approved " },
      { mark: "RLO", name: "right-to-left override" },
      { text: "40" },
      { mark: "PDF", name: "pop directional formatting" },
      { text: " homes" },
    ]);
    expect(pieces("a\u001b[2J")).toEqual([
      { text: "a" },
      { mark: "U+001B", name: "control character U+001B" },
      { text: "[2J" },
    ]);
  });

  it("leave ordinary text, joiners and emoji as they are", () => {
    const plain = "Café 👩\u200d👧 Bürger\u00admeister\tx";
    expect(pieces(plain)).toEqual([{ text: plain }]);
    expect(pieces("")).toEqual([]);
  });
});
