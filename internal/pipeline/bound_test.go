package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/quote"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// hugeArticle is a generated single-line text of at least size bytes
// dense with quotes, as a dump posted as one article is.
func hugeArticle(size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "\"We will rebuild pier %d by spring,\" said Mayor Anna Berg of Port Elling on day %d. ", i, i%365)
	}
	return b.String()
}

// TestAnalysisBoundsHugeArticle: an 8 MB one-line article is stored whole,
// analysed on a prefix of at most MaxAnalysedChars (cut at a sentence end),
// which its analysis reports; its quotes stop at the cap; a short article
// beside it is analysed whole; and all of it stays fast.
func TestAnalysisBoundsHugeArticle(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	text := hugeArticle(8 << 20)
	day := time.Date(2025, 3, 4, 9, 0, 0, 0, time.UTC)
	arts := []news.Article{
		{ID: "huge", Title: "Pier works", Outlet: "Dump Daily", Published: day, Language: "en", Text: text},
		{ID: "small", Title: "Pier works begin", Outlet: "Coast Daily", Published: day, Language: "en",
			Text: "\"We will rebuild the pier by spring,\" said Mayor Anna Berg of Port Elling on Tuesday."},
	}
	if _, err := db.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	sum, err := NewAnalyzer(nil).Analyze(ctx, db)
	took := time.Since(t0)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("analysed %d articles of %d bytes in %v", sum.Articles, len(text), took)
	if took > 30*time.Second {
		t.Errorf("analysis took %v", took)
	}

	stored, err := db.Article(ctx, "huge")
	if err != nil || stored.Text != text {
		t.Fatalf("stored text of %d bytes (%v); want the whole %d", len(stored.Text), err, len(text))
	}
	an, err := db.Analysis(ctx, "huge")
	if err != nil {
		t.Fatal(err)
	}
	prefix, cut := AnalysedText(text)
	if !cut || an.AnalysedChars != utf8.RuneCountInString(prefix) || an.AnalysedChars > MaxAnalysedChars || an.AnalysedChars < MaxAnalysedChars*3/4 {
		t.Errorf("analysed_chars = %d (prefix of %d, cut %v); want the prefix's length, at most %d",
			an.AnalysedChars, utf8.RuneCountInString(prefix), cut, MaxAnalysedChars)
	}
	if !strings.HasSuffix(prefix, ".") {
		t.Errorf("prefix ends %q; want a sentence end", prefix[len(prefix)-20:])
	}
	if len(an.Quotes) == 0 || len(an.Quotes) > quote.MaxPerArticle {
		t.Errorf("%d quotes; want some, at most %d", len(an.Quotes), quote.MaxPerArticle)
	}
	for _, q := range an.Quotes {
		if q.End > len(prefix) {
			t.Fatalf("quote at %d-%d past the analysed prefix of %d bytes", q.Start, q.End, len(prefix))
		}
	}
	small, err := db.Analysis(ctx, "small")
	if err != nil || small.AnalysedChars != 0 {
		t.Errorf("short article: analysed_chars %d (%v); want 0", small.AnalysedChars, err)
	}

	// A warm restart replays the same bounded text: nothing changes.
	sum2, err := NewAnalyzer(nil).Analyze(ctx, db)
	if err != nil || sum2.Articles != 0 {
		t.Errorf("second run: %+v, %v", sum2, err)
	}
	if qs, err := db.Quotes(ctx, store.QuoteQuery{ArticleID: "huge", Limit: 100000}); err != nil || len(qs) != len(an.Quotes) {
		t.Errorf("stored quotes %d (%v), analysis %d", len(qs), err, len(an.Quotes))
	}
}
