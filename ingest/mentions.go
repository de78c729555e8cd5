package ingest

import (
	"context"
	"fmt"
	"slices"

	"github.com/newsgraph/newsgraph"
)

// planMentions records that the document mentions every entity the input
// lists, whether or not a relation reaches it (newsgraph.Mention). An
// entity's spans are the input's when it gives them, and otherwise where
// the document's text names it: its name, aliases and lookup keys and the
// entity's stored name and aliases, matched after folding
// (newsgraph.FindSpans), the first newsgraph.MaxSpansPerMention of them.
// Mentions the store already holds, spans included,
// are left out, so that ingesting the same input again writes nothing.
func planMentions(ctx context.Context, rd reader, in Input, docID string, refs map[string]string, res *resolver, stored bool, p *plan) error {
	if docID == "" {
		return nil
	}
	var ms []newsgraph.Mention
	var finder *newsgraph.SpanFinder // the text folded once, when needed
	for i := range in.Entities {
		e := &in.Entities[i]
		id := refs[e.Ref]
		spans := e.Spans
		if len(spans) == 0 {
			if finder == nil {
				finder = newsgraph.NewSpanFinder(in.Document.Text)
			}
			spans = finder.Find(mentionNames(e, res.planned[id].entity))
			// A name a long text repeats very often keeps its first
			// spans, as many as a mention may hold.
			spans = spans[:min(len(spans), newsgraph.MaxSpansPerMention)]
		}
		ms = append(ms, newsgraph.Mention{DocumentID: docID, EntityID: id, Spans: spans})
	}
	ms = newsgraph.UnionMentions(nil, ms)
	if stored && len(ms) > 0 {
		have, err := rd.MentionsIn(ctx, []string{docID})
		if err != nil {
			return storeErr(err)
		}
		ms = slices.DeleteFunc(ms, func(m newsgraph.Mention) bool { return holds(have[docID], m) })
	}
	p.batch.Mentions = ms
	return nil
}

// mentionNames are the names an entity input may be spelled by in its
// document.
func mentionNames(in *EntityInput, e *newsgraph.Entity) []string {
	names := append([]string{in.Name}, in.Aliases...)
	names = append(names, lookupKeys(in)...)
	if e != nil {
		names = append(names, e.Name)
		names = append(names, e.Aliases...)
	}
	return names
}

// holds reports whether stored has m's pair with all of m's spans.
func holds(stored []newsgraph.Mention, m newsgraph.Mention) bool {
	for _, s := range stored {
		if s.EntityID != m.EntityID {
			continue
		}
		for _, span := range m.Spans {
			if !slices.Contains(s.Spans, span) {
				return false
			}
		}
		return true
	}
	return false
}

// checkSpans checks the spans an entity input gives against the
// document's text of textLen UTF-16 code units (see newsgraph.Span).
func checkSpans(spans []newsgraph.Span, textLen int) error {
	if len(spans) > newsgraph.MaxSpansPerMention {
		return fmt.Errorf("spans: at most %d, got %d", newsgraph.MaxSpansPerMention, len(spans))
	}
	for j, s := range spans {
		switch {
		case s.Start < 0 || s.End <= s.Start:
			return fmt.Errorf("spans[%d] [%d, %d) is empty or negative: want 0 <= start < end", j, s.Start, s.End)
		case s.End > textLen:
			return fmt.Errorf("spans[%d] [%d, %d) ends after the document's %d UTF-16 code units", j, s.Start, s.End, textLen)
		}
	}
	return nil
}
