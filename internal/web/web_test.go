package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/parallax-news/parallax/internal/news"
)

var assetVersion = regexp.MustCompile(`\?v=[0-9a-f]+`)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

type testServer struct {
	srv   *Server
	store *fakeStore
	logs  *bytes.Buffer
}

func newTestServer(t *testing.T, opts Options, articles ...news.Article) *testServer {
	t.Helper()
	logs := &bytes.Buffer{}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	st := newFakeStore(articles...)
	return &testServer{srv: New(st, opts), store: st, logs: logs}
}

// get serves one GET request and returns the recorded response.
func (ts *testServer) get(t *testing.T, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	ts.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

// getHTML serves a GET request, checks status and content type, and parses
// the body back into a document.
func (ts *testServer) getHTML(t *testing.T, target string, wantStatus int) *goquery.Document {
	t.Helper()
	rec := ts.get(t, target)
	if rec.Code != wantStatus {
		t.Fatalf("GET %s: status %d, want %d; body:\n%s", target, rec.Code, wantStatus, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Fatalf("GET %s: Content-Type %q", target, ct)
	}
	doc, err := goquery.NewDocumentFromReader(rec.Body)
	if err != nil {
		t.Fatalf("GET %s: parse HTML: %v", target, err)
	}
	return doc
}

func texts(sel *goquery.Selection) []string {
	var out []string
	sel.Each(func(_ int, s *goquery.Selection) { out = append(out, strings.TrimSpace(s.Text())) })
	return out
}

func attrs(sel *goquery.Selection, name string) []string {
	var out []string
	sel.Each(func(_ int, s *goquery.Selection) {
		v, _ := s.Attr(name)
		out = append(out, v)
	})
	return out
}

func TestArticleList(t *testing.T) {
	arts := fixtureArticles(t)
	ts := newTestServer(t, Options{}, arts...)
	doc := ts.getHTML(t, "/", http.StatusOK)

	wantTitles := []string{
		"Envoys meet again as ceasefire talks stall",                                // 2025-12-04
		"Vice president outlines framework for talks",                               // 2025-09-24
		"Kremlin says phone call was 'businesslike'",                                // 2025-08-28
		"Summit ends without agreement",                                             // 2025-07-03
		"A short rewrite of the week's diplomatic news, with no date and no title.", // undated, last: no title, so its first sentence
	}
	if got := texts(doc.Find(".article-item h2 a")); !slices.Equal(got, wantTitles) {
		t.Errorf("titles, newest first:\n got %q\nwant %q", got, wantTitles)
	}
	if got := attrs(doc.Find(".article-item h2 a"), "href"); got[0] != "/articles/a1b2c3d4e5f60001" {
		t.Errorf("first link %q", got[0])
	}
	wantOutlets := []string{"Kyiv Ledger", "Capital Post", "State Agency", "Wire Service", "Unattributed Blog"}
	if got := texts(doc.Find(".article-item .outlet")); !slices.Equal(got, wantOutlets) {
		t.Errorf("outlet badges:\n got %q\nwant %q", got, wantOutlets)
	}
	if got := texts(doc.Find(".article-item time")); !slices.Equal(got, []string{"4 December 2025", "24 September 2025", "28 August 2025", "3 July 2025"}) {
		t.Errorf("dates %q", got)
	}
	if got := attrs(doc.Find(".article-item time"), "datetime"); got[0] != "2025-12-04" {
		t.Errorf("datetime %q", got[0])
	}
	if n := doc.Find(".article-item .estimated").Length(); n != 1 {
		t.Errorf("estimated markers: %d, want 1", n)
	}
	if got := strings.TrimSpace(doc.Find(".page-head .meta").Text()); got != "5 articles stored, newest first." {
		t.Errorf("count line %q", got)
	}
	if doc.Find(".pager").Length() != 0 {
		t.Error("pager shown on a single page")
	}
	if got := strings.TrimSpace(doc.Find("title").Text()); got != "Articles · Parallax" {
		t.Errorf("title %q", got)
	}
	if got := doc.Find(`nav a[aria-current="page"]`).Text(); got != "Articles" {
		t.Errorf("current nav %q", got)
	}
}

func TestArticleListPagination(t *testing.T) {
	ts := newTestServer(t, Options{PageSize: 2}, fixtureArticles(t)...)
	tests := []struct {
		target     string
		wantTitles []string
		wantPrev   string
		wantNext   string
	}{
		{"/", []string{"Envoys meet again as ceasefire talks stall", "Vice president outlines framework for talks"}, "", "/?page=2"},
		{"/?page=2", []string{"Kremlin says phone call was 'businesslike'", "Summit ends without agreement"}, "/", "/?page=3"},
		{"/?page=3", []string{"A short rewrite of the week's diplomatic news, with no date and no title."}, "/?page=2", ""},
		{"/?page=9", nil, "/?page=8", ""},
		{"/?outlet=State+Agency", []string{"Kremlin says phone call was 'businesslike'"}, "", ""},
		{"/?outlet=Kyiv%20Ledger", []string{"Envoys meet again as ceasefire talks stall"}, "", ""},
		{"/?outlet=Nobody", nil, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.target, func(t *testing.T) {
			doc := ts.getHTML(t, tc.target, http.StatusOK)
			if got := texts(doc.Find(".article-item h2 a")); !slices.Equal(got, tc.wantTitles) {
				t.Errorf("titles:\n got %q\nwant %q", got, tc.wantTitles)
			}
			prev, _ := doc.Find(`.pager a[rel="prev"]`).Attr("href")
			next, _ := doc.Find(`.pager a[rel="next"]`).Attr("href")
			if prev != tc.wantPrev || next != tc.wantNext {
				t.Errorf("pager prev=%q next=%q, want %q %q", prev, next, tc.wantPrev, tc.wantNext)
			}
			if tc.wantTitles == nil && doc.Find(".empty").Length() != 1 {
				t.Error("no empty-list message")
			}
		})
	}
	// The outlet filter and paging reach the store.
	last := ts.store.queries[len(ts.store.queries)-1]
	if last.Outlet != "Nobody" || last.Limit != 3 || last.Offset != 0 {
		t.Errorf("last store query %+v", last)
	}
}

func TestArticleListBadInput(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	for _, target := range []string{"/?page=0", "/?page=-1", "/?page=abc", "/?page=99999999999", "/?outlet=" + strings.Repeat("x", 600)} {
		t.Run(target[:min(len(target), 20)], func(t *testing.T) {
			doc := ts.getHTML(t, target, http.StatusBadRequest)
			if got := doc.Find(".error h1").Text(); got != "Bad request" {
				t.Errorf("heading %q", got)
			}
		})
	}
}

func TestArticleShow(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	tests := []struct {
		id         string
		title      string
		byline     []string // substrings of the byline
		paragraphs int
		removed    int // -1: no <details>
		link       string
		urlText    string
	}{
		{
			id: "a1b2c3d4e5f60001", title: "Envoys meet again as ceasefire talks stall",
			byline:     []string{"Kyiv Ledger", "4 December 2025", "English"},
			paragraphs: 3, removed: 2,
			link: "https://kyivledger.example/news/envoys-meet-again", urlText: "https://kyivledger.example/news/envoys-meet-again",
		},
		{
			id: "a1b2c3d4e5f60002", title: "Kremlin says phone call was 'businesslike'",
			byline:     []string{"State Agency via Daily Digest", "28 August 2025", "estimated"},
			paragraphs: 2, removed: 3,
			link: "https://digest.example/world/123", urlText: "https://digest.example/world/123",
		},
		{
			id: "a1b2c3d4e5f60004", title: "Summit ends without agreement",
			byline:     []string{"Wire Service", "3 July 2025"},
			paragraphs: 1, removed: -1,
			link: "", urlText: "ftp://wire.example/summit",
		},
		{
			id: "a1b2c3d4e5f60005", title: "A short rewrite of the week's diplomatic news, with no date and no title.",
			byline:     []string{"Unattributed Blog", "date unknown"},
			paragraphs: 1, removed: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			doc := ts.getHTML(t, "/articles/"+tc.id, http.StatusOK)
			art := doc.Find("article.article")
			if got := strings.TrimSpace(art.Find("h1").Text()); got != tc.title {
				t.Errorf("h1 %q, want %q", got, tc.title)
			}
			byline := strings.Join(strings.Fields(art.Find(".byline").Text()), " ")
			for _, want := range tc.byline {
				if !strings.Contains(byline, want) {
					t.Errorf("byline %q lacks %q", byline, want)
				}
			}
			if n := art.Find(".body p").Length(); n != tc.paragraphs {
				t.Errorf("%d paragraphs, want %d", n, tc.paragraphs)
			}
			details := art.Find("details.removed")
			switch {
			case tc.removed < 0 && details.Length() != 0:
				t.Error("details shown for an article with nothing removed")
			case tc.removed >= 0:
				want := "Removed by cleaning (" + itoa(tc.removed) + ")"
				if got := strings.TrimSpace(details.Find("summary").Text()); got != want {
					t.Errorf("summary %q, want %q", got, want)
				}
				if n := details.Find("li").Length(); n != tc.removed {
					t.Errorf("%d removed items, want %d", n, tc.removed)
				}
				if _, open := details.Attr("open"); open {
					t.Error("removed debris is not collapsed")
				}
			}
			link := art.Find("a.source-url")
			href, _ := link.Attr("href")
			if href != tc.link {
				t.Errorf("source link href %q, want %q", href, tc.link)
			}
			if got := strings.TrimSpace(art.Find(".source-url").Text()); got != tc.urlText {
				t.Errorf("source URL text %q, want %q", got, tc.urlText)
			}
		})
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestArticleShowGolden(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	rec := ts.get(t, "/articles/a1b2c3d4e5f60002")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	golden := filepath.Join("testdata", "article_show.golden.html")
	if *update {
		if err := os.WriteFile(golden, rec.Body.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden (run with -update to create): %v", err)
	}
	// Asset versions change with every stylesheet edit; the page must not.
	if got := assetVersion.ReplaceAllString(rec.Body.String(), "?v=VERSION"); got != assetVersion.ReplaceAllString(string(want), "?v=VERSION") {
		t.Errorf("article page differs from %s (run go test -run Golden -update after checking the change):\n%s", golden, got)
	}
}

func TestSearchPage(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	tests := []struct {
		q         string
		wantIDs   []string
		wantMarks []string
		wantCount string
	}{
		{"Ushakov", []string{"a1b2c3d4e5f60002", "a1b2c3d4e5f60001"}, []string{"Ushakov", "Ushakov", "Ushakov"}, "2 results for “Ushakov”."},
		{"ushakov phone", []string{"a1b2c3d4e5f60002"}, nil, "1 result for “ushakov phone”."},
		{`"without an agreement"`, []string{"a1b2c3d4e5f60004"}, []string{"without an agreement"}, "1 result for “\"without an agreement\"”."},
		{"zzzz", nil, nil, "No results for “zzzz”."},
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			doc := ts.getHTML(t, "/search?q="+urlQuery(tc.q), http.StatusOK)
			var ids []string
			for _, href := range attrs(doc.Find(".hit h2 a"), "href") {
				ids = append(ids, strings.TrimPrefix(href, "/articles/"))
			}
			if !slices.Equal(ids, tc.wantIDs) {
				t.Errorf("hits %q, want %q", ids, tc.wantIDs)
			}
			if tc.wantMarks != nil {
				if got := texts(doc.Find(".hit .snippet mark")); !slices.Equal(got, tc.wantMarks) {
					t.Errorf("marks %q, want %q", got, tc.wantMarks)
				}
			}
			if got := strings.Join(strings.Fields(doc.Find(".result-count").Text()), " "); got != tc.wantCount {
				t.Errorf("count line %q, want %q", got, tc.wantCount)
			}
			if got, _ := doc.Find("form.search-page input[name=q]").Attr("value"); got != tc.q {
				t.Errorf("search box keeps %q, want %q", got, tc.q)
			}
			// The header keeps its search box on every page (issue 15: hiding
			// it on /search made the header jump).
			if n := doc.Find("header form.search-box").Length(); n != 1 {
				t.Errorf("search page has %d header search boxes, want 1", n)
			}
		})
	}
	t.Run("empty", func(t *testing.T) {
		doc := ts.getHTML(t, "/search", http.StatusOK)
		if doc.Find(".hit").Length() != 0 || doc.Find(".result-count").Length() != 0 {
			t.Error("empty query shows results")
		}
		if doc.Find("form.search-page input[name=q]").Length() != 1 {
			t.Error("no search form")
		}
	})
	t.Run("too long", func(t *testing.T) {
		ts.getHTML(t, "/search?q="+strings.Repeat("a", 501), http.StatusBadRequest)
	})
}

func urlQuery(s string) string {
	r := strings.NewReplacer(" ", "+", `"`, "%22", "&", "%26", "#", "%23", "%", "%25", "+", "%2B")
	return r.Replace(s)
}

func TestMarkSnippet(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"aide [Yuri] [Ushakov] said", "aide <mark>Yuri</mark> <mark>Ushakov</mark> said"},
		{"[<script>alert(1)</script>]", "<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>"},
		{"a ] b", "a ] b"},
		{"open [end", "open <mark>end</mark>"},
		{"[[nested]]", "<mark>[nested</mark>]"},
		{`"q" & 'a'`, "&#34;q&#34; &amp; &#39;a&#39;"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := string(markSnippet(tc.in)); got != tc.want {
				t.Errorf("markSnippet(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestHTTPURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/a?b=c", "https://example.com/a?b=c"},
		{"http://example.com", "http://example.com"},
		{"  https://example.com/x  ", "https://example.com/x"},
		{"HTTPS://example.com/", "https://example.com/"},
		{"javascript:alert(1)", ""},
		{"JavaScript:alert(1)", ""},
		{" javascript:alert(1)", ""},
		{"java\nscript:alert(1)", ""},
		{"data:text/html,<script>alert(1)</script>", ""},
		{"ftp://example.com/f", ""},
		{"//example.com/x", ""},
		{"/relative", ""},
		{"https://user:pw@example.com/", ""},
		{"https:///nohost", ""},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := httpURL(tc.in); got != tc.want {
				t.Errorf("httpURL(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short text", 20, "short text"},
		{"one two three four five", 12, "one two…"},
		{"line\n\nbreaks   collapse", 40, "line breaks collapse"},
		{"Переговоры продолжатся на следующей неделе", 20, "Переговоры…"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := excerpt(tc.in, tc.n); got != tc.want {
				t.Errorf("excerpt(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
			}
		})
	}
}

func TestNotFound(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	for _, target := range []string{"/nope", "/articles/0000000000000000", "/articles/bad%20id", "/articles/", "/static/", "/static/missing.css"} {
		t.Run(target, func(t *testing.T) {
			rec := ts.get(t, target)
			if rec.Code != http.StatusNotFound {
				t.Fatalf("status %d, want 404", rec.Code)
			}
		})
	}
	doc := ts.getHTML(t, "/articles/0000000000000000", http.StatusNotFound)
	if got := doc.Find(".error h1").Text(); got != "Not found" {
		t.Errorf("404 heading %q", got)
	}
	if !strings.Contains(ts.logs.String(), "not found") || !strings.Contains(ts.logs.String(), "path=/articles/0000000000000000") {
		t.Errorf("404 not logged; logs:\n%s", ts.logs)
	}
}

func TestServerError(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	ts.store.err = errors.New("disk on fire")
	for _, target := range []string{"/", "/articles/a1b2c3d4e5f60001", "/search?q=x"} {
		t.Run(target, func(t *testing.T) {
			doc := ts.getHTML(t, target, http.StatusInternalServerError)
			if strings.Contains(doc.Text(), "disk on fire") {
				t.Error("500 page leaks the internal error")
			}
		})
	}
	for _, target := range []string{"/api/articles", "/api/articles/a1b2c3d4e5f60001", "/api/search?q=x"} {
		t.Run(target, func(t *testing.T) {
			rec := ts.get(t, target)
			if rec.Code != http.StatusInternalServerError {
				t.Fatalf("status %d", rec.Code)
			}
			var e apiError
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error != "internal error" {
				t.Errorf("body %s (%v)", rec.Body, err)
			}
		})
	}
	if got := strings.Count(ts.logs.String(), "disk on fire"); got != 6 {
		t.Errorf("logged the store error %d times, want 6; logs:\n%s", got, ts.logs)
	}
	if rec := ts.get(t, "/healthz"); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("healthz with a broken store: %d", rec.Code)
	}
}

func TestSecurityHeaders(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	for _, target := range []string{"/", "/articles/a1b2c3d4e5f60001", "/search?q=a", "/nope", "/api/articles", "/api/nope", "/static/style.css", "/healthz"} {
		t.Run(target, func(t *testing.T) {
			h := ts.get(t, target).Header()
			csp := h.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("CSP %q lacks %q", csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
				t.Errorf("CSP allows inline code: %q", csp)
			}
			if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
			if got := h.Get("Referrer-Policy"); got == "" {
				t.Error("no Referrer-Policy")
			}
		})
	}
}

func TestStaticAndHealth(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	doc := ts.getHTML(t, "/", http.StatusOK)
	css, ok := doc.Find(`link[rel="stylesheet"]`).Attr("href")
	if !ok || !strings.HasPrefix(css, "/static/style.css?v=") {
		t.Fatalf("stylesheet href %q", css)
	}
	rec := ts.get(t, css)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/css") {
		t.Fatalf("GET %s: %d %q", css, rec.Code, rec.Header().Get("Content-Type"))
	}
	if !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
		t.Errorf("versioned asset Cache-Control %q", rec.Header().Get("Cache-Control"))
	}
	if !strings.Contains(rec.Body.String(), "font-family") {
		t.Error("stylesheet body looks wrong")
	}
	if rec := ts.get(t, "/favicon.ico"); rec.Code != http.StatusMovedPermanently || !strings.HasPrefix(rec.Header().Get("Location"), "/static/favicon.svg") {
		t.Errorf("favicon: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	rec = ts.get(t, "/healthz")
	if rec.Code != http.StatusOK || rec.Body.String() != "ok\n" {
		t.Errorf("healthz: %d %q", rec.Code, rec.Body)
	}
	// No page references anything outside the server.
	for _, target := range []string{"/", "/articles/a1b2c3d4e5f60001", "/search?q=Ushakov"} {
		doc := ts.getHTML(t, target, http.StatusOK)
		doc.Find("link[href], script[src], img[src], iframe, object, embed").Each(func(_ int, s *goquery.Selection) {
			ref := s.AttrOr("href", s.AttrOr("src", "?"))
			if !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "//") {
				t.Errorf("%s: resource %q is not local", target, ref)
			}
		})
		if n := doc.Find("script").Length(); n != 0 {
			t.Errorf("%s: %d script elements; the basics must work without JavaScript", target, n)
		}
	}
}

func TestMethodNotAllowed(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	tests := []struct {
		method, target string
		json           bool
	}{
		{http.MethodPost, "/api/articles", true},
		{http.MethodDelete, "/api/articles/a1b2c3d4e5f60001", true},
		{http.MethodPut, "/api/nothing", true},
		{http.MethodPost, "/articles/a1b2c3d4e5f60001", false},
		{http.MethodPost, "/", false},
		{http.MethodPost, "/search", false},
	}
	for _, tc := range tests {
		t.Run(tc.method+" "+tc.target, func(t *testing.T) {
			rec := httptest.NewRecorder()
			ts.srv.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.target, strings.NewReader("x")))
			if rec.Code != http.StatusMethodNotAllowed {
				t.Errorf("status %d, want 405", rec.Code)
			}
			if got := rec.Header().Get("Allow"); !strings.Contains(got, "GET") {
				t.Errorf("Allow %q", got)
			}
			wantCT := "text/html; charset=utf-8"
			if tc.json {
				wantCT = "application/json; charset=utf-8"
			}
			if got := rec.Header().Get("Content-Type"); got != wantCT {
				t.Errorf("Content-Type %q, want %q", got, wantCT)
			}
		})
	}
	// HEAD works wherever GET does.
	rec := httptest.NewRecorder()
	ts.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/articles/a1b2c3d4e5f60001", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("HEAD article: %d", rec.Code)
	}
}

