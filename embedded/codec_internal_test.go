package embedded

import (
	"encoding/binary"
	"math"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestRelationsWrittenBeforeOffsetsDecode decodes a relation value in the
// layout written before evidence offsets were recorded, and one with them.
func TestRelationsWrittenBeforeOffsetsDecode(t *testing.T) {
	rel := &newsgraph.Relation{ID: "person:a|MET_WITH|person:b", From: "person:a", Type: "MET_WITH", To: "person:b", Confidence: 1,
		Evidence: []newsgraph.Evidence{{Quote: "a met b", DocumentID: "doc:d"}, {Quote: "met", DocumentID: "doc:e"}}}
	// The layout before offsets: id, dates, confidence, evidence.
	var old []byte
	old = appendString(old, rel.ID)
	old = appendDate(old, rel.ValidFrom)
	old = appendDate(old, rel.ValidTo)
	old = binary.BigEndian.AppendUint64(old, math.Float64bits(rel.Confidence))
	old = binary.AppendUvarint(old, uint64(len(rel.Evidence)))
	for _, ev := range rel.Evidence {
		old = appendString(old, ev.Quote)
		old = appendString(old, ev.DocumentID)
	}
	withOffsets := rel.Clone()
	withOffsets.Evidence[0].Start, withOffsets.Evidence[0].End = 0, 7
	for _, tc := range []struct {
		name  string
		value []byte
		want  *newsgraph.Relation
	}{
		{"BeforeOffsets", old, rel},
		{"WithoutOffsets", appendRelation(nil, rel), rel},
		{"WithOffsets", appendRelation(nil, withOffsets), withOffsets},
	} {
		got, err := decodeRelation(tc.value, &relationSlab{})
		if err != nil {
			t.Fatalf("%s: decodeRelation: %v", tc.name, err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: decoded %+v, want %+v", tc.name, got, tc.want)
		}
	}
	if string(appendRelation(nil, rel)) != string(old) {
		t.Error("a relation without offsets is no longer written in the layout before offsets")
	}
}
