package cli

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/browsertest"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/web"
)

// TestBrowserSeeds is the foundation's acceptance test as a new user would
// try it: the five seed articles ingested, served, and read in a real
// headless Chromium. Screenshots go to $PARALLAX_SCREENSHOTS (or a temp
// folder named in the log).
func TestBrowserSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	seeds := sharedtest.Dir(t, "corpus", "seeds")
	path := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, "ingest", "--db", path, seeds)

	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv := httptest.NewServer(web.New(db, web.Options{}))
	defer srv.Close()

	b := browsertest.New(t)
	if code := b.Navigate(srv.URL + "/"); code != 200 {
		t.Fatalf("list page: HTTP %d", code)
	}
	if n := b.Count(".article-item"); n != 5 {
		t.Errorf("list page shows %d articles, want 5", n)
	}
	b.Screenshot("list")

	links := b.Links("a.article-link")
	if len(links) != 5 {
		t.Fatalf("list page has %d article links, want 5", len(links))
	}
	for _, l := range links {
		if !strings.HasPrefix(l.Href, srv.URL+"/articles/") {
			t.Errorf("article link %q leaves the site", l.Href)
		}
	}
	if code := b.Click("a.article-link"); code != 200 {
		t.Fatalf("article page: HTTP %d", code)
	}
	body := b.Text(".article .body")
	if len(body) < 500 {
		t.Errorf("article page body is %d characters, want the whole article", len(body))
	}
	b.Screenshot("article")

	if code := b.Navigate(srv.URL + "/search?q=Ushakov"); code != 200 {
		t.Fatalf("search page: HTTP %d", code)
	}
	if n := b.Count(".hit"); n != 2 {
		t.Errorf("search for Ushakov shows %d results, want 2", n)
	}
	b.Screenshot("search")

	// Every article page loads, and shows the debris cleaning removed.
	removed := 0
	for _, l := range links {
		if code := b.Navigate(l.Href); code != 200 {
			t.Errorf("%s: HTTP %d", l.Href, code)
			continue
		}
		if b.Count("details.removed li") > 0 {
			removed++
		}
	}
	if removed < 4 {
		t.Errorf("%d article pages list removed debris, want at least 4 of 5", removed)
	}
	if reqs := b.ForeignRequests(srv.URL); len(reqs) > 0 {
		t.Errorf("pages requested outside hosts: %v", reqs)
	}
	if errs := b.ConsoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
