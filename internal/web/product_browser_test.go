package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/browsertest"
	"github.com/parallax-news/parallax/internal/store"
)

// box is an element's layout rectangle in CSS pixels.
type box struct{ Left, Top, Width, Height float64 }

func boxOf(t *testing.T, b *browsertest.Browser, selector string) box {
	t.Helper()
	var r box
	b.Eval(fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return {Left:-1,Top:-1,Width:-1,Height:-1};
		const r = e.getBoundingClientRect(); return {Left:r.left, Top:r.top, Width:r.width, Height:r.height}; })()`, selector), &r)
	if r.Width < 0 {
		t.Fatalf("no element %s", selector)
	}
	return r
}

// TestBrowserSearchAndFeedsLayout opens /search and /feeds at a desktop, a
// tablet and a phone width: the query box takes the row beside its button
// and the filters sit below; the header search shows; the feed address
// box is wide enough for its placeholder and the hint does not break
// inside a command.
func TestBrowserSearchAndFeedsLayout(t *testing.T) {
	srv := httptest.NewServer(New(newFakeStore(fixtureArticles(t)...), Options{Feeds: feedFixtures()}))
	defer srv.Close()
	empty := httptest.NewServer(New(newFakeStore(), Options{Feeds: &fakeFeeds{}}))
	defer empty.Close()
	b := browsertest.New(t)
	var shots []string
	for _, vp := range []struct {
		name string
		w, h int
	}{{"desktop", 1280, 900}, {"tablet", 800, 1000}, {"phone", 390, 844}} {
		b.SetViewport(vp.w, vp.h)
		if st := b.Navigate(srv.URL + "/search?q=Ushakov"); st != http.StatusOK {
			t.Fatalf("search: %d", st)
		}
		in, btn, filters := boxOf(t, b, "#search-q"), boxOf(t, b, ".search-page > button"), boxOf(t, b, ".search-page .search-filters")
		if in.Width < 3*btn.Width || in.Width < 180 {
			t.Errorf("%s: query box %.0f px wide beside a %.0f px button", vp.name, in.Width, btn.Width)
		}
		if btn.Height > 2*in.Height {
			t.Errorf("%s: button %.0f px tall beside a %.0f px box", vp.name, btn.Height, in.Height)
		}
		if filters.Top < in.Top+in.Height {
			t.Errorf("%s: filters on the query's row (top %.0f < %.0f)", vp.name, filters.Top, in.Top+in.Height)
		}
		if b.Count("header .search-box input") != 1 {
			t.Errorf("%s: no header search on /search", vp.name)
		}
		shots = append(shots, b.Screenshot("search-"+vp.name))

		if st := b.Navigate(srv.URL + "/feeds"); st != http.StatusOK {
			t.Fatalf("feeds: %d", st)
		}
		var fits bool
		b.Eval(`(() => { const e = document.querySelector('#feed-url'); const c = document.createElement('canvas').getContext('2d');
			const s = getComputedStyle(e); c.font = s.fontSize + ' ' + s.fontFamily;
			return c.measureText(e.placeholder).width <= e.clientWidth; })()`, &fits)
		if !fits && vp.name != "phone" {
			t.Errorf("%s: the feed address placeholder is cut (box %.0f px)", vp.name, boxOf(t, b, "#feed-url").Width)
		}
		shots = append(shots, b.Screenshot("feeds-"+vp.name))

		if st := b.Navigate(empty.URL + "/feeds"); st != http.StatusOK {
			t.Fatalf("empty feeds: %d", st)
		}
		var lines []int
		b.Eval(`[...document.querySelectorAll('.empty code')].map(e => e.getClientRects().length)`, &lines)
		for i, n := range lines {
			if n != 1 {
				t.Errorf("%s: hint command %d breaks over %d lines", vp.name, i, n)
			}
		}
		shots = append(shots, b.Screenshot("feeds-empty-"+vp.name))
	}
	assertScreenshots(t, shots)
	if foreign := b.ForeignRequests(srv.URL, empty.URL); len(foreign) != 0 {
		t.Errorf("requests to other hosts: %+v", foreign)
	}
	if errs := b.ConsoleErrors(); len(errs) != 0 {
		t.Errorf("console errors: %q", errs)
	}
}

// TestBrowserCoverageAndFeedLink shows the analysed seeds: each story on
// the stories list and the story page has its coverage bar with a text
// equivalent, and the storyline page offers its Atom feed.
func TestBrowserCoverageAndFeedLink(t *testing.T) {
	db := seededDB(t)
	srv := httptest.NewServer(New(db, Options{}))
	defer srv.Close()
	stories, err := db.Stories(context.Background(), store.StoryQuery{Limit: 100})
	if err != nil || len(stories) == 0 {
		t.Fatalf("stories: %v", err)
	}
	b := browsertest.New(t)
	b.SetViewport(1280, 900)
	var shots []string
	if st := b.Navigate(srv.URL + "/stories"); st != http.StatusOK {
		t.Fatalf("stories: %d", st)
	}
	// Every story with known outlets has its bar.
	if got, want := b.Count(".story-item .coverage-bar"), b.Count(".story-item .outlets"); got != want || got == 0 {
		t.Errorf("%d coverage bars for %d stories", got, want)
	}
	for _, txt := range b.Texts(".story-item .coverage-text") {
		if !strings.Contains(txt, "outlet") || !strings.Contains(txt, "countries:") {
			t.Errorf("coverage text %q", txt)
		}
	}
	if w := boxOf(t, b, ".story-item .cov-svg").Width; w < 60 {
		t.Errorf("coverage bar %.0f px wide", w)
	}
	shots = append(shots, b.Screenshot("stories-coverage"))

	st := stories[0]
	for _, s := range stories {
		if len(s.Outlets) > len(st.Outlets) {
			st = s
		}
	}
	if code := b.Navigate(srv.URL + "/stories/" + st.ID); code != http.StatusOK {
		t.Fatalf("story: %d", code)
	}
	if b.Count("header .coverage-bar rect") == 0 {
		t.Error("story page without a coverage bar")
	}
	shots = append(shots, b.Screenshot("story-coverage"))

	if code := b.Navigate(srv.URL + "/storylines/" + st.StorylineID); code != http.StatusOK {
		t.Fatalf("storyline: %d", code)
	}
	if b.Count(`head link[rel="alternate"][type="application/atom+xml"]`) != 1 || b.Count("a.feed-link") != 1 {
		t.Error("storyline page does not offer its feed")
	}
	shots = append(shots, b.Screenshot("storyline-feed-link"))
	b.SetViewport(390, 844)
	assertNoSideScroll(t, b, srv.URL, []string{"/stories", "/stories/" + st.ID, "/search?q=Putin"})
	shots = append(shots, b.Screenshot("storyline-phone"))
	assertScreenshots(t, shots)
	assertBrowserClean(t, b, srv.URL)
}
