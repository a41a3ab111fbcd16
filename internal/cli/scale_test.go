package cli

import (
	"context"
	"encoding/json"
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
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/sharedtest"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// jsonlParts writes the news-please articles of dir as n JSON Lines files
// (article i in part i mod n, in file-name order) and returns their paths
// and the number of lines written.
func jsonlParts(t *testing.T, dir string, n int) ([]string, int) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	parts := make([]*os.File, n)
	paths := make([]string, n)
	for i := range parts {
		paths[i] = filepath.Join(out, fmt.Sprintf("part%d.jsonl", i+1))
		if parts[i], err = os.Create(paths[i]); err != nil {
			t.Fatal(err)
		}
	}
	k := 0
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		d, err := ingest.ParseNewsPlease(b, e.Name())
		if err != nil {
			continue // not an article (the folder's README data, if any)
		}
		line, err := json.Marshal(ingest.Record{URL: d.URL, Title: d.Title, Text: string(d.Body), Published: d.Published, Outlet: d.Outlet})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parts[k%n].Write(append(line, '\n')); err != nil {
			t.Fatal(err)
		}
		k++
	}
	for _, f := range parts {
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return paths, k
}

// storyPartition reads the stories of db as their article-ID sets, each
// sorted, the list sorted: the partition of the articles, whatever the
// stories' IDs.
func storyPartition(t *testing.T, db string) [][]string {
	t.Helper()
	var out [][]string
	for _, s := range decodeLines[news.Story](t, mustRun(t, "stories", "--db", db, "--json", "--limit", "100000")) {
		ids := slices.Clone(s.ArticleIDs)
		slices.Sort(ids)
		out = append(out, ids)
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out
}

// bcubedF1 is the BCubed F1 of partition got against want (the same
// articles): per article, precision is the share of its cluster in got
// that shares its cluster in want, recall the converse; both averaged over
// articles.
func bcubedF1(got, want [][]string) float64 {
	label := func(p [][]string) map[string]int {
		m := map[string]int{}
		for i, c := range p {
			for _, id := range c {
				m[id] = i
			}
		}
		return m
	}
	g, w := label(got), label(want)
	side := func(a [][]string, la, lb map[string]int) float64 {
		sum, n := 0.0, 0
		for _, c := range a {
			for _, id := range c {
				same := 0
				for _, other := range c {
					if lb[other] == lb[id] {
						same++
					}
				}
				sum += float64(same) / float64(len(c))
				n++
			}
		}
		if n == 0 {
			return 0
		}
		return sum / float64(n)
	}
	p, r := side(got, g, w), side(want, w, g)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func TestBcubedF1(t *testing.T) {
	a := [][]string{{"1", "2"}, {"3"}}
	for _, c := range []struct {
		got, want [][]string
		f1        float64
	}{
		{a, a, 1},
		{[][]string{{"1", "2", "3"}}, a, 2 * (5.0 / 9) * 1 / (5.0/9 + 1)},
		{[][]string{{"1"}, {"2"}, {"3"}}, a, 2 * 1 * (2.0 / 3) / (1 + 2.0/3)},
	} {
		if got := bcubedF1(c.got, c.want); got < c.f1-1e-9 || got > c.f1+1e-9 {
			t.Errorf("bcubedF1(%v, %v) = %v, want %v", c.got, c.want, got, c.f1)
		}
	}
}

// scaleProc is one process of a scale scenario.
type scaleProc struct {
	name string
	cmd  *exec.Cmd
	out  *syncBuffer
	part string // the input of an ingest; "" for a worker
}

// scaleBatch is the analysis batch of the scale scenarios: small, so that
// the analysis of news-clusters commits often and a fault strikes between
// commits.
const scaleBatch = 10

// scaleScenario runs three `parallax ingest --wait` processes at once,
// each with a third of news-clusters as JSON Lines, beside two `parallax
// worker` processes, on the PostgreSQL database pg. Once about half of
// the articles are analysed it calls fault, which may kill one process
// (and returns it; nil otherwise). The run must then complete: the
// ingests left return success, a killed ingest is run again, and the
// analysis catches up. Then: storing every part again adds nothing (no
// article was lost), every article is in exactly one story (none
// doubled), and the stories are those of one process analysing the same
// store, in the same order, in batches of the same size (below).
//
// The analysis takes pending articles in store order, a batch at a time,
// and sorts each batch by publication date: a batch taken while fewer
// than a batch's worth were stored is shorter than the reference's, so
// its boundaries (and, rarely, a story) may differ. The scenario
// therefore asks for BCubed F1 >= 0.995 against the reference, and logs
// whether the two are equal.
func scaleScenario(t *testing.T, pg string, fault func(t *testing.T, watch *engine.Engine, procs []*scaleProc) *scaleProc) {
	parts, lines := jsonlParts(t, sharedtest.Dir(t, "eval", "news-clusters"), 3)
	mustRun(t, "status", "--db", pg) // migrate first, so that all start at once
	ctx := t.Context()
	watch, err := engine.Open(ctx, pg, engine.Options{Command: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer watch.Close()
	batch := fmt.Sprint(scaleBatch)
	var procs []*scaleProc
	for i := range 2 {
		cmd, out := startCLI(t, "worker", "--db", pg, "--jobs", "2", "--analysis-batch", batch)
		procs = append(procs, &scaleProc{name: fmt.Sprintf("worker %d", i+1), cmd: cmd, out: out})
	}
	for i, p := range parts {
		cmd, out := startCLI(t, "ingest", "--db", pg, "--json", "--wait", "--analysis-batch", batch, p)
		procs = append(procs, &scaleProc{name: fmt.Sprintf("ingest %d", i+1), cmd: cmd, out: out, part: p})
	}

	// The fault, half way.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if time.Now().After(deadline) {
			t.Fatal("the analysis did not reach half way within 2 minutes")
		}
		lag, err := watch.Lag(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if lag.Analysed >= lines/2 {
			if lag.LagArticles == 0 && lag.Articles >= lines*9/10 {
				t.Fatalf("the analysis finished (%d articles) before the fault", lag.Analysed)
			}
			t.Logf("fault with %d of %d stored articles analysed", lag.Analysed, lag.Articles)
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	killed := fault(t, watch, procs)

	// The ingests left return once what they stored is analysed.
	for _, p := range procs {
		if p == killed || p.part == "" {
			continue
		}
		if err := p.cmd.Wait(); err != nil {
			t.Fatalf("%s: %v\n%s", p.name, err, p.out.String())
		}
		t.Logf("%s: %s", p.name, strings.TrimSpace(p.out.String()))
	}
	if killed != nil && killed.part != "" {
		// What the killed ingest had not stored yet: run it again.
		out := mustRun(t, "ingest", "--db", pg, "--json", "--wait", "--analysis-batch", batch, killed.part)
		t.Logf("%s again: %s", killed.name, strings.TrimSpace(out))
	}
	for catchUp := time.Now().Add(90 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		lag, err := watch.Lag(ctx)
		if err == nil && lag.LagArticles == 0 {
			break
		}
		if time.Now().After(catchUp) {
			for _, p := range procs {
				if p.part == "" && p != killed {
					t.Logf("%s so far:\n%s", p.name, p.out.String())
				}
			}
			t.Fatalf("the analysis did not catch up within 90 s: lag %+v, error %v", lag, err)
		}
	}

	// Nothing lost: storing every part again adds nothing.
	type summary struct{ Added, Existing, Failed int }
	again := 0
	for _, p := range parts {
		for _, s := range decodeLines[summary](t, mustRun(t, "ingest", "--db", pg, "--json", p)) {
			again += s.Added
		}
	}
	if again != 0 {
		t.Errorf("storing the parts again added %d articles: the run lost them", again)
	}
	arts, stories := everyArticleInOneStory(t, pg)
	got := storyPartition(t, pg)

	// The workers that lived worked to the end.
	for _, p := range procs {
		if p.part == "" && p != killed {
			if p.cmd.ProcessState != nil {
				t.Errorf("%s exited: %s\n%s", p.name, p.cmd.ProcessState, p.out.String())
				continue
			}
			_ = p.cmd.Process.Signal(syscall.SIGTERM)
			if err := p.cmd.Wait(); err != nil {
				t.Errorf("%s: %v\n%s", p.name, err, p.out.String())
			}
		}
	}
	// The reference: one process analyses the same store again, alone.
	one, err := engine.Open(ctx, pg, engine.Options{Command: "reference"})
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	one.SetAnalysisBatch(scaleBatch)
	rctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if _, err := one.AnalyseReset(rctx); err != nil {
		t.Fatal(err)
	}
	want := storyPartition(t, pg)
	f1 := bcubedF1(got, want)
	t.Logf("%d articles (of %d lines) in %d stories; one process over the same store order: %d stories; equal: %v; BCubed F1 %.4f",
		arts, lines, stories, len(want), slices.EqualFunc(got, want, slices.Equal), f1)
	if f1 < 0.995 {
		t.Errorf("BCubed F1 against one process over the same store order: %.4f, want >= 0.995", f1)
	}
}

// TestPostgresLeaderKilledMidRun is issue 11's done-when case (see
// scaleScenario): whichever process holds the analysis lock half way is
// killed with SIGKILL; the others take over (a worker, or an ingest
// waiting for its articles).
func TestPostgresLeaderKilledMidRun(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests news-clusters twice with five processes")
	}
	scaleScenario(t, pgtest.DSN(t), func(t *testing.T, watch *engine.Engine, procs []*scaleProc) *scaleProc {
		deadline := time.Now().Add(time.Minute)
		for time.Now().Before(deadline) {
			h, err := watch.Leader().Holder(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range procs {
				if p.cmd.Process.Pid == h.PID {
					if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
						t.Fatal(err)
					}
					_ = p.cmd.Wait()
					t.Logf("killed the leader, %s (pid %d)", p.name, h.PID)
					return p
				}
			}
			time.Sleep(10 * time.Millisecond)
		}
		t.Fatal("no process of the run held the analysis lock for a minute")
		return nil
	})
}
