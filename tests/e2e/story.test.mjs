// Issue 12 in the real window: the sample story's three accounts as one claim table, the disputed evacuation
// figure named in words, the filters, n/p through disputed rows, a cell opening the pair compare at its row,
// Esc back, and the story's PDF export (read back with pdftotext). The save dialog is answered through
// window.__PARALLAX_E2E__ as in export.test.mjs; everything after it is real.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { launchApp, screenshot, waitFor } from "./harness.mjs";

const OUTLETS = ["The Kestleford Courier", "Northern Wire", "The Meridian Daily"];
// The sample's evacuation figure: each outlet's value, named with its outlet, in one line.
const EVACUATION =
  /Number disputed: 3,400 [^·]*\(The Kestleford Courier\) · 2,100 [^·]*\(Northern Wire\) · Thousands [^·]*\(The Meridian Daily\)/;

let app;
const outDir = mkdtempSync(path.join(tmpdir(), "parallax-story-"));
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.stop();
  rmSync(outDir, { recursive: true, force: true });
});

async function currentClaim(browser) {
  return browser.execute(() => document.querySelector("[data-testid=story-row][aria-current=true]")?.dataset.claim ?? null);
}

async function openStory(browser) {
  await browser.execute(() => (location.hash = "#/"));
  const open = await waitFor(browser, "[data-testid=story-open]", 15000);
  assert.match(await open.getText(), /Compare all 3 accounts claim by claim/);
  await open.click();
  await waitFor(browser, "[data-testid=story-row]", 15000);
}

