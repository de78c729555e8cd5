package neo4j

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph"
)

// Config says how to reach Neo4j.
type Config struct {
	// URI is the server's address, such as "neo4j://localhost:7687" (a
	// routing URI, for a single server or a cluster), "neo4j+s://host" (TLS)
	// or "bolt://host:7687" (one server, no routing).
	URI string
	// User and Password are the basic-auth credentials.
	User     string
	Password string
	// Database is the database to use; empty means the server's default
	// (home) database.
	Database string
	// Logger receives the store's log records; nil means slog.Default().
	Logger *slog.Logger
}

// Validate reports a configuration that cannot work: no URI, a URI scheme
// the driver does not know, or a password without a user.
func (c Config) Validate() error {
	if c.URI == "" {
		return newsgraph.Errorf(newsgraph.Invalid, "neo4j: URI must not be empty")
	}
	scheme, _, ok := strings.Cut(c.URI, "://")
	if !ok {
		return newsgraph.Errorf(newsgraph.Invalid, "neo4j: URI %q has no scheme: want neo4j://, neo4j+s://, bolt:// or bolt+s://", c.URI)
	}
	switch scheme {
	case "neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc":
	default:
		return newsgraph.Errorf(newsgraph.Invalid, "neo4j: URI scheme %q is not supported: want neo4j, neo4j+s, neo4j+ssc, bolt, bolt+s or bolt+ssc", scheme)
	}
	if c.User == "" && c.Password != "" {
		return newsgraph.Errorf(newsgraph.Invalid, "neo4j: a password is set but the user is empty")
	}
	return nil
}

// Store is a newsgraph.Store over a Neo4j 5 database. It is safe for
// concurrent use: it holds one driver, whose connection pool every method
// shares.
type Store struct {
	driver   neo4j.DriverWithContext
	database string
	log      *slog.Logger
	// observe, when set, is told every statement and its parameters before
	// it runs; the package's tests use it to prove each statement ran and to
	// profile the statements with the parameters the store builds.
	observe func(statement string, params map[string]any)
	// closed is set by Close, so that calls after it are Unavailable, as
	// on the embedded store, rather than the driver's usage error.
	closed atomic.Bool
}

var _ newsgraph.Store = (*Store)(nil)

// Open connects to Neo4j, checks that the server is reachable, and creates
// the schema (constraints and indexes) when it does not exist yet. A server
// that cannot be reached is an Unavailable error wrapping the driver's.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	return open(ctx, cfg, nil)
}

// open is Open with an observer of the statements run (nil for none).
func open(ctx context.Context, cfg Config, observe func(statement string, params map[string]any)) (*Store, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		return nil, newsgraph.Errorf(newsgraph.Invalid, "neo4j: cannot create a driver for %s: %v", redact(cfg.URI), err)
	}
	s := &Store{driver: driver, database: cfg.Database, log: log, observe: observe}
	if err := driver.VerifyConnectivity(ctx); err != nil {
		_ = driver.Close(ctx)
		return nil, &newsgraph.Error{Code: newsgraph.Unavailable, Op: "open", Message: "neo4j at " + redact(cfg.URI) + " is unreachable", Err: err}
	}
	if err := s.ensureSchema(ctx); err != nil {
		_ = driver.Close(ctx)
		return nil, err
	}
	log.InfoContext(ctx, "neo4j store open", "uri", redact(cfg.URI), "database", cfg.Database)
	return s, nil
}

// redact returns uri without any user information it carries, for logs and
// messages.
func redact(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return "(unparsable URI)"
	}
	u.User = nil
	return u.String()
}

// Ping reports whether the server is reachable.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		return s.storeErr("ping", err)
	}
	return nil
}

// Close closes the driver and its connections.
func (s *Store) Close() error {
	s.closed.Store(true)
	return s.driver.Close(context.Background())
}

// session opens a session on the configured database in the given mode.
// Every session shares the driver's bookmark manager, so a read that
// follows a write sees it even when a cluster serves the read from another
// member (causal consistency across the store's calls).
func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName:    s.database,
		AccessMode:      mode,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager(),
	})
}

// Server-side limits of one transaction, so that a runaway traversal (such
// as Paths on a dense graph) is stopped by the server and reported as
// Unavailable rather than holding resources until the client gives up.
const (
	readTimeout  = 30 * time.Second
	writeTimeout = 120 * time.Second
)

// readTx runs work in a managed read transaction, which the driver routes
// to a reader in a cluster and retries on transient failures.
func readTx[T any](ctx context.Context, s *Store, op string, work neo4j.ManagedTransactionWorkT[T]) (T, error) {
	callCtx, cancel := callContext(ctx)
	defer cancel()
	session := s.session(callCtx, neo4j.AccessModeRead)
	defer closeSession(callCtx, s, session)
	v, err := neo4j.ExecuteRead(callCtx, session, observed(s, work), neo4j.WithTxTimeout(readTimeout))
	if err != nil {
		return v, s.callErr(callCtx, op, err)
	}
	return v, nil
}

