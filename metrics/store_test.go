package metrics_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/metrics"
)

// TestStoreCallsAreCountedByCode checks the code label of failed store
// calls: the domain code, and a bare deadline or cancellation as the API
// reports them.
func TestStoreCallsAreCountedByCode(t *testing.T) {
	tests := []struct {
		err  error
		code string
	}{
		{nil, "ok"},
		{newsgraph.Errorf(newsgraph.NotFound, "no such entity"), "NOT_FOUND"},
		{fmt.Errorf("wrapped: %w", newsgraph.Errorf(newsgraph.Invalid, "bad")), "BAD_USER_INPUT"},
		{fmt.Errorf("embedded: %w", context.DeadlineExceeded), "LIMIT_EXCEEDED"},
		{context.Canceled, "UNAVAILABLE"},
		{&newsgraph.Error{Code: newsgraph.Unavailable, Err: context.DeadlineExceeded}, "UNAVAILABLE"},
		{errors.New("disk on fire"), "INTERNAL_SERVER_ERROR"},
	}
	m := metrics.New()
	obs := m.StoreObserver("neo4j")
	for _, tt := range tests {
		ctx, end := obs.StoreCall(t.Context(), "EntitiesByID")
		if ctx != t.Context() {
			t.Error("the observer changed the call's context")
		}
		end(tt.err)
	}
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	s := parse(t, rec.Body)
	for _, tt := range tests {
		want := 1.0
		if tt.code == "UNAVAILABLE" {
			want = 2
		}
		if got := s[series("newsgraph_store_calls_total", "store", "neo4j", "operation", "EntitiesByID", "code", tt.code)]; got != want {
			t.Errorf("%v: calls with code %s = %v, want %v", tt.err, tt.code, got, want)
		}
	}
	if got := s[series("newsgraph_store_call_duration_seconds", "store", "neo4j", "operation", "EntitiesByID")]; got != float64(len(tests)) {
		t.Errorf("latencies observed = %v, want %d", got, len(tests))
	}
}

// TestRuntimeAndProcessMetrics checks that the Go runtime's and the
// process's collectors are registered.
func TestRuntimeAndProcessMetrics(t *testing.T) {
	rec := httptest.NewRecorder()
	metrics.New().Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	s := parse(t, rec.Body)
	for _, name := range []string{"go_goroutines{}", "go_memstats_heap_alloc_bytes{}", "process_start_time_seconds{}", "process_resident_memory_bytes{}"} {
		if s[name] <= 0 {
			t.Errorf("%s = %v, want > 0", name, s[name])
		}
	}
}
