package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/store"
)

var errTest = errors.New("disk on fire")

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// analysedFixture is a small analysed world written for these tests: one
// storyline of two stories; story s2 holds an original (a1), a copy of it
// (a2) and a copy of the copy (a3) from other outlets, another outlet's own
// article (a4) and one of unknown outlet (a5); s0 was merged into s2 and
// l0 into l1; e9 is a per-article ID of entity e1.
func analysedFixture() *analysisFake {
	arts := []news.Article{
		{ID: "a1", Title: "Envoys meet in Geneva", Outlet: "Kyiv Ledger", Published: day("2025-08-24"), Text: "Ushakov met envoys."},
		{ID: "a2", Title: "Envoys meet in Geneva (copy)", Outlet: "Daily Digest", OriginOutlet: "Kyiv Ledger", Republisher: "Daily Digest", Published: day("2025-08-25"), Text: "Ushakov met envoys."},
		{ID: "a3", Title: "Envoys meet (copy of copy)", Outlet: "Aggregator", Published: day("2025-08-26"), Text: "Ushakov met envoys."},
		{ID: "a4", Title: "Talks stall", Outlet: "Wire Service", Published: day("2025-08-25"), Text: "Talks stalled, Ushakov said."},
		{ID: "a5", Title: "Nameless report", Published: day("2025-08-27"), Text: "Talks."},
		{ID: "a6", Title: "Phone call", Outlet: "State Agency", Published: day("2025-07-03"), Text: "A call."},
	}
	return &analysisFake{
		fakeStore: newFakeStore(arts...),
		stories: []news.Story{
			{ID: "s1", Title: "Trump and Putin speak", StorylineID: "l1", ArticleIDs: []string{"a6"}, Outlets: []string{"State Agency"},
				FirstSeen: day("2025-07-03"), LastSeen: day("2025-07-03"), Terms: []string{"call"}},
			{ID: "s2", Title: "Envoys meet", StorylineID: "l1", ArticleIDs: []string{"a3", "a2", "a1", "a4", "a5"},
				Outlets:   []string{"Aggregator", "Daily Digest", "Kyiv Ledger", "Wire Service"},
				FirstSeen: day("2025-08-24"), LastSeen: day("2025-08-27"), Terms: []string{"envoys", "geneva"}},
		},
		storylines: []news.Storyline{{ID: "l1", Label: "peace talks", StoryIDs: []string{"s1", "s2"},
			FirstSeen: day("2025-07-03"), LastSeen: day("2025-08-27"), Actors: []string{"Ushakov"}}},
		merges: map[string]string{"s0": "s2", "l0": "l1", "e9": "e1"},
		analyses: map[string]store.ArticleAnalysis{
			"a1": {ArticleID: "a1", StoryID: "s2", Mentions: []news.Mention{{EntityID: "e1", Text: "Ushakov"}},
				Quotes: []news.Quote{{ArticleID: "a1", Text: "We met the envoys", Speaker: "Yuri Ushakov", SpeakerID: "e1", Cue: "said", Direct: true}}},
			"a2": {ArticleID: "a2", StoryID: "s0", DuplicateOf: "a1", Mentions: []news.Mention{{EntityID: "e1", Text: "Ushakov"}}},
			"a3": {ArticleID: "a3", StoryID: "s2", DuplicateOf: "a2", Mentions: []news.Mention{{EntityID: "e1", Text: "Yury Ushakov"}}},
			"a4": {ArticleID: "a4", StoryID: "s2", Mentions: []news.Mention{{EntityID: "e1", Text: "Ushakov"}},
				Quotes: []news.Quote{{ArticleID: "a4", Text: "talks stalled", Speaker: "Ushakov", SpeakerID: "e1", Cue: "said"}}},
			"a5": {ArticleID: "a5", StoryID: "s2"},
			"a6": {ArticleID: "a6", StoryID: "s1",
				Quotes: []news.Quote{{ArticleID: "a6", Text: "It was businesslike", Speaker: "a spokesman", Cue: "said", Direct: true}}},
		},
		entities: []news.Entity{
			{ID: "e1", Name: "Yuri Ushakov", Kind: "person", Aliases: []string{"Ushakov", "Yury Ushakov"}, Mentions: 4},
			{ID: "e2", Name: "Geneva", Kind: "place", Mentions: 1},
		},
	}
}

