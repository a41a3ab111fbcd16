package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	tline "github.com/parallax-news/parallax/internal/timeline"
)

// corpusDB returns a SQLite store holding the labelled news-clusters set
// and the five seeds (dated from seeds-dates.tsv, as `ingest --dates`
// does), analysed by the real pipeline: the seeds within a stream of news.
func corpusDB(t testing.TB) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "corpus.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	inputs, errs := ingest.Expand([]string{sharedtest.Dir(t, "eval", "news-clusters")})
	if len(errs) > 0 {
		t.Fatalf("expand news-clusters: %v", errs[0])
	}
	if _, err := pipeline.Ingest(ctx, db, &ingest.Reader{}, inputs, pipeline.Options{}); err != nil {
		t.Fatalf("ingest news-clusters: %v", err)
	}
	dates := seedDates(t)
	seeds, errs := ingest.Expand([]string{sharedtest.Dir(t, "corpus", "seeds")})
	if len(errs) > 0 {
		t.Fatalf("expand seeds: %v", errs[0])
	}
	sum, err := pipeline.Ingest(ctx, db, &ingest.Reader{}, seeds, pipeline.Options{Clean: pipeline.CleanOptions{Dates: dates}})
	if err != nil || sum.Added != 5 {
		t.Fatalf("ingest seeds: %v, %+v", err, sum)
	}
	if _, err := pipeline.NewAnalyzer(nil).Analyze(ctx, db); err != nil {
		t.Fatalf("analyse: %v", err)
	}
	return db
}

// seedDates reads seeds-dates.tsv into the map pipeline.CleanOptions.Dates
// takes.
func seedDates(t testing.TB) map[string]time.Time {
	t.Helper()
	return sharedtest.SeedDates(t)
}

// seedStoryline returns the storyline of the seed stories (the only
// stories dated 2025).
func seedStoryline(t testing.TB, db *sqlite.DB) news.Storyline {
	t.Helper()
	ctx := context.Background()
	stories, err := db.Stories(ctx, store.StoryQuery{Since: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Limit: 100})
	if err != nil || len(stories) == 0 {
		t.Fatalf("seed stories: %v (%d)", err, len(stories))
	}
	l, err := db.Storyline(ctx, stories[0].StorylineID)
	if err != nil {
		t.Fatalf("seed storyline: %v", err)
	}
	return l
}

