//! A small hand-made story view for the story view's unit tests (three fictional outlets, text written here).
import type { ClaimAtom, CompareSide, Coverage, Dispute, StoryView } from "../gen/bindings";

export function side(id: number, outlet: string, published: number | null, fetched = 1_000_000): CompareSide {
  return {
    info: {
      id, articleId: id * 10, number: 1, title: `${outlet} headline`, byline: null, published, fetched,
      contentHash: `hash${id}`, sourceKind: "paste", sourceRef: null,
    },
    outlet,
    url: null,
    versionCount: 1,
  };
}

const num = (text: string, key: string): ClaimAtom => ({ facet: "number", text, key, slot: "person", speaker: null });
const src = (text: string): ClaimAtom => ({ facet: "attribution", text, key: text.toLowerCase(), slot: "", speaker: null });

function claim(cells: [number[], ClaimAtom[]][], status: Coverage, disputes: Dispute[] = []) {
  return { cells: cells.map(([sentences, atoms], account) => ({ account, sentences, atoms })), status, disputes };
}

/** Gazette (published 08:00), Wire (published 07:00, so first), Bulletin (no published time, fetched later).
 * Rows: 0 all three, number disputed · 1 Gazette and Wire, Bulletin leaves it out · 2 only Bulletin ·
 * 3 all three, agreeing · 4 Gazette and Bulletin, source disputed. */
export function storyView(): StoryView {
  const accounts = [side(1, "Harbour Gazette", 28_800), side(2, "Coast Wire", 25_200), side(3, "Bay Bulletin", null, 90_000)];
  const sentences = (texts: string[]) => texts.map((text) => ({ text, paragraph: 0 }));
  return {
    storyId: 7,
    title: "Pier fire",
    accounts,
    story: {
      accounts: [
        { name: "Harbour Gazette", sentences: sentences(["About 300 people left the pier.", "The fire began at noon.", "Crews came fast.", "Police said the cause is unknown."]) },
        { name: "Coast Wire", sentences: sentences(["Some 120 people left.", "It started at noon.", "Firefighters arrived quickly."]) },
        { name: "Bay Bulletin", sentences: sentences(["Hundreds of people left.", "A café was damaged.", "Crews were quick.", "The mayor said the cause is unknown."]) },
      ],
      claims: [
        claim([[[0], [num("300 people", "300")]], [[0], [num("120 people", "120")]], [[0], [num("Hundreds of people", "hundreds")]]], "all", [
          { facet: "number", slot: "person", values: [{ account: 0, text: "300 people" }, { account: 1, text: "120 people" }, { account: 2, text: "Hundreds of people" }] },
        ]),
        claim([[[1], []], [[1], []], [[], []]], "some"),
        claim([[[], []], [[], []], [[1], []]], "one"),
        claim([[[2], []], [[2], []], [[2], []]], "all"),
        claim([[[3], [src("Police said")]], [[], []], [[3], [src("The mayor said")]]], "some", [
          { facet: "attribution", slot: "", values: [{ account: 0, text: "Police said" }, { account: 2, text: "The mayor said" }] },
        ]),
      ],
      summary: {
        accounts: 3, claims: 5, in_all: 2, disputed: 2,
        disputed_by_facet: [{ facet: "number", rows: 1 }, { facet: "attribution", rows: 1 }],
        alone: [0, 0, 1], missing: [0, 1, 1],
        text: "3 accounts · 5 claims · 2 in every account · 2 disputed (number 1, attribution 1) · Bay Bulletin alone carries 1",
      },
    },
  };
}
