package graph_test

import (
	"strings"
	"testing"
)

type introspectedValue struct {
	Name        string
	Description *string
}

type introspectedField struct {
	introspectedValue
	Args []introspectedValue
}

type introspectedType struct {
	Kind        string
	Name        string
	Description *string
	Fields      []introspectedField
	InputFields []introspectedValue
	EnumValues  []introspectedValue
	Interfaces  []struct{ Name string }
}

func builtIn(name string) bool {
	switch name {
	case "String", "Int", "Float", "Boolean", "ID":
		return true
	}
	return strings.HasPrefix(name, "__")
}

func documented(d *string) bool { return d != nil && strings.TrimSpace(*d) != "" }

// TestSchemaIsDocumented walks the schema by introspection and fails on any
// type, field, argument, input field or enum value without a description.
func TestSchemaIsDocumented(t *testing.T) {
	a := fixtureAPI(t)
	var data struct {
		Schema struct{ Types []introspectedType } `json:"__schema"`
	}
	a.query(t, `{ __schema { types {
		kind name description
		fields(includeDeprecated: true) { name description args { name description } }
		inputFields { name description }
		enumValues(includeDeprecated: true) { name description }
		interfaces { name } } } }`, nil, &data)

	checked := 0
	byName := map[string]introspectedType{}
	for _, typ := range data.Schema.Types {
		byName[typ.Name] = typ
		if builtIn(typ.Name) {
			continue
		}
		checked++
		if !documented(typ.Description) {
			t.Errorf("type %s has no description", typ.Name)
		}
		for _, f := range typ.Fields {
			if !documented(f.Description) {
				t.Errorf("field %s.%s has no description", typ.Name, f.Name)
			}
			for _, arg := range f.Args {
				if !documented(arg.Description) {
					t.Errorf("argument %s.%s(%s) has no description", typ.Name, f.Name, arg.Name)
				}
			}
		}
		for _, f := range typ.InputFields {
			if !documented(f.Description) {
				t.Errorf("input field %s.%s has no description", typ.Name, f.Name)
			}
		}
		for _, v := range typ.EnumValues {
			if !documented(v.Description) {
				t.Errorf("enum value %s.%s has no description", typ.Name, v.Name)
			}
		}
	}
	if checked < 20 {
		t.Errorf("checked only %d types; is the schema complete?", checked)
	}

	// The names clients rely on.
	contract := map[string][]string{
		"Query":              {"entity", "entities", "search", "relations", "neighborhood", "shortestPath", "paths", "document", "documents", "relationTypes", "stats"},
		"Entity":             {"id", "name", "kind", "aliases", "description", "relations", "neighbors"},
		"Person":             {"roles", "relations", "neighbors"},
		"LegalConcept":       {"jurisdiction"},
		"Event":              {"startDate", "endDate", "place"},
		"Claim":              {"claimText", "claimant", "verdict", "counterEvidence"},
		"Relation":           {"id", "type", "from", "to", "validFrom", "validTo", "confidence", "evidence"},
		"Evidence":           {"quote", "document"},
		"Document":           {"id", "title", "publishedAt", "source", "url", "text"},
		"EntityConnection":   {"edges", "pageInfo", "totalCount"},
		"RelationConnection": {"edges", "pageInfo", "totalCount"},
		"DocumentConnection": {"edges", "pageInfo", "totalCount"},
		"PageInfo":           {"hasNextPage", "endCursor"},
		"SearchHit":          {"entity", "score"},
		"Subgraph":           {"nodes", "edges", "truncated"},
		"Path":               {"length", "nodes", "edges"},
		"RelationTypeCount":  {"type", "count"},
		"Stats":              {"entities", "relations", "documents", "byKind"},
		"KindCount":          {"kind", "count"},
	}
	for typeName, fields := range contract {
		typ, ok := byName[typeName]
		if !ok {
			t.Errorf("type %s is missing", typeName)
			continue
		}
		have := map[string]bool{}
		for _, f := range typ.Fields {
			have[f.Name] = true
		}
		for _, f := range fields {
			if !have[f] {
				t.Errorf("field %s.%s is missing", typeName, f)
			}
		}
	}
	for _, impl := range []string{"Person", "Organization", "Place", "LegalConcept", "Event", "Claim"} {
		if got := byName[impl].Interfaces; len(got) != 1 || got[0].Name != "Entity" {
			t.Errorf("%s implements %v, want Entity", impl, got)
		}
	}
	enums := map[string]string{
		"EntityKind": "PERSON ORGANIZATION PLACE LEGAL_CONCEPT EVENT CLAIM",
		"Direction":  "OUT IN BOTH",
	}
	for name, want := range enums {
		var got []string
		for _, v := range byName[name].EnumValues {
			got = append(got, v.Name)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("enum %s = %v, want %s", name, got, want)
		}
	}
	if typ := byName["Date"]; typ.Kind != "SCALAR" {
		t.Errorf("Date is a %s, want SCALAR", typ.Kind)
	}
	if typ := byName["RelationFilter"]; len(typ.InputFields) != 5 {
		t.Errorf("RelationFilter has %d fields, want 5", len(typ.InputFields))
	}
}

// fullIntrospectionQuery is the query GraphiQL and graphql-js send, with
// its deeply nested TypeRef fragment; the depth limit must let it through.
const fullIntrospectionQuery = `
query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
}`

func TestFullIntrospectionQuery(t *testing.T) {
	a := fixtureAPI(t)
	var data struct {
		Schema struct {
			QueryType struct{ Name string }
			Types     []struct {
				Name          string
				PossibleTypes []struct{ Name string }
			}
		} `json:"__schema"`
	}
	a.query(t, fullIntrospectionQuery, nil, &data)
	if got, want := data.Schema.QueryType.Name, "Query"; got != want {
		t.Errorf("query type = %q, want %q", got, want)
	}
	for _, typ := range data.Schema.Types {
		if typ.Name == "Entity" {
			if got, want := len(typ.PossibleTypes), 6; got != want {
				t.Errorf("Entity has %d possible types, want %d", got, want)
			}
			return
		}
	}
	t.Error("no Entity type")
}
