package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

type articleListData struct {
	Articles []news.Article
	Filter   listFilter
	Total    int // all stored articles, whatever the filter
	Page     int
	// Feeds says, when nothing is stored yet, where articles would come
	// from and why none has: nil when the server does not manage feeds.
	Feeds   *feedsSummary
	PrevURL string
	NextURL string
}

// listFilter is the selection of an article list, shared by the list page
// and GET /api/articles: ?outlet=&since=&until=.
type listFilter struct {
	Outlet string
	// SinceText and UntilText are the parameters as given, for the form.
	SinceText string
	UntilText string
	Since     time.Time // published at or after; zero for no bound
	Until     time.Time // published before; zero for no bound
}

// Active reports whether the filter selects anything less than everything.
func (f listFilter) Active() bool { return f.Outlet != "" || f.SinceText != "" || f.UntilText != "" }

// values encodes the filter as query parameters.
func (f listFilter) values() url.Values {
	v := url.Values{}
	if f.Outlet != "" {
		v.Set("outlet", f.Outlet)
	}
	if f.SinceText != "" {
		v.Set("since", f.SinceText)
	}
	if f.UntilText != "" {
		v.Set("until", f.UntilText)
	}
	return v
}

// listForm is what the "list_filter" template takes: the list's path and
// its filter.
type listForm struct {
	Action string
	Filter listFilter
}

func newListForm(action string, f listFilter) listForm { return listForm{Action: action, Filter: f} }

// parseListFilter reads outlet, since and until. since and until take a date
// (2025-08-24) or an RFC 3339 time; a date-only until includes that whole
// day. It returns an error naming the bad parameter.
func parseListFilter(q url.Values) (listFilter, error) {
	f := listFilter{
		Outlet:    strings.TrimSpace(q.Get("outlet")),
		SinceText: strings.TrimSpace(q.Get("since")),
		UntilText: strings.TrimSpace(q.Get("until")),
	}
	if len(f.Outlet) > maxQueryLen {
		return f, fmt.Errorf("outlet is longer than %d bytes", maxQueryLen)
	}
	var err error
	if f.SinceText != "" {
		if f.Since, _, err = parseDateParam(f.SinceText); err != nil {
			return f, fmt.Errorf("since: %w", err)
		}
	}
	if f.UntilText != "" {
		var dateOnly bool
		if f.Until, dateOnly, err = parseDateParam(f.UntilText); err != nil {
			return f, fmt.Errorf("until: %w", err)
		}
		if dateOnly {
			f.Until = f.Until.AddDate(0, 0, 1)
		}
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && !f.Since.Before(f.Until) {
		return f, fmt.Errorf("since (%s) is not before until (%s)", f.SinceText, f.UntilText)
	}
	return f, nil
}

// parseDateParam parses "2006-01-02" (dateOnly true) or an RFC 3339 time,
// as UTC.
func parseDateParam(s string) (t time.Time, dateOnly bool, err error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), false, nil
	}
	return time.Time{}, false, fmt.Errorf("%q is not a date like 2025-08-24 or a time like 2025-08-24T10:00:00Z", truncate(s, 40))
}

// showArticleList renders GET /: articles newest first, PageSize a page,
// filtered by ?outlet=, ?since= and ?until=, page chosen with ?page=.
func (s *Server) showArticleList(w http.ResponseWriter, r *http.Request) {
	size := s.opts.PageSize
	filter, pageNo, ok := listRequest(s, w, r, size, parseListFilter)
	if !ok {
		return
	}
	// Ask for one more than a page to learn whether a next page exists.
	articles, err := s.st.Articles(r.Context(), store.ArticleQuery{
		Outlet: filter.Outlet,
		Since:  filter.Since,
		Until:  filter.Until,
		Limit:  size + 1,
		Offset: (pageNo - 1) * size,
	})
	if err != nil {
		s.serverError(w, r, fmt.Errorf("list articles: %w", err))
		return
	}
	total, err := s.st.CountArticles(r.Context())
	if err != nil {
		s.serverError(w, r, fmt.Errorf("count articles: %w", err))
		return
	}
	articles, more := pageOf(articles, size)
	data := articleListData{Articles: articles, Filter: filter, Total: total, Page: pageNo}
	data.PrevURL, data.NextURL = pageLinks("/", filter.values(), pageNo, more)
	if total == 0 && s.opts.Feeds != nil {
		data.Feeds = s.summariseFeeds(r)
	}
	title := "Articles"
	if filter.Outlet != "" {
		title = "Articles from " + filter.Outlet
	}
	s.render(w, r, http.StatusOK, "article_list", page{Title: pageTitle(title, pageNo), Nav: "articles", Data: data})
}

// positiveInt parses a positive decimal integer; "" gives def.
func positiveInt(s string, def int) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%q is not a positive whole number", truncate(s, 40))
	}
	return n, nil
}

// truncate shortens s to at most n bytes on a rune boundary, for messages.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
