package graph

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/auth"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph/generated"
	"github.com/newsgraph/newsgraph/ingest"
)

// Defaults of Config. A zero field of Config takes the default.
const (
	// DefaultComplexityLimit bounds an operation's complexity. List fields
	// multiply the complexity of their items by their page size (see
	// complexity.go), so the number approximates the values an operation
	// may resolve; one unit measured about 1 KB and 15 allocations
	// (BenchmarkComplexity), so the limit bounds an answer near 30 MB. The
	// explorer's largest neighbourhood (depth 2, limit 500, the node and
	// edge fields it draws) costs 26,001.
	DefaultComplexityLimit = 30000
	// DefaultDepthLimit bounds how deeply an operation nests fields.
	DefaultDepthLimit = 12
	// DefaultRequestTimeout bounds the time one request may take.
	DefaultRequestTimeout = 10 * time.Second
	// DefaultMaxRequestBytes bounds the size of a request body.
	DefaultMaxRequestBytes = 1 << 20
	// DefaultMaxWriteRequestBytes bounds the body of a request with a key
	// that may write: room for the largest document ingestDocument takes
	// (ingest.MaxTextBytes), JSON-escaped, with its entities and quotes.
	DefaultMaxWriteRequestBytes = 2*ingest.MaxTextBytes + 1<<20
	// DefaultQueryCacheSize is the number of parsed queries kept.
	DefaultQueryCacheSize = 1000
	// DefaultQueryCacheBytes bounds the text of the parsed queries kept.
	DefaultQueryCacheBytes = 16 << 20
	// maxCachedQueryBytes is the longest query text kept parsed: longer
	// ones are parsed again each time, so that padding cannot pin memory.
	maxCachedQueryBytes = 64 << 10
	// DefaultMaxRootFields bounds the root fields of one operation.
	DefaultMaxRootFields = 20
	// DefaultMaxAliases bounds the aliased fields of one operation.
	DefaultMaxAliases = 30
	// DefaultKeepAlive is how often an idle websocket is pinged.
	DefaultKeepAlive = 15 * time.Second
	// websocketInitTimeout bounds the wait for connection_init.
	websocketInitTimeout = 10 * time.Second
	// DefaultTokenLimit bounds the number of tokens in a query, so that
	// parsing and validation stay cheap; the full introspection query has
	// about 300.
	DefaultTokenLimit = 10000
)

// Config configures NewHandler. The zero Config is a working configuration.
type Config struct {
	// ComplexityLimit rejects operations whose complexity exceeds it with
	// LIMIT_EXCEEDED; 0 means DefaultComplexityLimit.
	ComplexityLimit int
	// DepthLimit rejects operations that nest fields more deeply with
	// LIMIT_EXCEEDED; 0 means DefaultDepthLimit. Introspection fields
	// (__schema, __type) are not counted.
	DepthLimit int
	// RequestTimeout bounds each request; 0 means DefaultRequestTimeout.
	RequestTimeout time.Duration
	// MaxRequestBytes bounds the request body; 0 means
	// DefaultMaxRequestBytes. Queries need little; only writers send
	// documents.
	MaxRequestBytes int64
	// MaxWriteRequestBytes bounds the request body of a caller whose key
	// has scope write or admin; 0 means DefaultMaxWriteRequestBytes. It is
	// never below MaxRequestBytes.
	MaxWriteRequestBytes int64
	// TokenLimit rejects queries of more tokens; 0 means
	// DefaultTokenLimit.
	TokenLimit int
	// QueryCacheSize is the number of parsed queries kept in an LRU cache;
	// 0 means DefaultQueryCacheSize.
	QueryCacheSize int
	// QueryCacheBytes bounds the total text of the cached queries; 0 means
	// DefaultQueryCacheBytes. Queries longer than 64 KiB are never cached.
	QueryCacheBytes int
	// MaxRootFields rejects operations with more root fields with
	// LIMIT_EXCEEDED; 0 means DefaultMaxRootFields.
	MaxRootFields int
	// MaxAliases rejects operations with more aliased fields with
	// LIMIT_EXCEEDED; 0 means DefaultMaxAliases.
	MaxAliases int
	// DisableIntrospection turns schema introspection off. It is on by
	// default: the schema's descriptions are the API's documentation.
	DisableIntrospection bool
	// Logger receives internal errors, recovered panics and the log of
	// every write; nil means slog.Default().
	Logger *slog.Logger

	// Keys authenticates API keys (Authorization: Bearer <key>). Every
	// mutation needs a key of at least its scope; nil accepts no key, which
	// makes the API read-only: every mutation is UNAUTHENTICATED.
	Keys *auth.KeySet
	// RequireKeyForReads makes every request, queries and subscriptions
	// included, need a valid key (any scope); without one it is answered
	// with 401 and UNAUTHENTICATED. Reads are open by default.
	RequireKeyForReads bool
	// Broker carries the changes made through this handler to the
	// graphChanged subscribers; nil means a new broker of the handler's own.
	// Share one to publish changes made elsewhere in the process.
	Broker *events.Broker
	// KeepAlive is how often the websocket transport sends graphql-ws
	// keep-alive pings; 0 means DefaultKeepAlive.
	KeepAlive time.Duration
	// PersistedQueries is the persisted-query mode; "" means
	// PersistedQueriesAutomatic. PersistedQueriesAllowlist needs Allowlist.
	PersistedQueries PersistedQueries
	// Allowlist is the operations a PersistedQueriesAllowlist handler
	// accepts (see LoadAllowlist).
	Allowlist *Allowlist
	// Extensions are further gqlgen handler extensions (metrics, tracing),
	// used after the handler's own limits, in order.
	Extensions []graphql.HandlerExtension
	// Ingested, if not nil, is told what each ingestDocument did:
	// (1, 0, relations) when it committed the document, with the relations
	// it created or corroborated, and (0, 1, 0) when it rejected it as
	// invalid; a store failure tells nothing. (*metrics.Metrics).Imported
	// fits it.
	Ingested func(committed, rejected, relations int)
}

