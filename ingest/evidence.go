package ingest

import "github.com/newsgraph/newsgraph"

// quoteEvidence returns the evidence the quotes give in the document
// docID whose text text finds them in: for each quote, the text's own span
// (the quote itself, or what it matched after folding) with its character
// offsets.
func quoteEvidence(text *newsgraph.QuoteFinder, quotes []string, docID string) ([]newsgraph.Evidence, error) {
	out := make([]newsgraph.Evidence, len(quotes))
	for j, q := range quotes {
		m, err := text.Find(q)
		if err != nil {
			return nil, err
		}
		out[j] = newsgraph.Evidence{Quote: m.Span, DocumentID: docID, Start: m.Start, End: m.End}
	}
	return out, nil
}
