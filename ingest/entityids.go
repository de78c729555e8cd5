package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph"
)

// kindsByPrefix maps the id prefix of each kind to the kind.
var kindsByPrefix = func() map[string]newsgraph.Kind {
	m := make(map[string]newsgraph.Kind, len(newsgraph.AllKinds))
	for _, k := range newsgraph.AllKinds {
		m[k.IDPrefix()] = k
	}
	return m
}()

// entityIDKind returns the kind of id when newsgraph.ValidEntityID(id), and
// "" otherwise: newsgraph.KindOfID of a valid id. Validation checks millions
// of ids in an import, and newsgraph.KindOfID spells every kind's prefix
// anew on each call; a fuzz test keeps the two equal.
func entityIDKind(id string) newsgraph.Kind {
	prefix, slug, ok := strings.Cut(id, ":")
	kind := kindsByPrefix[prefix]
	if !ok || kind == "" || slug == "" || slug[0] == '-' || slug[len(slug)-1] == '-' {
		return ""
	}
	for i := 0; i < len(slug); i++ {
		switch c := slug[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && slug[i-1] != '-':
		default:
			return ""
		}
	}
	return kind
}
