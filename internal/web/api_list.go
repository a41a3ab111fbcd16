package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// apiListBody is the body of every list endpoint under /api/: the page of
// items, the number of items the query matches (omitted only when counting
// them would cost far more than the page, see countCap), and the
// address of the next page when there is one.
type apiListBody[T any] struct {
	Items []T    `json:"items"`
	Total *int   `json:"total,omitempty"`
	Next  string `json:"next,omitempty"`
}

// Count caps: a list counts its matches by paging through them up to these
// many; past the cap total is omitted (next still says whether more exist).
const (
	countCap        = 20000 // stories, entities, quotes
	countCapArticle = 2000  // filtered article lists, whose rows carry texts
	countPage       = 500
)

// legacyAPI reports whether r asks for the v0 API, whose lists are bare
// JSON arrays (the shape before the envelope; kept for one release).
func legacyAPI(r *http.Request) bool {
	return strings.HasPrefix(r.URL.Path, "/api/v0/")
}

// pageFetch lists up to limit items from offset.
type pageFetch[T any] func(ctx context.Context, limit, offset int) ([]T, error)

// apiPaged answers a list request: it fetches one item past the page to
// know whether another page exists, counts the matches (exactly, by
// paging with fetch up to limitCount items, or with count when given) and
// writes the envelope, or a bare array on /api/v0/.
func apiPaged[T any](s *Server, w http.ResponseWriter, r *http.Request, what string, limit, offset int,
	fetch pageFetch[T], count func(context.Context) (int, error), limitCount int) {
	ctx := r.Context()
	items, err := fetch(ctx, limit+1, offset)
	if err != nil {
		s.apiFail(w, r, http.StatusInternalServerError, fmt.Errorf("list %s: %w", what, err))
		return
	}
	more := len(items) > limit
	if more {
		items = items[:limit]
	}
	if items == nil {
		items = []T{}
	}
	if legacyAPI(r) {
		s.writeJSON(w, r, http.StatusOK, items)
		return
	}
	body := apiListBody[T]{Items: items}
	switch {
	case !more && (len(items) > 0 || offset == 0):
		n := offset + len(items)
		body.Total = &n
	case count != nil:
		n, err := count(ctx)
		if err != nil {
			s.apiFail(w, r, http.StatusInternalServerError, fmt.Errorf("count %s: %w", what, err))
			return
		}
		body.Total = &n
	default:
		n, exact, err := countByPaging(ctx, fetch, limitCount)
		if err != nil {
			s.apiFail(w, r, http.StatusInternalServerError, fmt.Errorf("count %s: %w", what, err))
			return
		}
		if exact {
			body.Total = &n
		}
	}
	if more {
		body.Next = nextPage(r, limit, offset+limit)
	}
	s.writeJSON(w, r, http.StatusOK, body)
}

// apiWhole answers a list endpoint whose whole list is at hand (storylines,
// feeds, search hits): the page [offset, offset+limit) of all.
func apiWhole[T any](s *Server, w http.ResponseWriter, r *http.Request, all []T, limit, offset int) {
	apiPaged(s, w, r, "", limit, offset, func(_ context.Context, l, o int) ([]T, error) {
		if o >= len(all) {
			return nil, nil
		}
		return all[o:min(len(all), o+l)], nil
	}, func(context.Context) (int, error) { return len(all), nil }, 0)
}

// countByPaging counts the items fetch lists, page by page, stopping past
// limitCount; exact is false when it stopped.
func countByPaging[T any](ctx context.Context, fetch pageFetch[T], limitCount int) (n int, exact bool, err error) {
	for n <= limitCount {
		page, err := fetch(ctx, countPage, n)
		if err != nil {
			return 0, false, err
		}
		n += len(page)
		if len(page) < countPage {
			return n, true, nil
		}
	}
	return n, false, nil
}

// nextPage is the address of the page at offset with limit, keeping every
// other parameter of r.
func nextPage(r *http.Request, limit, offset int) string {
	q := r.URL.Query()
	q.Set("limit", strconv.Itoa(limit))
	q.Set("offset", strconv.Itoa(offset))
	u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
	return u.String()
}
