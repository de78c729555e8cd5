package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// eventNouns name events; eventVerbs are verbs that report one, with the
// noun the event is named by.
var eventNouns = set(`conference meeting meetings summit talks memo memorandum order decree campaign strike strikes
	attack attacks election elections vote referendum visit trip speech interview protest protests rally ceremony
	agreement treaty accord sanctions earthquake flood floods storm hurricane cyclone
	typhoon wildfire wildfires eruption landslide explosion crash ruling verdict trial hearing announcement deployment
	repatriation evacuation ban bombing investigation duties raid offensive invasion ceasefire negotiations pledge term session debate
	remarks visit inquiry investigation arrest detention deportation abduction kidnapping resignation appointment
	killings massacre coup outbreak conviction`)

var ordinals = set("first second third fourth fifth last")

var eventVerbs = map[string]string{
	"repatriated": "repatriation", "deployed": "deployment", "deploy": "deployment", "evacuated": "evacuation",
	"elected": "election", "visited": "visit", "announced": "announcement", "launched": "launch",
	"imposed": "imposition", "met": "meeting",
	"detained": "detention", "arrested": "arrest", "abducted": "abduction", "kidnapped": "kidnapping",
	"suspended": "suspension", "deported": "deportation", "sentenced": "sentencing", "convicted": "conviction",
	"resigned": "resignation", "appointed": "appointment", "dismissed": "dismissal", "attacked": "attack",
	"bombed": "bombing", "invaded": "invasion", "ratified": "ratification", "approved": "approval", "struck": "strike", "erupted": "eruption", "flooded": "flooding",
}

// events proposes an EVENT for each clause that has a date expression and
// an event noun or verb: named by the noun phrase ("Oval Office meeting",
// "US bombing campaign") and the date ("Oval Office meeting, 2025-11-17";
// no date in the name of an open-ended one), dated by the expression with
// its precision. People in the clause PARTICIPATED_IN it, places are where
// it TOOK_PLACE_IN, an organisation or person after "to" it is
// ADDRESSED_TO, and other entities after the noun it CONCERNS.
func (r *relater) events(ds []dateExpr) {
	toks := r.d.toks
	byKey := map[string]*group{}
	for _, e := range ds {
		c := toks[e.start].Clause
		head, verb := -1, ""
		from, to := r.clauseRange(c)
		for k := from; k < to; k++ {
			if k >= e.start && k < e.end {
				continue
			}
			f := toks[k].Fold
			n, isVerb := eventVerbs[f]
			if !eventNouns[f] && !isVerb {
				continue
			}
			if isVerb && !eventNouns[f] && head >= 0 && verb == "" {
				continue
			}
			if head < 0 || verb != "" && !isVerb || abs(k-e.start) < abs(head-e.start) {
				head, verb = k, ""
				if isVerb && !eventNouns[f] {
					verb = n
				}
			}
		}
		if head < 0 {
			continue
		}
		if known := r.knownEventAt(head); known != nil {
			r.eventLinks(known, c, head, head)
			continue
		}
		start := head
		name := ""
		if verb != "" {
			name = verb
			if obj, _ := r.mentionAt(head + 1); obj != nil {
				name += " of " + obj.name(r.gaz)
			} else if words := r.objectWords(head + 1); words != "" {
				name += " of " + words
			}
		} else {
			for start > 0 && head-start < 3 && toks[start-1].Clause == c && r.d.gap(start-1) == " " && !toks[start-1].Possessive &&
				(!leadingStop[toks[start-1].Fold] || toks[start-1].Caps || ordinals[toks[start-1].Fold]) && !dateWords[toks[start-1].Fold] &&
				!speechVerbs[toks[start-1].Fold] && !r.personAt(start-1) && !isDigits(toks[start-1].Text) {
				start--
			}
			name = r.d.text[toks[start].Start:toks[head].End]
		}
		if !e.open {
			name += ", " + e.label()
		}
		name = upperFirst(name)
		key := newsgraph.Fold(name)
		if known := r.knownEventOn(g0(e), r.d.text[toks[start].Start:toks[head].End]); known != nil {
			m := &mention{start: start, end: head + 1, kind: newsgraph.KindEvent, key: known.key, id: known.id, rule: "event-date-known", conf: 0.7}
			known.mentions = append(known.mentions, m)
			known.first = min(known.first, start)
			r.addMention(m, known)
			r.eventLinks(known, c, start, head)
			continue
		}
		g := byKey[key]
		if g == nil {
			g = &group{kind: newsgraph.KindEvent, key: key, names: []string{name}, date: e, rule: "event-date", conf: 0.6, first: start}
			if e.open {
				g.date.to = newsgraph.Date{}
			}
			byKey[key] = g
			r.groups = append(r.groups, g)
		}
		m := &mention{start: start, end: head + 1, kind: newsgraph.KindEvent, name: name, key: key, rule: "event-date", conf: 0.6}
		g.mentions = append(g.mentions, m)
		r.addMention(m, g)
		r.eventLinks(g, c, start, head)
	}
}

