package newsgraph

import (
	"cmp"
	"context"
	"strings"
	"time"
)

// This file is the specification every store implements. The conformance
// suite in package storetest checks each rule stated here against every
// implementation, so the embedded store and the Neo4j store behave alike.
//
// Common rules:
//   - Every method validates its input first and returns an *Error with code
//     Invalid or LimitExceeded, naming the offending value and the limit, before
//     touching storage.
//   - A store that cannot be reached returns an *Error with code Unavailable.
//   - Methods taking a slice of ids or queries are batched for loaders: one
//     call is a bounded number of round trips to the storage engine, however
//     many ids or queries it carries.
//   - Returned values are fresh copies the caller may keep and modify.

// Store is the whole storage contract: reads, traversals and writes.
type Store interface {
	EntityReader
	RelationReader
	DocumentReader
	Traverser
	Writer

	// Ping reports whether the store is reachable; it backs /readyz.
	Ping(ctx context.Context) error
	// Close releases the store's resources. It is safe to call once.
	Close() error
}

// EntityReader reads entities.
type EntityReader interface {
	// EntitiesByID returns the entities with the given ids that exist, keyed
	// by the requested id. Absent ids are missing from the map; they are not
	// an error. An id that was merged away (see Writer.MergeEntities) maps to
	// its survivor.
	EntitiesByID(ctx context.Context, ids []string) (map[string]*Entity, error)
	// Entities returns a page of entities in ascending id order, restricted
	// to q.Kinds when it is not empty.
	Entities(ctx context.Context, q EntityQuery) (Page[*Entity], error)
	// Search returns up to q.Limit entities matching q.Text, best first, as
	// ranked by SearchScore and RankHits. A query that folds to nothing
	// returns no hits.
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)
	// EntitiesNamed returns, for each key, the entities of its kind whose
	// name or an alias folds to exactly its Name (Entity.NamedBy: neither
	// initialisms nor partial matches count), ranked by RankNamed and at
	// most MaxEntitiesNamed of them. Keys that name nothing are absent. It
	// is the exact lookup entity resolution runs, one call for every name
	// of an input.
	EntitiesNamed(ctx context.Context, keys []NameKey) (map[NameKey][]*Entity, error)
}

// RelationReader reads relations.
type RelationReader interface {
	// RelationsByID returns the relations with the given ids that exist,
	// keyed by id.
	RelationsByID(ctx context.Context, ids []string) (map[string]*Relation, error)
	// Relations answers each query with a page of relations in ascending id
	// order; the result has one page per query, in order. Every filter field
	// that is set must match. A malformed type is Invalid; a well-formed type
	// no relation has matches nothing.
	Relations(ctx context.Context, qs []RelationQuery) ([]Page[*Relation], error)
	// RelationTypes returns every relation type with its number of
	// relations, by count descending, then type ascending.
	RelationTypes(ctx context.Context) ([]TypeCount, error)
	// Stats counts entities, relations and documents.
	Stats(ctx context.Context) (Stats, error)
}

// DocumentReader reads documents.
type DocumentReader interface {
	// DocumentsByID returns the documents with the given ids that exist,
	// keyed by id.
	DocumentsByID(ctx context.Context, ids []string) (map[string]*Document, error)
	// Documents returns a page of documents in ascending id order.
	Documents(ctx context.Context, q DocumentQuery) (Page[*Document], error)
	// DocumentIDsMentioning returns, for each requested entity id that
	// exists, the ids of the documents that mention it, in ascending order: a
	// document mentions an entity when it records a Mention of it (see
	// MentionsIn) or holds evidence of a relation at either end of the
	// entity. Absent ids are missing from the map; an id merged away answers
	// for its survivor.
	DocumentIDsMentioning(ctx context.Context, entityIDs []string) (map[string][]string, error)
	// MentionsIn returns, for each requested document id that exists, the
	// mentions the document records (written by Upsert with Batch.Mentions),
	// in ascending entity id order, each with its spans sorted; a document
	// that records none maps to an empty list. Evidence alone records no
	// mention. Absent ids are missing from the map.
	MentionsIn(ctx context.Context, documentIDs []string) (map[string][]Mention, error)
}

