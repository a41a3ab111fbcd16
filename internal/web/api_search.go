package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

// apiSearch serves GET /api/search?q=&limit=&offset=: a list of hits
// (article, snippet, score), best first. An empty query gives an empty
// list. The filters of the search page (outlet, kind, country, from, to,
// entity) narrow the hits. total is given when the last page is reached.
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
	_, offset, err := apiPage(url.Values{"offset": q["offset"]})
	if err != nil {
		s.apiFail(w, r, http.StatusBadRequest, err)
		return
	}
	if offset > maxSearchOffset {
		s.apiFail(w, r, http.StatusBadRequest, fmt.Errorf("offset: at most %d for a search", maxSearchOffset))
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
	apiPaged(s, w, r, "search hits", limit, offset, func(ctx context.Context, l, o int) ([]store.SearchHit, error) {
		if query == "" || !known {
			return nil, nil
		}
		want := l + o
		fetch := want
		if filter.Active() {
			fetch = min(want*searchFilterFactor, maxFilteredHits)
		}
		found, err := s.st.Search(ctx, query, fetch)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		if filter.Active() {
			found, err = s.filterHits(ctx, filter, found, want)
			if err != nil {
				return nil, fmt.Errorf("search %q: filter: %w", query, err)
			}
		}
		if o >= len(found) {
			return nil, nil
		}
		return found[o:min(len(found), want)], nil
	}, nil, -1)
}

// maxSearchOffset bounds how deep search results can be paged.
const maxSearchOffset = 1000
