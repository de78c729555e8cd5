// The layout of a large view: a radial tree by hop distance from the focus,
// computed in one pass over the view (no simulation), so that a
// 500-entity, 2,000-relation neighbourhood is placed in a few milliseconds
// where a force-directed layout takes most of a second. The focus is at the
// centre, the entities one relation away on the first ring, and each
// entity further out sits in the wedge of the entity it was reached
// through, so a neighbourhood's branches stay apart. Hops come from the
// API (Subgraph.hops) when the view was read from the focus; entities
// added since (expansions, paths, live updates) get theirs by a
// breadth-first walk from those that have one.

// ringGap is the least distance between two rings; nodeGap the least arc
// length between two entities on a ring, in model units.
const ringGap = 220;
const nodeGap = 46;

// radialPositions returns { id: {x, y} } for every node of cy, centred on
// root (or on the entity of least hops when root is not in view).
export function radialPositions(cy, root) {
  const nodes = cy.nodes();
  const ids = nodes.map((n) => n.id()).sort();
  const adj = new Map(ids.map((id) => [id, []]));
  cy.edges().forEach((e) => {
    const s = e.data("source");
    const t = e.data("target");
    if (s === t) return;
    adj.get(s).push(t);
    adj.get(t).push(s);
  });
  for (const list of adj.values()) list.sort();

  // Hops: the API's where known, then a breadth-first walk outwards.
  const hops = new Map();
  if (adj.has(root)) hops.set(root, 0);
  nodes.forEach((n) => {
    const h = n.data("hops");
    if (Number.isInteger(h) && !hops.has(n.id())) hops.set(n.id(), h);
  });
  const queue = [...hops.keys()].sort((a, b) => hops.get(a) - hops.get(b));
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const next of adj.get(id)) {
      if (hops.has(next)) continue;
      hops.set(next, hops.get(id) + 1);
      queue.push(next);
    }
  }
  // The parent of each entity: its first neighbour one hop nearer.
  const children = new Map(ids.map((id) => [id, []]));
  const roots = [];
  for (const id of ids) {
    const h = hops.get(id);
    const parent = h > 0 ? adj.get(id).find((p) => hops.get(p) === h - 1) : undefined;
    if (parent !== undefined) children.get(parent).push(id);
    else roots.push(id);
  }
  // Each subtree gets a wedge in proportion to its size.
  const weight = new Map();
  const weigh = (id) => {
    let w = 1;
    for (const c of children.get(id)) w += weigh(c);
    weight.set(id, w);
    return w;
  };
  roots.forEach(weigh);
  const perRing = new Map();
  for (const id of ids) {
    const h = hops.has(id) ? hops.get(id) : 0;
    perRing.set(h, (perRing.get(h) || 0) + 1);
  }
  const radius = new Map();
  let r = 0;
  const rings = [...perRing.keys()].sort((a, b) => a - b);
  for (const h of rings) {
    if (h > 0) r = Math.max(r + ringGap, (perRing.get(h) * nodeGap) / (2 * Math.PI));
    radius.set(h, r);
  }
  const pos = {};
  const place = (id, from, to) => {
    const h = hops.has(id) ? hops.get(id) : 0;
    const a = (from + to) / 2;
    pos[id] = { x: radius.get(h) * Math.cos(a), y: radius.get(h) * Math.sin(a) };
    let start = from;
    for (const c of children.get(id)) {
      const span = ((to - from) * weight.get(c)) / (weight.get(id) - 1);
      place(c, start, start + span);
      start += span;
    }
  };
  // The focus's tree takes the whole circle; entities not connected to it
  // are laid out as trees of their own on rings outside it.
  const main = roots.filter((id) => hops.get(id) === 0);
  const rest = roots.filter((id) => hops.get(id) !== 0);
  const total = main.reduce((s, id) => s + weight.get(id), 0) || 1;
  let start = 0;
  for (const id of main) {
    const span = (2 * Math.PI * weight.get(id)) / total;
    place(id, start, start + span);
    start += span;
  }
  const outer = r + ringGap;
  rest.forEach((id, i) => {
    const a = (2 * Math.PI * i) / rest.length;
    const sub = {};
    place(id, 0, 2 * Math.PI);
    // Shift this small tree to its place on the outer ring.
    const stack = [id];
    while (stack.length) {
      const x = stack.pop();
      sub[x] = true;
      stack.push(...children.get(x));
    }
    for (const x of Object.keys(sub)) {
      pos[x] = { x: pos[x].x * 0.3 + outer * Math.cos(a), y: pos[x].y * 0.3 + outer * Math.sin(a) };
    }
  });
  return pos;
}

// fitPositions sets the viewport of cy to show every position with padding,
// from the positions alone: cy.fit would first measure every label and
// edge, which costs more than the whole radial layout.
export function fitPositions(cy, pos, padding = 50) {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const id in pos) {
    const p = pos[id];
    x1 = Math.min(x1, p.x);
    x2 = Math.max(x2, p.x);
    y1 = Math.min(y1, p.y);
    y2 = Math.max(y2, p.y);
  }
  if (x1 === Infinity) return;
  const w = cy.width();
  const h = cy.height();
  const zoom = Math.min(cy.maxZoom(), 1.5, (w - 2 * padding) / (x2 - x1 || 1), (h - 2 * padding) / (y2 - y1 || 1));
  cy.viewport({ zoom, pan: { x: (w - zoom * (x1 + x2)) / 2, y: (h - zoom * (y1 + y2)) / 2 } });
}
