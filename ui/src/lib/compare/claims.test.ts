import { describe, expect, it } from "vitest";
import { claimCounts, claimNotes, markRuns, relatedNote, showsWordMarks, sideAtoms } from "./claims";
import type { Row } from "../gen/bindings";
import { comparison, row } from "./fixtures";

const sides = { left: "Courier", right: "Wire" };

describe("claim notes", () => {
  it("names differences in words, differing claims first", () => {
    const r = row("edited", [0], [0], {
      claims: [
        { facet: "hedge", status: "left_only", left: "may have" },
        { facet: "number", status: "differs", left: "3,400", right: "2,100" },
        { facet: "attribution", status: "differs", left: "Mayor Ruth Adeyemi", right: "Harl County officials" },
        { facet: "date", status: "same", left: "Saturday", right: "Saturday" },
      ],
    });
    const notes = claimNotes(r, "accounts", sides).map((n) => n.text);
    expect(notes).toEqual([
      "Number differs: 3,400 → 2,100",
      "Source differs: Mayor Ruth Adeyemi → Harl County officials",
      "Hedged: may have → stated",
    ]);
  });

  it("leaves names one account alone mentions out of accounts rows, not out of revisions", () => {
    const r = row("edited", [0], [0], { claims: [{ facet: "name", status: "right_only", right: "Upper Crane" }] });
    expect(claimNotes(r, "accounts", sides)).toEqual([]);
    expect(claimNotes(r, "revision", sides).map((n) => n.text)).toEqual(["Name only in Wire: Upper Crane"]);
  });

  it("counts claim differences by facet as the notes name them, in accounts and revisions", () => {
    const claims: Row["claims"] = [
      { facet: "name", status: "right_only", right: "Upper Crane" },
      { facet: "number", status: "differs", left: "3,400", right: "2,100" },
      { facet: "date", status: "same", left: "Saturday", right: "Saturday" },
      { facet: "number", status: "left_only", left: "three" },
    ];
    const c = comparison([["A one.", "A two."]], [["B one.", "B two."]], [
      row("edited", [0], [0], { claims }),
      row("removed", [1], [], { claims: [{ facet: "quote", status: "left_only", left: "x" }] }),
    ]);
    expect(claimCounts({ ...c, mode: "accounts" })).toEqual([{ facet: "number", count: 2 }]);
    expect(claimCounts({ ...c, mode: "revision" })).toEqual([{ facet: "number", count: 2 }, { facet: "name", count: 1 }]);
  });

  it("points a one-sided row at its possibly related sentence", () => {
    const c = comparison([["A. The order covers three districts."]], [["B. The zone covers three low-lying districts."]], []);
    const removed = row("removed", [0], [], { related: 0 });
    expect(relatedNote(c, removed)).toBe("Possibly related to: “B. The zone covers three low-lying districts.”");
    expect(relatedNote(c, row("removed", [0], []))).toBeNull();
  });
});

describe("word marks", () => {
  it("are shown in revisions and, between accounts, only with the word redline on", () => {
    expect(showsWordMarks("revision", false)).toBe(true);
    expect(showsWordMarks("accounts", false)).toBe(false);
    expect(showsWordMarks("accounts", true)).toBe(true);
  });
});

describe("claim atoms in the sentence", () => {
  const r = row("edited", [0], [0], {
    claims: [
      { facet: "number", status: "differs", left: "3,400 residents", right: "2,100 people" },
      { facet: "attribution", status: "right_only", right: "Harl County officials" },
      { facet: "name", status: "left_only", left: "Sallow River" },
      { facet: "date", status: "same", left: "Saturday", right: "Saturday" },
    ],
  });

  it("are the atoms of the noted claims on each side, differing ones first", () => {
    expect(sideAtoms(r, "accounts", "left")).toEqual([{ text: "3,400 residents", facet: "number", differs: true }]);
    expect(sideAtoms(r, "accounts", "right")).toEqual([
      { text: "2,100 people", facet: "number", differs: true },
      { text: "Harl County officials", facet: "attribution", differs: false },
    ]);
    // A name only one side gives is noted, and so marked, in revisions only.
    expect(sideAtoms(r, "revision", "left").map((a) => a.text)).toEqual(["3,400 residents", "Sallow River"]);
  });

  it("cut the word-diff segments where an atom starts and ends, keeping each run's tag", () => {
    const segs = [
      { text: "About ", tag: "equal" as const },
      { text: "3,400 residents left", tag: "delete" as const },
      { text: " on Saturday.", tag: "equal" as const },
    ];
    const runs = markRuns(segs, [{ text: "3,400 residents", facet: "number", differs: true }]);
    expect(runs).toEqual([
      { text: "About ", tag: "equal" },
      { text: "3,400 residents", tag: "delete", facet: "number", differs: true },
      { text: " left", tag: "delete" },
      { text: " on Saturday.", tag: "equal" },
    ]);
    // An atom across two segments is marked in both parts; the text reads the same.
    const across = markRuns(segs, [{ text: "About 3,400", facet: "number", differs: false }]);
    expect(across.filter((x) => x.facet).map((x) => [x.text, x.tag])).toEqual([
      ["About ", "equal"],
      ["3,400", "delete"],
    ]);
    expect(across.map((x) => x.text).join("")).toBe(segs.map((x) => x.text).join(""));
    // An atom the text does not hold marks nothing.
    expect(markRuns(segs, [{ text: "9,999", facet: "number", differs: true }])).toEqual(segs);
  });
});
