package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// TestSeededPages runs the pages over the five seeds ingested and analysed
// by the real pipeline into SQLite, and checks each page against what the
// store holds: the story list in the store's order, every article of a
// story shown once and copies under their originals, storyline stories in
// date order, an entity's quotes by date, and the article's story link.
func TestSeededPages(t *testing.T) {
	db := seededDB(t)
	ctx := context.Background()
	srv := New(db, Options{})
	stories, err := db.Stories(ctx, store.StoryQuery{Limit: 100})
	if err != nil || len(stories) == 0 {
		t.Fatalf("stories: %v (%d)", err, len(stories))
	}

	t.Run("story list", func(t *testing.T) {
		doc := fetchDoc(t, srv, "/stories")
		var want []string
		for _, s := range stories {
			want = append(want, "/stories/"+s.ID)
		}
		if got := hrefs(doc.Find(".story-item h2 a")); !slices.Equal(got, want) {
			t.Errorf("story links %q, want the store's order %q", got, want)
		}
	})

	for _, s := range stories {
		t.Run("story "+s.ID, func(t *testing.T) {
			doc := fetchDoc(t, srv, "/stories/"+s.ID)
			var want []string
			quotes := 0
			for _, id := range s.ArticleIDs {
				want = append(want, "/articles/"+id)
				an, err := db.Analysis(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				quotes += len(an.Quotes)
				if an.DuplicateOf != "" && slices.Contains(s.ArticleIDs, an.DuplicateOf) {
					copyLink := doc.Find(`.copies a[href="/articles/` + id + `"]`)
					orig := copyLink.Closest(".story-article").ChildrenFiltered("a.article-link")
					if href, _ := orig.Attr("href"); copyLink.Length() != 1 || href == "" {
						t.Errorf("copy %s is not listed under an original", id)
					}
				}
			}
			got := hrefs(doc.Find(".outlet-columns a.article-link"))
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("article links %q, want each of %q once", got, want)
			}
			if n := doc.Find(".story-quotes .quote-item").Length(); n != quotes {
				t.Errorf("%d quotes shown, the analyses hold %d", n, quotes)
			}
			if s.StorylineID != "" {
				if href, _ := doc.Find(".kicker a.storyline-link").Attr("href"); href != "/storylines/"+s.StorylineID {
					t.Errorf("storyline link %q", href)
				}
			}
		})
	}

	t.Run("storylines", func(t *testing.T) {
		lines, err := db.Storylines(ctx)
		if err != nil || len(lines) == 0 {
			t.Fatalf("storylines: %v (%d)", err, len(lines))
		}
		for _, l := range lines {
			doc := fetchDoc(t, srv, "/storylines/"+l.ID)
			var firsts []string
			doc.Find(".storyline-stories .story-item").Each(func(_ int, s *goquery.Selection) {
				href, _ := s.Find("h2 a").Attr("href")
				st, err := db.Story(ctx, strings.TrimPrefix(href, "/stories/"))
				if err != nil {
					t.Errorf("story %s: %v", href, err)
					return
				}
				if st.StorylineID != l.ID {
					t.Errorf("story %s of storyline %s listed under %s", st.ID, st.StorylineID, l.ID)
				}
				firsts = append(firsts, isoDate(st.FirstSeen))
			})
			if len(firsts) != len(l.StoryIDs) {
				t.Errorf("%d stories listed, storyline has %d", len(firsts), len(l.StoryIDs))
			}
			if !slices.IsSorted(firsts) {
				t.Errorf("stories not in date order: %q", firsts)
			}
			if n := doc.Find("svg a.mark").Length(); n != len(firsts) {
				t.Errorf("%d timeline marks for %d dated stories", n, len(firsts))
			}
		}
	})

	t.Run("entity", func(t *testing.T) {
		ents, err := db.Entities(ctx, store.EntityQuery{Kind: "person", Limit: 1})
		if err != nil || len(ents) != 1 {
			t.Fatalf("entities: %v", err)
		}
		e := ents[0]
		qs, err := db.Quotes(ctx, store.QuoteQuery{SpeakerID: e.ID, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		doc := fetchDoc(t, srv, "/entities/"+e.ID)
		if got := doc.Find("h1").Text(); got != e.Name {
			t.Errorf("h1 %q, want %q", got, e.Name)
		}
		dates := attrs(doc.Find(".quote-meta time"), "datetime")
		if len(dates) != len(qs) || !slices.IsSorted(dates) {
			t.Errorf("quote dates %q: want %d, oldest first", dates, len(qs))
		}
		if doc.Find(".mention-item").Length() == 0 {
			t.Errorf("no mentions of %s, the most mentioned person", e.Name)
		}
	})

	t.Run("article links its story", func(t *testing.T) {
		for _, s := range stories {
			id := s.ArticleIDs[0]
			doc := fetchDoc(t, srv, "/articles/"+id)
			if href, _ := doc.Find(".in-story a.story-link").Attr("href"); href != "/stories/"+s.ID {
				t.Errorf("article %s: story link %q, want /stories/%s", id, href, s.ID)
			}
		}
	})

	t.Run("api story", func(t *testing.T) {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/stories/"+stories[0].ID, nil))
		var body struct {
			news.Story
			Articles []struct {
				ID string `json:"id"`
			} `json:"articles"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || rec.Code != http.StatusOK {
			t.Fatalf("status %d: %v", rec.Code, err)
		}
		if body.ID != stories[0].ID || len(body.Articles) != len(stories[0].ArticleIDs) {
			t.Errorf("story %s with %d articles, want %s with %d", body.ID, len(body.Articles), stories[0].ID, len(stories[0].ArticleIDs))
		}
	})
}

// TestSeededLinks follows every link inside the site from the main pages
// of the seeded store, breadth first, and fails on any that does not answer
// 200: no page links to a missing story, entity, storyline or article.
func TestSeededLinks(t *testing.T) {
	srv := New(seededDB(t), Options{})
	queue := []string{"/stories", "/storylines", "/entities", "/quotes", "/"}
	seen := map[string]bool{}
	for _, p := range queue {
		seen[p] = true
	}
	const maxPages = 400
	visited := 0
	for len(queue) > 0 && visited < maxPages {
		p := queue[0]
		queue = queue[1:]
		visited++
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			t.Errorf("GET %s: status %d", p, rec.Code)
			continue
		}
		if !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
			continue
		}
		doc, err := goquery.NewDocumentFromReader(rec.Body)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			href, _ := a.Attr("href")
			u, err := url.Parse(href)
			if err != nil {
				t.Errorf("%s: bad link %q", p, href)
				return
			}
			if u.Host != "" || u.Scheme != "" || strings.HasPrefix(u.Path, "#") || u.Path == "" {
				return
			}
			// Pages of other lists and static files are not crawled further;
			// /feeds is in the nav but only served when Options.Feeds is set.
			if strings.Contains(u.RawQuery, "page=") || strings.HasPrefix(u.Path, "/static/") || u.Path == "/feeds" {
				return
			}
			if !seen[u.RequestURI()] {
				seen[u.RequestURI()] = true
				queue = append(queue, u.RequestURI())
			}
		})
	}
	if visited < 20 {
		t.Errorf("crawled only %d pages", visited)
	}
	t.Logf("crawled %d pages, %d links queued", visited, len(seen))
}

// BenchmarkSeededPages measures the analysis pages over the five seeds in
// SQLite: each page reads several rows per article and entity.
func BenchmarkSeededPages(b *testing.B) {
	db := seededDB(b)
	ctx := context.Background()
	stories, err := db.Stories(ctx, store.StoryQuery{Limit: 100})
	if err != nil || len(stories) == 0 {
		b.Fatalf("stories: %v", err)
	}
	big := stories[0]
	for _, s := range stories {
		if len(s.ArticleIDs) > len(big.ArticleIDs) {
			big = s
		}
	}
	ents, err := db.Entities(ctx, store.EntityQuery{Limit: 1})
	if err != nil || len(ents) == 0 {
		b.Fatalf("entities: %v", err)
	}
	srv := New(db, Options{})
	for _, target := range []string{"/stories", "/stories/" + big.ID, "/storylines/" + big.StorylineID,
		"/entities", "/entities/" + ents[0].ID, "/quotes", "/articles/" + big.ArticleIDs[0], "/api/stories/" + big.ID} {
		b.Run(target, func(b *testing.B) { benchGet(b, srv, target) })
	}
}
