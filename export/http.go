package export

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/auth"
	"github.com/newsgraph/newsgraph/subgraph"
)

// Path is where Handler expects to be mounted.
const Path = "/export"

// DefaultStreamTimeout is the default of Config.StreamTimeout.
const DefaultStreamTimeout = 10 * time.Minute

// Config configures Handler.
type Config struct {
	// Keys authenticate requests as they do GraphQL reads and
	// /v1/subgraph: open unless RequireKey is set (then 401
	// UNAUTHENTICATED without a valid key), and a bad key is always
	// refused.
	Keys       *auth.KeySet
	RequireKey bool
	// Timeout bounds a neighbourhood export, as it bounds any API request.
	Timeout time.Duration
	// StreamTimeout bounds a whole-graph export (any format, and JSON
	// Lines), which streams as it reads and may take minutes on a big
	// graph; it also moves the connection's read and write deadlines that
	// the server set from its request timeout. 0 means
	// DefaultStreamTimeout.
	StreamTimeout time.Duration
	// Logger receives refused keys and exports that failed once streaming;
	// nil logs nothing.
	Logger *slog.Logger
}

// Handler returns the GET /export handler over store:
//
//	GET /export?format=graphml
//	GET /export?format=cytoscape&around=person:claudia-sheinbaum&depth=2
//
// Parameters: format (required: jsonl, graphml, gexf, cytoscape,
// graphology or csv), and for the graph formats around (an entity id: its
// neighbourhood instead of the whole graph), depth (1..4, default 1) and
// limit (1..500, default 500) with around, types and kinds
// (comma-separated), asOf (YYYY-MM-DD). jsonl is the whole store as
// "newsgraph import" reads it, a backup taken while the server runs, and
// takes no other parameter.
//
// The answer is an attachment (Content-Disposition) named after the
// export, such as newsgraph.graphml, with the format's Content-Type. An
// unknown format or a bad parameter is 400 BAD_USER_INPUT (or
// LIMIT_EXCEEDED) with {"error":{"code","message"}}, as /v1/subgraph
// answers; an absent around is 404 NOT_FOUND. An error after the first
// byte was sent aborts the response, so that a client never takes a cut
// export for a whole one.
func Handler(store newsgraph.Store, cfg Config) http.Handler {
	if cfg.StreamTimeout <= 0 {
		cfg.StreamTimeout = DefaultStreamTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return auth.Middleware(cfg.Keys, cfg.RequireKey, cfg.Logger, serve(store, cfg))
}

// serve answers one request.
func serve(store newsgraph.Store, cfg Config) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		format, q, err := parseQuery(r)
		timeout := cfg.Timeout
		if q.Around == "" {
			timeout = cfg.StreamTimeout
			deadline := time.Now().Add(timeout + 5*time.Second)
			rc := http.NewResponseController(w)
			_ = rc.SetReadDeadline(deadline) // unsupported by test recorders
			_ = rc.SetWriteDeadline(deadline)
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		if err != nil {
			subgraph.WriteError(w, err, timeout)
			return
		}
		var g Graph
		if format.Name != "jsonl" {
			if g, err = Open(ctx, store, q); err != nil {
				subgraph.WriteError(w, err, timeout)
				return
			}
		}
		w.Header().Set("Content-Type", format.ContentType)
		w.Header().Set("Content-Disposition", `attachment; filename="`+fileName(q)+format.Ext+`"`)
		w.Header().Set("Cache-Control", "no-store")
		if format.Name == "jsonl" {
			err = WriteJSONL(ctx, w, store)
		} else {
			err = format.Write(ctx, w, g)
		}
		if err != nil {
			cfg.Logger.WarnContext(ctx, "export failed while streaming; response aborted", "format", format.Name, "around", q.Around, "err", err)
			panic(http.ErrAbortHandler)
		}
	})
}

// jsonlFormat describes JSON Lines, which is written from the store, not
// from a Graph.
var jsonlFormat = Format{Name: "jsonl", ContentType: "application/x-ndjson", Ext: ".jsonl"}

// parseQuery reads the request's parameters into a format and a validated
// query.
func parseQuery(r *http.Request) (Format, Query, error) {
	v := r.URL.Query()
	var q Query
	name := v.Get("format")
	f, ok := Formats[name]
	if name == "jsonl" {
		f, ok = jsonlFormat, true
	}
	if !ok {
		return f, q, newsgraph.Errorf(newsgraph.Invalid, "format must be one of %s, got %q", strings.Join(FormatNames, ", "), name)
	}
	var walk newsgraph.NeighborhoodQuery
	if err := subgraph.ParseWalk(v, &walk); err != nil {
		return f, q, err
	}
	q = Query{Around: v.Get("around"), Depth: walk.Depth, Limit: walk.Limit, Types: walk.Types, Kinds: walk.Kinds, AsOf: walk.AsOf, Induced: walk.Induced}
	if f.Name == "jsonl" {
		for _, p := range []string{"around", "depth", "limit", "types", "kinds", "asOf", "induced"} {
			if v.Has(p) {
				return f, q, newsgraph.Errorf(newsgraph.Invalid, "format=jsonl exports the whole store and takes no %s", p)
			}
		}
	}
	return f, q, q.Validate()
}

// fileName names an export's file, without extension: newsgraph, or
// newsgraph-around-ID with the id's characters other than letters, digits
// and dashes made dashes.
func fileName(q Query) string {
	if q.Around == "" {
		return "newsgraph"
	}
	safe := strings.Map(func(r rune) rune {
		if r == '-' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
			return r
		}
		return '-'
	}, q.Around)
	return fmt.Sprintf("newsgraph-around-%s", safe)
}
