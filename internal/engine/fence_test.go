package engine

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// syncBuffer is a log sink safe for concurrent writers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestPostgresLockLostMidAnalysis: the leader's lock connection is ended
// by the server while it analyses (as in a restart, or an administrator's
// pg_terminate_backend), and another process takes the lock at once. The
// old leader goes on until its next ping notices, so for up to a few
// seconds two processes analyse; whichever batch is built on a state the
// store no longer holds is refused (store.ErrConflict), and the stories
// and every article's analysis equal one process alone over the same
// store.
func TestPostgresLockLostMidAnalysis(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses news-clusters twice")
	}
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	var logs syncBuffer
	open := func(command string) *Engine {
		e, err := Open(ctx, dsn, Options{Command: command, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { e.Close() })
		e.SetAnalysisBatch(10)
		return e
	}
	a, b := open("a"), open("b")
	storeInputs(t, a, sharedtest.Dir(t, "eval", "news-clusters"))

	errA := make(chan error, 1)
	go func() {
		_, _, err := a.Analyse(ctx)
		errA <- err
	}()
	waitFor(t, "a third of the analysis", func() bool {
		info, err := pipeline.ReadStateInfo(ctx, a.DB())
		return err == nil && info.Analysed >= 120
	})
	var ended int
	if err := a.jobs.pool.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE application_name LIKE 'parallax a leader%'`).Scan(&ended); err != nil || ended != 1 {
		t.Fatalf("ended %d lock connections (%v), want 1", ended, err)
	}
	if _, _, err := b.Analyse(ctx); err != nil {
		t.Fatalf("b: %v", err)
	}
	if err := <-errA; err != nil {
		t.Fatalf("a: %v", err)
	}
	if _, _, err := a.Analyse(ctx); err != nil { // whatever b left
		t.Fatalf("a again: %v", err)
	}
	t.Logf("batches refused: %d", strings.Count(logs.String(), "batch refused"))
	gotStories, gotArts := analysisOf(t, b)
	for _, s := range gotStories {
		for _, id := range s.ArticleIDs {
			if gotArts[id].StoryID != s.ID {
				t.Errorf("article %s is listed in story %s but analysed into %q", id, s.ID, gotArts[id].StoryID)
			}
		}
	}

	if _, err := b.AnalyseReset(ctx); err != nil {
		t.Fatal(err)
	}
	wantStories, wantArts := analysisOf(t, b)
	sameAnalysis(t, gotStories, gotArts, wantStories, wantArts)
}
