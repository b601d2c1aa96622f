//! Words for collecting: one line per import result, what "check for updates" found, feed timings, and reading
//! the path field. Pure functions, so vitest covers them; the components only lay them out.
import type { Feed, ImportResult, UpdateCheck } from "../gen/bindings";
import { formatTime, plural } from "../shared/format";

/** The file kinds Parallax reads (the ingest crate refuses others with its own message). */
export const FILE_EXTENSIONS = ["txt", "md", "markdown", "html", "htm"];

export type ResultLine = {
  ok: boolean;
  /** The file or URL, shortened to its last part for files. */
  source: string;
  text: string;
  /** The article to open, when there is one. */
  articleId?: number;
  /** The input as given, when it was refused as having no article: "Import anyway" stores its visible text. */
  anyway?: string;
};

/** The last part of a path (either separator) or the whole URL. */
export function sourceName(source: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return source;
  const parts = source.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? source;
}

/** What happened to one file or URL, in a line a person reads. The ingest crate's messages are kept as written. */
export function resultLine(r: ImportResult): ResultLine {
  const source = sourceName(r.source);
  if (r.error) {
    const line: ResultLine = { ok: false, source, text: r.error.message };
    if (r.error.code === "no_article") line.anyway = r.source;
    return line;
  }
  const i = r.imported;
  if (!i) return { ok: false, source, text: "Nothing was imported." };
  const what =
    i.outcome === "newArticle" ? "Imported" : i.outcome === "newVersion" ? "New version of" : "Already in the library:";
  const notes = i.notes.length ? ` (${i.notes.join("; ")})` : "";
  return { ok: true, source, text: `${what} “${i.title}” — ${i.outlet}${notes}`, articleId: i.articleId };
}

/** "Importing 2 of 5: report.html" while a batch runs; a count of failures at the end. `noun` is file or page. */
export function progressText(done: number, total: number, current: string | null, failed: number, noun = "file"): string {
  if (current !== null) return `Importing ${done + 1} of ${total}: ${sourceName(current)}`;
  if (total === 0) return "";
  const ok = total - failed;
  return failed ? `${plural(ok, noun)} imported, ${failed} could not be imported.` : `${plural(ok, noun)} imported.`;
}

/** Paths typed or pasted into the path field: one per line; surrounding quotes (as file managers copy them) go. */
export function parsePaths(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^file:\/\//, "").replace(/^(["'])(.*)\1$/, "$2").trim())
    .filter((l) => l.length > 0);
}

/** What "check for updates" found, and the comparison to open when a new version was stored. */
export function describeUpdate(u: UpdateCheck): { text: string; compare?: { left: number; right: number } } {
  if (u.kind === "unchanged") return { text: "No change: the page's article text is the same as the latest version." };
  return {
    text: `New version stored: ${u.description}.`,
    compare: { left: u.old_version_id, right: u.new_version_id },
  };
}

/** "every 30 minutes", "every hour", "every 6 hours", "every day". */
export function intervalText(secs: number): string {
  if (secs % 86400 === 0) return secs === 86400 ? "every day" : `every ${secs / 86400} days`;
  if (secs % 3600 === 0) return secs === 3600 ? "every hour" : `every ${secs / 3600} hours`;
  const mins = Math.max(1, Math.round(secs / 60));
  return mins === 1 ? "every minute" : `every ${mins} minutes`;
}

/** When a feed polls next, in words relative to `now` (unix seconds). */
export function nextPollText(feed: Feed, now: number): string {
  const wait = feed.nextPoll - now;
  if (wait <= 0) return "next check: due now";
  if (wait < 90) return "next check in under 2 minutes";
  if (wait < 3570) return `next check in ${Math.round(wait / 60)} minutes`;
  if (wait < 86400 * 1.5) return `next check in ${plural(Math.round(wait / 3600), "hour")}`;
  return `next check ${formatTime(feed.nextPoll)}`;
}

/** A feed's health: nothing when fine; its stored error and how many polls failed in a row otherwise. */
export function feedProblem(feed: Feed): string | null {
  if (!feed.lastError) return null;
  const times = feed.errorCount > 1 ? ` (failed ${feed.errorCount} times in a row; checking less often until it recovers)` : "";
  return feed.lastError + times;
}

/** A story title proposed from the articles it will hold: the first headline, trimmed. */
export function proposedStoryTitle(titles: string[]): string {
  const t = (titles[0] ?? "").trim();
  return t.length > 80 ? t.slice(0, 79).trimEnd() + "…" : t;
}
