// The explorer at /explore: a client of the public API (neighbourhoods from
// GET /v1/subgraph, the rest from GraphQL) that draws them with
// Cytoscape.js and the fcose layout. Search and focus an
// entity, expand, pin and remove nodes, undo, read the evidence of an edge,
// find paths, go back in time with asOf, and watch graphChanged add new
// relations live. The URL holds the state (see state.js).
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import "./explore.css";
import { gql, subgraph, subscribe, apiKey, authCodes, entityQuery, pathsQuery, changesSubscription } from "./explore/api.js";
import { attachKeyForm, authMessage } from "./explore/key.js";
import { stylesheet, largeStylesheet, largeView, nodeSize, kinds } from "./explore/style.js";
import { radialPositions, fitPositions } from "./explore/radial.js";
import { readURL, writeURL } from "./explore/state.js";
import { attachSuggest } from "./explore/suggest.js";
import { showEvidence } from "./explore/evidence.js";
import { exportPNG, exportJSON, exportGraphML } from "./explore/export.js";
import { h } from "./explore/dom.js";

cytoscape.use(fcose);

const $ = (id) => document.getElementById(id);
const kindInfo = Object.fromEntries(kinds.map((k) => [k.kind, k]));
let state = readURL();
const undoStack = [];

const cy = cytoscape({
  container: $("cy"),
  style: stylesheet,
  wheelSensitivity: 0.3,
  minZoom: 0.05,
  maxZoom: 4,
  boxSelectionEnabled: false,
  // While panning and zooming, draw a cached texture and no edges: large
  // views stay smooth.
  textureOnViewport: false,
  hideEdgesOnViewport: true,
});
// For the browser tests, the benchmark and the curious: the Cytoscape
// instance, and focus(id), which draws an entity's neighbourhood and
// resolves when it is drawn.
window.newsgraphExplorer = { cy, focus: (id) => focus(id) };

// large is whether the view is drawn with the large stylesheet.
let large = false;

// setLarge switches to the cheaper stylesheet when a view of n entities is
// large, and back; before elements are added, so that their style is
// computed once.
function setLarge(n) {
  if (n > largeView === large) return;
  large = n > largeView;
  cy.style(large ? largeStylesheet : stylesheet);
}

// ---- status line ----

function setStatus(text, isError = false) {
  const el = $("status");
  el.textContent = text;
  el.classList.toggle("error", isError);
  el.setAttribute("role", isError ? "alert" : "status");
}

// failed reports an error of the API in the status line: a missing or
// refused key says so and what to do.
function failed(what, err) {
  setStatus(authCodes.includes(err.code) ? authMessage(err, Boolean(apiKey())) : `${what}: ${err.message}`, true);
}

function summarize(extra = "") {
  const n = cy.nodes().length;
  const e = cy.edges().length;
  $("empty").hidden = n > 0;
  setStatus(`${n} entities, ${e} relations in view${state.asOf ? ` as of ${state.asOf}` : ""}${extra}`);
}

// ---- building the view ----

// nodeData is an entity's element data: its size comes from its degree
// in the graph, and hops (its distance from the focus, when known) places
// it in a large view.
function nodeData(n, hops) {
  const degree = n.degree ?? 1;
  const d = { id: n.id, name: n.name, kind: n.kind, degree, size: nodeSize(degree) };
  if (hops !== undefined) d.hops = hops;
  return d;
}

function edgeData(e) {
  return { id: e.id, source: e.fromId, target: e.toId, type: e.type, status: e.status, corroboration: e.corroboration ?? 1 };
}

