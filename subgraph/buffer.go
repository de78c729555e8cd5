package subgraph

import (
	"sync"

	"github.com/newsgraph/newsgraph"
)

// Response bytes a node and an edge take, about: an id, a name, a kind,
// hops and a degree; an id, a type, two ends, a confidence, a
// corroboration and a status.
const (
	nodeBytes = 120
	edgeBytes = 264
	// maxPooled is the largest buffer kept for reuse, so that one huge
	// walk does not pin its memory for the life of the process.
	maxPooled = 1 << 20
)

// buffers recycles response buffers between requests.
var buffers = sync.Pool{New: func() any { return new([]byte) }}

// getBuffer returns an empty buffer with room for the response for sg, so
// that encoding it does not grow the buffer step by step.
func getBuffer(sg newsgraph.Subgraph) *[]byte {
	buf := buffers.Get().(*[]byte)
	if need := 64 + len(sg.Nodes)*nodeBytes + len(sg.Edges)*edgeBytes; cap(*buf) < need {
		*buf = make([]byte, 0, need)
	}
	*buf = (*buf)[:0]
	return buf
}

// putBuffer returns buf to the pool unless it is too big to keep.
func putBuffer(buf *[]byte) {
	if cap(*buf) <= maxPooled {
		buffers.Put(buf)
	}
}
