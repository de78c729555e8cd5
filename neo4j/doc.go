// Package neo4j is the production newsgraph.Store, over a Neo4j 5 database
// (5.26 LTS or later, Cypher 5) through the official Go driver. Every
// statement it runs is a static Cypher file under queries/ that takes
// parameters only; .ci/cypherlint lints them with Neo4j's own Cypher front
// end.
//
// # Graph model
//
// The graph is meant to read naturally in Neo4j Browser:
//
//   - Every entity is a node labelled :Entity and with the label of its kind:
//     :Person, :Organization, :Place, :LegalConcept, :Event or :Claim. Its
//     properties are id, kind, name, aliases, description, roles,
//     startDate and endDate (Cypher dates), placeId, jurisdiction,
//     claimText, claimantId, verdict and counterEvidence, each present only
//     when set, plus searchKeys (the folded name, aliases and initialisms,
//     one per line) and searchDescription (the folded description) for the
//     full-text index.
//   - Every relation is a relationship from its From entity to its To entity
//     whose type is the relation type itself (THREATENS, REJECTS, ...). Its
//     properties are id ("from|TYPE|to"), confidence, validFrom and validTo
//     (Cypher dates, when set), and its evidence as two parallel lists:
//     evidenceQuotes[i] is quoted from the document evidenceDocumentIds[i].
//   - Every document is a node labelled :Document with the properties id,
//     title, text, publishedAt (a Cypher date), source and url.
//   - (:Document)-[:MENTIONS]->(:Entity) links every evidence document to
//     both ends of the relations it supports, to show provenance. Traversals,
//     counts and relation queries only follow relationships between two
//     :Entity nodes, so MENTIONS links never appear as relations.
//
// Events' places and claims' claimants are kept as the properties placeId
// and claimantId, not as relationships, so that traversals see exactly the
// relations that were written.
//
// # Schema
//
// Open creates, if they do not exist:
//
//   - entity_id_unique: a uniqueness constraint on :Entity(id);
//   - document_id_unique: a uniqueness constraint on :Document(id);
//   - entity_kind: a range index on :Entity(kind);
//   - entity_search: a full-text index on :Entity(searchKeys,
//     searchDescription) with the whitespace analyzer (the text is folded
//     in Go before it is stored).
//
// # Statements
//
// Every statement is a static file under queries/, embedded with go:embed
// and run with parameters only; no statement text is ever built from
// strings. Relation types and kind labels reach Cypher as dynamic types and
// labels ($(row.type), $(row.label), Cypher 5.26), and only after Go checked
// them: types with newsgraph.ValidRelationType, labels against the fixed
// list of kind labels. Each file's first line declares its parameters
// ("// params: ids"); the package's tests check the declarations, and
// .ci/cypherlint lints every file with Neo4j's Cypher front end.
//
// # Behaviour
//
// Reads run in managed read transactions, which a cluster serves from its
// readers; writes run in one managed write transaction per Upsert, all or
// nothing. Every session shares the driver's bookmark manager, so reads see
// earlier writes. Transactions carry a server-side timeout (30 s for reads,
// 120 s for writes). A server that cannot be reached, a transient failure
// or a timeout is a newsgraph Unavailable error. Search ranking,
// neighbourhood walks and path length limits are decided in Go with the
// root package's rules, so the store answers as the embedded store does.
package neo4j