func newAnalysisServer(t *testing.T, f *analysisFake, opts Options) *testServer {
	t.Helper()
	ts := newTestServer(t, opts)
	ts.srv = New(f, opts)
	ts.store = f.fakeStore
	return ts
}

func hrefs(sel *goquery.Selection) []string { return attrs(sel, "href") }

func TestStoryPages(t *testing.T) {
	ts := newAnalysisServer(t, analysedFixture(), Options{})

	t.Run("list newest first with outlet counts", func(t *testing.T) {
		doc := ts.getHTML(t, "/stories", http.StatusOK)
		if got, want := texts(doc.Find(".story-item h2")), []string{"Envoys meet", "Trump and Putin speak"}; !slices.Equal(got, want) {
			t.Errorf("stories %q, want %q", got, want)
		}
		if got, want := texts(doc.Find(".story-item .outlet-count")), []string{"4 outlets", "1 outlet"}; !slices.Equal(got, want) {
			t.Errorf("outlet counts %q, want %q", got, want)
		}
		if got := hrefs(doc.Find(".story-item a.storyline-link")); !slices.Equal(got, []string{"/storylines/l1", "/storylines/l1"}) {
			t.Errorf("storyline links %q", got)
		}
		if got := doc.Find(`nav a[aria-current="page"]`).Text(); got != "Stories" {
			t.Errorf("current nav %q", got)
		}
	})
	t.Run("list filtered by outlet and date", func(t *testing.T) {
		doc := ts.getHTML(t, "/stories?outlet=State+Agency", http.StatusOK)
		if got := texts(doc.Find(".story-item h2")); !slices.Equal(got, []string{"Trump and Putin speak"}) {
			t.Errorf("outlet filter: %q", got)
		}
		doc = ts.getHTML(t, "/stories?since=2025-08-01", http.StatusOK)
		if got := texts(doc.Find(".story-item h2")); !slices.Equal(got, []string{"Envoys meet"}) {
			t.Errorf("since filter: %q", got)
		}
	})
	t.Run("story page groups by outlet, copies under originals", func(t *testing.T) {
		doc := ts.getHTML(t, "/stories/s2", http.StatusOK)
		if got := doc.Find("h1").Text(); got != "Envoys meet" {
			t.Errorf("h1 %q", got)
		}
		if got := doc.Find(".story-meta .span").First().Text(); got != "24 – 27 August 2025" {
			t.Errorf("span %q", got)
		}
		if got := texts(doc.Find(".terms .term")); !slices.Equal(got, []string{"envoys", "geneva"}) {
			t.Errorf("terms %q", got)
		}
		var groups []string
		doc.Find(".outlet-group h3").Each(func(_ int, s *goquery.Selection) { groups = append(groups, strings.TrimSpace(s.Text())) })
		if want := []string{"Kyiv Ledger", "Wire Service", "Unknown outlet"}; !slices.Equal(groups, want) {
			t.Errorf("outlet groups %q, want %q", groups, want)
		}
		first := doc.Find(".outlet-group").First().Find(".story-article")
		if first.Length() != 1 {
			t.Fatalf("Kyiv Ledger column has %d originals, want 1", first.Length())
		}
		if got := hrefs(first.Find(".copies a.article-link")); !slices.Equal(got, []string{"/articles/a2", "/articles/a3"}) {
			t.Errorf("copies under a1: %q", got)
		}
		if got := doc.Find(`.outlet-columns a.article-link`).Length(); got != 5 {
			t.Errorf("%d article links, want every article once (5)", got)
		}
		if got := hrefs(doc.Find(".kicker a.storyline-link")); !slices.Equal(got, []string{"/storylines/l1"}) {
			t.Errorf("storyline link %q", got)
		}
		quotes := texts(doc.Find(".story-quotes .quote-text"))
		if want := []string{"“We met the envoys”", "talks stalled"}; !slices.Equal(quotes, want) {
			t.Errorf("quotes %q, want %q", quotes, want)
		}
		if got := hrefs(doc.Find(".story-quotes a.speaker")); !slices.Equal(got, []string{"/entities/e1", "/entities/e1"}) {
			t.Errorf("speaker links %q", got)
		}
	})
	t.Run("merged story redirects", func(t *testing.T) {
		rec := ts.get(t, "/stories/s0")
		if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/stories/s2" {
			t.Errorf("GET /stories/s0: %d to %q", rec.Code, rec.Header().Get("Location"))
		}
		rec = ts.get(t, "/storylines/l0")
		if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/storylines/l1" {
			t.Errorf("GET /storylines/l0: %d to %q", rec.Code, rec.Header().Get("Location"))
		}
		rec = ts.get(t, "/entities/e9")
		if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/entities/e1" {
			t.Errorf("GET /entities/e9: %d to %q", rec.Code, rec.Header().Get("Location"))
		}
	})
	t.Run("article page links its story and quotes", func(t *testing.T) {
		doc := ts.getHTML(t, "/articles/a2", http.StatusOK)
		// a2's analysis names the merged story s0; the store follows the merge.
		if got := hrefs(doc.Find(".in-story a.story-link")); !slices.Equal(got, []string{"/stories/s2"}) {
			t.Errorf("story link %q", got)
		}
		if got := hrefs(doc.Find(".copy-of a")); !slices.Equal(got, []string{"/articles/a1"}) {
			t.Errorf("copy-of link %q", got)
		}
		if got := hrefs(doc.Find(".article-entities a")); !slices.Equal(got, []string{"/entities/e1"}) {
			t.Errorf("entity links %q", got)
		}
		doc = ts.getHTML(t, "/articles/a1", http.StatusOK)
		if got := texts(doc.Find(".article-quotes .quote-text")); !slices.Equal(got, []string{"“We met the envoys”"}) {
			t.Errorf("article quotes %q", got)
		}
		if doc.Find(".article-quotes a.quote-source").Length() != 0 {
			t.Error("article's quotes link back to the article itself")
		}
	})
}

