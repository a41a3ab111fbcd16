package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"github.com/parallax-news/parallax/internal/store"
)

// TestStorylineAtomFeed reads the storyline feed of the analysed seeds with
// a feed reader's parser: one entry per story, each linking to its page,
// plus entries for later outlet kinds, newest first.
func TestStorylineAtomFeed(t *testing.T) {
	db := seededDB(t)
	srv := New(db, Options{})
	ctx := context.Background()
	stories, err := db.Stories(ctx, store.StoryQuery{Limit: 100})
	if err != nil || len(stories) == 0 {
		t.Fatalf("stories: %v", err)
	}
	line := stories[0].StorylineID
	inLine := map[string]bool{}
	for _, st := range stories {
		if st.StorylineID == line {
			inLine["http://example.com/stories/"+st.ID] = true
		}
	}

	page := fetchDoc(t, srv, "/storylines/"+line)
	href, _ := page.Find(`head link[rel=alternate][type="application/atom+xml"]`).Attr("href")
	if href != "/storylines/"+line+"/feed.atom" {
		t.Fatalf("storyline page feed link %q", href)
	}
	if page.Find("a.feed-link").Length() != 1 {
		t.Error("no visible feed link on the storyline page")
	}

	rec := fetch(t, srv, href)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("feed: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	feed, err := gofeed.NewParser().ParseString(rec.Body.String())
	if err != nil {
		t.Fatalf("gofeed: %v", err)
	}
	if feed.FeedType != "atom" || feed.Title == "" || feed.UpdatedParsed == nil {
		t.Errorf("feed %q %q updated %v", feed.FeedType, feed.Title, feed.UpdatedParsed)
	}
	newStories := map[string]bool{}
	ids := map[string]bool{}
	for i, it := range feed.Items {
		if ids[it.GUID] {
			t.Errorf("entry id %s twice", it.GUID)
		}
		ids[it.GUID] = true
		if it.Title == "" || it.UpdatedParsed == nil || !inLine[it.Link] {
			t.Errorf("entry %d: title %q updated %v link %q", i, it.Title, it.UpdatedParsed, it.Link)
		}
		if i > 0 && it.UpdatedParsed != nil && feed.Items[i-1].UpdatedParsed != nil && it.UpdatedParsed.After(*feed.Items[i-1].UpdatedParsed) {
			t.Errorf("entries not newest first at %d", i)
		}
		if len(it.Categories) == 1 && it.Categories[0] == "new-story" {
			newStories[it.Link] = true
		}
	}
	if len(newStories) != len(inLine) {
		t.Errorf("%d new-story entries, want one per story (%d)", len(newStories), len(inLine))
	}
	if strings.Contains(rec.Body.String(), "Untitled") {
		t.Error("feed has an untitled entry")
	}
	if rec := fetch(t, srv, "/storylines/nope/feed.atom"); rec.Code != http.StatusNotFound {
		t.Errorf("unknown storyline feed: %d", rec.Code)
	}
}

func TestSearchAtomFeed(t *testing.T) {
	ts := newTestServer(t, Options{}, fixtureArticles(t)...)
	doc := ts.getHTML(t, "/search?q=Ushakov", http.StatusOK)
	href, _ := doc.Find(`head link[rel=alternate][type="application/atom+xml"]`).Attr("href")
	if href != "/search/feed.atom?q=Ushakov" {
		t.Fatalf("search page feed link %q", href)
	}
	if ts.getHTML(t, "/search", http.StatusOK).Find(`head link[rel=alternate]`).Length() != 0 {
		t.Error("an empty search offers a feed")
	}
	rec := ts.get(t, href)
	feed, err := gofeed.NewParser().ParseString(rec.Body.String())
	if err != nil {
		t.Fatalf("gofeed: %v\n%s", err, rec.Body)
	}
	if len(feed.Items) != 2 || feed.Items[0].Link != "http://example.com/articles/a1b2c3d4e5f60001" {
		t.Errorf("items %d, first %+v", len(feed.Items), feed.Items)
	}
	for _, it := range feed.Items {
		if strings.ContainsAny(it.Description, "[]") || it.Description == "" {
			t.Errorf("summary %q", it.Description)
		}
	}
	for target, code := range map[string]int{
		"/search/feed.atom": http.StatusBadRequest,
		"/search/feed.atom?q=" + url.QueryEscape("nothing at all"): http.StatusOK,
		"/search/feed.atom?q=Ushakov&kind=planet":                  http.StatusBadRequest,
	} {
		if got := ts.get(t, target).Code; got != code {
			t.Errorf("%s: %d, want %d", target, got, code)
		}
	}
}

// TestStorylineFeedFacts: over news-clusters, the storyline feeds carry
// entries for figures that differ (the facts stage's verdicts), each
// linking to a story and saying which outlets gave which figure.
func TestStorylineFeedFacts(t *testing.T) {
	db := corpusDB(t)
	srv := New(db, Options{})
	lines, err := db.Storylines(context.Background())
	if err != nil || len(lines) == 0 {
		t.Fatalf("storylines: %v", err)
	}
	facts := 0
	for _, l := range lines {
		rec := fetch(t, srv, "/storylines/"+l.ID+"/feed.atom")
		feed, err := gofeed.NewParser().ParseString(rec.Body.String())
		if err != nil {
			t.Fatalf("%s: %v", l.ID, err)
		}
		for _, it := range feed.Items {
			if len(it.Categories) == 0 || !strings.HasPrefix(it.Categories[0], "facts-") {
				continue
			}
			facts++
			if !strings.Contains(it.Link, "/stories/") || !strings.Contains(it.Title, "figures") || !strings.Contains(it.Description, ": ") {
				t.Errorf("fact entry %q %q %q", it.Title, it.Link, it.Description)
			}
		}
	}
	if facts == 0 {
		t.Error("no storyline feed has an entry for differing figures")
	}
	t.Logf("%d fact entries over %d storylines", facts, len(lines))
}
