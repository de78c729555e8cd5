// The explorer's client of the public GraphQL API: queries over HTTP POST
// to /graphql and graphChanged over graphql-ws, nothing else.
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

// gql runs one operation and returns its data, or throws an APIError whose
// message is the first GraphQL error's.
export async function gql(query, variables = {}) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const key = currentKey();
  if (key) headers.Authorization = "Bearer " + key;
  const resp = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  let body;
  try {
    body = await resp.json();
  } catch {
    throw new APIError(`HTTP ${resp.status} from /graphql`);
  }
  if (body.errors && body.errors.length) {
    const e = body.errors[0];
    const err = new APIError(e.message, e.extensions && e.extensions.code);
    if (authCodes.includes(err.code)) authListeners.forEach((fn) => fn(err));
    throw err;
  }
  return body.data;
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
// store's indexes) sets its size. graphChanged asks for the names alone.
const nodeFields = "id name kind degree";
const liveNodeFields = "id name kind";
const edgeFields = "id type fromId toId status corroboration";

// neighborhoodQuery asks for the induced subgraph (every relation among
// the entities, not only those the walk followed) and each entity's hop
// distance from the root, which places it in a large view. Its cost at
// limit 500 is pinned under the default complexity limit by
// graph/complexity_test.go, which holds a copy of this text.
export const neighborhoodQuery = `query Neighborhood($id: ID!, $depth: Int, $direction: Direction, $types: [String!], $kinds: [EntityKind!], $limit: Int, $asOf: Date) {
  neighborhood(id: $id, depth: $depth, direction: $direction, types: $types, kinds: $kinds, limit: $limit, asOf: $asOf, induced: true) {
    truncated
    hops
    nodes { ${nodeFields} }
    edges { ${edgeFields} }
  }
}`;

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