func TestStorylinePages(t *testing.T) {
	ts := newAnalysisServer(t, analysedFixture(), Options{})
	doc := ts.getHTML(t, "/storylines", http.StatusOK)
	if got := hrefs(doc.Find("a.storyline-link")); !slices.Equal(got, []string{"/storylines/l1"}) {
		t.Errorf("storyline links %q", got)
	}
	if got := doc.Find(".storyline-item .count").Text(); got != "2 stories" {
		t.Errorf("count %q", got)
	}
	doc = ts.getHTML(t, "/storylines/l1", http.StatusOK)
	if got, want := texts(doc.Find(".storyline-stories h2")), []string{"Trump and Putin speak", "Envoys meet"}; !slices.Equal(got, want) {
		t.Errorf("stories %q, want oldest first %q", got, want)
	}
	marks := doc.Find("svg a.mark")
	if marks.Length() != 2 {
		t.Fatalf("%d timeline marks, want 2", marks.Length())
	}
	x := func(i int) float64 {
		v, _ := marks.Eq(i).Find("circle").Attr("cx")
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("mark %d cx %q: %v", i, v, err)
		}
		return f
	}
	if x(0) >= x(1) {
		t.Errorf("marks not in date order: %.1f, %.1f", x(0), x(1))
	}
	if got := hrefs(marks); !slices.Equal(got, []string{"/stories/s1", "/stories/s2"}) {
		t.Errorf("mark links %q", got)
	}
	if got := texts(doc.Find("svg .tick-label")); !slices.Equal(got, []string{"Aug 2025"}) {
		t.Errorf("ticks %q", got)
	}
}

