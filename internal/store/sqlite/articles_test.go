package sqlite

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// TestPutArticlesStatements stores batches that span several INSERT
// statements (articlesPerInsert rows each) with IDs repeated inside the
// batch and IDs stored before: each ID is stored once, in the order of its
// first appearance, its first version kept, and every stored article is
// found by the full-text index.
func TestPutArticlesStatements(t *testing.T) {
	ctx := t.Context()
	db := open(t, filepath.Join(t.TempDir(), "p.db"))
	art := func(n int, version string) news.Article {
		id := fmt.Sprintf("id%05d", n)
		return news.Article{ID: id, Title: "Report " + version, Outlet: "Wire",
			Published: time.Date(2025, 1, 1, 0, n, 0, 0, time.UTC),
			Text:      fmt.Sprintf("Body word%05d of the %s report.", n, version)}
	}
	// Stored before: 3 and 600.
	if n, err := db.PutArticles(ctx, []news.Article{art(3, "first"), art(600, "first")}); err != nil || n != 2 {
		t.Fatalf("first PutArticles = %d, %v; want 2, nil", n, err)
	}
	tests := []struct {
		name  string
		batch []news.Article
		want  int
	}{
		{name: "one statement", batch: []news.Article{art(1, "first"), art(2, "first"), art(1, "second")}, want: 2},
		{name: "exactly full", batch: func() []news.Article {
			var b []news.Article
			for n := 1000; n < 1000+articlesPerInsert; n++ {
				b = append(b, art(n, "first"))
			}
			return b
		}(), want: articlesPerInsert},
		{name: "three statements", batch: func() []news.Article {
			var b []news.Article
			for n := 2000; n < 2000+2*articlesPerInsert+7; n++ {
				b = append(b, art(n, "first"))
			}
			// Repeats within one statement, across statements and of
			// articles stored by earlier calls.
			b[10] = art(2001, "second")
			b[articlesPerInsert+3] = art(2002, "second")
			b[2*articlesPerInsert+1] = art(3, "second")
			b[2*articlesPerInsert+2] = art(600, "second")
			return b
		}(), want: 2*articlesPerInsert + 7 - 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, err := db.CountArticles(ctx)
			if err != nil {
				t.Fatal(err)
			}
			n, err := db.PutArticles(ctx, tc.batch)
			if err != nil || n != tc.want {
				t.Fatalf("PutArticles = %d, %v; want %d, nil", n, err, tc.want)
			}
			after, err := db.CountArticles(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if after-before != tc.want {
				t.Errorf("count grew by %d, want %d", after-before, tc.want)
			}
			// Store order: the batch's new IDs, first appearances, in order.
			pending, err := db.PendingArticles(ctx, 100000)
			if err != nil {
				t.Fatal(err)
			}
			var wantOrder []string
			seen := map[string]bool{}
			for _, a := range pending[:before] {
				seen[a.ID] = true
			}
			for _, a := range tc.batch {
				if !seen[a.ID] {
					seen[a.ID] = true
					wantOrder = append(wantOrder, a.ID)
				}
			}
			var gotOrder []string
			for _, a := range pending[before:] {
				gotOrder = append(gotOrder, a.ID)
				if a.Title != "Report first" {
					t.Errorf("article %s stored as %q, want the first version", a.ID, a.Title)
				}
			}
			if strings.Join(gotOrder, " ") != strings.Join(wantOrder, " ") {
				t.Errorf("store order\n got %v\nwant %v", gotOrder, wantOrder)
			}
			for _, a := range tc.batch {
				word := "word" + strings.TrimPrefix(a.ID, "id")
				hits, err := db.Search(ctx, word, 5)
				if err != nil {
					t.Fatal(err)
				}
				if len(hits) != 1 || hits[0].Article.ID != a.ID {
					t.Fatalf("search %s: %d hits, want %s alone", word, len(hits), a.ID)
				}
			}
		})
	}
	if err := db.Check(ctx); err != nil {
		t.Errorf("Check: %v", err)
	}
}

// TestFillMetadataManyQueries fills in the titles of more stored articles
// than one query reads (maxKeysPerQuery): every one is filled, in batch order,
// and an article not stored is left out.
func TestFillMetadataManyQueries(t *testing.T) {
	ctx := t.Context()
	db := open(t, filepath.Join(t.TempDir(), "f.db"))
	n := maxKeysPerQuery + 37
	var bare, fresh []news.Article
	for i := range n {
		a := news.Article{ID: fmt.Sprintf("f%04d", i), Outlet: "Wire", Text: "Body of the report."}
		bare = append(bare, a)
		a.Title = fmt.Sprintf("Title %d", i)
		fresh = append(fresh, a)
	}
	if _, err := db.PutArticles(ctx, bare); err != nil {
		t.Fatal(err)
	}
	fresh = append(fresh[:maxKeysPerQuery], append([]news.Article{{ID: "unknown", Title: "Not stored", Text: "Text."}}, fresh[maxKeysPerQuery:]...)...)
	filled, err := db.FillMetadata(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	if len(filled) != n {
		t.Fatalf("filled %d, want %d", len(filled), n)
	}
	for i, f := range filled {
		if want := fmt.Sprintf("f%04d", i); f.ID != want || f.Dated {
			t.Errorf("filled[%d] = %+v, want %s undated", i, f, want)
		}
	}
	for _, i := range []int{0, maxKeysPerQuery - 1, maxKeysPerQuery, n - 1} {
		a, err := db.Article(ctx, fmt.Sprintf("f%04d", i))
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("Title %d", i); a.Title != want {
			t.Errorf("%s: title %q, want %q", a.ID, a.Title, want)
		}
	}
}