func (c Config) withDefaults() Config {
	if c.ComplexityLimit <= 0 {
		c.ComplexityLimit = DefaultComplexityLimit
	}
	if c.DepthLimit <= 0 {
		c.DepthLimit = DefaultDepthLimit
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	if c.MaxRequestBytes <= 0 {
		c.MaxRequestBytes = DefaultMaxRequestBytes
	}
	if c.MaxWriteRequestBytes <= 0 {
		c.MaxWriteRequestBytes = DefaultMaxWriteRequestBytes
	}
	c.MaxWriteRequestBytes = max(c.MaxWriteRequestBytes, c.MaxRequestBytes)
	if c.TokenLimit <= 0 {
		c.TokenLimit = DefaultTokenLimit
	}
	if c.QueryCacheSize <= 0 {
		c.QueryCacheSize = DefaultQueryCacheSize
	}
	if c.QueryCacheBytes <= 0 {
		c.QueryCacheBytes = DefaultQueryCacheBytes
	}
	if c.MaxRootFields <= 0 {
		c.MaxRootFields = DefaultMaxRootFields
	}
	if c.MaxAliases <= 0 {
		c.MaxAliases = DefaultMaxAliases
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.KeepAlive <= 0 {
		c.KeepAlive = DefaultKeepAlive
	}
	if c.Broker == nil {
		c.Broker = events.NewBroker(c.Logger, 0)
	}
	if c.PersistedQueries == "" {
		c.PersistedQueries = PersistedQueriesAutomatic
	}
	return c
}

// Validate reports a configuration NewHandler cannot honour: an unknown
// persisted-query mode, or the allowlist mode without operations. (Given
// one anyway, NewHandler fails closed: it refuses every operation.)
func (c Config) Validate() error {
	c = c.withDefaults()
	_, err := persistedQueryExtension(c.PersistedQueries, c.Allowlist)
	return err
}

// NewHandler returns the GraphQL endpoint over store: it accepts GET and
// POST (and answers OPTIONS) and graphql-ws websockets for subscriptions,
// authenticates API keys (see Config.Keys), gives every request its
// deadline, enforces the depth and complexity limits, and
// reports errors with extensions.code (BAD_USER_INPUT, NOT_FOUND,
// LIMIT_EXCEEDED, UNAUTHENTICATED, FORBIDDEN, UNAVAILABLE,
// INTERNAL_SERVER_ERROR, or gqlgen's GRAPHQL_PARSE_FAILED and
// GRAPHQL_VALIDATION_FAILED).
func NewHandler(store newsgraph.Store, cfg Config) http.Handler {
	cfg = cfg.withDefaults()
	schema := generated.NewExecutableSchema(generated.Config{
		Resolvers: &resolver{
			store:     store,
			ingest:    ingest.New(store),
			extractor: extract.NewOffline(extract.NewSource(store)),
			broker:    cfg.Broker,
			logger:    cfg.Logger,
			ingested:  cfg.Ingested,
		},
		Directives: generated.DirectiveRoot{Requires: requiresDirective(cfg.Logger)},
		Complexity: complexityRoot(),
	})

	srv := handler.New(schema)
	// Transports are explicit. The websocket transport comes first: GET
	// declines upgrade requests anyway, but the order documents it.
	ws := transport.Websocket{
		KeepAlivePingInterval: cfg.KeepAlive,
		InitFunc:              closableConnections(initWebsocket(cfg.Keys, cfg.RequireKeyForReads)),
		InitTimeout:           websocketInitTimeout,
	}
	transports := []graphql.Transport{ws, transport.Options{}, transport.GET{}, transport.POST{}}
	for _, t := range transports {
		srv.AddTransport(t)
	}
	srv.SetQueryCache(newQueryCache(cfg.QueryCacheSize, cfg.QueryCacheBytes, maxCachedQueryBytes))
	srv.SetParserTokenLimit(cfg.TokenLimit)
	if cfg.DisableIntrospection {
		srv.Use(noIntrospection{})
	} else {
		srv.Use(extension.Introspection{})
	}
	// The shape limit runs first: it is linear in the query, while
	// gqlgen's complexity walk expands every fragment spread.
	persisted, err := persistedQueryExtension(cfg.PersistedQueries, cfg.Allowlist)
	if err != nil {
		cfg.Logger.Error("the GraphQL handler refuses every operation", "err", err)
		persisted = allowlistOnly{allow: NewAllowlist()}
	}
	if persisted != nil {
		srv.Use(persisted)
	}
	srv.Use(numberRange{})
	srv.Use(transportRule{})
	srv.Use(shapeLimit{maxDepth: cfg.DepthLimit, maxFields: cfg.ComplexityLimit, maxRootFields: cfg.MaxRootFields, maxAliases: cfg.MaxAliases})
	srv.Use(extension.FixedComplexityLimit(cfg.ComplexityLimit))
	for _, e := range cfg.Extensions {
		srv.Use(e)
	}
	srv.AroundOperations(recordOperation)
	srv.SetErrorPresenter(errorPresenter(cfg.Logger, cfg.RequestTimeout))
	srv.SetRecoverFunc(recoverFunc(cfg.Logger))

	h := requireTransport(srv, transports)
	// An HTTP request gets its deadline and body limit here. A websocket
	// lives as long as its subscriptions: no deadline.
	httpHandler := limitRequest(h, cfg.RequestTimeout, cfg.MaxRequestBytes, cfg.MaxWriteRequestBytes)
	routed := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isWebsocketUpgrade(r) {
			if problem := badUpgrade(r); problem != "" {
				writeError(w, http.StatusBadRequest, newsgraph.Invalid, problem)
				return
			}
			h.ServeHTTP(w, withTransport(r, transportWebsocket))
			return
		}
		httpHandler.ServeHTTP(w, withTransport(r, r.Method))
	})
	return recoverHTTP(authenticate(routed, cfg.Keys, cfg.RequireKeyForReads, cfg.Logger), cfg.Logger)
}

