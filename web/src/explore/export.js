// Exports of the current view: PNG (cy.png), Cytoscape JSON (cy.json) and
// GraphML, which Gephi, Cytoscape desktop, yEd and networkx read.

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function exportPNG(cy, base) {
  download(base + ".png", cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }));
}

export function exportJSON(cy, base) {
  const json = { format: "cytoscape.js", elements: cy.elements().jsons().map(({ group, data, position, classes }) => ({ group, data, position, classes })) };
  download(base + ".cyjs", new Blob([JSON.stringify(json, null, 2)], { type: "application/json" }));
}

function xml(s) {
  return String(s ?? "").replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
}

// graphML serializes the view's nodes and edges with their drawn
// attributes.
export function graphML(cy) {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="degree" for="node" attr.name="degree" attr.type="int"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="status" for="edge" attr.name="status" attr.type="string"/>',
    '  <key id="corroboration" for="edge" attr.name="corroboration" attr.type="int"/>',
    '  <graph id="newsgraph" edgedefault="directed">',
  ];
  cy.nodes().forEach((n) => {
    const d = n.data();
    out.push(`    <node id="${xml(d.id)}"><data key="name">${xml(d.name)}</data><data key="kind">${xml(d.kind)}</data><data key="degree">${n.degree(false)}</data></node>`);
  });
  cy.edges().forEach((e) => {
    const d = e.data();
    out.push(`    <edge id="${xml(d.id)}" source="${xml(d.source)}" target="${xml(d.target)}"><data key="type">${xml(d.type)}</data><data key="status">${xml(d.status)}</data><data key="corroboration">${d.corroboration ?? 1}</data></edge>`);
  });
  out.push("  </graph>", "</graphml>", "");
  return out.join("\n");
}

export function exportGraphML(cy, base) {
  download(base + ".graphml", new Blob([graphML(cy)], { type: "application/graphml+xml" }));
}