// fetch GETs path from srv and returns the response.
func fetch(t *testing.T, srv http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

func fetchDoc(t *testing.T, srv http.Handler, path string) *goquery.Document {
	t.Helper()
	rec := fetch(t, srv, path)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: status %d", path, rec.Code)
	}
	doc, err := goquery.NewDocumentFromReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestCorpusViews runs the comparison, timeline, briefing and search
// filters over news-clusters and the seeds in SQLite, and checks each page
// against what the libraries compute from the same store.
func TestCorpusViews(t *testing.T) {
	db := corpusDB(t)
	ctx := context.Background()
	srv := New(db, Options{})
	l := seedStoryline(t, db)

	var api compare.Comparison
	t.Run("storyline compare API", func(t *testing.T) {
		rec := fetch(t, srv, "/api/storylines/"+l.ID+"/compare")
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &api); err != nil {
			t.Fatal(err)
		}
		if api.Scope != "storyline" || api.StoryID != l.ID || api.Articles != 5 {
			t.Errorf("comparison scope %q id %q articles %d, want storyline %s of 5 articles", api.Scope, api.StoryID, api.Articles, l.ID)
		}
		for _, field := range []string{`"story_id"`, `"scope"`, `"outlets"`, `"coverage"`, `"voices"`, `"wording"`, `"naming"`, `"disagreements"`} {
			if !strings.Contains(rec.Body.String(), field) {
				t.Errorf("comparison JSON has no %s", field)
			}
		}
	})

	t.Run("storyline compare page", func(t *testing.T) {
		doc := fetchDoc(t, srv, "/storylines/"+l.ID+"/compare")
		var cols []string
		doc.Find(".compare-col h3.compare-outlet").Each(func(_ int, s *goquery.Selection) { cols = append(cols, s.Text()) })
		if !slices.Equal(cols, api.Outlets) {
			t.Errorf("columns %q, want the comparison's outlets %q", cols, api.Outlets)
		}
		// The Kiev/Kyiv split: RT alone writes Kiev in its own words.
		split := doc.Find(".naming.split").FilterFunction(func(_ int, s *goquery.Selection) bool {
			return s.Find(".pair").Text() == "Kyiv/Kiev"
		})
		if split.Length() != 1 {
			t.Fatalf("no Kyiv/Kiev split shown: %q", doc.Find(".naming-summary").Text())
		}
		text := strings.Join(strings.Fields(split.Text()), " ")
		if !strings.Contains(text, "“Kiev” RT") {
			t.Errorf("split row %q does not give Kiev to RT", text)
		}
		for _, o := range []string{"The Kyiv Independent", "AFP"} {
			if !strings.Contains(text, o) || strings.Index(text, o) > strings.Index(text, "“Kiev”") {
				t.Errorf("split row %q does not give Kyiv to %s", text, o)
			}
		}
		rt := doc.Find(`.compare-col[data-outlet="RT"]`)
		if got := rt.Find(".col-naming li.preferred .form").First().Text(); got != "Kiev" {
			t.Errorf("RT column prefers %q, want Kiev", got)
		}
		if !strings.Contains(rt.Find(".meta").First().Text(), "state-affiliated") {
			t.Errorf("RT column kind %q", rt.Find(".meta").First().Text())
		}
		// Every speaker and term the comparison has for an outlet (up to the
		// page's limits) is in its column.
		for i, v := range api.Voices {
			col := doc.Find(".compare-col").Eq(i)
			if got, want := col.Find(".speakers li").Length(), min(len(v.Speakers), compareSpeakers); got != want {
				t.Errorf("%s: %d speakers shown, want %d", v.Outlet, got, want)
			}
			if got, want := col.Find(".dterms li").Length(), min(len(api.Wording[i].Terms), compareTerms); got != want {
				t.Errorf("%s: %d terms shown, want %d", v.Outlet, got, want)
			}
		}
		refs := doc.Find(".compare-col a.article-ref")
		for i, h := range hrefs(refs) {
			a, err := db.Article(ctx, strings.TrimPrefix(h, "/articles/"))
			if err != nil {
				t.Errorf("article link %s: %v", h, err)
				continue
			}
			// Links read as the article they open, not "article 1".
			if got, want := strings.TrimSpace(refs.Eq(i).Text()), excerpt(news.DisplayTitle(a), 90); got != want {
				t.Errorf("article link %s reads %q, want %q", h, got, want)
			}
		}
	})

	t.Run("story compare", func(t *testing.T) {
		sid := l.StoryIDs[0]
		doc := fetchDoc(t, srv, "/stories/"+sid+"/compare")
		rec := fetch(t, srv, "/api/stories/"+sid+"/compare")
		var c compare.Comparison
		if err := json.Unmarshal(rec.Body.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		if c.Scope != "story" || c.StoryID != sid {
			t.Errorf("story comparison %q %q", c.Scope, c.StoryID)
		}
		if got := doc.Find(".compare-col").Length(); got != len(c.Outlets) {
			t.Errorf("%d columns, %d outlets", got, len(c.Outlets))
		}
		story := fetchDoc(t, srv, "/stories/"+sid)
		if hrefs(story.Find("a.compare-link"))[0] != "/stories/"+sid+"/compare" {
			t.Error("story page does not link its comparison")
		}
	})

	t.Run("blindspot banner", func(t *testing.T) {
		stories, err := db.Stories(ctx, store.StoryQuery{Limit: 40})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[bool]int{}
		for _, st := range stories {
			var c compare.Comparison
			if err := json.Unmarshal(fetch(t, srv, "/api/stories/"+st.ID+"/compare").Body.Bytes(), &c); err != nil {
				t.Fatal(err)
			}
			seen[c.Coverage.Blindspot]++
			doc := fetchDoc(t, srv, "/stories/"+st.ID+"/compare")
			banner := doc.Find(".blindspot")
			if c.Coverage.Blindspot != (banner.Length() == 1) {
				t.Errorf("story %s: blindspot %v, banner shown %d", st.ID, c.Coverage.Blindspot, banner.Length())
			}
			if c.Coverage.Blindspot && !strings.Contains(banner.Text(), c.Coverage.BlindspotReason) {
				t.Errorf("story %s: banner %q lacks the reason %q", st.ID, banner.Text(), c.Coverage.BlindspotReason)
			}
		}
		if seen[true] == 0 || seen[false] == 0 {
			t.Errorf("blindspots among %d stories: %v; want both kinds to check", len(stories), seen)
		}
	})

	t.Run("background cached", func(t *testing.T) {
		before, _ := srv.cmp.BackgroundBuilds()
		fetch(t, srv, "/api/storylines/"+l.ID+"/compare")
		fetch(t, srv, "/storylines/"+l.ID+"/compare")
		builds, at := srv.cmp.BackgroundBuilds()
		if builds != before || before != 1 {
			t.Errorf("background built %d times, then %d more; want once", before, builds-before)
		}
		n, err := db.CountArticles(ctx)
		bg, _ := srv.cmp.Background(ctx)
		if err != nil || at != n || bg.Articles != n {
			t.Errorf("background of %d articles (at count %d), store has %d (%v)", bg.Articles, at, n, err)
		}
		if _, err := db.PutArticles(ctx, []news.Article{{ID: "bgextra", Title: "Extra", Text: "A new article about Kiev.", Outlet: "RT"}}); err != nil {
			t.Fatal(err)
		}
		// The request is served the old background and starts a rebuild
		// off the request path; Refresh waits for it to settle.
		fetch(t, srv, "/api/storylines/"+l.ID+"/compare")
		bg, _ = srv.cmp.Refresh(ctx)
		builds, _ = srv.cmp.BackgroundBuilds()
		if builds != before+1 || bg.Articles != n+1 {
			t.Errorf("after a new article: %d builds, background of %d articles; want a rebuild of %d", builds, bg.Articles, n+1)
		}
	})

	var events []tline.Event
	t.Run("timeline API", func(t *testing.T) {
		rec := fetch(t, srv, "/api/storylines/"+l.ID+"/timeline")
		var body timelineAPI
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		if body.StorylineID != l.ID || len(body.Events) < 5 {
			t.Fatalf("timeline of %s: %d events", body.StorylineID, len(body.Events))
		}
		events = body.Events
	})

	t.Run("timeline page", func(t *testing.T) {
		doc := fetchDoc(t, srv, "/storylines/"+l.ID+"/timeline")
		if got := doc.Find(".event-list > li.event").Length(); got != len(events) {
			t.Errorf("%d events listed, API has %d", got, len(events))
		}
		// Each event's date is the readable period of its TimeML value,
		// which stays in the datetime attribute.
		doc.Find(".event-list > li.event p.event-date time").Each(func(i int, tm *goquery.Selection) {
			if i >= len(events) {
				return
			}
			if dt, _ := tm.Attr("datetime"); dt != events[i].Date || strings.TrimSpace(tm.Text()) != tline.Readable(events[i].Date) {
				t.Errorf("event %d dated %q (datetime %q), want %q (%s)", i, tm.Text(), dt, tline.Readable(events[i].Date), events[i].Date)
			}
		})
		marks := doc.Find("figure.event-chart svg g.events a.ev")
		earlier := 0
		for _, e := range events {
			if e.End.Before(l.FirstSeen.AddDate(0, -chartLookback, 0)) {
				earlier++
			}
		}
		if marks.Length() != len(events)-earlier || marks.Length() == 0 {
			t.Errorf("%d chart marks for %d events (%d too early to draw)", marks.Length(), len(events), earlier)
		}
		marks.Each(func(_ int, m *goquery.Selection) {
			href, _ := m.Attr("href")
			if doc.Find(`li.event[id="`+strings.TrimPrefix(href, "#")+`"]`).Length() != 1 {
				t.Errorf("mark links %q, no such event", href)
			}
			if strings.TrimSpace(m.Find("title").Text()) == "" {
				t.Error("mark without a title")
			}
		})
		// Every kind a mark is coloured with is in the legend.
		legend := map[string]bool{}
		doc.Find(".legend .swatch").Each(func(_ int, s *goquery.Selection) {
			c, _ := s.Attr("class")
			legend[strings.TrimSpace(strings.TrimPrefix(c, "swatch"))] = true
		})
		marks.Each(func(_ int, m *goquery.Selection) {
			c, _ := m.Attr("class")
			k := strings.TrimSpace(strings.TrimPrefix(c, "ev"))
			if !legend[k] {
				t.Errorf("mark class %q not in legend %v", k, legend)
			}
		})
		if !legend["k-state_affiliated"] || !legend["k-wire"] {
			t.Errorf("legend %v lacks the RT (state-affiliated) and AFP (wire) kinds", legend)
		}
		// Sources link to stored articles.
		doc.Find(".event-list .sources a:not(.ext)").Each(func(_ int, a *goquery.Selection) {
			h, _ := a.Attr("href")
			if _, err := db.Article(ctx, strings.TrimPrefix(h, "/articles/")); err != nil {
				t.Errorf("source link %s: %v", h, err)
			}
		})
		// Actors over time: Trump and Vance among them, each in date order.
		var names []string
		doc.Find(".actor h3").Each(func(_ int, h *goquery.Selection) { names = append(names, h.Find("a").Text()) })
		for _, want := range []string{"Donald Trump", "JD Vance"} {
			if !slices.Contains(names, want) {
				t.Errorf("actors %q lack %s", names, want)
			}
		}
		if got := doc.Find("svg g.lane").Length(); got != len(names) {
			t.Errorf("%d speaker lanes for %d actors", got, len(names))
		}
		doc.Find(".actor").Each(func(_ int, a *goquery.Selection) {
			var dates []string
			a.Find(".actor-quotes li > .meta").Each(func(_ int, m *goquery.Selection) {
				d, _, _ := strings.Cut(m.Text(), " · ")
				dates = append(dates, d)
			})
			var last time.Time
			for _, d := range dates {
				tm, err := time.Parse("2 January 2006", strings.TrimSpace(d))
				if err != nil {
					continue
				}
				if tm.Before(last) {
					t.Errorf("%s: quotes out of date order: %q", a.Find("h3").Text(), dates)
					break
				}
				last = tm
			}
		})
		show := fetchDoc(t, srv, "/storylines/"+l.ID)
		if h := hrefs(show.Find("a.timeline-link")); len(h) != 1 || h[0] != "/storylines/"+l.ID+"/timeline" {
			t.Errorf("storyline page timeline link %q", h)
		}
	})

	t.Run("brief", func(t *testing.T) {
		for _, tc := range []struct {
			format, ctype, want string
		}{
			{"md", "text/markdown", "# "},
			{"html", "text/html", "<!DOCTYPE html>"},
			{"json", "application/json", `"timeline"`},
		} {
			t.Run(tc.format, func(t *testing.T) {
				rec := fetch(t, srv, "/storylines/"+l.ID+"/brief?format="+tc.format)
				if rec.Code != http.StatusOK {
					t.Fatalf("status %d", rec.Code)
				}
				h := rec.Header()
				if !strings.HasPrefix(h.Get("Content-Type"), tc.ctype) {
					t.Errorf("content type %q", h.Get("Content-Type"))
				}
				disposition := "attachment"
				if tc.format == "html" {
					disposition = "inline" // opens as a page, not a download
				}
				if want := disposition + `; filename="briefing-` + l.ID + `.` + tc.format + `"`; h.Get("Content-Disposition") != want {
					t.Errorf("disposition %q, want %q", h.Get("Content-Disposition"), want)
				}
				if !strings.Contains(rec.Body.String(), tc.want) {
					t.Errorf("body lacks %q", tc.want)
				}
				if tc.format == "html" {
					csp := h.Get("Content-Security-Policy")
					if !strings.Contains(csp, "style-src 'unsafe-inline'") || strings.Contains(csp, "script-src") || !strings.Contains(csp, "default-src 'none'") {
						t.Errorf("html brief CSP %q", csp)
					}
				}
			})
		}
		if rec := fetch(t, srv, "/storylines/"+l.ID+"/brief?format=pdf"); rec.Code != http.StatusBadRequest {
			t.Errorf("format=pdf: status %d, want 400", rec.Code)
		}
	})

	t.Run("not found", func(t *testing.T) {
		for _, p := range []string{"/storylines/nope/compare", "/storylines/nope/timeline", "/storylines/nope/brief", "/stories/nope/compare",
			"/api/storylines/nope/compare", "/api/storylines/nope/timeline", "/api/stories/nope/compare", "/storylines/%3Cx%3E/timeline"} {
			if rec := fetch(t, srv, p); rec.Code != http.StatusNotFound {
				t.Errorf("%s: status %d, want 404", p, rec.Code)
			}
		}
	})

	t.Run("search filters", func(t *testing.T) {
		all, err := db.Search(ctx, "Ukraine", 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name, query string
			keep        func(a news.Article) bool
		}{
			{"kind", "kind=state_affiliated", func(a news.Article) bool { o := srv.reg.Credit(a); return o.Kind == "state_affiliated" }},
			{"country", "country=ua", func(a news.Article) bool { return srv.reg.Credit(a).Country == "UA" }},
			{"outlet by domain", "outlet=rt.com", func(a news.Article) bool { return srv.reg.Credit(a).Name == "RT" }},
			{"dates", "from=2025-09-01&to=2025-12-04", func(a news.Article) bool {
				return !a.Published.IsZero() && !a.Published.Before(day("2025-09-01")) && a.Published.Before(day("2025-12-05"))
			}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				var want []string
				for _, h := range all {
					if tc.keep(h.Article) && len(want) < srv.opts.SearchLimit {
						want = append(want, "/articles/"+h.Article.ID)
					}
				}
				if len(want) == 0 || len(want) == len(all) {
					t.Fatalf("filter %s keeps %d of %d hits: not a useful test", tc.query, len(want), len(all))
				}
				doc := fetchDoc(t, srv, "/search?q=Ukraine&"+tc.query)
				if got := hrefs(doc.Find(".hit h2 a.article-link")); !slices.Equal(got, want) {
					t.Errorf("hits %q, want %q", got, want)
				}
				var apiHits apiListBody[store.SearchHit]
				if err := json.Unmarshal(fetch(t, srv, "/api/search?q=Ukraine&"+tc.query).Body.Bytes(), &apiHits); err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, h := range apiHits.Items {
					got = append(got, "/articles/"+h.Article.ID)
				}
				if !slices.Equal(got, want) {
					t.Errorf("API hits %q, want %q", got, want)
				}
			})
		}
		t.Run("entity", func(t *testing.T) {
			ents, err := db.Entities(ctx, store.EntityQuery{Name: "Sergey Lavrov", Limit: 1})
			if err != nil || len(ents) != 1 {
				t.Fatalf("entity Lavrov: %v %d", err, len(ents))
			}
			var want []string
			for _, h := range all {
				an, err := db.Analysis(ctx, h.Article.ID)
				if err != nil {
					continue
				}
				if slices.ContainsFunc(an.Mentions, func(m news.Mention) bool { return m.EntityID == ents[0].ID }) ||
					slices.ContainsFunc(an.Quotes, func(q news.Quote) bool { return q.SpeakerID == ents[0].ID }) {
					want = append(want, "/articles/"+h.Article.ID)
				}
			}
			if len(want) == 0 || len(want) == len(all) {
				t.Fatalf("Lavrov in %d of %d hits: not a useful test", len(want), len(all))
			}
			for _, q := range []string{"entity=" + ents[0].ID, "entity=sergey+lavrov"} {
				doc := fetchDoc(t, srv, "/search?q=Ukraine&"+q)
				if got := hrefs(doc.Find(".hit h2 a.article-link")); !slices.Equal(got, want) {
					t.Errorf("%s: hits %q, want %q", q, got, want)
				}
			}
			doc := fetchDoc(t, srv, "/search?q=Ukraine&entity=nobody+at+all")
			if doc.Find(".no-entity").Length() != 1 || doc.Find(".hit").Length() != 0 {
				t.Error("an unknown entity does not say so")
			}
		})
		for _, q := range []string{"kind=tabloid", "country=Ukraine", "from=yesterday", "from=2025-10-01&to=2025-09-01"} {
			if rec := fetch(t, srv, "/search?q=Ukraine&"+q); rec.Code != http.StatusBadRequest {
				t.Errorf("%s: status %d, want 400", q, rec.Code)
			}
		}
	})
}
