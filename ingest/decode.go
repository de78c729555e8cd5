package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/newsgraph/newsgraph"
)

// DecodeInput decodes one JSON object into an Input. Unknown fields and data
// after the object are errors, so that a misspelt field cannot drop data
// silently. The error is a newsgraph Invalid error.
//
// Import lines are decoded millions at a time, so lines in the plain form
// that export and gen write are decoded by hand (see plainDecoder); the
// others, invalid ones included, by encoding/json, which defines what is
// accepted and how a rejection reads.
func DecodeInput(data []byte) (Input, error) {
	d := plainDecoders.Get().(*plainDecoder)
	plain, ok := d.decode(data)
	d.release()
	if ok {
		return plain, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var in Input
	if err := dec.Decode(&in); err != nil {
		var nerr *newsgraph.Error
		if errors.As(err, &nerr) {
			// A value the domain refused, such as a date, in valid JSON:
			// the message names its field.
			if path := badDatePath(data); path != "" {
				return Input{}, invalidf("%s: %s", path, nerr.Message)
			}
		}
		return Input{}, invalidf("invalid JSON: %s", jsonMessage(err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Input{}, invalidf("invalid JSON: unexpected data after the object")
	}
	return in, nil
}

// jsonMessage turns a decoding error into a message for the person who
// wrote the input, with the offset of a syntax error.
func jsonMessage(err error) string {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		return fmt.Sprintf("%s (at byte %d)", syntax.Error(), syntax.Offset)
	}
	var nerr *newsgraph.Error
	if errors.As(err, &nerr) {
		return nerr.Message
	}
	return err.Error()
}

// plainDecoder decodes an Input from JSON in plain form: field names
// spelt exactly as Input's JSON tags, each at most once per object, no null,
// strings of valid UTF-8 without surrogate escapes, numbers and dates that
// parse. For such JSON it gives exactly what encoding/json gives (empty
// arrays included, which are empty slices, not nil); for anything else it
// gives up (ok false) and leaves the answer to encoding/json, so it never
// decides that an input is invalid, nor how the error reads.
type plainDecoder struct {
	data []byte
	pos  int
	// buf holds a string being unescaped.
	buf []byte
	// entityBuf and relationBuf hold the elements of the array being
	// decoded; the Input gets a copy of its length.
	entityBuf   []EntityInput
	relationBuf []RelationInput
	// strs is the unused part of the array that lists of strings (quotes,
	// aliases, roles) are cut from, so that they take one allocation
	// between many of them, not one each.
	strs []string
}

// plainDecoders keeps decoders for reuse, with their buffers.
var plainDecoders = sync.Pool{New: func() any { return new(plainDecoder) }}

// maxKeptBuffer bounds the unescaping buffer a decoder keeps for reuse.
const maxKeptBuffer = 1 << 20

// strsChunk is the number of strings allocated at a time for lists.
const strsChunk = 256

// decode decodes data as an Input.
func (d *plainDecoder) decode(data []byte) (Input, bool) {
	d.data, d.pos = data, 0
	return d.input()
}

// release returns d to plainDecoders, dropping what it must not keep.
func (d *plainDecoder) release() {
	d.data = nil
	// A line decodes one array of each at most, from index 0, so clearing
	// its length clears all a line left.
	clear(d.entityBuf)
	clear(d.relationBuf)
	if cap(d.buf) > maxKeptBuffer {
		d.buf = nil
	}
	plainDecoders.Put(d)
}

// input decodes the whole of data as an Input.
func (d *plainDecoder) input() (in Input, ok bool) {
	var seen uint32
	ok = d.object(func(key []byte) bool {
		switch string(key) {
		case "document":
			return once(&seen, 0) && d.document(&in.Document)
		case "entities":
			return once(&seen, 1) && d.entities(&in.Entities)
		case "relations":
			return once(&seen, 2) && d.relations(&in.Relations)
		}
		return false
	})
	d.space()
	return in, ok && d.pos == len(d.data)
}

// once records field number i as seen and reports whether it was not yet.
func once(seen *uint32, i uint) bool {
	if *seen&(1<<i) != 0 {
		return false
	}
	*seen |= 1 << i
	return true
}

func (d *plainDecoder) document(doc *DocumentInput) bool {
	var seen uint32
	return d.object(func(key []byte) bool {
		switch string(key) {
		case "id":
			return once(&seen, 0) && d.string(&doc.ID)
		case "title":
			return once(&seen, 1) && d.string(&doc.Title)
		case "publishedAt":
			return once(&seen, 2) && d.date(&doc.PublishedAt)
		case "url":
			return once(&seen, 3) && d.string(&doc.URL)
		case "source":
			return once(&seen, 4) && d.string(&doc.Source)
		case "text":
			return once(&seen, 5) && d.string(&doc.Text)
		}
		return false
	})
}

// entities decodes an array of entities into list (see decodeList).
func (d *plainDecoder) entities(list *[]EntityInput) bool {
	return decodeList(d, &d.entityBuf, list, d.entity)
}

// decodeList decodes an array into list, each element by element, growing
// the reused buffer buf and then copying it into a list of exactly its
// length, which is empty, not nil, for an empty array, like encoding/json
// leaves it.
func decodeList[T any](d *plainDecoder, buf, list *[]T, element func(*T) bool) bool {
	*buf = (*buf)[:0]
	ok := d.array(func() bool {
		var zero T
		*buf = append(*buf, zero)
		return element(&(*buf)[len(*buf)-1])
	})
	*list = append(make([]T, 0, len(*buf)), *buf...)
	return ok
}

func (d *plainDecoder) entity(e *EntityInput) bool {
	var seen uint32
	return d.object(func(key []byte) bool {
		switch string(key) {
		case "ref":
			return once(&seen, 0) && d.string(&e.Ref)
		case "id":
			return once(&seen, 1) && d.string(&e.ID)
		case "kind":
			return once(&seen, 2) && d.string((*string)(&e.Kind))
		case "name":
			return once(&seen, 3) && d.string(&e.Name)
		case "aliases":
			return once(&seen, 4) && d.strings(&e.Aliases)
		case "description":
			return once(&seen, 5) && d.string(&e.Description)
		case "startDate":
			return once(&seen, 6) && d.date(&e.StartDate)
		case "endDate":
			return once(&seen, 7) && d.date(&e.EndDate)
		case "roles":
			return once(&seen, 8) && d.strings(&e.Roles)
		case "jurisdiction":
			return once(&seen, 9) && d.string(&e.Jurisdiction)
		case "claimText":
			return once(&seen, 10) && d.string(&e.ClaimText)
		case "verdict":
			return once(&seen, 11) && d.string(&e.Verdict)
		case "counterEvidence":
			return once(&seen, 12) && d.string(&e.CounterEvidence)
		case "place":
			return once(&seen, 13) && d.string(&e.Place)
		case "claimant":
			return once(&seen, 14) && d.string(&e.Claimant)
		case "verdictNote":
			return once(&seen, 15) && d.string(&e.VerdictNote)
		case "spans":
			return once(&seen, 16) && d.spans(&e.Spans)
		}
		return false
	})
}

// spans decodes an array of spans, {"start": n, "end": n}, into list, a
// list of exactly its length (empty, not nil, for an empty array).
func (d *plainDecoder) spans(list *[]newsgraph.Span) bool {
	var out []newsgraph.Span
	ok := d.array(func() bool {
		var s newsgraph.Span
		var seen uint32
		out = append(out, s)
		sp := &out[len(out)-1]
		return d.object(func(key []byte) bool {
			switch string(key) {
			case "start":
				return once(&seen, 0) && d.integer(&sp.Start)
			case "end":
				return once(&seen, 1) && d.integer(&sp.End)
			}
			return false
		})
	})
	*list = append(make([]newsgraph.Span, 0, len(out)), out...)
	return ok
}

// relations decodes an array of relations into list (see decodeList).
func (d *plainDecoder) relations(list *[]RelationInput) bool {
	return decodeList(d, &d.relationBuf, list, d.relation)
}

func (d *plainDecoder) relation(r *RelationInput) bool {
	var seen uint32
	return d.object(func(key []byte) bool {
		switch string(key) {
		case "type":
			return once(&seen, 0) && d.string(&r.Type)
		case "from":
			return once(&seen, 1) && d.string(&r.From)
		case "to":
			return once(&seen, 2) && d.string(&r.To)
		case "validFrom":
			return once(&seen, 3) && d.date(&r.ValidFrom)
		case "validTo":
			return once(&seen, 4) && d.date(&r.ValidTo)
		case "confidence":
			return once(&seen, 5) && d.number(&r.Confidence)
		case "quotes":
			return once(&seen, 6) && d.strings(&r.Quotes)
		}
		return false
	})
}