// Traverser walks the graph.
type Traverser interface {
	// Neighborhoods answers each query with the subgraph around its root;
	// the result has one Subgraph per query, in order. An absent root is
	// NotFound. The walk is a breadth-first search, defined exactly so that
	// every store returns the same subgraph:
	//
	//   - Nodes starts with the root. Levels 1..Depth are expanded in turn.
	//   - At each level, frontier nodes are taken in the order they were
	//     added; each node's relations that match Direction (OUT: the node is
	//     From; IN: it is To; BOTH: either) and Types (when not empty) are
	//     taken in ascending relation id order.
	//   - For each such relation, the node at the other end, m, is considered.
	//     If Kinds is not empty and m's kind is not in it, the relation is
	//     skipped. If m is already a node, the relation is added to Edges
	//     unless already there. Otherwise, if len(Nodes) < Limit, m is added
	//     to Nodes (and to the next frontier) and the relation to Edges;
	//     otherwise the relation is skipped and Truncated is set.
	//   - Nodes found at the last level are not expanded, so relations among
	//     them are not included.
	//   - When Induced is set, Edges then gain every other relation whose
	//     ends are both in Nodes and that matches Types and AsOf, in
	//     ascending relation id order, whatever its direction and although
	//     the walk left it out: the subgraph the nodes induce. Direction and
	//     Kinds decide only which nodes the walk reaches.
	//   - Hops[i] is the level at which Nodes[i] was added: 0 for the root,
	//     so it is the node's hop distance from the root along the relations
	//     the walk follows.
	//   - When Sketch is set, the edges have no Evidence, Degrees[i] is
	//     what Degrees answers for Nodes[i], Contradictions[i] the number
	//     of CONTRADICTS relations ending at Nodes[i] when it is a CLAIM (0
	//     otherwise), in the whole graph whatever the filters, and
	//     Corroboration[i] the corroboration of Edges[i] (Corroboration of
	//     its evidence); all else is the same.
	Neighborhoods(ctx context.Context, qs []NeighborhoodQuery) ([]Subgraph, error)
	// Degrees returns, for each requested entity id that exists, the number
	// of relations at either end of it, in either direction and whatever
	// their types and validity dates; a self-loop counts once. It is read
	// from the store's indexes, never by loading the relations. Absent ids
	// are missing from the map; an id merged away answers for its survivor.
	Degrees(ctx context.Context, ids []string) (map[string]int, error)
	// ShortestPath returns a path with the fewest relations from q.From to
	// q.To, following q.Direction (OUT walks relations from From to To) and
	// q.Types, of length at most q.MaxDepth, or nil when there is none. When
	// several shortest paths exist, any one may be returned. From == To gives
	// the path of length 0 holding that one node. An absent end is NotFound.
	ShortestPath(ctx context.Context, q PathQuery) (*Path, error)
	// Paths returns up to q.Limit simple paths (no node repeated) from q.From
	// to q.To of length at most q.MaxDepth, following q.Direction and q.Types,
	// in the order of ComparePaths: shortest first, and paths of equal length
	// by their relation ids. No path appears twice and the k returned are k
	// shortest ones; when q.Limit cuts through the paths of one length, which
	// of them are returned is up to the store. An absent end is NotFound.
	Paths(ctx context.Context, q PathQuery) ([]Path, error)
}

