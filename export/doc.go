// Package export writes the graph, or a neighbourhood of it, in the formats
// that graph tools read: GraphML (networkx, Gephi, yEd, Cytoscape desktop),
// GEXF 1.3 with time spells (Gephi's timeline, networkx), Cytoscape.js
// elements JSON, graphology's serialized JSON (sigma.js), and CSV node and
// edge tables (Gephi's spreadsheet importer, Neo4j's LOAD CSV). Entities are
// nodes and relations are edges.
//
// A Graph is what is exported: Open reads it from a store, either the whole
// graph (streamed page by page, so memory grows with the number of entities,
// not with the size of the graph's text) or the neighbourhood of an entity,
// filtered by relation types, entity kinds and a day. Every format writes
// nodes first, then edges, and reads the graph twice when it needs to.
//
// Node attributes: id, name, kind, aliases, description, degree (the
// entity's relations in the whole store, a self-loop once, whatever the
// filters), firstSeen (the earliest publication day of a document that
// mentions it). Edge attributes: id, source, target, type, confidence,
// status (ASSERTED or DISPUTED, as the GraphQL API says: newsgraph.DisputedBy),
// corroboration (distinct documents quoted), firstReported and lastReported
// (publication days of those documents), validFrom and validTo, and the
// evidence (quotes with their document ids). Formats without lists (GraphML,
// GEXF, CSV) carry aliases and evidence as JSON-encoded strings; absent
// values (an empty description, an unknown date) are left out.
//
// Handler serves the same exports over HTTP (GET /export), with the JSON
// Lines backup format (ingest.Export) besides.
package export