// merge adds nodes and edges to the view, skipping removed entities and
// what is already drawn, and places new nodes next to near, if given; hops,
// if given, is parallel to nodes (Subgraph.hops). It returns the elements
// added.
function merge(nodes, edges, near, hops) {
  const hidden = new Set(state.hide);
  const center = near && cy.getElementById(near).nonempty() ? cy.getElementById(near).position() : null;
  const add = [];
  // cy.hasElementWithId, not getElementById: a collection per lookup is
  // most of the time a large merge takes.
  const has = (id) => cy.hasElementWithId(id);
  nodes.forEach((n, i) => {
    if (hidden.has(n.id)) return;
    if (has(n.id)) {
      const d = { name: n.name, kind: n.kind };
      if (n.degree !== undefined) Object.assign(d, { degree: n.degree, size: nodeSize(n.degree) });
      cy.getElementById(n.id).data(d);
      return;
    }
    const el = { group: "nodes", data: nodeData(n, hops && hops[i]) };
    if (center) el.position = { x: center.x + (Math.random() - 0.5) * 120, y: center.y + (Math.random() - 0.5) * 120 };
    add.push(el);
  });
  setLarge(cy.nodes().length + add.length);
  const added = cy.add(add);
  const addEdges = [];
  for (const e of edges) {
    if (hidden.has(e.fromId) || hidden.has(e.toId)) continue;
    if (has(e.id)) {
      cy.getElementById(e.id).data({ status: e.status, corroboration: e.corroboration ?? 1 });
      continue;
    }
    if (!has(e.fromId) || !has(e.toId)) continue;
    addEdges.push({ group: "edges", data: edgeData(e) });
  }
  return added.union(cy.add(addEdges));
}

// refreshView marks the focus and the pinned entities and lists the view.
function refreshView() {
  // Only the nodes that have the class: touching every node restyles it.
  cy.nodes(".focus").removeClass("focus");
  if (state.focus) cy.getElementById(state.focus).addClass("focus");
  state.pin.forEach((id) => cy.getElementById(id).lock());
  renderList();
}

let layoutRunning = null;
// layout places the view: a large one on rings by hops from the focus
// (radial.js: a few milliseconds for 500 entities, where fcose takes most of
// a second), a small one with fcose, animated from where the nodes are
// unless randomize.
function layout(randomize = false) {
  if (layoutRunning) layoutRunning.stop();
  layoutRunning = null;
  if (cy.nodes().length === 0) return Promise.resolve();
  setLarge(cy.nodes().length);
  if (large) {
    const pos = radialPositions(cy, state.focus);
    cy.batch(() => cy.nodes().forEach((n) => {
      if (!n.locked()) n.position(pos[n.id()]);
    }));
    fitPositions(cy, pos);
    return Promise.resolve();
  }
  layoutRunning = cy.layout({
    name: "fcose",
    quality: "default",
    randomize,
    animate: !randomize,
    animationDuration: 400,
    fit: true,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: 110,
    nodeRepulsion: 9000,
  });
  const done = layoutRunning.promiseOn("layoutstop");
  layoutRunning.run();
  return done;
}

function filterVars() {
  return {
    depth: state.depth,
    direction: state.direction,
    types: state.types.length ? state.types : null,
    kinds: state.kinds.length ? state.kinds : null,
    limit: state.limit,
    asOf: state.asOf || null,
  };
}

// loadNeighborhood reads the neighbourhood of id, depth hops out, under
// the view's filters.
function loadNeighborhood(id, depth) {
  return subgraph(id, { ...filterVars(), depth });
}

// snapshot records the view for undo before a change.
function snapshot() {
  undoStack.push({ state: structuredClone(state), elements: cy.elements().jsons() });
  if (undoStack.length > 50) undoStack.shift();
  $("undo").disabled = false;
}

function undo() {
  const prev = undoStack.pop();
  $("undo").disabled = undoStack.length === 0;
  if (!prev) return;
  state = prev.state;
  cy.elements().remove();
  setLarge(prev.elements.filter((e) => e.group === "nodes").length);
  cy.add(prev.elements);
  syncControls();
  writeURL(state);
  refreshView();
  summarize(" (undone)");
}

// rebuild draws the whole view from the state: the focus, the expanded
// nodes, the path, for a new focus, new filters or a new as-of date.
async function rebuild() {
  cy.elements().remove();
  writeURL(state);
  if (!state.focus) {
    summarize();
    return;
  }
  setStatus("Loading…");
  try {
    performance.mark("newsgraph:fetch");
    const root = await loadNeighborhood(state.focus, state.depth);
    performance.measure("newsgraph:fetch", "newsgraph:fetch");
    merge(root.nodes, root.edges, undefined, root.hops);
    let truncated = root.truncated;
    for (const id of state.expand) {
      if (cy.getElementById(id).empty()) continue;
      const sub = await loadNeighborhood(id, 1);
      merge(sub.nodes, sub.edges, id);
      truncated ||= sub.truncated;
    }
    if (state.from && state.to) await findPaths(false);
    refreshView();
    await layout(true);
    summarize(truncated ? " (truncated: raise the limit to see more)" : "");
  } catch (err) {
    failed("Could not load the neighbourhood", err);
  }
}

