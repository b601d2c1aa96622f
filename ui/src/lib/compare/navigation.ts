//! Keyboard and change navigation of the compare view: which band `n`/`p` go to, and which keys mean what.
//! Pure; the view applies the result (scrolling, focus).
import { highlighted, type Filter } from "./filter";
import type { Band } from "./layout";

/** The bands `n`/`p` step through, in display order: highlighted changes, each moved sentence once (not its ghost). */
export function changeStops(bands: Band[], f: Filter): number[] {
  return bands.filter((b) => !b.ghost && highlighted(b, f)).map((b) => b.index);
}

/** The next stop after `from` (a band index; -1 before the first), or null at the end. */
export function nextStop(stops: number[], from: number): number | null {
  for (const s of stops) if (s > from) return s;
  return null;
}

/** The previous stop before `from`, or null at the start. */
export function prevStop(stops: number[], from: number): number | null {
  for (let i = stops.length - 1; i >= 0; i--) if (stops[i] < from) return stops[i];
  return null;
}

export type KeyAction = "next" | "prev" | "filter" | "back" | "inline";

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The element the key went to: typing into a field is not a command. */
  target?: unknown;
}

const FIELDS = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/** Maps a key press to a command of the view, or null when the key is not ours (or the reader is typing). */
export function keyAction(e: KeyLike): KeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const t = e.target as { tagName?: string; isContentEditable?: boolean } | null | undefined;
  if (t && (FIELDS.has((t.tagName ?? "").toUpperCase()) || t.isContentEditable)) {
    return null;
  }
  switch (e.key) {
    case "n":
    case "j":
      return "next";
    case "p":
    case "k":
      return "prev";
    case "f":
      return "filter";
    case "i":
      return "inline";
    case "Escape":
      return "back";
    default:
      return null;
  }
}
