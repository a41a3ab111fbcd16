package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// costCorpus returns n articles of 300 words each drawn from a vocabulary
// of 20,000 made-up words, a fifth of them beginning with "a", plus a few
// common words in every article: what makes prefix terms and repeated
// common words expensive. The same seed gives the same corpus.
func costCorpus(n int) []news.Article {
	r := rand.New(rand.NewPCG(16, 16))
	const letters = "abcdefghijklmnopqrstuvwxyz"
	vocab := make([]string, 20000)
	for i := range vocab {
		var b strings.Builder
		if i%5 == 0 {
			b.WriteByte('a')
		}
		for range 4 + r.IntN(6) {
			b.WriteByte(letters[r.IntN(len(letters))])
		}
		vocab[i] = b.String()
	}
	common := []string{"the", "said", "and", "a", "of", "on"}
	out := make([]news.Article, n)
	for i := range out {
		var b strings.Builder
		for j := range 300 {
			if j%5 == 0 {
				b.WriteString(common[r.IntN(len(common))])
			} else {
				b.WriteString(vocab[r.IntN(len(vocab))])
			}
			b.WriteByte(' ')
		}
		out[i] = article(fmt.Sprintf("cost%05d", i), time.Time{})
		out[i].Title = vocab[r.IntN(len(vocab))] + " " + vocab[r.IntN(len(vocab))]
		out[i].Text = b.String()
	}
	return out
}

// WorstSearches are the costliest queries found against the search syntax
// (issue 16): one short prefix repeated up to the 500-byte query limit of
// the web server, many distinct prefixes, and hundreds of common words,
// plain and as a phrase. Each is under 500 bytes.
func WorstSearches() map[string]string {
	var prefixes []string
	for _, c := range "abcdefghijklmnopqrstuvwxyz" {
		prefixes = append(prefixes, string(c)+"*")
	}
	for _, c := range "abcdefghijklmnopqrstuvwxyz" {
		prefixes = append(prefixes, "a"+string(c)+"*")
	}
	common := strings.Repeat("the said and of on a ", 20)
	return map[string]string{
		"a* x166":            strings.TrimSpace(strings.Repeat("a* ", 166)),
		"a* x80":             strings.TrimSpace(strings.Repeat("a* ", 80)),
		"52 short prefixes":  strings.Join(prefixes, " "),
		"120 common words":   strings.TrimSpace(common),
		"common-word phrase": `"` + strings.TrimSpace(common) + `"`,
		"hyphen chain":       strings.TrimSpace(strings.Repeat("the-said-and-", 38)) + "of*",
	}
}

// searchBudget is the most one search may take in testSearchCost: far
// above what a bounded query takes on a loaded machine (tens of
// milliseconds), far below what an unbounded one does (minutes).
const searchBudget = 3 * time.Second

// testSearchCost stores a few thousand articles and checks that each of
// WorstSearches answers within searchBudget, and that a repeated term
// finds what the term alone finds.
func testSearchCost(t *testing.T, open Open) {
	if testing.Short() {
		t.Skip("stores 3,000 articles")
	}
	s := open(t)
	corpus := costCorpus(3000)
	for i := 0; i < len(corpus); i += 500 {
		put(t, s, corpus[i:min(i+500, len(corpus))]...)
	}
	for name, q := range WorstSearches() {
		t.Run(name, func(t *testing.T) {
			if len(q) >= 500 {
				t.Fatalf("query of %d bytes", len(q))
			}
			ctx, cancel := context.WithTimeout(t.Context(), 4*searchBudget)
			defer cancel()
			start := time.Now()
			_, err := s.Search(ctx, q, 20)
			took := time.Since(start)
			if err != nil {
				t.Errorf("Search: %v", err)
			}
			if took > searchBudget {
				t.Errorf("Search took %v, want under %v", took, searchBudget)
			}
		})
	}
	one := hitIDs(search(t, s, "said", 1000))
	many := hitIDs(search(t, s, strings.Repeat("said SAID ", 100), 1000))
	if len(one) == 0 || strings.Join(one, ",") != strings.Join(many, ",") {
		t.Errorf("said: %d hits; repeated: %d hits", len(one), len(many))
	}
}

// testSearchDeadline checks that Search honours its context: a canceled
// or expired context gives an error wrapping the context's, not hits.
func testSearchDeadline(t *testing.T, open Open) {
	s := open(t)
	put(t, s, searchCorpus()...)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if hits, err := s.Search(ctx, "peace", 10); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled context: %d hits, error %v, want context.Canceled", len(hits), err)
	}
	ctx, cancel = context.WithDeadline(t.Context(), time.Now().Add(-time.Second))
	defer cancel()
	if hits, err := s.Search(ctx, "peace", 10); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("expired context: %d hits, error %v, want context.DeadlineExceeded", len(hits), err)
	}
	// The store is still usable afterwards.
	if hits := search(t, s, "peace", 10); len(hits) == 0 {
		t.Error("no hits after the canceled searches")
	}
}

// testBounds checks that PutArticles keeps what an article brings within
// store.BoundArticle's bounds: a 1 MB title and a 100 KB outlet name are
// stored cut, a 9999-12-31 date is dropped and the article lists after
// dated ones instead of first.
func testBounds(t *testing.T, open Open) {
	s := open(t)
	huge := article("huge", day(2025, 7, 3, 0))
	huge.Title = strings.Repeat("Headline words ", 70_000)
	huge.Outlet = strings.Repeat("o", 100_000)
	future := article("future", time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC))
	put(t, s, huge, future, article("dated", day(2025, 7, 4, 0)))
	got, err := s.Article(t.Context(), "huge")
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(got.Title)); n > store.MaxTitleRunes {
		t.Errorf("title of %d runes stored", n)
	}
	if n := len([]rune(got.Outlet)); n > store.MaxNameRunes {
		t.Errorf("outlet of %d runes stored", n)
	}
	if got, want := ids(list(t, s, store.ArticleQuery{})), []string{"dated", "huge", "future"}; !slices.Equal(got, want) {
		t.Errorf("list order %v, want %v (the far-future date dropped)", got, want)
	}
}