// Writer changes the graph.
type Writer interface {
	// Upsert writes a batch all or nothing. The batch is first normalised
	// (Batch.Normalize) and validated: against itself with Batch.Validate, and
	// against the store with CheckReferences, so that every relation end and
	// every evidence document exists in the batch or in the store and every
	// quote is a verbatim substring of its document's text. An invalid batch
	// is an Invalid error naming the offending item, and nothing is written.
	//
	// Documents and entities replace stored ones with the same id. A relation
	// whose id exists keeps the union of its stored and new evidence (no
	// duplicate (quote, document) pairs) and takes the other fields from the
	// batch. A mention's document and entity must exist in the batch or in
	// the store and its spans lie within the document's text; a mention of
	// a (document, entity) pair that is stored keeps the union of its stored
	// and new spans (UnionMentions). Upserting the same batch twice changes
	// nothing.
	//
	// Ids merged away resolve to their survivors: a relation end, mention,
	// placeId or claimantId naming one is written as the survivor's id, and an entity of
	// the batch whose id was merged away does not come back: its name and
	// aliases are added to the survivor's aliases and its other fields are
	// ignored.
	//
	// It reports what it wrote (WriteReport), as decided inside the write,
	// so that callers never reconstruct it by reading before and after.
	Upsert(ctx context.Context, b Batch) (WriteReport, error)

	// DeleteRelation deletes the relation with the given id and returns it
	// as it was. An absent id is NotFound.
	DeleteRelation(ctx context.Context, id string) (*Relation, error)
	// DeleteEntity deletes the entity with the given id, every relation
	// at either end of it and every mention of it, all or nothing, and
	// returns the entity and relations as they were. An absent id, or one
	// merged away, is NotFound. Documents stay, with their other mentions.
	DeleteEntity(ctx context.Context, id string) (Deletion, error)
	// MergeEntities merges the entities m.From into m.Into, all or nothing,
	// and returns the survivor. Ids merged away earlier resolve to their
	// survivors first; a From id that resolves to Into is already merged and
	// skipped, so merging is idempotent. Into absent or any From absent is
	// NotFound; From naming Into itself, an empty From, or entities of
	// different kinds is Invalid.
	//
	// Every relation at either end of a merged entity is re-pointed to Into
	// and its id recomputed with RelationID. When a relation with the new id
	// exists, the moved relation's evidence is added to it (union, no
	// duplicates) and the existing relation's other fields are kept;
	// otherwise the moved relation keeps its fields under the new id.
	// Relations between Into and a merged entity become self-loops of Into.
	// Mentions of a merged entity become mentions of Into; a document that
	// mentions both keeps one mention of Into with the union of their spans.
	// The survivor's aliases gain each merged entity's name and aliases (no
	// exact duplicates, never its own name); its other fields are kept. The
	// merged entities are removed, their ids (and ids merged into them
	// before) resolve to Into from then on, and a Merge record with the ids
	// actually merged is kept for Merges. When nothing is left to merge, the
	// call changes nothing and records nothing. It returns the survivor and
	// the record it kept, nil when it merged nothing.
	MergeEntities(ctx context.Context, m Merge) (Merged, error)
	// Merges returns, for each requested id that has any, the merge history
	// of the entity the id resolves to: every merge record whose Into
	// resolves to it, the merges into it and, before and after them, those
	// into entities later merged into it, in the order they were made
	// (oldest At first; records of one survivor in the order it took them).
	// So after A was merged into B and later B into C, Merges of A, B or C
	// holds both records. The map is keyed by the requested ids; ids
	// without records (or malformed, or absent) are missing. It is one
	// read however many ids are asked, so an export reads the history of a
	// page of entities per call.
	Merges(ctx context.Context, ids []string) (map[string][]Merge, error)
}

// WriteReport says what an Upsert wrote, each item as stored after the
// write, in ascending id order.
type WriteReport struct {
	// CreatedEntities did not exist; UpdatedEntities did and were
	// replaced, or are the survivors of entities of the batch that had been
	// merged away, which gained their names.
	CreatedEntities, UpdatedEntities []*Entity
	// CreatedRelations did not exist. CorroboratedRelations existed and
	// gained evidence. The batch's other relations existed and gained none;
	// their other fields were written.
	CreatedRelations, CorroboratedRelations []*Relation
}