func TestTimelineLayout(t *testing.T) {
	stories := []news.Story{
		{ID: "a", FirstSeen: day("2025-07-03"), LastSeen: day("2025-07-03")},
		{ID: "b", FirstSeen: day("2025-08-24"), LastSeen: day("2025-09-24")},
		{ID: "c"}, // undated: no mark
		{ID: "d", FirstSeen: day("2025-12-04"), LastSeen: day("2025-12-04")},
	}
	tl := newTimeline(stories)
	if tl == nil || len(tl.Marks) != 3 {
		t.Fatalf("timeline %+v", tl)
	}
	for i, m := range tl.Marks {
		if m.X < tl.Left || m.X2 > tl.Right || m.X2 < m.X {
			t.Errorf("mark %d at %.1f–%.1f outside %.0f–%.0f", i, m.X, m.X2, tl.Left, tl.Right)
		}
		if i > 0 && m.X <= tl.Marks[i-1].X {
			t.Errorf("mark %d not after mark %d", i, i-1)
		}
	}
	if got := []int{tl.Marks[0].Number, tl.Marks[1].Number, tl.Marks[2].Number}; !slices.Equal(got, []int{1, 2, 4}) {
		t.Errorf("numbers %v: must match list positions", got)
	}
	if len(tl.Ticks) != 5 { // Aug, Sep, Oct, Nov, Dec
		t.Errorf("ticks %+v", tl.Ticks)
	}
	if newTimeline([]news.Story{{ID: "x"}}) != nil {
		t.Error("timeline of undated stories")
	}
}

func TestEntityAndQuotePages(t *testing.T) {
	ts := newAnalysisServer(t, analysedFixture(), Options{})
	t.Run("entity list filtered by kind", func(t *testing.T) {
		doc := ts.getHTML(t, "/entities", http.StatusOK)
		if got := texts(doc.Find(".entity-row a.entity-link")); !slices.Equal(got, []string{"Yuri Ushakov", "Geneva"}) {
			t.Errorf("entities %q", got)
		}
		doc = ts.getHTML(t, "/entities?kind=place", http.StatusOK)
		if got := texts(doc.Find(".entity-row a.entity-link")); !slices.Equal(got, []string{"Geneva"}) {
			t.Errorf("kind=place: %q", got)
		}
		if v, _ := doc.Find(`select[name=kind] option[selected]`).Attr("value"); v != "place" {
			t.Errorf("selected kind %q", v)
		}
	})
	t.Run("entity page: quotes and mentions by date", func(t *testing.T) {
		doc := ts.getHTML(t, "/entities/e1", http.StatusOK)
		if got := doc.Find("h1").Text(); got != "Yuri Ushakov" {
			t.Errorf("h1 %q", got)
		}
		if got := doc.Find(".aliases").Text(); got != "Ushakov, Yury Ushakov" {
			t.Errorf("aliases %q", got)
		}
		if got := attrs(doc.Find(".quote-meta time"), "datetime"); !slices.Equal(got, []string{"2025-08-24", "2025-08-25"}) {
			t.Errorf("quote dates %q, want oldest first", got)
		}
		if got := doc.Find(".quoted-by").Text(); got != "Kyiv Ledger (1), Wire Service (1)" {
			t.Errorf("quoted by %q", got)
		}
		if got := texts(doc.Find(".quote-meta .outlet")); !slices.Equal(got, []string{"Kyiv Ledger", "Wire Service"}) {
			t.Errorf("quote outlets %q", got)
		}
		// The fake's search finds a1–a4 on "Ushakov"; each has a mention.
		if got := hrefs(doc.Find(".mention-item > a.article-link")); !slices.Equal(got, []string{"/articles/a1", "/articles/a4", "/articles/a2", "/articles/a3"}) {
			t.Errorf("mentions %q", got)
		}
		if got := hrefs(doc.Find(".entity-stories a.story-link")); !slices.Equal(got, []string{"/stories/s2"}) {
			t.Errorf("stories %q", got)
		}
		if got := hrefs(doc.Find(".entity-stories a.storyline-link")); !slices.Equal(got, []string{"/storylines/l1"}) {
			t.Errorf("storyline links %q", got)
		}
	})
	t.Run("quotes filtered by speaker", func(t *testing.T) {
		doc := ts.getHTML(t, "/quotes", http.StatusOK)
		if got := doc.Find(".quote-item").Length(); got != 3 {
			t.Errorf("%d quotes, want 3", got)
		}
		if got := texts(doc.Find(".quote-item .speaker.unknown, .quote-item span.speaker")); !slices.Equal(got, []string{"a spokesman"}) {
			t.Errorf("unlinked speakers %q", got)
		}
		doc = ts.getHTML(t, "/quotes?speaker=ushakov", http.StatusOK)
		if got := texts(doc.Find(".quote-text")); !slices.Equal(got, []string{"talks stalled", "“We met the envoys”"}) {
			t.Errorf("speaker=ushakov: %q", got)
		}
		if v, _ := doc.Find("#speaker").Attr("value"); v != "ushakov" {
			t.Errorf("form keeps %q", v)
		}
	})
}

