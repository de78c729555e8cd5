package seed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"

	"github.com/newsgraph/newsgraph"
)

// seedFile is the shape of data/seed.json: a newsgraph.Batch whose
// documents name a text file instead of carrying their text inline, so that
// each article is kept byte for byte as published.
type seedFile struct {
	Documents []seedDocument        `json:"documents"`
	Entities  []*newsgraph.Entity   `json:"entities"`
	Relations []*newsgraph.Relation `json:"relations"`
}

// seedDocument is a newsgraph.Document whose text is in TextFile, a file
// name relative to the directory of seed.json.
type seedDocument struct {
	ID          string         `json:"id"`
	Title       string         `json:"title"`
	PublishedAt newsgraph.Date `json:"publishedAt"`
	Source      string         `json:"source,omitempty"`
	URL         string         `json:"url,omitempty"`
	TextFile    string         `json:"textFile"`
}

// decode reads the seed file name from fsys and returns its batch with every
// document's text read from its text file. Unknown JSON fields are errors,
// so that a misspelt field name cannot silently drop curated data.
func decode(fsys fs.FS, name string) (*newsgraph.Batch, error) {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var f seedFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("decode %s: unexpected data after the top-level object", name)
	}
	b := &newsgraph.Batch{Entities: f.Entities, Relations: f.Relations}
	for i, d := range f.Documents {
		text, err := readText(fsys, path.Dir(name), d.TextFile)
		if err != nil {
			return nil, fmt.Errorf("%s: documents[%d] (%s): %w", name, i, d.ID, err)
		}
		b.Documents = append(b.Documents, &newsgraph.Document{
			ID:          d.ID,
			Title:       d.Title,
			PublishedAt: d.PublishedAt,
			Source:      d.Source,
			URL:         d.URL,
			Text:        text,
		})
	}
	return b, nil
}

// readText returns the content of the text file named file in dir. The name
// must be a plain file name, not a path, so that a seed file cannot reach
// outside its directory.
func readText(fsys fs.FS, dir, file string) (string, error) {
	if file == "" || path.Base(file) != file || !fs.ValidPath(file) {
		return "", fmt.Errorf("textFile %q must be a plain file name next to the seed file", file)
	}
	text, err := fs.ReadFile(fsys, path.Join(dir, file))
	if err != nil {
		return "", err
	}
	return string(text), nil
}
