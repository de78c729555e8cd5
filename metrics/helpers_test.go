package metrics_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/newsgraph/newsgraph/auth"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/instrument"
	"github.com/newsgraph/newsgraph/metrics"
	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/storetest/teststore"
)

// api is a test server wired as "newsgraph serve" wires it with metrics
// on: a real store, GraphQL handler and server, with the metrics'
// middleware, extension, ingest hook, store observer and route.
type api struct {
	url      string
	writeKey string
}

// apiOptions change the wiring of one test's api.
type apiOptions struct {
	server   server.Config       // its limits; Logger and Middleware are set
	observer instrument.Observer // a further store observer, after the metrics'
	pinger   server.Pinger       // backs /readyz instead of the store
}

func startAPI(t *testing.T, opts apiOptions) api {
	t.Helper()
	store := teststore.Open(t)
	m := metrics.New()
	key, entry, err := auth.NewKey(auth.ScopeWrite, "metrics-test", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	keys, err := auth.NewKeySet([]auth.Entry{entry})
	if err != nil {
		t.Fatal(err)
	}
	observers := []instrument.Observer{m.StoreObserver(teststore.Name())}
	if opts.observer != nil {
		observers = append(observers, opts.observer)
	}
	logger := slog.New(slog.DiscardHandler)
	gql := graph.NewHandler(instrument.Store(store, observers...), graph.Config{
		Logger:     logger,
		Keys:       keys,
		Extensions: []graphql.HandlerExtension{m.GraphQL()},
		Ingested:   m.Imported,
	})
	cfg := opts.server
	cfg.Logger = logger
	cfg.Middleware = []func(http.Handler) http.Handler{m.HTTP}
	var pinger server.Pinger = store
	if opts.pinger != nil {
		pinger = opts.pinger
	}
	srv := httptest.NewServer(server.Handler(server.Routes{GraphQL: gql, Metrics: m.Handler()}, pinger, cfg))
	t.Cleanup(srv.Close)
	return api{url: srv.URL, writeKey: key}
}

// response is a GraphQL response.
type response struct {
	Data   json.RawMessage
	Errors []struct {
		Message    string
		Extensions struct{ Code string }
	}
}

// post sends a GraphQL request with header (nil for none) and returns the
// HTTP status and the response.
func (a api) post(t *testing.T, header http.Header, query string, vars map[string]any) (int, response) {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, a.url+"/graphql", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var out response
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%s: the response is not JSON: %v\n%s", query, err, raw)
	}
	return resp.StatusCode, out
}

// code returns the code of the first error of r, or "ok".
func (r response) code() string {
	if len(r.Errors) == 0 {
		return "ok"
	}
	return r.Errors[0].Extensions.Code
}

// get sends a GET to path and returns the status.
func (a api) get(t *testing.T, path string) int {
	t.Helper()
	resp, err := http.Get(a.url + path)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// samples are scraped metrics: the value of each series, by its name and
// its labels sorted, as `name{a="x",b="y"}`; a histogram's series is its
// count of observations.
type samples map[string]float64

// scrape reads /metrics through the API and parses the text format.
func (a api) scrape(t *testing.T) samples {
	t.Helper()
	resp, err := http.Get(a.url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: %s", resp.Status)
	}
	return parse(t, resp.Body)
}

// parse parses metrics in the text format.
func parse(t *testing.T, r io.Reader) samples {
	t.Helper()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(r)
	if err != nil {
		t.Fatalf("the metrics are not in the text format: %v", err)
	}
	out := samples{}
	for name, f := range families {
		for _, m := range f.GetMetric() {
			var labels []string
			for _, l := range m.GetLabel() {
				labels = append(labels, fmt.Sprintf("%s=%q", l.GetName(), l.GetValue()))
			}
			slices.Sort(labels)
			key := name + "{" + strings.Join(labels, ",") + "}"
			switch {
			case m.Counter != nil:
				out[key] = m.GetCounter().GetValue()
			case m.Gauge != nil:
				out[key] = m.GetGauge().GetValue()
			case m.Histogram != nil:
				out[key] = float64(m.GetHistogram().GetSampleCount())
			case m.Untyped != nil:
				out[key] = m.GetUntyped().GetValue()
			}
		}
	}
	return out
}

// series names a series as samples does; labels are name, value pairs.
func series(name string, labels ...string) string {
	var l []string
	for i := 0; i+1 < len(labels); i += 2 {
		l = append(l, fmt.Sprintf("%s=%q", labels[i], labels[i+1]))
	}
	slices.Sort(l)
	return name + "{" + strings.Join(l, ",") + "}"
}

// with returns the series of name whose labels include labels.
func (s samples) with(name string, labels ...string) samples {
	out := samples{}
	for key, v := range s {
		if !strings.HasPrefix(key, name+"{") {
			continue
		}
		ok := true
		for i := 0; i+1 < len(labels); i += 2 {
			if !strings.Contains(key, fmt.Sprintf("%s=%q", labels[i], labels[i+1])) {
				ok = false
			}
		}
		if ok {
			out[key] = v
		}
	}
	return out
}

// sum adds the values of s.
func (s samples) sum() float64 {
	var total float64
	for _, v := range s {
		total += v
	}
	return total
}

// waitFor scrapes until cond holds of the samples, for up to 10 seconds.
func (a api) waitFor(t *testing.T, what string, cond func(samples) bool) samples {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := a.scrape(t)
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s; metrics:\n%s", what, s.dump("newsgraph_"))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// dump lists the series whose names start with prefix, for failures.
func (s samples) dump(prefix string) string {
	var lines []string
	for k, v := range s {
		if strings.HasPrefix(k, prefix) {
			lines = append(lines, fmt.Sprintf("%s %g", k, v))
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}
