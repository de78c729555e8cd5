package ingest

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// The JSON grammar of plainDecoder. Every function reports false for JSON
// it does not take (see plainDecoder), leaving d in an undefined state.

// space skips white space.
func (d *plainDecoder) space() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// consume skips c if it comes next.
func (d *plainDecoder) consume(c byte) bool {
	if d.pos < len(d.data) && d.data[d.pos] == c {
		d.pos++
		return true
	}
	return false
}

// object decodes an object, calling member for each name with d at its
// value; member decodes the value.
func (d *plainDecoder) object(member func(name []byte) bool) bool {
	d.space()
	if !d.consume('{') {
		return false
	}
	d.space()
	if d.consume('}') {
		return true
	}
	for {
		name, ok := d.name()
		if !ok {
			return false
		}
		d.space()
		if !d.consume(':') {
			return false
		}
		d.space()
		if !member(name) {
			return false
		}
		d.space()
		if !d.consume(',') {
			return d.consume('}')
		}
		d.space()
	}
}

// name decodes a member name of ASCII letters without escapes: Input's
// names are such, and other names are not taken.
func (d *plainDecoder) name() ([]byte, bool) {
	if !d.consume('"') {
		return nil, false
	}
	for i := d.pos; i < len(d.data); i++ {
		switch c := d.data[i]; {
		case c == '"':
			name := d.data[d.pos:i]
			d.pos = i + 1
			return name, true
		case c < 'A' || c > 'z':
			return nil, false
		}
	}
	return nil, false
}

// array decodes an array, calling element for each element with d at it;
// element decodes it.
func (d *plainDecoder) array(element func() bool) bool {
	if !d.consume('[') {
		return false
	}
	d.space()
	if d.consume(']') {
		return true
	}
	for {
		if !element() {
			return false
		}
		d.space()
		if !d.consume(',') {
			return d.consume(']')
		}
		d.space()
	}
}

// string decodes a string into dst.
func (d *plainDecoder) string(dst *string) bool {
	b, ok := d.text()
	if ok {
		*dst = string(b)
	}
	return ok
}

// strings decodes an array of strings into dst, cut from d.strs; an empty
// array is an empty list, not nil, as with encoding/json.
func (d *plainDecoder) strings(dst *[]string) bool {
	if cap(d.strs) == 0 {
		d.strs = make([]string, 0, strsChunk)
	}
	ok := d.array(func() bool {
		b, ok := d.text()
		if ok {
			d.strs = append(d.strs, string(b))
		}
		return ok
	})
	// The capacity of the list ends with it, so that appending to it
	// cannot overwrite the next list.
	*dst = d.strs[:len(d.strs):len(d.strs)]
	d.strs = d.strs[len(d.strs):]
	return ok
}

// date decodes a string into dst with Date.UnmarshalText, as
// encoding/json does.
func (d *plainDecoder) date(dst *newsgraph.Date) bool {
	b, ok := d.text()
	return ok && dst.UnmarshalText(b) == nil
}

// number decodes a number into dst as encoding/json does: strconv's
// parse of a number of JSON syntax, which must be in range.
func (d *plainDecoder) number(dst *float64) bool {
	start := d.pos
	if !d.integerPart() {
		return false
	}
	if d.consume('.') && d.digits() == 0 {
		return false
	}
	if d.consume('e') || d.consume('E') {
		if !d.consume('+') {
			d.consume('-')
		}
		if d.digits() == 0 {
			return false
		}
	}
	f, err := strconv.ParseFloat(string(d.data[start:d.pos]), 64)
	*dst = f
	return err == nil
}

// integer decodes an integer into dst as encoding/json does for an int: a
// number without fraction or exponent, in range. Anything else it leaves
// to encoding/json.
func (d *plainDecoder) integer(dst *int) bool {
	start := d.pos
	if !d.integerPart() {
		return false
	}
	if d.pos < len(d.data) && (d.data[d.pos] == '.' || d.data[d.pos] == 'e' || d.data[d.pos] == 'E') {
		return false
	}
	n, err := strconv.ParseInt(string(d.data[start:d.pos]), 10, 0)
	*dst = int(n)
	return err == nil
}

