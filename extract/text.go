package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// token is one word of the text: a run of letters and digits, with
// apostrophes inside it ("O'Brien"). A possessive "'s" is not part of the
// token; Possessive says it followed. Start and End are byte offsets into
// the text.
type token struct {
	Start, End int
	// Text is the text's own spelling; Fold is newsgraph.Fold of it.
	Text, Fold string
	// Upper: the first letter is upper case. Caps: every letter is, and
	// there are at least two.
	Upper, Caps bool
	Possessive  bool
	// Sentence and Clause index the span the token is in.
	Sentence, Clause int
}

// span is a sentence or a clause: byte offsets into the text.
type span struct{ Start, End int }

// tokenize splits text into tokens.
func tokenize(text string) []token {
	var toks []token
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += w
			continue
		}
		start := i
		for i < len(text) {
			r, w := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += w
				continue
			}
			// An apostrophe inside a word: "O'Brien", "Trump's".
			if isApostrophe(r) && i+w < len(text) {
				if n, _ := utf8.DecodeRuneInString(text[i+w:]); unicode.IsLetter(n) {
					i += w
					continue
				}
			}
			break
		}
		t := token{Start: start, End: i}
		if word := text[start:i]; len(word) > 2 {
			for _, p := range []string{"'s", "’s", "'S", "’S"} {
				if strings.HasSuffix(word, p) && len(word) > len(p) {
					t.End = i - len(p)
					t.Possessive = true
					break
				}
			}
		}
		t.Text = text[t.Start:t.End]
		t.Fold = newsgraph.Fold(t.Text)
		if t.Fold == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(t.Text)
		t.Upper = unicode.IsUpper(first)
		t.Caps = t.Upper && isAllCaps(t.Text)
		toks = append(toks, t)
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "adm": true, "jr": true,
	"sr": true, "no": true, "vs": true, "etc": true, "inc": true, "corp": true, "ltd": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "u": true, "s": true,
}

// sentences splits text at sentence ends (., ! or ? followed by space and
// an upper-case letter, a digit or a quote, a closing quote kept with its
// sentence) and at line breaks. Spans are trimmed of surrounding space.
func sentences(text string) []span {
	var out []span
	start := 0
	add := func(end int) {
		s, e := trimSpan(text, start, end)
		if e > s {
			out = append(out, span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			add(i)
			i += w
			start = i
			continue
		case r == '.' || r == '!' || r == '?':
			end := i + w
			for end < len(text) {
				c, cw := utf8.DecodeRuneInString(text[end:])
				if c != '"' && c != '”' && c != '’' && c != '\'' && c != ')' {
					break
				}
				end += cw
			}
			if r == '.' && abbreviationBefore(text, i) {
				break
			}
			if end < len(text) && text[end] == ' ' {
				j := end
				for j < len(text) && text[j] == ' ' {
					j++
				}
				if j < len(text) {
					n, _ := utf8.DecodeRuneInString(text[j:])
					if unicode.IsUpper(n) || unicode.IsDigit(n) || n == '"' || n == '“' || n == '‘' {
						add(end)
						i = end
						continue
					}
				}
			}
		}
		i += w
	}
	add(len(text))
	return out
}

// abbreviationBefore reports whether the word ending at the period at i is
// an abbreviation ("Mr.", "U.S.") or a single letter (an initial).
func abbreviationBefore(text string, i int) bool {
	j := i
	for j > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= w
	}
	word := strings.ToLower(text[j:i])
	return word != "" && (abbreviations[word] || utf8.RuneCountInString(word) == 1)
}