test("the story header in the library opens the claim table of all three accounts", async () => {
  const { browser } = app;
  await openStory(browser);
  assert.match(await browser.execute(() => location.hash), /^#\/story\/\d+$/);
  const heads = await browser.$$("[data-testid=story-account]");
  assert.equal(heads.length, 3);
  for (const [i, outlet] of OUTLETS.entries()) {
    assert.ok((await heads[i].getText()).startsWith(outlet), "columns in order of publication");
  }
  const summary = await (await browser.$("[data-testid=story-summary]")).getText();
  assert.match(summary, /^3 accounts · \d+ claims · \d+ in every account · \d+ disputed \(number \d+/);
  assert.match(summary, /alone carries \d+$/);
  // The first row is the evacuation figure, disputed in words; empty cells say whose account leaves it out.
  const first = await (await browser.$("[data-testid=story-row][data-claim='0']")).getText();
  assert.match(first, EVACUATION);
  assert.match(first, /Reported first by The Kestleford Courier \(published /);
  const empty = await browser.execute(() =>
    [...document.querySelectorAll("[data-testid=story-cell]")].map((c) => c.textContent.trim()).filter((t) => t.startsWith("not in ")),
  );
  assert.ok(empty.length > 0 && empty.every((t) => OUTLETS.some((o) => t === `not in ${o}`)), `${empty}`);
  await screenshot(browser, "story");
});

test("filters keep only disputed rows, or what one outlet leaves out, or what one outlet alone carries", async () => {
  const { browser } = app;
  const all = Number(await (await browser.$("[data-testid=story-rows]")).getAttribute("data-rows"));
  const disputed = Number((await (await browser.$("[data-testid=story-summary]")).getText()).match(/(\d+) disputed/)[1]);
  await (await browser.$("[data-testid=filter-disputed]")).click();
  await browser.waitUntil(async () => Number(await (await browser.$("[data-testid=story-rows]")).getAttribute("data-rows")) === disputed);
  const undisputed = await browser.execute(() =>
    [...document.querySelectorAll("[data-testid=story-row]")].filter((r) => !r.querySelector("[data-testid=story-dispute]")).length,
  );
  assert.equal(undisputed, 0, "every row shown names a dispute");
  await screenshot(browser, "story-disputed");
  await (await browser.$("[data-testid=filter-disputed]")).click();
  await (await browser.$("[data-testid=filter-missing]")).selectByVisibleText("Northern Wire");
  await browser.waitUntil(async () => Number(await (await browser.$("[data-testid=story-rows]")).getAttribute("data-rows")) < all);
  const wireCells = await browser.execute(() =>
    [...document.querySelectorAll("[data-testid=story-cell][data-account='1']")].map((c) => c.textContent.trim()),
  );
  assert.ok(wireCells.length > 0 && wireCells.every((t) => t === "not in Northern Wire"), `${wireCells}`);
  await (await browser.$("[data-testid=filter-missing]")).selectByVisibleText("any outlet");
  await (await browser.$("[data-testid=filter-one]")).click();
  const status = await browser.execute(() => [...document.querySelectorAll("[data-testid=story-row]")].map((r) => r.dataset.status));
  assert.ok(status.length > 0 && status.every((s) => s === "one"), `${status}`);
  await (await browser.$("[data-testid=filter-one]")).click();
  await browser.waitUntil(async () => Number(await (await browser.$("[data-testid=story-rows]")).getAttribute("data-rows")) === all);
});

test("n and p step through the disputed rows", async () => {
  const { browser } = app;
  const disputedClaims = await browser.execute(() =>
    [...document.querySelectorAll("[data-testid=story-row]")].filter((r) => r.querySelector("[data-testid=story-dispute]")).map((r) => r.dataset.claim),
  );
  assert.ok(disputedClaims.length >= 2, `${disputedClaims}`);
  await browser.keys("n");
  await browser.waitUntil(async () => (await currentClaim(browser)) === disputedClaims[0]);
  await browser.keys("n");
  await browser.waitUntil(async () => (await currentClaim(browser)) === disputedClaims[1]);
  await browser.keys("p");
  await browser.waitUntil(async () => (await currentClaim(browser)) === disputedClaims[0]);
});

test("a cell opens the two-account compare at its row, and Esc comes back", async () => {
  const { browser } = app;
  // The Meridian's cell of the first row: its account against the Courier's, at the evacuation sentence.
  const cell = await browser.$("[data-testid=story-row][data-claim='0'] [data-testid=story-cell][data-account='2']");
  // Let the scroll that p asked for settle before clicking (the row list re-renders while it scrolls).
  await browser.pause(500);
  await cell.waitForClickable();
  await cell.click();
  await browser.waitUntil(
    async () => /^#\/compare\/\d+\/\d+\?mode=accounts&at=\d+$/.test(await browser.execute(() => location.hash)),
    { timeout: 15000, timeoutMsg: "the cell did not open the pair compare" },
  );
  const heads = await waitFor(browser, "[data-testid=left-head]", 15000);
  assert.match(await heads.getText(), /The Meridian Daily/);
  assert.match(await (await browser.$("[data-testid=right-head]")).getText(), /The Kestleford Courier/);
  const current = await waitFor(browser, "[data-testid=band][aria-current=true]", 15000);
  assert.match(await current.getText(), /Thousands of people/, "the compare opens at the row of the clicked cell");
  await screenshot(browser, "story-pair");
  await browser.keys("Escape");
  await waitFor(browser, "[data-testid=story-row]", 15000);
  assert.match(await browser.execute(() => location.hash), /^#\/story\/\d+$/);
});

test("the story exports as a landscape PDF naming the three outlets and the disputed figures", async () => {
  const { browser } = app;
  const file = path.join(outDir, "story.pdf");
  await browser.execute((answer) => (window.__PARALLAX_E2E__ = { savePath: answer }), file);
  await (await browser.$("[data-testid=story-export]")).click();
  const done = await waitFor(browser, "[data-testid=story-export-done]", 30000);
  assert.match(await done.getText(), /Saved story\.pdf/);
  await screenshot(browser, "story-export");
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  for (const outlet of OUTLETS) assert.ok(text.includes(outlet), `${outlet} is in the PDF`);
  assert.match(text, EVACUATION, "the disputed evacuation figure, in words");
  assert.match(text, /What each outlet leaves out/);
  assert.match(text, /sha256:[0-9a-f]{16}/, "provenance carries each account's content hash");
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  assert.match(info, /841\.89 x 595\.28/, "three accounts print landscape");
  // Esc from the story goes back to the library.
  await browser.keys("Escape");
  await waitFor(browser, "[data-testid=story-open]", 15000);
});

test("an article with several versions takes part with the version picked (latest by default)", async () => {
  const { browser } = app;
  // The sample's revised Courier article (five versions) is suggested for the story: add it.
  await browser.execute(() => (location.hash = "#/"));
  await (await waitFor(browser, "[data-testid=suggestion-add]", 15000)).click();
  const open = await waitFor(browser, "[data-testid=story-open]", 15000);
  await browser.waitUntil(async () => /Compare all 4 accounts/.test(await open.getText()), { timeout: 15000 });
  await open.click();
  const picker = await waitFor(browser, "[data-testid=story-version]", 15000);
  assert.match(await picker.getValue(), /^\d+$/);
  const heads = async () => (await browser.$$("[data-testid=story-account]")).map((h) => h.getText());
  assert.ok((await Promise.all(await heads())).some((t) => t.startsWith("The Kestleford Courier (2)")), "one outlet's second account is numbered");
  await browser.waitUntil(async () => (await picker.getText()).includes("1 of 5"), { timeout: 15000 });
  assert.match(await (await picker.$("option:checked")).getText(), /^5 of 5/, "the latest version by default");
  await picker.selectByIndex(0);
  await browser.waitUntil(async () => /^#\/story\/\d+\?v=\d+$/.test(await browser.execute(() => location.hash)), { timeout: 15000 });
  await browser.waitUntil(
    async () => /^1 of 5/.test(await (await (await browser.$("[data-testid=story-version]")).$("option:checked")).getText()),
    { timeout: 15000, timeoutMsg: "the story did not reload with version 1" },
  );
  await screenshot(browser, "story-version");
});