// integerPart skips the sign and integer part of a JSON number and
// reports whether there was one.
func (d *plainDecoder) integerPart() bool {
	d.consume('-')
	switch {
	case d.consume('0'):
	case d.pos < len(d.data) && d.data[d.pos] >= '1' && d.data[d.pos] <= '9':
		d.digits()
	default:
		return false
	}
	return true
}

// digits skips decimal digits and returns how many there were.
func (d *plainDecoder) digits() int {
	start := d.pos
	for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
		d.pos++
	}
	return d.pos - start
}

// text decodes a string and returns its bytes, which are valid until the
// next call. It takes valid UTF-8 and every escape but the surrogates
// (which encoding/json pairs or replaces). Its loops are over runs of
// bytes, not bytes: a document's text is most of a line.
func (d *plainDecoder) text() ([]byte, bool) {
	if !d.consume('"') {
		return nil, false
	}
	rest := d.data[d.pos:]
	end := bytes.IndexByte(rest, '"')
	if end < 0 {
		return nil, false
	}
	if b := bytes.IndexByte(rest[:end], '\\'); b >= 0 {
		return d.unescape(b)
	}
	s := rest[:end]
	d.pos += end + 1
	return s, !hasControl(s) && utf8.Valid(s)
}

// unescape decodes the string text started, whose first backslash is b
// bytes on, into d.buf.
func (d *plainDecoder) unescape(b int) ([]byte, bool) {
	d.buf = d.buf[:0]
	data := d.data[d.pos:]
	i := 0 // the decoded part of data
	end := bytes.IndexByte(data, '"')
	for {
		run := data[i : i+b]
		if hasControl(run) {
			return nil, false
		}
		d.buf = append(d.buf, run...)
		i += b
		if i == end {
			d.pos += end + 1
			// Escapes add whole runes, so the result is valid UTF-8 if and
			// only if the runs between them are.
			return d.buf, utf8.Valid(d.buf)
		}
		n, ok := d.escape(data[i:])
		if !ok {
			return nil, false
		}
		i += n
		if i > end { // the escape was \", and the string goes on
			if end = bytes.IndexByte(data[i:], '"'); end < 0 {
				return nil, false
			}
			end += i
		}
		if b = bytes.IndexByte(data[i:end], '\\'); b < 0 {
			b = end - i
		}
	}
}

// escape appends what the escape sequence e starts with stands for to
// d.buf and returns its length.
func (d *plainDecoder) escape(e []byte) (int, bool) {
	if len(e) < 2 {
		return 0, false
	}
	switch c := e[1]; c {
	case '"', '\\', '/':
		d.buf = append(d.buf, c)
	case 'b':
		d.buf = append(d.buf, '\b')
	case 'f':
		d.buf = append(d.buf, '\f')
	case 'n':
		d.buf = append(d.buf, '\n')
	case 'r':
		d.buf = append(d.buf, '\r')
	case 't':
		d.buf = append(d.buf, '\t')
	case 'u':
		r, ok := hex4(e[2:])
		if !ok || utf8.RuneLen(r) < 0 {
			return 0, false // not four hex digits, or a surrogate
		}
		d.buf = utf8.AppendRune(d.buf, r)
		return 6, true
	default:
		return 0, false
	}
	return 2, true
}

// hasControl reports whether s has a byte below 0x20, which JSON strings
// must escape; eight bytes at a time.
func hasControl(s []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for len(s) >= 8 {
		x := binary.LittleEndian.Uint64(s)
		if (x-0x20*ones)&^x&highs != 0 {
			return true
		}
		s = s[8:]
	}
	for _, c := range s {
		if c < 0x20 {
			return true
		}
	}
	return false
}

// hex4 decodes the four hex digits b starts with.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
