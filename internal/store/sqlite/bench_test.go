package sqlite

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

// BenchmarkPutArticles stores batches of 500 new articles of realistic size
// into a growing database (storetest.BenchPutArticles, as for postgres).
func BenchmarkPutArticles(b *testing.B) {
	storetest.BenchPutArticles(b, func(b *testing.B) store.Store {
		return open(b, filepath.Join(b.TempDir(), "bench.db"))
	})
}

// BenchmarkSearch runs a two-word query over a few thousand articles.
func BenchmarkSearch(b *testing.B) {
	storetest.BenchSearch(b, func(b *testing.B) store.Store {
		return open(b, filepath.Join(b.TempDir(), "bench.db"))
	})
}

// BenchmarkPendingArticles asks for the next 1,000 pending articles of a
// database where 9,000 of 10,000 are analysed, as the analysis does
// before every batch. Its cost must not grow with what is analysed.
func BenchmarkPendingArticles(b *testing.B) {
	ctx := b.Context()
	db := open(b, filepath.Join(b.TempDir(), "bench.db"))
	const total, analysed = 10000, 9000
	body := strings.Repeat("The committee met on Tuesday and agreed to publish its figures next month. ", 10)
	mentions := make([]news.Mention, 20)
	for i := range mentions {
		mentions[i] = news.Mention{EntityID: fmt.Sprintf("e%04d", i), Text: "Someone Named", Start: 10 * i, End: 10*i + 13, Form: "name"}
	}
	for start := 0; start < total; start += 500 {
		arts := make([]news.Article, 500)
		var batch store.AnalysisBatch
		for i := range arts {
			n := start + i
			arts[i] = news.Article{ID: fmt.Sprintf("a%05d", n), Title: fmt.Sprintf("Report %d", n), Text: body}
			if n < analysed {
				batch.Articles = append(batch.Articles, store.ArticleAnalysis{ArticleID: arts[i].ID, StoryID: "s", Mentions: mentions})
			}
		}
		if _, err := db.PutArticles(ctx, arts); err != nil {
			b.Fatal(err)
		}
		if err := db.SaveAnalysis(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		got, err := db.PendingArticles(ctx, 1000)
		if err != nil {
			b.Fatal(err)
		}
		if len(got) != total-analysed || got[0].ID != fmt.Sprintf("a%05d", analysed) {
			b.Fatalf("got %d pending, first %q; want %d from a%05d", len(got), got[0].ID, total-analysed, analysed)
		}
	}
}
