// Package subgraph serves GET /v1/subgraph: the neighbourhood of an entity
// as the nodes and edges a graph-drawing frontend draws, the hot path of a
// visualisation. It is a contract of its own beside GraphQL, with a fixed
// shape that this package's encoder writes straight to the response: the
// same walk as the GraphQL neighborhood field (newsgraph.Traverser), without
// an executor's cost per field.
//
// # Request
//
//	GET /v1/subgraph?root=person:claudia-sheinbaum&depth=2&limit=200
//
// Parameters (all but root optional):
//
//   - root: the entity id the walk starts from.
//   - depth: hops from the root, 1..4 (default 1).
//   - direction: OUT, IN or BOTH (default BOTH).
//   - types: relation types to follow, comma-separated (default all).
//   - kinds: entity kinds to include, comma-separated (default all).
//   - limit: the most nodes, the root included, 1..500 (default 100).
//   - asOf: YYYY-MM-DD; only relations valid on that day.
//   - induced: true adds every other relation among the nodes that matches
//     types and asOf, after the walk's edges (default false).
//   - format: json (default) or ndjson.
//
// # Response
//
// With format=json, one object (Content-Type application/json):
//
//	{"root":"person:claudia-sheinbaum","truncated":false,
//	 "nodes":[{"id":"person:claudia-sheinbaum","name":"Claudia Sheinbaum","kind":"PERSON","hops":0,"degree":12}, ...],
//	 "edges":[{"id":"person:claudia-sheinbaum|REJECTS|legal-concept:...","type":"REJECTS",
//	           "from":"person:claudia-sheinbaum","to":"legal-concept:...","confidence":1,
//	           "corroboration":1,"status":"ASSERTED"}, ...]}
//
// Nodes come in walk order (the root first), edges in the order the walk
// took them; every edge's from and to are among the nodes. A node's hops is
// its distance from the root along the walk (0 for the root), and its
// degree the number of relations at either end of it in the whole graph
// (newsgraph.Traverser.Degrees), whatever the filters. An edge's
// corroboration is the number of distinct documents quoted as its
// evidence, and its status DISPUTED when a CLAIM at one of its ends is
// contradicted by another relation, else ASSERTED: the GraphQL
// Relation.corroboration and Relation.status. The quotes themselves are
// GraphQL's to serve (Query.relations with a filter).
//
// A response is one store call, a newsgraph.NeighborhoodQuery with Sketch
// set: the degrees, the claims' contradictions (which give the status, by
// newsgraph.DisputedBy) and the corroboration come with the walk, and the
// edges without their evidence.
//
// With format=ndjson (Content-Type application/x-ndjson), one JSON object
// per line: {"node":{...}} for each node, then {"edge":{...}} for each
// edge, then {"root":...,"truncated":...}, so that a client can draw as it
// reads.
//
// # Errors
//
// An error is {"error":{"code":CODE,"message":MESSAGE}} with the status of
// its code: 400 BAD_USER_INPUT and LIMIT_EXCEEDED, 404 NOT_FOUND (no such
// root), 503 UNAVAILABLE, 500 INTERNAL_SERVER_ERROR; the codes are the
// GraphQL API's.
package subgraph

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/auth"
)

// Path is where Handler expects to be mounted.
const Path = "/v1/subgraph"

// Config configures Handler.
type Config struct {
	// Keys authenticate requests as they do GraphQL reads: open unless
	// RequireKey is set (then 401 UNAUTHENTICATED without a valid key), and
	// a bad key is always refused.
	Keys       *auth.KeySet
	RequireKey bool
	// Timeout bounds each request; a passed deadline answers
	// LIMIT_EXCEEDED. Zero sets no bound of its own (the request's context
	// may still have one).
	Timeout time.Duration
	// Logger receives refused keys (with the key id tried); nil logs
	// nothing.
	Logger *slog.Logger
}

// Handler returns the GET /v1/subgraph handler over store.
func Handler(store newsgraph.Traverser, cfg Config) http.Handler {
	return auth.Middleware(cfg.Keys, cfg.RequireKey, cfg.Logger, serve(store, cfg.Timeout))
}

// serve answers one request within timeout.
func serve(store newsgraph.Traverser, timeout time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if timeout > 0 {
			ctx, cancel := context.WithTimeout(r.Context(), timeout)
			defer cancel()
			r = r.WithContext(ctx)
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, newsgraph.Errorf(newsgraph.Invalid, "use GET"), http.StatusMethodNotAllowed, timeout)
			return
		}
		q, ndjson, err := parseQuery(r)
		if err != nil {
			writeError(w, err, 0, timeout)
			return
		}
		sg, disputed, err := walk(r.Context(), store, q)
		if err != nil {
			writeError(w, err, 0, timeout)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		buf := getBuffer(sg)
		defer putBuffer(buf)
		if ndjson {
			w.Header().Set("Content-Type", "application/x-ndjson")
			*buf = AppendNDJSON(*buf, q.ID, sg, disputed)
		} else {
			w.Header().Set("Content-Type", "application/json")
			*buf = AppendJSON(*buf, q.ID, sg, disputed)
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(*buf)))
		_, _ = w.Write(*buf)
	})
}

