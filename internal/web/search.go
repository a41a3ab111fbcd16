package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

type searchData struct {
	Query string
	Hits  []store.SearchHit
	Limit int
}

// showSearch renders GET /search?q=: hits best first with their snippets,
// matched terms highlighted. An empty query shows the empty form.
func (s *Server) showSearch(w http.ResponseWriter, r *http.Request) {
	query := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(query) > maxQueryLen {
		s.badRequest(w, r, fmt.Errorf("search query is longer than %d bytes", maxQueryLen))
		return
	}
	data := searchData{Query: query, Limit: s.opts.SearchLimit}
	if query != "" {
		hits, err := s.st.Search(r.Context(), query, s.opts.SearchLimit)
		if err != nil {
			s.serverError(w, r, fmt.Errorf("search %q: %w", query, err))
			return
		}
		data.Hits = hits
	}
	title := "Search"
	if query != "" {
		title = "Search: " + query
	}
	s.render(w, r, http.StatusOK, "search", page{Title: title, Nav: "search", Data: data})
}
