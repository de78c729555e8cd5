package embedded_test

import (
	bolt "go.etcd.io/bbolt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/embedded"
	"github.com/newsgraph/newsgraph/storetest"
)

func TestMentionsSurviveReopen(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	want := []newsgraph.Mention{
		{DocumentID: storetest.DocResponse, EntityID: storetest.OrgWHO, Spans: []newsgraph.Span{{Start: 202, End: 227}}},
		{DocumentID: storetest.DocResponse, EntityID: storetest.PlaceSinaloa},
	}
	for _, step := range []struct {
		name  string
		write func(s *embedded.Store) error
	}{
		{"write", func(s *embedded.Store) error {
			b := storetest.Fixture()
			b.Mentions = want
			_, err := s.Upsert(ctx, b)
			return err
		}},
		{"reopen", func(*embedded.Store) error { return nil }},
	} {
		s, err := embedded.Open(ctx, dir)
		if err != nil {
			t.Fatalf("%s: Open: %v", step.name, err)
		}
		if err := step.write(s); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		got, err := s.MentionsIn(ctx, []string{storetest.DocResponse})
		if err != nil {
			t.Fatalf("%s: MentionsIn: %v", step.name, err)
		}
		if !reflect.DeepEqual(got[storetest.DocResponse], want) {
			t.Errorf("%s: MentionsIn = %v, want %v", step.name, got[storetest.DocResponse], want)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// A file written before mentions existed has no mentions bucket: it opens,
// its documents mention what their evidence supports, and it takes
// mentions from then on.
func TestOpenFileWithoutMentions(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	s, err := embedded.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Upsert(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(filepath.Join(dir, embedded.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte("mentions")) }); err != nil {
		t.Fatalf("removing the mentions bucket: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = embedded.Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open of a file without mentions: %v", err)
	}
	defer s.Close()
	storetest.CheckHolds(t, s, storetest.Fixture())
	docs, err := s.DocumentIDsMentioning(ctx, []string{storetest.PersonTrump})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := docs[storetest.PersonTrump], []string{storetest.DocDesignation}; !reflect.DeepEqual(got, want) {
		t.Errorf("documents mentioning Trump = %v, want %v", got, want)
	}
	m := newsgraph.Mention{DocumentID: storetest.DocResponse, EntityID: storetest.OrgWHO}
	if _, err := s.Upsert(ctx, newsgraph.Batch{Mentions: []newsgraph.Mention{m}}); err != nil {
		t.Fatalf("Upsert of a mention: %v", err)
	}
}
