package metrics_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
)

// wsMessage is a graphql-transport-ws message.
type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// dial opens a graphql-transport-ws connection through the whole server
// (the metrics' middleware included) and waits for connection_ack.
func (a api) dial(t *testing.T, ctx context.Context) *websocket.Conn {
	t.Helper()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(a.url, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("dial through the metrics middleware: %v", err)
	}
	t.Cleanup(func() { _ = conn.CloseNow() })
	send(t, ctx, conn, wsMessage{Type: "connection_init", Payload: json.RawMessage(`{}`)})
	if m := receive(t, ctx, conn); m.Type != "connection_ack" {
		t.Fatalf("got %s %s, want connection_ack", m.Type, m.Payload)
	}
	return conn
}

func send(t *testing.T, ctx context.Context, conn *websocket.Conn, m wsMessage) {
	t.Helper()
	if err := wsjson.Write(ctx, conn, m); err != nil {
		t.Fatalf("write %s: %v", m.Type, err)
	}
}

// receive returns the next message that is not a keep-alive.
func receive(t *testing.T, ctx context.Context, conn *websocket.Conn) wsMessage {
	t.Helper()
	for {
		var m wsMessage
		if err := wsjson.Read(ctx, conn, &m); err != nil {
			t.Fatalf("read: %v", err)
		}
		if m.Type != "ping" && m.Type != "pong" {
			return m
		}
	}
}

// receiveFor returns the next message of the subscription id on conn,
// skipping those of the connection's other subscriptions (their events,
// or the complete of one the client ended).
func receiveFor(t *testing.T, ctx context.Context, conn *websocket.Conn, id string) wsMessage {
	t.Helper()
	for {
		if m := receive(t, ctx, conn); m.ID == id {
			return m
		}
	}
}

func subscribe(t *testing.T, ctx context.Context, conn *websocket.Conn, id, query string) {
	t.Helper()
	payload, err := json.Marshal(map[string]any{"query": query})
	if err != nil {
		t.Fatal(err)
	}
	send(t, ctx, conn, wsMessage{ID: id, Type: "subscribe", Payload: payload})
}

// TestSubscriptionsOverAWebsocket follows subscriptions over a real
// websocket: the gauge counts them while they run, whether the client
// completes them or drops the connection, and each is counted with its
// outcome when it ends; the upgrade is a 101 on /graphql.
func TestSubscriptionsOverAWebsocket(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	a := startAPI(t, apiOptions{})
	active := series("newsgraph_graphql_subscriptions_active")
	live := series("newsgraph_graphql_operations_total", "operation", "Live", "type", "subscription", "code", "ok")
	const query = `subscription Live { graphChanged { kind ids } }`

	first := a.dial(t, ctx)
	subscribe(t, ctx, first, "1", query)
	subscribe(t, ctx, first, "2", query)
	second := a.dial(t, ctx)
	subscribe(t, ctx, second, "1", query)
	s := a.waitFor(t, "3 active subscriptions", func(s samples) bool { return s[active] == 3 })
	if got := s[live]; got != 0 {
		t.Errorf("%s = %v while the subscriptions run, want 0: they count when they end", live, got)
	}

	// Live updates flow through the middleware's writer.
	status, resp := a.post(t, map[string][]string{"Authorization": {"Bearer " + a.writeKey}}, ingest,
		map[string]any{"input": article("Alice Example met Bob Example")})
	if status != 200 || resp.code() != "ok" {
		t.Fatalf("ingest: %d %v", status, resp.Errors)
	}
	if m := receive(t, ctx, second); m.Type != "next" || !strings.Contains(string(m.Payload), "ENTITY_CREATED") {
		t.Errorf("second connection got %s %s, want a next with ENTITY_CREATED", m.Type, m.Payload)
	}

	send(t, ctx, first, wsMessage{ID: "1", Type: "complete"})
	a.waitFor(t, "a completed subscription", func(s samples) bool { return s[active] == 2 && s[live] == 1 })

	// Dropping a connection ends its subscription too.
	if err := second.Close(websocket.StatusNormalClosure, ""); err != nil {
		t.Fatal(err)
	}
	a.waitFor(t, "a dropped connection's subscription", func(s samples) bool { return s[active] == 1 && s[live] == 2 })
	upgrades := series("newsgraph_http_requests_total", "route", "/graphql", "code", "101")
	a.waitFor(t, "the closed websocket as a 101", func(s samples) bool { return s[upgrades] == 1 })

	// A subscription refused by its resolver is counted with its code and
	// leaves the gauge as it was.
	subscribe(t, ctx, first, "3", `subscription Bad { graphChanged(types: ["not a type"]) { kind } }`)
	if m := receiveFor(t, ctx, first, "3"); m.Type != "next" && m.Type != "error" {
		t.Errorf("refused subscription: got %s %s", m.Type, m.Payload)
	}
	bad := series("newsgraph_graphql_operations_total", "operation", "Bad", "type", "subscription", "code", "BAD_USER_INPUT")
	s = a.waitFor(t, "the refused subscription", func(s samples) bool { return s[bad] == 1 })
	if got := s[active]; got != 1 {
		t.Errorf("%s = %v after a refused subscription, want 1", active, got)
	}
	// The upgrade's time is the connection's, not a request's: it stays
	// out of the latency histogram.
	if got, want := s[series("newsgraph_http_request_duration_seconds", "route", "/graphql")], 1.0; got != want {
		t.Errorf("/graphql latencies observed = %v, want %v (the one POST)", got, want)
	}
}
