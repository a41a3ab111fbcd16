package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

type storyShowData struct {
	Story     news.Story
	Span      string
	Storyline *news.Storyline // nil when the story has none
	Groups    []outletGroup
	Quotes    []quoteRow
	// Articles counts the articles shown; Missing the story's articles
	// that are no longer stored; Omitted those beyond maxStoryArticles.
	Articles int
	Missing  int
	Omitted  int
}

// outletGroup is one outlet's column on a story page: the originals it is
// credited with, each with the copies that republished it.
type outletGroup struct {
	Outlet  string // "" for articles of unknown outlet
	Entries []storyEntry
}

type storyEntry struct {
	Article news.Article
	Copies  []news.Article
}

// storyArticle is one article of a story with what analysis found in it.
type storyArticle struct {
	Article     news.Article
	DuplicateOf string
	Quotes      []news.Quote
}

// showStory renders GET /stories/{id}: title, date span, key terms and
// outlets; the articles grouped by outlet, each copy or republication under
// its original; and the quotes of the story. An ID folded into another
// story redirects to that story.
func (s *Server) showStory(w http.ResponseWriter, r *http.Request) {
	st, ok := lookupPage(s, w, r, "story", "/stories/", s.st.Story, func(st news.Story) string { return st.ID })
	if !ok {
		return
	}
	st.Outlets = s.outletNames(st.Outlets)
	data, err := s.storyData(r.Context(), st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	title := st.Title
	if title == "" {
		title = "Untitled story"
	}
	s.render(w, r, http.StatusOK, "story_show", page{Title: title, Nav: "stories", Data: data})
}

// storyArticles reads a story's articles (up to maxStoryArticles) with their
// analysis, oldest first. It reports how many IDs were not stored and how
// many were left out.
func (s *Server) storyArticles(ctx context.Context, st news.Story) (arts []storyArticle, missing, omitted int, err error) {
	ids := st.ArticleIDs
	if len(ids) > maxStoryArticles {
		omitted = len(ids) - maxStoryArticles
		ids = ids[:maxStoryArticles]
	}
	for _, id := range ids {
		a, err := s.st.Article(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			missing++
			continue
		}
		if err != nil {
			return nil, 0, 0, fmt.Errorf("story %s: article %s: %w", st.ID, id, err)
		}
		sa := storyArticle{Article: a}
		an, err := s.st.Analysis(ctx, id)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			return nil, 0, 0, fmt.Errorf("story %s: %w", st.ID, err)
		default:
			sa.DuplicateOf, sa.Quotes = an.DuplicateOf, an.Quotes
		}
		arts = append(arts, sa)
	}
	slices.SortStableFunc(arts, func(a, b storyArticle) int {
		return compareDates(a.Article.Published, b.Article.Published)
	})
	return arts, missing, omitted, nil
}

func (s *Server) storyData(ctx context.Context, st news.Story) (storyShowData, error) {
	data := storyShowData{Story: st, Span: dateSpan(st.FirstSeen, st.LastSeen)}
	if st.StorylineID != "" {
		l, err := s.st.Storyline(ctx, st.StorylineID)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			return data, fmt.Errorf("story %s: %w", st.ID, err)
		default:
			data.Storyline = &l
		}
	}
	arts, missing, omitted, err := s.storyArticles(ctx, st)
	if err != nil {
		return data, err
	}
	data.Articles, data.Missing, data.Omitted = len(arts), missing, omitted
	data.Groups = groupByOutlet(arts)
	lk := newLookups(s.st)
	for _, a := range arts {
		lk.articles[a.Article.ID] = &a.Article
	}
	var qs []news.Quote
	for _, a := range arts {
		qs = append(qs, a.Quotes...)
	}
	if data.Quotes, err = lk.quoteRows(ctx, qs); err != nil {
		return data, fmt.Errorf("story %s: %w", st.ID, err)
	}
	return data, nil
}

// groupByOutlet puts each copy under the original it duplicates (following
// chains of copies to the first original within the story), and each
// original under the outlet it is credited to. Groups come in order of
// their earliest article; arts must be oldest first.
func groupByOutlet(arts []storyArticle) []outletGroup {
	dupOf := make(map[string]string, len(arts))
	for _, a := range arts {
		dupOf[a.Article.ID] = a.DuplicateOf
	}
	// root follows DuplicateOf within the story; the bound guards cycles.
	root := func(id string) string {
		for range len(arts) + 1 {
			next, ok := dupOf[id]
			if !ok || next == "" {
				return id
			}
			if _, in := dupOf[next]; !in {
				return id
			}
			id = next
		}
		return id
	}
	copies := map[string][]news.Article{}
	var originals []news.Article
	for _, a := range arts {
		if r := root(a.Article.ID); r != a.Article.ID {
			copies[r] = append(copies[r], a.Article)
			continue
		}
		originals = append(originals, a.Article)
	}
	var groups []outletGroup
	index := map[string]int{}
	for _, a := range originals {
		lead := articleCredit(a).Lead
		i, ok := index[lead]
		if !ok {
			i = len(groups)
			index[lead] = i
			groups = append(groups, outletGroup{Outlet: lead})
		}
		groups[i].Entries = append(groups[i].Entries, storyEntry{Article: a, Copies: copies[a.ID]})
	}
	// Unknown outlets go last, whatever their dates.
	slices.SortStableFunc(groups, func(a, b outletGroup) int {
		return cmp.Compare(boolInt(a.Outlet == ""), boolInt(b.Outlet == ""))
	})
	return groups
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
