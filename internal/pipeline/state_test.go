package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// TestAnalyzeStateRestore: a second run by a new Analyzer that loads the
// state the first run kept gives the same stories, storylines and
// entities as one Analyzer running both times, and as a new one that
// replays because the state is unreadable.
func TestAnalyzeStateRestore(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses news-clusters and the seeds several times")
	}
	ctx := context.Background()
	files, err := filepath.Glob(filepath.Join(sharedtest.Dir(t, "eval", "news-clusters"), "*.json"))
	if err != nil || len(files) < 200 {
		t.Fatalf("news-clusters: %d files, %v", len(files), err)
	}
	first, one, second := files[:120], files[120:121], append(files[121:200:200], sharedtest.Dir(t, "corpus", "seeds"))
	type result struct {
		stories []news.Story
		lines   []news.Storyline
		ents    []news.Entity
	}
	run := func(mode string) result {
		db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), mode+".db"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		put := func(paths []string) {
			inputs, errs := ingest.Expand(paths)
			if len(errs) > 0 {
				t.Fatal(errs[0])
			}
			// One worker and one reader: the store order, which decides
			// the analysis batches, is the same in every database.
			if _, err := Ingest(ctx, db, &ingest.Reader{}, inputs, Options{Workers: 1, Readers: 1}); err != nil {
				t.Fatal(err)
			}
		}
		put(first)
		z := NewAnalyzer(nil)
		z.BatchSize = 50
		if _, err := z.Analyze(ctx, db); err != nil {
			t.Fatal(err)
		}
		// One more article: too few for a new snapshot, so the restoring
		// Analyzer below replays it after loading the snapshot.
		put(one)
		if _, err := z.Analyze(ctx, db); err != nil {
			t.Fatal(err)
		}
		put(second)
		switch mode {
		case "restore":
			z = NewAnalyzer(nil)
			z.BatchSize = 50
		case "replay":
			if err := db.SaveAnalysis(ctx, store.AnalysisBatch{State: map[string][]byte{stateName: []byte("not gzip")}}); err != nil {
				t.Fatal(err)
			}
			z = NewAnalyzer(nil)
			z.BatchSize = 50
		}
		sum, err := z.Analyze(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case mode == "restore" && (sum.Restored != 120 || sum.Replayed != 1), mode == "replay" && sum.Replayed != 121:
			t.Errorf("%s: summary %+v", mode, sum)
		}
		mem := map[string]news.Entity{}
		for _, e := range z.entities.Entities() {
			mem[e.ID] = news.Entity(e)
		}
		var r result
		defer func() {
			// What the diffs wrote adds up to what the Analyzer holds.
			for _, e := range r.ents {
				if !reflect.DeepEqual(mem[e.ID], e) {
					t.Errorf("%s: stored %+v, in memory %+v", mode, e, mem[e.ID])
					break
				}
			}
		}()
		if r.stories, err = db.Stories(ctx, store.StoryQuery{Limit: 10000}); err != nil {
			t.Fatal(err)
		}
		if r.lines, err = db.Storylines(ctx); err != nil {
			t.Fatal(err)
		}
		if r.ents, err = db.Entities(ctx, store.EntityQuery{Limit: 100000}); err != nil {
			t.Fatal(err)
		}
		return r
	}
	want := run("continuous")
	for _, mode := range []string{"restore", "replay"} {
		got := run(mode)
		if !reflect.DeepEqual(got.stories, want.stories) {
			t.Errorf("%s: %d stories differ from the continuous run's %d", mode, len(got.stories), len(want.stories))
		}
		if !reflect.DeepEqual(got.lines, want.lines) {
			t.Errorf("%s: %d storylines differ from the continuous run's %d", mode, len(got.lines), len(want.lines))
		}
		if !reflect.DeepEqual(got.ents, want.ents) {
			t.Errorf("%s: %d entities differ from the continuous run's %d", mode, len(got.ents), len(want.ents))
		}
	}
}

// TestDecodeStateForms: a snapshot in the JSON form of state version 1 is
// recognised as such (the analyser replays), a damaged one is an error,
// and what encodeState writes reads back.
func TestDecodeStateForms(t *testing.T) {
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		return buf.Bytes()
	}
	if _, err := decodeState(gz([]byte(`{"version":1,"mark":3}`))); !errors.Is(err, errOldState) {
		t.Errorf("JSON snapshot: %v, want errOldState", err)
	}
	for _, bad := range [][]byte{nil, []byte("not gzip"), gz([]byte("\x07garbage"))} {
		if _, err := decodeState(bad); err == nil || errors.Is(err, errOldState) {
			t.Errorf("damaged snapshot %q: %v, want a decode error", bad, err)
		}
	}
	z := NewAnalyzer(nil)
	z.taken = 7
	b, err := z.encodeState()
	if err != nil {
		t.Fatal(err)
	}
	s, err := decodeState(b)
	if err != nil || s.Version != stateVersion || s.Mark != 7 {
		t.Errorf("round trip: version %d mark %d, %v", s.Version, s.Mark, err)
	}
}
