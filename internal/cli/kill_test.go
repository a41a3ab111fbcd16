package cli

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/parallax-news/parallax/internal/sharedtest"
)

// TestMain lets a test re-run this binary as the parallax command, so that a
// real process can be killed mid-ingest.
func TestMain(m *testing.M) {
	if args := os.Getenv("PARALLAX_TEST_CLI_ARGS"); args != "" {
		// As cmd/parallax: SIGTERM and Ctrl-C end the command's context.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := Main(ctx, strings.Split(args, "\x1f"), os.Stdin, os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

func countArticles(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return -1
	}
	return n
}

// TestKillDuringIngest kills an ingest with SIGKILL once some batches are
// committed, then checks the database is intact and that rerunning the
// same ingest completes it to exactly what an uninterrupted run stores.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a few thousand Reuters stories")
	}
	corpus := t.TempDir()
	for _, f := range []string{"0.sgm", "1.sgm", "2.sgm", "3.sgm"} {
		if err := os.Symlink(filepath.Join(sharedtest.Dir(t, "corpus", "reuters21578"), f), filepath.Join(corpus, f)); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	killed := filepath.Join(dir, "killed.db")

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PARALLAX_TEST_CLI_ARGS="+strings.Join([]string{"ingest", "--db", killed, corpus}, "\x1f"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if n := countArticles(t, killed); n > 0 {
			break
		}
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
	partial := countArticles(t, killed)

	db, err := sql.Open("sqlite", "file:"+killed)
	if err != nil {
		t.Fatal(err)
	}
	var check string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check after kill: %q, %v", check, err)
	}
	db.Close()

	// A Reuters story or two clean to nothing and are reported; what
	// matters is that the rerun and an uninterrupted run store the same.
	ingestAll := func(db string) {
		t.Helper()
		code, out, errs := run(t, "ingest", "--db", db, corpus)
		if code != 0 && !strings.Contains(errs, "the rest were stored") {
			t.Fatalf("ingest into %s: exit %d\n%s\n%s", db, code, out, errs)
		}
	}
	ingestAll(killed)
	reference := filepath.Join(dir, "reference.db")
	ingestAll(reference)
	got, want := countArticles(t, killed), countArticles(t, reference)
	t.Logf("killed after %d articles; rerun completed to %d; uninterrupted run stored %d", partial, got, want)
	if got != want || want == 0 {
		t.Fatalf("after kill and rerun: %d articles, want %d", got, want)
	}
}
