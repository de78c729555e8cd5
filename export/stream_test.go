package export_test

import (
	"context"
	"encoding/xml"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/export"
	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/storetest"
)

// slowRelations is a store whose relation pages take delay each.
type slowRelations struct {
	newsgraph.Store
	delay time.Duration
}

func (s slowRelations) Relations(ctx context.Context, qs []newsgraph.RelationQuery) ([]newsgraph.Page[*newsgraph.Relation], error) {
	select {
	case <-time.After(s.delay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return s.Store.Relations(ctx, qs)
}

// TestWholeGraphOutlivesTheRequestTimeout: behind the whole server, whose
// connection deadlines follow from a short request timeout, a whole-graph
// export that takes longer than them still arrives whole.
func TestWholeGraphOutlivesTheRequestTimeout(t *testing.T) {
	// Two relation pages of a second each: past the read deadline the
	// server sets (the request timeout plus a second), which would cancel
	// the request, and the write deadline moves with it.
	store := slowRelations{Store: openFixture(t), delay: time.Second}
	cfg := server.Config{RequestTimeout: 50 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)}
	routes := server.Routes{
		GraphQL: http.NotFoundHandler(),
		Export:  export.Handler(store, export.Config{Timeout: cfg.RequestTimeout, StreamTimeout: time.Minute}),
	}
	srv := httptest.NewServer(server.Handler(routes, store, cfg))
	t.Cleanup(srv.Close)
	resp, body := get(t, srv.URL+export.Path+"?format=graphml", "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var doc struct {
		Edges []struct{} `xml:"graph>edge"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("the export was cut: %v", err)
	}
	if got, want := len(doc.Edges), len(storetest.Fixture().Relations)+1; got != want {
		t.Errorf("%d edges, want %d", got, want)
	}
}
