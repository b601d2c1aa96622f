// Issue 16: the app as a user gets it, installed from the .deb (APP_BINARY=/usr/bin/parallax-app), opens on a fresh
// data folder with the sample library listed. Run by tests/package/smoke.sh, which installs and removes the package.
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { launchApp, screenshot, waitFor } from "../e2e/harness.mjs";

test("the installed binary opens on the sample library", async () => {
  assert.ok(process.env.APP_BINARY?.startsWith("/usr/bin/"), "APP_BINARY names the installed binary");
  const app = await launchApp();
  try {
    const { browser, dataDir } = app;
    await waitFor(browser, "li.article", 20000);
    const rows = await browser.$$("li.article");
    assert.ok(rows.length >= 4, `the sample's articles are listed (saw ${rows.length})`);
    assert.equal(await browser.getTitle(), "Parallax");
    assert.ok(readdirSync(dataDir).includes("library.sqlite3"), "the library was created in the fresh data folder");
    await screenshot(browser, "installed-library");
  } finally {
    await app.stop();
  }
  assert.ok(existsSync(path.join("/usr/share/applications", "Parallax.desktop")), "the menu entry is installed");
});
