package embedded

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph"
)

// Values of the documents, entities and relations buckets are encoded in a
// compact binary layout (schema version 2): strings are a uvarint length
// and their bytes, lists a uvarint count and their items, dates three
// varints (year, month, day), a confidence the 8 bytes of its IEEE 754
// bits. A relation's evidence offsets, when it has any, follow its
// evidence; values without them (written before offsets were recorded)
// still decode. A document's or entity's id is its key and is not repeated in the
// value. Relations are keyed by an 8-byte big-endian sequence number given
// when they are first written, so that new relations append to the end of
// the B+tree instead of dirtying pages all over it; their value starts with
// their id, and their ends and type are read back from the id (RelationID
// joins them with "|", which neither ids nor types contain).
//
// Decoding copies a value into one string and takes every string field as
// a substring of it, so that loading a large graph costs one allocation
// per string-holding item rather than one per field, and encoding appends
// to one buffer per write.

// errCorrupt reports a value that does not decode.
var errCorrupt = errors.New("corrupt value")

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendStrings(b []byte, list []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(list)))
	for _, s := range list {
		b = appendString(b, s)
	}
	return b
}

func appendDate(b []byte, d newsgraph.Date) []byte {
	b = binary.AppendVarint(b, int64(d.Year))
	b = binary.AppendVarint(b, int64(d.Month))
	return binary.AppendVarint(b, int64(d.Day))
}

// appendDocument appends the encoding of d, without its id.
func appendDocument(b []byte, d *newsgraph.Document) []byte {
	b = appendString(b, d.Title)
	b = appendDate(b, d.PublishedAt)
	b = appendString(b, d.Source)
	b = appendString(b, d.URL)
	return appendString(b, d.Text)
}

// appendEntity appends the encoding of e, without its id.
func appendEntity(b []byte, e *newsgraph.Entity) []byte {
	b = appendString(b, string(e.Kind))
	b = appendString(b, e.Name)
	b = appendStrings(b, e.Aliases)
	b = appendString(b, e.Description)
	b = appendStrings(b, e.Roles)
	b = appendDate(b, e.StartDate)
	b = appendDate(b, e.EndDate)
	b = appendString(b, e.PlaceID)
	b = appendString(b, e.Jurisdiction)
	b = appendString(b, e.ClaimText)
	b = appendString(b, e.ClaimantID)
	b = appendString(b, string(e.Verdict))
	b = appendString(b, e.CounterEvidence)
	if e.VerdictNote == "" {
		return b
	}
	// Written last and only when set, so that values written before it
	// existed decode the same.
	return appendString(b, e.VerdictNote)
}

// appendRelation appends the encoding of r: its id, then its fields but
// its ends and type.
func appendRelation(b []byte, r *newsgraph.Relation) []byte {
	b = appendString(b, r.ID)
	b = appendDate(b, r.ValidFrom)
	b = appendDate(b, r.ValidTo)
	b = binary.BigEndian.AppendUint64(b, math.Float64bits(r.Confidence))
	b = binary.AppendUvarint(b, uint64(len(r.Evidence)))
	for _, ev := range r.Evidence {
		b = appendString(b, ev.Quote)
		b = appendString(b, ev.DocumentID)
	}
	return appendEvidenceOffsets(b, r.Evidence)
}

// appendEvidenceOffsets appends the evidence's offsets, a uvarint start
// and end for each item, when any item has them. Values written before
// offsets were recorded end without them, and decode with none.
func appendEvidenceOffsets(b []byte, evidence []newsgraph.Evidence) []byte {
	for _, ev := range evidence {
		if ev.HasOffsets() {
			for _, ev := range evidence {
				b = binary.AppendUvarint(b, uint64(ev.Start))
				b = binary.AppendUvarint(b, uint64(ev.End))
			}
			return b
		}
	}
	return b
}

// decoder reads fields from one value held as a string; the first error
// sticks and later reads return zero values.
type decoder struct {
	s   string
	i   int
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	var x uint64
	var shift uint
	for ; d.i < len(d.s); d.i++ {
		c := d.s[d.i]
		if c < 0x80 {
			d.i++
			return x | uint64(c)<<shift
		}
		x |= uint64(c&0x7f) << shift
		shift += 7
		if shift > 63 {
			break
		}
	}
	d.err = errCorrupt
	return 0
}

func (d *decoder) varint() int64 {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

func (d *decoder) string() string {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.s)-d.i) {
		d.err = errCorrupt
		return ""
	}
	s := d.s[d.i : d.i+int(n)]
	d.i += int(n)
	return s
}

