package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/store/storetest"
)

func TestAnalysesContract(t *testing.T) {
	storetest.RunAnalyses(t, func(t *testing.T) storetest.AnalysisStore {
		db, err := Open(context.Background(), filepath.Join(t.TempDir(), "a.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}
