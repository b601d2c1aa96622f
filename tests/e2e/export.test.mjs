// Issue 5 from the app: the compare view's Export button writes a highlighted PDF where the save dialog said,
// and a folder that does not exist gives a clear message and no file. GTK's native save dialog cannot be driven
// through WebDriver, so the test answers it through window.__PARALLAX_E2E__ (ui/src/lib/export/system.ts);
// everything after the dialog is real.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { launchApp, screenshot, waitFor } from "./harness.mjs";

let app;
const outDir = mkdtempSync(path.join(tmpdir(), "parallax-export-"));
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.stop();
  rmSync(outDir, { recursive: true, force: true });
});

async function answerSaveDialogWith(browser, file) {
  await browser.execute((answer) => (window.__PARALLAX_E2E__ = { savePath: answer }), file);
}

async function openRevisionComparison(browser) {
  await browser.execute(() => (location.hash = "#/"));
  const revised = await waitFor(browser, "li.article[data-versions='5'] a.title");
  await revised.click();
  const previous = await waitFor(browser, "[data-testid=compare-previous]");
  await previous.click();
  await waitFor(browser, "[data-testid=export]", 15000);
}

test("Export writes a side-by-side PDF with both texts and the provenance", async () => {
  const { browser } = app;
  await openRevisionComparison(browser);
  const file = path.join(outDir, "revision.pdf");
  await answerSaveDialogWith(browser, file);
  await (await browser.$("[data-testid=export]")).click();
  const done = await waitFor(browser, "[data-testid=export-done]", 15000);
  assert.match(await done.getText(), /Saved revision\.pdf/);
  assert.ok(await (await browser.$("[data-testid=export-open]")).isExisting(), "offers Open");
  assert.ok(await (await browser.$("[data-testid=export-reveal]")).isExisting(), "offers Show in folder");
  await screenshot(browser, "export-done");
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  assert.match(text, /The Kestleford Courier/, "provenance names the outlet");
  assert.match(text, /sha256:[0-9a-f]{16}/, "provenance carries the content hash");
  assert.match(text, /900 households/, "the new text is in the PDF");
  assert.match(text, /\b1\s*\/\s*\d+\b/, "pages are numbered n / N");
});

test("Export to a folder that does not exist says so and writes nothing", async () => {
  const { browser } = app;
  const missing = path.join(outDir, "no-such-folder", "x.pdf");
  await answerSaveDialogWith(browser, missing);
  await (await browser.$("[data-testid=export]")).click();
  const error = await waitFor(browser, "[data-testid=export-error]", 15000);
  assert.match(await error.getText(), /folder/i);
  assert.equal(existsSync(path.dirname(missing)), false);
  assert.deepEqual(readdirSync(outDir).sort(), ["revision.pdf"], "no partial or temporary file was left");
  await screenshot(browser, "export-error");
});

test("issue 10: an accounts export marks the claims and leaves the word redline out unless the panel asks for it", async () => {
  const { browser } = app;
  await browser.execute(() => (location.hash = "#/"));
  await waitFor(browser, "section[data-story-id] li.article");
  for (const outlet of ["Kestleford Courier", "Northern Wire"]) {
    const rows = await browser.$$("section[data-story-id] li.article");
    for (const r of rows) if ((await r.getText()).includes(outlet)) await (await r.$("input[type=checkbox]")).click();
  }
  await (await browser.$("[data-testid=compare-selected]")).click();
  const format = await waitFor(browser, "[data-testid=export-format]", 15000);
  await format.selectByAttribute("value", "md");
  const toggle = await waitFor(browser, "[data-testid=export-word-redline]");
  assert.equal(await toggle.isSelected(), false, "follows the view, which shows no word redline between accounts");
  const plain = path.join(outDir, "accounts.md");
  await answerSaveDialogWith(browser, plain);
  await (await browser.$("[data-testid=export]")).click();
  await waitFor(browser, "[data-testid=export-done]", 15000);
  const md = readFileSync(plain, "utf8");
  const rows = md.slice(md.lastIndexOf("## Comparison"));
  assert.match(rows, /⟦3,400 Kestleford residents⟧/);
  assert.match(rows, /⟦2,100 people⟧/);
  assert.match(rows, /Number differs: 3,400 Kestleford residents → 2,100 people/);
  const lead = rows.split("\n").find((l) => l.includes("⟦3,400 Kestleford residents⟧"));
  assert.doesNotMatch(lead, /~~|\*\*/, "no word marks in a linked row by default");
  await toggle.click();
  const full = path.join(outDir, "accounts-words.md");
  await answerSaveDialogWith(browser, full);
  await (await browser.$("[data-testid=export]")).click();
  await browser.waitUntil(() => existsSync(full), { timeout: 15000 });
  const leadFull = readFileSync(full, "utf8").split("\n").find((l) => l.includes("⟦~~3,400 Kestleford residents~~⟧"));
  assert.ok(leadFull, "the full word redline, atoms still marked, when asked");
});
