package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/graph"
)

// wsMessage is a graphql-ws (graphql-transport-ws) protocol message.
type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// dialGraphQLWS opens a graphql-ws connection to the API and sends
// connection_init with payload; the connection closes when the test ends.
func dialGraphQLWS(t *testing.T, ctx context.Context, url string, payload map[string]any) *websocket.Conn {
	t.Helper()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(url, "http"), &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { _ = conn.CloseNow() })
	raw, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	writeWS(t, ctx, conn, wsMessage{Type: "connection_init", Payload: raw})
	return conn
}

func writeWS(t *testing.T, ctx context.Context, conn *websocket.Conn, m wsMessage) {
	t.Helper()
	if err := wsjson.Write(ctx, conn, m); err != nil {
		t.Fatalf("write %s: %v", m.Type, err)
	}
}

// readWS returns the next message that is not a keep-alive ping or pong.
func readWS(t *testing.T, ctx context.Context, conn *websocket.Conn) (wsMessage, error) {
	t.Helper()
	for {
		var m wsMessage
		if err := wsjson.Read(ctx, conn, &m); err != nil {
			return m, err
		}
		if m.Type != "ping" && m.Type != "pong" && m.Type != "ka" {
			return m, nil
		}
	}
}

func mustReadWS(t *testing.T, ctx context.Context, conn *websocket.Conn, wantType string) wsMessage {
	t.Helper()
	m, err := readWS(t, ctx, conn)
	if err != nil {
		t.Fatalf("read (want %s): %v", wantType, err)
	}
	if m.Type != wantType {
		t.Fatalf("message %s %s, want %s", m.Type, m.Payload, wantType)
	}
	return m
}

// waitForSubscribers waits until the broker has n subscribers.
func waitForSubscribers(t *testing.T, ctx context.Context, b *events.Broker, n int) {
	t.Helper()
	for b.Subscribers() != n {
		select {
		case <-ctx.Done():
			t.Fatalf("broker has %d subscribers, want %d", b.Subscribers(), n)
		case <-time.After(5 * time.Millisecond):
		}
	}
}

func TestGraphChangedSubscription(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	a := seedWriteAPI(t, graph.Config{})
	conn := dialGraphQLWS(t, ctx, a.url, map[string]any{})
	mustReadWS(t, ctx, conn, "connection_ack")

	sub, _ := json.Marshal(map[string]any{"query": `subscription { graphChanged(kinds: [ORGANIZATION], types: ["SUPPORTS"]) {
		kind ids entity { id name } relation { id type from { name } to { id } corroboration } } }`})
	writeWS(t, ctx, conn, wsMessage{ID: "1", Type: "subscribe", Payload: sub})
	waitForSubscribers(t, ctx, a.broker, 1)

	var ingested ingestResult
	a.mutate(t, a.keys.write, ingestMutation, map[string]any{"input": secondArticle()}, &ingested)

	type change struct {
		Kind     string
		IDs      []string
		Entity   *struct{ ID, Name string }
		Relation *struct {
			ID, Type      string
			From          struct{ Name string }
			To            struct{ ID string }
			Corroboration int
		}
	}
	var got []change
	for range 2 {
		m := mustReadWS(t, ctx, conn, "next")
		var payload struct {
			Data   struct{ GraphChanged change }
			Errors []gqlError
		}
		if err := json.Unmarshal(m.Payload, &payload); err != nil || len(payload.Errors) > 0 || m.ID != "1" {
			t.Fatalf("next %s: %s (%v)", m.ID, m.Payload, err)
		}
		got = append(got, payload.Data.GraphChanged)
	}
	if got[0].Kind != "ENTITY_CREATED" || got[0].Entity == nil || got[0].Entity.Name != "Mexican Senate" {
		t.Errorf("first change = %+v, want ENTITY_CREATED of the Mexican Senate", got[0])
	}
	if r := got[1].Relation; got[1].Kind != "RELATION_CREATED" || r == nil || r.Type != "SUPPORTS" ||
		r.From.Name != "Mexican Senate" || r.To.ID != sheinbaum || r.Corroboration != 1 {
		t.Errorf("second change = %+v, want RELATION_CREATED of Mexican Senate SUPPORTS %s", got[1], sheinbaum)
	}

	writeWS(t, ctx, conn, wsMessage{ID: "1", Type: "complete"})
	waitForSubscribers(t, ctx, a.broker, 0)
}

func TestGraphChangedNeedsAKeyWhenReadsDo(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	a := seedWriteAPI(t, graph.Config{RequireKeyForReads: true})

	anonymous := dialGraphQLWS(t, ctx, a.url, map[string]any{})
	if m, err := readWS(t, ctx, anonymous); err == nil {
		t.Errorf("connection_init without a key: got %s %s, want the connection closed", m.Type, m.Payload)
	}

	authed := dialGraphQLWS(t, ctx, a.url, map[string]any{"Authorization": "Bearer " + a.keys.read})
	mustReadWS(t, ctx, authed, "connection_ack")
}

func TestADroppedSubscriberHasItsConnectionClosed(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	broker := events.NewBroker(discardLogger(), 1)
	a := seedWriteAPI(t, graph.Config{Broker: broker})
	conn := dialGraphQLWS(t, ctx, a.url, map[string]any{})
	mustReadWS(t, ctx, conn, "connection_ack")
	sub, _ := json.Marshal(map[string]any{"query": `subscription { graphChanged { kind ids } }`})
	writeWS(t, ctx, conn, wsMessage{ID: "1", Type: "subscribe", Payload: sub})
	waitForSubscribers(t, ctx, broker, 1)

	// The client reads nothing while far more changes come than its
	// buffer holds: the broker drops it.
	for i := range 1000 {
		broker.Publish(events.Change{Kind: events.EntityCreated, IDs: []string{fmt.Sprintf("person:p%d", i)}})
	}
	waitForSubscribers(t, ctx, broker, 0)

	// Reading now drains what was sent, then finds the connection closed
	// by the server, instead of an idle connection kept open.
	readCtx, cancelRead := context.WithTimeout(ctx, 5*time.Second)
	defer cancelRead()
	for {
		_, err := readWS(t, readCtx, conn)
		if err == nil {
			continue
		}
		if websocket.CloseStatus(err) == -1 {
			t.Fatalf("the connection was not closed after the subscriber was dropped: %v", err)
		}
		return
	}
}
