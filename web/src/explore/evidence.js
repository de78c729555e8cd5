// The evidence panel of a relation: every quote with its document (title,
// date, source, link), corroboration, first and last reported, status
// (DISPUTED shown plainly) and validity dates.
import { gql, relationQuery } from "./api.js";
import { h } from "./dom.js";

function row(label, value) {
  return [h("dt", {}, label), h("dd", {}, value ?? "—")];
}

export async function showEvidence(panel, edge) {
  const d = edge.data();
  panel.replaceChildren(h("p", { class: "muted" }, "Loading evidence…"));
  let rel;
  try {
    const data = await gql(relationQuery, { from: d.source, to: d.target, type: d.type });
    rel = data.relations.edges[0] && data.relations.edges[0].node;
  } catch (err) {
    panel.replaceChildren(h("p", { class: "error", role: "alert" }, "Could not load the evidence: " + err.message));
    return;
  }
  if (!rel) {
    panel.replaceChildren(h("p", { class: "error", role: "alert" }, "This relation no longer exists."));
    return;
  }
  const disputed = rel.status === "DISPUTED";
  const validity = rel.validFrom || rel.validTo ? `${rel.validFrom ?? "…"} to ${rel.validTo ?? "…"}` : "open (no dates recorded)";
  const quotes = rel.evidence.map((ev) => {
    const doc = ev.document;
    const title = doc.url
      ? h("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer" }, doc.title)
      : h("span", {}, doc.title);
    return h("li", { class: "quote" },
      h("blockquote", {}, "“" + ev.quote + "”"),
      h("p", { class: "source" }, title, " · ", doc.publishedAt ?? "undated", doc.source ? " · " + doc.source : ""),
    );
  });
  panel.replaceChildren(...[
    h("h2", { id: "edge-title" }, rel.from.name, " ", h("span", { class: "rtype" }, rel.type), " ", rel.to.name),
    h("p", { class: "status " + (disputed ? "disputed" : "asserted"), role: disputed ? "note" : null },
      disputed ? "⚠ DISPUTED: a claim at one end is contradicted elsewhere in the graph" : "ASSERTED: nothing in the graph contradicts it"),
    h("dl", { class: "facts" },
      row("Corroboration", `${rel.corroboration} document${rel.corroboration === 1 ? "" : "s"}`),
      row("Quotes", String(rel.evidenceCount)),
      row("First reported", rel.firstReported),
      row("Last reported", rel.lastReported),
      row("Valid", validity),
      row("Confidence", rel.confidence.toFixed(2)),
    ),
    h("h3", {}, "Evidence"),
    rel.evidenceCount > rel.evidence.length ? h("p", { class: "muted" }, `The first ${rel.evidence.length} of ${rel.evidenceCount} quotes.`) : null,
    h("ol", { class: "quotes" }, quotes),
  ].filter(Boolean));
}