// Deletion is what DeleteEntity deleted, as it was: the entity and its
// relations, in ascending id order.
type Deletion struct {
	Entity    *Entity
	Relations []*Relation
}

// Merged is what MergeEntities did: the survivor, as stored after the
// merge, and the record of the merge, nil when nothing was left to merge.
type Merged struct {
	Survivor *Entity
	Merge    *Merge
}

// Merge is a request to merge entities and, once done, its audit record.
type Merge struct {
	// Into is the id of the surviving entity.
	Into string `json:"into"`
	// From are the ids merged into Into.
	From []string `json:"from"`
	// Actor names who asked for the merge, such as an API key's name.
	Actor string `json:"actor,omitempty"`
	// At is when the merge was made; a zero At is set by the store.
	At time.Time `json:"at"`
}

// Direction says which way relations are followed from a node.
type Direction string

// The directions. The zero Direction is treated as Both.
const (
	Out  Direction = "OUT"
	In   Direction = "IN"
	Both Direction = "BOTH"
)

// Limits and defaults of queries. Exceeding a limit is a LimitExceeded error
// whose message states the limit.
const (
	DefaultPageSize     = 50
	MaxPageSize         = 500
	DefaultSearchLimit  = 10
	MaxSearchBytes      = 1000 // the longest search query, in bytes
	MaxNeighborhoodDeep = 4
	DefaultNeighborhood = 100 // default node limit of a neighbourhood
	MaxPathDepth        = 8
	DefaultPathDepth    = 6
	DefaultPathCount    = 5
	MaxPathCount        = 50
	DefaultEvidence     = 10  // default number of a relation's evidence items listed
	DefaultMergeHistory = 100 // default number of merges mergeHistory lists
)

// CheckListSize checks the size a client asks of a list field (its first
// argument): at least 1 and at most MaxPageSize.
func CheckListSize(field string, n int) error {
	switch {
	case n < 1:
		return Errorf(Invalid, "%s: first must be at least 1, got %d", field, n)
	case n > MaxPageSize:
		return Errorf(LimitExceeded, "%s: first must be at most %d, got %d", field, MaxPageSize, n)
	}
	return nil
}

// Page is one page of a list in a stable order. The cursor of an item is
// EncodeCursor of its id.
type Page[T any] struct {
	// Items are the items of this page, at most the page size.
	Items []T
	// TotalCount is the number of items matching the query, on all pages.
	TotalCount int
	// HasNextPage reports whether items follow the last one of this page.
	HasNextPage bool
}

// EntityQuery selects a page of entities.
type EntityQuery struct {
	// Kinds restricts the result to these kinds when not empty.
	Kinds []Kind
	// First is the page size, 0..MaxPageSize; 0 returns only TotalCount.
	First int
	// After is a cursor: the page starts after the item it names.
	After string
}

// SearchQuery is a free-text search over names and aliases.
type SearchQuery struct {
	// Text is matched after folding (see Fold).
	Text string
	// Kinds restricts hits to these kinds when not empty.
	Kinds []Kind
	// Limit is the number of hits, 1..MaxPageSize.
	Limit int
}

// SearchHit is one search result.
type SearchHit struct {
	Entity *Entity
	// Score is SearchScore(query, Entity), in (0, 1].
	Score float64
}

// RelationFilter selects relations. Every field that is set must match.
type RelationFilter struct {
	// Types restricts relations to these types when not empty.
	Types []string
	// From and To match the relation's ends.
	From string
	To   string
	// Involving matches relations with this entity at either end.
	Involving string
	// DocumentID matches relations with evidence from this document.
	DocumentID string
	// AsOf, when not zero, matches relations valid on that date (see
	// Relation.ValidOn).
	AsOf Date
}

// RelationQuery selects a page of relations.
type RelationQuery struct {
	Filter RelationFilter
	// First is the page size, 0..MaxPageSize.
	First int
	// After is a cursor: the page starts after the relation it names.
	After string
}

