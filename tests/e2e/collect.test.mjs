// Issue 6 through the real window: import a .txt file (typed path, the keyboard alternative to the file dialog) and
// a URL served by a local HTTP server (127.0.0.1 only), see both in the library; a refused file shows the ingest
// crate's message; "check for updates" stores a revised page as a new version and says what changed; a feed is
// subscribed and a broken feed address is refused with a message. All article text here is written for this test.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { launchApp, screenshot, waitFor } from "./harness.mjs";

const files = mkdtempSync(path.join(tmpdir(), "parallax-e2e-files-"));
const TXT = path.join(files, "lantern-festival.txt");
writeFileSync(TXT, [
  "Lantern festival moves to the river quay",
  "",
  "The lantern festival in Marrowick will be held on the river quay this year, the town's events office said.",
  "",
  "Organisers expect about 3,000 visitors over two evenings, roughly the same number as last year.",
  "",
  "The old market square is closed for paving work until the spring.",
].join("\n"));
const MD = path.join(files, "orchard-fair.md");
writeFileSync(MD, "# Orchard fair returns to Calloway\n\nThe orchard fair in Calloway returns in October after a year's break, the village council said.\n\nStalls will sell apples from eleven local growers.\n");
const HTML = path.join(files, "ferry-timetable.html");
writeFileSync(HTML, `<!doctype html><html><head><meta charset="utf-8"><title>Winter ferry timetable published</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Winter ferry timetable published</h1>
<p>The island ferry will run five crossings a day from November, two fewer than in summer, the operator said on Friday.</p>
<p>The first boat leaves the mainland at seven in the morning and the last returns at half past eight in the evening.</p>
<p>Season tickets bought before the change stay valid until they expire, according to the operator's statement.</p>
</article><footer>Share this article</footer></body></html>`);
const PNG_AS_TXT = path.join(files, "photo.txt");
writeFileSync(PNG_AS_TXT, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));

// The article page changes between requests when `revision` is bumped: version 2 corrects a number.
let revision = 1;
function articlePage() {
  const count = revision === 1 ? "eleven" : "fourteen";
  return `<!doctype html><html><head><meta charset="utf-8">
<title>Tram line reopens after bridge repairs | The Lantern Gazette</title>
<meta property="og:site_name" content="The Lantern Gazette"></head><body>
<nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Tram line reopens after bridge repairs</h1>
<p class="byline">By Ilse Varga</p>
<p>The number 4 tram line across the Oster bridge reopened on Monday after ${count} weeks of repairs to the bridge deck.</p>
<p>City transport officials said the work finished on schedule and within the budget the council had approved in the autumn.</p>
<p>"Passengers have been patient, and we thank them for it," said Marta Kell, who leads the city's tram service.</p>
<p>Replacement buses that ran during the closure will stop on Tuesday morning, the transport office said in a statement.</p>
<div class="share-bar">Share this article</div>
</article>
<aside class="related"><h2>Related</h2><a href="/x">Bus fares to rise</a></aside>
<footer>© The Lantern Gazette</footer>
</body></html>`;
}
const FEED = () => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Lantern Gazette: city</title><link>${base}/</link><description>City news</description>
<item><title>Tram line reopens after bridge repairs</title><link>${base}/tram</link><guid>tram-1</guid></item>
</channel></rss>`;

let base;
let feedBroken = false;
const server = http.createServer((req, res) => {
  if (req.url === "/tram") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(articlePage());
  } else if (req.url === "/front") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><head><title>Front page | The Lantern Gazette</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="card"><a href="/tram">Tram line reopens after bridge repairs</a></div>
<div class="card"><a href="/b">Night market returns to Copper Lane</a></div>
<footer>© The Lantern Gazette</footer></body></html>`);
  } else if (req.url === "/feed.xml" && feedBroken) {
    res.writeHead(500, { "content-type": "text/plain" });
    res.end("broken");
  } else if (req.url === "/feed.xml") {
    res.writeHead(200, { "content-type": "application/rss+xml" });
    res.end(FEED());
  } else {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not here");
  }
});

