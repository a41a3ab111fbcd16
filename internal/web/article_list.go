package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

type articleListData struct {
	Articles []news.Article
	Outlet   string
	Total    int // all stored articles, whatever the filter
	Page     int
	PrevURL  string
	NextURL  string
}

// showArticleList renders GET /: articles newest first, PageSize a page,
// optionally only one outlet's (?outlet=), page chosen with ?page=.
func (s *Server) showArticleList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	outlet := strings.TrimSpace(q.Get("outlet"))
	if len(outlet) > maxQueryLen {
		s.badRequest(w, r, fmt.Errorf("outlet is longer than %d bytes", maxQueryLen))
		return
	}
	pageNo, err := positiveInt(q.Get("page"), 1)
	if err != nil {
		s.badRequest(w, r, fmt.Errorf("page: %w", err))
		return
	}
	size := s.opts.PageSize
	if pageNo > 1_000_000/size {
		s.badRequest(w, r, errors.New("page: too large"))
		return
	}
	// Ask for one more than a page to learn whether a next page exists.
	articles, err := s.st.Articles(r.Context(), store.ArticleQuery{
		Outlet: outlet,
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
	data := articleListData{Outlet: outlet, Total: total, Page: pageNo}
	if len(articles) > size {
		articles = articles[:size]
		data.NextURL = listURL(outlet, pageNo+1)
	}
	if pageNo > 1 {
		data.PrevURL = listURL(outlet, pageNo-1)
	}
	data.Articles = articles
	title := "Articles"
	if outlet != "" {
		title = "Articles from " + outlet
	}
	if pageNo > 1 {
		title += fmt.Sprintf(" (page %d)", pageNo)
	}
	s.render(w, r, http.StatusOK, "article_list", page{Title: title, Nav: "articles", Data: data})
}

func listURL(outlet string, pageNo int) string {
	v := url.Values{}
	if outlet != "" {
		v.Set("outlet", outlet)
	}
	if pageNo > 1 {
		v.Set("page", strconv.Itoa(pageNo))
	}
	if len(v) == 0 {
		return "/"
	}
	return "/?" + v.Encode()
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
