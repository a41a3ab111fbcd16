package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/storetest"
)

func open(t testing.TB, path string, opts ...Option) *DB {
	t.Helper()
	db, err := Open(context.Background(), path, opts...)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return open(t, filepath.Join(t.TempDir(), "parallax.db"))
	})
}

func TestOpenMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	db := open(t, path)
	v, err := db.SchemaVersion(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	entries, err := migrations.ReadDir("migrations")
	if err != nil {
		t.Fatal(err)
	}
	// The newest file's number: numbers may skip one (each branch takes
	// its own), so not the count of files.
	var want int64
	for _, e := range entries {
		n, err := strconv.ParseInt(strings.SplitN(e.Name(), "_", 2)[0], 10, 64)
		if err != nil {
			t.Fatalf("migration %s: %v", e.Name(), err)
		}
		want = max(want, n)
	}
	if v != want {
		t.Errorf("schema version %d, want %d (the newest migration file's)", v, want)
	}
	var mode string
	if err := db.read.QueryRowContext(t.Context(), `PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var fk int
	if err := db.write.QueryRowContext(t.Context(), `PRAGMA foreign_keys`).Scan(&fk); err != nil {
		t.Fatal(err)
	}
	if fk != 1 {
		t.Errorf("foreign_keys = %d, want 1", fk)
	}
	if err := db.Check(t.Context()); err != nil {
		t.Errorf("Check on a new database: %v", err)
	}
	// The read pool refuses writes.
	if _, err := db.read.ExecContext(t.Context(), `DELETE FROM articles`); err == nil {
		t.Error("a read connection accepted a write")
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dir with space?#%", "p.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	storetest.Reopen(t, func(ctx context.Context) (store.Store, error) { return Open(ctx, path) })
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not at the given path: %v", err)
	}
}

func TestSize(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "p.db"))
	empty, err := db.Size(t.Context())
	if err != nil || empty <= 0 {
		t.Fatalf("Size of a new database = %d, %v", empty, err)
	}
	batch := crashBatch(0)
	if _, err := db.PutArticles(t.Context(), batch); err != nil {
		t.Fatal(err)
	}
	full, err := db.Size(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var text int64
	for _, a := range batch {
		text += int64(len(a.Text))
	}
	// Before any checkpoint the new pages live in the WAL; Size counts them.
	if full-empty < text {
		t.Errorf("Size grew by %d after storing %d bytes of text", full-empty, text)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "not.db")
	if err := os.WriteFile(notDB, []byte(strings.Repeat("this is not a database\n", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path string
	}{
		{"empty path", ""},
		{"missing folder", filepath.Join(dir, "missing", "p.db")},
		{"not a database", notDB},
		{"a folder", dir},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db, err := Open(t.Context(), tc.path)
			if err == nil {
				db.Close()
				t.Fatalf("Open(%q): no error", tc.path)
			}
			if tc.path != "" && !strings.Contains(err.Error(), tc.path) {
				t.Errorf("error %q does not name the path", err)
			}
		})
	}
	b, err := os.ReadFile(notDB)
	if err != nil || !strings.HasPrefix(string(b), "this is not a database") {
		t.Errorf("Open changed a file that is not a database")
	}
}

func TestClock(t *testing.T) {
	storetest.Clock(t, func(t *testing.T, now func() time.Time) store.Store {
		return open(t, filepath.Join(t.TempDir(), "p.db"), WithClock(now))
	})
}

func TestMatchQuery(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"  ", ""},
		{"Ushakov", `"Ushakov"`},
		{"peace plan", `"peace" "plan"`},
		{`"peace plan" Geneva`, `"peace plan" "Geneva"`},
		{`"peace plan`, `"peace plan"`},
		{`negotiat*`, `"negotiat"*`},
		{`negotiat**`, `"negotiat"*`},
		{`*`, ``},
		{`"*"`, ``},
		{`NEAR(a b)`, `"NEAR(a" "b)"`},
		{`a"b"c`, `"a" "b" "c"`},
		{`- ( ) : ^ +`, ``},
		{`AND OR NOT`, `"AND" "OR" "NOT"`},
		{"Ушаков\u00a0мир", `"Ушаков" "мир"`},
		{`""`, ``},
		{`"a""b"`, `"a" "b"`},
		{`a* a* A* negotiat* Negotiat*`, `"a" "negotiat"*`},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			if got := MatchQuery(tc.in); got != tc.want {
				t.Errorf("MatchQuery(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestReadInterrupted checks that the driver stops a running query on the
// read connections when its context ends (modernc's sqlite calls
// sqlite3_interrupt), what makes a request deadline bound a search: a
// query that would run for ever returns soon after its deadline, and the
// connection serves the next query.
func TestReadInterrupted(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "p.db"), WithReaders(1))
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	var n int64
	err := db.read.QueryRowContext(ctx, `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)
		SELECT count(*) FROM c`).Scan(&n)
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("endless query returned after %v, want soon after its 200ms deadline", took)
	}
	if err == nil {
		t.Fatalf("endless query returned %d without an error", n)
	}
	if _, err := db.Search(t.Context(), "anything", 5); err != nil {
		t.Errorf("search after the interrupted query: %v", err)
	}
}

// FuzzSearch checks that no user query makes Search fail.
func FuzzSearch(f *testing.F) {
	storetest.FuzzSearch(f, open(f, filepath.Join(f.TempDir(), "p.db")),
		func(q string) string { return fmt.Sprintf("match %q", MatchQuery(q)) })
}

// FuzzRoundTrip checks that any strings are stored and read back unchanged
// and stay searchable without error.
func FuzzRoundTrip(f *testing.F) {
	f.Add("Title", "Body text.", "debris", "Outlet")
	f.Add("", "", "", "")
	f.Add("Ушаков", "a\x00b", "\xff\xfe", "\"'")
	f.Add("Ушаков «мир»", "Перший абзац.\n\nДругий.", "Поділитися", "ТАСС")
	db := open(f, filepath.Join(f.TempDir(), "p.db"))
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, title, text, removed, outlet string) {
		// An exact hash of the input: ContentID folds case, and the fuzzer's
		// inputs "a" and "A" must not share a row.
		key := sha256.Sum256(fmt.Appendf(nil, "%q %q %q %q", title, text, removed, outlet))
		a := news.Article{ID: hex.EncodeToString(key[:]),
			Title: title, Text: text, Removed: []string{removed}, Outlet: outlet}
		valid := true
		for _, s := range []string{title, text, removed, outlet} {
			valid = valid && utf8.ValidString(s) && !strings.Contains(s, "\x00")
		}
		_, err := db.PutArticles(ctx, []news.Article{a})
		if !valid {
			if !errors.Is(err, store.ErrInvalid) {
				t.Fatalf("PutArticles of invalid text: error %v, want ErrInvalid", err)
			}
			if ok, err := db.HasArticle(ctx, a.ID); ok || err != nil {
				t.Fatalf("refused article stored: %v, %v", ok, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("PutArticles: %v", err)
		}
		got, err := db.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != title || got.Text != text || got.Outlet != outlet || !slices.Equal(got.Removed, []string{removed}) {
			t.Errorf("round trip changed the article: got %q %q %q %q", got.Title, got.Text, got.Outlet, got.Removed)
		}
		if _, err := db.Search(ctx, text, 3); err != nil {
			t.Errorf("Search(%q): %v", title, err)
		}
	})
}

// The crash test: a child process writes batches until the parent kills it
// with SIGKILL; the database must then be sound, hold only whole batches,
// and a rerun must complete the set.
const (
	crashEnvPath = "PARALLAX_SQLITE_CRASH_CHILD_DB"
	crashBatches = 60
	crashSize    = 100
)

// crashBatch returns batch b of the crash test's deterministic input.
func crashBatch(b int) []news.Article {
	batch := make([]news.Article, crashSize)
	body := strings.Repeat("Crash consistency filler text for a realistic row size. ", 30)
	for i := range batch {
		n := b*crashSize + i
		text := fmt.Sprintf("%s Article number %d.", body, n)
		batch[i] = news.Article{
			ID:        news.ContentID(text),
			Title:     fmt.Sprintf("Crash test article %d", n),
			Outlet:    "Crash Outlet",
			Published: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Minute),
			Text:      text,
			Removed:   []string{"debris"},
		}
	}
	return batch
}

