package subgraph

import (
	"encoding/binary"
	"strconv"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// AppendJSON appends the json response for the subgraph around root to b,
// each node's degree from sg.Degrees and each edge's corroboration from
// sg.Corroboration (0 where they have none), and the status of Edges[i]
// DISPUTED where disputed[i] is true, else ASSERTED: the encoder is the
// specification of the response (see the package documentation).
func AppendJSON(b []byte, root string, sg newsgraph.Subgraph, disputed []bool) []byte {
	b = append(b, `{"root":`...)
	b = appendString(b, root)
	b = append(b, `,"truncated":`...)
	b = strconv.AppendBool(b, sg.Truncated)
	b = append(b, `,"nodes":[`...)
	for i, n := range sg.Nodes {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendNode(b, n, at(sg.Hops, i), at(sg.Degrees, i))
	}
	b = append(b, `],"edges":[`...)
	for i, e := range sg.Edges {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendEdge(b, e, at(sg.Corroboration, i), i < len(disputed) && disputed[i])
	}
	return append(b, "]}\n"...)
}

// AppendNDJSON appends the ndjson response for the subgraph around root to
// b, the nodes and edges as AppendJSON writes them: a line per node, a line
// per edge, then the summary line.
func AppendNDJSON(b []byte, root string, sg newsgraph.Subgraph, disputed []bool) []byte {
	for i, n := range sg.Nodes {
		b = append(b, `{"node":`...)
		b = append(appendNode(b, n, at(sg.Hops, i), at(sg.Degrees, i)), "}\n"...)
	}
	for i, e := range sg.Edges {
		b = append(b, `{"edge":`...)
		b = append(appendEdge(b, e, at(sg.Corroboration, i), i < len(disputed) && disputed[i]), "}\n"...)
	}
	b = append(b, `{"root":`...)
	b = appendString(b, root)
	b = append(b, `,"truncated":`...)
	b = strconv.AppendBool(b, sg.Truncated)
	return append(b, "}\n"...)
}

// at is list[i], or 0 past the end of list.
func at(list []int, i int) int {
	if i < len(list) {
		return list[i]
	}
	return 0
}

func appendNode(b []byte, e *newsgraph.Entity, hops, degree int) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, e.ID)
	b = append(b, `,"name":`...)
	b = appendString(b, e.Name)
	b = append(b, `,"kind":`...)
	b = appendString(b, string(e.Kind))
	b = append(b, `,"hops":`...)
	b = strconv.AppendInt(b, int64(hops), 10)
	b = append(b, `,"degree":`...)
	b = strconv.AppendInt(b, int64(degree), 10)
	return append(b, '}')
}

func appendEdge(b []byte, r *newsgraph.Relation, corroboration int, disputed bool) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, r.ID)
	b = append(b, `,"type":`...)
	b = appendString(b, r.Type)
	b = append(b, `,"from":`...)
	b = appendString(b, r.From)
	b = append(b, `,"to":`...)
	b = appendString(b, r.To)
	b = append(b, `,"confidence":`...)
	b = strconv.AppendFloat(b, r.Confidence, 'g', -1, 64)
	b = append(b, `,"corroboration":`...)
	b = strconv.AppendInt(b, int64(corroboration), 10)
	if disputed {
		return append(b, `,"status":"DISPUTED"}`...)
	}
	return append(b, `,"status":"ASSERTED"}`...)
}

const hex = "0123456789abcdef"

// plainASCII[c] reports whether byte c stands for itself inside a JSON
// string: printable ASCII other than the quote and the backslash.
var plainASCII = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// Masks of firstSpecial's tests, one per byte of a word.
const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// firstSpecial returns the index of the first byte of p that does not
// stand for itself inside a JSON string (see plainASCII), or -1. It tests
// eight bytes at a time: a word of ASCII bytes holds none when no byte is
// below 0x20 or equals the quote or the backslash, where a byte y is zero
// exactly when (y - 1) & ^y has its high bit set, and below 0x20 when
// (y - 0x20) & ^y has (the borrows of bytes that pass do not reach the
// next byte).
func firstSpecial(p []byte) int {
	i := 0
	for ; i+8 <= len(p); i += 8 {
		x := binary.LittleEndian.Uint64(p[i:])
		quote, backslash := x^(lowBits*'"'), x^(lowBits*'\\')
		special := x | (x-lowBits*0x20)&^x | (quote-lowBits)&^quote | (backslash-lowBits)&^backslash
		if special&highBits != 0 {
			break
		}
	}
	for ; i < len(p); i++ {
		if !plainASCII[p[i]] {
			return i
		}
	}
	return -1
}

// appendString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD,
// and U+2028 and U+2029 are escaped, as encoding/json does. Runs of plain
// ASCII, nearly all of an id or a type, are copied in one append.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	// Nearly every string is plain: copy it whole, check the copy eight
	// bytes at a time, and escape from the first byte that is not.
	mark := len(b)
	b = append(b, s...)
	i := firstSpecial(b[mark:])
	if i < 0 {
		return append(b, '"')
	}
	b, s = b[:mark+i], s[i:]
	start := 0
	for i := 0; i < len(s); {
		if plainASCII[s[i]] {
			i++
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
