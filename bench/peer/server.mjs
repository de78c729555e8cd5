// The benchmark peer: the Neo4j GraphQL Library (@neo4j/graphql 7) served by
// Apollo Server over the Neo4j database newsgraph writes. It only reads:
// the schema has no mutations and the library never asserts or creates
// indexes or constraints (assertIndexesAndConstraints is not called).
//
//   NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=... \
//     [NEO4J_DATABASE=neo4j] [PEER_PORT=4000] node server.mjs
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";
import { relationTypes, typeDefs } from "./typedefs.mjs";

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    console.error(`peer: ${name} is not set`);
    process.exit(2);
  }
  return value;
};
const port = Number(env("PEER_PORT", "4000"));
const database = env("NEO4J_DATABASE", "neo4j");
const driver = neo4j.driver(
  env("NEO4J_URI"),
  neo4j.auth.basic(env("NEO4J_USER"), env("NEO4J_PASSWORD")),
);

try {
  await driver.verifyConnectivity();
  const types = await relationTypes(driver, database);
  const neoSchema = new Neo4jGraphQL({
    typeDefs: typeDefs(types),
    driver,
    // The type definitions are generated and checked by the smoke queries;
    // skipping their validation only saves start-up time.
    validate: process.env.PEER_VALIDATE === "1",
    features: {
      // Drop the deprecated duplicates of filters and operations: the schema
      // has 2 fields per relation type, and each one multiplies its size.
      excludeDeprecatedFields: {
        mutationOperations: true,
        aggregationFilters: true,
        aggregationFiltersOutsideConnection: true,
        relationshipFilters: true,
        attributeFilters: true,
      },
    },
  });
  const server = new ApolloServer({
    schema: await neoSchema.getSchema(),
    introspection: true,
    // Apollo's cache-control plugin wraps every field resolver; the peer sets
    // no cache hints, so it would only add per-field overhead.
    plugins: [ApolloServerPluginCacheControlDisabled()],
    // The signals are handled below, to close the driver after the server.
    stopOnTerminationSignals: false,
  });
  // startStandaloneServer answers GraphQL on every path, /graphql included.
  await startStandaloneServer(server, {
    listen: { host: "127.0.0.1", port },
    context: async () => ({ sessionConfig: { database } }),
  });
  console.log(`peer ready on http://127.0.0.1:${port}/graphql`);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) process.exit(1); // a second signal: stop at once
    stopping = true;
    console.log(`peer: ${signal}, stopping`);
    setTimeout(() => process.exit(1), 10_000).unref(); // never hang on a stuck drain
    await server.stop(); // drains open requests, closes the HTTP server
    await driver.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} catch (err) {
  console.error(`peer: ${err.stack ?? err}`);
  await driver.close();
  process.exit(1);
}