// DocumentQuery selects a page of documents.
type DocumentQuery struct {
	// First is the page size, 0..MaxPageSize.
	First int
	// After is a cursor: the page starts after the document it names.
	After string
}

// NeighborhoodQuery asks for the subgraph around ID; see
// Traverser.Neighborhoods for the exact walk.
type NeighborhoodQuery struct {
	ID string
	// Depth is 1..MaxNeighborhoodDeep.
	Depth     int
	Direction Direction
	Types     []string
	Kinds     []Kind
	// Limit caps the number of nodes, the root included: 1..MaxPageSize.
	Limit int
	// AsOf, when not zero, follows only relations valid on that date.
	AsOf Date
	// Induced adds to the edges every relation among the nodes that
	// matches Types and AsOf, not only those the walk took.
	Induced bool
	// Sketch asks for what a drawing needs: the edges come without their
	// Evidence (nil), and Subgraph.Degrees, Subgraph.Contradictions and
	// Subgraph.Corroboration are filled in, in the same read as the walk.
	Sketch bool
}

// Subgraph is a set of nodes and the relations among them, in the shape a
// visualisation draws.
type Subgraph struct {
	Nodes []*Entity
	Edges []*Relation
	// Hops parallels Nodes: Hops[i] is the hop distance of Nodes[i] from
	// the root (0 for the root itself), as the walk found it.
	Hops []int
	// Truncated reports that Limit left out nodes the walk reached.
	Truncated bool
	// Degrees parallels Nodes for a Sketch query (nil otherwise):
	// Degrees[i] is the degree of Nodes[i] as Traverser.Degrees counts
	// it, in the whole graph whatever the query's filters.
	Degrees []int
	// Contradictions parallels Nodes for a Sketch query (nil otherwise):
	// Contradictions[i] is the number of CONTRADICTS relations ending at
	// Nodes[i] when it is a CLAIM, else 0, in the whole graph whatever the
	// query's filters: with it, DisputedBy tells the status of every edge,
	// whose ends are all nodes.
	Contradictions []int
	// Corroboration parallels Edges for a Sketch query (nil otherwise):
	// Corroboration[i] is the number of distinct documents quoted as
	// evidence of Edges[i], whose Evidence a sketch leaves out.
	Corroboration []int
}

// PathQuery asks for paths between two entities.
type PathQuery struct {
	From, To string
	// MaxDepth is the longest path considered, 1..MaxPathDepth.
	MaxDepth  int
	Direction Direction
	Types     []string
	// Limit is the number of paths Paths returns, 1..MaxPathCount.
	Limit int
	// AsOf, when not zero, follows only relations valid on that date.
	AsOf Date
}

// Path is a walk from one entity to another: Nodes[i] and Nodes[i+1] are the
// ends of Edges[i], so len(Nodes) == len(Edges)+1.
type Path struct {
	Nodes []*Entity
	Edges []*Relation
}

// Length is the number of relations on the path.
func (p Path) Length() int { return len(p.Edges) }

// ComparePaths orders paths as Traverser.Paths returns them: the shorter
// first, and paths of equal length by their relation ids, compared relation
// by relation from the start. It returns -1, 0 or +1.
func ComparePaths(a, b Path) int {
	if c := cmp.Compare(len(a.Edges), len(b.Edges)); c != 0 {
		return c
	}
	for i := range a.Edges {
		if c := strings.Compare(a.Edges[i].ID, b.Edges[i].ID); c != 0 {
			return c
		}
	}
	return 0
}

// TypeCount is a relation type and its number of relations.
type TypeCount struct {
	Type  string
	Count int
}

// KindCount is an entity kind and its number of entities.
type KindCount struct {
	Kind  Kind
	Count int
}

// Stats counts the graph.
type Stats struct {
	Entities  int
	Relations int
	Documents int
	// ByKind has one entry per kind, in AllKinds order, zeros included.
	ByKind []KindCount
}
