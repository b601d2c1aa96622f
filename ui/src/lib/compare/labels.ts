//! Words and glyphs the compare view shows for kinds and facets, so a change never reads by colour alone.
import type { Facet, RowKind } from "../gen/bindings";

export const KIND_LABEL: Record<RowKind, string> = {
  unchanged: "unchanged",
  edited: "edited",
  moved: "moved",
  added: "added",
  removed: "removed",
  split: "split",
  merged: "merged",
};

/** One glyph per kind, shown in the gutter between the columns and in the summary bar. */
export const KIND_GLYPH: Record<RowKind, string> = {
  unchanged: "",
  edited: "~",
  moved: "↕",
  added: "+",
  removed: "−",
  split: "⇉",
  merged: "⇇",
};

export const FACET_HINT: Record<Facet, string> = {
  number: "a figure changed",
  date: "a date or time changed",
  name: "a person, place or body named differently",
  quote: "quoted words changed",
  attribution: "who said it changed",
  negation: "a statement was negated or un-negated",
  hedge: "a hedge (reportedly, allegedly, may) added or removed",
};
