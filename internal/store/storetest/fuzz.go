package storetest

import (
	"context"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// FuzzSearch checks that no user query makes Search fail, on s holding an
// English and a Ukrainian article. The corpus starts from queries full of
// FTS5 syntax, a NUL and a byte that is not UTF-8, and from seeds, what a
// backend adds for its own query language. explain tells what the backend
// made of a query that failed.
func FuzzSearch(f *testing.F, s store.Store, explain func(query string) string, seeds ...string) {
	f.Helper()
	for _, q := range []string{"Ushakov", `"peace plan"`, `NEAR(a b, 2)`, `-x`, `(`, `*`, `"`, `a:b`, "\x00", "\xff", `^a`, `{a}`} {
		f.Add(q)
	}
	for _, q := range seeds {
		f.Add(q)
	}
	for _, q := range WorstSearches() {
		f.Add(q)
	}
	ctx := context.Background()
	if _, err := s.PutArticles(ctx, []news.Article{
		{ID: "1", Title: "Peace plan", Text: "Ushakov said the peace plan (draft) is *not* final: a-b c."},
		{ID: "2", Title: "Мир", Text: "Ушаков сказав: «план миру»."},
	}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.Search(ctx, q, 5); err != nil {
			t.Errorf("Search(%q) [%s]: %v", q, explain(q), err)
		}
	})
}