// limitRequest gives each request a deadline and a bounded body, of
// maxBytes, or maxWriteBytes for a caller that may write (authentication
// has run): a declared length over the limit is refused with 413 and
// LIMIT_EXCEEDED, and a body that turns out longer fails to read
// (BAD_USER_INPUT).
func limitRequest(next http.Handler, timeout time.Duration, maxBytes, maxWriteBytes int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit, hint := maxBytes, fmt.Sprintf(" (%d with a key of scope write)", maxWriteBytes)
		if p, ok := auth.FromContext(r.Context()); ok && p.Scope.Allows(auth.ScopeWrite) {
			limit, hint = maxWriteBytes, ""
		}
		if r.ContentLength > limit {
			writeError(w, http.StatusRequestEntityTooLarge, newsgraph.LimitExceeded,
				fmt.Sprintf("the request body has %d bytes, more than the limit of %d%s", r.ContentLength, limit, hint))
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// requireTransport answers requests no transport supports (a POST without
// a JSON body, say) with 400 and a BAD_USER_INPUT error; gqlgen's own
// answer carries no extensions.code.
func requireTransport(next http.Handler, transports []graphql.Transport) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, t := range transports {
			if t.Supports(r) {
				next.ServeHTTP(w, r)
				return
			}
		}
		writeError(w, http.StatusBadRequest, newsgraph.Invalid,
			"unsupported request: send the query by POST with Content-Type application/json, or by GET with a query parameter")
	})
}
