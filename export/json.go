package export

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/newsgraph/newsgraph"
)

// nodeJSON are a node's attributes in the JSON formats.
type nodeJSON struct {
	Name        string         `json:"name"`
	Label       string         `json:"label"`
	Kind        newsgraph.Kind `json:"kind"`
	Aliases     []string       `json:"aliases"`
	Description string         `json:"description,omitempty"`
	Degree      int            `json:"degree"`
	FirstSeen   newsgraph.Date `json:"firstSeen,omitzero"`
}

// edgeJSON are an edge's attributes in the JSON formats.
type edgeJSON struct {
	Type          string               `json:"type"`
	Label         string               `json:"label"`
	Confidence    float64              `json:"confidence"`
	Status        string               `json:"status"`
	Corroboration int                  `json:"corroboration"`
	FirstReported newsgraph.Date       `json:"firstReported,omitzero"`
	LastReported  newsgraph.Date       `json:"lastReported,omitzero"`
	ValidFrom     newsgraph.Date       `json:"validFrom,omitzero"`
	ValidTo       newsgraph.Date       `json:"validTo,omitzero"`
	Evidence      []newsgraph.Evidence `json:"evidence"`
}

func nodeAttributes(n *Node) nodeJSON {
	aliases := n.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	return nodeJSON{Name: n.Name, Label: n.Name, Kind: n.Kind, Aliases: aliases, Description: n.Description, Degree: n.Degree, FirstSeen: n.FirstSeen}
}

func edgeAttributes(e *Edge) edgeJSON {
	return edgeJSON{
		Type: e.Type, Label: e.Type, Confidence: e.Confidence, Status: e.Status(), Corroboration: e.Corroboration(),
		FirstReported: e.FirstReported, LastReported: e.LastReported, ValidFrom: e.ValidFrom, ValidTo: e.ValidTo, Evidence: e.Evidence,
	}
}

// jsonWriter streams a JSON document: literal text between values that
// encoding/json encodes, keeping the first error.
type jsonWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
	err error
}

func newJSONWriter(w io.Writer) *jsonWriter {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &jsonWriter{bw: bw, enc: enc}
}

// raw writes literal JSON text.
func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.bw.WriteString(s)
	}
}

// value encodes v (the encoder ends it with a newline, which JSON allows)
// and returns the first error so far.
func (j *jsonWriter) value(v any) error {
	if j.err == nil {
		j.err = j.enc.Encode(v)
	}
	return j.err
}

// list writes the items walk yields as the elements of a JSON array.
func list[T any](j *jsonWriter, walk func(yield func(T) error) error, encode func(T) any) error {
	j.raw("[")
	first := true
	err := walk(func(item T) error {
		if !first {
			j.raw(",")
		}
		first = false
		return j.value(encode(item))
	})
	if err != nil {
		return err
	}
	j.raw("]")
	return j.err
}

// flush writes what is buffered.
func (j *jsonWriter) flush() error {
	if j.err == nil {
		j.err = j.bw.Flush()
	}
	return j.err
}
