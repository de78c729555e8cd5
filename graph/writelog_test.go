package graph_test

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/auth"
	"github.com/newsgraph/newsgraph/graph"
)

// lockedBuffer is a log destination safe for the server's goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestWritesAreLoggedWithTheKeyIDNeverTheKey(t *testing.T) {
	var logs lockedBuffer
	a := seedWriteAPI(t, graph.Config{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	var got ingestResult
	a.mutate(t, a.keys.write, ingestMutation, map[string]any{"input": secondArticle()}, &got)
	_, _ = a.postAs(t, a.keys.read, `mutation { deleteEntity(id: "person:donald-trump") { id } }`, nil)

	out := logs.String()
	writeID, _, err := auth.ParseKey(a.keys.write)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"mutation=ingestDocument keyId=" + writeID + " scope=write documentId=" + secondDocID,
		"relationsCreated=1 relationsCorroborated=2",
		`msg="graph write refused" field=deleteEntity`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	for _, key := range []string{a.keys.read, a.keys.write, a.keys.admin} {
		// The secret is the third part; base64url secrets may contain "_" themselves.
		secret := strings.SplitN(key, "_", 3)[2]
		if strings.Contains(out, secret) {
			t.Errorf("the log contains the secret of a key")
		}
	}
}
