// The explorer's client of the public API: neighbourhoods from
// GET /v1/subgraph, the visualisation's own endpoint, and everything else
// from GraphQL, queries over HTTP POST to /graphql and graphChanged over
// graphql-ws.
import { createClient } from "graphql-ws";

// keyItem is the localStorage entry that holds the API key the explorer
// (and GraphiQL) send when the server requires keys for reads.
export const keyItem = "newsgraph.key";

// apiKey returns the stored key, or "" (also when storage is off).
export function apiKey() {
  try {
    return localStorage.getItem(keyItem) || "";
  } catch {
    return "";
  }
}

// setKey stores key, or forgets the stored one when key is empty.
export function setKey(key) {
  try {
    if (key) localStorage.setItem(keyItem, key);
    else localStorage.removeItem(keyItem);
  } catch {
    // Storage is off: the key lasts as long as the page.
  }
  memoryKey = key;
}

let memoryKey = null;
const currentKey = () => (memoryKey !== null ? memoryKey : apiKey());

// authCodes are the error codes of a missing, wrong or insufficient key.
export const authCodes = ["UNAUTHENTICATED", "FORBIDDEN"];

// APIError is a GraphQL error: its message and extensions.code.
export class APIError extends Error {
  constructor(message, code) {
    super(message + (code ? ` (${code})` : ""));
    this.code = code || "";
  }
}

// onAuthError calls fn with every APIError whose code is one of authCodes,
// whichever part of the page made the request.
export function onAuthError(fn) {
  authListeners.push(fn);
}
const authListeners = [];

// headers returns the request headers: JSON, and the key if there is one.
function headers() {
  const h = { Accept: "application/json" };
  const key = currentKey();
  if (key) h.Authorization = "Bearer " + key;
  return h;
}

// failure returns the APIError for an error {message, extensions.code} of
// the API, after telling the auth listeners about a key's refusal.
function failure(e) {
  const err = new APIError(e.message, e.extensions && e.extensions.code);
  if (authCodes.includes(err.code)) authListeners.forEach((fn) => fn(err));
  return err;
}

// readJSON returns the decoded body of resp, or throws an APIError naming
// the status when it is not JSON.
async function readJSON(resp, path) {
  try {
    return await resp.json();
  } catch {
    throw new APIError(`HTTP ${resp.status} from ${path}`);
  }
}

// gql runs one operation and returns its data, or throws an APIError whose
// message is the first GraphQL error's.
export async function gql(query, variables = {}) {
  const init = { method: "POST", headers: { ...headers(), "Content-Type": "application/json" }, body: JSON.stringify({ query, variables }) };
  const body = await readJSON(await fetch("/graphql", init), "/graphql");
  if (body.errors && body.errors.length) throw failure(body.errors[0]);
  return body.data;
}

// subgraph reads the neighbourhood of root from GET /v1/subgraph: induced
// (every relation among the entities, not only those the walk followed),
// with each entity's hop distance from root, which places it in a large
// view, and its degree, which sizes it. walk holds the other parameters
// (depth, direction, types, kinds, limit, asOf; null ones are left out).
// It answers in the shape of the GraphQL types the rest of the explorer
// reads: {truncated, hops, nodes: [{id name kind degree}], edges: [{id type
// fromId toId status corroboration}]}, or throws an APIError.
export async function subgraph(root, walk) {
  const params = new URLSearchParams({ root, induced: "true" });
  for (const [name, value] of Object.entries(walk)) {
    if (value !== null && value !== undefined) params.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  const body = await readJSON(await fetch("/v1/subgraph?" + params, { headers: headers() }), "/v1/subgraph");
  // Refusals are {"error":{code,message}}; a refused key, from the auth
  // middleware /graphql shares, is GraphQL-shaped.
  if (body.error) throw failure({ message: body.error.message, extensions: { code: body.error.code } });
  if (body.errors && body.errors.length) throw failure(body.errors[0]);
  return {
    truncated: body.truncated,
    hops: body.nodes.map((n) => n.hops),
    nodes: body.nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, degree: n.degree })),
    edges: body.edges.map((e) => ({ id: e.id, type: e.type, fromId: e.from, toId: e.to, status: e.status, corroboration: e.corroboration })),
  };
}

// subscribe runs a subscription over graphql-ws and calls onData with each
// result's data; onStatus hears "live", "reconnecting" and "closed". It
// returns a function that ends the subscription.
export function subscribe(query, variables, onData, onStatus) {
  const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/graphql";
  const client = createClient({
    url,
    lazy: false,
    // A refused or lost connection shows in the live badge; graphql-ws
    // would also log it as a console error.
    onNonLazyError: () => onStatus("reconnecting"),
    retryAttempts: Infinity,
    shouldRetry: () => true,
    // Read at every (re)connection, so a key entered later is sent.
    connectionParams: () => {
      const key = currentKey();
      return key ? { Authorization: "Bearer " + key } : {};
    },
    on: {
      connected: () => onStatus("live"),
      closed: () => onStatus("reconnecting"),
    },
  });
  const stop = client.subscribe(
    { query, variables },
    {
      next: (r) => r.data && onData(r.data),
      error: () => onStatus("reconnecting"),
      complete: () => onStatus("closed"),
    },
  );
  return () => {
    stop();
    // dispose rejects with the close event of a connection that was
    // refused (no key, or a wrong one): that is already shown.
    client.dispose().catch(() => {});
  };
}

// What the explorer draws of an entity: degree (in the whole graph, from the
// store's indexes) sets its size; subgraph's nodes have the same fields.
// graphChanged asks for the names alone.
const nodeFields = "id name kind degree";
const liveNodeFields = "id name kind";
const edgeFields = "id type fromId toId status corroboration";

export const searchQuery = `query Suggest($q: String!) {
  search(query: $q, first: 8) { score entity { id name kind } }
}`;

export const entityQuery = `query Entity($id: ID!) {
  entity(id: $id) { ${nodeFields} description aliases firstSeen }
}`;

export const relationQuery = `query Relation($from: ID!, $to: ID!, $type: String!) {
  relations(filter: {from: $from, to: $to, types: [$type]}, first: 1) {
    edges { node {
      id type fromId toId
      from { name kind } to { name kind }
      confidence status corroboration evidenceCount firstReported lastReported validFrom validTo
      evidence(first: 500) { quote document { id title publishedAt source url } }
    } }
  }
}`;

const pathFields = `length nodes { ${nodeFields} } edges { ${edgeFields} }`;

export const pathsQuery = `query Paths($from: ID!, $to: ID!, $k: Int, $maxDepth: Int, $asOf: Date) {
  shortestPath(from: $from, to: $to, maxDepth: $maxDepth, asOf: $asOf) { ${pathFields} }
  paths(from: $from, to: $to, maxDepth: $maxDepth, first: $k, asOf: $asOf) { ${pathFields} }
}`;

export const changesSubscription = `subscription Changes {
  graphChanged {
    kind ids
    entity { ${liveNodeFields} }
    relation { ${edgeFields} validFrom validTo from { ${liveNodeFields} } to { ${liveNodeFields} } }
  }
}`;
