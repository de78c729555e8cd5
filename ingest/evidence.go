package ingest

import "github.com/newsgraph/newsgraph"

// quoteEvidence returns the evidence a quote gives in the document docID
// whose text text finds it in: the text's own span (the quote itself, or
// what it matched after folding, which folded reports) with its character
// offsets.
func quoteEvidence(text *newsgraph.QuoteFinder, quote, docID string) (ev newsgraph.Evidence, folded bool, err error) {
	m, err := text.Find(quote)
	if err != nil {
		return ev, false, err
	}
	return newsgraph.Evidence{Quote: m.Span, DocumentID: docID, Start: m.Start, End: m.End}, m.Folded, nil
}
