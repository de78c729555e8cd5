package metrics_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/instrument"
	"github.com/newsgraph/newsgraph/metrics"
	"github.com/newsgraph/newsgraph/server"
)

// TestOperationNamesAreCapped sends more distinct operation names than the
// metrics label: the first MaxOperationNames keep their names, later ones
// and overlong ones are "other", and a name seen before keeps its label.
func TestOperationNamesAreCapped(t *testing.T) {
	a := startAPI(t, apiOptions{})
	extra := 5
	for i := range metrics.MaxOperationNames + extra {
		if status, resp := a.post(t, nil, fmt.Sprintf("query op%d { __typename }", i), nil); status != 200 || resp.code() != "ok" {
			t.Fatalf("op%d: %d %v", i, status, resp.Errors)
		}
	}
	long := "q" + strings.Repeat("x", 64)
	for _, q := range []string{"query op0 { __typename }", "query " + long + " { __typename }"} {
		if status, resp := a.post(t, nil, q, nil); status != 200 || resp.code() != "ok" {
			t.Fatalf("%.20s: %d %v", q, status, resp.Errors)
		}
	}
	s := a.scrape(t).with("newsgraph_graphql_operations_total", "type", "query")
	if got, want := len(s), metrics.MaxOperationNames+1; got != want {
		t.Errorf("%d operation series, want %d (the first %d names and %q)", got, want, metrics.MaxOperationNames, metrics.OtherOperation)
	}
	for _, want := range []struct {
		name  string
		count float64
	}{
		{"op0", 2},
		{fmt.Sprintf("op%d", metrics.MaxOperationNames-1), 1},
		{metrics.OtherOperation, float64(extra + 1)},
	} {
		if got := s[series("newsgraph_graphql_operations_total", "operation", want.name, "type", "query", "code", "ok")]; got != want.count {
			t.Errorf("operation %q counted %v times, want %v", want.name, got, want.count)
		}
	}
	if got := s.with("newsgraph_graphql_operations_total", "operation", fmt.Sprintf("op%d", metrics.MaxOperationNames)); len(got) != 0 {
		t.Errorf("a name past the cap has series of its own: %v", got)
	}
}

// gate is a store observer that holds the Stats calls made while it is
// closed, to keep a request in flight.
type gate struct {
	entered chan struct{}
	release chan struct{}
}

func (g gate) StoreCall(ctx context.Context, op string) (context.Context, func(error)) {
	if op == "Stats" {
		g.entered <- struct{}{}
		<-g.release
	}
	return ctx, func(error) {}
}

// downStore is a store that cannot be reached, behind /readyz.
type downStore struct{}

func (downStore) Ping(context.Context) error { return errors.New("down") }

// TestOverloadedRequestsAreCounted fills the server's one request slot and
// checks that the request refused with 503 counts as overloaded, while a
// 503 of a store that is down (/readyz) does not.
func TestOverloadedRequestsAreCounted(t *testing.T) {
	// A second call entering (the limit not holding) fails the test
	// instead of blocking it.
	g := gate{entered: make(chan struct{}, 2), release: make(chan struct{})}
	a := startAPI(t, apiOptions{server: server.Config{MaxConcurrent: 1}, observer: instrument.Observer(g), pinger: downStore{}})
	done := make(chan int)
	go func() {
		status, _ := a.post(t, nil, `query Held { stats { entities } }`, nil)
		done <- status
	}()
	<-g.entered
	status, resp := a.post(t, nil, `query Refused { stats { entities } }`, nil)
	close(g.release)
	if status != http.StatusServiceUnavailable || resp.code() != "UNAVAILABLE" {
		t.Fatalf("a request over the limit: %d %s, want 503 UNAVAILABLE", status, resp.code())
	}
	if got := <-done; got != http.StatusOK {
		t.Fatalf("the held request: %d", got)
	}
	if got := a.get(t, "/readyz"); got != http.StatusServiceUnavailable {
		t.Fatalf("/readyz over a store that is down: %d", got)
	}
	s := a.scrape(t)
	for _, want := range []struct {
		series string
		value  float64
	}{
		{series("newsgraph_http_refused_total", "reason", "overloaded"), 1},
		{series("newsgraph_http_refused_total", "reason", "rate_limited"), 0},
		{series("newsgraph_http_requests_total", "route", "/graphql", "code", "503"), 1},
		{series("newsgraph_http_requests_total", "route", "/readyz", "code", "503"), 1},
		{series("newsgraph_graphql_operations_total", "operation", "Held", "type", "query", "code", "ok"), 1},
	} {
		if got := s[want.series]; got != want.value {
			t.Errorf("%s = %v, want %v", want.series, got, want.value)
		}
	}
	if got := s.with("newsgraph_graphql_operations_total", "operation", "Refused"); len(got) != 0 {
		t.Errorf("the refused request counted as an operation: %v", got)
	}
}
