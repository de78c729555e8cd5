#!/usr/bin/env bash
# bench/run.sh regenerates BENCHMARKS.md: the machine, the commands, the Go
# benchmarks summarised by benchstat (medians), the load test's tables and the
# Neo4j indexes and hot queries. Run it alone on an idle machine, from
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
# With NEO4J_URI set (and NEO4J_USER, NEO4J_PASSWORD), the store benchmarks
# also run against that Neo4j database, which they empty: never point it at
# a database you need.
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
# benchstat, pinned: golang.org/x/perf has no tagged releases.
BENCHSTAT=golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { echo "==> $*" >&2; current="$*"; }
trap 'echo "bench/run.sh: FAILED during: ${current:-setup} (exit $?)" >&2' ERR
started=$(date +%s)

step "building newsgraph and newsgraph-load"
go build -o "$work/newsgraph" ./cmd/newsgraph
go build -o "$work/newsgraph-load" ./cmd/newsgraph-load

step "fetching benchstat"
go run "$BENCHSTAT" -h >/dev/null 2>&1 || true  # downloads it; the real run below fails loudly
packages=(./embedded/ ./graph/)
if [[ -n "${NEO4J_URI:-}" ]]; then
  packages+=(./neo4j/)
fi
bench_regex='^(BenchmarkStore|BenchmarkHandler|BenchmarkHubNeighborhood)$'
# The 1m store benchmarks run apart, fewer times: each run builds and
# imports the 1M-relation graph. Everything else runs COUNT times.
small_sizes=$(echo "$SIZES" | tr ',' '\n' | grep -v -x -i '1m' | paste -sd, || true)
bench_cmds=()
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

step "benchstat"
go run "$BENCHSTAT" "$work/bench.txt" >"$work/benchstat.txt"

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
  bash "$root/bench/neo4j.sh"
} >"$work/BENCHMARKS.md"
mv "$work/BENCHMARKS.md" "$OUT"
echo "bench/run.sh: wrote $OUT in $(( $(date +%s) - started ))s" >&2
