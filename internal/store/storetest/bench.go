package storetest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
)

// OpenBench returns a new, empty store for one benchmark, closed by
// b.Cleanup.
type OpenBench func(b *testing.B) store.Store

// benchArticles reads the news-clusters articles (real news of realistic
// size, a few KB each) as domain articles.
func benchArticles(b *testing.B) []news.Article {
	b.Helper()
	dir := sharedtest.Dir(b, "eval", "news-clusters")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		b.Fatalf("news-clusters: %d files, %v", len(files), err)
	}
	var out []news.Article
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var doc struct {
			Title       string `json:"title"`
			Text        string `json:"text"`
			URL         string `json:"url"`
			Domain      string `json:"source_domain"`
			DatePublish string `json:"date_publish"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		published, _ := time.Parse("2006-01-02T15:04:05", doc.DatePublish) // zero when absent
		out = append(out, news.Article{
			ID:        news.ContentID(doc.Text),
			Title:     doc.Title,
			Outlet:    doc.Domain,
			URL:       doc.URL,
			Published: published,
			Language:  "en",
			Text:      doc.Text,
			Removed:   []string{"Share this article", "Advertisement"},
			Source:    f,
		})
	}
	return out
}

// BenchPutArticles stores batches of 500 new articles of realistic size
// into a growing database.
func BenchPutArticles(b *testing.B, open OpenBench) {
	const batchSize = 500
	src := benchArticles(b)
	var bytes int
	for _, a := range src {
		bytes += len(a.Title) + len(a.Text)
	}
	db := open(b)
	ctx := b.Context()
	batch := make([]news.Article, batchSize)
	n := 0
	b.SetBytes(int64(bytes / len(src) * batchSize))
	b.ResetTimer()
	for b.Loop() {
		for i := range batch {
			a := src[n%len(src)]
			a.ID = fmt.Sprintf("%s-%d", a.ID, n)
			batch[i] = a
			n++
		}
		added, err := db.PutArticles(ctx, batch)
		if err != nil {
			b.Fatal(err)
		}
		if added != batchSize {
			b.Fatalf("added %d, want %d", added, batchSize)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchSearch runs a two-word query over a few thousand articles (ten
// copies of news-clusters).
func BenchSearch(b *testing.B, open OpenBench) {
	src := benchArticles(b)
	db := open(b)
	ctx := b.Context()
	var all []news.Article
	for copy := range 10 {
		for _, a := range src {
			a.ID = fmt.Sprintf("%s-%d", a.ID, copy)
			all = append(all, a)
		}
	}
	if _, err := db.PutArticles(ctx, all); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		hits, err := db.Search(ctx, "north korea", 20)
		if err != nil {
			b.Fatal(err)
		}
		if len(hits) == 0 {
			b.Fatal("no hits")
		}
	}
}
