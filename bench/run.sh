#!/usr/bin/env bash
# bench/run.sh regenerates BENCHMARKS.md: the machine, the commands, the Go
# benchmarks summarised by benchstat (medians), the load test's tables, and
# Neo4j beside the embedded store: the store benchmarks on both, the load test
# against newsgraph serve on Neo4j, the PROFILE plans of the hot queries from
# the real server, and newsgraph beside the Neo4j GraphQL Library
# (bench/peer) and the Go driver. Run it alone on an idle machine, from
# anywhere:
#
#   bench/run.sh
#
# Settings (environment):
#   SIZES       graph sizes of the store benchmarks      (10k,100k,1m)
#   COUNT       runs of each Go benchmark, for medians   (6: benchstat needs 6 for a confidence interval)
#   COUNT_1M    runs of the 1m store benchmarks          (3: each imports 1M relations twice)
#   BENCHTIME   -benchtime of each run                   (1s)
#   RELATIONS   relations of the load test's graph and of the timed CLI import (1000000)
#   IMPORTS     timed runs of newsgraph import, for the median (3)
#   LOAD_FLAGS  extra flags of newsgraph-load            (none)
#   OUT         the file written                         (BENCHMARKS.md at the repository root)
#   NEO4J_SIZES      sizes of the store benchmarks on Neo4j    (10k,100k)
#   COUNT_NEO4J      runs of each store benchmark on Neo4j     (3)
#   NEO4J_RELATIONS  relations of the Neo4j load test, plans and comparison (100000)
#   RAW              a directory to keep the raw outputs in (bench.txt, ... for benchstat later) (none)
# It starts a Neo4j 5.26 of its own with neo4j/server/neo4j-local (Java 17
# and Maven) and stops it at the end; with NEO4J_URI set (and NEO4J_USER,
# NEO4J_PASSWORD) it uses that database instead, and empties it: never
# point it at a database you need. The comparison needs Node.js and npm.
#
# It stops at the first failure, says which step failed, and leaves the
# previous BENCHMARKS.md untouched.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
SIZES=${SIZES:-10k,100k,1m}
COUNT=${COUNT:-6}
COUNT_1M=${COUNT_1M:-3}
BENCHTIME=${BENCHTIME:-1s}
RELATIONS=${RELATIONS:-1000000}
LOAD_FLAGS=${LOAD_FLAGS:-}
IMPORTS=${IMPORTS:-3}
OUT=${OUT:-$root/BENCHMARKS.md}
NEO4J_SIZES=${NEO4J_SIZES:-10k,100k}
COUNT_NEO4J=${COUNT_NEO4J:-3}
NEO4J_RELATIONS=${NEO4J_RELATIONS:-100000}
# benchstat, pinned: golang.org/x/perf has no tagged releases.
BENCHSTAT=golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da