// eventLinks relates an event to the entities of its clause.
func (r *relater) eventLinks(ev *group, c, start, head int) {
	toks := r.d.toks
	issued := false
	from, to := r.clauseRange(c)
	for k := from; k < to; k++ {
		if toks[k].Fold == "issued" || toks[k].Fold == "signed" {
			issued = true
		}
	}
	ev0 := r.clauseSpan(head)
	for _, m := range r.inClause(c) {
		g := r.byMention[m]
		if g == ev || g.kind == newsgraph.KindEvent || m.start >= start && m.end <= head+1 {
			continue
		}
		switch {
		case g.kind == newsgraph.KindPlace && r.locative(m) && abs(m.start-head) <= 10:
			r.relate("TOOK_PLACE_IN", ev, g, ev0, 0.5, "event-clause")
			if ev.place == nil {
				ev.place = g
			}
		case m.start == head+2 && toks[head+1].Fold == "to" && allowed("ADDRESSED_TO", ev.kind, g.kind):
			r.relate("ADDRESSED_TO", ev, g, ev0, 0.55, "event-to")
		case g.kind == newsgraph.KindPerson && !issued:
			r.relate("PARTICIPATED_IN", g, ev, ev0, 0.5, "event-clause")
		case m.start > head:
			r.relate("CONCERNS", ev, g, ev0, 0.45, "event-clause")
		}
	}
}

// objectWords returns up to three lower-case words from token k that
// are what an event verb acted on ("imposed provisional duties"), or "".
func (r *relater) objectWords(k int) string {
	toks := r.d.toks
	end := k
	for end < len(toks) && end-k < 3 && !toks[end].Upper && !leadingStop[toks[end].Fold] && !connectors[toks[end].Fold] &&
		!dateWords[toks[end].Fold] && (end == k || r.d.gap(end-1) == " ") {
		end++
	}
	if end == k {
		return ""
	}
	return r.d.text[toks[k].Start:toks[end-1].End]
}

// knownEventAt returns the event of the graph a mention covering token k
// names ("bombing campaign"), or nil.
func (r *relater) knownEventAt(k int) *group {
	for _, m := range r.inClause(r.d.toks[k].Clause) {
		if g := r.byMention[m]; g.kind == newsgraph.KindEvent && g.id != "" && m.start <= k && k < m.end {
			return g
		}
	}
	return nil
}

// g0 returns the dates an event of e is stored with.
func g0(e dateExpr) [2]newsgraph.Date {
	if e.open {
		return [2]newsgraph.Date{e.from, {}}
	}
	return [2]newsgraph.Date{e.from, e.to}
}

// knownEventOn returns the group of the graph's event with these dates
// whose name shares a word (not a date) with phrase ("morning news
// conference" and "Sheinbaum morning news conference, 2025-11-18"), adding
// it to the draft, or nil.
func (r *relater) knownEventOn(dates [2]newsgraph.Date, phrase string) *group {
	words := strings.Fields(newsgraph.Fold(phrase))
	for _, id := range r.gaz.events[dates] {
		k := r.gaz.entity(id)
		shared := slices.ContainsFunc(strings.Fields(newsgraph.Fold(k.Name)), func(w string) bool {
			return slices.Contains(words, w) && !leadingStop[w] && !connectors[w] && !isDigits(w)
		})
		if !shared {
			continue
		}
		for _, g := range r.groups {
			if g.id == id {
				return g
			}
		}
		g := &group{kind: newsgraph.KindEvent, key: "id:" + id, id: id, rule: "event-date-known", conf: 0.7, first: len(r.d.toks)}
		r.groups = append(r.groups, g)
		return g
	}
	return nil
}

// personAt reports whether token k is in a person mention.
func (r *relater) personAt(k int) bool {
	for _, m := range r.inClause(r.d.toks[k].Clause) {
		if g := r.byMention[m]; g.kind == newsgraph.KindPerson && m.start <= k && k < m.end {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
