package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/browsertest"
	"github.com/parallax-news/parallax/internal/store"
)

// TestBrowserStories walks the analysed seeds in headless Chromium, by
// clicking links only: story list → story → article → entity → storyline →
// a story from the timeline. On the way it checks that a story's outlets
// sit side by side on a wide screen and stack on a phone, that no page
// scrolls sideways at phone width, that nothing is requested from another
// host and that no page logs an error. Every screenshot must show content.
func TestBrowserStories(t *testing.T) {
	db := seededDB(t)
	ctx := context.Background()
	srv := httptest.NewServer(New(db, Options{}))
	defer srv.Close()
	stories, err := db.Stories(ctx, store.StoryQuery{Limit: 100})
	if err != nil || len(stories) == 0 {
		t.Fatalf("stories: %v", err)
	}
	// The story with the most articles shows the outlet columns best.
	big := stories[0]
	for _, s := range stories {
		if len(s.ArticleIDs) > len(big.ArticleIDs) {
			big = s
		}
	}
	b := browsertest.New(t)
	var shots []string

	// Story list, reached from the nav.
	if st := b.Navigate(srv.URL + "/"); st != http.StatusOK {
		t.Fatalf("GET /: status %d", st)
	}
	if st := b.Click(`nav a[href="/stories"]`); st != http.StatusOK {
		t.Fatalf("nav to stories: status %d", st)
	}
	if got := b.Title(); got != "Stories · Parallax" {
		t.Errorf("title %q", got)
	}
	if got := b.Count(".story-item"); got != len(stories) {
		t.Errorf("%d stories listed, the store has %d", got, len(stories))
	}
	shots = append(shots, b.Screenshot("stories"))

	// Story page: outlets side by side on a wide screen.
	if st := b.Click(`.story-item h2 a[href="/stories/` + big.ID + `"]`); st != http.StatusOK {
		t.Fatalf("open story: status %d", st)
	}
	if !strings.HasSuffix(b.URL(), "/stories/"+big.ID) {
		t.Errorf("story link opened %s", b.URL())
	}
	if got := b.Text("h1"); got == "" {
		t.Error("story page has no heading")
	}
	groups := b.Count(".outlet-group")
	if groups == 0 {
		t.Fatal("story page shows no outlet group")
	}
	var sameRow bool
	if groups > 1 {
		b.Eval(`(() => { const g = document.querySelectorAll(".outlet-group"); return g[0].getBoundingClientRect().top === g[1].getBoundingClientRect().top })()`, &sameRow)
		if !sameRow {
			t.Error("outlet groups are not side by side on a wide screen")
		}
	}
	shots = append(shots, b.Screenshot("story"))

	// Article page from the story, back-linked to its story.
	if st := b.Click(".outlet-columns a.article-link"); st != http.StatusOK {
		t.Fatalf("open article: status %d", st)
	}
	if links := b.Links(".in-story a.story-link"); len(links) != 1 || links[0].Href != srv.URL+"/stories/"+big.ID {
		t.Errorf("article's story link %+v", links)
	}
	if b.Count(".article-entities a.entity-link") == 0 {
		t.Fatal("article page names no entity")
	}
	shots = append(shots, b.Screenshot("article"))

	// Entity page from the article.
	name := b.Text(".article-entities a.entity-link")
	if st := b.Click(".article-entities a.entity-link"); st != http.StatusOK {
		t.Fatalf("open entity: status %d", st)
	}
	if got := b.Text("h1"); got != name {
		t.Errorf("entity page h1 %q, link said %q", got, name)
	}
	if b.Count(".mention-item") == 0 {
		t.Errorf("entity %s: no mentions listed", name)
	}
	shots = append(shots, b.Screenshot("entity"))

	// Storyline from the entity's stories, then a story from its timeline.
	if st := b.Click(".entity-stories a.storyline-link"); st != http.StatusOK {
		t.Fatalf("open storyline: status %d", st)
	}
	if !strings.Contains(b.URL(), "/storylines/") {
		t.Errorf("storyline link opened %s", b.URL())
	}
	marks := b.Count("svg a.mark")
	if marks == 0 || marks != b.Count(".storyline-stories .story-item") {
		t.Errorf("%d timeline marks for %d stories", marks, b.Count(".storyline-stories .story-item"))
	}
	shots = append(shots, b.Screenshot("storyline"))
	if st := b.Click("svg a.mark circle"); st != http.StatusOK {
		t.Fatalf("timeline mark: status %d", st)
	}
	if !strings.Contains(b.URL(), "/stories/") {
		t.Errorf("timeline mark opened %s", b.URL())
	}

	// Quotes and entities from the nav.
	if st := b.Click(`nav a[href="/quotes"]`); st != http.StatusOK {
		t.Fatalf("nav to quotes: status %d", st)
	}
	if b.Count(".quote-item") == 0 {
		t.Error("no quotes listed")
	}
	shots = append(shots, b.Screenshot("quotes"))
	if st := b.Click(`nav a[href="/entities"]`); st != http.StatusOK {
		t.Fatalf("nav to entities: status %d", st)
	}
	shots = append(shots, b.Screenshot("entities"))

	// Phone: outlet groups stack, and no page scrolls sideways.
	b.SetViewport(390, 844)
	assertNoSideScroll(t, b, srv.URL, []string{"/stories", "/stories/" + big.ID, "/storylines", "/storylines/" + big.StorylineID, "/entities", "/quotes", "/articles/" + big.ArticleIDs[0]})
	b.Navigate(srv.URL + "/stories/" + big.ID)
	if groups > 1 {
		b.Eval(`(() => { const g = document.querySelectorAll(".outlet-group"); return g[1].getBoundingClientRect().top >= g[0].getBoundingClientRect().bottom })()`, &sameRow)
		if !sameRow {
			t.Error("outlet groups do not stack on a phone")
		}
	}
	shots = append(shots, b.Screenshot("story-phone"))
	b.Navigate(srv.URL + "/storylines/" + big.StorylineID)
	shots = append(shots, b.Screenshot("storyline-phone"))

	assertScreenshots(t, shots)
	assertBrowserClean(t, b, srv.URL)
}

