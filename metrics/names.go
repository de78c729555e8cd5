package metrics

import "sync"

// MaxOperationNames is how many distinct GraphQL operation names the
// metrics label by name: the first ones seen. Operations of any other name
// are labelled OtherOperation, so that clients, who choose the names,
// cannot grow the metrics without bound.
const MaxOperationNames = 100

// maxOperationNameBytes is the longest operation name labelled as itself;
// a longer one is labelled OtherOperation.
const maxOperationNameBytes = 64

// OtherOperation is the operation label of the names past
// MaxOperationNames and of names longer than 64 bytes. An anonymous
// operation is labelled "".
const OtherOperation = "other"

// nameSet admits the first max distinct names it is asked about.
type nameSet struct {
	max   int
	mu    sync.RWMutex
	names map[string]struct{}
}

func newNameSet(max int) *nameSet {
	return &nameSet{max: max, names: make(map[string]struct{}, max)}
}

// label returns name when it is one of the admitted names, or can still be
// admitted, and OtherOperation otherwise. The anonymous name "" is always
// itself and takes no place.
func (s *nameSet) label(name string) string {
	if name == "" {
		return ""
	}
	if len(name) > maxOperationNameBytes {
		return OtherOperation
	}
	s.mu.RLock()
	_, ok := s.names[name]
	full := len(s.names) >= s.max
	s.mu.RUnlock()
	switch {
	case ok:
		return name
	case full:
		return OtherOperation
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.names[name]; ok || len(s.names) < s.max {
		s.names[name] = struct{}{}
		return name
	}
	return OtherOperation
}
