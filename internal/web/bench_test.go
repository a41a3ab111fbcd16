package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
)

// seedArticles builds n articles from the shared seed texts (raw, debris
// and all: rendering cost is what is measured), cycling through the files.
func seedArticles(b *testing.B, n int) []news.Article {
	b.Helper()
	dir := sharedtest.Dir(b, "corpus", "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no seed texts in %s: %v", dir, err)
	}
	var texts []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(raw))
	}
	out := make([]news.Article, n)
	for i := range out {
		text := texts[i%len(texts)]
		paras := news.Paragraphs(text)
		out[i] = news.Article{
			ID:        fmt.Sprintf("%016x", i+1),
			Title:     strings.TrimSpace(paras[0][:min(len(paras[0]), 80)]),
			Outlet:    fmt.Sprintf("Outlet %d", i%7),
			URL:       fmt.Sprintf("https://outlet%d.example/a/%d", i%7, i),
			Published: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour),
			Language:  "en",
			Text:      text,
			Removed:   paras[len(paras)-min(3, len(paras)):],
		}
	}
	return out
}

func benchGet(b *testing.B, h http.Handler, target string) {
	b.Helper()
	b.ReportAllocs()
	var size int
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d", target, rec.Code)
		}
		size = rec.Body.Len()
	}
	b.SetBytes(int64(size))
}

func BenchmarkPages(b *testing.B) {
	arts := seedArticles(b, 200)
	srv := New(newFakeStore(arts...), Options{})
	for _, target := range []string{"/", "/articles/0000000000000001", "/search?q=Ushakov", "/api/articles?limit=50", "/api/articles/0000000000000001"} {
		b.Run(target, func(b *testing.B) { benchGet(b, srv, target) })
	}
}