func (d *decoder) strings() []string {
	n := d.uvarint()
	if n == 0 || d.err != nil || n > uint64(len(d.s)-d.i) {
		if n > 0 {
			d.err = errCorrupt
		}
		return nil
	}
	list := make([]string, n)
	for i := range list {
		list[i] = d.string()
	}
	return list
}

func (d *decoder) date() newsgraph.Date {
	return newsgraph.Date{Year: int(d.varint()), Month: time.Month(d.varint()), Day: int(d.varint())}
}

func (d *decoder) float() float64 {
	if d.err != nil || len(d.s)-d.i < 8 {
		d.err = errCorrupt
		return 0
	}
	var b [8]byte
	copy(b[:], d.s[d.i:d.i+8])
	d.i += 8
	return math.Float64frombits(binary.BigEndian.Uint64(b[:]))
}

// done returns the first error, or an error when bytes are left over.
func (d *decoder) done() error {
	if d.err == nil && d.i != len(d.s) {
		d.err = errCorrupt
	}
	return d.err
}

func decodeDocument(k, v []byte) (*newsgraph.Document, error) {
	d := decoder{s: string(v)}
	doc := &newsgraph.Document{ID: string(k), Title: d.string(), PublishedAt: d.date(), Source: d.string(), URL: d.string(), Text: d.string()}
	return doc, d.done()
}

func decodeEntity(k, v []byte) (*newsgraph.Entity, error) {
	d := decoder{s: string(v)}
	e := &newsgraph.Entity{ID: string(k)}
	kind := d.string()
	e.Kind = newsgraph.Kind(kind)
	for _, known := range newsgraph.AllKinds {
		if string(known) == kind {
			e.Kind = known // the constant, not a copy
		}
	}
	e.Name = d.string()
	e.Aliases = d.strings()
	e.Description = d.string()
	e.Roles = d.strings()
	e.StartDate = d.date()
	e.EndDate = d.date()
	e.PlaceID = d.string()
	e.Jurisdiction = d.string()
	e.ClaimText = d.string()
	e.ClaimantID = d.string()
	e.Verdict = newsgraph.Verdict(d.string())
	e.CounterEvidence = d.string()
	if d.err == nil && d.i < len(d.s) {
		e.VerdictNote = d.string()
	}
	newsgraph.UpgradeVerdict(e)
	return e, d.done()
}

// relationSlab hands out relations and their evidence from arrays of
// slabSize, so that loading a large graph costs an allocation per few
// thousand relations rather than two per relation, and the garbage
// collector has that many fewer objects to trace. A slab lives as long as
// any relation in it; relations are replaced in place and seldom deleted,
// so little is held for nothing. Evidence slices are handed out at their
// exact capacity, so appending to one copies it.
type relationSlab struct {
	relations []newsgraph.Relation
	evidence  []newsgraph.Evidence
}

const slabSize = 4096

func (s *relationSlab) relation() *newsgraph.Relation {
	if len(s.relations) == 0 {
		s.relations = make([]newsgraph.Relation, slabSize)
	}
	r := &s.relations[0]
	s.relations = s.relations[1:]
	return r
}

func (s *relationSlab) evidenceList(n int) []newsgraph.Evidence {
	if n > slabSize/8 {
		return make([]newsgraph.Evidence, n)
	}
	if len(s.evidence) < n {
		s.evidence = make([]newsgraph.Evidence, slabSize)
	}
	list := s.evidence[:n:n]
	s.evidence = s.evidence[n:]
	return list
}

// decodeRelation decodes a relation value into a relation of slab; its
// ends and type are substrings of its id.
func decodeRelation(v []byte, slab *relationSlab) (*newsgraph.Relation, error) {
	d := decoder{s: string(v)}
	id := d.string()
	from, rest, ok1 := strings.Cut(id, "|")
	typ, to, ok2 := strings.Cut(rest, "|")
	if d.err != nil || !ok1 || !ok2 {
		return nil, fmt.Errorf("relation id %q has no from|type|to form", id)
	}
	r := slab.relation()
	*r = newsgraph.Relation{ID: id, From: from, Type: typ, To: to, ValidFrom: d.date(), ValidTo: d.date(), Confidence: d.float()}
	n := d.uvarint()
	if d.err == nil && n > uint64(len(d.s)) {
		d.err = errCorrupt
	}
	if d.err == nil {
		r.Evidence = slab.evidenceList(int(n))
		for i := range r.Evidence {
			r.Evidence[i] = newsgraph.Evidence{Quote: d.string(), DocumentID: d.string()}
		}
		if d.err == nil && d.i < len(d.s) {
			for i := range r.Evidence {
				r.Evidence[i].Start, r.Evidence[i].End = int(d.uvarint()), int(d.uvarint())
			}
		}
	}
	return r, d.done()
}
