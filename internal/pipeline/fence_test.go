package pipeline

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// interleavingStore runs other before its save numbered at (1-based): a
// second analyser that works while the first has a batch in flight, as
// when a leader's lock connection broke and another process took the
// lock before the first noticed.
type interleavingStore struct {
	*sqlite.DB
	mu    sync.Mutex
	saves int
	at    int
	other func()
}

func (s *interleavingStore) SaveAnalysis(ctx context.Context, b store.AnalysisBatch) error {
	s.mu.Lock()
	s.saves++
	n := s.saves
	s.mu.Unlock()
	if n == s.at {
		s.other()
	}
	return s.DB.SaveAnalysis(ctx, b)
}

// storyPartition lists the stories as sorted article lists, and fails the
// test for an article in two stories or in none.
func storyPartition(t *testing.T, db *sqlite.DB) []string {
	t.Helper()
	ctx := context.Background()
	stories, err := db.Stories(ctx, store.StoryQuery{Limit: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]string{}
	var parts []string
	for _, s := range stories {
		ids := slices.Clone(s.ArticleIDs)
		slices.Sort(ids)
		for _, id := range ids {
			if other, ok := in[id]; ok {
				t.Errorf("article %s is in stories %s and %s", id, other, s.ID)
			}
			in[id] = s.ID
		}
		parts = append(parts, strings.Join(ids, " "))
	}
	n, err := db.CountArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(in) != n {
		t.Errorf("%d of %d articles are in a story", len(in), n)
	}
	slices.Sort(parts)
	return parts
}

// TestAnalyzeSecondWriterFenced runs a second analyser over the store while
// the first has decided a batch it has not written: the first's batch is
// refused (store.ErrConflict), nothing of it is mixed in, and the stories
// equal one analyser's alone. Without the fence the first writes its batch
// over the second's results and articles end in two stories.
func TestAnalyzeSecondWriterFenced(t *testing.T) {
	ctx := context.Background()
	db := newsClustersDB(t, Options{Workers: 1, Readers: 1})
	const size = 37
	alone := NewAnalyzer(nil)
	alone.BatchSize = size
	if _, err := alone.Analyze(ctx, db); err != nil {
		t.Fatal(err)
	}
	want := storyPartition(t, db)
	if err := db.ResetAnalysis(ctx); err != nil {
		t.Fatal(err)
	}

	second := NewAnalyzer(nil)
	second.BatchSize = size
	var secondErr error
	var secondSum AnalyzeSummary
	is := &interleavingStore{DB: db, at: 3, other: func() {
		secondSum, secondErr = second.Analyze(ctx, db)
	}}
	first := NewAnalyzer(nil)
	first.BatchSize = size
	sum, err := first.Analyze(ctx, is)
	if secondErr != nil {
		t.Fatalf("second analyser: %v", secondErr)
	}
	if !errors.Is(err, store.ErrConflict) {
		t.Errorf("first analyser: err = %v, want a conflict", err)
	}
	if sum.Articles != 2*size || secondSum.Replayed != 2*size {
		t.Errorf("first wrote %d articles, second replayed %d; want %d each", sum.Articles, secondSum.Replayed, 2*size)
	}
	if got := storyPartition(t, db); !slices.Equal(got, want) {
		t.Errorf("stories differ from one analyser alone: %d vs %d stories", len(got), len(want))
	}
	// The refused analyser rebuilds from the store and finds nothing left.
	again, err := first.Analyze(ctx, db)
	if err != nil || again.Articles != 0 {
		t.Errorf("first analyser again: %d articles, %v", again.Articles, err)
	}
}
