package sqlite

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pressly/goose/v3"
)

// migrationDB opens a new database file migrated up to version, with the
// goose provider that moves it on.
func migrationDB(t *testing.T, version int64) (*sql.DB, *goose.Provider) {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(filepath.Join(t.TempDir(), "m.db"), 5*time.Second, false))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db, fsys, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(t.Context(), version); err != nil {
		t.Fatal(err)
	}
	return db, p
}

// TestMigrationWriteLess runs migration 8 up and down over a database of
// version 7 holding rows in every rebuilt table: the rows (with their
// rowids) and the indexes are the same after each step, the JSON checks
// and the three unread indexes of articles are gone after Up and back
// after Down, and an article's analysis and quotes still go with it.
func TestMigrationWriteLess(t *testing.T) {
	ctx := t.Context()
	db, p := migrationDB(t, 7)
	for _, q := range []string{
		`INSERT INTO articles (seq, id, ingested_at) VALUES (1, 'a1', 'x'), (2, 'a2', 'x'), (5, 'a5', 'x')`,
		`INSERT INTO analysis VALUES (1, 3, 's1', '', '{"mentions":[]}'), (2, 1, 's1', 'a1', '{}'), (5, 2, '', '', '{"timexes":null}')`,
		`INSERT INTO quotes (rowid, article_seq, idx, speaker, speaker_id, direct, data) VALUES
			(7, 1, 0, 'Ann', 'e1', 1, '{"text":"a"}'), (3, 1, 1, 'Bo', '', 0, '{}'), (9, 5, 0, '', '', 0, '{}')`,
		`INSERT INTO stories (rowid, id, storyline_id, first_seen, last_seen, data, outlet_names) VALUES
			(4, 's1', 'l1', 'f', 'l', '{"id":"s1"}', 'wire'), (2, 's2', '', NULL, NULL, '{}', '')`,
		`INSERT INTO storylines (rowid, id, first_seen, last_seen, data) VALUES (8, 'l1', NULL, 'l', '{"id":"l1"}'), (1, 'l2', 'f', 'l', '[]')`,
		`INSERT INTO entities (rowid, id, name, kind, mentions, data, names) VALUES
			(6, 'e1', 'Ann', 'person', 4, '{"id":"e1"}', 'ann'), (3, 'e2', 'Bo', '', 0, '{}', '')`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	tables := []string{"analysis", "quotes", "stories", "storylines", "entities"}
	before := dumpTables(ctx, t, db, tables)
	checks := func() []string {
		var out []string
		for _, tb := range tables {
			var s string
			if err := db.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`, tb).Scan(&s); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(s, "json_valid") {
				out = append(out, tb)
			}
		}
		return out
	}
	if got := checks(); !slices.Equal(got, tables) {
		t.Fatalf("version 7 checks JSON in %v, want %v", got, tables)
	}
	articleIndexes := func() string {
		var names []string
		rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'articles' AND sql IS NOT NULL ORDER BY name`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				t.Fatal(err)
			}
			names = append(names, n)
		}
		return strings.Join(names, " ")
	}
	const all = "articles_origin_key articles_origin_outlet articles_outlet articles_outlet_key articles_published articles_seq articles_url"
	const kept = "articles_origin_key articles_outlet_key articles_published articles_seq"
	if got := articleIndexes(); got != all {
		t.Fatalf("version 7 indexes articles by %s, want %s", got, all)
	}
	if _, err := p.UpByOne(ctx); err != nil {
		t.Fatal(err)
	}
	if got := checks(); len(got) != 0 {
		t.Errorf("after migration 8 %v still check JSON", got)
	}
	if got := articleIndexes(); got != kept {
		t.Errorf("after migration 8 articles are indexed by %s, want %s", got, kept)
	}
	if after := dumpTables(ctx, t, db, tables); after != before {
		t.Errorf("migration 8 changed the rows or indexes:\nbefore %s\nafter  %s", before, after)
	}
	if _, err := p.Down(ctx); err != nil {
		t.Fatal(err)
	}
	if got := checks(); !slices.Equal(got, tables) {
		t.Errorf("after migration 8 down JSON checked in %v, want %v", got, tables)
	}
	if got := articleIndexes(); got != all {
		t.Errorf("after migration 8 down articles are indexed by %s, want %s", got, all)
	}
	if after := dumpTables(ctx, t, db, tables); after != before {
		t.Errorf("migration 8 down changed the rows or indexes:\nbefore %s\nafter  %s", before, after)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `DELETE FROM articles WHERE seq = 1`); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM analysis) + (SELECT COUNT(*) FROM quotes)`).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if left != 3 { // a2's and a5's analysis, a5's quote
		t.Errorf("after deleting a1, %d analysis and quote rows left, want 3", left)
	}
}

// dumpTables returns the rows of tables (with rowids) and their indexes
// as text.
func dumpTables(ctx context.Context, t *testing.T, db *sql.DB, tables []string) string {
	t.Helper()
	var b strings.Builder
	for _, tb := range tables {
		b.WriteString(tb + ":")
		rows, err := db.QueryContext(ctx, `SELECT rowid, * FROM `+tb+` ORDER BY rowid`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]sql.NullString, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			b.WriteString(" (")
			for i, v := range vals {
				if i > 0 {
					b.WriteString(",")
				}
				if v.Valid {
					b.WriteString(cols[i] + "=" + v.String)
				} else {
					b.WriteString(cols[i] + "=NULL")
				}
			}
			b.WriteString(")")
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		idx, err := db.QueryContext(ctx, `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? ORDER BY name`, tb)
		if err != nil {
			t.Fatal(err)
		}
		for idx.Next() {
			var name string
			var s sql.NullString
			if err := idx.Scan(&name, &s); err != nil {
				t.Fatal(err)
			}
			b.WriteString(" index " + name + " " + s.String)
		}
		idx.Close()
		b.WriteString("\n")
	}
	return b.String()
}

// TestMigrationPendingQueue: migration 10 fills the pending table from
// what is stored, and its triggers keep it equal to the articles without
// an analysis row through inserts, analyses, resets and deletes.
func TestMigrationPendingQueue(t *testing.T) {
	ctx := context.Background()
	db, p := migrationDB(t, 9)
	exec := func(q string) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	pending := func() string {
		t.Helper()
		var got, want string
		if err := db.QueryRowContext(ctx, `SELECT COALESCE(group_concat(seq, ' '), '') FROM (SELECT seq FROM pending ORDER BY seq)`).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRowContext(ctx, `SELECT COALESCE(group_concat(seq, ' '), '') FROM (SELECT seq FROM articles a
			WHERE NOT EXISTS (SELECT 1 FROM analysis z WHERE z.article_seq = a.seq) ORDER BY seq)`).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("pending table holds %q, the articles without analysis are %q", got, want)
		}
		return got
	}
	exec(`INSERT INTO articles (seq, id, ingested_at) VALUES (1, 'a1', 'x'), (2, 'a2', 'x'), (5, 'a5', 'x')`)
	exec(`INSERT INTO analysis (article_seq, analysed_order, story_id, duplicate_of, data) VALUES (2, 1, 's1', '', '{}')`)
	if _, err := p.UpTo(ctx, 10); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		sql, want string
	}{
		{``, "1 5"},
		{`INSERT INTO articles (seq, id, ingested_at) VALUES (7, 'a7', 'x')`, "1 5 7"},
		{`INSERT INTO analysis (article_seq, analysed_order, story_id, duplicate_of, data) VALUES (1, 2, 's1', '', '{}'), (7, 3, 's2', '', '{}')`, "5"},
		{`UPDATE analysis SET story_id = 's3' WHERE article_seq = 1`, "5"},
		{`DELETE FROM analysis`, "1 2 5 7"},
		{`DELETE FROM articles WHERE seq = 5`, "1 2 7"},
	} {
		if step.sql != "" {
			exec(step.sql)
		}
		if got := pending(); got != step.want {
			t.Fatalf("after %q: pending %q, want %q", step.sql, got, step.want)
		}
	}
}
