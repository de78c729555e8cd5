// Loads a newsgraph Cytoscape.js or graphology export with the library itself
// and prints what it loaded.
//
// Usage: node read.mjs cytoscape|graphology FILE
//
// Prints one JSON object, {"reader", "directed", "nodes": {id: attrs},
// "edges": {id: {source, target, attrs}}}, which the Go test
// (export/readers_test.go) checks against the store.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// The version installed, read from its package.json (which the packages'
// exports maps do not expose to require).
const version = (name) =>
  JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, import.meta.url), "utf8")).version;
const [format, path] = process.argv.slice(2);
const doc = JSON.parse(readFileSync(path, "utf8"));
const out = { nodes: {}, edges: {} };

if (format === "graphology") {
  const Graph = require("graphology");
  const graph = Graph.from(doc);
  out.reader = "graphology " + version("graphology");
  out.directed = graph.type === "directed";
  out.multi = graph.multi;
  graph.forEachNode((key, attrs) => { out.nodes[key] = attrs; });
  graph.forEachEdge((key, attrs, source, target) => { out.edges[key] = { source, target, attrs }; });
} else if (format === "cytoscape") {
  const cytoscape = require("cytoscape");
  const cy = cytoscape({ headless: true, elements: doc.elements });
  out.reader = "cytoscape " + version("cytoscape");
  out.directed = true;
  cy.nodes().forEach((n) => { out.nodes[n.id()] = n.data(); });
  cy.edges().forEach((e) => {
    const d = e.data();
    out.edges[e.id()] = { source: d.source, target: d.target, attrs: d };
  });
} else {
  console.error("unknown format " + format);
  process.exit(2);
}
process.stdout.write(JSON.stringify(out));
