package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
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
	dates, err := os.ReadFile(sharedtest.Dir(t, "corpus", "seeds-dates.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(dates)), "\n")[1:] {
		f := strings.Split(line, "\t")
		pub, err := time.Parse("2006-01-02", f[1])
		if err != nil {
			t.Fatal(err)
		}
		in := ingest.Input{Name: sharedtest.Dir(t, "corpus", "seeds", f[0]), Kind: ingest.KindText}
		if _, err := Ingest(context.Background(), db, &ingest.Reader{}, []ingest.Input{in}, Options{Clean: CleanOptions{Published: pub}}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAnalyzeSeeds(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ingestSeeds(t, db)

	sum, err := NewAnalyzer(nil).Analyze(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 5 || sum.Quotes == 0 {
		t.Fatalf("summary = %+v", sum)
	}
	lines, err := db.Storylines(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stories, err := db.Stories(ctx, store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 1 || len(stories) < 2 {
		t.Fatalf("seeds: %d storylines, %d stories; want one storyline of several stories", len(lines), len(stories))
	}
	if len(lines[0].StoryIDs) != len(stories) {
		t.Errorf("storyline holds %d of %d stories", len(lines[0].StoryIDs), len(stories))
	}
	checkEntities(t, db)
	qs, err := db.Quotes(ctx, store.QuoteQuery{Speaker: "Vance"})
	if err != nil {
		t.Fatal(err)
	}

	if err != nil || len(qs) == 0 {
		t.Errorf("no quotes by Vance (err %v)", err)
	}

	// A new Analyzer rebuilds its memory and finds nothing pending.
	again, err := NewAnalyzer(nil).Analyze(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if again.Articles != 0 || again.Replayed != 5 {
		t.Errorf("second run = %+v, want 0 analysed, 5 replayed", again)
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
	if lines, err := db.Storylines(ctx); err != nil || len(lines) != 1 {
		t.Errorf("after the copy: %d storylines (%v), want 1", len(lines), err)
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