func TestAnalysisPagesErrors(t *testing.T) {
	ts := newAnalysisServer(t, analysedFixture(), Options{})
	for _, tc := range []struct {
		path string
		code int
	}{
		{"/stories/nope", http.StatusNotFound},
		{"/stories/bad%20id", http.StatusNotFound},
		{"/storylines/nope", http.StatusNotFound},
		{"/entities/nope", http.StatusNotFound},
		{"/stories?since=yesterday", http.StatusBadRequest},
		{"/stories?page=0", http.StatusBadRequest},
		{"/entities?kind=planet", http.StatusBadRequest},
		{"/quotes?page=x", http.StatusBadRequest},
		{"/quotes?speaker=" + strings.Repeat("a", 600), http.StatusBadRequest},
	} {
		t.Run(tc.path, func(t *testing.T) {
			if rec := ts.get(t, tc.path); rec.Code != tc.code {
				t.Errorf("status %d, want %d", rec.Code, tc.code)
			}
		})
	}
	t.Run("store failure is a 500", func(t *testing.T) {
		f := analysedFixture()
		f.err = errTest
		ts := newAnalysisServer(t, f, Options{})
		for _, p := range []string{"/stories", "/stories/s2", "/storylines", "/entities", "/entities/e1", "/quotes", "/api/stories"} {
			if rec := ts.get(t, p); rec.Code != http.StatusInternalServerError {
				t.Errorf("%s: status %d", p, rec.Code)
			}
		}
	})
	t.Run("nothing analysed yet", func(t *testing.T) {
		ts := newTestServer(t, Options{}, fixtureArticles(t)...)
		doc := ts.getHTML(t, "/stories", http.StatusOK)
		if got := doc.Find(".empty").Text(); !strings.Contains(got, "No stories yet") {
			t.Errorf("empty list says %q", got)
		}
		doc = ts.getHTML(t, "/articles/a1b2c3d4e5f60001", http.StatusOK)
		if doc.Find(".in-story, .article-quotes").Length() != 0 {
			t.Error("unanalysed article shows analysis")
		}
	})
	t.Run("pager", func(t *testing.T) {
		ts := newAnalysisServer(t, analysedFixture(), Options{PageSize: 1})
		doc := ts.getHTML(t, "/stories?outlet=", http.StatusOK)
		if got := hrefs(doc.Find(`.pager a[rel=next]`)); !slices.Equal(got, []string{"/stories?page=2"}) {
			t.Errorf("next %q", got)
		}
		doc = ts.getHTML(t, "/stories?page=2", http.StatusOK)
		if got := texts(doc.Find(".story-item h2")); !slices.Equal(got, []string{"Trump and Putin speak"}) {
			t.Errorf("page 2 %q", got)
		}
		if doc.Find(`.pager a[rel=next]`).Length() != 0 {
			t.Error("next link on the last page")
		}
	})
}

