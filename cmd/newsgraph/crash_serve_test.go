package main_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// ingestMutation is the ingestDocument mutation an HTTP client sends.
const ingestMutation = `mutation($input: IngestInput!) { ingestDocument(input: $input) { document { id } } }`

// TestServeKilledDuringIngestKeepsAcknowledgedDocumentsWhole sends articles
// to a running server with ingestDocument from two clients, kills the
// server with SIGKILL while requests are in flight, and checks the store:
// every document whose mutation was acknowledged is there, and none is
// half-written.
func TestServeKilledDuringIngestKeepsAcknowledgedDocumentsWhole(t *testing.T) {
	home := newGraphHome(t)
	key := createdKey(t, nil, "--scope", "write", "--data", home.dir)
	file := filepath.Join(t.TempDir(), "gen.jsonl")
	gen := writeGenerated(t, file, 600, 10)
	lines := readLines(t, file)

	s := startServer(t, home, "--no-seed")
	const killAfter = 60
	var (
		mu    sync.Mutex
		acked []string
		next  int
		wg    sync.WaitGroup
	)
	client := &http.Client{}
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				if next == len(lines) || len(acked) >= killAfter {
					mu.Unlock()
					return
				}
				line := lines[next]
				next++
				mu.Unlock()
				id, ok := ingestOverHTTP(client, s.addr, key, line)
				if !ok {
					return // the server is gone
				}
				mu.Lock()
				acked = append(acked, id)
				if len(acked) == killAfter {
					_ = s.cmd.Process.Kill() // SIGKILL while the other client's request is in flight
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	_ = s.cmd.Process.Kill() // the clients may have stopped early: never wait on a live server
	_ = s.cmd.Wait()
	if len(acked) < killAfter {
		t.Fatalf("only %d documents were acknowledged before the clients stopped; server stderr:\n%s", len(acked), s.stderr.String())
	}
	stored := checkDocumentsWhole(t, home.open(t), gen, acked)
	t.Logf("killed after %d acknowledged documents; %d documents stored", len(acked), stored)
}

// ingestOverHTTP sends one import line as an ingestDocument mutation and
// returns the document id when the server acknowledged it without errors.
func ingestOverHTTP(client *http.Client, addr, key string, line []byte) (string, bool) {
	body, err := json.Marshal(map[string]any{"query": ingestMutation, "variables": map[string]json.RawMessage{"input": line}})
	if err != nil {
		return "", false
	}
	req, err := http.NewRequest(http.MethodPost, "http://"+addr+"/graphql", bytes.NewReader(body))
	if err != nil {
		return "", false
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := client.Do(req)
	if err != nil {
		return "", false
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			IngestDocument struct {
				Document struct{ ID string }
			}
		}
		Errors []json.RawMessage
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || len(out.Errors) > 0 {
		return "", false
	}
	return out.Data.IngestDocument.Document.ID, out.Data.IngestDocument.Document.ID != ""
}

// readLines returns the lines of a JSON Lines file.
func readLines(t *testing.T, path string) [][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		lines = append(lines, bytes.Clone(sc.Bytes()))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}
