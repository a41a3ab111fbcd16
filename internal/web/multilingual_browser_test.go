package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/parallax-news/parallax/internal/browsertest"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// multilingualDB returns a SQLite store holding news-clusters, the dated
// seeds and the cross-language fixtures (internal/cluster/testdata:
// Russian, Ukrainian, German and English articles of our own about the
// seeds' events), analysed by the real pipeline.
func multilingualDB(t testing.TB) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "multi.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	for _, dir := range [][]string{{"eval", "news-clusters"}, {"corpus", "seeds"}} {
		inputs, errs := ingest.Expand([]string{sharedtest.Dir(t, dir...)})
		if len(errs) > 0 {
			t.Fatalf("expand %v: %v", dir, errs[0])
		}
		if _, err := pipeline.Ingest(ctx, db, &ingest.Reader{}, inputs, pipeline.Options{Clean: pipeline.CleanOptions{Dates: seedDates(t)}}); err != nil {
			t.Fatalf("ingest %v: %v", dir, err)
		}
	}
	inputs, errs := ingest.Expand([]string{filepath.Join("..", "cluster", "testdata", "crosslang.jsonl")})
	if len(errs) > 0 {
		t.Fatalf("expand crosslang.jsonl: %v", errs[0])
	}
	if sum, err := pipeline.Ingest(ctx, db, &ingest.Reader{}, inputs, pipeline.Options{}); err != nil || sum.Added == 0 {
		t.Fatalf("ingest crosslang.jsonl: %v %+v", err, sum)
	}
	if _, err := pipeline.NewAnalyzer(nil).Analyze(ctx, db); err != nil {
		t.Fatalf("analyse: %v", err)
	}
	return db
}

// storyOfArticles returns the story most of the articles a search finds
// belong to.
func storyOfSearch(t *testing.T, db *sqlite.DB, query string) string {
	t.Helper()
	ctx := context.Background()
	hits, err := db.Search(ctx, query, 50)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	best := ""
	for _, h := range hits {
		an, err := db.Analysis(ctx, h.Article.ID)
		if err != nil || an.StoryID == "" {
			continue
		}
		if n[an.StoryID]++; best == "" || n[an.StoryID] > n[best] {
			best = an.StoryID
		}
	}
	if best == "" {
		t.Fatalf("no story for the search %q", query)
	}
	return best
}

// TestBrowserMultilingual opens, in headless Chromium, over the quick
// start's corpus with the cross-language fixtures: the entity page of
// Vladimir Putin (his names in each script and the evidence for his kind),
// the comparison of the 2 December Kremlin meeting (coverage by language:
// the AFP seed and the Russian, Ukrainian and German fixtures) and the
// comparison of the Las Vegas shooting (the facts table with the toll
// going from 50 to 59), each with a screenshot.
func TestBrowserMultilingual(t *testing.T) {
	db := multilingualDB(t)
	ctx := context.Background()
	srv := httptest.NewServer(New(db, Options{}))
	defer srv.Close()
	b := browsertest.New(t)
	var shots []string

	// The entity page of a person named in four languages.
	ents, err := db.Entities(ctx, store.EntityQuery{Name: "Путин", Kind: "person"})
	if err != nil || len(ents) == 0 {
		t.Fatalf("entities named Путин: %v, %v", ents, err)
	}
	putin := ents[0]
	if st := b.Navigate(srv.URL + "/entities/" + putin.ID); st != http.StatusOK {
		t.Fatalf("entity page: status %d", st)
	}
	names := b.Texts(".names-by-lang li")
	var cyr, latin int
	for _, n := range names {
		if strings.ContainsFunc(n, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
			cyr++
		} else {
			latin++
		}
	}
	if len(names) < 3 || cyr < 2 || latin < 1 {
		t.Errorf("names by language of %s: %q; want Russian, Ukrainian and a Latin one", putin.Name, names)
	}
	for _, want := range []string{"Russian", "Ukrainian"} {
		if !slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, want) }) {
			t.Errorf("names by language lack %s: %q", want, names)
		}
	}
	if ev := b.Texts(".evidence li"); len(ev) == 0 {
		t.Errorf("no evidence shown for %s (%v)", putin.Name, putin.Evidence)
	}
	var lang string
	b.Eval(`(document.querySelector('.names-by-lang .lang-value[lang="ru"]') || {}).textContent || ""`, &lang)
	if lang == "" {
		t.Error("the Russian name is not marked lang=ru")
	}
	shots = append(shots, b.Screenshot("entity-names"))

	// A story's coverage by language: the AFP seed's Kremlin meeting.
	var afp news.Article
	for _, a := range mustArticles(t, db) {
		if filepath.Base(a.Source) == "004_1d6ada1cc2e61389.txt" {
			afp = a
		}
	}
	an, err := db.Analysis(ctx, afp.ID)
	if err != nil || an.StoryID == "" {
		t.Fatalf("AFP seed's story: %v", err)
	}
	if st := b.Navigate(srv.URL + "/stories/" + an.StoryID + "/compare"); st != http.StatusOK {
		t.Fatalf("story compare: status %d", st)
	}
	langs := b.Texts(".language-coverage .language .lang-name")
	for _, want := range []string{"English", "Russian", "Ukrainian", "German"} {
		if !slices.Contains(langs, want) {
			t.Errorf("coverage by language of the Kremlin meeting %q lacks %s", langs, want)
		}
	}
	shots = append(shots, b.Screenshot("story-languages"))

	// The Las Vegas toll, 50 then 59, in the facts table.
	lv := storyOfSearch(t, db, `"Las Vegas" shooting`)
	if st := b.Navigate(srv.URL + "/stories/" + lv + "/compare"); st != http.StatusOK {
		t.Fatalf("Las Vegas compare: status %d", st)
	}
	var seq []string
	b.Eval(`(() => {
		for (const g of document.querySelectorAll(".fact-group")) {
			if (!/death/.test(g.querySelector(".fact-subject").textContent)) continue;
			return Array.from(g.querySelectorAll(".fact-figure")).map(td => td.textContent.trim());
		}
		return [];
	})()`, &seq)
	i50 := slices.IndexFunc(seq, func(s string) bool { return strings.Contains(s, "50") })
	i59 := slices.IndexFunc(seq, func(s string) bool { return strings.Contains(s, "59") })
	if i50 < 0 || i59 < 0 || i59 < i50 {
		t.Errorf("Las Vegas deaths in the facts table: %q; want 50 before 59", seq)
	}
	if b.Count(".fact-group .fact-chart svg polyline") == 0 {
		t.Error("no chart of the toll over time")
	}
	shots = append(shots, b.Screenshot("las-vegas-facts"))

	assertScreenshots(t, shots)
	assertBrowserClean(t, b, srv.URL)
}

func mustArticles(t *testing.T, db *sqlite.DB) []news.Article {
	t.Helper()
	arts, err := db.Articles(context.Background(), store.ArticleQuery{Limit: 10000})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}
