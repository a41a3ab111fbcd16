package web

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// The article-only fakeStore has analysed nothing: lists are empty and
// lookups are not found, as in a store whose analysis has not run.

func (f *fakeStore) Stories(context.Context, store.StoryQuery) ([]news.Story, error) {
	return nil, f.err
}

func (f *fakeStore) Story(_ context.Context, id string) (news.Story, error) {
	return news.Story{}, f.notFound("story", id)
}

func (f *fakeStore) Storylines(context.Context) ([]news.Storyline, error) { return nil, f.err }

func (f *fakeStore) Storyline(_ context.Context, id string) (news.Storyline, error) {
	return news.Storyline{}, f.notFound("storyline", id)
}

func (f *fakeStore) Analysis(_ context.Context, id string) (store.ArticleAnalysis, error) {
	return store.ArticleAnalysis{}, f.notFound("analysis of", id)
}

func (f *fakeStore) Quotes(context.Context, store.QuoteQuery) ([]news.Quote, error) {
	return nil, f.err
}

func (f *fakeStore) Entities(context.Context, store.EntityQuery) ([]news.Entity, error) {
	return nil, f.err
}

func (f *fakeStore) Entity(_ context.Context, id string) (news.Entity, error) {
	return news.Entity{}, f.notFound("entity", id)
}

func (f *fakeStore) notFound(kind, id string) error {
	if f.err != nil {
		return f.err
	}
	return fmt.Errorf("%s %s: %w", kind, id, store.ErrNotFound)
}

// analysisFake adds analysis results to fakeStore, following the
// store.Analyses contracts the pages rely on: merges followed, stories
// newest first, quotes newest article first, entities most mentioned first.
type analysisFake struct {
	*fakeStore
	stories    []news.Story
	storylines []news.Storyline
	merges     map[string]string // folded story or storyline ID, or per-article entity ID -> its ID now
	analyses   map[string]store.ArticleAnalysis
	entities   []news.Entity
}

func (f *analysisFake) resolve(id string) string {
	for range 10 {
		into, ok := f.merges[id]
		if !ok {
			return id
		}
		id = into
	}
	return id
}

func (f *analysisFake) Stories(_ context.Context, q store.StoryQuery) ([]news.Story, error) {
	if f.err != nil {
		return nil, f.err
	}
	var out []news.Story
	for _, s := range f.stories {
		if q.StorylineID != "" && s.StorylineID != f.resolve(q.StorylineID) {
			continue
		}
		if q.Outlet != "" && !slices.Contains(s.Outlets, q.Outlet) {
			continue
		}
		if !q.Since.IsZero() && s.LastSeen.Before(q.Since) {
			continue
		}
		if !q.Until.IsZero() && !s.FirstSeen.Before(q.Until) {
			continue
		}
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(a, b news.Story) int { return b.LastSeen.Compare(a.LastSeen) })
	return window(out, q.Limit, 50, q.Offset), nil
}

func window[T any](s []T, limit, def, offset int) []T {
	if limit <= 0 {
		limit = def
	}
	if offset >= len(s) {
		return nil
	}
	s = s[offset:]
	return s[:min(limit, len(s))]
}

func (f *analysisFake) Story(_ context.Context, id string) (news.Story, error) {
	rid := f.resolve(id)
	for _, s := range f.stories {
		if s.ID == rid && f.err == nil {
			return s, nil
		}
	}
	return news.Story{}, f.notFound("story", id)
}

func (f *analysisFake) Storylines(context.Context) ([]news.Storyline, error) {
	return f.storylines, f.err
}

func (f *analysisFake) Storyline(_ context.Context, id string) (news.Storyline, error) {
	rid := f.resolve(id)
	for _, l := range f.storylines {
		if l.ID == rid && f.err == nil {
			return l, nil
		}
	}
	return news.Storyline{}, f.notFound("storyline", id)
}

func (f *analysisFake) Analysis(_ context.Context, id string) (store.ArticleAnalysis, error) {
	an, ok := f.analyses[id]
	if !ok || f.err != nil {
		return store.ArticleAnalysis{}, f.notFound("analysis of", id)
	}
	an.StoryID = f.resolve(an.StoryID)
	return an, nil
}

func (f *analysisFake) Quotes(_ context.Context, q store.QuoteQuery) ([]news.Quote, error) {
	if f.err != nil {
		return nil, f.err
	}
	var storyArts []string
	if q.StoryID != "" {
		s, err := f.Story(context.Background(), q.StoryID)
		if err != nil {
			return nil, err
		}
		storyArts = s.ArticleIDs
	}
	type dated struct {
		q    news.Quote
		date int64
	}
	var out []dated
	for _, a := range f.articles {
		an, ok := f.analyses[a.ID]
		if !ok || (q.ArticleID != "" && a.ID != q.ArticleID) || (q.StoryID != "" && !slices.Contains(storyArts, a.ID)) {
			continue
		}
		for _, qu := range an.Quotes {
			if q.SpeakerID != "" && qu.SpeakerID != q.SpeakerID {
				continue
			}
			if q.Speaker != "" && !strings.Contains(strings.ToLower(qu.Speaker), strings.ToLower(q.Speaker)) {
				continue
			}
			out = append(out, dated{qu, a.Published.Unix()})
		}
	}
	slices.SortStableFunc(out, func(a, b dated) int { return cmp.Compare(b.date, a.date) })
	var qs []news.Quote
	for _, d := range out {
		qs = append(qs, d.q)
	}
	return window(qs, q.Limit, 100, q.Offset), nil
}

func (f *analysisFake) Entities(_ context.Context, q store.EntityQuery) ([]news.Entity, error) {
	if f.err != nil {
		return nil, f.err
	}
	var out []news.Entity
	for _, e := range f.entities {
		if q.Kind != "" && e.Kind != q.Kind {
			continue
		}
		if q.Name != "" && !strings.Contains(strings.ToLower(e.Name), strings.ToLower(q.Name)) {
			continue
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b news.Entity) int { return cmp.Compare(b.Mentions, a.Mentions) })
	return window(out, q.Limit, 100, q.Offset), nil
}

func (f *analysisFake) Entity(_ context.Context, id string) (news.Entity, error) {
	rid := f.resolve(id) // per-article entity IDs map to cross-article ones
	for _, e := range f.entities {
		if e.ID == rid && f.err == nil {
			return e, nil
		}
	}
	return news.Entity{}, f.notFound("entity", id)
}
