package sqlite

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/analysisrow"
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

// TestRowEncoder checks that the reused encoder writes every kind of row
// exactly as json.Marshal does (HTML characters and line separators
// escaped, no trailing newline), one row after another, and fails where
// json.Marshal fails.
func TestRowEncoder(t *testing.T) {
	at := time.Date(2026, 12, 6, 15, 4, 5, 0, time.UTC)
	rows := []struct {
		name string
		v    any
	}{
		{"quote", news.Quote{ArticleID: "a1", Text: `He said "<b>no</b>" & left` + "\u2028", Speaker: "Ann Lee", SpeakerID: "e1", SpeakerStart: -1, SpeakerEnd: -1, Direct: true, Date: at}},
		{"short after long", news.Quote{ArticleID: "a2"}},
		{"analysis", analysisrow.Data{Mentions: []news.Mention{{EntityID: "e1", Text: "Лі", Start: 3, End: 7}}, AnalysedChars: 120}},
		{"story", news.Story{ID: "s1", Title: "Talks", ArticleIDs: []string{"a1", "a2"}, FirstSeen: at, LastSeen: at}},
		{"storyline", news.Storyline{ID: "l1", Label: "talks", StoryIDs: []string{"s1"}}},
		{"entity", news.Entity{ID: "e1", Name: "Ann Lee", Kind: "person", NameByLang: map[string]string{"ru": "Энн Ли", "en": "Ann Lee"}}},
		{"empty entity", news.Entity{}},
	}
	enc := newRowEncoder()
	for _, r := range rows {
		want, err := json.Marshal(r.v)
		if err != nil {
			t.Fatalf("%s: json.Marshal: %v", r.name, err)
		}
		got, err := enc.text(r.v)
		if err != nil || got != string(want) {
			t.Errorf("%s: text = %q, %v; want %q", r.name, got, err, want)
		}
	}
	if got, err := enc.text(map[string]float64{"x": math.NaN()}); err == nil {
		t.Errorf("NaN: text = %q, want an error", got)
	}
	want, _ := json.Marshal(rows[1].v)
	if got, err := enc.text(rows[1].v); err != nil || got != string(want) {
		t.Errorf("after an error: text = %q, %v; want %q", got, err, want)
	}
}

// TestSaveAnalysisCanceled checks that a batch saved with an ended
// context fails with the context's error and leaves nothing saved, though
// its one-row statements do not watch the context themselves.
func TestSaveAnalysisCanceled(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "c.db"))
	if _, err := db.PutArticles(t.Context(), []news.Article{{ID: "a1", Title: "One", Text: "Some text."}}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	err := db.SaveAnalysis(ctx, store.AnalysisBatch{Articles: []store.ArticleAnalysis{{ArticleID: "a1", StoryID: "s1"}}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("SaveAnalysis: err = %v, want context.Canceled", err)
	}
	pending, err := db.PendingArticles(t.Context(), 10)
	if err != nil || len(pending) != 1 {
		t.Errorf("pending after a canceled save = %d articles, %v; want 1", len(pending), err)
	}
}
