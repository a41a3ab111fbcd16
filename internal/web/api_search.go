package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

// apiSearch serves GET /api/search?q=&limit=: a JSON array of hits (article,
// snippet, score), best first. An empty query gives an empty array. The
// filters of the search page (outlet, kind, country, from, to, entity)
// narrow the hits.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	query := strings.TrimSpace(q.Get("q"))
	if len(query) > maxQueryLen {
		s.apiFail(w, r, http.StatusBadRequest, fmt.Errorf("q is longer than %d bytes", maxQueryLen))
		return
	}
	limit, err := apiLimit(q, s.opts.SearchLimit)
	if err != nil {
		s.apiFail(w, r, http.StatusBadRequest, err)
		return
	}
	filter, err := parseSearchFilter(q)
	if err != nil {
		s.apiFail(w, r, http.StatusBadRequest, err)
		return
	}
	known, err := s.resolveEntity(r.Context(), &filter)
	if err != nil {
		s.apiFail(w, r, http.StatusInternalServerError, err)
		return
	}
	hits := []store.SearchHit{}
	if query != "" && known {
		fetch := limit
		if filter.Active() {
			fetch = min(limit*searchFilterFactor, maxFilteredHits)
		}
		found, err := s.st.Search(r.Context(), query, fetch)
		if err != nil {
			s.apiFail(w, r, http.StatusInternalServerError, fmt.Errorf("search %q: %w", query, err))
			return
		}
		if filter.Active() {
			found, err = s.filterHits(r.Context(), filter, found, limit)
			if err != nil {
				s.apiFail(w, r, http.StatusInternalServerError, fmt.Errorf("search %q: filter: %w", query, err))
				return
			}
		}
		if found != nil {
			hits = found
		}
	}
	s.writeJSON(w, r, http.StatusOK, hits)
}
