package web

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// fakeStore implements Store over a slice, following store.Store's
// contracts closely enough for the handlers: newest first with undated last,
// outlet matching Outlet or OriginOutlet, and a case-insensitive word search
// whose snippets wrap matches in "[" and "]".
type fakeStore struct {
	mu       sync.Mutex
	articles []news.Article
	err      error // returned by every method when set
	queries  []store.ArticleQuery
}

func newFakeStore(articles ...news.Article) *fakeStore {
	return &fakeStore{articles: articles}
}

func (f *fakeStore) Article(_ context.Context, id string) (news.Article, error) {
	if f.err != nil {
		return news.Article{}, f.err
	}
	for _, a := range f.articles {
		if a.ID == id {
			return a, nil
		}
	}
	return news.Article{}, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
}

func (f *fakeStore) Articles(_ context.Context, q store.ArticleQuery) ([]news.Article, error) {
	f.mu.Lock()
	f.queries = append(f.queries, q)
	f.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	var out []news.Article
	for _, a := range f.articles {
		if q.Outlet != "" && a.Outlet != q.Outlet && a.OriginOutlet != q.Outlet {
			continue
		}
		if !q.Since.IsZero() && (a.Published.IsZero() || a.Published.Before(q.Since)) {
			continue
		}
		if !q.Until.IsZero() && (a.Published.IsZero() || !a.Published.Before(q.Until)) {
			continue
		}
		out = append(out, a)
	}
	slices.SortStableFunc(out, func(a, b news.Article) int {
		switch {
		case a.Published.IsZero() && b.Published.IsZero():
			return 0
		case a.Published.IsZero():
			return 1
		case b.Published.IsZero():
			return -1
		}
		return b.Published.Compare(a.Published)
	})
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	if q.Offset >= len(out) {
		return nil, nil
	}
	out = out[q.Offset:]
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (f *fakeStore) CountArticles(context.Context) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	return len(f.articles), nil
}

func (f *fakeStore) Search(_ context.Context, query string, limit int) ([]store.SearchHit, error) {
	if f.err != nil {
		return nil, f.err
	}
	terms := searchTerms(query)
	if len(terms) == 0 {
		return nil, nil
	}
	var hits []store.SearchHit
	for _, a := range f.articles {
		hay := strings.ToLower(a.Title + "\n" + a.Text)
		score := 0
		for _, t := range terms {
			n := strings.Count(hay, t)
			if n == 0 {
				score = 0
				break
			}
			score += n
		}
		if score == 0 {
			continue
		}
		hits = append(hits, store.SearchHit{Article: a, Snippet: fakeSnippet(a.Text, terms), Score: float64(score)})
	}
	slices.SortStableFunc(hits, func(a, b store.SearchHit) int { return cmp.Compare(b.Score, a.Score) })
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	return hits, nil
}

// searchTerms splits a query into lower-case words and "quoted phrases".
func searchTerms(q string) []string {
	var terms []string
	for i, part := range strings.Split(q, `"`) {
		if i%2 == 1 {
			if p := strings.ToLower(strings.Join(strings.Fields(part), " ")); p != "" {
				terms = append(terms, p)
			}
			continue
		}
		for _, w := range strings.Fields(part) {
			terms = append(terms, strings.ToLower(w))
		}
	}
	return terms
}

// fakeSnippet returns the text around the first match with every match of
// any term wrapped in brackets. ASCII case folding keeps byte offsets.
func fakeSnippet(text string, terms []string) string {
	lower := strings.ToLower(text)
	first := len(text)
	for _, t := range terms {
		if i := strings.Index(lower, t); i >= 0 && i < first {
			first = i
		}
	}
	start := max(0, first-60)
	for start > 0 && !utf8RuneStart(text[start]) {
		start--
	}
	end := min(len(text), first+120)
	for end < len(text) && !utf8RuneStart(text[end]) {
		end++
	}
	var b strings.Builder
	for i := start; i < end; {
		matched := ""
		for _, t := range terms {
			if strings.HasPrefix(lower[i:], t) && i+len(t) <= end {
				matched = text[i : i+len(t)]
				break
			}
		}
		if matched != "" {
			b.WriteString("[" + matched + "]")
			i += len(matched)
			continue
		}
		b.WriteByte(text[i])
		i++
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// fixtureArticles reads testdata/articles.json, articles written for these tests.
func fixtureArticles(t testing.TB) []news.Article {
	t.Helper()
	b, err := os.ReadFile("testdata/articles.json")
	if err != nil {
		t.Fatalf("read fixtures: %v", err)
	}
	var out []news.Article
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("decode testdata/articles.json: %v", err)
	}
	return out
}
