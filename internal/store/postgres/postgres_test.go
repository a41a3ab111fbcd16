package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

// open opens a store on a fresh schema of the test server.
func open(t testing.TB, opts ...Option) *DB {
	t.Helper()
	return openDSN(t, pgtest.DSN(t), opts...)
}

func openDSN(t testing.TB, dsn string, opts ...Option) *DB {
	t.Helper()
	db, err := Open(context.Background(), dsn, opts...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

func TestAnalysesContract(t *testing.T) {
	storetest.RunAnalyses(t, func(t *testing.T) storetest.AnalysisStore { return open(t) })
}

func TestFeedStore(t *testing.T) {
	storetest.RunFeeds(t, func(t *testing.T) store.FeedStore { return open(t) })
}

func TestOpenMigrates(t *testing.T) {
	dsn := pgtest.DSN(t)
	db := openDSN(t, dsn)
	v, err := db.SchemaVersion(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	entries, err := migrations.ReadDir("migrations")
	if err != nil {
		t.Fatal(err)
	}
	if want := int64(len(entries)); v != want {
		t.Errorf("schema version %d, want %d (one per migration file)", v, want)
	}
	var tables []string
	rows, err := db.pool.Query(t.Context(), `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := "analysis articles entities entity_ids feed_items feeds goose_db_version merges pending quotes reanalysis reanalysis_done stage_state stories storylines watches"
	if got := strings.Join(tables, " "); got != want {
		t.Errorf("tables in the test schema: %s\nwant %s", got, want)
	}
	if size, err := db.Size(t.Context()); err != nil || size <= 0 {
		t.Errorf("Size = %d, %v", size, err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	dsn := pgtest.DSN(t)
	storetest.Reopen(t, func(ctx context.Context) (store.Store, error) { return Open(ctx, dsn) })
}

// TestOpenErrors checks that a connection string that cannot work fails
// Open quickly with an error naming the database, and never its password.
func TestOpenErrors(t *testing.T) {
	const secret = "s3cret-Pa55"
	cases := []struct {
		name, dsn string
		want      string // in the error
	}{
		{"empty", "", "empty connection string"},
		{"not a URL", "postgres://parallax:" + secret + "@localhost:notaport/parallax", "localhost"},
		{"nothing listening", "postgres://parallax:" + secret + "@127.0.0.1:1/parallax?connect_timeout=5", "127.0.0.1:1"},
		{"key=value, nothing listening", "host=127.0.0.1 port=1 user=parallax password=" + secret + " dbname=parallax connect_timeout=5", "127.0.0.1"},
		{"password in the query", "postgresql://127.0.0.1:1/parallax?user=parallax&password=" + secret + "&connect_timeout=5", "127.0.0.1:1"},
	}
	if base := testServer(t); base != "" {
		cases = append(cases,
			struct{ name, dsn, want string }{"no such database", withDatabase(t, base, "parallax_no_such_db"), "parallax_no_such_db"},
			struct{ name, dsn, want string }{"no such schema", WithSchema(base, "parallax_no_such_schema"), "search_path"},
		)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			db, err := Open(t.Context(), tc.dsn)
			if err == nil {
				db.Close()
				t.Fatalf("Open(%q): no error", Redact(tc.dsn))
			}
			msg := err.Error()
			t.Logf("error: %s", msg)
			if strings.Contains(msg, secret) {
				t.Errorf("error shows the password: %s", msg)
			}
			if !strings.Contains(msg, tc.want) {
				t.Errorf("error %q does not say %q", msg, tc.want)
			}
			if tc.dsn != "" && !strings.Contains(msg, "open postgres "+Redact(tc.dsn)) {
				t.Errorf("error %q does not name the database as %q", msg, Redact(tc.dsn))
			}
			if d := time.Since(start); d > 15*time.Second {
				t.Errorf("Open took %v to fail", d)
			}
		})
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := Open(ctx, "postgres://parallax@127.0.0.1:1/parallax"); !errors.Is(err, context.Canceled) {
		t.Errorf("Open with a canceled context: %v, want context.Canceled", err)
	}
}

// testServer returns the test server's connection string, or "" when none
// is set (the test then covers only what needs no server).
func testServer(t *testing.T) string {
	t.Helper()
	return strings.TrimSpace(os.Getenv(pgtest.EnvDSN))
}

func withDatabase(t *testing.T, dsn, name string) string {
	t.Helper()
	if IsURL(dsn) {
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatal(err)
		}
		u.Path = "/" + name
		return u.String()
	}
	return dsn + " dbname=" + name
}

func TestRedact(t *testing.T) {
	cases := []struct{ in, want string }{
		{"postgres://u:pw@h:5432/db?sslmode=disable", "postgres://u:xxxxx@h:5432/db?sslmode=disable"},
		{"postgresql://u@h/db", "postgresql://u@h/db"},
		{"postgres://h/db?password=pw&user=u", "postgres://h/db?password=xxxxx&user=u"},
		{"postgres://u:p%40ss@h/db", "postgres://u:xxxxx@h/db"},
		{"postgres://u:pw@h:bad/db", "postgres://u:xxxxx@h:bad/db"},
		{"host=h password=pw user=u", "host=h password=xxxxx user=u"},
		{"host=h password='p w' user=u", "host=h password=xxxxx user=u"},
		{"/var/lib/parallax.db", "/var/lib/parallax.db"},
	}
	for _, tc := range cases {
		if got := Redact(tc.in); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	err := redactError(errors.New(`cannot parse "postgres://u:p%40ss@h/db": p@ss`), "postgres://u:p%40ss@h/db")
	if strings.Contains(err.Error(), "p@ss") || strings.Contains(err.Error(), "p%40ss") {
		t.Errorf("redactError left the password: %s", err)
	}
}

func TestIsURL(t *testing.T) {
	for in, want := range map[string]bool{
		"postgres://h/db": true, "postgresql://h/db": true, "POSTGRES://h/db": true,
		"parallax.db": false, "./postgres://x": false, "host=h dbname=x": false, "": false,
	} {
		if got := IsURL(in); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	cases := []struct {
		in                      string
		words, phrases, prefixq string
	}{
		{"", "", "", ""},
		{"Ushakov", "Ushakov", "", ""},
		{"peace plan", "peace|plan", "", ""},
		{`"peace plan" Geneva`, "Geneva", "peace plan", ""},
		{`"peace plan`, "", "peace plan", ""},
		{`negotiat*`, "", "", "'negotiat':*"},
		{`negotiat** talk*`, "", "", "'negotiat':* & 'talk':*"},
		{`co-oper*`, "", "", "'co' <-> 'oper':*"},
		{`it's*`, "it's", "", ""}, // a one-letter prefix is searched as the word
		{`it's* won't*`, "it's|won't", "", ""},
		{`a* a* A* said*`, "a", "", "'said':*"},
		{`*`, "", "", ""},
		{`- ( ) : ^ +`, "", "", ""},
		{"a\x00b", "a|b", "", ""},
		{"\"a\x00b\"", "", "a b", ""},
		{`NEAR(a b)`, "NEAR(a|b)", "", ""},
	}
	for _, tc := range cases {
		q := ParseQuery(tc.in)
		if got := strings.Join(q.Words, "|"); got != tc.words {
			t.Errorf("ParseQuery(%q) words %q, want %q", tc.in, got, tc.words)
		}
		if got := strings.Join(q.Phrases, "|"); got != tc.phrases {
			t.Errorf("ParseQuery(%q) phrases %q, want %q", tc.in, got, tc.phrases)
		}
		if got := q.PrefixQuery(); got != tc.prefixq {
			t.Errorf("ParseQuery(%q) prefixes %q, want %q", tc.in, got, tc.prefixq)
		}
		if q.Empty() != (tc.words == "" && tc.phrases == "" && tc.prefixq == "") {
			t.Errorf("ParseQuery(%q).Empty() = %v", tc.in, q.Empty())
		}
	}
}

func TestClock(t *testing.T) {
	storetest.Clock(t, func(t *testing.T, now func() time.Time) store.Store { return open(t, WithClock(now)) })
}

// TestLongText stores texts whose full-text index, were it not bounded,
// would pass the 1 MB a tsvector can hold: they are stored whole, and the
// start stays searchable.
func TestLongText(t *testing.T) {
	db := open(t)
	var pairs, singles strings.Builder
	for i := range 400_000 {
		// Distinct two-character words: the worst case for the index size.
		pairs.WriteRune(rune(0x4E00 + i%20000))
		pairs.WriteRune(rune(0x4E00 + (i/20000)%20000))
		pairs.WriteByte(' ')
		// Distinct one-letter words of four bytes (CJK Extension B).
		singles.WriteRune(rune(0x20000 + i%42000))
		singles.WriteByte(' ')
	}
	long := []news.Article{
		{ID: "pairs", Title: strings.Repeat("Longword ", 5000), Text: "Opening sentence. " + pairs.String()},
		{ID: "singles", Title: "Singles", Text: "Opening sentence. " + singles.String()},
	}
	if n, err := db.PutArticles(t.Context(), long); err != nil || n != 2 {
		t.Fatalf("PutArticles of long texts = %d, %v", n, err)
	}
	for _, want := range long {
		got, err := db.Article(t.Context(), want.ID)
		if err != nil || got.Text != want.Text {
			t.Errorf("%s: stored text differs (%d bytes, want %d), %v", want.ID, len(got.Text), len(want.Text), err)
		}
	}
	hits, err := db.Search(t.Context(), "opening sentence", 5)
	if err != nil || len(hits) != 2 {
		t.Errorf("search the start of long texts: %d hits, %v", len(hits), err)
	}
}

// TestOpenConcurrent opens one new schema from several goroutines at once,
// as processes started together would: every Open must succeed and the
// schema be migrated once.
func TestOpenConcurrent(t *testing.T) {
	dsn := pgtest.DSN(t)
	storetest.OpenConcurrent(t, 4, func(ctx context.Context) (store.Store, error) { return Open(ctx, dsn) })
	db := openDSN(t, dsn)
	var applied int
	if err := db.pool.QueryRow(t.Context(), `SELECT COUNT(*) FROM goose_db_version WHERE version_id > 0`).Scan(&applied); err != nil {
		t.Fatal(err)
	}
	entries, _ := migrations.ReadDir("migrations")
	if applied != len(entries) {
		t.Errorf("%d migrations recorded, want %d: applied more than once", applied, len(entries))
	}
}

func TestOpenNewerSchema(t *testing.T) {
	dsn := pgtest.DSN(t)
	db := openDSN(t, dsn)
	// A later parallax applied a migration this one does not know.
	if _, err := db.pool.Exec(t.Context(), `INSERT INTO goose_db_version (version_id, is_applied) VALUES (9999, true)`); err != nil {
		t.Fatal(err)
	}
	db2, err := Open(t.Context(), dsn)
	if err == nil {
		db2.Close()
		t.Fatal("Open of a database with a newer schema: no error")
	}
	if !strings.Contains(err.Error(), "9999") || !strings.Contains(err.Error(), "newer") {
		t.Errorf("error %q does not say the schema is newer", err)
	}
}

// TestNotStorableLookups checks that IDs PostgreSQL text cannot hold are
// simply not found, as with any other unknown ID.
func TestNotStorableLookups(t *testing.T) {
	db := open(t)
	ctx := t.Context()
	for _, id := range []string{"a\x00b", "\xff"} {
		if _, err := db.Article(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Article(%q): %v, want ErrNotFound", id, err)
		}
		if ok, err := db.HasArticle(ctx, id); ok || err != nil {
			t.Errorf("HasArticle(%q) = %v, %v", id, ok, err)
		}
		if _, err := db.Story(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Story(%q): %v, want ErrNotFound", id, err)
		}
		if _, err := db.Storyline(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Storyline(%q): %v, want ErrNotFound", id, err)
		}
		if _, err := db.Entity(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Entity(%q): %v, want ErrNotFound", id, err)
		}
		if _, err := db.Analysis(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Analysis(%q): %v, want ErrNotFound", id, err)
		}
		if _, err := db.FeedState(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("FeedState(%q): %v, want ErrNotFound", id, err)
		}
		if list, err := db.Articles(ctx, store.ArticleQuery{Outlet: id}); err != nil || len(list) != 0 {
			t.Errorf("Articles(outlet %q) = %d, %v", id, len(list), err)
		}
		if list, err := db.Quotes(ctx, store.QuoteQuery{Speaker: id}); err != nil || len(list) != 0 {
			t.Errorf("Quotes(speaker %q) = %d, %v", id, len(list), err)
		}
		if list, err := db.Entities(ctx, store.EntityQuery{Name: id}); err != nil || len(list) != 0 {
			t.Errorf("Entities(name %q) = %d, %v", id, len(list), err)
		}
		if seen, err := db.SeenItems(ctx, []string{id}); err != nil || len(seen) != 0 {
			t.Errorf("SeenItems(%q) = %v, %v", id, seen, err)
		}
	}
	// LIKE's own characters are literal in name searches.
	if err := db.SaveAnalysis(ctx, store.AnalysisBatch{Entities: []news.Entity{
		{ID: "e1", Name: "100% Kyiv_Post", Kind: "organisation"}, {ID: "e2", Name: "100 Kyiv Post", Kind: "organisation"},
	}}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"100%": 1, "kyiv_post": 1, "kyiv": 2, "%": 1, "_": 1} {
		if list, err := db.Entities(ctx, store.EntityQuery{Name: q}); err != nil || len(list) != want {
			t.Errorf("Entities(name %q) = %d, %v; want %d", q, len(list), err, want)
		}
	}
}

// TestCancelKeepsConnections cancels large batches while they are sent and
// stored: the error says the context was canceled, nothing is stored, and
// the connections stay usable, so Close does not wait on them (pgx's
// default of cutting the connection mid-message made Close take 15 s per
// cut connection).
func TestCancelKeepsConnections(t *testing.T) {
	db, err := Open(t.Context(), pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	body := strings.Repeat("Words to make the row and the index do some work. ", 80)
	for round := range 12 {
		batch := make([]news.Article, 400)
		for i := range batch {
			batch[i] = news.Article{ID: fmt.Sprintf("r%d-%03d", round, i), Text: body + fmt.Sprint(i)}
		}
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(time.Duration(round)*time.Millisecond, cancel)
		n, err := db.PutArticles(ctx, batch)
		cancel()
		if err == nil {
			t.Logf("round %d: stored before the cancellation (%d)", round, n)
			continue
		}
		if !errors.Is(err, context.Canceled) {
			t.Errorf("round %d: error %v does not wrap context.Canceled", round, err)
		}
	}
	if c, err := db.CountArticles(t.Context()); err != nil || c%400 != 0 {
		t.Errorf("count after canceled batches = %d, %v; want whole batches", c, err)
	}
	start := time.Now()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Close after canceled batches took %v", d)
	}
}

// FuzzSearch checks that no user query makes Search fail, also with the
// syntax of tsquery.
func FuzzSearch(f *testing.F) {
	storetest.FuzzSearch(f, open(f), func(q string) string { return fmt.Sprintf("%+v", ParseQuery(q)) },
		`a:*`, `'a'`, `a & b | !c`, `a <-> b`, `"a <2> b"`, `\'`, "½*", "ab\u0301*", `x*:*`, `'':*`)
}

func ExampleRedact() {
	fmt.Println(Redact("postgres://parallax:secret@db.example:5432/news?sslmode=require"))
	// Output: postgres://parallax:xxxxx@db.example:5432/news?sslmode=require
}
