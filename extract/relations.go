package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/seed"
)

// cue is one row of the verb-cue table: words (folded; a phrase joins its
// words with "_") that, between two entities of one clause, propose a
// relation of Type from the entity before to the entity after, with the
// rule's Confidence. A cue followed by "by" or "from" ("threats from X",
// "was designated by") reads the other way.
type cue struct {
	Words      string
	Type       string
	Confidence float64
}

// Cues is the documented verb-cue table. Every type is one of the seed
// vocabulary (seed.Vocabulary), and a relation is proposed only when the
// kinds of its ends are ones the vocabulary allows for the type, so a draft
// imports as it is.
var Cues = []cue{
	{"threatened threatens threaten threatening threat threats", "THREATENS", 0.6},
	{"met meets meet meeting_with", "MET_WITH", 0.6},
	{"designated designates designate designating labelled labeled listed", "DESIGNATED_AS", 0.6},
	{"denounced denounces denounce condemned condemns condemn", "DENOUNCED", 0.6},
	{"criticised criticized criticises criticizes criticism slammed accused displeasure", "CRITICIZED", 0.55},
	{"rejected rejects reject rejecting refused refuses opposed opposes", "REJECTS", 0.55},
	{"echoed echoes echoing", "ECHOED", 0.6},
	{"told tells telling informed conversations_with spoke_with spoke_to said_it_with", "TOLD", 0.5},
	{"cooperate cooperates cooperating cooperation collaborate collaborates collaboration coordinate coordinates working_with work_with partnered", "COOPERATES_WITH", 0.5},
	{"issued issues issue signed signs sign", "ISSUED", 0.6},
	{"leads led heads headed chairs chaired", "LEADS", 0.55},
	{"joined member_of members_of", "MEMBER_OF", 0.5},
	{"killed kills killing", "KILLED", 0.55},
	{"released releases freed frees", "RELEASED", 0.5},
	{"repatriated_to deported_to", "REPATRIATED_TO", 0.5},
	{"responded responds response answered", "RESPONDED_TO", 0.5},
	{"proposed proposes pledged pledges offered offers", "PROPOSED", 0.5},
	{"targeted targeting", "TARGETED", 0.5},
	{"invoked invokes invoking", "INVOKES", 0.5},
	{"based_in headquartered_in", "LOCATED_IN", 0.6},
}

// cueIndex maps a cue's first word to its phrases (as word lists) and
// rows.
var cueIndex = func() map[string][]cuePhrase {
	m := map[string][]cuePhrase{}
	for _, c := range Cues {
		for _, w := range strings.Fields(c.Words) {
			words := strings.Split(w, "_")
			m[words[0]] = append(m[words[0]], cuePhrase{words, c})
		}
	}
	return m
}()

type cuePhrase struct {
	words []string
	cue   cue
}

// vocabulary maps each seed relation type to the kinds of its ends.
var vocabulary = func() map[string]seed.RelationType {
	m := map[string]seed.RelationType{}
	for _, t := range seed.Vocabulary() {
		m[t.Type] = t
	}
	return m
}()

// allowed reports whether the vocabulary lets typ go from a to b.
func allowed(typ string, a, b newsgraph.Kind) bool {
	t, ok := vocabulary[typ]
	return ok && slices.Contains(t.From, a) && slices.Contains(t.To, b)
}

// relater proposes the relations of one document.
type relater struct {
	d         *document
	gaz       *Gazetteer
	groups    []*group
	byMention map[*mention]*group
	quoted    []quoteSpan
	rels      []*rel
	ix        index
}

// rel is a proposed relation.
type rel struct {
	typ       string
	from, to  *group
	quotes    []Span
	conf      float64
	rule      string
	validFrom newsgraph.Date
}

// relate proposes a relation with a clause as its evidence, unless its
// kinds are not allowed or it is a self-loop; the same (from, type, to)
// proposed again gains the evidence and keeps the higher confidence.
func (r *relater) relate(typ string, from, to *group, ev Span, conf float64, rule string) *rel {
	if from == nil || to == nil || from == to || !allowed(typ, from.kind, to.kind) {
		return nil
	}
	if x := r.ix.rels[relKey{typ, from, to}]; x != nil {
		if !slices.Contains(x.quotes, ev) && len(x.quotes) < 10 {
			x.quotes = append(x.quotes, ev)
		}
		if conf > x.conf {
			x.conf, x.rule = conf, rule
		}
		return x
	}
	x := &rel{typ: typ, from: from, to: to, quotes: []Span{ev}, conf: conf, rule: rule}
	r.ix.rels[relKey{typ, from, to}] = x
	r.rels = append(r.rels, x)
	return x
}

