// Package tracing traces newsgraph with OpenTelemetry: one span per HTTP
// request, per GraphQL operation, per resolver (fields with a resolver
// only, never plain struct fields), per store call and, on Neo4j, per
// Cypher statement (package neo4j makes those itself, as children of the
// store call's span), so that a slow request reads as a tree:
//
//	POST /graphql
//	└── query Who
//	    └── Query.entity
//	        ├── store.EntitiesByID
//	        │   └── entities_by_id_resolved   (Neo4j only)
//	        └── Person.relations
//	            └── store.Relations
//	                └── relations_around_entity   (Neo4j only)
//
// Tracing is off unless the standard OpenTelemetry environment names an
// OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT); see Setup. Off, Setup installs
// nothing: the process keeps OpenTelemetry's global no-op provider, and the
// instrumentation below it starts no span.
//
// HTTP, GraphQL and StoreObserver take the process-wide provider that Setup
// installs; WithTracerProvider gives them another one, which is how the
// tests observe them with an in-memory exporter.
package tracing