// ingestCrashSet stores all crash batches, as an ingest run would,
// calling begin before each batch and done after it.
func ingestCrashSet(ctx context.Context, path string, begin, done func(b int)) error {
	db, err := Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	for b := range crashBatches {
		batch := crashBatch(b)
		if begin != nil {
			begin(b)
		}
		if _, err := db.PutArticles(ctx, batch); err != nil {
			return fmt.Errorf("batch %d: %w", b, err)
		}
		if done != nil {
			done(b)
		}
	}
	return nil
}

// TestCrashChild is the child half of TestCrashConsistency; it does nothing
// unless started by it.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnvPath)
	if path == "" {
		t.Skip("runs only as the child of TestCrashConsistency")
	}
	err := ingestCrashSet(context.Background(), path,
		func(b int) { fmt.Fprintf(os.Stdout, "begin %d\n", b) },
		func(b int) { fmt.Fprintf(os.Stdout, "done %d\n", b) })
	if err != nil {
		t.Fatal(err)
	}
}

func TestCrashConsistency(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	rounds := []struct {
		batch int           // kill once the child begins this batch
		delay time.Duration // after this long
	}{
		{3, 0}, {17, 2 * time.Millisecond}, {29, 5 * time.Millisecond}, {41, 10 * time.Millisecond},
	}
	for round, r := range rounds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnvPath+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		seen := waitForLine(out, fmt.Sprintf("begin %d\n", r.batch))
		time.Sleep(r.delay)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait() // killed: the error is expected
		if !seen {
			t.Fatalf("round %d: the child finished or failed before batch %d", round, r.batch)
		}

		db, err := Open(t.Context(), path)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		if err := db.Check(t.Context()); err != nil {
			t.Errorf("round %d: %v", round, err)
		}
		n, err := db.CountArticles(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if n%crashSize != 0 || n < r.batch*crashSize {
			t.Errorf("round %d: %d articles after kill: want whole batches of %d, at least %d", round, n, crashSize, r.batch*crashSize)
		}
		// Whole batches means the first n/crashSize batches, all of them,
		// and nothing of the next.
		for b := range n / crashSize {
			for _, a := range crashBatch(b) {
				if ok, err := db.HasArticle(t.Context(), a.ID); err != nil || !ok {
					t.Fatalf("round %d: article of committed batch %d missing (%v)", round, b, err)
				}
			}
		}
		for _, a := range crashBatch(n / crashSize) {
			if ok, err := db.HasArticle(t.Context(), a.ID); err != nil || ok {
				t.Fatalf("round %d: article of uncommitted batch %d stored (%v)", round, n/crashSize, err)
			}
		}
		t.Logf("round %d: killed %v after beginning batch %d; %d whole batches stored", round, r.delay, r.batch, n/crashSize)
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	// Rerunning completes the set.
	if err := ingestCrashSet(t.Context(), path, nil, nil); err != nil {
		t.Fatalf("rerun: %v", err)
	}
	db := open(t, path)
	if err := db.Check(t.Context()); err != nil {
		t.Error(err)
	}
	n, err := db.CountArticles(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if want := crashBatches * crashSize; n != want {
		t.Errorf("after rerun: %d articles, want %d", n, want)
	}
	hits, err := db.Search(t.Context(), `"article number 5999"`, 5)
	if err != nil || len(hits) != 1 {
		t.Errorf("search for the last article after rerun: %d hits, %v", len(hits), err)
	}
}

// waitForLine reads the child's output until it holds want, and reports
// whether it did.
func waitForLine(out io.Reader, want string) bool {
	var buf []byte
	chunk := make([]byte, 256)
	for {
		n, err := out.Read(chunk)
		buf = append(buf, chunk[:n]...)
		if strings.Contains(string(buf), want) {
			return true
		}
		if err != nil {
			return false
		}
	}
}

func TestOpenCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err == nil {
		db.Close()
		t.Fatal("Open with a canceled context: no error")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error does not wrap context.Canceled: %v", err)
	}
}

// TestOpenConcurrent opens new files from several goroutines at once, as
// two parallax processes started together would: every Open must succeed
// and the schema be migrated once.
func TestOpenConcurrent(t *testing.T) {
	for round := range 3 {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("p%d.db", round))
		t.Run(fmt.Sprint("round ", round), func(t *testing.T) {
			storetest.OpenConcurrent(t, 4, func(ctx context.Context) (store.Store, error) { return Open(ctx, path) })
		})
	}
}

func TestOpenNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	// A later parallax applied a migration this one does not know.
	if _, err := db.write.ExecContext(t.Context(),
		`INSERT INTO goose_db_version (version_id, is_applied) VALUES (9999, 1)`); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(t.Context(), path)
	if err == nil {
		db.Close()
		t.Fatal("Open of a database with a newer schema: no error")
	}
	if !strings.Contains(err.Error(), "9999") || !strings.Contains(err.Error(), "newer") {
		t.Errorf("error %q does not say the schema is newer", err)
	}
}

// TestWriterPragmas checks the settings the writer's connection gets from
// dsn and the readers do not: they are what the speed figures in
// docs/speed.md were measured with.
func TestWriterPragmas(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "p.db"))
	tests := []struct {
		pragma      string
		write, read int64
	}{
		{"cache_size", -32768, -2000},
		{"wal_autocheckpoint", 8192, 1000},
	}
	for _, tt := range tests {
		for _, c := range []struct {
			conn *sql.DB
			want int64
		}{{db.write, tt.write}, {db.read, tt.read}} {
			var got int64
			if err := c.conn.QueryRowContext(t.Context(), "PRAGMA "+tt.pragma).Scan(&got); err != nil {
				t.Fatalf("%s: %v", tt.pragma, err)
			}
			if got != c.want {
				t.Errorf("%s = %d, want %d", tt.pragma, got, c.want)
			}
		}
	}
}
