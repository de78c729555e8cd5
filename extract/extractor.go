package extract

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// Extractor turns an article's raw text into a draft for ingest. The
// offline one (Offline) is rules over a gazetteer; a model-backed one can
// implement the same interface.
type Extractor interface {
	// Extract reads in and proposes its entities and relations. It writes
	// nothing. Bad input (no text, no publication date, text over
	// ingest.MaxTextBytes or not UTF-8) is an Invalid or LimitExceeded
	// *newsgraph.Error.
	Extract(ctx context.Context, in Input) (*Extraction, error)
}

// Input is an article to extract from.
type Input struct {
	// Text is the article's full text.
	Text string
	// Published is the publication date, which relative dates ("on
	// Thursday") are resolved against. Required.
	Published newsgraph.Date
	// Title, URL and Source describe the document; a missing title is the
	// text's first line, cut to 120 characters.
	Title, URL, Source string
}

// Extraction is what an Extractor proposes: the document and its
// candidates. Draft turns it into one line of the import format.
type Extraction struct {
	Document  ingest.DocumentInput
	Entities  []EntityCandidate
	Relations []RelationCandidate
}

// Span is a part of the document's text, in byte offsets: Text[Start:End].
// The GraphQL API gives the same spans in UTF-16 code units, the offsets a
// JavaScript string uses (see UTF16Offset).
type Span struct {
	Start, End int
}

// EntityCandidate is an entity the extractor proposes: the fields of an
// ingest.EntityInput, and how it was found.
type EntityCandidate struct {
	// Ref is the candidate's handle in the draft.
	Ref  string
	Kind newsgraph.Kind
	// Name is the known entity's name when it matched one; otherwise the
	// name the text gives.
	Name        string
	Aliases     []string
	Description string
	Roles       []string
	// StartDate, EndDate and Precision: an EVENT's dates as the text gives
	// them (a month is its first to its last day, with PrecisionMonth).
	StartDate, EndDate newsgraph.Date
	Precision          Precision
	// ClaimText and Claimant (a ref): a CLAIM's words and who said them.
	ClaimText string
	Claimant  string
	// Place is the ref of an EVENT's place.
	Place string
	// MatchedID is the id of the entity of the graph the candidate is, or
	// "" for a new one.
	MatchedID string
	// Mentions are where the text names it.
	Mentions []Span
	// Confidence is in (0, 1), from the rule that proposed it.
	Confidence float64
	// Rule names that rule (see the package documentation).
	Rule string
}

// RelationCandidate is a relation the extractor proposes between two
// candidates of the same sentence or clause.
type RelationCandidate struct {
	Type      string
	From, To  string // refs
	ValidFrom newsgraph.Date
	// Quotes are the verbatim evidence, the sentences or clauses that
	// propose it: Quotes[i] is Text[Evidence[i].Start:Evidence[i].End].
	Quotes     []string
	Evidence   []Span
	Confidence float64
	Rule       string
}

// GazetteerSource gives the gazetteer of known entities an extraction
// matches against. *Source keeps one current with a store; a *Gazetteer is
// its own source.
type GazetteerSource interface {
	Gazetteer(ctx context.Context) (*Gazetteer, error)
}

// Gazetteer returns g itself, so that a built gazetteer is a source.
func (g *Gazetteer) Gazetteer(context.Context) (*Gazetteer, error) { return g, nil }

// Offline is the deterministic, rule-based Extractor.
type Offline struct {
	src GazetteerSource
}

var _ Extractor = (*Offline)(nil)

// NewOffline returns an offline extractor matching against src; a nil src
// matches nothing (every candidate is new).
func NewOffline(src GazetteerSource) *Offline { return &Offline{src: src} }

// Validate checks an input before extraction.
func (in Input) Validate() error {
	switch {
	case strings.TrimSpace(in.Text) == "":
		return newsgraph.Errorf(newsgraph.Invalid, "extract: text is empty")
	case len(in.Text) > ingest.MaxTextBytes:
		return newsgraph.Errorf(newsgraph.LimitExceeded, "extract: text must be at most %d bytes, got %d", ingest.MaxTextBytes, len(in.Text))
	case !utf8.ValidString(in.Text) || !utf8.ValidString(in.Title):
		return newsgraph.Errorf(newsgraph.Invalid, "extract: text and title must be valid UTF-8")
	case in.Published.IsZero():
		return newsgraph.Errorf(newsgraph.Invalid, "extract: published: the publication date is missing")
	}
	return nil
}

// Extract implements Extractor.
func (x *Offline) Extract(ctx context.Context, in Input) (*Extraction, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	gaz := NewGazetteer()
	if x.src != nil {
		g, err := x.src.Gazetteer(ctx)
		if err != nil {
			return nil, err
		}
		if g != nil { // a nil *Gazetteer as the source matches nothing
			gaz = g
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// The context is checked between stages: a long text takes a second
	// or so, and a request's deadline should stop it.
	d := analyse(in.Text)
	ms := spot(d, gaz)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	groups := cluster(d, gaz, ms)
	appositives(d, groups)
	ds := dates(d, in.Published)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r := &relater{d: d, gaz: gaz, groups: groups, byMention: map[*mention]*group{}, ix: newIndex(d)}
	for _, g := range groups {
		for _, m := range g.mentions {
			r.addMention(m, g)
		}
	}
	r.quotes()
	r.events(ds)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.cues()
	r.structural()
	return r.extraction(in), nil
}

// title returns the given title or the text's first line, cut to 120
// characters at a word.
func title(in Input) string {
	if t := strings.TrimSpace(in.Title); t != "" {
		return t
	}
	line, _, _ := strings.Cut(strings.TrimSpace(in.Text), "\n")
	return cutWords(strings.TrimSpace(line), 120)
}

// cutWords cuts s to at most n runes, at a space when there is one.
func cutWords(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// UTF16Offset converts a byte offset into text to the number of UTF-16
// code units before it: the index a JavaScript string uses.
func UTF16Offset(text string, byteOffset int) int {
	n := 0
	for _, r := range text[:byteOffset] {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
