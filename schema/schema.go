// Package schema holds the GraphQL schema of the newsgraph API (queries,
// mutations and the graphChanged subscription), one .graphqls file per
// area. gqlgen generates package graph from these files; Files embeds them
// so that a server can publish the SDL.
package schema

import "embed"

// Files holds the schema's .graphqls files.
//
//go:embed *.graphqls
var Files embed.FS
