package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// Bounds on what one analysis page reads, so that a huge story or a
// talkative speaker cannot make one request unbounded.
const (
	maxStoryArticles  = 300  // articles shown on a story page
	maxStorylineItems = 1000 // stories shown on a storyline page
	maxEntityQuotes   = 500  // quotes shown on an entity page
	maxEntityArticles = 60   // articles checked for mentions on an entity page
)

// lookups fetches articles, entities and stories once per request: pages
// that list quotes or articles name the same ones many times.
type lookups struct {
	st       Store
	articles map[string]*news.Article // nil value: not stored
	entities map[string]*news.Entity
	stories  map[string]*news.Story
}

func newLookups(st Store) *lookups {
	return &lookups{
		st:       st,
		articles: map[string]*news.Article{},
		entities: map[string]*news.Entity{},
		stories:  map[string]*news.Story{},
	}
}

// article returns the stored article, or nil when it is not stored.
func (l *lookups) article(ctx context.Context, id string) (*news.Article, error) {
	return cachedGet(ctx, l.articles, "article", id, l.st.Article)
}

// entity returns the entity, or nil when there is none with this ID.
func (l *lookups) entity(ctx context.Context, id string) (*news.Entity, error) {
	if id == "" || !validID(id) {
		return nil, nil
	}
	return cachedGet(ctx, l.entities, "entity", id, l.st.Entity)
}

// story returns the story, or nil when there is none with this ID.
func (l *lookups) story(ctx context.Context, id string) (*news.Story, error) {
	if id == "" || !validID(id) {
		return nil, nil
	}
	return cachedGet(ctx, l.stories, "story", id, l.st.Story)
}

// cachedGet returns cache[id], else looks id up with get and keeps the
// answer: nil for ErrNotFound, an error naming what and id for another
// store error (not kept).
func cachedGet[T any](ctx context.Context, cache map[string]*T, what, id string, get func(context.Context, string) (T, error)) (*T, error) {
	if v, ok := cache[id]; ok {
		return v, nil
	}
	v, err := get(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		cache[id] = nil
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", what, id, err)
	}
	cache[id] = &v
	return &v, nil
}

// quoteRow is one quote as pages show it: with the article it comes from
// (nil when that article is no longer stored), its date, and the speaker's
// entity when the speaker is a known one (the link target).
type quoteRow struct {
	Quote   news.Quote
	Article *news.Article
	Date    time.Time
	Speaker *news.Entity
	// Here is set on the page of the quote's own article, which needs no
	// link to itself.
	Here bool
}