async function focus(id) {
  snapshot();
  state.focus = id;
  state.expand = [];
  state.hide = [];
  state.pin = [];
  closePanels();
  await rebuild();
  const node = cy.getElementById(id);
  if (node.nonempty()) showNode(node);
}

async function expand(node) {
  const id = node.id();
  snapshot();
  setStatus(`Expanding ${node.data("name")}…`);
  try {
    const sub = await loadNeighborhood(id, 1);
    const added = merge(sub.nodes, sub.edges, id);
    if (!state.expand.includes(id) && id !== state.focus) state.expand.push(id);
    writeURL(state);
    refreshView();
    if (added.nodes().length) await layout(false);
    summarize(added.length ? ` (+${added.nodes().length} entities, +${added.edges().length} relations)` : " (nothing new)");
  } catch (err) {
    failed("Could not expand", err);
  }
}

function removeNode(node) {
  snapshot();
  const id = node.id();
  state.hide = [...new Set([...state.hide, id])];
  state.expand = state.expand.filter((x) => x !== id);
  state.pin = state.pin.filter((x) => x !== id);
  node.remove();
  closePanels();
  writeURL(state);
  refreshView();
  summarize();
}

function togglePin(node) {
  snapshot();
  if (node.locked()) {
    node.unlock();
    state.pin = state.pin.filter((x) => x !== node.id());
  } else {
    node.lock();
    state.pin = [...new Set([...state.pin, node.id()])];
  }
  writeURL(state);
  showNode(node);
}

// ---- panels ----

const panels = ["node-panel", "edge-panel", "path-panel"];

function openPanel(id) {
  $(id).hidden = false;
}

function closePanels() {
  for (const p of panels) $(p).hidden = true;
  cy.elements().unselect();
}

function kindBadge(kind) {
  const k = kindInfo[kind] || { label: kind, color: "#777" };
  const b = h("span", { class: "kind" }, k.label);
  b.style.background = k.color;
  return b;
}

function dot(kind) {
  const d = h("span", { class: "dot", "aria-hidden": "true" });
  d.style.background = (kindInfo[kind] || { color: "#777" }).color;
  return d;
}

async function showNode(node) {
  const panel = $("node-panel");
  const content = panel.querySelector(".content");
  const d = node.data();
  const edges = node.connectedEdges();
  content.replaceChildren(
    h("h2", { id: "node-title" }, d.name, " ", kindBadge(d.kind)),
    h("p", { class: "muted" }, d.id),
    h("p", { class: "desc" }),
    h("div", { class: "node-actions" },
      h("button", { type: "button", onclick: () => expand(node) }, "Expand"),
      h("button", { type: "button", onclick: () => focus(d.id) }, "Focus"),
      h("button", { type: "button", "aria-pressed": String(node.locked()), onclick: () => togglePin(node) }, node.locked() ? "Unpin" : "Pin"),
      h("button", { type: "button", onclick: () => removeNode(node) }, "Remove"),
      h("button", { type: "button", onclick: () => startPath(d.id) }, "Path from here"),
    ),
    h("h3", {}, `Relations in view (${edges.length})`),
    h("ul", { class: "edge-list" }, edges.map((e) => {
      const other = e.source().id() === d.id ? e.target() : e.source();
      const arrow = e.source().id() === d.id ? "→" : "←";
      return h("li", {}, h("button", { type: "button", onclick: () => selectEdge(e) },
        h("span", { class: "rtype" }, e.data("type")), ` ${arrow} ${other.data("name")}`,
        e.data("status") === "DISPUTED" ? " (disputed)" : ""));
    })),
  );
  openPanel("node-panel");
  try {
    const data = await gql(entityQuery, { id: d.id });
    const ent = data.entity;
    if (ent) {
      const desc = content.querySelector(".desc");
      desc.textContent = ent.description || "";
      if (ent.aliases.length) desc.append(h("br"), h("span", { class: "muted" }, "Also: " + ent.aliases.join(", ")));
      desc.append(h("br"), h("span", { class: "muted" }, `${ent.degree} relations in the graph${ent.firstSeen ? `, first seen ${ent.firstSeen}` : ""}`));
    }
  } catch {
    // The panel works without the details.
  }
}

