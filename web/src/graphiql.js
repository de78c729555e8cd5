// GraphiQL at /, bundled so that it needs no CDN: the queries go to
// /graphql, subscriptions over graphql-ws to the same path, and the
// README's example queries are the default tabs.
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { createClient } from "graphql-ws";
import "graphiql/style.css";

const wsURL = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/graphql";

const fetcher = createGraphiQLFetcher({
  url: "/graphql",
  wsClient: createClient({ url: wsURL, lazy: true }),
});

// eslint-disable-next-line no-undef
const examples = __EXAMPLES__;

createRoot(document.getElementById("graphiql")).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery: examples[0].query,
    defaultTabs: examples.map((e) => ({ query: e.query })),
    defaultEditorToolsVisibility: false,
  }),
);
