package pipeline

import (
	"context"
	"encoding/binary"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// mapSource is a PreparedSource over a map; it records what was asked.
type mapSource struct {
	results map[string][]byte
	asked   int
}

func (m *mapSource) LoadPrepared(_ context.Context, ids []string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, id := range ids {
		m.asked++
		if b, ok := m.results[id]; ok {
			out[id] = b
		}
	}
	return out, nil
}

// TestAnalyzePreparedElsewhere: an analysis that takes the per-article
// results of half the articles from a PreparedSource (as the leader takes
// what job workers prepared) saves exactly the batches of one that
// prepares everything itself; a result that does not decode is prepared
// again, not trusted.
func TestAnalyzePreparedElsewhere(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses news-clusters and the seeds twice")
	}
	ctx := context.Background()
	inputs, errs := ingest.Expand([]string{sharedtest.Dir(t, "eval", "news-clusters"), sharedtest.Dir(t, "corpus", "seeds")})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	run := func(src func(pending []news.Article) *mapSource) ([]AnalyzeSummary, *recordingStore, *mapSource) {
		db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if _, err := Ingest(ctx, db, &ingest.Reader{}, inputs, Options{Workers: 1, Readers: 1}); err != nil {
			t.Fatal(err)
		}
		rs := &recordingStore{DB: db}
		z := NewAnalyzer(nil)
		z.BatchSize = 60
		var ms *mapSource
		if src != nil {
			pending, err := db.PendingArticles(ctx, 10000)
			if err != nil {
				t.Fatal(err)
			}
			ms = src(pending)
			z.Prepared = ms
		}
		sum, err := z.Analyze(ctx, rs)
		if err != nil {
			t.Fatal(err)
		}
		return []AnalyzeSummary{sum}, rs, ms
	}
	_, want, _ := run(nil)
	given := 0
	sums, got, ms := run(func(pending []news.Article) *mapSource {
		m := &mapSource{results: map[string][]byte{}}
		pr := NewPreparer()
		for i, a := range pending {
			if i%2 == 1 {
				continue
			}
			b, err := pr.Prepare(a)
			if err != nil {
				t.Fatal(err)
			}
			if i == 10 {
				b = b[:len(b)/2] // damaged: must be prepared again
			} else {
				given++
			}
			m.results[a.ID] = b
		}
		return m
	})
	if sums[0].Prepared != given || given < 150 {
		t.Errorf("%d articles taken from the source, want %d", sums[0].Prepared, given)
	}
	if ms.asked != sums[0].Articles {
		t.Errorf("the source was asked for %d articles, %d analysed", ms.asked, sums[0].Articles)
	}
	if len(got.batches) != len(want.batches) || len(want.batches) < 5 {
		t.Fatalf("%d batches with prepared results, %d without", len(got.batches), len(want.batches))
	}
	for i := range want.batches {
		g, w := normalBatch(got.batches[i]), normalBatch(want.batches[i])
		g.State, w.State = nil, nil // holds a clock reading
		if !reflect.DeepEqual(g, w) {
			t.Errorf("batch %d differs with prepared results", i)
		}
	}
}

// TestPreparedCodec: what Preparer writes decodes to what the analysis
// computes for the same article, and damaged input is an error.
func TestPreparedCodec(t *testing.T) {
	a := news.Article{ID: "a1", Title: "Harbour terminal to open", Language: "en", Outlet: "Testwire",
		Text: `The harbour authority said on Tuesday that the terminal would open in May. "We are ready," said Anna Kowalska, the port's director.`}
	b, err := NewPreparer().Prepare(a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodePrepared(a, b)
	if err != nil {
		t.Fatal(err)
	}
	found, _ := NewAnalyzer(nil).analyseAll([]news.Article{a}, nil)
	if !reflect.DeepEqual(got, found[0]) {
		t.Errorf("decoded %+v\nwant    %+v", got, found[0])
	}
	for cut := range len(b) {
		if _, err := decodePrepared(a, b[:cut]); err == nil {
			t.Errorf("%d of %d bytes decoded without error", cut, len(b))
		}
	}
	redated := a
	redated.Published = time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	if _, err := decodePrepared(redated, b); err == nil {
		t.Error("a result prepared before the article got its date was taken")
	}
}

func FuzzDecodePrepared(f *testing.F) {
	a := news.Article{ID: "a1", Title: "Ships wait", Text: "Ships wait at the port of Gdansk, officials said on Monday."}
	b, err := NewPreparer().Prepare(a)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	key := binary.LittleEndian.AppendUint64([]byte{preparedCodec}, inputKey(a))
	f.Add(append(key, 0, 2, '{', '}', 0, 0))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = decodePrepared(a, data) // must not panic
	})
}