function selectEdge(edge) {
  cy.elements().unselect();
  edge.select();
  openPanel("edge-panel");
  const panel = $("edge-panel");
  showEvidence(panel.querySelector(".content"), edge).then(() => panel.focus());
}

function renderList() {
  const items = cy.nodes().sort((a, b) => a.data("name").localeCompare(b.data("name"))).slice(0, 300).map((n) =>
    h("li", {}, h("button", { type: "button", onclick: () => { cy.elements().unselect(); n.select(); showNode(n); } },
      dot(n.data("kind")), n.data("name"))));
  $("node-list").replaceChildren(...items);
  $("list-title").textContent = `In view (${cy.nodes().length})`;
}

// ---- path finder ----

function startPath(fromId) {
  const node = cy.getElementById(fromId);
  $("path-from").value = node.nonempty() ? node.data("name") : fromId;
  $("path-from").dataset.id = fromId;
  openPanel("path-panel");
  $("path-to").focus();
}

function highlight(paths, index) {
  cy.elements().removeClass("path shortest faded");
  const chosen = index === undefined ? paths : [paths[index]];
  chosen.forEach((p, i) => {
    const cls = index === undefined && i === 0 ? "path shortest" : "path";
    p.nodes.forEach((n) => cy.getElementById(n.id).addClass(cls));
    p.edges.forEach((e) => cy.getElementById(e.id).addClass(cls));
  });
}

// pathText spells a path out with its relation types: A —TOLD→ B ←LEADS— C.
function pathText(p) {
  let text = p.nodes[0].name;
  p.edges.forEach((e, i) => {
    const forward = e.fromId === p.nodes[i].id;
    text += forward ? ` —${e.type}→ ` : ` ←${e.type}— `;
    text += p.nodes[i + 1].name;
  });
  return text;
}

// findPaths finds and highlights the paths of state.from and state.to;
// record lays out and reports what it added (the caller took the snapshot
// for undo before it changed the state).
async function findPaths(record = true) {
  writeURL(state);
  const results = $("path-results");
  results.replaceChildren(h("li", { class: "muted" }, "Searching…"));
  let data;
  try {
    data = await gql(pathsQuery, { from: state.from, to: state.to, k: state.k, maxDepth: 6, asOf: state.asOf || null });
  } catch (err) {
    results.replaceChildren(h("li", { class: "error", role: "alert" }, err.message));
    return;
  }
  const paths = [];
  if (data.shortestPath) paths.push(data.shortestPath);
  for (const p of data.paths) {
    const key = p.edges.map((e) => e.id).join();
    if (!paths.some((q) => q.edges.map((e) => e.id).join() === key)) paths.push(p);
  }
  if (paths.length === 0) {
    results.replaceChildren(h("li", { class: "muted" }, "Not connected within 6 relations."));
    return;
  }
  state.hide = state.hide.filter((id) => !paths.some((p) => p.nodes.some((n) => n.id === id)));
  let added = cy.collection();
  for (const p of paths) added = added.union(merge(p.nodes, p.edges));
  highlight(paths);
  results.replaceChildren(...paths.map((p, i) => h("li", {},
    h("button", { type: "button", onclick: () => highlight(paths, i) },
      h("strong", {}, i === 0 ? `Shortest, ${p.length}: ` : `${p.length}: `),
      pathText(p)))));
  if (record) {
    refreshView();
    if (added.nodes().length) await layout(false);
    summarize(` (${paths.length} path${paths.length === 1 ? "" : "s"})`);
  }
}

// ---- live updates ----

// passesFilters reports whether a relation announced by graphChanged
// belongs in the view under its filters and as-of date.
function passesFilters(r) {
  if (state.types.length && !state.types.includes(r.type)) return false;
  if (state.kinds.length && !(state.kinds.includes(r.from.kind) && state.kinds.includes(r.to.kind))) return false;
  if (state.asOf && ((r.validFrom && r.validFrom > state.asOf) || (r.validTo && r.validTo < state.asOf))) return false;
  return !state.hide.includes(r.fromId) && !state.hide.includes(r.toId);
}

