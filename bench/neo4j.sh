#!/usr/bin/env bash
# bench/neo4j.sh prints the static part of BENCHMARKS.md's Neo4j section
# (Markdown on standard output): the indexes the store expects and its hot
# queries, read from neo4j/queries/*.cypher so that the text never drifts
# from the code. bench/run.sh calls it after the plans it got from the server.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
q="$root/neo4j/queries"

cat <<'MD'
### Indexes

`neo4j.Open` creates these (each `IF NOT EXISTS`) and waits for them to be
online. Check them with `SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state`:
every one should be `ONLINE`.

MD
for f in "$q"/schema_*.cypher; do
  echo "- \`$(basename "$f" .cypher)\`:"
  echo
  echo '  ```cypher'
  grep -v '^//' "$f" | sed 's/^/  /'
  echo '  ```'
done

cat <<'MD'

### Hot queries

The statements behind the load test's requests. A request of the frontend
costs one round trip per store call (the GraphQL layer batches each field
into one call); a neighbourhood walk costs one round trip per level for all
queries of a batch, and one more that reads the kept subgraph whole.

| request | store call | query file |
| --- | --- | --- |
| entity by id, relation ends | `EntitiesByID` | `entities_by_id_resolved.cypher` |
| search | `Search` | `search_entities.cypher` |
| expand (neighbourhood) | `Neighborhoods` | `neighbors_of_frontier.cypher` once per level, then `subgraph_elements.cypher` |
| shortest path | `ShortestPath` | `shortest_path_undirected.cypher` |
| relation page with filters | `Relations` | `relations_around_entity.cypher` |
| evidence documents | `DocumentsByID` | `documents_by_id.cypher` |

A relation page filtered by type only (`relations(filter: {types: [...]})`)
runs `relations_scan.cypher`, which reads every relation: a dynamic
relationship type (`type(r) IN $types`) cannot use the type lookup index,
and no index orders relationships by id, so its cost grows with the graph.
Anchor such a page on an entity or a document where you can.

To see a plan yourself, run the query with `EXPLAIN` (the plan only) or
`PROFILE` in `cypher-shell` or Neo4j Browser after setting its parameters;
`SHOW TRANSACTIONS` shows slow queries on a live server.

MD
for name in entities_by_id_resolved search_entities neighbors_of_frontier subgraph_elements shortest_path_undirected relations_around_entity documents_by_id; do
  echo "#### \`$name.cypher\`"
  echo
  echo '```cypher'
  cat "$q/$name.cypher"
  echo '```'
  echo
done
