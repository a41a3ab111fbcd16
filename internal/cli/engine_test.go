package cli

import (
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/engine"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// splitDir makes n directories of symbolic links to the files of dir,
// dealt out in turn (file i to part i mod n).
func splitDir(t *testing.T, dir string, n int) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	parts := make([]string, n)
	for i := range parts {
		parts[i] = t.TempDir()
	}
	k := 0
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		if err := os.Symlink(filepath.Join(dir, e.Name()), filepath.Join(parts[k%n], e.Name())); err != nil {
			t.Fatal(err)
		}
		k++
	}
	return parts
}

// startCLI starts this test binary as `parallax args...` (see TestMain).
func startCLI(t *testing.T, args ...string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PARALLAX_TEST_CLI_ARGS="+strings.Join(args, "\x1f"))
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	return cmd, out
}

// everyArticleInOneStory checks that every stored article of db belongs to
// exactly one story and that nothing waits for analysis.
func everyArticleInOneStory(t *testing.T, db string) (articles, stories int) {
	t.Helper()
	arts := decodeLines[news.Article](t, mustRun(t, "articles", "--db", db, "--json", "--limit", "100000"))
	list := decodeLines[news.Story](t, mustRun(t, "stories", "--db", db, "--json", "--limit", "100000"))
	in := map[string][]string{}
	for _, s := range list {
		for _, id := range s.ArticleIDs {
			in[id] = append(in[id], s.ID)
		}
	}
	twice := 0
	for _, a := range arts {
		switch n := len(in[a.ID]); {
		case n == 0:
			t.Errorf("article %s (%s) is in no story", a.ID, a.Title)
		case n > 1:
			twice++
		}
	}
	if twice > 0 {
		t.Errorf("%d of %d articles belong to more than one story", twice, len(arts))
	}
	st := decodeLines[engine.Status](t, mustRun(t, "status", "--db", db, "--json"))
	if len(st) != 1 || st[0].LagArticles != 0 || st[0].Articles != len(arts) || st[0].Analysed != len(arts) {
		t.Errorf("status after the run: %+v; want %d articles, all analysed", st, len(arts))
	}
	return len(arts), len(list)
}

// TestPostgresTwoIngestsOneAnalyser is issue 11's case: two ingest
// processes at the same time into one PostgreSQL database, each with half
// of news-clusters. One of them leads the analysis at a time, so every
// article ends in exactly one story, as with one process.
func TestPostgresTwoIngestsOneAnalyser(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests news-clusters twice")
	}
	pg := pgtest.DSN(t)
	halves := splitDir(t, sharedtest.Dir(t, "eval", "news-clusters"), 2)
	mustRun(t, "status", "--db", pg) // migrate first, so that both start at once
	a, outA := startCLI(t, "ingest", "--db", pg, "--json", halves[0])
	b, outB := startCLI(t, "ingest", "--db", pg, "--json", halves[1])
	for _, c := range []struct {
		cmd *exec.Cmd
		out *syncBuffer
	}{{a, outA}, {b, outB}} {
		if err := c.cmd.Wait(); err != nil {
			t.Fatalf("ingest: %v\n%s", err, c.out.String())
		}
		t.Logf("ingest: %s", strings.TrimSpace(c.out.String()))
	}
	arts, stories := everyArticleInOneStory(t, pg)

	// One process over the same store order gives the same number of
	// stories (the order differs from run to run, so only the count).
	one := pgtest.DSN(t)
	mustRun(t, "ingest", "--db", one, halves[0], halves[1])
	oneArts, oneStories := everyArticleInOneStory(t, one)
	t.Logf("two processes: %d articles in %d stories; one process: %d in %d", arts, stories, oneArts, oneStories)
	if arts != oneArts {
		t.Errorf("two processes stored %d articles, one %d", arts, oneArts)
	}
}

