package newsgraph

import (
	"regexp"
	"strings"
)

// Patterns that identifiers must match. Relation types are checked against
// RelationTypePattern before they reach any query language, which makes it
// safe for a backend to use them as relationship types.
var (
	// EntityIDPattern: a kind prefix, a colon and a lower-case slug.
	EntityIDPattern = regexp.MustCompile(`^(person|organization|place|legal-concept|event|claim):[a-z0-9]+(-[a-z0-9]+)*$`)
	// DocumentIDPattern: "doc:" and a lower-case slug.
	DocumentIDPattern = regexp.MustCompile(`^doc:[a-z0-9]+(-[a-z0-9]+)*$`)
	// RelationTypePattern: UPPER_SNAKE_CASE. The pattern alone does not
	// bound the length of a type with underscores; ValidRelationType also
	// limits it to 64 characters.
	RelationTypePattern = regexp.MustCompile(`^[A-Z][A-Z0-9]{0,63}(_[A-Z0-9]+)*$`)
)

const maxRelationTypeLen = 64

// IDPrefix returns the id prefix of kind k, such as "legal-concept".
func (k Kind) IDPrefix() string {
	return strings.ReplaceAll(strings.ToLower(string(k)), "_", "-")
}

// KindOfID returns the kind an entity id's prefix names, or "" when the id
// has no valid prefix.
func KindOfID(id string) Kind {
	prefix, _, ok := strings.Cut(id, ":")
	if !ok {
		return ""
	}
	return kindsByIDPrefix[prefix]
}

// kindsByIDPrefix maps every kind's IDPrefix to the kind: imports check
// millions of ids.
var kindsByIDPrefix = func() map[string]Kind {
	m := make(map[string]Kind, len(AllKinds))
	for _, k := range AllKinds {
		m[k.IDPrefix()] = k
	}
	return m
}()

// EntityIDKind returns the kind of a valid entity id (KindOfID), and ""
// for an id that is not valid (ValidEntityID), in one pass.
func EntityIDKind(id string) Kind {
	prefix, slug, ok := strings.Cut(id, ":")
	if kind := kindsByIDPrefix[prefix]; ok && kind != "" && validSlug(slug) {
		return kind
	}
	return ""
}

// Slug folds s to lower-case ASCII words joined by hyphens:
// "Andrés Manuel López Obrador" becomes "andres-manuel-lopez-obrador".
// Letters that Fold leaves outside ASCII (such as Cyrillic or Han) separate
// words, so a slug is empty or a valid id suffix. A word such a letter cut
// out of a longer one is respelled as Fold respells words ("00tres" of
// "00tresٶ0" becomes "00ters"), so that Slug(Slug(s)) == Slug(s).
func Slug(s string) string {
	words := strings.FieldsFunc(Fold(s), func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	})
	for i, w := range words {
		words[i] = americanSpelling(w)
	}
	return strings.Join(words, "-")
}

// EntityID returns the deterministic id of an entity of kind k named name.
func EntityID(k Kind, name string) string {
	return k.IDPrefix() + ":" + Slug(name)
}

// RelationID returns the deterministic id of the relation of type typ from
// entity from to entity to. A relation's identity is this triple: a second
// report of the same triple adds evidence to the existing relation.
func RelationID(from, typ, to string) string {
	return from + "|" + typ + "|" + to
}

// isRelationID reports whether id == RelationID(from, typ, to), without
// building the latter.
func isRelationID(id, from, typ, to string) bool {
	return len(id) == len(from)+len(typ)+len(to)+2 &&
		id[:len(from)] == from && id[len(from)] == '|' &&
		id[len(from)+1:len(from)+1+len(typ)] == typ && id[len(from)+1+len(typ)] == '|' &&
		id[len(from)+2+len(typ):] == to
}

// ValidEntityID reports whether id matches EntityIDPattern. It is written
// out by hand because bulk imports check millions of ids; a fuzz test keeps
// it equal to the pattern.
func ValidEntityID(id string) bool {
	return EntityIDKind(id) != ""
}

// ValidDocumentID reports whether id matches DocumentIDPattern, by hand like
// ValidEntityID.
func ValidDocumentID(id string) bool {
	slug, ok := strings.CutPrefix(id, "doc:")
	return ok && validSlug(slug)
}

// validSlug reports whether s matches [a-z0-9]+(-[a-z0-9]+)*.
func validSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// ValidRelationType reports whether typ is UPPER_SNAKE_CASE and at most 64
// characters long.
func ValidRelationType(typ string) bool {
	if len(typ) == 0 || len(typ) > maxRelationTypeLen || typ[0] < 'A' || typ[0] > 'Z' || typ[len(typ)-1] == '_' {
		return false
	}
	// By hand, like ValidEntityID: RelationTypePattern is the definition.
	for i := 1; i < len(typ); i++ {
		c := typ[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '_' && typ[i-1] != '_':
		default:
			return false
		}
	}
	return true
}

// CheckRelationTypes returns an Invalid error naming the first malformed
// type in types. A well-formed type that no relation has is not an error.
func CheckRelationTypes(types []string) error {
	for _, t := range types {
		if !ValidRelationType(t) {
			return Errorf(Invalid, "relation type %q is malformed: want UPPER_SNAKE_CASE such as THREATENS, at most %d characters", t, maxRelationTypeLen)
		}
	}
	return nil
}
