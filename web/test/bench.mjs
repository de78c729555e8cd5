// Times the explorer drawing a neighbourhood read through the API in
// Chromium, and the frame times while a node is dragged; run by
// BenchmarkExplorerDraw, which serves a generated 1M-relation graph and
// picks ROOT so that its depth-2, limit-500 induced neighbourhood has
// about 2,000 relations. The draw is timed in the page from focus(ROOT)
// (what a search and Enter call) until two frames after the layout, so it
// includes the API request (fetch-ms, also reported alone), building the
// view, the layout and the first paint.
import { chromium } from "playwright-core";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(process.env.BASE_URL + "/explore?depth=2&limit=500");
await page.waitForFunction(() => window.newsgraphExplorer);
const draw = await page.evaluate(async (root) => {
  const { cy, focus } = window.newsgraphExplorer;
  const t0 = performance.now();
  await focus(root);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const ms = performance.now() - t0;
  const fetch = performance.getEntriesByName("newsgraph:fetch", "measure").pop();
  return { ms, fetchMs: fetch ? fetch.duration : 0, nodes: cy.nodes().length, edges: cy.edges().length };
}, process.env.ROOT);
if (draw.nodes < 2) throw new Error(`the neighbourhood of ${process.env.ROOT} was not drawn: ${JSON.stringify(draw)}`);
if (process.env.SCREENSHOTS) await page.screenshot({ path: process.env.SCREENSHOTS + "/explore-bench.png" });
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
console.log(JSON.stringify({
  drawMs: draw.ms, fetchMs: draw.fetchMs, nodes: draw.nodes, edges: draw.edges,
  frameMedianMs: pct(0.5), frameP95Ms: pct(0.95), frames: frames.length,
}));
await browser.close();
