package cli

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/outlet"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store/sqlite"
	"github.com/parallax-news/parallax/internal/web"
)

// TestOutletFilterQuickStart ingests the quick start's corpus (news-clusters
// and the dated seeds) and checks, for every outlet shown on the stories
// page, that /stories?outlet=<shown name>, parallax stories --outlet <shown
// name> and /api/stories?outlet= return the same stories, and that these
// are every story whose articles named that outlet in any spelling.
func TestOutletFilterQuickStart(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the quick-start corpus")
	}
	path := filepath.Join(t.TempDir(), "p.db")
	mustRun(t, "ingest", "--db", path, "--dates", filepath.Join(sharedtest.Dir(t, "corpus"), "seeds-dates.tsv"),
		sharedtest.Dir(t, "eval", "news-clusters"), sharedtest.Dir(t, "corpus", "seeds"))
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv := web.New(db, web.Options{PageSize: 10000})

	get := func(p string) *httptest.ResponseRecorder {
		t.Helper()
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: status %d", p, rec.Code)
		}
		return rec
	}
	page := func(p string) (ids []string, shown map[string][]string) {
		t.Helper()
		doc, err := goquery.NewDocumentFromReader(get(p).Body)
		if err != nil {
			t.Fatal(err)
		}
		shown = map[string][]string{}
		doc.Find("li.story-item").Each(func(_ int, li *goquery.Selection) {
			href, _ := li.Find("a.story-link").Attr("href")
			id := strings.TrimPrefix(href, "/stories/")
			ids = append(ids, id)
			li.Find("a.outlet").Each(func(_ int, a *goquery.Selection) {
				name := strings.TrimSpace(a.Text())
				shown[name] = append(shown[name], id)
			})
		})
		return ids, shown
	}

	all, shown := page("/stories")
	if len(all) < 80 || len(shown) < 50 {
		t.Fatalf("stories page shows %d stories and %d outlets; want the quick start's", len(all), len(shown))
	}
	// Which stories each registry name covered, from the stories' own
	// outlets as the articles spelled them.
	stories := decodeLines[news.Story](t, mustRun(t, "stories", "--db", path, "--json", "--limit", "10000"))
	covered := map[string][]string{}
	for _, s := range stories {
		seen := map[string]bool{}
		for _, o := range s.Outlets {
			if n := outlet.Name(o); !seen[n] {
				seen[n] = true
				covered[n] = append(covered[n], s.ID)
			}
		}
	}
	for name, onPage := range shown {
		q := url.QueryEscape(name)
		htmlIDs, _ := page("/stories?outlet=" + q)
		var apiList struct {
			Items []news.Story `json:"items"`
			Next  string       `json:"next"`
		}
		if err := json.Unmarshal(get("/api/stories?limit=200&outlet="+q).Body.Bytes(), &apiList); err != nil {
			t.Fatalf("/api/stories?outlet=%s: %v", name, err)
		}
		if apiList.Next != "" {
			t.Fatalf("/api/stories?outlet=%s: more than one page", name)
		}
		var apiIDs, cliIDs []string
		for _, s := range apiList.Items {
			apiIDs = append(apiIDs, s.ID)
		}
		for _, s := range decodeLines[news.Story](t, mustRun(t, "stories", "--db", path, "--json", "--limit", "10000", "--outlet", name)) {
			cliIDs = append(cliIDs, s.ID)
		}
		want := covered[outlet.Name(name)]
		if !slices.Equal(htmlIDs, want) || !slices.Equal(apiIDs, want) || !slices.Equal(cliIDs, want) {
			t.Errorf("outlet %q: /stories %v, /api/stories %v, stories --outlet %v; want %v", name, htmlIDs, apiIDs, cliIDs, want)
		}
		for _, id := range onPage {
			if !slices.Contains(htmlIDs, id) {
				t.Errorf("outlet %q is shown on story %s, whose filter by it misses it", name, id)
			}
		}
	}
	t.Logf("%d stories, %d outlets shown on /stories, each filtered three ways", len(all), len(shown))
	// Every spelling of one outlet gives the same stories.
	for _, group := range [][]string{{"AP", "apnews.com", "The Associated Press", "Associated Press"}, {"RT", "rt.com", "www.rt.com"}} {
		var first []string
		for i, name := range group {
			var ids []string
			for _, s := range decodeLines[news.Story](t, mustRun(t, "stories", "--db", path, "--json", "--limit", "10000", "--outlet", name)) {
				ids = append(ids, s.ID)
			}
			if len(ids) == 0 {
				t.Errorf("stories --outlet %q: none", name)
			}
			if i == 0 {
				first = ids
			} else if !slices.Equal(ids, first) {
				t.Errorf("stories --outlet %q = %v, --outlet %q = %v", name, ids, group[0], first)
			}
		}
	}
}
