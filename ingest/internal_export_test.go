package ingest

// DecodePlain decodes data by hand only, as DecodeInput first tries, and
// reports whether the hand decoder took it.
func DecodePlain(data []byte) (Input, bool) {
	var d plainDecoder
	return d.decode(data)
}