func TestAnalysisAPI(t *testing.T) {
	ts := newAnalysisServer(t, analysedFixture(), Options{})
	getJSON := func(t *testing.T, path string, code int, v any) {
		t.Helper()
		rec := ts.get(t, path)
		if rec.Code != code {
			t.Fatalf("GET %s: status %d, want %d: %s", path, rec.Code, code, rec.Body)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("GET %s: Content-Type %q", path, ct)
		}
		if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
	}
	t.Run("stories", func(t *testing.T) {
		var page apiListBody[news.Story]
		getJSON(t, "/api/stories?storyline=l1&limit=1", http.StatusOK, &page)
		if got := page.Items; len(got) != 1 || got[0].ID != "s2" || page.Total == nil || *page.Total != 2 ||
			page.Next != "/api/stories?limit=1&offset=1&storyline=l1" {
			t.Errorf("stories %+v", page)
		}
		page = apiListBody[news.Story]{}
		getJSON(t, "/api/stories?outlet=Nobody", http.StatusOK, &page)
		if got := page.Items; got == nil || len(got) != 0 || page.Total == nil || *page.Total != 0 || page.Next != "" {
			t.Errorf("no match must be [] : %+v", page)
		}
	})
	t.Run("story follows merges", func(t *testing.T) {
		var got struct {
			ID       string `json:"id"`
			Articles []struct {
				ID          string `json:"id"`
				DuplicateOf string `json:"duplicate_of"`
			} `json:"articles"`
			Quotes []news.Quote `json:"quotes"`
		}
		getJSON(t, "/api/stories/s0", http.StatusOK, &got)
		if got.ID != "s2" || len(got.Articles) != 5 || len(got.Quotes) != 2 {
			t.Errorf("story %+v", got)
		}
		if got.Articles[0].ID != "a1" || got.Articles[len(got.Articles)-1].ID != "a5" {
			t.Errorf("articles not oldest first: %+v", got.Articles)
		}
	})
	t.Run("storyline", func(t *testing.T) {
		var got struct {
			ID      string       `json:"id"`
			Label   string       `json:"label"`
			Stories []news.Story `json:"stories"`
		}
		getJSON(t, "/api/storylines/l1", http.StatusOK, &got)
		if got.Label != "peace talks" || len(got.Stories) != 2 || got.Stories[0].ID != "s1" {
			t.Errorf("storyline %+v", got)
		}
		var lines apiListBody[news.Storyline]
		getJSON(t, "/api/storylines", http.StatusOK, &lines)
		if len(lines.Items) != 1 {
			t.Errorf("storylines %+v", lines)
		}
	})
	t.Run("entities and quotes", func(t *testing.T) {
		var entPage apiListBody[news.Entity]
		getJSON(t, "/api/entities?kind=person", http.StatusOK, &entPage)
		if ents := entPage.Items; len(ents) != 1 || ents[0].ID != "e1" {
			t.Errorf("entities %+v", ents)
		}
		var e struct {
			Name     string       `json:"name"`
			Quotes   []news.Quote `json:"quotes"`
			Mentions []struct {
				ArticleID string `json:"article_id"`
				Count     int    `json:"count"`
			} `json:"mentions"`
		}
		getJSON(t, "/api/entities/e1", http.StatusOK, &e)
		if e.Name != "Yuri Ushakov" || len(e.Quotes) != 2 || len(e.Mentions) != 4 || e.Mentions[0].Count != 1 {
			t.Errorf("entity %+v", e)
		}
		var qp apiListBody[news.Quote]
		getJSON(t, "/api/quotes?speaker=Ushakov", http.StatusOK, &qp)
		if len(qp.Items) != 2 {
			t.Errorf("quotes %+v", qp)
		}
		qp = apiListBody[news.Quote]{}
		getJSON(t, "/api/quotes?story=s2&limit=1&offset=1", http.StatusOK, &qp)
		if qs := qp.Items; len(qs) != 1 || qs[0].ArticleID != "a1" {
			t.Errorf("story quotes page 2: %+v", qs)
		}
	})
	for _, tc := range []struct {
		path string
		code int
	}{
		{"/api/stories/nope", http.StatusNotFound},
		{"/api/storylines/nope", http.StatusNotFound},
		{"/api/entities/nope", http.StatusNotFound},
		{"/api/stories/x%3Cy", http.StatusNotFound},
		{"/api/quotes?story=nope", http.StatusNotFound},
		{"/api/stories?limit=0", http.StatusBadRequest},
		{"/api/stories?limit=501", http.StatusBadRequest},
		{"/api/stories?storyline=a%20b", http.StatusBadRequest},
		{"/api/entities?kind=planet", http.StatusBadRequest},
		{"/api/quotes?offset=-1", http.StatusBadRequest},
		{"/api/quotes?speaker_id=%3C", http.StatusBadRequest},
	} {
		t.Run(tc.path, func(t *testing.T) {
			var body apiError
			getJSON(t, tc.path, tc.code, &body)
			if body.Error == "" {
				t.Error("no error message")
			}
		})
	}
}

