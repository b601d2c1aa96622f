// Issue 13 in the real window: select a sentence with the mouse, highlight it with a note, switch to a later
// version and see that the passage was edited (600 → 900 households), delete and undo, and export all highlights
// as Markdown. The save dialog is answered through window.__PARALLAX_E2E__ as in export.test.mjs.
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { launchApp, screenshot, waitFor } from "./harness.mjs";

let app;
const outDir = mkdtempSync(path.join(tmpdir(), "parallax-highlights-"));
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.stop();
  rmSync(outDir, { recursive: true, force: true });
});

/** Viewport points just inside the first and last character of paragraph `p`'s text. */
async function paragraphEnds(browser, p) {
  return browser.execute((i) => {
    const para = document.querySelector(`[data-testid=article-body] p[data-paragraph="${i}"]`);
    const walk = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.length > 0) texts.push(n);
    const [head, tail] = [texts[0], texts[texts.length - 1]];
    const r = document.createRange();
    r.setStart(head, 0);
    r.setEnd(head, 1);
    const first = r.getBoundingClientRect();
    r.setStart(tail, tail.length - 1);
    r.setEnd(tail, tail.length);
    const last = r.getBoundingClientRect();
    return {
      from: { x: Math.round(first.left + 1), y: Math.round(first.top + first.height / 2) },
      to: { x: Math.round(last.right - 1), y: Math.round(last.top + last.height / 2) },
    };
  }, p);
}

async function pickVersion(browser, number) {
  const picker = await waitFor(browser, "[data-testid=version-picker]");
  await picker.selectByIndex(number - 1);
  await browser.waitUntil(async () => (await (await browser.$("[data-testid=version-picker]")).getValue()) !== "" &&
    (await browser.execute(() => location.hash)).includes("?v="), { timeout: 10000 });
}

test("select with the mouse, note, see the state on another version, undo a delete, export Markdown", async () => {
  const { browser } = app;
  const revised = await waitFor(browser, "li.article[data-versions='5'] a.title");
  await revised.click();
  await waitFor(browser, "[data-testid=article-body] p[data-paragraph='0']");
  await pickVersion(browser, 1);
  const versionId = async () => Number(/[?&]v=(\d+)/.exec(await browser.execute(() => location.hash))[1]);
  const v1 = await versionId();
  await browser.waitUntil(async () => /600 households/.test(await (await browser.$("[data-testid=article-body]")).getText()),
    { timeout: 10000, timeoutMsg: "version 1 is shown" });

  // Paragraph 1 of version 1 is one sentence: drag across it with the mouse.
  const { from, to } = await paragraphEnds(browser, 0);
  await browser.action("pointer", { parameters: { pointerType: "mouse" } })
    .move({ x: from.x, y: from.y, origin: "viewport" })
    .down({ button: 0 })
    .move({ x: to.x, y: to.y, origin: "viewport", duration: 200 })
    .up({ button: 0 })
    .perform();
  const toolbar = await waitFor(browser, "[data-testid=highlight-toolbar]");
  assert.ok(await toolbar.isDisplayed());
  await screenshot(browser, "highlights-toolbar");
  await (await browser.$("[data-testid=hl-note]")).click();
  await (await waitFor(browser, "[data-testid=hl-note-text]")).setValue("County or mayor's figure?");
  await (await browser.$("[data-testid=hl-note-save]")).click();

  const mark = await waitFor(browser, "[data-testid=highlight-mark]");
  assert.match(await mark.getText(), /^Harl County lifted .* about 600 households .*Kestleford\./);
  const note = await waitFor(browser, "[data-testid=panel-note]");
  assert.equal(await note.getText(), "County or mayor's figure?");
  await screenshot(browser, "highlights-made");

  // Version 5 corrected the number: the highlight follows, marked edited, with the change in words.
  await pickVersion(browser, 5);
  const v5 = await versionId();
  const edited = await waitFor(browser, "[data-testid=highlight-mark][data-state=edited]", 15000);
  assert.match(await edited.getText(), /about 900 households/);
  assert.match(await (await browser.$("[data-testid=mark-state]")).getText(), /edited/);
  assert.match(await (await browser.$("[data-testid=panel-state]")).getText(), /edited/);
  assert.equal(await (await browser.$("[data-testid=panel-change]")).getText(), "600 → 900 households");
  await screenshot(browser, "highlights-edited-on-v5");

  // Delete, then undo: the same highlight comes back with its note.
  await (await browser.$("[data-testid=panel-delete]")).click();
  await waitFor(browser, "[data-testid=undo-bar]");
  await browser.waitUntil(async () => !(await (await browser.$("[data-testid=highlight-mark]")).isExisting()),
    { timeout: 5000, timeoutMsg: "the mark goes with the delete" });
  await screenshot(browser, "highlights-deleted");
  await (await browser.$("[data-testid=undo-delete]")).click();
  await waitFor(browser, "[data-testid=highlight-mark][data-state=edited]");
  assert.equal(await (await waitFor(browser, "[data-testid=panel-note]")).getText(), "County or mayor's figure?");

  // Dark theme: the mark and its label still read.
  await browser.execute(() => document.documentElement.setAttribute("data-theme", "dark"));
  await screenshot(browser, "highlights-dark");
  await browser.execute(() => document.documentElement.setAttribute("data-theme", "light"));

  // All highlights, exported as Markdown.
  await browser.execute(() => (location.hash = "#/highlights"));
  const item = await waitFor(browser, "[data-testid=highlights-item]");
  assert.match(await (await item.$("[data-testid=highlights-item-state]")).getText(), /edited/);
  const file = path.join(outDir, "highlights.md");
  await browser.execute((answer) => (window.__PARALLAX_E2E__ = { savePath: answer }), file);
  await (await browser.$("[data-testid=export-highlights-md]")).click();
  await waitFor(browser, "[data-testid=save-done]", 10000);
  await screenshot(browser, "highlights-view");
  const md = readFileSync(file, "utf8");
  assert.match(md, /^# Highlights/);
  assert.match(md, /> Harl County lifted .*about 600 households/);
  assert.match(md, /Note: County or mayor's figure\?/);
  assert.match(md, /now: edited \(600 → 900 households\)/);
  assert.match(md, /The Kestleford Courier/);

  // The compare view of version 1 and 5: the left cell marks the highlight as made, the right one its state.
  await browser.execute((l, r) => (location.hash = `#/compare/${l}/${r}?mode=revision`), v1, v5);
  const made = await waitFor(browser, "[data-testid=compare-highlight][data-side=left][data-state=made]", 15000);
  assert.match(await made.getText(), /highlight/);
  const right = await waitFor(browser, "[data-testid=compare-highlight][data-side=right][data-state=edited]");
  assert.match(await right.getText(), /edited: 600 → 900 households/);
  const band = (el) => browser.execute((e) => e.closest("[data-testid=band]").dataset.band, el);
  assert.equal(await band(made), await band(right), "both marks sit on the row the alignment links");
  await right.scrollIntoView({ block: "center" });
  await screenshot(browser, "highlights-compare");
});
