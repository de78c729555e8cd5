package ingest_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/gen"
	"github.com/newsgraph/newsgraph/ingest"
)

// decodeReference decodes data the way DecodeInput is specified to:
// encoding/json, unknown fields and trailing data rejected.
func decodeReference(data []byte) (ingest.Input, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var in ingest.Input
	if err := dec.Decode(&in); err != nil {
		return ingest.Input{}, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return ingest.Input{}, errors.New("unexpected data after the object")
	}
	return in, nil
}

// checkDecodeLikeReference fails unless DecodeInput and the hand decoder
// accept what encoding/json accepts, with the same result.
func checkDecodeLikeReference(t *testing.T, data []byte) {
	t.Helper()
	want, wantErr := decodeReference(data)
	got, err := ingest.DecodeInput(data)
	if (err == nil) != (wantErr == nil) {
		t.Fatalf("DecodeInput(%q) error = %v, encoding/json's = %v", data, err, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("DecodeInput(%q) = %#v, encoding/json gives %#v", data, got, want)
	}
	if plain, ok := ingest.DecodePlain(data); ok && (wantErr != nil || !reflect.DeepEqual(plain, want)) {
		t.Fatalf("hand decoder took %q as %#v; encoding/json gives %#v, %v", data, plain, want, wantErr)
	}
}

// plainCases are JSON texts on either side of what the hand decoder takes.
var plainCases = []string{
	`{}`,
	` {"document":{}} `,
	"\t{\"entities\":[]}\r\n",
	`{"entities":[{}],"relations":[{"quotes":[]}]}`,
	`{"document":{"title":"a\"b\\c\/d\b\f\n\r\t\u00e9\u4e16\u0000","text":"é 世界 ☃"}}`,
	`{"document":{"title":"\ud83d\ude00 pair"}}`,
	`{"document":{"title":"\udc00 lone"}}`,
	`{"document":{"title":"\u00zz"}}`,
	`{"document":{"title":"bad \x escape"}}`,
	"{\"document\":{\"title\":\"raw \xff byte\"}}",
	"{\"document\":{\"title\":\"é then \\n \xc3\"}}",
	"{\"document\":{\"title\":\"tab\tinside\"}}",
	`{"document":{"Title":"case"}}`,
	`{"document":{"t\u0069tle":"escaped name"}}`,
	`{"document":{"title":"a","title":"b"}}`,
	`{"entities":[{"ref":"a"}],"entities":[{"ref":"b"}]}`,
	`{"document":null}`,
	`{"document":{"title":null}}`,
	`null`,
	`[]`,
	`{"relations":[{"confidence":0.5},{"confidence":1},{"confidence":-0},{"confidence":1e-3},{"confidence":2E+2}]}`,
	`{"relations":[{"confidence":01}]}`,
	`{"relations":[{"confidence":1.}]}`,
	`{"relations":[{"confidence":.5}]}`,
	`{"relations":[{"confidence":1e400}]}`,
	`{"relations":[{"confidence":"1"}]}`,
	`{"relations":[{"confidence":true}]}`,
	`{"document":{"publishedAt":"2025-01-02"},"relations":[{"validFrom":"2024-02-29","validTo":"2025"}]}`,
	`{"document":{"publishedAt":"18 Nov"}}`,
	`{"document":{"publishedAt":""}}`,
	`{"entities":[{"ref":"r","kind":"PERSON","name":"n","aliases":["x","y"],"roles":[],"startDate":"2020-01-01","endDate":"2021-01-01","place":"p","claimant":"c","jurisdiction":"j","claimText":"t","verdict":"v","counterEvidence":"e","description":"d","id":"person:n"}]}`,
	`{"entities":[{"aliases":[1]}]}`,
	`{"entities":[{"ref":"r","verdictNote":"why","spans":[{"start":0,"end":3},{"end":9,"start":-0}]}]}`,
	`{"entities":[{"spans":[]}]}`,
	`{"entities":[{"spans":[{"start":1.5,"end":2}]}]}`,
	`{"entities":[{"spans":[{"start":1e2,"end":2}]}]}`,
	`{"entities":[{"spans":[{"start":99999999999999999999,"end":2}]}]}`,
	`{"entities":[{"spans":[{"start":1,"start":2}]}]}`,
	`{"entities":[{"spans":[{"begin":1}]}]}`,
	`{"entities":[{"spans":null}]}`,
	`{"entities":[{"kind":7}]}`,
	`{"document":{}} {}`,
	`{"document":{}} x`,
	`{"document":{},}`,
	`{"entities":[{},]}`,
	`{"document":{"title":"unterminated}}`,
	`{"document":`,
	`{"unknown":1}`,
	`{"entities":[{"ref":"a","extra":true}]}`,
}

func FuzzDecodeInput(f *testing.F) {
	for _, c := range plainCases {
		f.Add([]byte(c))
	}
	article, err := os.ReadFile("testdata/second-article.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(article)
	lines, _ := generatedLines(f, gen.Config{Entities: 100, Relations: 100, Seed: 1, RelationsPerDocument: 10})
	for _, l := range lines {
		f.Add(l)
	}
	f.Fuzz(checkDecodeLikeReference)
}

// TestDecodeInputTakesImportLines checks that the lines export and gen write
// take the hand decoder, which is what makes imports fast.
func TestDecodeInputTakesImportLines(t *testing.T) {
	article, err := os.ReadFile(filepath.Join("testdata", "second-article.json"))
	if err != nil {
		t.Fatal(err)
	}
	lines, _ := generatedLines(t, gen.Config{Entities: 200, Relations: 1000, Seed: 2})
	// An export of the seed: entities with spans, claims with notes.
	for _, in := range snapshot(t, openSeeded(t)) {
		data, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, data)
	}
	for i, data := range append(lines, article) {
		if _, ok := ingest.DecodePlain(data); !ok {
			t.Fatalf("line %d (%.200s...) does not take the hand decoder", i, data)
		}
		checkDecodeLikeReference(t, data)
	}
}
