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

type articleShowData struct {
	Article    news.Article
	Paragraphs []string
	URL        string // the source URL when it is http(s), else ""
	// What analysis found; all empty when the article is not analysed.
	Story       *news.Story // the story the article belongs to
	DuplicateOf *news.Article
	Quotes      []quoteRow
	Entities    []news.Entity // those the article names, most mentioned first
}

// showArticle renders GET /articles/{id}: the clean text as paragraphs, the
// debris cleaning removed, collapsed, and what analysis found: the story,
// the original the article copies, its quotes and the entities it names.
func (s *Server) showArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !validID(id) {
		s.notFound(w, r, "There is no article with this ID.")
		return
	}
	a, err := s.st.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, r, "There is no article with this ID.")
		return
	}
	if err != nil {
		s.serverError(w, r, fmt.Errorf("article %s: %w", id, err))
		return
	}
	data := articleShowData{
		Article:    a,
		Paragraphs: news.Paragraphs(a.Text),
		URL:        httpURL(a.URL),
	}
	if err := s.addArticleAnalysis(r.Context(), &data); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "article_show", page{Title: news.DisplayTitle(a), Nav: "articles", Data: data})
}

// validID reports whether id can be an article ID: short, printable ASCII
// letters, digits, '-' and '_'. Anything else is not looked up.
func validID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_':
		default:
			return false
		}
	}
	return true
}

// addArticleAnalysis adds the article's story, the original it copies, its
// quotes and the entities it names; an article not analysed yet gets none.
func (s *Server) addArticleAnalysis(ctx context.Context, data *articleShowData) error {
	id := data.Article.ID
	an, err := s.st.Analysis(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("article %s: %w", id, err)
	}
	lk := newLookups(s.st)
	lk.articles[id] = &data.Article
	if data.Story, err = lk.story(ctx, an.StoryID); err != nil {
		return fmt.Errorf("article %s: %w", id, err)
	}
	if an.DuplicateOf != "" && an.DuplicateOf != id {
		if data.DuplicateOf, err = lk.article(ctx, an.DuplicateOf); err != nil {
			return fmt.Errorf("article %s: %w", id, err)
		}
	}
	if data.Quotes, err = lk.quoteRows(ctx, an.Quotes); err != nil {
		return fmt.Errorf("article %s: %w", id, err)
	}
	for i := range data.Quotes {
		data.Quotes[i].Here = true
	}
	seen := map[string]bool{}
	for _, m := range an.Mentions {
		if seen[m.EntityID] {
			continue
		}
		seen[m.EntityID] = true
		e, err := lk.entity(ctx, m.EntityID)
		if err != nil {
			return fmt.Errorf("article %s: %w", id, err)
		}
		if e != nil {
			data.Entities = append(data.Entities, *e)
		}
	}
	slices.SortStableFunc(data.Entities, func(a, b news.Entity) int { return cmp.Compare(b.Mentions, a.Mentions) })
	return nil
}
