package pipeline

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// ingestSeeds stores the five seed articles with their publication dates.
func ingestSeeds(t *testing.T, db *sqlite.DB) {
	t.Helper()
	for _, s := range sharedtest.Seeds(t) {
		pub := s.Published
		in := ingest.Input{Name: s.Path, Kind: ingest.KindText}
		if _, err := Ingest(context.Background(), db, &ingest.Reader{}, []ingest.Input{in}, Options{Clean: CleanOptions{Published: pub}}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAnalyzeSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses news-clusters and the seeds")
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The seeds arrive in a stream of other news (term weights are learned
	// from the stream: five articles alone cannot tell an event's words from
	// the storyline's): the labelled news-clusters set, from 2016-2018.
	inputs, errs := ingest.Expand([]string{sharedtest.Dir(t, "eval", "news-clusters")})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if _, err := Ingest(ctx, db, &ingest.Reader{}, inputs, Options{}); err != nil {
		t.Fatal(err)
	}
	ingestSeeds(t, db)

	sum, err := NewAnalyzer(nil).Analyze(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles < 380 || sum.Quotes == 0 {
		t.Fatalf("summary = %+v", sum)
	}
	since := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	stories, err := db.Stories(ctx, store.StoryQuery{Since: since})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) < 2 {
		t.Fatalf("seeds: %d stories, want several", len(stories))
	}
	line := stories[0].StorylineID
	for _, s := range stories {
		if s.StorylineID != line {
			t.Errorf("seed story %q is in storyline %s, want all in %s", s.Title, s.StorylineID, line)
		}
	}
	if l, err := db.Storyline(ctx, line); err != nil || len(l.StoryIDs) != len(stories) {
		t.Errorf("seed storyline %s holds %d stories (%v), want exactly the %d seed stories", line, len(l.StoryIDs), err, len(stories))
	}
	checkEntities(t, db)
	qs, err := db.Quotes(ctx, store.QuoteQuery{Speaker: "Vance"})
	if err != nil {
		t.Fatal(err)
	}

	if err != nil || len(qs) == 0 {
		t.Errorf("no quotes by Vance (err %v)", err)
	}

	// A new Analyzer loads the state the first one kept and finds nothing
	// pending.
	again, err := NewAnalyzer(nil).Analyze(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if again.Articles != 0 || again.Replayed != 0 || again.Restored != sum.Articles {
		t.Errorf("second run = %+v, want 0 analysed, 0 replayed, %d restored", again, sum.Articles)
	}
	// A snapshot ahead of the store's mark does not describe the store: the
	// next Analyzer replays everything.
	if err := db.SaveAnalysis(ctx, store.AnalysisBatch{State: markState(sum.Articles - 1)}); err != nil {
		t.Fatal(err)
	}
	third, err := NewAnalyzer(nil).Analyze(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if third.Replayed != sum.Articles || third.Restored != 0 {
		t.Errorf("run after a stale mark = %+v, want %d replayed", third, sum.Articles)
	}

	// A republished copy of a seed (same text, another outlet, a day later)
	// is folded into its original and joins the original's story.
	orig, err := db.Articles(ctx, store.ArticleQuery{Outlet: "AFP"})
	if err != nil || len(orig) != 1 {
		t.Fatalf("AFP article: %v, %v", orig, err)
	}
	cp := orig[0]
	cp.ID, cp.Outlet, cp.OriginOutlet, cp.Source = cp.ID+"-copy", "Mirror Site", "", "mirror"
	cp.Text += "\n\nShare this article."
	cp.Published = cp.Published.Add(24 * time.Hour)
	if _, err := db.PutArticles(ctx, []news.Article{cp}); err != nil {
		t.Fatal(err)
	}
	z := NewAnalyzer(nil)
	if _, err := z.Analyze(ctx, db); err != nil {
		t.Fatal(err)
	}
	an, err := db.Analysis(ctx, cp.ID)
	if err != nil {
		t.Fatal(err)
	}
	origAn, err := db.Analysis(ctx, orig[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if an.DuplicateOf != orig[0].ID || an.StoryID != origAn.StoryID {
		t.Errorf("copy: duplicate_of %q story %q; want %q and %q", an.DuplicateOf, an.StoryID, orig[0].ID, origAn.StoryID)
	}
	// Writing only what changed kept every entity and storyline in place.
	checkEntities(t, db)
	if l, err := db.Storyline(ctx, line); err != nil || len(l.StoryIDs) != len(stories) {
		t.Errorf("after the copy the seed storyline holds %d stories (%v), want %d", len(l.StoryIDs), err, len(stories))
	}
}

// checkEntities asserts that the seeds' spelling variants are one entity each.
func checkEntities(t *testing.T, db *sqlite.DB) {
	t.Helper()
	for _, name := range []string{"Zelensky", "Ushakov", "Lavrov", "Kyiv"} {
		ents, err := db.Entities(context.Background(), store.EntityQuery{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		if len(ents) != 1 {
			var names []string
			for _, e := range ents {
				names = append(names, e.Name)
			}
			t.Errorf("%s: %d entities %v, want one across spellings", name, len(ents), names)
		}
	}
}
