// Package reqlog carries a request's identity through its context: the
// request id the HTTP layer gives it (or takes from a sane X-Request-ID
// header) and the GraphQL operation it turned out to run, which only the
// GraphQL layer learns. The HTTP layer writes both in the request's log
// line, and Handler adds the id to every other log record made with the
// request's context, so that a write's log and its request's line can be
// joined.
package reqlog

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"sync"
)

// Record is what the logs know of one request. Its methods are safe on a
// nil Record, which a context without one returns.
type Record struct {
	id string

	mu            sync.Mutex
	operation     string
	operationType string
}

type recordKey struct{}

// New returns a record for a request with the given id; an id that is not
// a sane request id (see ValidID) is replaced by a random one.
func New(id string) *Record {
	if !ValidID(id) {
		id = randomID()
	}
	return &Record{id: id}
}

// ValidID reports whether id can be taken from a client: 1 to 64 letters,
// digits, '-', '_' or '.', so that it cannot forge log fields.
func ValidID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range []byte(id) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c == '.':
		default:
			return false
		}
	}
	return true
}

func randomID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported systems
	return hex.EncodeToString(b[:])
}

// With returns ctx carrying r.
func With(ctx context.Context, r *Record) context.Context {
	return context.WithValue(ctx, recordKey{}, r)
}

// From returns the record ctx carries, or nil.
func From(ctx context.Context) *Record {
	r, _ := ctx.Value(recordKey{}).(*Record)
	return r
}

// ID returns the request id, "" for a nil record.
func (r *Record) ID() string {
	if r == nil {
		return ""
	}
	return r.id
}

// SetOperation records the GraphQL operation the request ran: its name
// ("" when anonymous) and type (query, mutation, subscription).
func (r *Record) SetOperation(name, typ string) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.operation, r.operationType = name, typ
}

// Operation returns what SetOperation recorded.
func (r *Record) Operation() (name, typ string) {
	if r == nil {
		return "", ""
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.operation, r.operationType
}

// Handler returns a slog.Handler that adds "requestId" to the records
// logged with a context carrying a Record, and passes everything to h.
func Handler(h slog.Handler) slog.Handler { return idHandler{h} }

type idHandler struct{ slog.Handler }

// Handle implements slog.Handler.
func (h idHandler) Handle(ctx context.Context, rec slog.Record) error {
	if id := From(ctx).ID(); id != "" {
		rec.AddAttrs(slog.String("requestId", id))
	}
	return h.Handler.Handle(ctx, rec)
}

// WithAttrs implements slog.Handler.
func (h idHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return idHandler{h.Handler.WithAttrs(attrs)}
}

// WithGroup implements slog.Handler.
func (h idHandler) WithGroup(name string) slog.Handler { return idHandler{h.Handler.WithGroup(name)} }
