package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

type searchData struct {
	Query   string
	Hits    []store.SearchHit
	Limit   int
	Filter  searchFilter
	Choices searchChoices
	// NoEntity is set when the entity filter names no known entity.
	NoEntity bool
	// FeedQuery is the query string of the page, for its Atom feed.
	FeedQuery string
}

// showSearch renders GET /search?q=: hits best first with their snippets,
// matched terms highlighted. An empty query shows the empty form. The
// filters outlet, kind, country, from and to (see searchFilter) narrow the
// hits; a filtered search asks the store for more hits first.
func (s *Server) showSearch(w http.ResponseWriter, r *http.Request) {
	query := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(query) > maxQueryLen {
		s.badRequest(w, r, fmt.Errorf("search query is longer than %d bytes", maxQueryLen))
		return
	}
	filter, err := parseSearchFilter(r.URL.Query())
	if err != nil {
		s.badRequest(w, r, err)
		return
	}
	found, err := s.resolveEntity(r.Context(), &filter)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	data := searchData{Query: query, Limit: s.opts.SearchLimit, Filter: filter, Choices: s.searchChoices()}
	data.NoEntity = !found
	data.FeedQuery = r.URL.RawQuery
	if query != "" && found {
		limit := s.opts.SearchLimit
		if filter.Active() {
			limit = min(limit*searchFilterFactor, maxFilteredHits)
		}
		hits, err := s.st.Search(r.Context(), query, limit)
		if err != nil {
			s.serverError(w, r, fmt.Errorf("search %q: %w", query, err))
			return
		}
		if filter.Active() {
			hits, err = s.filterHits(r.Context(), filter, hits, s.opts.SearchLimit)
			if err != nil {
				s.serverError(w, r, fmt.Errorf("search %q: filter: %w", query, err))
				return
			}
		}
		data.Hits = hits
	}
	title := "Search"
	if query != "" {
		title = "Search: " + query
	}
	s.render(w, r, http.StatusOK, "search", page{Title: title, Nav: "search", Data: data})
}
