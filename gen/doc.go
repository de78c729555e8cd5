// Package gen generates deterministic synthetic news graphs for benchmarks
// and load tests.
//
// A Config names the number of entities and relations and a seed; the same
// Config always gives byte-identical output. The graph is shaped like a real
// news graph: all six entity kinds (persons and organisations most), a
// power-law degree distribution with a few hubs (the head of state of the
// first place has thousands of relations at a million relations), more than
// thirty relation types with plausible kind constraints, syllable-made names
// (some with diacritics) and aliases, documents published over several years
// whose texts are made of the relations' evidence quotes (a few relations
// are restated by a later document as well), validity periods on
// relations that hold for a time, and dated events.
//
// Graph returns the graph as one newsgraph.Batch; Documents returns the same
// graph as ingest.Input lines, the format of "newsgraph import", which
// reproduce exactly Graph when imported in order. Hubs and RandomPairs pick
// entities for hub and path benchmarks.
package gen