// TestServeTakesOverFromKilledLeader: two serve processes on one SQLite
// file; the first leads and analyses what an ingest leaves to it; killed
// with SIGKILL, it is replaced by the second within seconds, which
// analyses what is stored next.
func TestServeTakesOverFromKilledLeader(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	files, err := filepath.Glob(filepath.Join(sharedtest.Dir(t, "corpus", "seeds"), "*.txt"))
	if err != nil || len(files) < 2 {
		t.Fatalf("seeds: %v, %v", files, err)
	}
	mustRun(t, "ingest", "--db", db, t.TempDir()) // creates the database
	leader := func() engine.Holder {
		st := decodeLines[engine.Status](t, mustRun(t, "status", "--db", db, "--json"))
		return st[0].Leader
	}
	lag := func() int {
		st := decodeLines[engine.Status](t, mustRun(t, "status", "--db", db, "--json"))
		return st[0].LagArticles
	}
	first, out1 := startCLI(t, "serve", "--db", db, "--addr", "127.0.0.1:0", "--poll-every", "0")
	waitUntil(t, out1, "the first serve to lead", func() bool { return leader().PID == first.Process.Pid })
	second, out2 := startCLI(t, "serve", "--db", db, "--addr", "127.0.0.1:0", "--poll-every", "0")
	waitUntil(t, out2, "the second serve to listen", func() bool { return strings.Contains(out2.String(), "serving") })

	out := mustRun(t, "ingest", "--db", db, files[0])
	if !strings.Contains(out, "analysis left to the process that leads it") {
		t.Errorf("ingest under a serve leader:\n%s", out)
	}
	waitUntil(t, out1, "the leader to analyse the ingest", func() bool { return lag() == 0 })

	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	killed := time.Now()
	waitUntil(t, out2, "the second serve to take the lead", func() bool { return leader().PID == second.Process.Pid })
	t.Logf("second serve leads %v after the kill", time.Since(killed).Round(time.Millisecond))
	if time.Since(killed) > 10*time.Second {
		t.Errorf("took %v to replace the killed leader", time.Since(killed))
	}
	// --wait returns when the leader has analysed what it stored.
	out = mustRun(t, "ingest", "--db", db, "--wait", files[1])
	if !strings.Contains(out, "analysed by the process that leads the analysis") {
		t.Errorf("ingest --wait under a serve leader:\n%s", out)
	}
	if n := lag(); n != 0 {
		t.Errorf("ingest --wait returned with %d articles not analysed", n)
	}
	everyArticleInOneStory(t, db)
}

// TestIngestSameStoriesAnyWorkers is issue 16's determinism case: the same
// corpus ingested with one cleaning worker and with four gives the same
// analysis, table by table.
func TestIngestSameStoriesAnyWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests part of Reuters twice")
	}
	corpus := t.TempDir()
	for _, f := range []string{"0.sgm", "1.sgm"} {
		if err := os.Symlink(filepath.Join(sharedtest.Dir(t, "corpus", "reuters21578"), f), filepath.Join(corpus, f)); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	dump := func(workers int) map[string][]string {
		db := filepath.Join(dir, fmt.Sprintf("w%d.db", workers))
		code, out, errs := run(t, "ingest", "--db", db, "--workers", fmt.Sprint(workers), corpus)
		if code != 0 && !strings.Contains(errs, "the rest were stored") {
			t.Fatalf("ingest --workers %d: exit %d\n%s\n%s", workers, code, out, errs)
		}
		t.Logf("--workers %d: %s", workers, strings.TrimSpace(out))
		return dumpAnalysis(t, db)
	}
	one, four := dump(1), dump(4)
	for table, rows := range one {
		other := four[table]
		if len(rows) == 0 && table != "merges" {
			t.Errorf("table %s is empty", table)
		}
		if !slices.Equal(rows, other) {
			diff := 0
			for i := range min(len(rows), len(other)) {
				if rows[i] != other[i] {
					diff++
				}
			}
			t.Errorf("table %s: %d rows with one worker, %d with four, %d differ", table, len(rows), len(other), diff+max(len(rows), len(other))-min(len(rows), len(other)))
		}
	}
}

// dumpAnalysis reads every analysis table of a SQLite database as text
// rows in key order, articles named by ID (their row numbers are the
// store's own).
func dumpAnalysis(t *testing.T, path string) map[string][]string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	queries := map[string]string{
		"articles": `SELECT seq || ' ' || id FROM articles ORDER BY seq`,
		"analysis": `SELECT a.id || ' ' || z.analysed_order || ' ' || z.story_id || ' ' || z.duplicate_of || ' ' || z.data
			FROM analysis z JOIN articles a ON a.seq = z.article_seq ORDER BY a.id`,
		"quotes": `SELECT a.id || ' ' || q.idx || ' ' || q.speaker_id || ' ' || q.data
			FROM quotes q JOIN articles a ON a.seq = q.article_seq ORDER BY a.id, q.idx`,
		"stories":    `SELECT id || ' ' || storyline_id || ' ' || data FROM stories ORDER BY id`,
		"storylines": `SELECT id || ' ' || data FROM storylines ORDER BY id`,
		"merges":     `SELECT kind || ' ' || from_id || ' ' || into_id FROM merges ORDER BY kind, from_id`,
		"entities":   `SELECT id || ' ' || data FROM entities ORDER BY id`,
		"entity_ids": `SELECT local_id || ' ' || canonical_id FROM entity_ids ORDER BY local_id`,
		// The snapshot itself is a gob of maps (no fixed byte order) and
		// its time entry a clock reading: the mark is compared.
		"stage_state": `SELECT name || ' ' || CAST(data AS TEXT) FROM stage_state WHERE name = 'analyzer-mark'`,
	}
	out := map[string][]string{}
	for table, q := range queries {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out[table] = append(out[table], s)
		}
		rows.Close()
	}
	return out
}
