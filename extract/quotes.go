package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// quoteSpan is a direct quotation: its words, Text[inner.Start:inner.End],
// and the speaker they are attributed to (nil when none is found).
type quoteSpan struct {
	outer, inner Span
	speaker      *group
	rule         string
}

// quoteAt returns the quotation holding byte offset at, or nil.
func (r *relater) quoteAt(at int) *quoteSpan {
	i := sort.Search(len(r.quoted), func(i int) bool { return r.quoted[i].outer.End > at })
	if i < len(r.quoted) && r.quoted[i].outer.Start <= at {
		return &r.quoted[i]
	}
	return nil
}

// quotes finds direct quotations (“...” or "...", within a paragraph) and
// their speakers: a name or pronoun with a speech verb after the closing
// mark ("...," she told reporters; "...," Trump said) or before the
// opening one (He later added, "..."); a quotation that follows an
// attributed one in the same paragraph has the same speaker. Each
// attributed quotation of two words or more becomes a CLAIM candidate,
// with its speaker as claimant and CLAIMS from the speaker, the quotation's
// exact words as evidence.
func (r *relater) quotes() {
	text := r.d.text
	var prev *quoteSpan
	for i := 0; i < len(text); {
		c, w := utf8.DecodeRuneInString(text[i:])
		if c != '“' && c != '"' {
			i += w
			continue
		}
		closeMark := "”"
		if c == '"' {
			closeMark = `"`
		}
		para := strings.IndexByte(text[i+w:], '\n')
		if para < 0 {
			para = len(text) - i - w
		}
		j := strings.Index(text[i+w:i+w+para], closeMark)
		if j < 0 {
			i += w
			continue
		}
		q := quoteSpan{outer: Span{i, i + w + j + len(closeMark)}}
		a, b := trimSpan(text, i+w, i+w+j)
		for b > a && strings.ContainsRune(",.", rune(text[b-1])) {
			b--
		}
		q.inner = Span{a, b}
		if b > a {
			q.speaker, q.rule = r.speakerOf(q)
			if q.speaker == nil && prev != nil && prev.speaker != nil && r.sameParagraph(prev.outer.End, q.outer.Start) {
				q.speaker, q.rule = prev.speaker, "quote-continued"
			}
			r.quoted = append(r.quoted, q)
			prev = &r.quoted[len(r.quoted)-1]
		}
		i = q.outer.End
	}
	for _, q := range r.quoted {
		words := strings.Fields(text[q.inner.Start:q.inner.End])
		if q.speaker == nil || len(words) < 2 || !allowed("CLAIMS", q.speaker.kind, newsgraph.KindClaim) {
			continue
		}
		inner := text[q.inner.Start:q.inner.End]
		name := inner
		if k := strings.IndexAny(inner, ".?!"); k > 0 {
			name = inner[:k]
		}
		first := r.tokenAt(q.inner.Start)
		if known := r.knownClaim(inner); known != nil {
			r.relate("CLAIMS", q.speaker, known, q.inner, 0.7, q.rule)
			continue
		}
		claim := &group{kind: newsgraph.KindClaim, key: newsgraph.Fold(inner), names: []string{cutWords(strings.TrimSpace(name), 100)},
			claimText: inner, claimant: q.speaker, rule: q.rule, conf: 0.7, first: first, spans: []Span{q.inner}}
		if q.rule != "quote-speaker" {
			claim.conf = 0.5
		}
		r.groups = append(r.groups, claim)
		r.relate("CLAIMS", q.speaker, claim, q.inner, claim.conf, q.rule)
	}
}

// knownClaim returns the group of the graph's claim whose name or alias the
// quotation's words fold to ("It's not going to happen"), or nil.
func (r *relater) knownClaim(inner string) *group {
	for _, e := range r.gaz.keys[newsgraph.Fold(inner)] {
		if e.kind != newsgraph.KindClaim {
			continue
		}
		for _, g := range r.groups {
			if g.id == e.id {
				return g
			}
		}
	}
	return nil
}

func (r *relater) sameParagraph(a, b int) bool {
	return !strings.Contains(r.d.text[a:b], "\n") || strings.Count(r.d.text[a:b], "\n") <= 2 && strings.TrimSpace(r.d.text[a:b]) == ""
}

// speakerOf finds who a quotation is attributed to.
func (r *relater) speakerOf(q quoteSpan) (*group, string) {
	toks := r.d.toks
	// After the closing mark: NAME said, PRONOUN said, said NAME.
	k := r.tokenAt(q.outer.End)
	if k < len(toks) && !strings.Contains(r.d.text[q.outer.End:toks[k].Start], "\n") && !strings.ContainsAny(r.d.text[q.outer.End:toks[k].Start], ".“\"") {
		if g, end := r.mentionAt(k); g != nil && end < len(toks) && speechVerbs[toks[end].Fold] {
			return g, "quote-speaker"
		}
		if speechVerbs[toks[k].Fold] && k+1 < len(toks) {
			if g, _ := r.mentionAt(k + 1); g != nil {
				return g, "quote-speaker"
			}
		}
		if (toks[k].Fold == "he" || toks[k].Fold == "she") && k+1 < len(toks) && speechVerbs[toks[k+1].Fold] {
			if g := r.antecedent(q.outer.Start); g != nil {
				return g, "quote-pronoun"
			}
		}
	}
	// Before the opening mark: NAME said, / PRONOUN (adverb) added,
	k = sort.Search(len(toks), func(j int) bool { return toks[j].End > q.outer.Start }) - 1
	if k >= 0 && speechVerbs[toks[k].Fold] && !strings.ContainsAny(r.d.text[toks[k].End:q.outer.Start], ".\n") {
		for s := k - 1; s >= max(0, k-2); s-- {
			if g := r.mentionEnding(s + 1); g != nil {
				return g, "quote-speaker"
			}
			if toks[s].Fold == "he" || toks[s].Fold == "she" {
				if g := r.antecedent(toks[s].Start); g != nil {
					return g, "quote-pronoun"
				}
			}
		}
	}
	return nil, ""
}

// mentionAt returns the group of a mention starting at token k and the
// token after it.
func (r *relater) mentionAt(k int) (*group, int) {
	var best *mention
	for _, m := range r.ix.byStart[k] {
		if best == nil || m.end > best.end {
			best = m
		}
	}
	if best == nil {
		return nil, 0
	}
	return r.byMention[best], best.end
}

// mentionEnding returns the group of a mention ending at token k.
func (r *relater) mentionEnding(k int) *group {
	var best *mention
	for _, m := range r.ix.byEnd[k] {
		if best == nil || m.start < best.start {
			best = m
		}
	}
	if best == nil {
		return nil
	}
	return r.byMention[best]
}
