package metrics

import (
	"bufio"
	"net"
	"net/http"
)

// statusWriter remembers the status code of the answer written through it
// and whether the connection was hijacked (a websocket upgrade).
type statusWriter struct {
	http.ResponseWriter
	status   int
	hijacked bool
}

// WriteHeader records the status code and writes it. Informational
// answers (103 Early Hints) come before the status and are not recorded;
// 101 is the status of an upgrade.
func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 && (code >= 200 || code == http.StatusSwitchingProtocols) {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

// Write records 200 when no status was written, as net/http does.
func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Flush flushes the underlying writer, when it can (http.Flusher).
func (w *statusWriter) Flush() { _ = w.FlushError() }

// FlushError flushes the underlying writer and returns its error, which
// http.ResponseController prefers to Flush.
func (w *statusWriter) FlushError() error {
	return http.NewResponseController(w.ResponseWriter).Flush()
}

// Hijack takes over the connection for a websocket, whose 101 answer the
// upgrader then writes on the connection itself: the request counts as a
// 101 once the hijack succeeds.
func (w *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, rw, err := http.NewResponseController(w.ResponseWriter).Hijack()
	if err == nil {
		w.hijacked = true
		if w.status == 0 {
			w.status = http.StatusSwitchingProtocols
		}
	}
	return conn, rw, err
}

// Unwrap lets http.ResponseController reach the underlying writer's other
// abilities (read and write deadlines, full duplex).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
