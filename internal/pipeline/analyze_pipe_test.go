package pipeline

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// newsClustersDB returns a new SQLite store holding the news-clusters
// set, stored with opts, not analysed.
func newsClustersDB(t *testing.T, opts Options) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	inputs, errs := ingest.Expand([]string{sharedtest.Dir(t, "eval", "news-clusters")})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if _, err := Ingest(ctx, db, &ingest.Reader{}, inputs, opts); err != nil {
		t.Fatal(err)
	}
	return db
}

// failingStore fails the save numbered failAt (1-based) and records the
// batches it was given.
type failingStore struct {
	*sqlite.DB
	mu      sync.Mutex
	saves   int
	failAt  int
	batches [][]string
}

var errSave = errors.New("disk full")

func (s *failingStore) SaveAnalysis(ctx context.Context, b store.AnalysisBatch) error {
	s.mu.Lock()
	s.saves++
	n := s.saves
	var ids []string
	for _, a := range b.Articles {
		ids = append(ids, a.ArticleID)
	}
	s.batches = append(s.batches, ids)
	s.mu.Unlock()
	if n == s.failAt {
		return errSave
	}
	return s.DB.SaveAnalysis(ctx, b)
}

// TestAnalyzePipelineBatches checks that the overlapped fetch, analysis and
// write hand out every pending article exactly once, in store order, and
// that a failed write stops the run and a new run finishes the rest.
func TestAnalyzePipelineBatches(t *testing.T) {
	ctx := context.Background()
	db := newsClustersDB(t, Options{})
	pending, err := db.PendingArticles(ctx, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	const size = 37
	if len(pending) < 4*size {
		t.Fatalf("%d pending articles, want at least %d", len(pending), 4*size)
	}

	for _, tc := range []struct {
		name   string
		failAt int
	}{
		{"all saves succeed", 0},
		{"third save fails", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := db.ResetAnalysis(ctx); err != nil {
				t.Fatal(err)
			}
			fs := &failingStore{DB: db, failAt: tc.failAt}
			z := NewAnalyzer(nil)
			z.BatchSize = size
			sum, err := z.Analyze(ctx, fs)
			if tc.failAt > 0 {
				if !errors.Is(err, errSave) {
					t.Fatalf("Analyze error = %v, want %v", err, errSave)
				}
				if want := (tc.failAt - 1) * size; sum.Articles != want {
					t.Errorf("after the failed save %d articles reported analysed, want %d", sum.Articles, want)
				}
				// The next run (same Analyzer: its state was dropped and
				// is rebuilt from the store) analyses the rest.
				fs.failAt = 0
				rest, err := z.Analyze(ctx, fs)
				if err != nil {
					t.Fatal(err)
				}
				if rest.Replayed != sum.Articles || rest.Articles+sum.Articles != len(pending) {
					t.Errorf("second run replayed %d and analysed %d; want %d and %d", rest.Replayed, rest.Articles, sum.Articles, len(pending)-sum.Articles)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				if sum.Articles != len(pending) {
					t.Errorf("analysed %d articles, want %d", sum.Articles, len(pending))
				}
				// Batches are consecutive runs of pending articles in store
				// order, as if fetched one after another.
				seen := map[string]bool{}
				at := 0
				for i, b := range fs.batches {
					want := map[string]bool{}
					for _, a := range pending[at:min(at+size, len(pending))] {
						want[a.ID] = true
					}
					for _, id := range b {
						if !want[id] || seen[id] {
							t.Fatalf("batch %d holds %s out of order or twice", i, id)
						}
						seen[id] = true
					}
					if len(b) != len(want) {
						t.Errorf("batch %d has %d articles, want %d", i, len(b), len(want))
					}
					at += len(b)
				}
			}
			left, err := db.PendingArticles(ctx, 10)
			if err != nil || len(left) != 0 {
				t.Errorf("%d articles still pending (%v)", len(left), err)
			}
		})
	}
}
