package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/server"
	"github.com/newsgraph/newsgraph/subgraph"
)

// A running server under test: its GraphQL URL and how to stop it.
type runningServer struct {
	url  string
	stop func() error
	// ready is how long the server took from start to answering /readyz.
	ready time.Duration
}

// serveInProcess serves store with the real handlers (graph.NewHandler
// inside server.Handler) over a loopback listener in this process. Request
// logs go to logs at the server's usual level, so their cost is measured.
func serveInProcess(ctx context.Context, store newsgraph.Store, logs io.Writer) (*runningServer, error) {
	logger := slog.New(slog.NewTextHandler(logs, nil))
	cfg := server.Config{Addr: "127.0.0.1:0", Logger: logger}
	routes := server.Routes{
		GraphQL:  graph.NewHandler(store, graph.Config{Logger: logger}),
		Subgraph: subgraph.Handler(store, subgraph.Config{Timeout: graph.DefaultRequestTimeout}),
	}
	h := server.Handler(routes, store, cfg)
	ctx, cancel := context.WithCancel(ctx)
	addrc := make(chan net.Addr, 1)
	errc := make(chan error, 1)
	start := time.Now()
	go func() { errc <- server.Serve(ctx, h, cfg, func(a net.Addr) { addrc <- a }) }()
	select {
	case a := <-addrc:
		s := &runningServer{url: "http://" + a.String(), ready: time.Since(start)}
		s.stop = func() error { cancel(); return <-errc }
		return s, nil
	case err := <-errc:
		cancel()
		return nil, fmt.Errorf("serve: %w", err)
	}
}

// serveBinary runs "newsgraph serve" from binary over the store st names
// on a free loopback port, and waits for /readyz. Its logs go to logs.
func serveBinary(ctx context.Context, binary string, st serveStore, logs io.Writer) (*runningServer, error) {
	addr, err := freeLoopbackAddr()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(binary, append([]string{"serve", "--addr", addr, "--no-seed"}, st.args...)...)
	cmd.Stdout, cmd.Stderr = logs, logs
	cmd.Env = append(os.Environ(), st.env...)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", binary, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop := func() error {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case err := <-exited:
			return err
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			return errors.New("the server did not stop within 30s of SIGINT")
		}
	}
	base := "http://" + addr
	client := &http.Client{Timeout: time.Second}
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		select {
		case err := <-exited:
			return nil, fmt.Errorf("%s serve exited before it was ready: %v (see its log)", binary, err)
		case <-ctx.Done():
			_ = stop()
			return nil, ctx.Err()
		default:
		}
		resp, err := client.Get(base + "/readyz")
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return &runningServer{url: base, stop: stop, ready: time.Since(start)}, nil
		}
	}
	_ = stop()
	return nil, errors.New("the server was not ready within 2 minutes")
}

// freeLoopbackAddr returns a loopback address with a port free right now.
func freeLoopbackAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}
