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
//     (Cypher dates, when set), and its evidence as parallel lists:
//     evidenceQuotes[i] is quoted from the document evidenceDocumentIds[i]
//     at the character offsets evidenceStarts[i] to evidenceEnds[i] (0, 0
//     when unknown; both lists are absent on relations written before
//     offsets were recorded).
//   - Every document is a node labelled :Document with the properties id,
//     title, text, publishedAt (a Cypher date), source and url.
//   - (:Document)-[:MENTIONS]->(:Entity) links every evidence document to
//     both ends of the relations it supports, to show provenance; deleting
//     a relation prunes the links it alone supported. A mention the
//     document records (newsgraph.Mention: every entity its article
//     listed) is such a link with listed = true and spans, a flat list
//     of offsets [start, end, start, end, ...] (newsgraph.Span); pruning
//     keeps it, deleting the entity removes it and a merge moves it to
//     the survivor. Traversals, counts
//     and relation queries only follow relationships between two :Entity
//     nodes, so MENTIONS links never appear as relations.
//   - Every id merged away (see MergeEntities) is a node (:Redirect {id,
//     into}) naming its survivor. Redirects are kept one hop deep: a merge
//     re-points the redirects into the entities it removes, so resolving an
//     id is one index lookup. Deleting a survivor deletes the redirects into
//     it, which frees those ids.
//   - Every merge leaves an audit record (:Merge {into, from, actor, at,
//     seq})-[:MERGED_INTO]->(:Entity): the survivor's id, the ids merged,
//     who asked, when (a Cypher datetime in UTC) and its rank among the
//     survivor's records. When the survivor is merged in turn, its records
//     are attached to the new survivor; their into stays as it was.
//     Deleting a survivor keeps its records, detached, as the audit trail.
//
// Traversals, counts, relation queries and searches only match :Entity
// nodes and relationships between two of them, so :Document, :Redirect and
// :Merge nodes, MENTIONS and MERGED_INTO links never appear in answers; a
// domain relation may itself be of type MENTIONS, since its ends tell it
// apart.
//
// Events' places and claims' claimants are kept as the properties placeId
// and claimantId, not as relationships, so that traversals see exactly the
// relations that were written. Deleting the entity they name removes them;
// merging it re-points them to the survivor.
//
// Relations' validity (validFrom, validTo) is compared with an AsOf date in
// Cypher: a relation matches when validFrom is absent or not after the date
// and validTo is absent or not before it (newsgraph.Relation.ValidOn).
//
// # Schema
//
// Open creates, if they do not exist:
//
//   - entity_id_unique: a uniqueness constraint on :Entity(id);
//   - document_id_unique: a uniqueness constraint on :Document(id);
//   - entity_kind: a range index on :Entity(kind);
//   - entity_place_id, entity_claimant_id: range indexes on
//     :Entity(placeId) and :Entity(claimantId), for deletes and merges;
//   - redirect_id_unique: a uniqueness constraint on :Redirect(id);
//   - redirect_into: a range index on :Redirect(into);
//   - merge_into: a range index on :Merge(into);
//   - entity_search: a full-text index on :Entity(searchKeys,
//     searchDescription) with the whitespace analyzer (the text is folded
//     in Go before it is stored). Search queries it by word prefixes;
//     EntitiesNamed, entity resolution's exact lookup, by a phrase on
//     searchKeys, keeping only entities with a key equal to the name.
//
// # Statements
//
// Every statement is a static file under queries/, embedded with go:embed
// and run with parameters only; no statement text is ever built from
// strings. Relation types and kind labels reach Cypher as dynamic types and
// labels ($(row.type), $(row.label), Cypher 5.26), and only after Go checked
// them: types with newsgraph.ValidRelationType, labels against the fixed
// list of kind labels. Each file's first line declares its parameters
// ("// params: ids"); the package's tests check the declarations against
// the statements and against the parameter maps the Go code passes, and
// .ci/cypherlint lints every file with Neo4j's Cypher front end.
//
// # Behaviour
//
// Reads run in managed read transactions, which a cluster serves from its
// readers; every write (Upsert, DeleteRelation, DeleteEntity,
// MergeEntities) runs in one managed write transaction, all or nothing: its
// checks and reads happen inside the transaction, and a domain error
// returned from it rolls everything back. Read-modify-writes lock first:
// relations take their write lock before their evidence is read, and a
// merge locks the survivor and the merged entities (in id order) before it
// reads them, so concurrent writers take turns instead of losing evidence
// or aliases. Every session shares the driver's bookmark manager, so reads
// see earlier writes. Transactions carry a server-side timeout (30 s for
// reads, 120 s for writes). A server that cannot be reached, a transient
// failure (such as a deadlock, which the driver retries first) or a timeout
// is a newsgraph Unavailable error. Search ranking, neighbourhood walks,
// path length limits, merge planning and the rewriting of merged ids in a
// batch are decided in Go with the root package's rules, so the store
// answers as the embedded store does.
package neo4j
