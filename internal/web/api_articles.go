package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/parallax-news/parallax/internal/store"
)

// apiArticles serves GET /api/articles?outlet=&since=&until=&limit=&offset=:
// a JSON array of articles, newest first. limit defaults to 50 and may not
// exceed 500; since and until are as on the list page (see parseListFilter).
func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	filter, err := parseListFilter(q)
	if err != nil {
		s.apiFail(w, r, http.StatusBadRequest, err)
		return
	}
	limit, err := positiveInt(q.Get("limit"), defaultAPILimit)
	if err != nil {
		s.apiFail(w, r, http.StatusBadRequest, fmt.Errorf("limit: %w", err))
		return
	}
	if limit > maxAPILimit {
		s.apiFail(w, r, http.StatusBadRequest, fmt.Errorf("limit: at most %d", maxAPILimit))
		return
	}
	offset := 0
	if v := q.Get("offset"); v != "" {
		offset, err = strconv.Atoi(v)
		if err != nil || offset < 0 {
			s.apiFail(w, r, http.StatusBadRequest, fmt.Errorf("offset: %q is not a whole number >= 0", truncate(v, 40)))
			return
		}
	}
	articles, err := s.st.Articles(r.Context(), store.ArticleQuery{
		Outlet: filter.Outlet,
		Since:  filter.Since,
		Until:  filter.Until,
		Limit:  limit,
		Offset: offset,
	})
	if len(articles) > limit {
		articles = articles[:limit]
	}
	apiList(s, w, r, "articles", articles, err)
}

// apiArticle serves GET /api/articles/{id}: one article, or a 404 JSON error.
func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	notFound := fmt.Errorf("article %q not found", truncate(id, 130))
	if !validID(id) {
		s.apiFail(w, r, http.StatusNotFound, notFound)
		return
	}
	a, err := s.st.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.apiFail(w, r, http.StatusNotFound, notFound)
		return
	}
	if err != nil {
		s.apiFail(w, r, http.StatusInternalServerError, fmt.Errorf("article %s: %w", id, err))
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
