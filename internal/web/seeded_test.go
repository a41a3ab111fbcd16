package web

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// seededDB returns a SQLite store in a temporary folder holding the five
// seed articles from ../shared, each ingested with its publication date
// from seeds-dates.tsv, then analysed: the real pipeline end to end.
func seededDB(t testing.TB) *sqlite.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "seeds.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { db.Close() })

	n := 0
	for _, seed := range sharedtest.Seeds(t) {
		pub := seed.Published
		path := seed.Path
		inputs, errs := ingest.Expand([]string{path})
		if len(errs) > 0 {
			t.Fatalf("expand %s: %v", path, errs)
		}
		sum, err := pipeline.Ingest(ctx, db, &ingest.Reader{}, inputs, pipeline.Options{
			Clean: pipeline.CleanOptions{Published: pub},
		})
		if err != nil || sum.Failed > 0 {
			t.Fatalf("ingest %s: %v %v", path, err, sum.Errors)
		}
		n += sum.Added
	}
	if n != 5 {
		t.Fatalf("ingested %d seed articles, want 5", n)
	}
	if _, err := pipeline.NewAnalyzer(nil).Analyze(ctx, db); err != nil {
		t.Fatalf("analyse: %v", err)
	}
	return db
}