func TestDateFilter(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	tests := []struct {
		query string
		want  []string
	}{
		{"since=2025-09-01", []string{"a1b2c3d4e5f60001", "a1b2c3d4e5f60003"}},
		{"until=2025-08-28", []string{"a1b2c3d4e5f60002", "a1b2c3d4e5f60004"}}, // a date-only until includes the day
		{"since=2025-08-01&until=2025-09-30", []string{"a1b2c3d4e5f60003", "a1b2c3d4e5f60002"}},
		{"since=2025-09-24T15:00:00Z&until=2025-12-04T09:30:00Z", []string{"a1b2c3d4e5f60003"}}, // times: until exclusive
		{"since=2025-08-01&outlet=Capital+Post", []string{"a1b2c3d4e5f60003"}},
		{"since=2030-01-01", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			got := decodeJSON[apiListBody[news.Article]](t, ts, "/api/articles?"+tc.query, http.StatusOK).Items
			if !slices.Equal(ids(got), tc.want) {
				t.Errorf("API ids %q, want %q", ids(got), tc.want)
			}
			doc := ts.getHTML(t, "/?"+tc.query, http.StatusOK)
			var pageIDs []string
			for _, href := range attrs(doc.Find(".article-item h2 a"), "href") {
				pageIDs = append(pageIDs, strings.TrimPrefix(href, "/articles/"))
			}
			if !slices.Equal(pageIDs, tc.want) && !(len(pageIDs) == 0 && len(tc.want) == 0) {
				t.Errorf("page ids %q, want %q", pageIDs, tc.want)
			}
			if !strings.Contains(doc.Find(".page-head .meta").Text(), "Filtered") {
				t.Error("filtered list not marked as filtered")
			}
		})
	}
	// The form keeps the filter, and the pager carries it.
	ts2 := newTestServer(t, Options{PageSize: 1}, fixtureArticles(t)...)
	doc := ts2.getHTML(t, "/?since=2025-08-01&until=2025-12-31", http.StatusOK)
	if v, _ := doc.Find("input#since").Attr("value"); v != "2025-08-01" {
		t.Errorf("since input %q", v)
	}
	if next, _ := doc.Find(`.pager a[rel="next"]`).Attr("href"); next != "/?page=2&since=2025-08-01&until=2025-12-31" {
		t.Errorf("next page %q", next)
	}
	for _, q := range []string{"since=yesterday", "until=2025-13-01", "since=2025-09-01&until=2025-08-01", "since=2025-09-01&until=2025-08-31"} {
		t.Run("bad "+q, func(t *testing.T) {
			e := decodeJSON[apiError](t, ts, "/api/articles?"+q, http.StatusBadRequest)
			if !strings.Contains(e.Error, "since") && !strings.Contains(e.Error, "until") {
				t.Errorf("error %q names no parameter", e.Error)
			}
			ts.getHTML(t, "/?"+q, http.StatusBadRequest)
		})
	}
}

