package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// process is a server under test: its base URL, its process and the
// channel its exit is sent on.
type process struct {
	url    string
	cmd    *exec.Cmd
	exited chan error
	log    *os.File
}

// stop interrupts the process and waits for it, killing it after 30 s.
func (p *process) stop() {
	_ = p.cmd.Process.Signal(os.Interrupt)
	select {
	case <-p.exited:
	case <-time.After(30 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
	p.log.Close()
}

// start runs cmd with its output to logPath, on addr, and waits until
// ready reports the server ready, for at most two minutes.
func start(ctx context.Context, cmd *exec.Cmd, addr, logPath string, ready func(base string) bool) (*process, error) {
	log, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		log.Close()
		return nil, fmt.Errorf("start %s: %w", cmd.Path, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	p := &process{url: "http://" + addr, cmd: cmd, exited: exited, log: log}
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		select {
		case err := <-exited:
			log.Close()
			return nil, fmt.Errorf("%s exited before it was ready: %v (its log: %s)", cmd.Path, err, logPath)
		case <-ctx.Done():
			_ = cmd.Process.Kill()
			<-exited
			log.Close()
			return nil, ctx.Err()
		default:
		}
		if ready(p.url) {
			return p, nil
		}
	}
	_ = cmd.Process.Kill()
	<-exited
	log.Close()
	return nil, fmt.Errorf("%s was not ready within 2 minutes (its log: %s)", cmd.Path, logPath)
}

// startNewsgraph runs "newsgraph serve" with its data directory dataDir
// (the embedded store, or the API keys only) and the environment env.
func startNewsgraph(ctx context.Context, binary, dataDir string, env []string, logPath string) (*process, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(binary, "serve", "--addr", addr, "--data", dataDir, "--no-seed", "--log-level", "warn")
	cmd.Env = append(os.Environ(), env...)
	return start(ctx, cmd, addr, logPath, func(base string) bool {
		resp, err := http.Get(base + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
}

// startPeer runs the @neo4j/graphql server of dir with Node.js on the
// Neo4j of the environment.
func startPeer(ctx context.Context, node, dir, logPath string) (*process, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	_, port, _ := net.SplitHostPort(addr)
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		return nil, fmt.Errorf("the peer in %s is not installed: run npm ci there", dir)
	}
	cmd := exec.Command(node, "server.mjs")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PEER_PORT="+port)
	return start(ctx, cmd, addr, logPath, func(base string) bool {
		resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(`{"query":"{ __typename }"}`))
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		_, _ = b.ReadFrom(resp.Body)
		return resp.StatusCode == http.StatusOK && bytes.Contains(b.Bytes(), []byte("Query"))
	})
}

// writeEntityQuery writes the peer's entity query to out with
// gen-entity-query.mjs, from the relation types of the Neo4j database the
// comparison loaded: the document asks for one field per relation type
// and direction, so a query written for another graph's types would ask
// for fields the peer's schema lacks.
func writeEntityQuery(ctx context.Context, node, dir, out string) error {
	cmd := exec.CommandContext(ctx, node, "gen-entity-query.mjs", out)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), neo4jEnv()...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("write the peer's entity query: %w: %s", err, bytes.TrimSpace(msg))
	}
	return nil
}

// freeAddr returns a loopback address with a port free right now.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}
