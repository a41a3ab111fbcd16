package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store/postgres"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// TestPostgresSeedsEndToEnd runs the seeds through the command line into a
// PostgreSQL database (--db postgres://...) and checks that every read
// command gives what the same commands give on a SQLite file.
func TestPostgresSeedsEndToEnd(t *testing.T) {
	pg := pgtest.DSN(t)
	lite := filepath.Join(t.TempDir(), "p.db")
	seeds := sharedtest.Dir(t, "corpus", "seeds")

	type summary struct {
		Documents, Added, Existing, Failed int
	}
	sum := decodeLines[summary](t, mustRun(t, "ingest", "--db", pg, "--json", seeds))
	if len(sum) != 1 || sum[0].Documents != 5 || sum[0].Added != 5 || sum[0].Failed != 0 {
		t.Fatalf("first ingest into postgres: %+v", sum)
	}
	sum = decodeLines[summary](t, mustRun(t, "ingest", "--db", pg, "--json", seeds))
	if sum[0].Added != 0 || sum[0].Existing != 5 {
		t.Fatalf("second ingest into postgres added something: %+v", sum)
	}
	mustRun(t, "ingest", "--db", lite, seeds)

	arts := decodeLines[news.Article](t, mustRun(t, "articles", "--db", pg, "--json"))
	if len(arts) != 5 {
		t.Fatalf("articles from postgres: %d, want 5", len(arts))
	}
	// Ingest stores in the order its parallel workers finish, and undated
	// articles list in storing order, so compare sets here.
	byID := func(list []news.Article) []news.Article {
		return slices.SortedFunc(slices.Values(list), func(a, b news.Article) int { return strings.Compare(a.ID, b.ID) })
	}
	sameArticles(t, byID(arts), byID(decodeLines[news.Article](t, mustRun(t, "articles", "--db", lite, "--json"))))
	// PARALLAX_DB takes the URL as --db does.
	t.Setenv("PARALLAX_DB", pg)
	if got := decodeLines[news.Article](t, mustRun(t, "articles", "--json")); len(got) != 5 {
		t.Errorf("articles with PARALLAX_DB set to the URL: %d, want 5", len(got))
	}
	if out := mustRun(t, "articles"); !strings.Contains(out, arts[0].ID) {
		t.Errorf("articles table lacks %s:\n%s", arts[0].ID, out)
	}

	type hit struct {
		Article news.Article `json:"article"`
		Snippet string       `json:"snippet"`
	}
	hits := decodeLines[hit](t, mustRun(t, "search", "--db", pg, "--json", "Ushakov"))
	if len(hits) != 2 {
		t.Errorf("search Ushakov in postgres: %d hits, want 2", len(hits))
	}
	for _, h := range hits {
		if !strings.Contains(h.Snippet, "[Ushakov]") {
			t.Errorf("snippet %q lacks [Ushakov]", h.Snippet)
		}
	}

	if code, _, errs := run(t, "show", "--db", pg, "nosuchid"); code != 1 || !strings.Contains(errs, "nosuchid") {
		t.Errorf("show unknown: exit %d, stderr %q", code, errs)
	}
}

// TestPostgresSeedsAnalysed ingests the dated seeds one at a time (so that
// the storing order is fixed) into PostgreSQL and SQLite: the articles, in
// order, and what analysis found must be the same.
func TestPostgresSeedsAnalysed(t *testing.T) {
	pg := pgtest.DSN(t)
	lite := filepath.Join(t.TempDir(), "p.db")
	ingestDatedSeeds(t, pg)
	ingestDatedSeeds(t, lite)
	sameArticles(t, decodeLines[news.Article](t, mustRun(t, "articles", "--db", pg, "--json")),
		decodeLines[news.Article](t, mustRun(t, "articles", "--db", lite, "--json")))
	storyKey := func(db string) []string {
		var out []string
		for _, s := range decodeLines[news.Story](t, mustRun(t, "stories", "--db", db, "--json")) {
			ids := slices.Clone(s.ArticleIDs)
			slices.Sort(ids)
			out = append(out, s.ID+":"+strings.Join(ids, ","))
		}
		return out
	}
	if got, want := storyKey(pg), storyKey(lite); !slices.Equal(got, want) || len(got) == 0 {
		t.Errorf("stories: postgres %v, sqlite %v", got, want)
	}
	lines := decodeLines[news.Storyline](t, mustRun(t, "storylines", "--db", pg, "--json"))
	if want := decodeLines[news.Storyline](t, mustRun(t, "storylines", "--db", lite, "--json")); len(lines) != len(want) {
		t.Errorf("storylines: postgres %d, sqlite %d", len(lines), len(want))
	}
	entityKey := func(db string) []string {
		var out []string
		for _, e := range decodeLines[news.Entity](t, mustRun(t, "entities", "--db", db, "--json")) {
			out = append(out, e.ID+" "+e.Name)
		}
		return out
	}
	if got, want := entityKey(pg), entityKey(lite); !slices.Equal(got, want) || len(got) == 0 {
		t.Errorf("entities differ:\npostgres %v\nsqlite   %v", got, want)
	}
	quotes := decodeLines[news.Quote](t, mustRun(t, "quotes", "--db", pg, "--json", "--speaker", "Ushakov"))
	if want := decodeLines[news.Quote](t, mustRun(t, "quotes", "--db", lite, "--json", "--speaker", "Ushakov")); len(quotes) != len(want) || len(quotes) == 0 {
		t.Errorf("quotes by Ushakov: postgres %d, sqlite %d", len(quotes), len(want))
	}

}

