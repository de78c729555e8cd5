// The browser checks of a server that requires keys for reads, run by
// browser.mjs with ONLY=keys: the explorer asks for a key, tells a wrong
// key from a missing one, draws with the right one and keeps it, and
// GraphiQL sends the kept key.

const focusURL = "/explore?focus=person:claudia-sheinbaum&depth=1";

async function keyMessage(page, pattern) {
  await page.waitForFunction((src) => {
    const m = document.getElementById("key-message");
    return m && !m.hidden && new RegExp(src).test(m.textContent) && document.getElementById("key-menu").open;
  }, pattern.source, { timeout: 15000 });
}

export async function keys({ base, shots, readKey, newPage, step }) {
  const page = await newPage();

  await step("without a key the explorer says one is needed and opens the Key form", async () => {
    await page.goto(base + focusURL);
    await keyMessage(page, /requires an API key.*UNAUTHENTICATED/);
    const status = await page.locator("#status").textContent();
    if (!/requires an API key/.test(status)) throw new Error(`status line: ${status}`);
    if ((await page.locator("#status").getAttribute("role")) !== "alert") throw new Error("the status line is not an alert");
    if (!(await page.locator("#key").evaluate((el) => el === document.activeElement))) throw new Error("the key field has no focus");
    await page.screenshot({ path: `${shots}/explore-key.png` });
  });

  await step("a wrong key is refused with its own message", async () => {
    await page.locator("#key").fill("ngk_wrong_AAAAAAAAAAAAAAAAAAAAAA");
    await page.locator("#key").press("Enter");
    await keyMessage(page, /did not accept this key/);
    const n = await page.evaluate(() => window.newsgraphExplorer.cy.nodes().length);
    if (n !== 0) throw new Error(`${n} entities drawn with a wrong key`);
  });

  await step("the right key draws the graph, goes live, and is kept for the next visit", async () => {
    await page.locator("summary", { hasText: "Key" }).click().catch(() => {});
    if (!(await page.locator("#key-menu").evaluate((d) => d.open))) await page.locator("#key-menu summary").click();
    await page.locator("#key").fill(readKey);
    await page.getByRole("button", { name: "Use key" }).click();
    await page.waitForFunction(() => window.newsgraphExplorer.cy.nodes().length >= 2, null, { timeout: 15000 });
    await page.waitForFunction(() => document.getElementById("live").textContent === "live", null, { timeout: 15000 });
    if (await page.locator("#key-message").isVisible()) throw new Error("the key message is still shown");
    const kept = await page.evaluate(() => localStorage.getItem("newsgraph.key"));
    if (kept !== readKey) throw new Error("the key is not in localStorage newsgraph.key");
    await page.reload();
    await page.waitForFunction(() => window.newsgraphExplorer && window.newsgraphExplorer.cy.nodes().length >= 2, null, { timeout: 15000 });
    if (await page.locator("#key-message").isVisible()) throw new Error("asked for a key again after a reload");
  });

  await step("GraphiQL sends the kept key", async () => {
    await page.goto(base + "/");
    await page.locator(".graphiql-container").waitFor({ timeout: 30000 });
    await page.locator(".graphiql-tab").first().click();
    await page.locator(".graphiql-execute-button").click();
    await page.waitForFunction(() => {
      const r = document.querySelector(".result-window");
      return r && r.textContent.includes("Claudia Sheinbaum");
    }, null, { timeout: 30000 });
  });

  await step("forgetting the key asks for one again", async () => {
    await page.goto(base + focusURL);
    await page.waitForFunction(() => window.newsgraphExplorer && window.newsgraphExplorer.cy.nodes().length >= 2, null, { timeout: 15000 });
    await page.locator("#key-menu summary").click();
    await page.locator("#key-forget").click();
    await keyMessage(page, /requires an API key/);
    if (await page.evaluate(() => localStorage.getItem("newsgraph.key"))) throw new Error("the key is still stored");
  });

  await page.context().close();
}