work=$(mktemp -d)
own_neo4j=""
cleanup() {
  if [[ -n "$own_neo4j" ]]; then "$root/neo4j/server/neo4j-local" stop "$own_neo4j" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
step() { echo "==> $*" >&2; current="$*"; }
trap 'echo "bench/run.sh: FAILED during: ${current:-setup} (exit $?)" >&2' ERR
started=$(date +%s)

step "building newsgraph, newsgraph-load and newsgraph-compare"
go build -o "$work/newsgraph" ./cmd/newsgraph
go build -o "$work/newsgraph-load" ./cmd/newsgraph-load
go build -o "$work/newsgraph-compare" ./cmd/newsgraph-compare

if [[ -z "${NEO4J_URI:-}" ]]; then
  step "starting Neo4j 5.26 with neo4j/server/neo4j-local"
  own_neo4j="$work/neo4j"
  eval "$("$root/neo4j/server/neo4j-local" start "$own_neo4j")"
fi
# Only the Neo4j steps see the Neo4j settings (on_neo4j CMD...): with
# NEO4J_URI in the environment, the embedded steps (the graph package's
# benchmarks, the CLI import, the embedded load test) would use Neo4j.
neo4j_env=("NEO4J_URI=$NEO4J_URI" "NEO4J_USER=${NEO4J_USER:-}" "NEO4J_PASSWORD=${NEO4J_PASSWORD:-}" "NEO4J_DATABASE=${NEO4J_DATABASE:-}")
unset NEO4J_URI NEO4J_USER NEO4J_PASSWORD NEO4J_DATABASE
on_neo4j() { env "${neo4j_env[@]}" "$@"; }
neo4j_version=$(grep -o '<neo4j.version>[^<]*' "$root/neo4j/server/pom.xml" | cut -d'>' -f2)

step "fetching benchstat"
go run "$BENCHSTAT" -h >/dev/null 2>&1 || true  # downloads it; the real run below fails loudly
packages=(./embedded/ ./graph/)
bench_regex='^(BenchmarkStore|BenchmarkHandler|BenchmarkHubNeighborhood)$'
# The 1m store benchmarks run apart, fewer times: each run builds and
# imports the 1M-relation graph. Everything else runs COUNT times.
small_sizes=$(echo "$SIZES" | tr ',' '\n' | grep -v -x -i '1m' | paste -sd, || true)
bench_cmds=()
neo4j_bench_cmd="NEWSGRAPH_BENCH_SIZES=$NEO4J_SIZES go test -run '^\$' -bench '^BenchmarkStore\$' -benchtime $BENCHTIME -count $COUNT_NEO4J -timeout 90m ./neo4j/"
if [[ -n "$small_sizes" ]]; then
  bench_cmds+=("NEWSGRAPH_BENCH_SIZES=$small_sizes go test -run '^\$' -bench '$bench_regex' -benchtime $BENCHTIME -count $COUNT -timeout 60m ${packages[*]}")
fi
if echo "$SIZES" | tr ',' '\n' | grep -q -x -i '1m'; then
  bench_cmds+=("NEWSGRAPH_BENCH_SIZES=1m go test -run '^\$' -bench '^BenchmarkStore\$' -benchtime $BENCHTIME -count $COUNT_1M -timeout 60m ${packages[*]}")
fi
: >"$work/bench.txt"
for cmd in "${bench_cmds[@]}"; do
  step "Go benchmarks: $cmd"
  (cd "$root" && eval "$cmd") | tee -a "$work/bench.txt" >&2
done
if grep -q -E '^(--- FAIL|FAIL)' "$work/bench.txt"; then
  echo "bench/run.sh: a Go benchmark failed; see above" >&2
  exit 1
fi
bench_cmd=$(printf '%s\n' "${bench_cmds[@]}")

step "Go benchmarks on Neo4j: $neo4j_bench_cmd"
(cd "$root" && on_neo4j bash -c "$neo4j_bench_cmd") | tee "$work/bench-neo4j.txt" >&2
if grep -q -E '^(--- FAIL|FAIL)' "$work/bench-neo4j.txt"; then
  echo "bench/run.sh: a Go benchmark on Neo4j failed; see above" >&2
  exit 1
fi

step "benchstat"
go run "$BENCHSTAT" "$work/bench.txt" >"$work/benchstat.txt"
# The store benchmarks at the Neo4j sizes, embedded and Neo4j side by side:
# the same benchmark names from two packages, compared as two columns.
neo4j_sizes_regex=$(echo "$NEO4J_SIZES" | tr ',' '|')
grep -E "^BenchmarkStore/($neo4j_sizes_regex)/" "$work/bench.txt" >"$work/store-embedded.txt" || true
grep -E "^BenchmarkStore/" "$work/bench-neo4j.txt" >"$work/store-neo4j.txt" || true
go run "$BENCHSTAT" -col .file embedded="$work/store-embedded.txt" neo4j="$work/store-neo4j.txt" >"$work/benchstat-stores.txt"

entities=$(( RELATIONS / 10 > 1000 ? RELATIONS / 10 : 1000 ))
gen_cmd="newsgraph gen --entities $entities --relations $RELATIONS --seed 1 --out gen.jsonl"
import_cmd="newsgraph import --progress never --data import-data gen.jsonl"
step "CLI import: $gen_cmd, then $IMPORTS x $import_cmd"
(cd "$work" && "$work/newsgraph" gen --entities "$entities" --relations "$RELATIONS" --seed 1 --out gen.jsonl 2>/dev/null)
: >"$work/imports.txt"
for i in $(seq "$IMPORTS"); do
  rm -rf "$work/import-data"
  # The summary's first line has the rate, "peak memory:" the maximum RSS.
  (cd "$work" && "$work/newsgraph" import --progress never --data import-data gen.jsonl 2>/dev/null) >"$work/import.$i.txt"
  rate=$(grep -o '[0-9]* relations/s' "$work/import.$i.txt" | cut -d' ' -f1)
  took=$(head -1 "$work/import.$i.txt" | grep -o ' in [^ ]*' | cut -c5-)
  peak=$(grep -o 'peak memory: [0-9.]* GB' "$work/import.$i.txt" | cut -d' ' -f3)
  echo "$rate $took $peak" >>"$work/imports.txt"
  echo "import run $i: $rate relations/s in $took, peak $peak GB resident" >&2
done
rm -rf "$work/import-data" "$work/gen.jsonl"
# The median run by rate (the middle line of the sorted runs).
median_import=$(sort -n "$work/imports.txt" | sed -n "$(( (IMPORTS + 1) / 2 ))p")
all_rates=$(sort -n "$work/imports.txt" | cut -d' ' -f1 | paste -sd/ -)

load_cmd="newsgraph-load --relations $RELATIONS --server-binary newsgraph $LOAD_FLAGS"
step "load test: $load_cmd"
# shellcheck disable=SC2086 # LOAD_FLAGS is a list of flags
"$work/newsgraph-load" --relations "$RELATIONS" --server-binary "$work/newsgraph" \
  --markdown "$work/load.md" --server-log "$work/server.log" $LOAD_FLAGS >&2

neo4j_load_cmd="newsgraph-load --neo4j --relations $NEO4J_RELATIONS --server-binary newsgraph $LOAD_FLAGS"
step "load test on Neo4j: $neo4j_load_cmd"
# shellcheck disable=SC2086 # LOAD_FLAGS is a list of flags
on_neo4j "$work/newsgraph-load" --neo4j --relations "$NEO4J_RELATIONS" --server-binary "$work/newsgraph" \
  --markdown "$work/load-neo4j.md" --server-log "$work/server-neo4j.log" $LOAD_FLAGS >&2

plans_size=$(( NEO4J_RELATIONS / 1000 ))k
plans_cmd="go test -count=1 -run '^TestHotQueriesSeekTheirAnchors\$' ./neo4j/ -args -plans plans.md -plans-size $plans_size"
step "plans of the hot queries: $plans_cmd"
on_neo4j go test -count=1 -run '^TestHotQueriesSeekTheirAnchors$' ./neo4j/ -args -plans "$work/plans.md" -plans-size "$plans_size" >&2

compare_cmd="newsgraph-compare --server-binary newsgraph --relations $NEO4J_RELATIONS"
step "newsgraph beside @neo4j/graphql and the Go driver: (cd bench/peer && npm ci) && $compare_cmd"
(cd "$root/bench/peer" && npm ci --no-audit --no-fund --loglevel=error >&2)
on_neo4j "$work/newsgraph-compare" --server-binary "$work/newsgraph" --relations "$NEO4J_RELATIONS" \
  --peer-dir "$root/bench/peer" --markdown "$work/compare.md" >&2
peer_version=$(node -p "require('$root/bench/peer/package.json').dependencies['@neo4j/graphql']")

step "writing $OUT"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
{
  echo "# Benchmarks"
  echo
  echo "Generated by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$(git rev-parse --short HEAD 2>/dev/null || echo unknown)\`$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'); do not edit by hand. Run \`bench/run.sh\` alone on an idle machine to regenerate it (it took $(( ($(date +%s) - started) / 60 )) minutes here)."
  echo
  echo "## Machine"
  echo
  echo "| | |"
  echo "| --- | --- |"
  echo "| CPU | ${cpu:-unknown} |"
  echo "| cores (nproc) | $(nproc) |"
  echo "| memory | $mem |"
  echo "| OS | $(uname -sr) |"
  echo "| Go | $(go env GOVERSION) |"
  echo "| Java (Neo4j) | $(java -version 2>&1 | head -n 1) |"
  echo "| Neo4j | Community $neo4j_version, neo4j/server/neo4j-local (1 GiB heap, 512 MiB page cache), on the same machine |"
  echo "| Node.js (peer) | $(node --version), @neo4j/graphql $peer_version |"
  echo
  echo "## Commands"
  echo
  echo '```sh'
  echo "$bench_cmd"
  echo "# each command's output appended to bench.txt, then:"
  echo "go run $BENCHSTAT bench.txt"
  echo "go build -o newsgraph ./cmd/newsgraph && go run ./cmd/newsgraph-load --relations $RELATIONS --server-binary ./newsgraph $LOAD_FLAGS"
  echo "$gen_cmd"
  echo "$import_cmd   # $IMPORTS times, into an empty directory each time"
  echo "eval \"\$(neo4j/server/neo4j-local start /tmp/neo4j)\"   # Neo4j for what follows"
  echo "$neo4j_bench_cmd"
  echo "go run $BENCHSTAT -col .file embedded=store-embedded.txt neo4j=store-neo4j.txt   # the Neo4j sizes of both"
  echo "$neo4j_load_cmd"
  echo "$plans_cmd"
  echo "(cd bench/peer && npm ci) && $compare_cmd"
  echo '```'
  echo
  echo "## CLI import of $RELATIONS relations"
  echo
  echo "\`newsgraph import\` of the file \`newsgraph gen\` writes ($entities entities, $RELATIONS relations, one line per document), into an empty data directory, $IMPORTS times; the median run by rate. The rate and the peak memory are the ones the command's summary prints (peak memory is the process's maximum resident set size, VmHWM)."
  echo
  echo "| relations/s (median) | all runs, relations/s | time (median run) | peak memory, resident (median run) |"
  echo "| --- | --- | --- | --- |"
  read -r m_rate m_took m_peak <<<"$median_import"
  echo "| $m_rate | $all_rates | $m_took | $m_peak GB |"
  echo
  echo "## Load test: GraphQL over HTTP on $RELATIONS relations"
  echo
  echo "\`newsgraph-load\` generates the graph with package gen, loads it into an embedded store, times each query kind's direct store call and an in-memory adjacency-array (CSR) breadth-first search over the same graph, then starts \`newsgraph serve\` on loopback and drives the mixed read workload of a visualisation frontend at each concurrency. Latencies are in milliseconds; percentiles come from HdrHistogram."
  echo
  cat "$work/load.md"
  echo
  echo "## Go benchmarks (benchstat: medians over $COUNT runs, $COUNT_1M at 1m, ± the 95% confidence interval)"
  echo
  echo "Store benchmarks are named \`<size>/<operation>/<variant>\`; \`Baseline\` rows are the adjacency-array walks on the same graph. \`BenchmarkHandler\` calls the GraphQL handler in-process on the seed graph; \`BenchmarkHubNeighborhood\` compares the handler with the store call for a depth-2 hub neighbourhood of a 100k-relation graph."
  echo
  echo '```'
  cat "$work/benchstat.txt"
  echo '```'
  echo
  echo "## Neo4j beside the embedded store"
  echo
  echo "Neo4j Community $neo4j_version runs on the same 2 cores as everything else (\`neo4j/server/neo4j-local\`: one JVM, 1 GiB heap, 512 MiB page cache), so its figures include a JVM sharing the machine with the client; a production Neo4j has a machine of its own."
  echo
  echo "### Store benchmarks at $NEO4J_SIZES relations (benchstat: medians, $COUNT runs on the embedded store, $COUNT_NEO4J on Neo4j; the neo4j column's percentage is its difference from the embedded store)"
  echo
  echo '```'
  cat "$work/benchstat-stores.txt"
  echo '```'
  echo
  echo "### Load test against newsgraph serve on Neo4j, $NEO4J_RELATIONS relations"
  echo
  echo "The same tool and workload as above (\`--neo4j\`): the graph is generated into Neo4j, the direct store calls are the Neo4j store's, and \`newsgraph serve\` reads from Neo4j."
  echo
  cat "$work/load-neo4j.md"
  echo
  echo "### newsgraph beside the Neo4j GraphQL Library and the Go driver, $NEO4J_RELATIONS relations"
  echo
  echo "\`newsgraph-compare\` loads one generated graph into Neo4j (and into an embedded store) and sends the same queries, with the same inputs, to newsgraph serve on Neo4j, newsgraph serve on the embedded store, @neo4j/graphql $peer_version on Node.js over the same Neo4j (\`bench/peer\`: type definitions generated from the relationship types the store writes; see bench/peer/README.md for the documents and what the library needed), and newsgraph's own store calls through the Go driver in-process (the same Cypher, without GraphQL or HTTP). The neighbourhood and the shortest path need \`@cypher\` fields on the peer: it has no traversal of its own."
  echo
  cat "$work/compare.md"
  echo
  echo "### PROFILE plans of the hot queries"
  echo
  echo "From the real server, by \`TestHotQueriesSeekTheirAnchors\` (which fails on a node or relationship scan where the query names its anchor). Operators are indented by depth; db hits are the server's count."
  echo
  cat "$work/plans.md"
  echo
  bash "$root/bench/neo4j.sh"
} >"$work/BENCHMARKS.md"
mv "$work/BENCHMARKS.md" "$OUT"
if [[ -n "${RAW:-}" ]]; then
  mkdir -p "$RAW"
  cp "$work"/*.txt "$work"/*.md "$RAW"/ 2>/dev/null || true
fi
echo "bench/run.sh: wrote $OUT in $(( $(date +%s) - started ))s" >&2
