#!/usr/bin/env bash
# bench/neo4j.sh prints the Neo4j section of BENCHMARKS.md (Markdown on
# standard output): the indexes the store expects and its hot queries, read
# from neo4j/queries/*.cypher so that the text never drifts from the code,
# with how to get their plans on a real database. bench/run.sh calls it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
q="$root/neo4j/queries"

cat <<'MD'
## Neo4j: expected indexes and hot queries

The store benchmarks run against Neo4j too when `NEO4J_URI` is set (they
empty that database: use a scratch one):

```sh
NEO4J_URI=bolt://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=... \
  NEWSGRAPH_BENCH_SIZES=10k,100k go test -run '^$' -bench BenchmarkStore ./neo4j/
```

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

The queries behind the load test's requests. A request of the frontend costs
one round trip per store call (the GraphQL layer batches each field into one
call), and the neighbourhood walk one round trip per level for all queries of
a batch.

| request | store call | query file |
| --- | --- | --- |
| entity by id, relation ends | `EntitiesByID` | `entities_by_id.cypher` |
| search | `Search` | `search_entities.cypher` |
| expand (neighbourhood) | `Neighborhoods` | `neighbors_of_frontier.cypher`, once per level |
| shortest path | `ShortestPath` | `shortest_path_undirected.cypher` |
| relation page with filters | `Relations` | `relations_around_entity.cypher` |
| evidence documents | `DocumentsByID` | `documents_by_id.cypher` |

To see a plan, run the query with `EXPLAIN` (the plan only) or `PROFILE`
(executes it and reports rows and db hits per operator) in `cypher-shell`
or the Neo4j Browser, after setting its parameters, for example:

```
:param id => 'person:claudia-sheinbaum'
:param ids => ['person:claudia-sheinbaum']
PROFILE UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e;
```

What to look for: lookups by id start with `NodeUniqueIndexSeek` on
`entity_id_unique` (never `NodeByLabelScan` or `AllNodesScan`); search starts
with the full-text procedure on `entity_search`; the neighbourhood and
relation-page queries start from an index seek on their anchor entity and
expand its relationships (`Expand(All)`), with db hits proportional to the
anchor's degree; the shortest path uses `StatefulShortestPath` from two index
seeks. `SHOW TRANSACTIONS` and the query log (`db.logs.query.threshold`) show
slow queries on a live cluster.

MD
for name in entities_by_id search_entities neighbors_of_frontier shortest_path_undirected relations_around_entity documents_by_id; do
  echo "#### \`$name.cypher\`"
  echo
  echo '```cypher'
  cat "$q/$name.cypher"
  echo '```'
  echo
done
