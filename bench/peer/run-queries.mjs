// Smoke check: sends every queries/*.graphql document to the peer with the
// variables of its "# Variables:" header line, and prints for each the HTTP
// status, the response size, the time of the first request (cold: the
// library translates the query and Neo4j plans its Cypher) and the median of
// the next ones, and any GraphQL errors. Exits 1 when a request fails, answers errors or no
// data.
//
//   node run-queries.mjs [PEER_URL, default http://127.0.0.1:4000/graphql]
import { readdirSync, readFileSync } from "node:fs";

const url = process.argv[2] ?? `http://127.0.0.1:${process.env.PEER_PORT ?? 4000}/graphql`;
const dir = new URL("./queries/", import.meta.url);
const runs = 11; // the first warms the library's and Neo4j's caches

// hasData tells whether an answer holds something: a non-empty list or
// object somewhere under data, not only nulls and empty lists.
const hasData = (v) =>
  Array.isArray(v) ? v.some(hasData) : v !== null && typeof v === "object" ? Object.values(v).some(hasData) : v !== null;

const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];

let failed = false;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".graphql")).sort()) {
  const query = readFileSync(new URL(file, dir), "utf8");
  const variables = JSON.parse(query.match(/^# Variables: (.*)$/m)?.[1] ?? "{}");
  const times = [];
  let status, body;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    body = await res.text();
    times.push(performance.now() - start);
    status = res.status;
  }
  const answer = JSON.parse(body);
  const ok = status === 200 && !answer.errors && hasData(answer.data);
  failed ||= !ok;
  console.log(
    `${ok ? "ok  " : "FAIL"} ${file.padEnd(32)} HTTP ${status}  ${String(body.length).padStart(7)} bytes  ` +
      `first ${times[0].toFixed(1).padStart(6)} ms  median of ${runs - 1} next ${median(times.slice(1)).toFixed(1).padStart(6)} ms`,
  );
  if (answer.errors) console.log(JSON.stringify(answer.errors, null, 2));
}
process.exit(failed ? 1 : 0);