// quoteRows looks up the article and speaker of each quote. A quote's own
// date wins over its article's publication date.
func (l *lookups) quoteRows(ctx context.Context, qs []news.Quote) ([]quoteRow, error) {
	rows := make([]quoteRow, 0, len(qs))
	for _, q := range qs {
		a, err := l.article(ctx, q.ArticleID)
		if err != nil {
			return nil, err
		}
		e, err := l.entity(ctx, q.SpeakerID)
		if err != nil {
			return nil, err
		}
		r := quoteRow{Quote: q, Article: a, Date: q.Date, Speaker: e}
		if r.Date.IsZero() && a != nil {
			r.Date = a.Published
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// byDate orders quote rows oldest first, undated last, keeping text order
// within one article.
func byDate(rows []quoteRow) {
	slices.SortStableFunc(rows, func(a, b quoteRow) int {
		return compareDates(a.Date, b.Date)
	})
}

// compareDates orders times ascending with the zero time last.
func compareDates(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// dateSpan renders a first–last span for readers: "3 July 2025",
// "24 August – 24 September 2025" or "" when undated.
func dateSpan(first, last time.Time) string {
	switch {
	case first.IsZero() && last.IsZero():
		return ""
	case first.IsZero():
		return formatDate(last)
	case last.IsZero():
		return formatDate(first)
	}
	first, last = first.UTC(), last.UTC()
	if first.Year() == last.Year() && first.YearDay() == last.YearDay() {
		return formatDate(first)
	}
	if first.Year() == last.Year() {
		if first.Month() == last.Month() {
			return fmt.Sprintf("%d – %s", first.Day(), formatDate(last))
		}
		return first.Format("2 January") + " – " + formatDate(last)
	}
	return formatDate(first) + " – " + formatDate(last)
}

// outletName is the name pages show for an outlet; "" is unknown.
func (s *Server) outletName(name string) string {
	if name == "" {
		return "Unknown outlet"
	}
	// The registry's name for any spelling, alias or domain ("AP",
	// "apnews.com" and "The Associated Press" are Associated Press), the
	// bare host of an unknown domain, else the name as written.
	return s.reg.Name(name)
}

// nameStories rewrites each story's outlets as the registry names them
// (see outletName), each once, in their first order: the names the
// article lists and coverage columns show.
func (s *Server) nameStories(stories []news.Story) {
	for i := range stories {
		stories[i].Outlets = s.outletNames(stories[i].Outlets)
	}
}

// outletNames is outletName over a list, without repeats.
func (s *Server) outletNames(list []string) []string {
	out := make([]string, 0, len(list))
	for _, o := range list {
		if o = strings.TrimSpace(o); o == "" {
			continue
		}
		if n := s.outletName(o); !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// pageLinks computes the previous and next page URLs of a paged list: base
// is the path, v the filter parameters (not modified), more whether a next
// page exists.
func pageLinks(base string, v url.Values, pageNo int, more bool) (prev, next string) {
	link := func(n int) string {
		q := url.Values{}
		for k, vs := range v {
			q[k] = vs
		}
		if n > 1 {
			q.Set("page", strconv.Itoa(n))
		}
		if len(q) == 0 {
			return base
		}
		return base + "?" + q.Encode()
	}
	if pageNo > 1 {
		prev = link(pageNo - 1)
	}
	if more {
		next = link(pageNo + 1)
	}
	return prev, next
}

// pageOf cuts a list fetched with Limit size+1 down to one page; more
// reports whether a next page exists.
func pageOf[T any](list []T, size int) (_ []T, more bool) {
	if len(list) > size {
		return list[:size], true
	}
	return list, false
}

// pageTitle adds " (page N)" to a list page's title past the first page.
func pageTitle(title string, pageNo int) string {
	if pageNo > 1 {
		title += fmt.Sprintf(" (page %d)", pageNo)
	}
	return title
}

// listRequest reads the filter of a list page with parse and its ?page=
// (pages of size); ok is false, and the 400 page written, when either is
// bad.
func listRequest[F any](s *Server, w http.ResponseWriter, r *http.Request, size int, parse func(url.Values) (F, error)) (f F, pageNo int, ok bool) {
	q := r.URL.Query()
	f, err := parse(q)
	if err != nil {
		s.badRequest(w, r, err)
		return f, 0, false
	}
	pageNo, err = pageParam(q, size)
	if err != nil {
		s.badRequest(w, r, err)
		return f, 0, false
	}
	return f, pageNo, true
}

// pageParam reads ?page= with an upper bound that keeps offsets sane.
func pageParam(v url.Values, size int) (int, error) {
	n, err := positiveInt(v.Get("page"), 1)
	if err != nil {
		return 0, fmt.Errorf("page: %w", err)
	}
	if n > 1_000_000/size {
		return 0, errors.New("page: too large")
	}
	return n, nil
}

// uniqueSorted returns the distinct non-empty strings of ss in ascending order.
func uniqueSorted(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, cmp.Compare[string])
	return slices.Compact(out)
}

// lookupPage reads the {id} of a show page with get. It writes the 404 page
// for an ID that cannot be one or is not found, the 500 page for a store
// error, and a permanent redirect to base+ID (query kept) when the store
// answers with another ID (the one a merged ID was folded into); ok is true
// only when the caller should render v.
func lookupPage[T any](s *Server, w http.ResponseWriter, r *http.Request, what, base string,
	get func(context.Context, string) (T, error), idOf func(T) string) (v T, ok bool) {
	return lookupView(s, w, r, what, base, "", get, idOf)
}
