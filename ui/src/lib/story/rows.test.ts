import { describe, expect, it } from "vitest";
import { storyView } from "./fixtures";
import {
  buildRows, disputeText, headerText, disputedStops, filterRows, markAtoms, noFilter, omissions, pairFor, rowGist,
} from "./rows";

describe("story rows", () => {
  const view = storyView();
  const rows = buildRows(view);

  it("keeps the engine's rows and order, with one cell per account and empty cells where an account is silent", () => {
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(rows.every((r) => r.cells.length === 3)).toBe(true);
    expect(rows[1].cells[2].sentences).toEqual([]);
    expect(rows[1].cells[2].first).toBeNull();
    expect(rows[1].carriers).toEqual([0, 1]);
  });

  it("says the story in words in the header, naming facets as the compare view does", () => {
    expect(headerText(view)).toBe(
      "3 accounts · 5 claims · 2 in every account · 2 disputed (number 1, source 1) · Bay Bulletin alone carries 1",
    );
    const quiet = storyView();
    quiet.story.summary = { ...quiet.story.summary, disputed: 0, disputed_by_facet: [], alone: [0, 0, 0], claims: 1 };
    expect(headerText(quiet)).toBe("3 accounts · 1 claim · 2 in every account");
  });

  it("names every disputed value with its outlet, in words", () => {
    expect(rows[0].disputes.map((d) => d.text)).toEqual([
      "Number disputed: 300 people (Harbour Gazette) · 120 people (Coast Wire) · Hundreds of people (Bay Bulletin)",
    ]);
    // Attribution reads as "Source", as in the compare view.
    expect(rows[4].disputes[0].text).toBe("Source disputed: Police said (Harbour Gazette) · The mayor said (Bay Bulletin)");
    expect(disputeText({ facet: "hedge", slot: "", values: [{ account: 0, text: "reportedly" }, { account: 1, text: "(none)" }] },
      ["A", "B"])).toBe("Hedge disputed: reportedly (A) · stated plainly (B)");
    // One account with two values is named once.
    expect(disputeText({ facet: "number", slot: "", values: [
      { account: 0, text: "three" }, { account: 1, text: "one" }, { account: 1, text: "three" },
    ] }, ["Courier", "Wire"])).toBe("Number disputed: three (Courier) · one / three (Wire)");
  });

  it("says who reported a claim first from the published time, falling back to the fetch time", () => {
    // The Wire was published an hour before the Gazette.
    expect(rows[0].first).toEqual([1]);
    expect(rows[0].firstText).toMatch(/^Reported first by Coast Wire \(published /);
    // The Bulletin has no published time and was fetched later than the Gazette was published.
    expect(rows[4].first).toEqual([0]);
    expect(rows[2].firstText).toBe("Only in Bay Bulletin");
    expect(rows[2].first).toEqual([]);
  });

  it("takes the first reporters the engine names when the loader dated the accounts", () => {
    const dated = storyView();
    dated.story.claims[0].first = [0];
    const r = buildRows(dated)[0];
    expect(r.first).toEqual([0]);
    expect(r.firstText).toMatch(/^Reported first by /);
    expect(r.firstText).not.toMatch(/Coast Wire/);
    // An empty list from the engine: nobody was first.
    dated.story.claims[0].first = [];
    expect(buildRows(dated)[0].firstText).toBe("");
  });

  it("marks claim atoms in the sentence text and flags the disputed ones", () => {
    const pieces = rows[0].cells[1].sentences[0];
    expect(pieces).toEqual([
      { text: "Some " },
      { text: "120 people", facet: "number", disputed: true },
      { text: " left." },
    ]);
    expect(pieces.map((p) => p.text).join("")).toBe("Some 120 people left.");
    // An atom not found in the text, and overlapping atoms, leave the text whole.
    const atom = { facet: "number" as const, text: "7", key: "7", slot: "", speaker: null };
    expect(markAtoms("No number here.", [atom], () => false)).toEqual([{ text: "No number here." }]);
    const long = { ...atom, text: "17 boats" };
    expect(markAtoms("17 boats sank.", [long, { ...atom, text: "17" }], () => false).map((p) => p.text)).toEqual(["17 boats", " sank."]);
  });

  it("filters to disputed rows, to what one outlet leaves out, and to claims one outlet alone carries", () => {
    const idx = (f: Partial<typeof noFilter>) => filterRows(rows, { ...noFilter, ...f }).map((r) => r.index);
    expect(idx({})).toEqual([0, 1, 2, 3, 4]);
    expect(idx({ disputedOnly: true })).toEqual([0, 4]);
    expect(idx({ missingFrom: 2 })).toEqual([1]);
    expect(idx({ missingFrom: 1 })).toEqual([2, 4]);
    expect(idx({ onlyOne: true })).toEqual([2]);
    expect(idx({ disputedOnly: true, missingFrom: 1 })).toEqual([4]);
  });

  it("lists per outlet every claim another account carries and it leaves out, lone claims of others included", () => {
    const lists = omissions(rows, 3).map((l) => l.map((r) => r.index));
    expect(lists).toEqual([[2], [2, 4], [1]]);
    expect(rowGist(rows[1])).toBe("The fire began at noon.");
    expect(rowGist(rows[0], 10)).toBe("About 300…");
  });

  it("steps n/p through the disputed rows of what is shown", () => {
    expect(disputedStops(rows)).toEqual([0, 4]);
    expect(disputedStops(filterRows(rows, { ...noFilter, missingFrom: 1 }))).toEqual([1]);
  });

  it("opens a cell as a pair compare with an account that carries the claim, at its sentence", () => {
    // The Wire's cell of row 0: Wire (version 2) against the Gazette (version 1), at the Wire's sentence 0.
    expect(pairFor(rows[0], 1, view.accounts)).toEqual({ left: 2, right: 1, at: 0 });
    // The Bulletin's empty cell of row 1: the Gazette's account on the left, at its sentence 1.
    expect(pairFor(rows[1], 2, view.accounts)).toEqual({ left: 1, right: 3, at: 1 });
    // A claim only one account carries has nothing to compare with.
    expect(pairFor(rows[2], 2, view.accounts)).toBeNull();
  });
});