// walk reads the sketch of q's subgraph in one store call and tells which
// of its edges are disputed from its nodes' contradictions.
func walk(ctx context.Context, store newsgraph.Traverser, q newsgraph.NeighborhoodQuery) (newsgraph.Subgraph, []bool, error) {
	q.Sketch = true
	sgs, err := store.Neighborhoods(ctx, []newsgraph.NeighborhoodQuery{q})
	if err == nil && len(sgs) != 1 {
		err = errors.New("the store returned no subgraph")
	}
	if err != nil {
		return newsgraph.Subgraph{}, nil, err
	}
	return sgs[0], disputedEdges(sgs[0]), nil
}

// disputedEdges tells which edges of the sketch sg are disputed
// (newsgraph.DisputedBy), in a list parallel to sg.Edges, from its nodes'
// Contradictions: every edge's ends are nodes. It is nil when no node is a
// contradicted claim.
func disputedEdges(sg newsgraph.Subgraph) []bool {
	var contradicted map[string]int
	for i, n := range sg.Contradictions {
		if n > 0 {
			if contradicted == nil {
				contradicted = map[string]int{}
			}
			contradicted[sg.Nodes[i].ID] = n
		}
	}
	if contradicted == nil {
		return nil
	}
	disputed := make([]bool, len(sg.Edges))
	for i, e := range sg.Edges {
		disputed[i] = newsgraph.DisputedBy(e, contradicted)
	}
	return disputed
}

// parseQuery reads the request's parameters into a validated query.
func parseQuery(r *http.Request) (newsgraph.NeighborhoodQuery, bool, error) {
	v := r.URL.Query()
	q := newsgraph.NeighborhoodQuery{
		ID:        v.Get("root"),
		Depth:     1,
		Direction: newsgraph.Direction(strings.ToUpper(v.Get("direction"))),
		Limit:     newsgraph.DefaultNeighborhood,
	}
	if q.ID == "" {
		return q, false, newsgraph.Errorf(newsgraph.Invalid, "root is required: the id of the entity the walk starts from")
	}
	if err := ParseWalk(v, &q); err != nil {
		return q, false, err
	}
	format := v.Get("format")
	if format != "" && format != "json" && format != "ndjson" {
		return q, false, newsgraph.Errorf(newsgraph.Invalid, "format must be json or ndjson, got %q", format)
	}
	return q, format == "ndjson", q.Validate()
}

// ParseWalk reads the walk's parameters depth and limit (integers), types
// and kinds (comma-separated lists; kinds in any case), asOf (YYYY-MM-DD)
// and induced (true or false) from v into q, leaving the fields of absent ones as they
// are. A malformed value is Invalid; the values are not validated (see
// newsgraph.NeighborhoodQuery.Validate). GET /export reads its walk with
// it too.
func ParseWalk(v url.Values, q *newsgraph.NeighborhoodQuery) error {
	for _, p := range []struct {
		name string
		into *int
	}{{"depth", &q.Depth}, {"limit", &q.Limit}} {
		if s := v.Get(p.name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return newsgraph.Errorf(newsgraph.Invalid, "%s must be an integer, got %q", p.name, s)
			}
			*p.into = n
		}
	}
	switch induced := v.Get("induced"); induced {
	case "", "false":
	case "true":
		q.Induced = true
	default:
		return newsgraph.Errorf(newsgraph.Invalid, "induced must be true or false, got %q", induced)
	}
	q.Types = list(v.Get("types"))
	for _, k := range list(v.Get("kinds")) {
		q.Kinds = append(q.Kinds, newsgraph.Kind(strings.ToUpper(k)))
	}
	if s := v.Get("asOf"); s != "" {
		d, err := newsgraph.ParseDate(s)
		if err != nil {
			return newsgraph.Errorf(newsgraph.Invalid, "asOf must be a date YYYY-MM-DD, got %q", s)
		}
		q.AsOf = d
	}
	return nil
}

// list splits a comma-separated parameter, dropping empty items.
func list(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// WriteError answers err as this package's handlers do, with the status
// of its code; a passed deadline is LIMIT_EXCEEDED naming timeout. Handlers
// that share the error contract (package export's) answer with it.
func WriteError(w http.ResponseWriter, err error, timeout time.Duration) {
	writeError(w, err, 0, timeout)
}

// writeError answers err as {"error":{"code","message"}} with the status of
// its code, or with status when it is not 0; a passed deadline is the
// request's time limit, timeout.
func writeError(w http.ResponseWriter, err error, status int, timeout time.Duration) {
	code := newsgraph.ErrorCode(err)
	message := newsgraph.ErrorMessage(err)
	switch {
	case errors.Is(err, context.DeadlineExceeded) && code != newsgraph.Unavailable:
		limit := "its time limit"
		if timeout > 0 {
			limit = "the time limit of " + timeout.String()
		}
		code, message = newsgraph.LimitExceeded, "the request took longer than "+limit+": narrow it (a smaller depth or limit)"
	case code == newsgraph.Internal || code == "":
		code, message = newsgraph.Internal, "internal error"
	}
	if status == 0 {
		status = statusOf(code)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	b := []byte(`{"error":{"code":`)
	b = appendString(b, string(code))
	b = append(b, `,"message":`...)
	b = appendString(b, message)
	_, _ = w.Write(append(b, "}}\n"...))
}

// statusOf is the HTTP status of an error code.
func statusOf(code newsgraph.Code) int {
	switch code {
	case newsgraph.Invalid, newsgraph.LimitExceeded:
		return http.StatusBadRequest
	case newsgraph.NotFound:
		return http.StatusNotFound
	case newsgraph.Unauthenticated:
		return http.StatusUnauthorized
	case newsgraph.Forbidden:
		return http.StatusForbidden
	case newsgraph.Unavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}
