//! The story view's row model: the engine's claim rows turned into display rows (cells with their claim marks,
//! disputes in words, who reported the claim first), the filters, each outlet's omissions and the pair compare a
//! cell opens. Pure; the components render and the state class (story.svelte.ts) holds the choices.
import type { ClaimAtom, CompareSide, Coverage, Dispute, Facet, StoryView } from "../gen/bindings";
import { FACET_NOUN } from "../compare/claims";
import { formatTime } from "../shared/format";

/** A stretch of a cell's text: plain, or a claim atom (disputed when the row disputes that value). */
export interface Piece {
  text: string;
  facet?: Facet;
  disputed?: boolean;
}

export interface StoryCellView {
  account: number;
  /** The account's sentences in this row, each as marked pieces; empty when it leaves the claim out. */
  sentences: Piece[][];
  /** Index of the account's first sentence in the row (for the pair compare), or null when empty. */
  first: number | null;
}

/** A dispute in words: "Number disputed: 3,400 (Courier) · 2,100 (Wire)". */
export interface DisputeLine {
  facet: Facet;
  text: string;
}

export interface StoryRow {
  /** Index into the engine's claims; stable across filters, so it keys rendered rows. */
  index: number;
  status: Coverage;
  cells: StoryCellView[];
  /** Accounts that carry the claim, in account order. */
  carriers: number[];
  disputes: DisputeLine[];
  /** Accounts with the earliest time among the carriers (several on a tie; empty when only one carries). */
  first: number[];
  /** "Reported first by Northern Wire (published 14 Mar, 07:20)", "Only in The Meridian Daily", or "". */
  firstText: string;
  /** Plain text length of the longest cell, for height estimates. */
  longest: number;
}

/** The accounts' names: their outlets, a second account of one outlet numbered ("Courier (2)") by the loader. */
export function accountNames(view: StoryView): string[] {
  return view.accounts.map((a, k) => view.story.accounts[k]?.name || a.outlet);
}

/** When an account's text was first out: its published time, else when it was fetched. */
export function accountTime(a: CompareSide): { at: number; published: boolean } {
  return a.info.published != null ? { at: a.info.published, published: true } : { at: a.info.fetched, published: false };
}

const UNHEDGED = "(none)";

/** One dispute as words, values named by their accounts' outlets; an account giving several values (the engine
 * may pair one account's two numbers against another's one) is named once: "one / three (Wire)". */
export function disputeText(d: Dispute, names: string[]): string {
  const noun = d.facet === "hedge" ? "Hedge" : FACET_NOUN[d.facet];
  const byAccount = new Map<number, string[]>();
  for (const v of d.values) {
    const text = v.text === UNHEDGED ? "stated plainly" : v.text;
    const list = byAccount.get(v.account) ?? [];
    if (!list.includes(text)) list.push(text);
    byAccount.set(v.account, list);
  }
  const values = [...byAccount].map(([k, texts]) => `${texts.join(" / ")} (${names[k] ?? "?"})`).join(" · ");
  return `${noun} disputed: ${values}`;
}

/** A sentence cut into plain text and claim atoms; an atom is found by its text as it reads in the sentence. */
export function markAtoms<A extends Pick<ClaimAtom, "text" | "facet">>(
  text: string,
  atoms: A[],
  disputed: (a: A) => boolean,
): Piece[] {
  const spans: { start: number; end: number; atom: A }[] = [];
  for (const atom of atoms) {
    if (!atom.text) continue;
    const start = text.indexOf(atom.text);
    if (start < 0) continue;
    const end = start + atom.text.length;
    if (spans.some((s) => start < s.end && s.start < end)) continue;
    spans.push({ start, end, atom });
  }
  spans.sort((a, b) => a.start - b.start);
  const out: Piece[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    out.push({ text: text.slice(s.start, s.end), facet: s.atom.facet, disputed: disputed(s.atom) });
    at = s.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at) });
  return out;
}

