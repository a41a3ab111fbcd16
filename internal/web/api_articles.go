package web

import (
	"context"
	"fmt"
	"net/http"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// apiArticles serves GET /api/articles?outlet=&since=&until=&limit=&offset=:
// a list of articles, newest first. limit defaults to 50 and may not
// exceed 500; since and until are as on the list page (see parseListFilter).
func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	filter, limit, offset, ok := apiListRequest(s, w, r, parseListFilter)
	if !ok {
		return
	}
	fetch := func(ctx context.Context, limit, offset int) ([]news.Article, error) {
		return s.st.Articles(ctx, store.ArticleQuery{
			Outlet: filter.Outlet, Since: filter.Since, Until: filter.Until,
			Limit: limit, Offset: offset,
		})
	}
	var count func(context.Context) (int, error)
	if filter.Outlet == "" && filter.Since.IsZero() && filter.Until.IsZero() {
		count = s.st.CountArticles
	}
	apiPaged(s, w, r, "articles", limit, offset, fetch, count, countCapArticle)
}

// apiArticle serves GET /api/articles/{id}: one article, or a 404 JSON error.
func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	a, ok := apiOne(s, w, r, "article", s.st.Article)
	if !ok {
		return
	}
	s.writeJSON(w, r, http.StatusOK, a)
}

// apiNotFound answers every other request under /api/ with a JSON error:
// 405 for a method other than GET or HEAD (the API is read-only), else 404.
func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		s.apiFail(w, r, http.StatusMethodNotAllowed, fmt.Errorf("method %s not allowed: the API is read-only", r.Method))
		return
	}
	s.apiFail(w, r, http.StatusNotFound, fmt.Errorf("no API endpoint %s %s", r.Method, truncate(r.URL.Path, 200)))
}
