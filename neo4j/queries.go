package neo4j

import _ "embed" // The Cypher statements are embedded from queries/.

// Every Cypher statement the store runs lives in its own file under
// queries/, embedded here. Statements take parameters only; none is ever
// built from strings. Each file starts with a "// params:" header naming its
// parameters, checked by the package's tests and by .ci/cypherlint.

// Schema, created idempotently by Open.
var (
	//go:embed queries/schema_entity_id_unique.cypher
	schemaEntityIDUnique string
	//go:embed queries/schema_document_id_unique.cypher
	schemaDocumentIDUnique string
	//go:embed queries/schema_entity_kind_index.cypher
	schemaEntityKindIndex string
	//go:embed queries/schema_entity_search_fulltext.cypher
	schemaEntitySearchFulltext string
	//go:embed queries/schema_redirect_id_unique.cypher
	schemaRedirectIDUnique string
	//go:embed queries/schema_redirect_into_index.cypher
	schemaRedirectIntoIndex string
	//go:embed queries/schema_merge_into_index.cypher
	schemaMergeIntoIndex string
	//go:embed queries/schema_entity_place_id_index.cypher
	schemaEntityPlaceIDIndex string
	//go:embed queries/schema_entity_claimant_id_index.cypher
	schemaEntityClaimantIDIndex string
	//go:embed queries/await_indexes.cypher
	awaitIndexes string
)

// Reads.
var (
	//go:embed queries/entities_by_id.cypher
	entitiesByID string
	//go:embed queries/entities_by_id_resolved.cypher
	entitiesByIDResolved string
	//go:embed queries/entities_named.cypher
	entitiesNamed string
	//go:embed queries/resolve_ids.cypher
	resolveIDs string
	//go:embed queries/entities_page.cypher
	entitiesPage string
	//go:embed queries/search_entities.cypher
	searchEntities string
	//go:embed queries/documents_by_id.cypher
	documentsByID string
	//go:embed queries/documents_page.cypher
	documentsPage string
	//go:embed queries/documents_mentioning.cypher
	documentsMentioning string
	//go:embed queries/mentions_in_documents.cypher
	mentionsInDocuments string
	//go:embed queries/mentions_of_pairs.cypher
	mentionsOfPairs string
	//go:embed queries/entity_degrees.cypher
	entityDegrees string
	//go:embed queries/relations_by_id.cypher
	relationsByID string
	//go:embed queries/relations_around_entity.cypher
	relationsAroundEntity string
	//go:embed queries/relations_by_document.cypher
	relationsByDocument string
	//go:embed queries/relations_scan.cypher
	relationsScan string
	//go:embed queries/relation_types.cypher
	relationTypes string
	//go:embed queries/stats.cypher
	stats string
)

// Traversals.
var (
	//go:embed queries/neighbors_of_frontier.cypher
	neighborsOfFrontier string
	//go:embed queries/induced_relations.cypher
	inducedRelations string
	//go:embed queries/subgraph_elements.cypher
	subgraphElements string
	//go:embed queries/shortest_path_directed.cypher
	shortestPathDirected string
	//go:embed queries/shortest_path_undirected.cypher
	shortestPathUndirected string
	//go:embed queries/paths_directed.cypher
	pathsDirected string
	//go:embed queries/paths_undirected.cypher
	pathsUndirected string
)

// Writes.
var (
	//go:embed queries/upsert_documents.cypher
	upsertDocuments string
	//go:embed queries/upsert_entities.cypher
	upsertEntities string
	//go:embed queries/upsert_relations.cypher
	upsertRelations string
	//go:embed queries/link_mentions.cypher
	linkMentions string
	//go:embed queries/record_mentions.cypher
	recordMentions string
	//go:embed queries/lock_entities.cypher
	lockEntities string
)

// Deletions.
var (
	//go:embed queries/delete_relation.cypher
	deleteRelation string
	//go:embed queries/delete_entity.cypher
	deleteEntity string
	//go:embed queries/prune_mentions.cypher
	pruneMentions string
)

// Merges.
var (
	//go:embed queries/relations_of_entities.cypher
	relationsOfEntities string
	//go:embed queries/mentions_of_entities.cypher
	mentionsOfEntities string
	//go:embed queries/move_relations.cypher
	moveRelations string
	//go:embed queries/repoint_references.cypher
	repointReferences string
	//go:embed queries/redirect_ids.cypher
	redirectIDs string
	//go:embed queries/record_merge.cypher
	recordMerge string
	//go:embed queries/delete_merged.cypher
	deleteMerged string
	//go:embed queries/merges_of.cypher
	mergesOf string
)
