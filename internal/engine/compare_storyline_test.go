package engine

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// fakeReader is a Reader over fixed stories and articles.
type fakeReader struct {
	lines    map[string]news.Storyline
	stories  map[string]news.Story
	articles []news.Article
}

func (f fakeReader) Story(_ context.Context, id string) (news.Story, error) {
	if s, ok := f.stories[id]; ok {
		return s, nil
	}
	return news.Story{}, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
}

func (f fakeReader) Storyline(_ context.Context, id string) (news.Storyline, error) {
	if l, ok := f.lines[id]; ok {
		return l, nil
	}
	return news.Storyline{}, fmt.Errorf("storyline %s: %w", id, store.ErrNotFound)
}

func (f fakeReader) Article(_ context.Context, id string) (news.Article, error) {
	for _, a := range f.articles {
		if a.ID == id {
			return a, nil
		}
	}
	return news.Article{}, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
}

func (f fakeReader) Articles(_ context.Context, q store.ArticleQuery) ([]news.Article, error) {
	if q.Offset >= len(f.articles) {
		return nil, nil
	}
	return f.articles[q.Offset:], nil
}

func (f fakeReader) CountArticles(context.Context) (int, error) { return len(f.articles), nil }

func (f fakeReader) Quotes(context.Context, store.QuoteQuery) ([]news.Quote, error) { return nil, nil }

func (f fakeReader) Analysis(_ context.Context, id string) (store.ArticleAnalysis, error) {
	return store.ArticleAnalysis{ArticleID: id}, nil
}

// TestCompareStorylineStoryByStory: two events of one storyline reported a
// day apart, each with its own toll, on which the outlets agree. Aligned
// story by story the tolls are two groups that agree; taken as one
// stretch of reporting (the fallback without stories) 12 and 30 deaths
// would read as one figure that moved.
func TestCompareStorylineStoryByStory(t *testing.T) {
	day := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	art := func(id, outlet string, at time.Duration, text string) news.Article {
		return news.Article{ID: id, Outlet: outlet, Language: "en", Published: day.Add(at), Text: text}
	}
	r := fakeReader{
		lines: map[string]news.Storyline{"l1": {ID: "l1", Label: "war", StoryIDs: []string{"s1", "s2"}, FirstSeen: day, LastSeen: day.Add(26 * time.Hour)}},
		stories: map[string]news.Story{
			"s1": {ID: "s1", StorylineID: "l1", ArticleIDs: []string{"a", "b"}},
			"s2": {ID: "s2", StorylineID: "l1", ArticleIDs: []string{"c", "d"}},
		},
		articles: []news.Article{
			art("a", "CNN", 0, "A drone strike on the city killed 12 people overnight."),
			art("b", "BBC", 2*time.Hour, "A drone strike on the city killed 12 people overnight."),
			art("c", "CNN", 24*time.Hour, "Shelling of the port killed 30 people on Saturday."),
			art("d", "BBC", 26*time.Hour, "Shelling of the port killed 30 people on Saturday."),
		},
	}
	c, err := NewComparer(r, nil, nil).CompareStoryline(context.Background(), "l1")
	if err != nil {
		t.Fatal(err)
	}
	if c.Scope != "storyline" || len(c.Facts) != 2 {
		t.Fatalf("scope %s, facts %+v: want two groups, one per story", c.Scope, c.Facts)
	}
	seen := map[string]bool{}
	for _, g := range c.Facts {
		seen[g.StoryID] = true
		if g.Differs() {
			t.Errorf("story %s, %s: verdict %s, want agree", g.StoryID, g.Subject, g.Verdict)
		}
	}
	if !seen["s1"] || !seen["s2"] {
		t.Errorf("facts groups of stories %v, want s1 and s2", seen)
	}
}