func TestArticleCredit(t *testing.T) {
	tests := []struct {
		name string
		a    news.Article
		want credit
	}{
		{"own article", news.Article{Outlet: "Kyiv Ledger"}, credit{Lead: "Kyiv Ledger"}},
		{"aggregated", news.Article{Outlet: "Digest", OriginOutlet: "Agency", Republisher: "Digest"}, credit{Lead: "Agency", Via: "Digest"}},
		{"origin only", news.Article{Outlet: "Digest", OriginOutlet: "Agency"}, credit{Lead: "Agency", Via: "Digest"}},
		{"origin is outlet", news.Article{Outlet: "Agency", OriginOutlet: "Agency"}, credit{Lead: "Agency"}},
		{"republisher differs from both", news.Article{Outlet: "Feed mirror", OriginOutlet: "Agency", Republisher: "Digest"}, credit{Lead: "Agency", Via: "Digest"}},
		{"unknown", news.Article{}, credit{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := articleCredit(tc.a); got != tc.want {
				t.Errorf("articleCredit = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestLangTag(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "en"}, {"pt-BR", "pt-BR"}, {"", ""}, {"e", ""},
		{`en"><script>`, ""}, {"en us", ""}, {strings.Repeat("a", 13), ""},
	}
	for _, tc := range tests {
		if got := langTag(tc.in); got != tc.want {
			t.Errorf("langTag(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRequestLog(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	ts.get(t, "/articles/a1b2c3d4e5f60001")
	ts.get(t, "/nope")
	logs := ts.logs.String()
	for _, want := range []string{
		`msg="http request" method=GET path=/articles/a1b2c3d4e5f60001 status=200`,
		`msg="http request" method=GET path=/nope status=404`,
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("request log lacks %q:\n%s", want, logs)
		}
	}
}

func TestUnknownOutlet(t *testing.T) {
	ts := newTestServer(t, Options{}, news.Article{ID: "abc", Title: "No outlet", Text: "Text."})
	doc := ts.getHTML(t, "/articles/abc", http.StatusOK)
	if n := doc.Find(`a.outlet`).Length(); n != 0 {
		t.Error("unknown outlet rendered as a filter link")
	}
	if got := doc.Find(".outlet.unknown").Text(); got != "Unknown outlet" {
		t.Errorf("unknown outlet shown as %q", got)
	}
}