let app;
before(async () => {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  app = await launchApp();
});
after(async () => {
  await app?.stop();
  await new Promise((resolve) => server.close(resolve));
  rmSync(files, { recursive: true, force: true });
});

async function openImport(browser) {
  await (await waitFor(browser, "[data-testid=open-import]")).click();
  return waitFor(browser, "[data-testid=import-panel]");
}

async function lines(browser) {
  const els = await browser.$$("[data-testid=import-line]");
  const out = [];
  for (const el of els) out.push({ ok: (await el.getAttribute("data-ok")) === "true", text: await el.getText() });
  return out;
}

async function waitLines(browser, n) {
  await browser.waitUntil(async () => (await browser.$$("[data-testid=import-line]")).length >= n, {
    timeout: 20000, timeoutMsg: `expected ${n} import result lines`,
  });
  return lines(browser);
}

test("a .txt file imported by path appears in the library", async () => {
  const { browser } = app;
  await waitFor(browser, "li.article");
  await openImport(browser);
  await (await browser.$("[data-testid=import-paths]")).setValue(TXT);
  await (await browser.$("[data-testid=import-paths-go]")).click();
  const [line] = await waitLines(browser, 1);
  assert.ok(line.ok, `the file was imported: ${line.text}`);
  assert.match(line.text, /Imported “Lantern festival moves to the river quay”/);
  const progress = await (await browser.$("[data-testid=import-progress]")).getText();
  assert.equal(progress, "1 file imported.");
  await screenshot(browser, "collect-import-file");
});

test("a URL from a local server is fetched, extracted and listed", async () => {
  const { browser } = app;
  await (await browser.$("[data-testid=import-url]")).setValue(`${base}/tram`);
  await (await browser.$("[data-testid=import-url-go]")).click();
  const [line] = await waitLines(browser, 1);
  assert.ok(line.ok, `the page was imported: ${line.text}`);
  assert.match(line.text, /Imported “Tram line reopens after bridge repairs” — The Lantern Gazette/);
  await screenshot(browser, "collect-import-url");
});

