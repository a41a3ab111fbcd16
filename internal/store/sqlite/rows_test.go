package sqlite

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
)

// TestMultiRow writes rows through multiRow, many to a statement, and
// checks the table against the same rows written one at a time in order:
// later rows update earlier ones with the same key, in the same statement
// or in an earlier one.
func TestMultiRow(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "m.db"))
	for _, n := range []int{0, 1, rowsPerStatement - 1, rowsPerStatement, rowsPerStatement + 1, 2*rowsPerStatement + 50} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			ctx := t.Context()
			tx, err := db.write.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			if _, err := tx.ExecContext(ctx, `CREATE TABLE m (k TEXT PRIMARY KEY, v INTEGER NOT NULL, writes INTEGER NOT NULL)`); err != nil {
				t.Fatal(err)
			}
			m := newMultiRow(ctx, tx, "m", `INSERT INTO m (k, v, writes) VALUES`,
				`ON CONFLICT (k) DO UPDATE SET v = excluded.v, writes = writes + 1`, 3)
			defer m.close()
			type row struct{ v, writes int }
			want := map[string]row{}
			for i := range n {
				k := fmt.Sprintf("k%03d", (i*7)%(n/3+1)) // every key several times when n > 3
				want[k] = row{v: i, writes: want[k].writes + 1}
				if err := m.add(k, i, 1); err != nil {
					t.Fatal(err)
				}
			}
			if err := m.add("too", "few"); err == nil {
				t.Error("add with 2 values for 3 columns: no error")
			}
			if err := m.flush(); err != nil {
				t.Fatal(err)
			}
			if m.pending() {
				t.Error("rows pending after flush")
			}
			rows, err := tx.QueryContext(ctx, `SELECT k, v, writes FROM m`)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]row{}
			for rows.Next() {
				var (
					k string
					r row
				)
				if err := rows.Scan(&k, &r.v, &r.writes); err != nil {
					t.Fatal(err)
				}
				got[k] = r
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			rows.Close()
			if len(got) != len(want) {
				t.Errorf("%d rows, want %d", len(got), len(want))
			}
			for k, w := range want {
				if got[k] != w {
					t.Errorf("row %s = %+v, want %+v", k, got[k], w)
				}
			}
		})
	}
}

// TestSaveAnalysisManyRows saves a batch of more articles and quotes than
// one statement holds, with articles repeated (next to each other and far
// apart): each article keeps the analysis and quotes of its last
// occurrence and the analysis order of its first.
func TestSaveAnalysisManyRows(t *testing.T) {
	ctx := t.Context()
	db := open(t, filepath.Join(t.TempDir(), "s.db"))
	const n = 2*rowsPerStatement + 30
	arts := make([]news.Article, n)
	for i := range arts {
		arts[i] = news.Article{ID: fmt.Sprintf("a%04d", i), Title: "Report", Text: "Some text of the report."}
	}
	if _, err := db.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	analysis := func(i int, story string, quotes int) store.ArticleAnalysis {
		a := store.ArticleAnalysis{ArticleID: arts[i].ID, StoryID: story}
		for j := range quotes {
			a.Quotes = append(a.Quotes, news.Quote{Text: fmt.Sprintf("Quote %d of %s in %s.", j, arts[i].ID, story), Speaker: "Ann Lee", Direct: j%2 == 0})
		}
		return a
	}
	var batch store.AnalysisBatch
	for i := range n {
		batch.Articles = append(batch.Articles, analysis(i, "s1", 1+i%3))
	}
	// a0007 again at once, a0005 again two statements later.
	batch.Articles = slices.Insert(batch.Articles, 8, analysis(7, "s2", 2))
	batch.Articles = append(batch.Articles, analysis(5, "s3", 1))
	if err := db.SaveAnalysis(ctx, batch); err != nil {
		t.Fatal(err)
	}
	last := map[string]store.ArticleAnalysis{}
	for _, a := range batch.Articles {
		last[a.ArticleID] = a
	}
	total := 0
	for _, a := range arts {
		want := last[a.ID]
		got, err := db.Analysis(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.StoryID != want.StoryID {
			t.Errorf("%s: story %q, want %q", a.ID, got.StoryID, want.StoryID)
		}
		quotes, err := db.Quotes(ctx, store.QuoteQuery{ArticleID: a.ID})
		if err != nil {
			t.Fatal(err)
		}
		var texts, wantTexts []string
		for _, q := range quotes {
			texts = append(texts, q.Text)
		}
		for _, q := range want.Quotes {
			wantTexts = append(wantTexts, q.Text)
		}
		if !slices.Equal(texts, wantTexts) {
			t.Errorf("%s: quotes %q, want %q", a.ID, texts, wantTexts)
		}
		total += len(quotes)
	}
	if total <= rowsPerStatement {
		t.Fatalf("%d quotes fit one statement; the test needs more", total)
	}
	var order []string
	if err := db.WalkAnalysed(ctx, func(a news.Article) error {
		order = append(order, a.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var wantOrder []string
	for _, a := range arts {
		wantOrder = append(wantOrder, a.ID)
	}
	if !slices.Equal(order, wantOrder) {
		t.Errorf("analysed order %v, want the batch's first occurrences %v", order, wantOrder)
	}
	// An article not stored fails the batch and saves nothing of it.
	bad := store.AnalysisBatch{Articles: []store.ArticleAnalysis{analysis(0, "s9", 1), {ArticleID: "missing"}}}
	if err := db.SaveAnalysis(ctx, bad); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SaveAnalysis with an article not stored: %v, want store.ErrNotFound", err)
	}
	if got, err := db.Analysis(ctx, arts[0].ID); err != nil || got.StoryID != "s1" {
		t.Errorf("after the failed batch %s is in %q (%v), want s1", arts[0].ID, got.StoryID, err)
	}
}