// TestOutletName: outlets named by their domain are shown by the
// registry's name for them, or as the bare domain; names stay as given.
func TestOutletName(t *testing.T) {
	reg, err := outlet.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{reg: reg}
	bare := &Server{}
	for _, tc := range []struct {
		in, want, bare string
	}{
		{"edition.cnn.com", "CNN", "edition.cnn.com"},
		{"www.CNN.com", "CNN", "cnn.com"},
		{"www.unknown-outlet.example", "unknown-outlet.example", "unknown-outlet.example"},
		{"The Kyiv Independent", "The Kyiv Independent", "The Kyiv Independent"},
		{"RT", "RT", "RT"},
		{"www.rt.com", "RT", "rt.com"},
		{"AP", "Associated Press", "AP"},
		{"The Associated Press", "Associated Press", "The Associated Press"},
		{"", "Unknown outlet", "Unknown outlet"},
	} {
		if got := s.outletName(tc.in); got != tc.want {
			t.Errorf("outletName(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := bare.outletName(tc.in); got != tc.bare {
			t.Errorf("without a registry, outletName(%q) = %q, want %q", tc.in, got, tc.bare)
		}
	}
}

// TestStoryListOutletNames: the story list, the story page and
// /api/stories show an outlet named by its domain or by another spelling
// under the registry's name, once ("AP" and "The Associated Press" are one
// outlet), and its link filters by that name (which the stores resolve).
func TestStoryListOutletNames(t *testing.T) {
	f := analysedFixture()
	f.stories[0].Outlets = []string{"edition.cnn.com", "AP", "The Associated Press", "www.rt.com"}
	id := f.stories[0].ID
	ts := newAnalysisServer(t, f, Options{})
	want := []string{"CNN", "Associated Press", "RT"}
	for _, path := range []string{"/stories", "/stories/" + id} {
		doc := ts.getHTML(t, path, http.StatusOK)
		var got []string
		doc.Find("a.outlet").Each(func(_ int, a *goquery.Selection) {
			href, _ := a.Attr("href")
			if slices.Contains(want, a.Text()) {
				got = append(got, a.Text())
				if href != "/stories?outlet="+url.QueryEscape(a.Text()) && href != "/stories?outlet="+strings.ReplaceAll(a.Text(), " ", "%20") {
					t.Errorf("%s: outlet %q links to %q", path, a.Text(), href)
				}
			}
			if a.Text() == "AP" || strings.Contains(a.Text(), ".") {
				t.Errorf("%s: outlet chip %q is not the registry name", path, a.Text())
			}
		})
		if !slices.Equal(got, want) {
			t.Errorf("%s: outlet chips %v, want %v", path, got, want)
		}
	}
	var body struct {
		Items []news.Story `json:"items"`
	}
	if err := json.Unmarshal(ts.get(t, "/api/stories").Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	for _, st := range body.Items {
		if st.ID == id && !slices.Equal(st.Outlets, want) {
			t.Errorf("/api/stories outlets %v, want %v", st.Outlets, want)
		}
	}
}
