package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// apiArticles serves GET /api/articles?outlet=&limit=&offset=: a JSON array
// of articles, newest first. limit defaults to 50 and may not exceed 500.
func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	outlet := strings.TrimSpace(q.Get("outlet"))
	if len(outlet) > maxQueryLen {
		s.apiFail(w, r, http.StatusBadRequest, fmt.Errorf("outlet is longer than %d bytes", maxQueryLen))
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
	articles, err := s.st.Articles(r.Context(), store.ArticleQuery{Outlet: outlet, Limit: limit, Offset: offset})
	if err != nil {
		s.apiFail(w, r, http.StatusInternalServerError, fmt.Errorf("list articles: %w", err))
		return
	}
	if len(articles) > limit {
		articles = articles[:limit]
	}
	if articles == nil {
		articles = []news.Article{}
	}
	s.writeJSON(w, r, http.StatusOK, articles)
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

// apiNotFound answers every other path under /api/ with a JSON 404.
func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	s.apiFail(w, r, http.StatusNotFound, fmt.Errorf("no API endpoint %s %s", r.Method, truncate(r.URL.Path, 200)))
}
