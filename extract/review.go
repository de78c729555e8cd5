package extract

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// WriteReview writes the extraction for a person to read: the title, the
// text with every mention marked as [[words|ref]], then each entity
// candidate (ref, kind, name, the entity it matched or "new", confidence,
// rule, and its other fields) and each relation candidate (ends, type,
// confidence, rule and evidence).
func WriteReview(w io.Writer, x *Extraction) error {
	ew := &errWriter{w: w}
	d := x.Document
	ew.printf("%s\npublished %s", d.Title, d.PublishedAt)
	if d.Source != "" {
		ew.printf(" by %s", d.Source)
	}
	if d.URL != "" {
		ew.printf(" at %s", d.URL)
	}
	ew.printf("\n\n%s\n\n", markMentions(d.Text, x.Entities))
	ew.printf("ENTITIES (%d)\n", len(x.Entities))
	for _, c := range x.Entities {
		match := "new"
		if c.MatchedID != "" {
			match = "= " + c.MatchedID
		}
		ew.printf("  %-28s %-13s %q  %s  %.2f %s\n", c.Ref, c.Kind, c.Name, match, c.Confidence, c.Rule)
		field := func(name, v string) {
			if v != "" {
				ew.printf("      %s: %s\n", name, v)
			}
		}
		field("aliases", strings.Join(c.Aliases, "; "))
		field("roles", strings.Join(c.Roles, "; "))
		field("description", c.Description)
		if !c.StartDate.IsZero() {
			field("dates", fmt.Sprintf("%s to %s (%s)", c.StartDate, c.EndDate, c.Precision))
		}
		field("place", c.Place)
		field("claimant", c.Claimant)
		field("claim", c.ClaimText)
	}
	ew.printf("\nRELATIONS (%d)\n", len(x.Relations))
	for _, r := range x.Relations {
		ew.printf("  %s %s %s  %.2f %s\n", r.From, r.Type, r.To, r.Confidence, r.Rule)
		for _, q := range r.Quotes {
			ew.printf("      %q\n", q)
		}
	}
	return ew.err
}

// markMentions returns text with each mention written [[words|ref]];
// a mention overlapping an earlier one is left unmarked.
func markMentions(text string, cs []EntityCandidate) string {
	type mark struct {
		Span
		ref string
	}
	var marks []mark
	for _, c := range cs {
		for _, m := range c.Mentions {
			marks = append(marks, mark{m, c.Ref})
		}
	}
	sort.SliceStable(marks, func(i, j int) bool {
		if marks[i].Start != marks[j].Start {
			return marks[i].Start < marks[j].Start
		}
		return marks[i].End > marks[j].End
	})
	var b strings.Builder
	at := 0
	for _, m := range marks {
		if m.Start < at || m.End > len(text) {
			continue
		}
		b.WriteString(text[at:m.Start])
		fmt.Fprintf(&b, "[[%s|%s]]", text[m.Start:m.End], m.ref)
		at = m.End
	}
	b.WriteString(text[at:])
	return b.String()
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
