// Type definitions for @neo4j/graphql 7, generated from the relationship
// types of the live database, so that the schema covers exactly what
// newsgraph writes (see neo4j/doc.go for its graph model).

// Relationship types that are not relations between two entities:
// (:Document)-[:MENTIONS]->(:Entity) provenance links and
// (:Merge)-[:MERGED_INTO]->(:Entity) audit links.
export const NON_RELATION_TYPES = ["MENTIONS", "MERGED_INTO"];

// The statement behind Query.neighborhood: a breadth-first walk of depth 2
// from the entity $id over relations either way, keeping at most $limit
// entities (the root included). It follows newsgraph's walk rules
// (newsgraph.Traverser): a level's entities are taken in the order they are
// first reached (frontier position, then relation id), and the edges are the
// relations walked from the root and the depth-1 entities whose other end was
// kept. $limit is clamped to 1..500 (newsgraph's range). Plain Cypher 5, no
// APOC.
const NEIGHBORHOOD = `
MATCH (root:Entity {id: $id})
WITH root, CASE WHEN $limit < 1 THEN 1 WHEN $limit > 500 THEN 500 ELSE $limit END AS limit
CALL (root) {
  OPTIONAL MATCH (root)-[r]-(m:Entity) WHERE m <> root
  WITH m, min(r.id) AS first ORDER BY first
  RETURN collect(m) AS level1
}
WITH root, limit, level1, level1[0..limit - 1] AS kept1
CALL (root, level1, kept1, limit) {
  // Depth 2 can add entities only when depth 1 left room.
  UNWIND CASE WHEN size(level1) < limit THEN range(0, size(kept1) - 1) ELSE [] END AS i
  WITH kept1[i] AS f, i
  MATCH (f)-[r]-(m:Entity) WHERE m <> root AND NOT m IN kept1
  WITH m, i, min(r.id) AS first ORDER BY i, first
  WITH m, collect([i, first])[0] AS key ORDER BY key[0], key[1]
  RETURN collect(m) AS level2
}
WITH [root] + kept1 AS walked, 1 + size(level1) + size(level2) > limit AS truncated,
     [root] + kept1 + level2[0..limit - 1 - size(kept1)] AS nodes
CALL (walked, nodes) {
  UNWIND walked AS a
  MATCH (a)-[r]-(b:Entity) WHERE b IN nodes
  WITH DISTINCT r
  RETURN collect({id: r.id, type: type(r), fromId: startNode(r).id, toId: endNode(r).id}) AS edges
}
RETURN {
  truncated: truncated,
  nodes: [n IN nodes | n {.id, .name, .kind}],
  edges: edges
} AS result
`;

// The statement behind Query.shortestPath: one path with the fewest
// relations between $from and $to, either way, of at most 8 relations;
// null when there is none or an end is unknown.
const SHORTEST_PATH = `
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a)(()-[]-(:Entity)){0,8}(b)
RETURN {
  length: length(p),
  nodes: [n IN nodes(p) | n {.id, .name, .kind}],
  edges: [r IN relationships(p) | {id: r.id, type: type(r), fromId: startNode(r).id, toId: endNode(r).id}]
} AS result
`;

// relationTypes asks the database for its relationship types, relations
// only, sorted.
export async function relationTypes(driver, database) {
  const { records } = await driver.executeQuery(
    "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType",
    {},
    { database, routing: "READ" },
  );
  return records
    .map((r) => r.get("relationshipType"))
    .filter((t) => !NON_RELATION_TYPES.includes(t))
    .sort();
}

// A relation field is read-only and without aggregations: the peer only
// reads, and every extra generated input or type slows schema building.
const rel = (field, target, type, direction, properties) =>
  `  ${field}: [${target}!]! @relationship(type: "${type}", direction: ${direction}` +
  `${properties ? `, properties: "${properties}"` : ""}, nestedOperations: [], aggregate: false)`;

// typeDefs returns the SDL for the given relation types.
export function typeDefs(types) {
  const relations = types.flatMap((t) => [
    rel(`out_${t}`, "Entity", t, "OUT", "Relation"),
    rel(`in_${t}`, "Entity", t, "IN", "Relation"),
  ]);
  return `
# Read-only: no create, update or delete mutations.
extend schema @mutation(operations: [])

enum EntityKind { PERSON ORGANIZATION PLACE LEGAL_CONCEPT EVENT CLAIM }

type Entity @node(labels: ["Entity"])
  @fulltext(indexes: [{ indexName: "entity_search", queryName: "searchEntities", fields: ["searchKeys", "searchDescription"] }]) {
  id: ID!
  kind: EntityKind!
  name: String!
  aliases: [String!]
  description: String
  roles: [String!]
  startDate: Date
  endDate: Date
  placeId: String
  jurisdiction: String
  claimText: String
  claimantId: String
  verdict: String
  counterEvidence: String
  searchKeys: String
  searchDescription: String
${relations.join("\n")}
${rel("mentionedIn", "Document", "MENTIONS", "IN")}
}

# The properties of every relation, whatever its type.
type Relation @relationshipProperties {
  id: ID!
  confidence: Float!
  validFrom: Date
  validTo: Date
  evidenceQuotes: [String!]!
  evidenceDocumentIds: [String!]!
}

type Document @node(labels: ["Document"]) {
  id: ID!
  title: String!
  text: String!
  publishedAt: Date
  source: String
  url: String
${rel("mentions", "Entity", "MENTIONS", "OUT")}
}

# What @cypher fields return, ready to draw: edges name their ends by id.
type GraphNode { id: ID!, name: String!, kind: EntityKind! }
type GraphEdge { id: ID!, type: String!, fromId: ID!, toId: ID! }
type Subgraph { nodes: [GraphNode!]!, edges: [GraphEdge!]!, truncated: Boolean! }
type Path { length: Int!, nodes: [GraphNode!]!, edges: [GraphEdge!]! }

type Query {
  "Entities and relations within 2 relations of an entity, at most limit entities; null for an unknown id."
  neighborhood(id: ID!, limit: Int! = 100): Subgraph
    @cypher(columnName: "result", statement: """${NEIGHBORHOOD}""")
  "A shortest path (at most 8 relations, either way) between two entities; null when there is none."
  shortestPath(from: ID!, to: ID!): Path
    @cypher(columnName: "result", statement: """${SHORTEST_PATH}""")
}
`;
}
