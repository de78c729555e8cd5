// Times the explorer drawing a 500-entity, 2,000-relation neighbourhood
// (the API's largest) in Chromium, and the frame times while a node is
// dragged; run by BenchmarkExplorerDraw, which reports the figures. The
// graph is generated in the page (a hub-heavy random graph, the shape news
// graphs have), so the figure is the drawing's alone: the API's time for
// such a neighbourhood is in BENCHMARKS.md.
import { chromium } from "playwright-core";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(process.env.BASE_URL + "/explore");
await page.waitForFunction(() => window.newsgraphExplorer);
const draw = await page.evaluate(async () => {
  const cy = window.newsgraphExplorer.cy;
  const kinds = ["PERSON", "ORGANIZATION", "PLACE", "LEGAL_CONCEPT", "EVENT", "CLAIM"];
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const els = [];
  for (let i = 0; i < 500; i++) els.push({ group: "nodes", data: { id: "n" + i, name: "Entity " + i, kind: kinds[i % 6], degree: 1 } });
  const seen = new Set();
  while (seen.size < 2000) {
    const a = Math.floor(rand() ** 2 * 500);
    const b = Math.floor(rand() * 500);
    const id = `n${a}|T|n${b}`;
    if (a === b || seen.has(id)) continue;
    seen.add(id);
    els.push({ group: "edges", data: { id, source: "n" + a, target: "n" + b, type: "RELATED_TO", status: "ASSERTED", corroboration: 1 } });
  }
  const t0 = performance.now();
  cy.add(els);
  cy.nodes().forEach((n) => n.data("degree", n.degree(false)));
  // The explorer's own layout of a large view (its "Layout" button).
  const done = new Promise((r) => cy.one("layoutstop", r));
  document.getElementById("relayout").click();
  await done;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
});
// Drag the busiest node in a circle for 120 frames, timing the frames.
const start = await page.evaluate(() => {
  const cy = window.newsgraphExplorer.cy;
  const n = cy.nodes().max((n) => n.degree(false)).ele;
  const p = n.renderedPosition();
  const r = document.getElementById("cy").getBoundingClientRect();
  return { x: r.left + p.x, y: r.top + p.y };
});
await page.evaluate(() => {
  window.frames_ = [];
  let last = performance.now();
  const tick = (t) => {
    window.frames_.push(t - last);
    last = t;
    if (window.frames_.length < 400) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
await page.mouse.move(start.x, start.y);
await page.mouse.down();
for (let i = 0; i < 120; i++) {
  await page.mouse.move(start.x + 80 * Math.cos(i / 10), start.y + 80 * Math.sin(i / 10));
}
await page.mouse.up();
const frames = await page.evaluate(() => window.frames_.slice(1).sort((a, b) => a - b));
const pct = (p) => frames[Math.min(frames.length - 1, Math.floor(frames.length * p))];
console.log(JSON.stringify({ drawMs: draw, frameMedianMs: pct(0.5), frameP95Ms: pct(0.95), frames: frames.length }));
await browser.close();