function applyChange(c) {
  const r = c.relation;
  switch (c.kind) {
    case "RELATION_CREATED":
    case "RELATION_CORROBORATED": {
      if (!r || !passesFilters(r)) return;
      const inView = cy.getElementById(r.fromId).nonempty() || cy.getElementById(r.toId).nonempty();
      if (!inView) return;
      const near = cy.getElementById(r.fromId).nonempty() ? r.fromId : r.toId;
      const added = merge([r.from, r.to], [r], near);
      refreshView();
      if (added.length) {
        added.addClass("fresh");
        setTimeout(() => added.removeClass("fresh"), 4000);
        layout(false);
        summarize(` (live: ${r.type} added)`);
      }
      return;
    }
    case "RELATION_DELETED":
      if (r) cy.getElementById(r.id).remove();
      break;
    case "ENTITY_UPDATED":
      if (c.entity) cy.getElementById(c.entity.id).data({ name: c.entity.name, kind: c.entity.kind });
      break;
    case "ENTITY_DELETED":
      if (c.entity) cy.getElementById(c.entity.id).remove();
      c.ids.forEach((id) => cy.getElementById(id).remove());
      break;
    case "ENTITIES_MERGED": {
      const gone = c.ids.filter((id) => cy.getElementById(id).nonempty());
      gone.forEach((id) => cy.getElementById(id).remove());
      if (gone.length && c.entity && cy.getElementById(c.entity.id).empty()) merge([c.entity], []);
      break;
    }
    default:
      return;
  }
  refreshView();
  summarize();
}

// stopLive ends the graphChanged subscription that startLive began; live
// counts the subscriptions begun, so that a replaced one's last news is
// ignored.
let stopLive = () => {};
let live = 0;

function startLive() {
  stopLive();
  const mine = ++live;
  let lost = false;
  stopLive = subscribe(changesSubscription, {}, (data) => applyChange(data.graphChanged), (status) => {
    if (mine !== live) return;
    // Changes made while the connection was down are not replayed: redraw.
    if (status === "live" && lost) rebuild();
    lost = status !== "live";
    const el = $("live");
    el.classList.toggle("on", status === "live");
    el.textContent = status === "live" ? "live" : status === "reconnecting" ? "reconnecting…" : "live updates ended";
  });
}

// ---- controls ----

const dayMs = 86400000;
const sliderStart = Date.UTC(2000, 0, 1);
const today = Math.floor(Date.now() / dayMs);
const sliderDays = today - sliderStart / dayMs + 1; // the last step is "all dates"

function dayToDate(day) {
  return new Date(sliderStart + day * dayMs).toISOString().slice(0, 10);
}

function dateToDay(date) {
  return Math.round((Date.parse(date + "T00:00:00Z") - sliderStart) / dayMs);
}

function syncControls() {
  $("depth").value = String(state.depth);
  $("direction").value = state.direction;
  $("limit").value = String(state.limit);
  $("types").value = state.types.join(",");
  for (const box of $("kinds").querySelectorAll("input")) box.checked = state.kinds.includes(box.value);
  const range = $("asof-range");
  range.min = "0";
  range.max = String(sliderDays);
  range.value = String(state.asOf ? Math.min(Math.max(dateToDay(state.asOf), 0), sliderDays - 1) : sliderDays);
  $("asof-date").value = state.asOf;
  $("asof-label").textContent = state.asOf || "all dates";
  range.setAttribute("aria-valuetext", state.asOf || "all dates");
  $("path-k").value = String(state.k);
}

function setAsOf(date) {
  if (date === state.asOf) return;
  snapshot();
  state.asOf = date;
  syncControls();
  rebuild();
}

