//! The first screen, asked for in one round trip before the library view mounts: the window's status and the
//! library view's first data come back together (see `first_screen` in the app). The library view takes it once;
//! every later load asks the single-purpose commands.
import type { FirstScreen, LibraryQuery, LibraryStatus } from "../gen/bindings";
import { backend } from "../backend";

let pending: { query: LibraryQuery; screen: FirstScreen } | null = null;

/** Asks for the first screen of a list under `query` (with its stories' first rows) and keeps it for the view. */
export async function loadFirstScreen(query: LibraryQuery, storiesShown: number, storyRows: number): Promise<LibraryStatus> {
  const screen = await backend().firstScreen(query, storiesShown, storyRows);
  pending = screen.status.error ? null : { query, screen };
  return screen.status;
}

/** The kept first screen if it answers `query`, once; null when there is none or it was for another list. */
export function takeFirstScreen(query: LibraryQuery): FirstScreen | null {
  const kept = pending;
  pending = null;
  if (!kept || JSON.stringify(kept.query) !== JSON.stringify(query)) return null;
  return kept.screen;
}
