// Starts the real Parallax app through tauri-driver (which drives Debian's WebKitWebDriver) on a fresh temporary
// library, and hands the test a WebdriverIO browser. Screenshots go to target/e2e/ at the repository root.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../..");
export const shotDir = path.join(repoRoot, "target", "e2e");

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForPort(port, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => { s.end(); resolve(true); });
      s.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port} within ${ms} ms`);
}

/** Pids of processes started with `marker` (NAME=value) in their environment (Linux /proc; none elsewhere). */
function processesWith(marker) {
  let pids = [];
  try { pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p)); } catch { return []; }
  return pids.filter((pid) => {
    try { return readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").includes(marker); } catch { return false; }
  }).map(Number);
}

/** Launches the app on a new empty data dir (or `dataDir`); returns {browser, dataDir, stop}. */
export async function launchApp({ dataDir, env = {} } = {}) {
  const application = process.env.APP_BINARY;
  if (!application) throw new Error("APP_BINARY must name the debug parallax-app binary");
  const ownDir = !dataDir;
  dataDir ??= mkdtempSync(path.join(tmpdir(), "parallax-e2e-"));
  mkdirSync(shotDir, { recursive: true });
  const port = await freePort();
  const nativePort = await freePort();
  // WebKit keeps web storage (the saved theme, among others) under XDG_DATA_HOME: a new folder per launch, so runs
  // side by side, or an earlier run on this machine, cannot change what a test starts from.
  const webData = mkdtempSync(path.join(tmpdir(), "parallax-e2e-web-"));
  const driver = spawn(
    "tauri-driver",
    ["--port", String(port), "--native-port", String(nativePort), "--native-driver", "/usr/bin/WebKitWebDriver"],
    { env: { ...process.env, XDG_DATA_HOME: webData, ...env, PARALLAX_DATA_DIR: dataDir }, stdio: ["ignore", "inherit", "inherit"] },
  );
  await waitForPort(port, 20000);
  const browser = await remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "error",
    capabilities: { "tauri:options": { application } },
  });
  const stop = async () => {
    try { await browser.deleteSession(); } catch { /* the app may already be gone */ }
    // SIGTERM lets tauri-driver stop WebKitWebDriver; SIGKILL would leave it holding our stdout.
    driver.kill("SIGTERM");
    await new Promise((r) => driver.once("exit", r));
    // Under load WebKitWebDriver can exit before the app has: an app left running would hold the test runner's
    // output open, so the run never ends. The launch's own XDG_DATA_HOME names its processes.
    for (const pid of processesWith(`XDG_DATA_HOME=${webData}`)) {
      try { process.kill(pid, "SIGKILL"); } catch { /* gone meanwhile */ }
    }
    rmSync(webData, { recursive: true, force: true });
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  };
  return { browser, dataDir, stop };
}

export async function screenshot(browser, name) {
  const file = path.join(shotDir, `${name}.png`);
  // WebKitGTK under Xvfb can hand back the previous frame: let two frames paint and images decode first.
  await browser.executeAsync((done) => {
    const imgs = Array.from(document.images).map((i) => (i.complete ? null : i.decode().catch(() => null)));
    Promise.all(imgs).then(() => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  });
  await browser.pause(400);
  await browser.saveScreenshot(file);
  return file;
}

/** Waits until `selector` exists and returns it. */
export async function waitFor(browser, selector, timeout = 10000) {
  const el = await browser.$(selector);
  await el.waitForExist({ timeout });
  return el;
}