// TestBrowserAnalysisXSS loads the analysis pages built from hostile
// stories, quotes and entities in a real browser: nothing from them may
// run or load, and the only SVG is the storyline's own timeline.
func TestBrowserAnalysisXSS(t *testing.T) {
	f := hostileAnalysis()
	f.stories[1].Title = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`
	f.entities[0].Name = f.stories[1].Title
	srv := httptest.NewServer(New(f, Options{}))
	defer srv.Close()
	b := browsertest.New(t)
	for _, path := range []string{"/stories", "/stories/s2", "/storylines/l1", "/entities", "/entities/e1", "/quotes", "/articles/a1"} {
		t.Run(path, func(t *testing.T) {
			if st := b.Navigate(srv.URL + path); st != http.StatusOK {
				t.Fatalf("status %d", st)
			}
			// The hostile text shows in the title as text; a script that ran
			// would have replaced the whole title.
			if got := b.Title(); !strings.HasSuffix(got, " · Parallax") {
				t.Errorf("hostile script ran: title %q", got)
			}
			if n := b.Count("script, img, iframe, object, embed"); n != 0 {
				t.Errorf("%d active elements in the page", n)
			}
			if n := b.Count("svg") - b.Count("figure.timeline svg") - b.Count(".coverage-bar svg.cov-svg"); n != 0 {
				t.Errorf("%d svg elements outside the timeline", n)
			}
			for _, l := range b.Links("a:not(svg a)") {
				if !strings.HasPrefix(l.Href, srv.URL) {
					t.Errorf("link %q goes to %q", l.Text, l.Href)
				}
			}
			var svgLinks []string
			b.Eval(`[...document.querySelectorAll("svg a")].map(a => a.href.baseVal)`, &svgLinks)
			for _, h := range svgLinks {
				if !strings.HasPrefix(h, "/stories/") {
					t.Errorf("timeline link goes to %q", h)
				}
			}
		})
	}
	b.Navigate(srv.URL + "/stories/s2")
	b.Screenshot("hostile-story")
	assertBrowserClean(t, b, srv.URL)
}