/** Display rows of a story view, in the engine's order (reading order of the earliest account). */
export function buildRows(view: StoryView): StoryRow[] {
  const { story, accounts } = view;
  const names = accountNames(view);
  const times = accounts.map(accountTime);
  return story.claims.map((claim, index) => {
    const disputedValue = (account: number, a: ClaimAtom) =>
      claim.disputes.some(
        (d) => d.facet === a.facet && d.values.some((v) => v.account === account && v.text.includes(a.text)),
      );
    const cells: StoryCellView[] = claim.cells.map((cell) => {
      const sents = story.accounts[cell.account]?.sentences ?? [];
      return {
        account: cell.account,
        first: cell.sentences.length > 0 ? cell.sentences[0] : null,
        sentences: cell.sentences.map((i) =>
          markAtoms(sents[i]?.text ?? "", cell.atoms, (a) => disputedValue(cell.account, a)),
        ),
      };
    });
    const carriers = claim.cells.filter((c) => c.sentences.length > 0).map((c) => c.account);
    let first: number[] = [];
    let firstText = "";
    if (carriers.length === 1) {
      firstText = `Only in ${names[carriers[0]]}`;
    } else if (carriers.length > 1) {
      // The engine names the first reporters when the loader dated the accounts; else the same rule here.
      const earliest = Math.min(...carriers.map((k) => times[k].at));
      first = claim.first ?? carriers.filter((k) => times[k].at === earliest);
      if (first.length > 0 && first.length < carriers.length) {
        const t = times[first[0]];
        firstText = `Reported first by ${first.map((k) => names[k]).join(" and ")} (${t.published ? "published" : "fetched"} ${formatTime(t.at)})`;
      } else {
        first = [];
      }
    }
    const longest = Math.max(
      0,
      ...claim.cells.map((c) => c.sentences.reduce((n, i) => n + (story.accounts[c.account]?.sentences[i]?.text.length ?? 0), 0)),
    );
    return {
      index,
      status: claim.status,
      cells,
      carriers,
      disputes: claim.disputes.map((d) => ({ facet: d.facet, text: disputeText(d, names) })),
      first,
      firstText,
      longest,
    };
  });
}

export interface StoryFilter {
  disputedOnly: boolean;
  /** Show only the claims this account leaves out while others carry them (null: off). */
  missingFrom: number | null;
  /** Show only claims a single account carries. */
  onlyOne: boolean;
}

export const noFilter: StoryFilter = { disputedOnly: false, missingFrom: null, onlyOne: false };

/** Whether account `k` leaves out a claim that other accounts carry. */
export function leavesOut(row: StoryRow, k: number): boolean {
  return row.carriers.length > 0 && !row.carriers.includes(k);
}

/** The rows a filter keeps; the filters combine (all must hold). */
export function filterRows(rows: StoryRow[], f: StoryFilter): StoryRow[] {
  return rows.filter(
    (r) =>
      (!f.disputedOnly || r.disputes.length > 0) &&
      (f.missingFrom === null || leavesOut(r, f.missingFrom)) &&
      (!f.onlyOne || r.status === "one"),
  );
}

/** Per account, the claims it leaves out (carried by others), in row order. */
export function omissions(rows: StoryRow[], accounts: number): StoryRow[][] {
  return Array.from({ length: accounts }, (_, k) => rows.filter((r) => leavesOut(r, k)));
}

/** Positions (in `shown`) of the disputed rows, the stops of `n`/`p`. */
export function disputedStops(shown: StoryRow[]): number[] {
  return shown.flatMap((r, i) => (r.disputes.length > 0 ? [i] : []));
}

/** The two-account compare a cell opens: the clicked account against another that carries the claim (the one
 * carrying it being on the left), scrolled to the left account's sentence. Null when no second account has it. */
export function pairFor(
  row: StoryRow,
  account: number,
  accounts: CompareSide[],
): { left: number; right: number; at: number } | null {
  const carries = row.carriers.includes(account);
  const other = row.carriers.find((k) => k !== account);
  if (other === undefined) return null;
  const [l, r] = carries ? [account, other] : [other, account];
  const at = row.cells.find((c) => c.account === l)?.first;
  if (at == null) return null;
  return { left: accounts[l].info.id, right: accounts[r].info.id, at };
}

/** The short text of a row for an omission list: its first carrier's first sentence, cut to `max` characters. */
export function rowGist(row: StoryRow, max = 110): string {
  const cell = row.cells.find((c) => c.sentences.length > 0);
  const text = cell ? cell.sentences[0].map((p) => p.text).join("") : "";
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The story's header in words, facets named as the app names them: "3 accounts · 24 claims · 9 in every
 * account · 6 disputed (number 3, source 2) · Northern Wire alone carries 4". */
export function headerText(view: StoryView): string {
  const s = view.story.summary;
  const count = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
  const parts = [count(s.accounts, "account"), count(s.claims, "claim"), `${s.in_all} in every account`];
  if (s.disputed > 0) {
    const facets = s.disputed_by_facet.map((f) => `${FACET_NOUN[f.facet].toLowerCase()} ${f.rows}`).join(", ");
    parts.push(`${s.disputed} disputed (${facets})`);
  }
  let most = -1;
  s.alone.forEach((n, k) => {
    if (n > 0 && (most < 0 || n > s.alone[most])) most = k;
  });
  if (most >= 0) parts.push(`${accountNames(view)[most]} alone carries ${s.alone[most]}`);
  return parts.join(" · ");
}
