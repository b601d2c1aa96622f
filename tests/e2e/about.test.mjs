// Issue 16: the About panel opens from the keyboard (F1) and shows the version, WebKitGTK's version, and the
// library's path and size in the data folder the app was started on; "Copy diagnostics" answers either way.
import assert from "node:assert/strict";
import { test } from "node:test";
import { launchApp, screenshot, waitFor } from "./harness.mjs";

test("About shows versions and the library, reachable by keyboard", async () => {
  const app = await launchApp();
  const { browser, dataDir } = app;
  try {
    await waitFor(browser, "li.article"); // the sample library is in, so the file has its full size
    await browser.keys("F1");
    const panel = await waitFor(browser, "[data-testid=about]");
    await (await panel.$("[data-testid=about-version]")).waitForExist({ timeout: 5000 });
    assert.match(await (await panel.$("[data-testid=about-version]")).getText(), /^\d+\.\d+\.\d+$/);
    assert.match(await (await panel.$("[data-testid=about-webkit]")).getText(), /^2\.\d+\.\d+$/, "WebKitGTK 2.x");
    const library = await (await panel.$("[data-testid=about-library]")).getText();
    assert.ok(library.startsWith(dataDir), `library ${library} is in the data folder ${dataDir}`);
    assert.match(await (await panel.$("[data-testid=about-size]")).getText(), /^\d+(\.\d)? (KB|MB)$/);
    const diagnostics = await (await panel.$("[data-testid=diagnostics]")).getText();
    for (const line of [/^Parallax \d/m, /^WebKitGTK 2\./m, /^Library schema version \d+/m, /^OS .*linux/m]) {
      assert.match(diagnostics, line);
    }
    await (await panel.$("[data-testid=copy-diagnostics]")).click();
    const status = await waitFor(browser, "[data-testid=copy-status]");
    assert.match(await status.getText(), /^(Copied to the clipboard|Could not copy)/);
    await screenshot(browser, "about");
    await browser.keys("Escape");
    await browser.waitUntil(async () => !(await (await browser.$("[data-testid=about]")).isExisting()), {
      timeout: 5000, timeoutMsg: "Escape closes the About panel",
    });
  } finally {
    await app.stop();
  }
});
