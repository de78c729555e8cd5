// How the explorer draws the graph: colour and shape by entity kind, node
// size by degree in the graph (the API's Entity.degree), edge labels by
// relation type, disputed relations dashed red, the path finder's results
// highlighted. A large view is drawn with the cheaper largeStylesheet.

// kinds lists every EntityKind with its label, colour and Cytoscape shape;
// the legend is built from it.
export const kinds = [
  { kind: "PERSON", label: "Person", color: "#3b6fb6", shape: "ellipse" },
  { kind: "ORGANIZATION", label: "Organisation", color: "#e07b1a", shape: "round-rectangle" },
  { kind: "PLACE", label: "Place", color: "#3d9a4b", shape: "triangle" },
  { kind: "LEGAL_CONCEPT", label: "Legal concept", color: "#8d5bb3", shape: "diamond" },
  { kind: "EVENT", label: "Event", color: "#c9a200", shape: "hexagon" },
  { kind: "CLAIM", label: "Claim", color: "#d0403f", shape: "round-tag" },
];

// nodeSize is the diameter of an entity of the given degree: logarithmic,
// so that a hub of thousands of relations is large but does not cover its
// neighbours.
export function nodeSize(degree) {
  return Math.round(Math.min(80, 24 + 9 * Math.log2(1 + Math.max(0, degree || 0))));
}

export const stylesheet = [
  {
    selector: "node",
    style: {
      label: "data(name)",
      "background-color": "#777",
      width: "data(size)",
      height: "data(size)",
      "font-size": 11,
      "font-family": "system-ui, sans-serif",
      color: "#1d232b",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "wrap",
      "text-max-width": "130px",
      // Labels too small to read are not drawn: large views stay fluid.
      "min-zoomed-font-size": 7,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.75,
      "text-background-padding": "1px",
      "border-width": 1,
      "border-color": "#ffffff",
    },
  },
  ...kinds.map((k) => ({
    selector: `node[kind = "${k.kind}"]`,
    style: { "background-color": k.color, shape: k.shape },
  })),
  { selector: "node.focus", style: { "border-width": 4, "border-color": "#111" } },
  { selector: "node:locked", style: { "border-width": 3, "border-style": "double", "border-color": "#333" } },
  { selector: "node:selected", style: { "overlay-color": "#1f6feb", "overlay-opacity": 0.25, "overlay-padding": 6 } },
  {
    selector: "edge",
    style: {
      width: "mapData(corroboration, 1, 5, 1.5, 5)",
      "line-color": "#9aa4b1",
      "target-arrow-color": "#9aa4b1",
      "target-arrow-shape": "triangle",
      "curve-style": "bezier",
      label: "data(type)",
      "font-size": 8,
      "font-family": "system-ui, sans-serif",
      color: "#44505e",
      "text-rotation": "autorotate",
      "min-zoomed-font-size": 7,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": "1px",
    },
  },
  {
    selector: 'edge[status = "DISPUTED"]',
    style: { "line-style": "dashed", "line-color": "#d0403f", "target-arrow-color": "#d0403f", color: "#b3261e" },
  },
  { selector: "edge:selected", style: { "line-color": "#1f6feb", "target-arrow-color": "#1f6feb", width: 4 } },
  { selector: "edge.path", style: { "line-color": "#f59e0b", "target-arrow-color": "#f59e0b", width: 4, "z-index": 10 } },
  { selector: "node.path", style: { "border-width": 4, "border-color": "#f59e0b" } },
  { selector: "edge.shortest", style: { "line-color": "#ea580c", "target-arrow-color": "#ea580c", width: 6 } },
  { selector: "node.shortest", style: { "border-color": "#ea580c", "border-width": 5 } },
  { selector: ".fresh", style: { "overlay-color": "#16a34a", "overlay-opacity": 0.35, "overlay-padding": 8 } },
  { selector: ".faded", style: { opacity: 0.25 } },
];

// largeStylesheet draws a large view (more than largeView entities)
// cheaply: straight edges without arrows or labels (haystack edges need no
// control points), labels only on the edges of a path or a selection.
// Drawing and hit-testing 2,000 bezier edges with rotated labels is most of
// the time a large view takes to appear.
export const largeStylesheet = [
  ...stylesheet,
  {
    selector: "edge",
    style: { "curve-style": "haystack", "haystack-radius": 0, "target-arrow-shape": "none", label: "", "line-opacity": 0.7 },
  },
  { selector: "edge:selected, edge.path", style: { label: "data(type)", "line-opacity": 1 } },
];

// largeView is the number of entities above which a view is large.
export const largeView = 200;
