// Package events is the in-process broker behind the GraphQL subscription
// Subscription.graphChanged: the write resolvers publish a Change for every
// entity and relation they create, corroborate, merge or delete, and every
// subscriber whose Filter matches receives it.
//
// Publishing never blocks a writer. Each subscriber has a bounded buffer;
// a subscriber that falls a whole buffer behind is dropped (its channel is
// closed, which ends the subscription) with a log line, so that a client
// learns it missed changes instead of silently losing some. A subscription
// also ends when its context ends.
//
// # Scope: one process
//
// The broker only sees writes made through this process. That is complete
// for the embedded store, which one process owns. A deployment that runs
// several replicas of the server over one Neo4j database needs a shared bus
// as well, so that a write on one replica reaches the subscribers of every
// other replica:
//
//   - Neo4j change data capture (CDC, Neo4j 5.13+ Enterprise/Aura): every
//     replica polls db.cdc.query from its last change id and publishes the
//     changes it reads to its local Broker. Changes made outside the API
//     (the CLI import, Cypher scripts) are then seen too; the change id is
//     the resume cursor after a restart.
//   - Or a message broker (NATS, Redis Streams, Kafka, Postgres
//     LISTEN/NOTIFY): the replica that made a write publishes its Changes
//     after the transaction commits, and every replica subscribes and feeds
//     its local Broker. Publishing after commit can lose a change when the
//     process dies in between; an outbox written in the same transaction
//     closes that gap.
//
// Either way, Change values must be serialisable (they are: plain data with
// JSON tags), delivery is at least once across the bus (subscribers should
// tolerate duplicates), and the ordering guarantee is per replica unless
// the bus orders globally.
package events