// writeTx runs work in a managed write transaction, routed to the leader.
func writeTx[T any](ctx context.Context, s *Store, op string, work neo4j.ManagedTransactionWorkT[T]) (T, error) {
	callCtx, cancel := callContext(ctx)
	defer cancel()
	session := s.session(callCtx, neo4j.AccessModeWrite)
	defer closeSession(callCtx, s, session)
	v, err := neo4j.ExecuteWrite(callCtx, session, observed(s, work), neo4j.WithTxTimeout(writeTimeout))
	if err != nil {
		return v, s.callErr(callCtx, op, err)
	}
	return v, nil
}

// probeTimeout is the part of a caller's deadline kept back to tell a
// server that does not answer from a call that outlasts the deadline.
const probeTimeout = 300 * time.Millisecond

// callContext returns the context of one store call: the caller's, with a
// deadline probeTimeout earlier when it has one long enough, so that
// callErr can still probe the server within the caller's deadline.
func callContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if d, ok := ctx.Deadline(); ok && time.Until(d) > 2*probeTimeout {
		return context.WithDeadline(ctx, d.Add(-probeTimeout))
	}
	return context.WithCancel(ctx)
}

// callErr is storeErr for a call that ran with ctx from callContext. When
// its deadline passed, whatever error the driver made of it: if the server
// answers a ping within probeTimeout, the call was only slow, and the
// caller's deadline is reported (a plain error wrapping
// context.DeadlineExceeded, which the API reports as LIMIT_EXCEEDED with
// its time limit); if it does not, the store is Unavailable.
func (s *Store) callErr(ctx context.Context, op string, err error) error {
	if !errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return s.storeErr(op, err)
	}
	probe, cancel := context.WithTimeout(context.WithoutCancel(ctx), probeTimeout)
	defer cancel()
	if perr := s.driver.VerifyConnectivity(probe); perr != nil {
		return &newsgraph.Error{Code: newsgraph.Unavailable, Op: op, Message: "neo4j does not answer", Err: errors.Join(err, perr)}
	}
	return fmt.Errorf("neo4j: %s: %w", op, context.DeadlineExceeded)
}

// observed returns work, running in a transaction that reports each
// statement to the store's observer when there is one.
func observed[T any](s *Store, work neo4j.ManagedTransactionWorkT[T]) neo4j.ManagedTransactionWorkT[T] {
	if s.observe == nil {
		return work
	}
	return func(tx neo4j.ManagedTransaction) (T, error) {
		return work(observedTx{ManagedTransaction: tx, observe: s.observe})
	}
}

// observedTx is a transaction that reports each statement before running it.
type observedTx struct {
	neo4j.ManagedTransaction
	observe func(statement string, params map[string]any)
}

// Run reports cypher and params to the observer and runs it.
func (tx observedTx) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	tx.observe(cypher, params)
	return tx.ManagedTransaction.Run(ctx, cypher, params)
}

func closeSession(ctx context.Context, s *Store, session neo4j.SessionWithContext) {
	if err := session.Close(context.WithoutCancel(ctx)); err != nil {
		s.log.WarnContext(ctx, "neo4j: closing a session failed", "err", err)
	}
}

// storeErr turns an error from the driver into the store's error: domain
// errors pass through, a server that cannot be reached, a transient failure
// or a server-side transaction timeout is Unavailable, and anything else is
// wrapped once as an internal error. Caller deadlines are callErr's.
func (s *Store) storeErr(op string, err error) error {
	var domain *newsgraph.Error
	if errors.As(err, &domain) {
		return err
	}
	if s.closed.Load() {
		return &newsgraph.Error{Code: newsgraph.Unavailable, Op: op, Message: "the neo4j store is closed", Err: err}
	}
	if unavailable(err) {
		return &newsgraph.Error{Code: newsgraph.Unavailable, Op: op, Message: "neo4j is unavailable", Err: err}
	}
	return fmt.Errorf("neo4j: %s: %w", op, err)
}

// unavailable reports whether err means the server cannot serve now rather
// than that the query is wrong.
func unavailable(err error) bool {
	var (
		connectivity *neo4j.ConnectivityError
		limit        *neo4j.TransactionExecutionLimit
		auth         *neo4j.InvalidAuthenticationError
		server       *neo4j.Neo4jError
	)
	switch {
	case errors.As(err, &connectivity),
		errors.As(err, &limit),
		errors.As(err, &auth):
		return true
	case errors.As(err, &server):
		return strings.HasPrefix(server.Code, "Neo.TransientError.") ||
			strings.HasPrefix(server.Code, "Neo.ClientError.Transaction.TransactionTimedOut") ||
			strings.HasPrefix(server.Code, "Neo.ClientError.Cluster.") ||
			strings.HasPrefix(server.Code, "Neo.ClientError.Security.")
	}
	return false
}
