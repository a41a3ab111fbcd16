package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// OpenAgain opens a store on one and the same database each time it is
// called (creating the database the first time when it is missing). The
// caller closes the store.
type OpenAgain func(ctx context.Context) (store.Store, error)

// Reopen checks that what a store stored survives closing it (twice: the
// second Close does nothing) and is there, searchable, in a store opened
// again on the same database.
func Reopen(t *testing.T, open OpenAgain) {
	t.Helper()
	s, err := open(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	a := news.Article{ID: "x", Title: "Kept", Text: "Kept across reopening.", Published: time.Date(2025, 7, 3, 0, 0, 0, 0, time.UTC)}
	if _, err := s.PutArticles(t.Context(), []news.Article{a}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	s, err = open(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	got, err := s.Article(t.Context(), "x")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Kept" || !got.Published.Equal(a.Published) {
		t.Errorf("after reopening: %+v", got)
	}
	hits, err := s.Search(t.Context(), "reopening", 5)
	if err != nil || len(hits) != 1 {
		t.Errorf("search after reopening: %d hits, %v", len(hits), err)
	}
}

// OpenConcurrent opens one new database from n goroutines at once, as
// processes started together would: every open must succeed (the schema
// migrated once, whoever comes first) and every store take a write.
func OpenConcurrent(t *testing.T, n int, open OpenAgain) {
	t.Helper()
	errs := make(chan error, n)
	stores := make(chan store.Store, n)
	start := make(chan struct{})
	for range n {
		go func() {
			<-start
			s, err := open(t.Context())
			if err != nil {
				s = nil
			}
			errs <- err
			stores <- s
		}()
	}
	close(start)
	for range n {
		if err := <-errs; err != nil {
			t.Errorf("concurrent Open: %v", err)
		}
		if s := <-stores; s != nil {
			if _, err := s.PutArticles(t.Context(), []news.Article{{ID: "a", Text: "x"}}); err != nil {
				t.Errorf("put after concurrent Open: %v", err)
			}
			s.Close()
		}
	}
}

// OpenClock returns a new, empty store whose clock is now, closed when the
// test ends.
type OpenClock func(t *testing.T, now func() time.Time) store.Store

// Clock checks that PutArticles fills a zero IngestedAt from the store's
// clock.
func Clock(t *testing.T, open OpenClock) {
	t.Helper()
	at := time.Date(2026, 11, 23, 18, 30, 0, 0, time.UTC)
	s := open(t, func() time.Time { return at })
	if _, err := s.PutArticles(t.Context(), []news.Article{{ID: "a", Text: "t"}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(t.Context(), "a")
	if err != nil {
		t.Fatal(err)
	}
	if !got.IngestedAt.Equal(at) {
		t.Errorf("IngestedAt = %v, want the clock's %v", got.IngestedAt, at)
	}
}
