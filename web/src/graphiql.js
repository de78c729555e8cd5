// GraphiQL at /, bundled so that it needs no CDN: the queries go to
// /graphql, subscriptions over graphql-ws to the same path, and the
// README's example queries are the default tabs. A key the explorer keeps
// (localStorage "newsgraph.key", for servers that require keys for reads)
// fills each tab's headers and the subscriptions' connection_init.
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { createClient } from "graphql-ws";
import "graphiql/style.css";

const wsURL = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/graphql";

let key = "";
try {
  key = localStorage.getItem("newsgraph.key") || "";
} catch {
  // Storage is off: no kept key.
}
const headers = key ? JSON.stringify({ Authorization: "Bearer " + key }, null, 2) : undefined;

const fetcher = createGraphiQLFetcher({
  url: "/graphql",
  wsClient: createClient({ url: wsURL, lazy: true, connectionParams: key ? { Authorization: "Bearer " + key } : {} }),
});

// eslint-disable-next-line no-undef
const examples = __EXAMPLES__;

createRoot(document.getElementById("graphiql")).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery: examples[0].query,
    defaultHeaders: headers,
    defaultTabs: examples.map((e) => ({ query: e.query, headers })),
    defaultEditorToolsVisibility: false,
  }),
);
