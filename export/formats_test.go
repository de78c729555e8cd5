package export_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/export"
)

func TestGraphMLReadsBack(t *testing.T) {
	store := openFixture(t)
	var doc struct {
		Keys []struct {
			ID   string `xml:"id,attr"`
			Name string `xml:"attr.name,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string  `xml:"id,attr"`
				Data []datum `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				ID     string  `xml:"id,attr"`
				Source string  `xml:"source,attr"`
				Target string  `xml:"target,attr"`
				Data   []datum `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(write(t, store, "graphml", export.Query{}), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault %q, want directed", doc.Graph.EdgeDefault)
	}
	names := map[string]string{}
	for _, k := range doc.Keys {
		names[k.ID] = k.Name
	}
	attrs := func(data []datum) map[string]any {
		m := map[string]any{}
		for _, d := range data {
			m[names[d.Key]] = d.Value
		}
		return m
	}
	got := readBack{Nodes: map[string]element{}, Edges: map[string]element{}}
	for _, n := range doc.Graph.Nodes {
		got.Nodes[n.ID] = element{Attrs: attrs(n.Data)}
	}
	for _, e := range doc.Graph.Edges {
		got.Edges[e.ID] = element{Source: e.Source, Target: e.Target, Attrs: attrs(e.Data)}
	}
	checkReadBack(t, store, got)
}

type datum struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func TestGEXFReadsBack(t *testing.T) {
	store := openFixture(t)
	type values struct {
		Values []struct {
			For   string `xml:"for,attr"`
			Value string `xml:"value,attr"`
		} `xml:"attvalues>attvalue"`
	}
	var doc struct {
		Version string `xml:"version,attr"`
		Graph   struct {
			Mode       string `xml:"mode,attr"`
			Attributes []struct {
				Class string `xml:"class,attr"`
				Attrs []struct {
					ID    string `xml:"id,attr"`
					Title string `xml:"title,attr"`
				} `xml:"attribute"`
			} `xml:"attributes"`
			Nodes []struct {
				ID string `xml:"id,attr"`
				values
			} `xml:"nodes>node"`
			Edges []struct {
				ID     string `xml:"id,attr"`
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Spells []struct {
					Start string `xml:"start,attr"`
					End   string `xml:"end,attr"`
				} `xml:"spells>spell"`
				values
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(write(t, store, "gexf", export.Query{}), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "1.3" || doc.Graph.Mode != "dynamic" {
		t.Errorf("version %q, mode %q; want 1.3, dynamic", doc.Version, doc.Graph.Mode)
	}
	titles := map[string]string{}
	for _, class := range doc.Graph.Attributes {
		for _, a := range class.Attrs {
			titles[a.ID] = a.Title
		}
	}
	attrs := func(v values) map[string]any {
		m := map[string]any{}
		for _, a := range v.Values {
			m[titles[a.For]] = a.Value
		}
		return m
	}
	got := readBack{Nodes: map[string]element{}, Edges: map[string]element{}}
	spells := map[string]string{}
	for _, n := range doc.Graph.Nodes {
		got.Nodes[n.ID] = element{Attrs: attrs(n.values)}
	}
	for _, e := range doc.Graph.Edges {
		got.Edges[e.ID] = element{Source: e.Source, Target: e.Target, Attrs: attrs(e.values)}
		for _, s := range e.Spells {
			spells[e.ID] += s.Start + ".." + s.End
		}
	}
	checkReadBack(t, store, got)
	// A validity is the spell; without one, the reporting from the first
	// report on; with neither, none.
	for id, want := range map[string]string{
		"organization:sinaloa-cartel|OPERATES_IN|place:mexico":                  "2000-01-01..2025-12-31",
		"person:claudia-sheinbaum|SUCCEEDED|person:andres-manuel-lopez-obrador": "2024-10-01..",
		"event:fto-designation|INVOLVES|organization:sinaloa-cartel":            "2025-02-20..",
		"place:chain-a|LINKS_TO|place:chain-b":                                  "", // undated: always shown
	} {
		if got := spells[id]; got != want {
			t.Errorf("%s: spell %q, want %q", id, got, want)
		}
	}
}

// jsonElement is a Cytoscape.js element of the given data, whose ends, if
// any, are its fields source and target.
func jsonElement(data map[string]any) element {
	src, _ := data["source"].(string)
	dst, _ := data["target"].(string)
	return element{Source: src, Target: dst, Attrs: data}
}

func TestCytoscapeReadsBack(t *testing.T) {
	store := openFixture(t)
	var doc struct {
		Elements struct {
			Nodes, Edges []struct{ Data map[string]any }
		}
	}
	if err := json.Unmarshal(write(t, store, "cytoscape", export.Query{}), &doc); err != nil {
		t.Fatal(err)
	}
	got := readBack{Nodes: map[string]element{}, Edges: map[string]element{}}
	for _, n := range doc.Elements.Nodes {
		got.Nodes[n.Data["id"].(string)] = jsonElement(n.Data)
	}
	for _, e := range doc.Elements.Edges {
		got.Edges[e.Data["id"].(string)] = jsonElement(e.Data)
	}
	checkReadBack(t, store, got)
}

func TestGraphologyReadsBack(t *testing.T) {
	store := openFixture(t)
	var doc struct {
		Options      map[string]any
		Nodes, Edges []struct {
			Key        string
			Source     string
			Target     string
			Attributes map[string]any
		}
	}
	if err := json.Unmarshal(write(t, store, "graphology", export.Query{}), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Options["type"] != "directed" || doc.Options["multi"] != true {
		t.Errorf("options %v, want a directed multi graph", doc.Options)
	}
	got := readBack{Nodes: map[string]element{}, Edges: map[string]element{}}
	for _, n := range doc.Nodes {
		got.Nodes[n.Key] = element{Attrs: n.Attributes}
	}
	for _, e := range doc.Edges {
		got.Edges[e.Key] = element{Source: e.Source, Target: e.Target, Attrs: e.Attributes}
	}
	checkReadBack(t, store, got)
}

func TestCSVReadsBack(t *testing.T) {
	store := openFixture(t)
	b := write(t, store, "csv", export.Query{})
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string][]map[string]any{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		tables[f.Name] = readCSV(t, rc)
		rc.Close()
	}
	got := readBack{Nodes: map[string]element{}, Edges: map[string]element{}}
	for _, row := range tables[export.NodesCSV] {
		row["name"] = row["label"]
		got.Nodes[row["id"].(string)] = element{Attrs: row}
	}
	for _, row := range tables[export.EdgesCSV] {
		if row["type"] != "Directed" {
			t.Errorf("edge %v: Type %q, want Directed", row["id"], row["type"])
		}
		row["type"] = row["relationType"]
		got.Edges[row["id"].(string)] = element{Source: row["source"].(string), Target: row["target"].(string), Attrs: row}
	}
	checkReadBack(t, store, got)
}

// readCSV reads a table with a header into rows keyed by the header's
// names, lower-cased first letter (Id is id, FirstSeen firstSeen).
func readCSV(t *testing.T, r io.Reader) []map[string]any {
	t.Helper()
	records, err := csv.NewReader(r).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	for _, rec := range records[1:] {
		row := map[string]any{}
		for i, h := range records[0] {
			row[strings.ToLower(h[:1])+h[1:]] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}
