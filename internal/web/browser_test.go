package web

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/browsertest"
)

// TestBrowserUI serves the fixture articles to a real headless Chromium:
// the list page loads, an article opens from its link, the search form finds
// the two articles that name Ushakov, the phone layout does not overflow,
// and no page asks any other host for anything.
func TestBrowserUI(t *testing.T) {
	arts := fixtureArticles(t)
	srv := httptest.NewServer(New(newFakeStore(arts...), Options{}))
	defer srv.Close()
	b := browsertest.New(t)

	// List page.
	if st := b.Navigate(srv.URL + "/"); st != http.StatusOK {
		t.Fatalf("GET /: status %d", st)
	}
	if got := b.Title(); got != "Articles · Parallax" {
		t.Errorf("title %q", got)
	}
	if got := b.Count(".article-item"); got != len(arts) {
		t.Errorf("%d articles listed, want %d", got, len(arts))
	}
	titles := b.Texts(".article-item h2")
	if len(titles) == 0 || titles[0] != "Envoys meet again as ceasefire talks stall" {
		t.Fatalf("list titles %q", titles)
	}
	// The stylesheet applied: the body is set in a serif face.
	var font string
	b.Eval(`getComputedStyle(document.body).fontFamily`, &font)
	if !strings.Contains(font, "serif") {
		t.Errorf("body font %q: stylesheet not applied", font)
	}
	b.Screenshot("list")

	// Article page, reached by clicking its link.
	if st := b.Click(".article-item h2 a"); st != http.StatusOK {
		t.Fatalf("click first article: status %d", st)
	}
	if !strings.HasSuffix(b.URL(), "/articles/a1b2c3d4e5f60001") {
		t.Errorf("click opened %s", b.URL())
	}
	if got := b.Text("article h1"); got != "Envoys meet again as ceasefire talks stall" {
		t.Errorf("article h1 %q", got)
	}
	if got := b.Count("article .body p"); got != 3 {
		t.Errorf("%d paragraphs, want 3", got)
	}
	if got := b.Text("details.removed summary"); got != "Removed by cleaning (2)" {
		t.Errorf("details summary %q", got)
	}
	if got := b.Count("details.removed[open]"); got != 0 {
		t.Error("removed debris is not collapsed")
	}
	if links := b.Links("a.source-url"); len(links) != 1 || links[0].Href != "https://kyivledger.example/news/envoys-meet-again" {
		t.Errorf("source link %+v", links)
	}
	b.Screenshot("article")

	// Search from the header form.
	b.Fill("header input[name=q]", "Ushakov")
	if st := b.Submit("header input[name=q]"); st != http.StatusOK {
		t.Fatalf("search: status %d", st)
	}
	hits := b.Texts(".hit h2")
	want := []string{"Kremlin says phone call was 'businesslike'", "Envoys meet again as ceasefire talks stall"}
	if !slices.Equal(hits, want) {
		t.Errorf("search Ushakov: hits %q, want %q", hits, want)
	}
	if marks := b.Texts(".hit mark"); len(marks) < 2 || marks[0] != "Ushakov" {
		t.Errorf("highlighted %q", marks)
	}
	if got := b.Text(".result-count"); got != "2 results for “Ushakov”." {
		t.Errorf("result count %q", got)
	}
	b.Screenshot("search")

	// Outlet filter from a badge.
	if st := b.Click(`.hit .outlet`); st != http.StatusOK {
		t.Fatalf("outlet badge: status %d", st)
	}
	if got := b.Texts(".article-item h2"); !slices.Equal(got, []string{"Kremlin says phone call was 'businesslike'"}) {
		t.Errorf("outlet filter shows %q", got)
	}

	// The filter form: outlet and a date range.
	b.Navigate(srv.URL + "/")
	b.Fill("#outlet", "Wire Service")
	// A date input's typed form follows the locale; set its value directly.
	b.Eval(`document.querySelector("#since").value = "2025-07-01"`, new(any))
	if st := b.Submit("#outlet"); st != http.StatusOK {
		t.Fatalf("filter: status %d", st)
	}
	if got := b.Texts(".article-item h2"); !slices.Equal(got, []string{"Summit ends without agreement"}) {
		t.Errorf("filter shows %q on %s", got, b.URL())
	}
	if u := b.URL(); !strings.Contains(u, "outlet=Wire+Service") || !strings.Contains(u, "since=2025-07-01") {
		t.Errorf("filter form sent %s", u)
	}

	// Phone layout: readable without sideways scrolling.
	b.SetViewport(390, 844)
	b.Navigate(srv.URL + "/articles/a1b2c3d4e5f60002")
	var overflow bool
	b.Eval(`document.documentElement.scrollWidth > window.innerWidth + 1`, &overflow)
	if overflow {
		t.Error("article page scrolls sideways at phone width")
	}
	b.Screenshot("article-phone")
	b.Navigate(srv.URL + "/")
	b.Screenshot("list-phone")

	// A missing article shows the 404 page.
	if st := b.Navigate(srv.URL + "/articles/ffffffffffffffff"); st != http.StatusNotFound {
		t.Errorf("missing article: status %d", st)
	}

	// Nothing was requested from anywhere but the test server, and the
	// recorder did see the page's own stylesheet.
	if foreign := b.ForeignRequests(srv.URL); len(foreign) != 0 {
		t.Errorf("requests to other hosts: %+v", foreign)
	}
	sawCSS := slices.ContainsFunc(b.Requests(), func(r browsertest.Request) bool {
		return r.Type == "Stylesheet" && strings.Contains(r.URL, "/static/style.css")
	})
	if !sawCSS {
		t.Errorf("stylesheet request not recorded: %+v", b.Requests())
	}
	// The only console error allowed is the 404 page's own status.
	for _, e := range b.ConsoleErrors() {
		if !strings.Contains(e, "404") {
			t.Errorf("console error: %s", e)
		}
	}
}

// TestBrowserXSS loads pages built from hostile articles in a real browser:
// nothing from the articles may run or load.
func TestBrowserXSS(t *testing.T) {
	arts := hostileArticles()
	arts[0].Text += "\n\n<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"
	srv := httptest.NewServer(New(newFakeStore(arts...), Options{}))
	defer srv.Close()
	b := browsertest.New(t)
	for _, path := range []string{"/", "/articles/badbadbadbad0001", "/articles/badbadbadbad0002", "/search?q=Ushakov"} {
		t.Run(path, func(t *testing.T) {
			if st := b.Navigate(srv.URL + path); st != http.StatusOK {
				t.Fatalf("status %d", st)
			}
			if got := b.Title(); strings.Contains(got, "pwned") {
				t.Errorf("article script ran: title %q", got)
			}
			if n := b.Count("script, img, svg, iframe, object, embed"); n != 0 {
				t.Errorf("%d active elements in the page", n)
			}
			for _, l := range b.Links("a") {
				if !strings.HasPrefix(l.Href, srv.URL) && !strings.HasPrefix(l.Href, "https://") && !strings.HasPrefix(l.Href, "http://") {
					t.Errorf("link %q goes to %q", l.Text, l.Href)
				}
			}
		})
	}
	b.Navigate(srv.URL + "/articles/badbadbadbad0001")
	b.Screenshot("hostile-article")
	assertBrowserClean(t, b, srv.URL)
}