// clauseSpan returns the clause token i is in.
func (r *relater) clauseSpan(i int) Span {
	c := r.d.clauses[r.d.toks[i].Clause]
	return Span(c)
}

// inClause returns the mentions of clause c, in text order.
func (r *relater) inClause(c int) []*mention { return r.ix.byClause[c] }

// sorted returns every mention in text order.
func (r *relater) sorted() []*mention {
	out := make([]*mention, 0, len(r.byMention))
	for m := range r.byMention {
		out = append(out, m)
	}
	sortMentions(out)
	return out
}

// mentionLess orders mentions by start, end and key: text order, the same
// on every run.
func mentionLess(a, b *mention) bool {
	if a.start != b.start {
		return a.start < b.start
	}
	if a.end != b.end {
		return a.end < b.end
	}
	return a.key < b.key
}

// sortMentions sorts mentions in text order (mentionLess).
func sortMentions(out []*mention) {
	slices.SortFunc(out, func(a, b *mention) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.end != b.end {
			return a.end - b.end
		}
		return strings.Compare(a.key, b.key)
	})
}

// cues applies the verb-cue table to every clause.
func (r *relater) cues() {
	toks := r.d.toks
	for i := 0; i < len(toks); i++ {
		for _, p := range cueIndex[toks[i].Fold] {
			if !r.phraseAt(i, p.words) {
				continue
			}
			end := i + len(p.words)
			ms := r.inClause(toks[i].Clause)
			reverse := end < len(toks) && (toks[end].Fold == "by" || toks[end].Fold == "from")
			subj := r.before(ms, i, p.cue.Type, true)
			if reverse {
				subj = r.after(ms, end, p.cue.Type, nil, false)
			}
			if subj == nil {
				subj = r.pronounSubject(i)
			}
			var obj *group
			if reverse {
				obj = r.first(ms, i, p.cue.Type, subj)
			} else {
				obj = r.after(ms, end, p.cue.Type, subj, true)
			}
			if subj != nil && obj != nil {
				r.relate(p.cue.Type, subj, obj, r.clauseSpan(i), p.cue.Confidence, "cue:"+strings.Join(p.words, " "))
			}
		}
		switch toks[i].Fold {
		case "between":
			r.between(i)
		case "predecessor", "successor":
			r.predecessor(i)
		}
	}
}

func (r *relater) phraseAt(i int, words []string) bool {
	if i+len(words) > len(r.d.toks) {
		return false
	}
	for j, w := range words {
		if r.d.toks[i+j].Fold != w {
			return false
		}
	}
	return true
}

// before returns the group of the nearest mention before token i that can
// be the subject (or, with subject false, the object) of typ.
func (r *relater) before(ms []*mention, i int, typ string, subject bool) *group {
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.end > i {
			continue
		}
		g := r.byMention[m]
		t := vocabulary[typ]
		if r.outsideQuote(i, m) {
			continue
		}
		if subject && slices.Contains(t.From, g.kind) || !subject && slices.Contains(t.To, g.kind) {
			return g
		}
	}
	return nil
}

// first returns the group of the first mention of the clause before token
// i that can be the object of typ: the subject of a clause whose cue reads
// backwards ("Sheinbaum ..., despite threats from Trump").
func (r *relater) first(ms []*mention, i int, typ string, not *group) *group {
	t := vocabulary[typ]
	for _, m := range ms {
		if g := r.byMention[m]; m.end <= i && g != not && slices.Contains(t.To, g.kind) {
			return g
		}
	}
	return nil
}

// outsideQuote reports whether a cue at token i is outside every quotation
// while the mention is inside one: quoted words are not the narrator's.
func (r *relater) outsideQuote(i int, m *mention) bool {
	return r.quoteAt(r.d.toks[i].Start) == nil && r.quoteAt(r.d.toks[m.start].Start) != nil
}

// locative reports whether a mention is the object of "in", "at" or "on"
// ("told a reporter in the Oval Office"): a setting, not a party.
func (r *relater) locative(m *mention) bool {
	k := m.start - 1
	if k >= 0 && r.d.toks[k].Fold == "the" {
		k--
	}
	if k < 0 {
		return false
	}
	switch r.d.toks[k].Fold {
	case "in", "at", "on", "inside", "near":
		return true
	}
	return false
}

