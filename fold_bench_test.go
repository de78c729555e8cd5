package newsgraph_test

import (
	"testing"

	"github.com/newsgraph/newsgraph"
)

func BenchmarkFold(b *testing.B) {
	for _, s := range []string{"Foreign terrorist organisation designation", "Andrés Manuel López Obrador"} {
		b.Run(s, func(b *testing.B) {
			for b.Loop() {
				newsgraph.Fold(s)
			}
		})
	}
}
