package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// entityKinds are the kinds the entity stage assigns, for the filter.
var entityKinds = []string{"person", "organisation", "place", "country"}

type entityFilter struct {
	Kind string
	Name string
}

func (f entityFilter) Active() bool { return f.Kind != "" || f.Name != "" }

func (f entityFilter) values() url.Values {
	v := url.Values{}
	if f.Kind != "" {
		v.Set("kind", f.Kind)
	}
	if f.Name != "" {
		v.Set("q", f.Name)
	}
	return v
}

// parseEntityFilter reads ?kind= (one of entityKinds) and ?q= (a name or
// alias, substring).
func parseEntityFilter(q url.Values) (entityFilter, error) {
	f := entityFilter{Kind: strings.TrimSpace(q.Get("kind")), Name: strings.TrimSpace(q.Get("q"))}
	if f.Kind != "" && !slices.Contains(entityKinds, f.Kind) {
		return f, fmt.Errorf("kind: %q is not one of %s", truncate(f.Kind, 40), strings.Join(entityKinds, ", "))
	}
	if len(f.Name) > maxQueryLen {
		return f, fmt.Errorf("q is longer than %d bytes", maxQueryLen)
	}
	return f, nil
}

type entityListData struct {
	Entities []news.Entity
	Filter   entityFilter
	Kinds    []string
	Page     int
	PrevURL  string
	NextURL  string
}

// showEntityList renders GET /entities: people, organisations, places and
// countries, the most mentioned first, filtered by ?kind= and ?q=.
func (s *Server) showEntityList(w http.ResponseWriter, r *http.Request) {
	size := 2 * s.opts.PageSize
	filter, pageNo, ok := listRequest(s, w, r, size, parseEntityFilter)
	if !ok {
		return
	}
	ents, err := s.st.Entities(r.Context(), store.EntityQuery{
		Kind: filter.Kind, Name: filter.Name, Limit: size + 1, Offset: (pageNo - 1) * size,
	})
	if err != nil {
		s.serverError(w, r, fmt.Errorf("list entities: %w", err))
		return
	}
	ents, more := pageOf(ents, size)
	data := entityListData{Entities: ents, Filter: filter, Kinds: entityKinds, Page: pageNo}
	data.PrevURL, data.NextURL = pageLinks("/entities", filter.values(), pageNo, more)
	s.render(w, r, http.StatusOK, "entity_list", page{Title: pageTitle("Entities", pageNo), Nav: "entities", Data: data})
}
