package embedded_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/storetest"
)

// openStore opens a fresh store in a temporary directory; the caller closes
// it.
func openStore(t *testing.T) *embedded.Store {
	t.Helper()
	s, err := embedded.Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) newsgraph.Store { return openStore(t) })
}