// sameArticles compares two article lists entry by entry.
func sameArticles(t *testing.T, got, want []news.Article) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("postgres lists %d articles, sqlite %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.ID != w.ID || g.Title != w.Title || g.OriginOutlet != w.OriginOutlet || g.Text != w.Text ||
			!g.Published.Equal(w.Published) || !slices.Equal(g.Removed, w.Removed) {
			t.Errorf("article %d: postgres has %q (%s), sqlite %q (%s)", i, g.Title, g.ID, w.Title, w.ID)
		}
	}
}

// TestPostgresBadURL: a PostgreSQL URL that cannot be reached fails the
// command with an error naming the database, and not its password.
func TestPostgresBadURL(t *testing.T) {
	const secret = "Hunter2-pw"
	url := "postgres://parallax:" + secret + "@127.0.0.1:1/parallax?connect_timeout=5"
	code, out, errs := run(t, "articles", "--db", url)
	if code != 1 || out != "" {
		t.Errorf("exit %d, stdout %q; want 1 and nothing", code, out)
	}
	if !strings.Contains(errs, "postgres://parallax:xxxxx@127.0.0.1:1/parallax") || strings.Contains(errs, secret) {
		t.Errorf("stderr should name the database without the password: %q", errs)
	}
}

// TestKillDuringIngestPostgres kills an ingest into PostgreSQL with SIGKILL
// once some batches are committed: the server drops the open transaction,
// and rerunning the same ingest completes the database to what an
// uninterrupted run stores, every article analysed.
func TestKillDuringIngestPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a few thousand Reuters stories")
	}
	pg := pgtest.DSN(t)
	corpus := t.TempDir()
	for _, f := range []string{"0.sgm", "1.sgm", "2.sgm", "3.sgm"} {
		if err := os.Symlink(filepath.Join(sharedtest.Dir(t, "corpus", "reuters21578"), f), filepath.Join(corpus, f)); err != nil {
			t.Fatal(err)
		}
	}
	db, err := postgres.Open(t.Context(), pg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	count := func() int {
		t.Helper()
		n, err := db.CountArticles(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PARALLAX_TEST_CLI_ARGS="+strings.Join([]string{"ingest", "--db", pg, corpus}, "\x1f"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for count() == 0 {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatal("child stored nothing within 2 minutes")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	partial := count()

	ingestAll := func(db string) {
		t.Helper()
		code, out, errs := run(t, "ingest", "--db", db, corpus)
		if code != 0 && !strings.Contains(errs, "the rest were stored") {
			t.Fatalf("ingest into %s: exit %d\n%s\n%s", db, code, out, errs)
		}
	}
	ingestAll(pg)
	reference := filepath.Join(t.TempDir(), "reference.db")
	ingestAll(reference)
	got, want := count(), countArticles(t, reference)
	t.Logf("killed after %d articles; rerun completed to %d; uninterrupted run (SQLite) stored %d", partial, got, want)
	if got != want || want == 0 {
		t.Fatalf("after kill and rerun: %d articles, want %d", got, want)
	}
	if pending, err := db.PendingArticles(t.Context(), 10); err != nil || len(pending) != 0 {
		t.Errorf("after the rerun %d articles are not analysed (%v)", len(pending), err)
	}
}