// after returns the group of the nearest mention from token i on that can
// be the object (or subject) of typ and is not not.
func (r *relater) after(ms []*mention, i int, typ string, not *group, object bool) *group {
	t := vocabulary[typ]
	var setting *group
	for _, m := range ms {
		g := r.byMention[m]
		if m.start < i || g == not || r.outsideQuote(i, m) {
			continue
		}
		if typ == "TOLD" && m.start-i > 3 {
			return nil // "told reporters that the EU ...": no one was told
		}
		if !(object && slices.Contains(t.To, g.kind) || !object && slices.Contains(t.From, g.kind)) {
			continue
		}
		if r.locative(m) && typ != "LOCATED_IN" {
			if setting == nil && typ != "TOLD" {
				setting = g // "tariffs on cars made in China", when nothing else is
			}
			continue
		}
		return g
	}
	return setting
}

// pronounSubject resolves a subject pronoun before token i in its clause:
// "I" or "we" inside a quote is its speaker; "he", "she" or "they" is the
// person mentioned last before the clause.
func (r *relater) pronounSubject(i int) *group {
	toks := r.d.toks
	c := toks[i].Clause
	for k := i - 1; k >= 0 && toks[k].Clause == c && k >= i-4; k-- {
		switch toks[k].Fold {
		case "i", "we", "ive", "weve":
			if q := r.quoteAt(toks[k].Start); q != nil {
				return q.speaker
			}
		case "he", "she":
			return r.antecedent(r.d.clauses[c].Start)
		}
	}
	return nil
}

// antecedent resolves "he" or "she" at byte offset at: the speaker of the
// last attributed quotation when it ended less than 600 bytes before (the
// person the passage is about), else the person mentioned last.
func (r *relater) antecedent(at int) *group {
	for i := len(r.quoted) - 1; i >= 0; i-- {
		q := r.quoted[i]
		if q.outer.End > at {
			continue
		}
		if q.speaker == nil {
			continue // a scare quote ("many times") names no speaker
		}
		if at-q.outer.End < 600 {
			return q.speaker
		}
		break
	}
	return r.lastPerson(at)
}

// lastPerson returns the person mentioned last before byte offset at.
func (r *relater) lastPerson(at int) *group {
	if !r.ix.personsSorted {
		slices.SortStableFunc(r.ix.persons, func(a, b *mention) int { return a.end - b.end })
		r.ix.personsSorted = true
	}
	ps := r.ix.persons
	i := sort.Search(len(ps), func(i int) bool { return r.d.toks[ps[i].end-1].End > at })
	if i == 0 {
		return nil
	}
	return r.byMention[ps[i-1]]
}

// between reads "a meeting between A and B" as A MET_WITH B.
func (r *relater) between(i int) {
	toks := r.d.toks
	meeting := false
	for k := max(0, i-3); k < i; k++ {
		switch toks[k].Fold {
		case "meeting", "meetings", "talks", "summit", "call", "conversation":
			meeting = true
		}
	}
	if !meeting {
		return
	}
	var people []*group
	for _, m := range r.inClause(toks[i].Clause) {
		if g := r.byMention[m]; m.start > i && g.kind == newsgraph.KindPerson && !slices.Contains(people, g) {
			people = append(people, g)
		}
	}
	if len(people) >= 2 {
		r.relate("MET_WITH", people[0], people[1], r.clauseSpan(i), 0.6, "cue:meeting between")
	}
}

// predecessor reads "A, B's predecessor" as A PRECEDED B, and "A, B's
// successor" as B PRECEDED A.
func (r *relater) predecessor(i int) {
	toks := r.d.toks
	if i == 0 || !toks[i-1].Possessive {
		return
	}
	var owner, other *group
	for _, m := range r.inClause(toks[i].Clause) {
		g := r.byMention[m]
		if g.kind != newsgraph.KindPerson {
			continue
		}
		if m.end == i {
			owner = g
		} else if m.end < i && owner == nil {
			other = g
		}
	}
	if toks[i].Fold == "predecessor" {
		r.relate("PRECEDED", other, owner, r.clauseSpan(i), 0.6, "cue:predecessor")
	} else {
		r.relate("PRECEDED", owner, other, r.clauseSpan(i), 0.6, "cue:successor")
	}
}