// clauses splits a sentence at semicolons, dashes and the conjunctions
// that open a new clause after a comma (", but", ", while", ", though").
func clauses(text string, s span) []span {
	var out []span
	start := s.Start
	sub := text[s.Start:s.End]
	for i := 0; i < len(sub); {
		cut, skip := clauseBreak(sub[i:])
		if cut {
			a, b := trimSpan(text, start, s.Start+i)
			if b > a {
				out = append(out, span{a, b})
			}
			start = s.Start + i + skip
			i += skip
			continue
		}
		_, w := utf8.DecodeRuneInString(sub[i:])
		i += w
	}
	a, b := trimSpan(text, start, s.End)
	if b > a {
		out = append(out, span{a, b})
	}
	if len(out) == 0 {
		out = append(out, s)
	}
	return out
}

// clauseBreak reports whether a clause ends where rest starts, and how many
// bytes the separator takes (the conjunction stays with the next clause).
func clauseBreak(rest string) (bool, int) {
	switch {
	case strings.HasPrefix(rest, "; "):
		return true, 1
	case strings.HasPrefix(rest, " — "), strings.HasPrefix(rest, " – "):
		return true, len(" — ")
	}
	for _, c := range []string{", but ", ", while ", ", though ", ", although ", ", whereas "} {
		if strings.HasPrefix(rest, c) {
			return true, 1
		}
	}
	return false, 0
}

// trimSpan trims space and leftover punctuation-free whitespace from the
// ends of text[start:end].
func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, w := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += w
	}
	for end > start {
		r, w := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= w
	}
	return start, end
}

// document is the text with its tokens, sentences and clauses.
type document struct {
	text      string
	toks      []token
	sentences []span
	clauses   []span
	// clauseSentence maps a clause to its sentence.
	clauseSentence []int
}

// analyse tokenizes text and assigns every token its sentence and clause.
func analyse(text string) *document {
	d := &document{text: text, toks: tokenize(text), sentences: sentences(text)}
	for si, s := range d.sentences {
		for _, c := range clauses(text, s) {
			d.clauses = append(d.clauses, c)
			d.clauseSentence = append(d.clauseSentence, si)
		}
	}
	ci := 0
	for i := range d.toks {
		t := &d.toks[i]
		for ci < len(d.clauses)-1 && t.Start >= d.clauses[ci].End {
			ci++
		}
		t.Clause = ci
		if ci < len(d.clauseSentence) {
			t.Sentence = d.clauseSentence[ci]
		}
	}
	d.capClauses()
	return d
}

// maxClauseTokens bounds a clause. The relation rules look at the entities
// of one clause, so a text without sentence ends (a list, a dump) is cut
// into clauses of this many words, which keeps extraction linear in the
// length of the text; a real sentence is shorter.
const maxClauseTokens = 80

// capClauses cuts clauses longer than maxClauseTokens words at a word.
func (d *document) capClauses() {
	var cs []span
	var sent []int
	n, prev := 0, -1
	for i := range d.toks {
		t := &d.toks[i]
		switch {
		case t.Clause != prev:
			n, prev = 0, t.Clause
			c := d.clauses[t.Clause]
			cs = append(cs, span{c.Start, c.End})
			sent = append(sent, d.clauseSentence[t.Clause])
		case n == maxClauseTokens:
			n = 0
			last := &cs[len(cs)-1]
			end := last.End
			last.End = d.toks[i-1].End
			cs = append(cs, span{t.Start, end})
			sent = append(sent, d.clauseSentence[t.Clause])
		}
		n++
		t.Clause = len(cs) - 1
	}
	if len(cs) > 0 {
		d.clauses, d.clauseSentence = cs, sent
	} else {
		d.clauses, d.clauseSentence = nil, nil
	}
}

// sentenceInitial reports whether token i opens its sentence, or opens a
// quotation.
func (d *document) sentenceInitial(i int) bool {
	if i == 0 || d.toks[i-1].Sentence != d.toks[i].Sentence {
		return true
	}
	gap := d.text[d.toks[i-1].End:d.toks[i].Start]
	return strings.ContainsAny(gap, "“\"‘:")
}

// gap returns the text between tokens i and i+1.
func (d *document) gap(i int) string { return d.text[d.toks[i].End:d.toks[i+1].Start] }
