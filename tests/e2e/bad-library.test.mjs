// Issue 2, bad input: a library file that is not SQLite opens the app with a clear message and is left untouched.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { launchApp, screenshot, waitFor } from "./harness.mjs";

test("a library file that is not SQLite is reported and never overwritten", async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "parallax-e2e-bad-"));
  const file = path.join(dataDir, "library.sqlite3");
  const original = "These are my notes, not a database.\n".repeat(20);
  writeFileSync(file, original);
  const app = await launchApp({ dataDir });
  try {
    const banner = await waitFor(app.browser, "[data-testid=library-error]");
    const text = await banner.getText();
    assert.match(text, /could not be opened/);
    assert.match(text, /not a Parallax library/);
    await screenshot(app.browser, "library-not-sqlite");
  } finally {
    await app.stop();
  }
  assert.equal(readFileSync(file, "utf8"), original, "the user's file is byte for byte unchanged");
  assert.deepEqual(readdirSync(dataDir), ["library.sqlite3"], "no -wal/-shm or other files were created");
  rmSync(dataDir, { recursive: true, force: true });
});
