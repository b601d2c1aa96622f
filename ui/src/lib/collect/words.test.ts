import { describe, expect, it } from "vitest";
import type { Feed, ImportResult } from "../gen/bindings";
import {
  describeUpdate, feedProblem, intervalText, nextPollText, parsePaths, progressText, proposedStoryTitle, resultLine,
} from "./words";

const imported = (outcome: "newArticle" | "newVersion" | "duplicate", notes: string[] = []): ImportResult => ({
  source: "/home/ana/Downloads/ferry.html",
  imported: { outcome, articleId: 7, versionId: 70, title: "Ferry returns", outlet: "Harbour Courier", notes },
  error: null,
});

function feed(extra: Partial<Feed> = {}): Feed {
  return {
    id: 1, url: "http://127.0.0.1/feed.xml", title: "Courier", etag: null, lastModified: null, intervalSecs: 3600,
    created: 0, lastPolled: null, nextPoll: 1000, lastError: null, errorCount: 0, itemCount: 3, ...extra,
  };
}

describe("resultLine", () => {
  it("names the file, says what happened and links the article", () => {
    expect(resultLine(imported("newArticle"))).toEqual({
      ok: true, source: "ferry.html", text: "Imported “Ferry returns” — Harbour Courier", articleId: 7,
    });
    // A duplicate is not an error: the user should see it is already there, and be able to open it.
    expect(resultLine(imported("duplicate")).text).toBe("Already in the library: “Ferry returns” — Harbour Courier");
    expect(resultLine(imported("newVersion")).text).toMatch(/^New version of/);
  });

  it("keeps decoding notes, so a Latin-1 file says how it was read", () => {
    const line = resultLine(imported("newArticle", ["decoded as windows-1252 (detected; the file is not UTF-8)"]));
    expect(line.text).toContain("(decoded as windows-1252");
  });

  it("shows the ingest crate's message unchanged for a refused file, and URLs whole", () => {
    const message = "This file is not text (it looks like a PNG image); open a .txt, .md or .html file instead.";
    const r: ImportResult = { source: "C:\\Users\\ana\\photo.txt", imported: null, error: { code: "binary", message } };
    expect(resultLine(r)).toEqual({ ok: false, source: "photo.txt", text: message });
    const u: ImportResult = { source: "http://127.0.0.1:8080/a", imported: null, error: { code: "http_status", message: "x" } };
    expect(resultLine(u).source).toBe("http://127.0.0.1:8080/a");
  });
});

describe("progressText", () => {
  it("counts from one while a file runs and sums up at the end", () => {
    expect(progressText(0, 3, "/tmp/a.txt", 0)).toBe("Importing 1 of 3: a.txt");
    expect(progressText(3, 3, null, 0)).toBe("3 files imported.");
    expect(progressText(3, 3, null, 1)).toBe("2 files imported, 1 could not be imported.");
    expect(progressText(1, 1, null, 0)).toBe("1 file imported.");
    expect(progressText(1, 1, null, 0, "page")).toBe("1 page imported.");
  });
});

describe("parsePaths", () => {
  it("reads one path per line, dropping blanks, quotes and file:// prefixes", () => {
    expect(parsePaths(' /tmp/a.txt \n\n"/tmp/with space.md"\r\nfile:///tmp/c.html\n')).toEqual([
      "/tmp/a.txt", "/tmp/with space.md", "/tmp/c.html",
    ]);
    expect(parsePaths("   \n")).toEqual([]);
  });
});

describe("describeUpdate", () => {
  it("says what changed and which versions to compare", () => {
    const d = describeUpdate({
      kind: "newVersion", old_version_id: 3, new_version_id: 9, description: "2 substantive changes: a number, a quote",
      summary: { substantive: 2, cosmetic: 0, facets: ["a number", "a quote"] },
    });
    expect(d.text).toBe("New version stored: 2 substantive changes: a number, a quote.");
    expect(d.compare).toEqual({ left: 3, right: 9 });
    const same = describeUpdate({ kind: "unchanged", version_id: 3 });
    expect(same.compare).toBeUndefined();
    expect(same.text).toMatch(/^No change/);
  });
});

describe("feeds", () => {
  it("words intervals and the next poll", () => {
    expect(intervalText(900)).toBe("every 15 minutes");
    expect(intervalText(3600)).toBe("every hour");
    expect(intervalText(6 * 3600)).toBe("every 6 hours");
    expect(intervalText(86400)).toBe("every day");
    expect(nextPollText(feed({ nextPoll: 1000 }), 1000)).toBe("next check: due now");
    expect(nextPollText(feed({ nextPoll: 1000 + 1800 }), 1000)).toBe("next check in 30 minutes");
    expect(nextPollText(feed({ nextPoll: 1000 + 7200 }), 1000)).toBe("next check in 2 hours");
    expect(nextPollText(feed({ nextPoll: 1000 + 3600 }), 1000)).toBe("next check in 1 hour");
  });

  it("shows a feed's stored error and, after repeated failures, the backoff", () => {
    expect(feedProblem(feed())).toBeNull();
    const msg = "The server answered 500 Internal Server Error for http://x/feed; check the address or try again later.";
    expect(feedProblem(feed({ lastError: msg, errorCount: 1 }))).toBe(msg);
    expect(feedProblem(feed({ lastError: msg, errorCount: 3 }))).toContain("failed 3 times in a row");
  });
});

describe("proposedStoryTitle", () => {
  it("takes the first headline and shortens long ones", () => {
    expect(proposedStoryTitle(["Council votes", "Other"])).toBe("Council votes");
    expect(proposedStoryTitle(["x".repeat(100)]).length).toBe(80);
    expect(proposedStoryTitle([])).toBe("");
  });
});
