//! The Tauri-only edges of collecting: the system file dialog, files dropped on the window (Tauri's webview
//! drag-drop event gives their paths), and the background poller's `feed-event`. Outside Tauri they do nothing.
import { open } from "@tauri-apps/plugin-dialog";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import type { FeedEvent } from "../gen/bindings";
import { inTauri } from "../backend/tauri";
import { FILE_EXTENSIONS } from "./words";

/** The name poller.rs emits each FeedEvent under. */
const FEED_EVENT = "feed-event";

/** Asks for one or more article files; an empty list when cancelled. */
export async function pickFiles(): Promise<string[]> {
  if (!inTauri()) return [];
  const picked = await open({
    multiple: true,
    directory: false,
    title: "Import articles",
    filters: [{ name: "Articles (.txt, .md, .html)", extensions: FILE_EXTENSIONS }],
  });
  return picked ?? [];
}

/** Calls `hover(true/false)` while files are dragged over the window and `drop(paths)` when they land. */
export async function onFileDrop(hover: (on: boolean) => void, drop: (paths: string[]) => void): Promise<() => void> {
  if (!inTauri()) return () => {};
  return getCurrentWebview().onDragDropEvent((e) => {
    const p = e.payload;
    if (p.type === "enter" || p.type === "over") hover(true);
    else if (p.type === "leave") hover(false);
    else if (p.type === "drop") {
      hover(false);
      if (p.paths.length) drop(p.paths);
    }
  });
}

/** Delivers the background poller's events. */
export async function onFeedEvent(handler: (e: FeedEvent) => void): Promise<() => void> {
  if (!inTauri()) return () => {};
  return listen<FeedEvent>(FEED_EVENT, (e) => handler(e.payload));
}