function setup() {
  $("kinds").append(...kinds.map((k) => h("label", {}, h("input", { type: "checkbox", value: k.kind }), " ", k.label)));
  $("legend").append(
    ...kinds.map((k) => {
      const s = h("span", { class: "swatch", "aria-hidden": "true" });
      s.style.background = k.color;
      return h("li", {}, s, k.label);
    }),
    h("li", {}, h("span", { class: "disputed-swatch", "aria-hidden": "true" }), "disputed relation"),
  );
  syncControls();

  attachSuggest($("q"), $("suggest"), (ent) => focus(ent.id));
  // A new key redraws the view and reconnects the live updates with it.
  attachKeyForm(() => {
    rebuild();
    startLive();
  });
  attachSuggest($("path-from"), $("path-from-suggest"), () => {});
  attachSuggest($("path-to"), $("path-to-suggest"), () => {});

  const onFilter = () => {
    snapshot();
    state.depth = Number($("depth").value);
    state.direction = $("direction").value;
    state.limit = Math.min(Math.max(Number($("limit").value) || 100, 1), 500);
    state.types = $("types").value.split(",").map((t) => t.trim().toUpperCase()).filter(Boolean);
    state.kinds = [...$("kinds").querySelectorAll("input:checked")].map((b) => b.value);
    rebuild();
  };
  $("filters").addEventListener("change", onFilter);
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    onFilter();
  });

  const range = $("asof-range");
  range.addEventListener("input", () => {
    const v = Number(range.value);
    $("asof-label").textContent = v >= sliderDays ? "all dates" : dayToDate(v);
  });
  range.addEventListener("change", () => {
    const v = Number(range.value);
    setAsOf(v >= sliderDays ? "" : dayToDate(v));
  });
  $("asof-date").addEventListener("change", () => setAsOf($("asof-date").value));

  $("undo").disabled = true;
  $("undo").addEventListener("click", undo);
  $("fit").addEventListener("click", () => cy.fit(undefined, 40));
  $("relayout").addEventListener("click", () => layout(true));
  $("paths-open").addEventListener("click", () => {
    if (state.focus && !$("path-from").value) startPath(state.focus);
    else {
      openPanel("path-panel");
      $("path-from").focus();
    }
  });
  const base = () => "newsgraph-" + (state.focus || "view").replace(/[^a-z0-9-]+/gi, "-");
  const closeMenu = () => document.querySelector(".export-menu").removeAttribute("open");
  $("export-png").addEventListener("click", () => { exportPNG(cy, base()); closeMenu(); });
  $("export-json").addEventListener("click", () => { exportJSON(cy, base()); closeMenu(); });
  $("export-graphml").addEventListener("click", () => { exportGraphML(cy, base()); closeMenu(); });

  $("path-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const from = $("path-from").dataset.id || $("path-from").value.trim();
    const to = $("path-to").dataset.id || $("path-to").value.trim();
    if (!from || !to) return;
    snapshot();
    state.from = from;
    state.to = to;
    state.k = Math.min(Math.max(Number($("path-k").value) || 3, 1), 50);
    findPaths(true);
  });

  for (const p of panels) {
    $(p).querySelector(".close").addEventListener("click", () => {
      $(p).hidden = true;
      if (p === "path-panel") {
        cy.elements().removeClass("path shortest");
        state.from = state.to = "";
        writeURL(state);
      }
    });
  }
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      for (const d of document.querySelectorAll("details[open]")) d.removeAttribute("open");
      const open = panels.filter((p) => !$(p).hidden);
      if (open.length) {
        closePanels();
        $("q").focus();
      }
    } else if ((e.ctrlKey || e.metaKey) && e.key === "z" && !(e.target instanceof HTMLInputElement)) {
      e.preventDefault();
      undo();
    }
  });

  cy.on("tap", "node", (e) => {
    $("edge-panel").hidden = true;
    showNode(e.target);
    expand(e.target);
  });
  cy.on("tap", "edge", (e) => selectEdge(e.target));
  cy.on("tap", (e) => {
    if (e.target === cy) cy.elements().removeClass("path shortest");
  });

  if (state.from && state.to) {
    $("path-from").value = state.from;
    $("path-from").dataset.id = state.from;
    $("path-to").value = state.to;
    $("path-to").dataset.id = state.to;
    $("path-panel").hidden = false;
  }
  rebuild().then(() => {
    const n = cy.getElementById(state.focus);
    if (n.nonempty()) showNode(n);
  });
  startLive();
}

setup();
