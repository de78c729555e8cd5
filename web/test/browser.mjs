// Drives GraphiQL and the explorer in Debian's Chromium (never a browser
// Playwright downloads) against the server at BASE_URL; run by
// browser_test.go. Every request is recorded: one to anything but the
// server's own origin fails the run, as does a console error. ONLY=keys
// runs the checks of a server that requires keys for reads (keys.mjs)
// instead, where Chromium's notes of the expected 401 answers are not
// errors.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const base = process.env.BASE_URL;
const shots = process.env.SCREENSHOTS;
const writeKey = process.env.WRITE_KEY;
const only = process.env.ONLY || "";
mkdirSync(shots, { recursive: true });
const origin = new URL(base).origin;
const wsOrigin = origin.replace(/^http/, "ws");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const failures = [];
const offsite = [];
const consoleErrors = [];

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on("request", (req) => {
    const u = req.url();
    if (!(u.startsWith(origin + "/") || u.startsWith(wsOrigin + "/") || u.startsWith("data:") || u.startsWith("blob:"))) {
      offsite.push(u);
    }
  });
  page.on("websocket", (ws) => {
    if (!ws.url().startsWith(wsOrigin + "/")) offsite.push(ws.url());
  });
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    if (only === "keys" && /status of 401/.test(msg.text())) return;
    const at = msg.location();
    consoleErrors.push(`${page.url()}: ${msg.text()} (at ${at.url}:${at.lineNumber}:${at.columnNumber})`);
  });
  page.on("pageerror", (err) => consoleErrors.push(`${page.url()}: ${err.stack || err.message}`));
  return page;
}

async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    failures.push(name);
    console.log(`FAIL ${name}: ${err.stack || err}`);
  }
}

// GraphiQL at /: renders from the embedded bundle, has the README's
// examples as tabs, runs the first one and shows the result.
if (only !== "keys") await step("GraphiQL renders offline and runs the README's first example", async () => {
  const page = await newPage();
  await page.goto(base + "/");
  await page.locator(".graphiql-container").waitFor({ timeout: 30000 });
  const tabs = await page.locator(".graphiql-tab").count();
  if (tabs < 5) throw new Error(`${tabs} tabs, want the README's 5 examples or more`);
  await page.locator(".graphiql-tab").first().click();
  await page.locator(".graphiql-execute-button").click();
  await page.waitForFunction(() => {
    const r = document.querySelector(".result-window");
    return r && r.textContent.includes("Claudia Sheinbaum") && r.textContent.includes("truncated");
  }, null, { timeout: 30000 });
  // The docs explorer reads the schema by introspection.
  await page.locator('button[aria-label="Show Documentation Explorer"]').click();
  await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().waitFor({ timeout: 15000 });
  await page.screenshot({ path: `${shots}/graphiql.png` });
  await page.context().close();
});

if (only === "") {
  const { explorer } = await import("./explorer.mjs");
  await explorer({ base, shots, writeKey, newPage, step });
}
if (only === "keys") {
  const { keys } = await import("./keys.mjs");
  await keys({ base, shots, readKey: process.env.READ_KEY, newPage, step });
}

await browser.close();
if (offsite.length) {
  failures.push("requests off the server's origin");
  console.log("FAIL requests off the server's origin:\n  " + offsite.join("\n  "));
}
if (consoleErrors.length) {
  failures.push("console errors");
  console.log("FAIL console errors:\n  " + consoleErrors.join("\n  "));
}
if (failures.length) {
  console.log(`${failures.length} failure(s)`);
  process.exit(1);
}
console.log("all browser checks passed");
