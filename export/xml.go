package export

import (
	"encoding/xml"
	"io"
)

// xmlWriter streams an XML document, keeping the first error: writers
// call it without checking each step and read the error at close.
type xmlWriter struct {
	enc  *xml.Encoder
	open []xml.StartElement
	err  error
}

func newXMLWriter(w io.Writer) *xmlWriter {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return &xmlWriter{err: err}
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	return &xmlWriter{enc: enc}
}

// start opens an element with attributes given as name, value pairs.
func (x *xmlWriter) start(name string, attrs ...string) {
	if x.err != nil {
		return
	}
	el := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		el.Attr = append(el.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	x.err = x.enc.EncodeToken(el)
	x.open = append(x.open, el)
}

// end closes the innermost open element.
func (x *xmlWriter) end() {
	if x.err != nil {
		return
	}
	el := x.open[len(x.open)-1]
	x.open = x.open[:len(x.open)-1]
	x.err = x.enc.EncodeToken(el.End())
}

// encode writes v as an element and returns the first error so far.
func (x *xmlWriter) encode(v any) error {
	if x.err == nil {
		x.err = x.enc.Encode(v)
	}
	return x.err
}

// close ends every open element and flushes.
func (x *xmlWriter) close() error {
	for len(x.open) > 0 {
		x.end()
	}
	if x.err == nil {
		x.err = x.enc.Close()
	}
	return x.err
}