test("a page with no article is refused with a reason, and \"Import anyway\" stores its visible text", async () => {
  const { browser } = app;
  // The panel is still open from the URL import above.
  await (await browser.$("[data-testid=import-url]")).setValue(`${base}/front`);
  await (await browser.$("[data-testid=import-url-go]")).click();
  await browser.waitUntil(async () => (await lines(browser))[0]?.ok === false, {
    timeout: 20000, timeoutMsg: "the home page was not refused",
  });
  let [line] = await lines(browser);
  assert.match(line.text, /No article text was found in this page \(it looks like a list of links/);
  const anyway = await waitFor(browser, "[data-testid=import-anyway]");
  await screenshot(browser, "collect-import-anyway-offered");
  await anyway.click();
  await browser.waitUntil(async () => (await lines(browser))[0]?.ok === true, {
    timeout: 20000, timeoutMsg: "Import anyway did not store the page",
  });
  [line] = await lines(browser);
  assert.match(line.text, /Imported “Front page \| The Lantern Gazette”.*all its visible text was stored/);
  assert.equal((await browser.$$("[data-testid=import-anyway]")).length, 0, "the offer is gone once used");
  await screenshot(browser, "collect-import-anyway-stored");
});

test("a refused file says why in the panel, and the app stays up", async () => {
  const { browser } = app;
  // WebKitWebDriver drops newlines typed into a textarea: set the two lines as a paste would.
  await browser.execute((v) => {
    const t = document.querySelector("[data-testid=import-paths]");
    t.value = v;
    t.dispatchEvent(new Event("input", { bubbles: true }));
  }, `${PNG_AS_TXT}\n${TXT}`);
  await (await browser.$("[data-testid=import-paths-go]")).click();
  await browser.waitUntil(async () => (await (await browser.$("[data-testid=import-progress]")).getText()).includes("could not"), {
    timeout: 20000, timeoutMsg: "the batch did not finish",
  });
  const [bad, dup] = await lines(browser);
  assert.equal(bad.ok, false);
  assert.match(bad.text, /This file is not text \(it looks like a PNG image\); open a \.txt, \.md or \.html file instead\./);
  // Importing the same file twice is recognised, not stored again.
  assert.ok(dup.ok);
  assert.match(dup.text, /Already in the library: “Lantern festival moves to the river quay”/);
  await screenshot(browser, "collect-import-results");
  await (await browser.$("[data-testid=close-collect]")).click();

  const titles = await browser.$$("li.article a.title");
  const texts = [];
  for (const t of titles) texts.push(await t.getText());
  assert.ok(texts.includes("Lantern festival moves to the river quay"), `library lists the file: ${texts}`);
  assert.ok(texts.includes("Tram line reopens after bridge repairs"), `library lists the page: ${texts}`);
  assert.equal(texts.filter((t) => t === "Lantern festival moves to the river quay").length, 1, "no duplicate row");
  await screenshot(browser, "collect-library");
});

test("check for updates stores a revised page as a new version and links the comparison", async () => {
  const { browser } = app;
  const link = await browser.$("//li[contains(@class,'article')]//a[normalize-space()='Tram line reopens after bridge repairs']");
  await link.click();
  await waitFor(browser, "[data-testid=article-body] p");
  const button = await waitFor(browser, "[data-testid=check-updates]");
  await button.click();
  let answer = await waitFor(browser, "[data-testid=update-answer]", 20000);
  assert.match(await answer.getText(), /^No change/);

  revision = 2;
  await button.click();
  await browser.waitUntil(async () => (await (await browser.$("[data-testid=update-answer]")).getText()).startsWith("New version"), {
    timeout: 20000, timeoutMsg: "no new version was reported",
  });
  answer = await browser.$("[data-testid=update-answer]");
  assert.match(await answer.getText(), /New version stored: 1 substantive change: a number\./);
  await browser.waitUntil(async () => (await (await browser.$("[data-testid=article-body]")).getText()).includes("fourteen weeks"), {
    timeout: 5000, timeoutMsg: "the reader did not switch to the new version",
  });
  const href = await (await browser.$("[data-testid=update-compare]")).getAttribute("href");
  assert.match(href, /#\/compare\/\d+\/\d+\?mode=revision$/);
  await screenshot(browser, "collect-check-for-updates");
});

test("the reader shows the kept original page in a sandboxed frame, and Escape closes it", async () => {
  const { browser } = app;
  const button = await waitFor(browser, "[data-testid=view-original]");
  await button.click();
  const frame = await waitFor(browser, "[data-testid=original-frame]", 10000);
  assert.equal(await frame.getAttribute("sandbox"), "", "scripts, forms and same-origin are all off");
  await screenshot(browser, "collect-original-page");
  await browser.switchToFrame(frame);
  try {
    const text = await (await browser.$("body")).getText();
    assert.match(text, /after fourteen weeks of repairs/, "the kept page of the version being read");
    assert.match(text, /Bus fares to rise/, "the whole page, furniture included, as it was fetched");
    assert.equal((await browser.$$("script, img, iframe, link")).length, 0, "nothing that runs or loads");
  } finally {
    await browser.switchToParentFrame();
  }
  await browser.keys("Escape");
  await browser.waitUntil(async () => !(await (await browser.$("[data-testid=original-page]")).isExisting()), {
    timeout: 5000, timeoutMsg: "Escape did not close the original page",
  });
});

test("a feed is subscribed and listed; a page that is not a feed is refused with a message", async () => {
  const { browser } = app;
  await browser.execute(() => (location.hash = "#/"));
  await (await waitFor(browser, "[data-testid=open-feeds]")).click();
  await waitFor(browser, "[data-testid=feeds-panel]");
  await (await browser.$("[data-testid=feed-url]")).setValue(`${base}/tram`);
  await (await browser.$("[data-testid=feed-subscribe]")).click();
  const message = await waitFor(browser, "[data-testid=feed-message]", 20000);
  assert.match(await message.getText(), /is not an RSS or Atom feed \(it returned an HTML web page\); look for the site's feed link\./);
  assert.equal((await browser.$$("[data-testid=feed]")).length, 0, "nothing was stored for the refused address");

  await (await browser.$("[data-testid=feed-url]")).setValue(`${base}/feed.xml`);
  await (await browser.$("[data-testid=feed-subscribe]")).click();
  await browser.waitUntil(async () => (await browser.$$("[data-testid=feed]")).length === 1, {
    timeout: 20000, timeoutMsg: "the feed was not listed",
  });
  const feed = await (await browser.$("[data-testid=feed]")).getText();
  assert.match(feed, /Lantern Gazette: city/);
  assert.match(feed, /every hour/);
  assert.match(await (await browser.$("[data-testid=feed-message]")).getText(), /^Subscribed\./);
  await screenshot(browser, "collect-feeds");
});

test("a failing feed shows its error on the feed, and removing it asks first", async () => {
  const { browser } = app;
  feedBroken = true;
  await (await browser.$("//li[@data-testid='feed']//button[normalize-space()='Check now']")).click();
  const problem = await waitFor(browser, "[data-testid=feed-error]", 20000);
  assert.match(await problem.getText(), /The server answered 500 Internal Server Error for http:\/\/127\.0\.0\.1:\d+\/feed\.xml; check the address or try again later\./);
  await screenshot(browser, "collect-feed-error");
  await (await browser.$("[data-testid=feed-remove]")).click();
  assert.equal((await browser.$$("[data-testid=feed]")).length, 1, "nothing is removed before confirming");
  await (await waitFor(browser, "[data-testid=feed-remove-confirm]")).click();
  await browser.waitUntil(async () => (await browser.$$("[data-testid=feed]")).length === 0, {
    timeout: 5000, timeoutMsg: "the feed was not removed",
  });
  await (await browser.$("[data-testid=close-collect]")).click();
});

test("pasted text is stored; an empty paste is refused with a message", async () => {
  const { browser } = app;
  await openImport(browser);
  await (await browser.$("[data-testid=paste-title]")).setValue("Harbour cranes to be repainted");
  await (await browser.$("[data-testid=paste-go]")).click();
  const refused = await waitFor(browser, "[data-testid=paste-message]");
  assert.equal(await refused.getText(), "Paste the article's text into the box first.");
  await (await browser.$("[data-testid=paste-outlet]")).setValue("Dockside Weekly");
  await (await browser.$("[data-testid=paste-body]")).setValue("The four harbour cranes will be repainted in blue before the summer, the port authority said.");
  await (await browser.$("[data-testid=paste-go]")).click();
  await browser.waitUntil(async () => (await (await browser.$("[data-testid=paste-message]")).getText()).startsWith("Imported"), {
    timeout: 10000, timeoutMsg: "the paste was not imported",
  });
  assert.match(await (await browser.$("[data-testid=paste-message]")).getText(), /Imported “Harbour cranes to be repainted” — Dockside Weekly/);
  await (await browser.$("[data-testid=close-collect]")).click();
  await browser.waitUntil(async () => {
    for (const t of await browser.$$("li.article a.title")) if ((await t.getText()) === "Harbour cranes to be repainted") return true;
    return false;
  }, { timeout: 5000, timeoutMsg: "the pasted article is not listed" });
});

test("selected articles become a story, and a suggestion adds a related account to its story", async () => {
  const { browser } = app;
  await browser.execute(() => (location.hash = "#/"));
  for (const title of ["Tram line reopens after bridge repairs", "Harbour cranes to be repainted"]) {
    const box = await waitFor(browser, `//li[contains(@class,'article')][.//a[normalize-space()='${title}']]//input[@type='checkbox']`);
    await box.click();
  }
  await (await waitFor(browser, "[data-testid=story-new]")).click();
  const name = await waitFor(browser, "[data-testid=story-title]");
  await name.setValue("City works this week");
  await (await browser.$("[data-testid=story-create]")).click();
  const message = await waitFor(browser, "[data-testid=story-message]");
  assert.equal(await message.getText(), "Story “City works this week” now holds 2 articles.");
  await browser.waitUntil(async () => {
    for (const h of await browser.$$("section[data-story-id] h2")) if ((await h.getText()).includes("City works this week")) return true;
    return false;
  }, { timeout: 5000, timeoutMsg: "the new story is not listed" });

  // The sample's revised article reports the same dam failure as the sample story's three accounts.
  const add = await waitFor(browser, "[data-testid=suggestion-add]");
  assert.match(await add.getText(), /^Add to “Orrin Dam/);
  await screenshot(browser, "collect-stories");
  await add.click();
  await browser.waitUntil(async () => (await browser.$$("[data-testid=suggestion-add]")).length === 0, {
    timeout: 5000, timeoutMsg: "the suggestion stayed after it was taken",
  });
  const sample = await browser.$("//section[@data-story-id][.//h2[contains(., 'Orrin Dam')]]");
  assert.equal((await sample.$$("li.article")).length, 4);
});

test("files dropped on the window are imported with a line each", async () => {
  const { browser } = app;
  // WebDriver cannot drag from the desktop; send the same events Tauri's webview raises for a drag and a drop.
  const send = (event, paths) => browser.executeAsync((event, paths, done) => {
    window.__TAURI_INTERNALS__
      .invoke("plugin:event|emit", { event, payload: { paths, position: { x: 40, y: 40 } } })
      .then(() => done(), (e) => done(String(e)));
  }, event, paths);
  await send("tauri://drag-enter", [MD, HTML]);
  const overlay = await waitFor(browser, "[data-testid=drop-overlay]");
  assert.match(await overlay.getText(), /Drop \.txt, \.md or \.html files to import them/);
  await screenshot(browser, "collect-drag-over");
  await send("tauri://drag-drop", [MD, HTML]);
  await browser.waitUntil(async () => !(await browser.$("[data-testid=drop-overlay]").isExisting()), {
    timeout: 5000, timeoutMsg: "the drop overlay stayed after the drop",
  });
  await waitFor(browser, "[data-testid=import-panel]");
  await browser.waitUntil(async () => (await (await browser.$("[data-testid=import-progress]")).getText()) === "2 files imported.", {
    timeout: 20000, timeoutMsg: "the dropped files were not imported",
  });
  const [md, html] = await lines(browser);
  assert.match(md.text, /Imported “Orchard fair returns to Calloway”/);
  assert.match(html.text, /Imported “Winter ferry timetable published”/);
  await screenshot(browser, "collect-drop");
  await (await browser.$("[data-testid=close-collect]")).click();
});

test("a revision the background poller found shows a toast linking the comparison", async () => {
  const { browser } = app;
  // The same event poller.rs emits for FeedEvent::Revised (a substantive change also raises a desktop notification).
  const event = {
    kind: "revised", feed_id: 1, article_id: 1, old_version_id: 4, new_version_id: 5, title: "Tram line reopens after bridge repairs",
    summary: { substantive: 2, cosmetic: 0, facets: ["a number", "a quote"] }, description: "2 substantive changes: a number, a quote",
  };
  await browser.executeAsync((payload, done) => {
    window.__TAURI_INTERNALS__.invoke("plugin:event|emit", { event: "feed-event", payload }).then(() => done(), (e) => done(String(e)));
  }, event);
  const toast = await waitFor(browser, "[data-testid=toast]");
  assert.match(await toast.getText(), /“Tram line reopens after bridge repairs” was revised: 2 substantive changes: a number, a quote\./);
  const href = await (await toast.$("a")).getAttribute("href");
  assert.match(href, /#\/compare\/4\/5\?mode=revision$/);
  await screenshot(browser, "collect-revision-toast");
});
