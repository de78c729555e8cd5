package model

import (
	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/loaders"
)

// Entity is the GraphQL Entity interface: every implementation wraps one
// domain entity.
type Entity interface {
	// IsEntity marks the implementations of the GraphQL interface.
	IsEntity()
	// Domain returns the wrapped domain entity.
	Domain() *newsgraph.Entity
}

// Node holds the fields every Entity object type shares. The object types
// embed it, so gqlgen resolves the shared fields from its methods. L is the
// level of the answer the entity belongs to, which resolves its fields that
// need the store for all its entities at once.
type Node struct {
	E *newsgraph.Entity
	L *loaders.Level
}

// Domain returns the wrapped domain entity.
func (n Node) Domain() *newsgraph.Entity { return n.E }

// IsEntity marks the implementations of the GraphQL Entity interface.
func (Node) IsEntity() {}

// ID returns the entity id.
func (n Node) ID() string { return n.E.ID }

// Name returns the display name.
func (n Node) Name() string { return n.E.Name }

// Kind returns the entity kind.
func (n Node) Kind() newsgraph.Kind { return n.E.Kind }

// Aliases returns the aliases, never nil.
func (n Node) Aliases() []string { return nonNil(n.E.Aliases) }

// Description returns the summary, or nil when there is none.
func (n Node) Description() *string { return optional(n.E.Description) }

// Person is the GraphQL Person type.
type Person struct{ Node }

// Roles returns the person's offices and titles, never nil.
func (p Person) Roles() []string { return nonNil(p.E.Roles) }

// Organization is the GraphQL Organization type.
type Organization struct{ Node }

// Place is the GraphQL Place type.
type Place struct{ Node }

// LegalConcept is the GraphQL LegalConcept type.
type LegalConcept struct{ Node }

// Jurisdiction returns the concept's jurisdiction, or nil when unknown.
func (c LegalConcept) Jurisdiction() *string { return optional(c.E.Jurisdiction) }

// Event is the GraphQL Event type.
type Event struct{ Node }

// StartDate returns the day the event started; the zero Date is null.
func (e Event) StartDate() newsgraph.Date { return e.E.StartDate }

// EndDate returns the day the event ended; the zero Date is null.
func (e Event) EndDate() newsgraph.Date { return e.E.EndDate }

// Claim is the GraphQL Claim type.
type Claim struct{ Node }

// ClaimText returns the claim as reported, or nil.
func (c Claim) ClaimText() *string { return optional(c.E.ClaimText) }

// Verdict returns the claim's reported standing, or nil.
func (c Claim) Verdict() *newsgraph.Verdict {
	if c.E.Verdict == "" {
		return nil
	}
	v := c.E.Verdict
	return &v
}

// VerdictNote returns why the claim has its verdict, or nil.
func (c Claim) VerdictNote() *string { return optional(c.E.VerdictNote) }

// CounterEvidence returns the evidence against the claim, or nil.
func (c Claim) CounterEvidence() *string { return optional(c.E.CounterEvidence) }

// Wrap returns the GraphQL object for a domain entity of level l according
// to its kind, or nil for a nil entity. An entity of an unknown kind, which
// stores never return, is shown as an Organization rather than dropped.
func Wrap(e *newsgraph.Entity, l *loaders.Level) Entity {
	if e == nil {
		return nil
	}
	n := Node{E: e, L: l}
	switch e.Kind {
	case newsgraph.KindPerson:
		return Person{n}
	case newsgraph.KindPlace:
		return Place{n}
	case newsgraph.KindLegalConcept:
		return LegalConcept{n}
	case newsgraph.KindEvent:
		return Event{n}
	case newsgraph.KindClaim:
		return Claim{n}
	default:
		return Organization{n}
	}
}

// WrapAll wraps every entity of es, of level l, skipping nils.
func WrapAll(es []*newsgraph.Entity, l *loaders.Level) []Entity {
	out := make([]Entity, 0, len(es))
	for _, e := range es {
		if e != nil {
			out = append(out, Wrap(e, l))
		}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Base returns the shared part of an entity object, for the resolvers that
// handle every Entity type alike.
func (n Node) Base() Node { return n }
