import { describe, expect, it } from "vitest";
import { claimNotes, relatedNote, showsWordMarks } from "./claims";
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
