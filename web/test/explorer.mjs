// The explorer's browser checks, run by browser.mjs.

const focusURL = "/explore?focus=person:claudia-sheinbaum&depth=2";

async function waitDrawn(page, min = 2) {
  await page.waitForFunction((n) => {
    const x = window.newsgraphExplorer;
    return x && x.cy.nodes().length >= n && /entities/.test(document.getElementById("status").textContent);
  }, min, { timeout: 30000 });
  await page.waitForTimeout(700); // the layout's animation
}

const count = (page, what) => page.evaluate((w) => window.newsgraphExplorer.cy[w]().length, what);

// clickElement clicks an element where it is drawn on the canvas.
async function clickElement(page, id) {
  const pos = await page.evaluate((id) => {
    const cy = window.newsgraphExplorer.cy;
    const el = cy.getElementById(id);
    const p = el.isEdge() ? el.renderedMidpoint() : el.renderedPosition();
    const r = document.getElementById("cy").getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, id);
  await page.mouse.click(pos.x, pos.y);
}

// clearEdge finds an edge whose midpoint is on the canvas and not under a
// node, so that a click there hits the edge.
function clearEdge(page) {
  return page.evaluate(() => {
    const cy = window.newsgraphExplorer.cy;
    const w = cy.width();
    const hgt = cy.height();
    for (const e of cy.edges()) {
      const m = e.renderedMidpoint();
      if (m.x < 20 || m.y < 20 || m.x > w - 20 || m.y > hgt - 20) continue;
      const hit = cy.nodes().some((n) => {
        const b = n.renderedBoundingBox({ includeLabels: true });
        return m.x > b.x1 - 6 && m.x < b.x2 + 6 && m.y > b.y1 - 6 && m.y < b.y2 + 6;
      });
      const near = cy.edges().some((o) => o !== e && Math.hypot(o.renderedMidpoint().x - m.x, o.renderedMidpoint().y - m.y) < 8);
      if (!hit && !near) return e.id();
    }
    return null;
  });
}

export async function explorer({ base, shots, writeKey, newPage, step }) {
  const page = await newPage();

  await step("explorer draws the focus's neighbourhood from the URL, read from /v1/subgraph", async () => {
    const requests = [];
    const record = (r) => requests.push({ url: r.url(), body: r.postData() || "" });
    page.on("request", record);
    await page.goto(base + focusURL);
    await waitDrawn(page);
    page.off("request", record);
    const nodes = await count(page, "nodes");
    const edges = await count(page, "edges");
    if (nodes < 5 || edges < 4) throw new Error(`${nodes} nodes, ${edges} edges`);
    await page.getByRole("heading", { name: /Claudia Sheinbaum/ }).waitFor();
    const walks = requests.filter((r) => new URL(r.url).pathname === "/v1/subgraph");
    if (walks.length !== 1 || !/induced=true/.test(walks[0].url) || !/depth=2/.test(walks[0].url)) {
      throw new Error(`want one induced depth-2 walk from /v1/subgraph, got ${JSON.stringify(walks.map((r) => r.url))}`);
    }
    const viaGraphQL = requests.filter((r) => /neighborhood/.test(r.body));
    if (viaGraphQL.length) throw new Error(`the neighbourhood was also asked of GraphQL: ${viaGraphQL[0].body}`);
    // Every drawn edge carries GraphQL's corroboration and status.
    const mismatches = await page.evaluate(async () => {
      const bad = [];
      for (const e of window.newsgraphExplorer.cy.edges()) {
        const r = await fetch("/graphql", { method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            query: "query($f: ID!, $t: ID!, $y: String!) { relations(filter: {from: $f, to: $t, types: [$y]}, first: 1) { edges { node { corroboration status } } } }",
            variables: { f: e.data("source"), t: e.data("target"), y: e.data("type") },
          }) });
        const rel = (await r.json()).data.relations.edges[0].node;
        if (rel.corroboration !== e.data("corroboration") || rel.status !== e.data("status")) {
          bad.push({ id: e.id(), drawn: [e.data("corroboration"), e.data("status")], graphql: rel });
        }
      }
      return bad;
    });
    if (mismatches.length) throw new Error(`edges drawn unlike GraphQL's relations: ${JSON.stringify(mismatches.slice(0, 3))}`);
    await page.screenshot({ path: `${shots}/explore-focus.png` });
  });

  await step("clicking an edge opens the evidence panel with its verbatim quote", async () => {
    const id = await clearEdge(page);
    if (!id) throw new Error("no edge clear of nodes to click");
    await clickElement(page, id);
    const panel = page.locator("#edge-panel");
    await panel.locator("blockquote").first().waitFor({ timeout: 15000 });
    const quote = (await panel.locator("blockquote").first().textContent()).replace(/^“|”$/g, "");
    const [from, type, to] = id.split("|");
    const resp = await page.evaluate(async ({ from, type, to }) => {
      const r = await fetch("/graphql", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          query: "query($f: ID!, $t: ID!, $y: String!) { relations(filter: {from: $f, to: $t, types: [$y]}, first: 1) { edges { node { evidence(first: 500) { quote } } } } }",
          variables: { f: from, t: to, y: type },
        }) });
      return r.json();
    }, { from, type, to });
    if (resp.errors) throw new Error(JSON.stringify(resp.errors));
    const quotes = resp.data.relations.edges[0].node.evidence.map((e) => e.quote);
    if (!quotes.includes(quote)) throw new Error(`panel quote ${JSON.stringify(quote)} is not among ${JSON.stringify(quotes)}`);
    if (!(await panel.getByText(/Corroboration/).isVisible())) throw new Error("no corroboration shown");
    await page.screenshot({ path: `${shots}/explore-evidence.png` });
    await page.keyboard.press("Escape");
    if (await panel.isVisible()) throw new Error("Escape did not close the evidence panel");
  });

  await step("a disputed relation says DISPUTED in its panel", async () => {
    const id = await page.evaluate(() => {
      const e = window.newsgraphExplorer.cy.edges('[status = "DISPUTED"]');
      return e.length ? e[0].id() : null;
    });
    if (!id) throw new Error("no disputed relation around Sheinbaum; the seed graph has some");
    // As a tap on the canvas would (evaluate must not return the
    // collection: Playwright would serialize all of Cytoscape).
    await page.evaluate((id) => {
      window.newsgraphExplorer.cy.getElementById(id).emit("tap");
    }, id);
    await page.locator("#edge-panel .status.disputed").waitFor({ timeout: 15000 });
    await page.keyboard.press("Escape");
  });

  await step("the as-of slider takes relations away", async () => {
    const before = await count(page, "edges");
    await page.locator("#asof-range").focus();
    await page.keyboard.press("Home");
    await page.waitForFunction(() => /asOf=2000-01-01/.test(location.search), null, { timeout: 10000 });
    await waitDrawn(page, 1);
    const after = await count(page, "edges");
    await page.screenshot({ path: `${shots}/explore-asof.png` });
    if (!(after < before)) throw new Error(`edges as of 2000-01-01: ${after}, before ${before}`);
    await page.keyboard.press("End");
    await page.waitForFunction(() => !/asOf=/.test(location.search), null, { timeout: 10000 });
    await waitDrawn(page);
  });

  await step("a relation ingested over GraphQL appears live", async () => {
    const text = "Claudia Sheinbaum met the Browser Test Delegation in Mexico City to discuss security cooperation.";
    const input = {
      document: { title: "Browser test", publishedAt: "2025-11-21", source: "Test", text },
      entities: [
        { ref: "s", kind: "PERSON", name: "Claudia Sheinbaum" },
        { ref: "d", kind: "ORGANIZATION", name: "Browser Test Delegation" },
      ],
      relations: [{ type: "MET_WITH", from: "s", to: "d", quotes: ["Claudia Sheinbaum met the Browser Test Delegation"] }],
    };
    const resp = await fetch(base + "/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + writeKey },
      body: JSON.stringify({ query: "mutation($input: IngestInput!) { ingestDocument(input: $input) { created { id } relationsCreated } }", variables: { input } }),
    });
    const body = await resp.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const id = body.data.ingestDocument.created[0].id;
    await page.waitForFunction((id) => window.newsgraphExplorer.cy.getElementById(id).nonempty(), id, { timeout: 15000 });
    await page.waitForFunction((id) => window.newsgraphExplorer.cy.getElementById(id).connectedEdges().length > 0, id, { timeout: 5000 });
    await page.screenshot({ path: `${shots}/explore-live.png` });
  });

  await step("search suggests as you type; Enter focuses; a click expands", async () => {
    await page.goto(base + "/explore");
    await page.locator("#q").fill("sheinbaum");
    const hit = page.locator("#suggest .suggestion").filter({ hasText: "Claudia Sheinbaum" });
    await hit.waitFor({ timeout: 15000 });
    if (!(await hit.textContent()).includes("Person")) throw new Error("suggestion does not show the kind");
    await page.screenshot({ path: `${shots}/explore-search.png` });
    await page.locator("#q").press("Enter");
    await page.waitForFunction(() => /focus=person:claudia-sheinbaum/.test(location.search), null, { timeout: 10000 });
    await waitDrawn(page);
    const before = await count(page, "nodes");
    // Expand the neighbour with the most relations in the graph; each
    // node's size comes from its degree in the graph, as the API counts
    // its relations, not from the view.
    const target = await page.evaluate(async () => {
      const cy = window.newsgraphExplorer.cy;
      let best = null;
      for (const n of cy.nodes()) {
        if (n.hasClass("focus")) continue;
        const r = await fetch("/graphql", { method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ query: `{ entity(id: "${n.id()}") { relations(first: 0) { totalCount } } }` }) });
        const c = (await r.json()).data.entity.relations.totalCount;
        if (n.data("degree") !== c) throw new Error(`${n.id()}: degree ${n.data("degree")} drawn, ${c} relations in the graph`);
        if (!best || c > best.c) best = { id: n.id(), c };
      }
      return best.id;
    });
    await clickElement(page, target);
    await page.waitForFunction((n) => window.newsgraphExplorer.cy.nodes().length > n, before, { timeout: 15000 });
    await page.waitForFunction((id) => new URLSearchParams(location.search).get("expand") === id, target, { timeout: 5000 });
    await page.waitForTimeout(700);
    await page.screenshot({ path: `${shots}/explore-expand.png` });
  });

  await step("the path finder highlights paths to the FTO designation", async () => {
    await page.getByRole("button", { name: "Paths…" }).click();
    await page.locator("#path-to").fill("foreign terrorist organization designation");
    await page.locator("#path-to-suggest .suggestion").first().waitFor({ timeout: 15000 });
    await page.locator("#path-to").press("Enter");
    await page.getByRole("button", { name: "Find paths" }).click();
    await page.locator("#path-results button").first().waitFor({ timeout: 15000 });
    const lit = await page.evaluate(() => window.newsgraphExplorer.cy.$(".shortest").length);
    if (lit < 3) throw new Error(`${lit} elements highlighted on the shortest path`);
    await page.waitForFunction(() => /to=legal-concept:/.test(location.search), null, { timeout: 5000 });
    await page.waitForTimeout(700);
    await page.screenshot({ path: `${shots}/explore-path.png` });
  });

  await step("undo takes back the last change", async () => {
    // The last change is the path search: undo takes away its highlight
    // and its place in the URL, and any element it added.
    const before = await count(page, "elements");
    await page.getByRole("button", { name: "Undo" }).click();
    const after = await count(page, "elements");
    if (after > before) throw new Error(`elements ${before} -> ${after} after undo`);
    const lit = await page.evaluate(() => window.newsgraphExplorer.cy.$(".shortest").length);
    if (lit !== 0) throw new Error(`${lit} elements still highlighted after undo`);
    if (/to=legal-concept:/.test(await page.evaluate(() => location.search))) throw new Error("the path is still in the URL after undo");
  });

  await step("the view exports as PNG, Cytoscape JSON and GraphML", async () => {
    for (const [button, ext] of [["PNG image", ".png"], ["Cytoscape JSON", ".cyjs"], ["GraphML", ".graphml"]]) {
      await page.locator(".export-menu summary").click();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
      if (!download.suggestedFilename().endsWith(ext)) throw new Error(`${button}: ${download.suggestedFilename()}`);
    }
  });

  await step("the explorer is readable on a laptop screen", async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shots}/explore-laptop.png` });
  });

  await page.context().close();
}
